package main

import (
	"context"
	"flag"
	"fmt"
	"sync"
	"time"

	"github.com/twintrack/twintrack/cluster"
	"github.com/twintrack/twintrack/progress"
	"github.com/twintrack/twintrack/store"
	"github.com/twintrack/twintrack/store/dburl"
)

// runWorker codes documents from the cluster's work queue into a store.
//
//	twintrack worker --nats URL --db URL [--dict PATH]... [--batch N] [--workers N]
//
// It codes exactly as 'twintrack ingest' does with the same dictionaries
// (the same coder, event passes and coding run), so a corpus coded by any
// number of workers gives the same events as one ingest. SIGTERM or ^C
// stops it after the batch in hand is committed and acknowledged.
func runWorker(ctx context.Context, args []string, env *Env) error {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	url := fs.String("nats", "nats://127.0.0.1:4222", "the NATS server (JetStream enabled)")
	db := fs.String("db", dburl.Default, "the store: postgres://... (shared by many workers) or a SQLite file (one machine)")
	var dicts pathList
	fs.Var(&dicts, "dict", "dictionaries: a .project file, a directory or a dictionary file (repeatable; default: built-in)")
	batch := fs.Int("batch", 500, "documents fetched, coded and committed per transaction")
	coders := fs.Int("workers", 0, "coding goroutines (default: one per core)")
	id := fs.String("id", "", "this worker's name in 'cluster status' (default host-pid)")
	ackWait := fs.Duration("ack-wait", 30*time.Second, "a message not acknowledged for this long is delivered again (sets the shared consumer)")
	maxDeliver := fs.Int("max-deliver", 5, "deliveries of a message at most before it becomes a dead letter (sets the shared consumer)")
	showProgress := fs.Bool("progress", false, "draw progress on stderr even when it is not a terminal")
	quiet := fs.Bool("quiet", false, "no progress and no summary")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: twintrack worker --nats URL --db URL [--dict PATH]... [--batch N]")
		fmt.Fprintln(env.Stderr, "Codes documents from the work queue into the store until stopped (SIGTERM finishes the batch in hand).")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError{code: 2}
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return exitError{code: 2, msg: "worker: no arguments expected"}
	}

	set, err := loadCodingSet(dicts, env.Stderr)
	if err != nil {
		return fmt.Errorf("worker: %w", err)
	}
	st, err := dburl.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	c, err := cluster.Connect(ctx, *url, "twintrack worker", 0)
	if err != nil {
		return fmt.Errorf("worker: %w", err)
	}
	defer c.Close()

	var bar *progress.Bar
	if !*quiet {
		bar = progress.New(env.Stderr, 0, *showProgress)
	}
	var mu sync.Mutex // stderr lines from the worker's goroutines
	errs := 0
	line := func(format string, a ...any) {
		mu.Lock()
		defer mu.Unlock()
		nl := ""
		if bar != nil {
			nl = "\n"
		}
		fmt.Fprintf(env.Stderr, nl+format+"\n", a...)
	}
	res, err := c.RunWorker(ctx, cluster.WorkerOptions{
		ID:       *id,
		Coder:    set.coder,
		Passes:   eventPasses,
		Store:    st,
		Run:      store.RunInfo{DictHash: set.dict.Hash, Dictionaries: set.desc, Coder: "twintrack coder (TABARI algorithm)"},
		Batch:    *batch,
		Coders:   *coders,
		Consumer: cluster.ConsumerConfig{AckWait: *ackWait, MaxDeliver: *maxDeliver},
		OnBatch: func(s cluster.WorkerStats) {
			bar.Update(progress.State{Docs: s.Documents + s.AlreadyStored, Sentences: s.Sentences, Events: s.Events, Elapsed: s.Elapsed})
		},
		OnDead: func(d cluster.DeadLetter) {
			line("twintrack: dead letter: document %s (delivery %d): %s", d.Key, d.Deliveries, d.Reason)
		},
		OnError: func(err error) {
			mu.Lock()
			errs++
			n := errs
			mu.Unlock()
			if n <= 100 {
				line("twintrack: worker: %v", err)
			}
		},
	})
	bar.Done()
	if !*quiet {
		printWorkerSummary(env, res, *db)
	}
	return err
}

func printWorkerSummary(env *Env, s cluster.WorkerStats, db string) {
	rate := 0.0
	if secs := s.Elapsed.Seconds(); secs > 0 {
		rate = float64(s.Sentences) / secs
	}
	fmt.Fprintf(env.Stderr, "worker: %d documents stored, %d already stored, %d redelivered, %d dead letters\n",
		s.Documents, s.AlreadyStored, s.Redelivered, s.Dead)
	fmt.Fprintf(env.Stderr, "worker: %d sentences, %d events in %d transactions, %s (%.0f sentences/s) into %s\n",
		s.Sentences, s.Events, s.Batches, s.Elapsed.Round(time.Millisecond), rate, db)
}
