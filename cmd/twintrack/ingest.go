package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/cameo"
	"github.com/twintrack/twintrack/ingest"
	"github.com/twintrack/twintrack/input"
	"github.com/twintrack/twintrack/modality"
	"github.com/twintrack/twintrack/progress"
	"github.com/twintrack/twintrack/store"
	"github.com/twintrack/twintrack/store/dburl"
	"github.com/twintrack/twintrack/timex"
)

// exitSkipped is the exit status of an ingest that stored everything it
// could but skipped some input.
const exitSkipped = 3

// runIngest codes a corpus into a store.
//
//	twintrack ingest [--db URL] [--dict PATH]... [--date D] [--input-format F] [--workers N] PATH...
//
// Documents already stored with the same dictionaries are not coded again,
// so rerunning an ingest, or resuming one that was killed, stores every
// document exactly once.
func runIngest(ctx context.Context, args []string, env *Env) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := fs.String("db", dburl.Default, "the store: a SQLite file, sqlite:PATH or postgres://...")
	var dicts pathList
	fs.Var(&dicts, "dict", "dictionaries: a .project file, a directory or a dictionary file (repeatable; default: built-in)")
	date := fs.String("date", "", "report date of documents that carry none, e.g. plain text files (YYYY-MM-DD)")
	format := fs.String("input-format", "", "input format: text, jsonl, tabari or petrarch (default: detected per file)")
	workers := fs.Int("workers", 0, "coding goroutines (default: one per core)")
	batch := fs.Int("batch", 0, "documents per transaction (default 2000)")
	showProgress := fs.Bool("progress", false, "draw progress on stderr even when it is not a terminal")
	quiet := fs.Bool("quiet", false, "no progress and no summary")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: twintrack ingest [--db URL] [--dict PATH]... [--date YYYY-MM-DD] [--input-format F] PATH...")
		fmt.Fprintln(env.Stderr, "Codes the documents of each PATH (files or directories) into the store.")
		fmt.Fprintf(env.Stderr, "Exit status: 0 done, 1 error, 2 usage, %d done but some input was skipped.\n", exitSkipped)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError{code: 2}
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitError{code: 2, msg: "ingest: no input paths"}
	}
	opts := input.Options{Format: *format, Date: *date}
	src, err := openCorpus("ingest", fs.Args(), opts)
	if err != nil {
		return err
	}
	defer src.Close()

	set, err := loadCodingSet(dicts, env.Stderr)
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	st, err := dburl.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()

	var bar *progress.Bar
	if !*quiet {
		bar = progress.New(env.Stderr, 0, *showProgress)
	}
	if bar != nil {
		go countDocuments(ctx, fs.Args(), opts, bar)
	}
	skips := 0
	res, err := ingest.Run(ctx, src, ingest.Options{
		Coder:   set.coder,
		Store:   st,
		Run:     store.RunInfo{DictHash: set.dict.Hash, Dictionaries: set.desc, Coder: "twintrack coder (TABARI algorithm)"},
		Passes:  eventPasses,
		Workers: *workers, BatchDocs: *batch,
		OnSkip: func(err error) {
			skips++
			nl := ""
			if bar != nil {
				nl = "\n" // leave the progress line
			}
			if skips <= 100 {
				fmt.Fprintf(env.Stderr, "%stwintrack: skipped: %v\n", nl, err)
			} else if skips == 101 {
				fmt.Fprintf(env.Stderr, "%stwintrack: more skipped records are counted, not listed\n", nl)
			}
		},
		Progress: func(r ingest.Result) {
			bar.Update(progress.State{Docs: int64(r.Read + r.Unreadable), Sentences: int64(r.Sentences),
				Events: int64(r.Events), Elapsed: r.Elapsed})
		},
	})
	if bar != nil {
		bar.Update(progress.State{Docs: int64(res.Read + res.Unreadable), Sentences: int64(res.Sentences),
			Events: int64(res.Events), Elapsed: res.Elapsed})
		bar.Done()
	}
	if !*quiet {
		printIngestSummary(env.Stderr, res, *db)
	}
	switch {
	case errors.Is(err, context.Canceled):
		return exitError{code: 1, msg: "ingest: interrupted; what was coded is stored, run the same command again to resume"}
	case err != nil:
		return err
	case res.Skipped > 0:
		return exitError{code: exitSkipped, msg: fmt.Sprintf("ingest: %d input records skipped (see above); the rest is stored", res.Skipped)}
	}
	return nil
}

// eventPasses run on every coded event: CAMEO fields, the event date from
// the sentence's time expressions, and negation and modality.
var eventPasses = []ingest.Pass{
	func(ev *twintrack.Event) { cameo.Annotate(ev) },
	func(ev *twintrack.Event) { timex.Annotate(ev) },
	func(ev *twintrack.Event) { modality.Annotate(ev) },
}

// openCorpus opens the documents of paths for the command cmd (ingest,
// submit), checking the --date given in opts; its errors are usage errors
// (exit status 2).
func openCorpus(cmd string, paths []string, opts input.Options) (*input.Reader, error) {
	if opts.Date != "" {
		if _, err := input.ParseDate(opts.Date); err != nil {
			return nil, exitError{code: 2, msg: fmt.Sprintf("%s: --date %q: %v", cmd, opts.Date, err)}
		}
	}
	src, err := input.OpenPaths(paths, opts)
	if err != nil {
		return nil, exitError{code: 2, msg: cmd + ": " + err.Error()}
	}
	return src, nil
}

// countDocuments reads the input a second time, only to count documents,
// so that the progress line can show a total and the time left.
func countDocuments(ctx context.Context, paths []string, opts input.Options, bar *progress.Bar) {
	r, err := input.OpenPaths(paths, opts)
	if err != nil {
		return
	}
	defer r.Close()
	var n int64
	for ctx.Err() == nil {
		_, err := r.Next()
		if err == io.EOF {
			bar.SetTotal(n)
			return
		}
		n++ // skipped records count too: progress counts them as done
	}
}

func printIngestSummary(w io.Writer, r ingest.Result, db string) {
	fmt.Fprintf(w, "ingest: %d documents read: %d stored, %d already stored, %d duplicate ids; %d records skipped\n",
		r.Read, r.Documents, r.AlreadyStored, r.Duplicates, r.Skipped)
	fmt.Fprintf(w, "ingest: %d sentences, %d events in %s (%.0f sentences/s) into %s (run %d)\n",
		r.Sentences, r.Events, r.Elapsed.Round(time.Millisecond), r.SentencesPerSecond(), db, r.RunID)
}
