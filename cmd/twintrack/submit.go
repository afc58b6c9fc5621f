package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/twintrack/twintrack/cluster"
	"github.com/twintrack/twintrack/input"
	"github.com/twintrack/twintrack/progress"
)

// runSubmit publishes documents to the cluster's work queue.
//
//	twintrack submit --nats URL [--date D] [--input-format F] [--window N] [--max-queue N] PATH...
//
// Each document goes out as JSON under its key (the store's document key),
// so that submitting the same input twice within the queue's duplicate
// window queues each document once; after that, workers find the second
// copy already stored.
func runSubmit(ctx context.Context, args []string, env *Env) error {
	fs := flag.NewFlagSet("submit", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	url := fs.String("nats", "nats://127.0.0.1:4222", "the NATS server (JetStream enabled)")
	date := fs.String("date", "", "report date of documents that carry none, e.g. plain text files (YYYY-MM-DD)")
	format := fs.String("input-format", "", "input format: text, jsonl, tabari or petrarch (default: detected per file)")
	window := fs.Int("window", 256, "publishes awaiting the server's acknowledgement at most")
	maxQueue := fs.Int64("max-queue", 0, "documents the queue holds at most before submit waits for workers (default 100000)")
	maxBytes := fs.Int64("max-queue-bytes", 0, "bytes the queue holds at most (default 1 GiB)")
	showProgress := fs.Bool("progress", false, "draw progress on stderr even when it is not a terminal")
	quiet := fs.Bool("quiet", false, "no progress and no summary")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: twintrack submit --nats URL [--date YYYY-MM-DD] [--input-format F] PATH...")
		fmt.Fprintln(env.Stderr, "Publishes the documents of each PATH to the work queue that 'twintrack worker' codes from.")
		fmt.Fprintf(env.Stderr, "Exit status: 0 done, 1 error, 2 usage, %d done but some input was skipped.\n", exitSkipped)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError{code: 2}
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitError{code: 2, msg: "submit: no input paths"}
	}
	opts := input.Options{Format: *format, Date: *date}
	src, err := openCorpus("submit", fs.Args(), opts)
	if err != nil {
		return err
	}
	defer src.Close()

	c, err := cluster.Connect(ctx, *url, "twintrack submit", *window)
	if err != nil {
		return fmt.Errorf("submit: %w", err)
	}
	defer c.Close()
	if err := c.SetupQueue(ctx, cluster.QueueConfig{MaxMsgs: *maxQueue, MaxBytes: *maxBytes}); err != nil {
		return fmt.Errorf("submit: %w", err)
	}

	var bar *progress.Bar
	if !*quiet {
		bar = progress.New(env.Stderr, 0, *showProgress)
		if bar != nil {
			go countDocuments(ctx, fs.Args(), opts, bar)
		}
	}
	start := time.Now()
	pub := c.NewPublisher(*window)
	pub.OnAck = func(s cluster.PublishStats) {
		bar.Update(progress.State{Docs: int64(s.Published + s.Duplicates), Elapsed: time.Since(start), DocsOnly: true})
	}
	skipped := 0
	skip := func(err error) {
		skipped++
		nl := ""
		if bar != nil {
			nl = "\n" // leave the progress line
		}
		if skipped <= 100 {
			fmt.Fprintf(env.Stderr, "%stwintrack: skipped: %v\n", nl, err)
		} else if skipped == 101 {
			fmt.Fprintf(env.Stderr, "%stwintrack: more skipped records are counted, not listed\n", nl)
		}
	}
	err = publishAll(ctx, src, pub, skip)
	if err == nil {
		err = pub.Flush(ctx)
	}
	s := pub.Stats()
	if bar != nil {
		bar.Update(progress.State{Docs: int64(s.Published + s.Duplicates), Elapsed: time.Since(start), DocsOnly: true})
		bar.Done()
	}
	if !*quiet {
		el := time.Since(start)
		fmt.Fprintf(env.Stderr, "submit: %d documents queued, %d already queued (same key), %d records skipped in %s (%.0f documents/s) to %s\n",
			s.Published, s.Duplicates, skipped, el.Round(time.Millisecond), float64(s.Published+s.Duplicates)/el.Seconds(), *url)
		if s.FullWaits > 0 || s.Retries > 0 {
			fmt.Fprintf(env.Stderr, "submit: waited %d times for a full queue, repeated %d publishes after timeouts\n", s.FullWaits, s.Retries)
		}
	}
	switch {
	case errors.Is(err, context.Canceled):
		return exitError{code: 1, msg: "submit: interrupted; what was queued stays queued, submit the same input again to finish (queued documents are not queued twice)"}
	case err != nil:
		return fmt.Errorf("submit: %w", err)
	case skipped > 0:
		return exitError{code: exitSkipped, msg: fmt.Sprintf("submit: %d input records skipped (see above); the rest is queued", skipped)}
	}
	return nil
}

// publishAll publishes every document of src; unreadable records and
// documents too large for the server are reported through skip.
func publishAll(ctx context.Context, src *input.Reader, pub *cluster.Publisher, skip func(error)) error {
	for ctx.Err() == nil {
		doc, err := src.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			skip(err)
			continue
		}
		err = pub.Publish(ctx, &doc)
		var tooLarge *cluster.TooLargeError
		if errors.As(err, &tooLarge) {
			skip(err)
			continue
		}
		if err != nil {
			return err
		}
	}
	return ctx.Err()
}
