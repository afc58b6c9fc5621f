package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/store"
	"github.com/twintrack/twintrack/text"
)

// Source yields documents. Next returns io.EOF after the last document;
// any other error reports a record that was skipped, and reading goes on
// (this is how *input.Reader behaves).
type Source interface {
	Next() (twintrack.Document, error)
}

// Pass is a per-event step run after coding, in order, e.g. cameo.Annotate
// or the event-date and modality passes. Passes run concurrently on
// different events and must not share mutable state.
type Pass func(ev *twintrack.Event)

// Options configure Run. Coder, Store and Run.DictHash are required.
type Options struct {
	Coder twintrack.Coder
	Store store.Writer
	Run   store.RunInfo
	// Passes run on every event after coding, in order.
	Passes []Pass
	// Workers is the number of coding goroutines; 0 means GOMAXPROCS.
	Workers int
	// BatchDocs and BatchEvents bound a transaction: it is committed when
	// either is reached, or after FlushEvery. 0 means 2,000 documents,
	// 20,000 events, 1 second.
	BatchDocs   int
	BatchEvents int
	FlushEvery  time.Duration
	// Sentences counts a document's sentences; nil means text.Sentences.
	Sentences func(doc string) []twintrack.Span
	// OnSkip is told of every skipped record or document (nil: ignored).
	// It is called from the writer goroutine only.
	OnSkip func(err error)
	// Progress, if not nil, is called from the writer goroutine after
	// every committed batch with the totals so far.
	Progress func(Result)
}

// Result counts what an ingest did.
type Result struct {
	RunID         int64
	Read          int // documents read from the source
	Documents     int // documents newly stored
	AlreadyStored int // documents the run had stored before (rerun, resume)
	Duplicates    int // documents whose key appeared earlier in this input
	Skipped       int // unreadable records and documents the coder rejected
	Unreadable    int // of Skipped, the records the source could not read
	Sentences     int // sentences of the newly stored documents
	Events        int // events stored
	Batches       int // transactions committed
	Elapsed       time.Duration
}

// SentencesPerSecond is the rate of newly stored sentences.
func (r Result) SentencesPerSecond() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Sentences) / r.Elapsed.Seconds()
}

// CodeError is a document the coder rejected.
type CodeError struct {
	DocID string
	Err   error
}

func (e *CodeError) Error() string { return fmt.Sprintf("document %s: %v", e.DocID, e.Err) }
func (e *CodeError) Unwrap() error { return e.Err }

// item travels from the reader to the workers and on to the writer: a
// document to code, or a record the reader skipped.
type item struct {
	doc       twintrack.Document
	key       string
	skip      error // a record that could not be read or coded
	already   bool  // stored for the run before this ingest
	duplicate bool  // the key was seen earlier in this input
	out       store.CodedDocument
}

// Run codes every document of src into the store and returns what it did.
// When ctx is cancelled it stops reading, commits what was coded, and
// returns ctx's error with the partial result.
func Run(ctx context.Context, src Source, opts Options) (Result, error) {
	start := time.Now()
	var res Result
	if opts.Coder == nil || opts.Store == nil {
		return res, errors.New("ingest: a coder and a store are required")
	}
	opts.defaults()
	run, err := opts.Store.StartRun(ctx, opts.Run)
	if err != nil {
		return res, fmt.Errorf("ingest: %w", err)
	}
	res.RunID = run.ID
	done, err := opts.Store.CodedKeys(ctx, run.ID)
	if err != nil {
		return res, fmt.Errorf("ingest: %w", err)
	}

	readCtx, stopReading := context.WithCancel(ctx)
	defer stopReading()
	jobs := make(chan *item, 4*opts.Workers)
	// A deep results queue lets the workers go on coding while the writer
	// commits a batch.
	results := make(chan *item, 1024)
	go read(readCtx, src, done, jobs, results)
	workersDone := make(chan struct{})
	for i := 0; i < opts.Workers; i++ {
		go func() {
			for it := range jobs {
				opts.code(it)
				results <- it
			}
			workersDone <- struct{}{}
		}()
	}
	go func() {
		for i := 0; i < opts.Workers; i++ {
			<-workersDone
		}
		close(results)
	}()

	werr := opts.write(run.ID, results, &res, start)
	if werr != nil {
		stopReading()
		for range results { // let the reader and workers finish
		}
	}
	res.Elapsed = time.Since(start)
	if werr != nil {
		return res, werr
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	return res, nil
}

func (o *Options) defaults() {
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.BatchDocs <= 0 {
		o.BatchDocs = 2000
	}
	if o.BatchEvents <= 0 {
		o.BatchEvents = 20000
	}
	if o.FlushEvery <= 0 {
		o.FlushEvery = time.Second
	}
	if o.Sentences == nil {
		o.Sentences = text.Sentences
	}
}

// read feeds documents to the workers. Documents already stored for the
// run, repeated keys and unreadable records go straight to the writer,
// which counts and reports them.
func read(ctx context.Context, src Source, done map[string]bool, jobs, results chan<- *item) {
	defer close(jobs)
	seen := map[string]bool{}
	for ctx.Err() == nil {
		doc, err := src.Next()
		if err == io.EOF {
			return
		}
		it := &item{skip: err}
		if err == nil {
			key := store.DocKey(&doc)
			switch {
			case done[key]:
				it.already = true
			case seen[key]:
				it.duplicate = true
			default:
				seen[key] = true
				select {
				case jobs <- &item{doc: doc, key: key}:
				case <-ctx.Done():
				}
				continue
			}
		}
		select {
		case results <- it:
		case <-ctx.Done():
		}
	}
}

// code codes one document and runs the passes over its events. A panic in
// the coder or a pass is a bug, but it is the bug of one document: it is
// reported as that document's CodeError and the ingest goes on.
func (o *Options) code(it *item) {
	defer func() {
		if p := recover(); p != nil {
			it.skip = &CodeError{DocID: it.doc.ID, Err: fmt.Errorf("coder panic: %v", p)}
		}
	}()
	evs, err := o.Coder.CodeDocument(&it.doc)
	if err != nil {
		it.skip = &CodeError{DocID: it.doc.ID, Err: err}
		return
	}
	for i := range evs {
		for _, p := range o.Passes {
			p(&evs[i])
		}
	}
	it.out = store.CodedDocument{Doc: it.doc, Key: it.key, Sentences: len(o.Sentences(it.doc.Text)), Events: evs}
	it.doc = twintrack.Document{}
}

// write is the single writer: it batches coded documents into
// transactions. It keeps draining results after a cancellation so that
// everything coded is committed.
func (o *Options) write(runID int64, results <-chan *item, res *Result, start time.Time) error {
	var batch []store.CodedDocument
	events := 0
	last := time.Now()
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		// The batch is committed even when the ingest is being cancelled:
		// it has been coded, and committing it is what makes resuming cheap.
		wr, err := o.Store.Write(context.Background(), runID, batch)
		if err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
		res.Documents += wr.Documents
		res.AlreadyStored += wr.Skipped
		res.Sentences += wr.Sentences
		res.Events += wr.Events
		res.Batches++
		batch, events, last = batch[:0], 0, time.Now()
		if o.Progress != nil {
			r := *res
			r.Elapsed = time.Since(start)
			o.Progress(r)
		}
		return nil
	}
	for it := range results {
		switch {
		case it.already:
			res.Read++
			res.AlreadyStored++
			continue
		case it.duplicate:
			res.Read++
			res.Duplicates++
			continue
		case it.skip != nil:
			if errors.As(it.skip, new(*CodeError)) {
				res.Read++
			} else {
				res.Unreadable++
			}
			res.Skipped++
			if o.OnSkip != nil {
				o.OnSkip(it.skip)
			}
			continue
		}
		res.Read++
		batch = append(batch, it.out)
		events += len(it.out.Events)
		if len(batch) >= o.BatchDocs || events >= o.BatchEvents || time.Since(last) >= o.FlushEvery {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}
