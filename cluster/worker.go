package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/ingest"
	"github.com/twintrack/twintrack/store"
	"github.com/twintrack/twintrack/text"
)

// WorkerOptions configure RunWorker. Coder, Store and Run.DictHash are
// required.
type WorkerOptions struct {
	// ID names the worker in heartbeats and dead letters (default
	// host-pid).
	ID     string
	Coder  twintrack.Coder
	Passes []ingest.Pass // run on every event after coding, in order
	Store  store.Writer
	Run    store.RunInfo
	// Batch is the number of documents fetched, coded and committed in
	// one transaction (default 500).
	Batch int
	// Coders is the number of coding goroutines (default GOMAXPROCS).
	Coders int
	// Consumer sets the delivery rules of the shared consumer; the last
	// worker to start sets them for all.
	Consumer ConsumerConfig
	// HeartbeatEvery is the interval of heartbeats (default 2 s).
	HeartbeatEvery time.Duration
	// OnBatch, if not nil, is called after every committed batch.
	OnBatch func(WorkerStats)
	// OnDead, if not nil, is told of every dead letter.
	OnDead func(DeadLetter)
	// OnError, if not nil, is told of errors the worker recovers from
	// (a fetch that failed while the server was away, a store write that
	// failed and was handed back for redelivery).
	OnError func(error)
}

// WorkerStats counts what a worker did.
type WorkerStats struct {
	Documents     int64 // documents newly stored
	AlreadyStored int64 // documents the store held already (redelivered after a commit whose ack was lost)
	Sentences     int64 // sentences of the newly stored documents
	Events        int64 // events stored
	Redelivered   int64 // messages received that had been delivered before
	Dead          int64 // documents sent to the dead letters
	Batches       int64 // transactions committed
	Elapsed       time.Duration
}

// DeadLetter is a document that could not be coded or stored.
type DeadLetter struct {
	Key        string    `json:"key"`
	Reason     string    `json:"reason"`
	Worker     string    `json:"worker"`
	Deliveries uint64    `json:"deliveries"`
	StreamSeq  uint64    `json:"stream_seq"`
	Time       time.Time `json:"time"` // when the letter was written (zero if unknown)
}

func (o *WorkerOptions) defaults() {
	if o.ID == "" {
		o.ID = DefaultWorkerID()
	}
	if o.Batch <= 0 {
		o.Batch = 500
	}
	if o.Coders <= 0 {
		o.Coders = runtime.GOMAXPROCS(0)
	}
	if o.HeartbeatEvery <= 0 {
		o.HeartbeatEvery = 2 * time.Second
	}
	o.Consumer.defaults()
}

// job is one fetched message on its way through a worker.
type job struct {
	msg       jetstream.Msg
	delivered uint64
	seq       uint64
	key       string
	out       store.CodedDocument
	dead      string // why the document cannot be stored; "" when coded
	duplicate bool   // the key appeared earlier in the same batch
	settled   bool   // acknowledged, handed back or buried already
}

// RunWorker pulls documents from the work queue until ctx ends, codes
// them, commits each batch to the store and then acknowledges its
// messages. When ctx ends it finishes the batch in hand (code, commit,
// acknowledge) and returns what it did with a nil error.
func (c *Client) RunWorker(ctx context.Context, o WorkerOptions) (WorkerStats, error) {
	var st WorkerStats
	if o.Coder == nil || o.Store == nil {
		return st, errors.New("worker: a coder and a store are required")
	}
	o.defaults()
	cons, err := c.consumer(ctx, o.Consumer)
	if err != nil {
		return st, err
	}
	run, err := o.Store.StartRun(ctx, o.Run)
	if err != nil {
		return st, fmt.Errorf("worker: %w", err)
	}
	ackWait := o.Consumer.AckWait
	if info := cons.CachedInfo(); info != nil && info.Config.AckWait > 0 {
		ackWait = info.Config.AckWait
	}
	maxDeliver := o.Consumer.MaxDeliver
	if info := cons.CachedInfo(); info != nil && info.Config.MaxDeliver > 0 {
		maxDeliver = info.Config.MaxDeliver
	}

	w := &worker{c: c, o: &o, cons: cons, runID: run.ID, maxDeliver: maxDeliver, start: time.Now()}
	keep := newKeeper(ackWait / 4)
	defer keep.stop()
	hb := c.startHeartbeats(o.ID, o.HeartbeatEvery, w.snapshot)
	defer hb.stop()

	coded := make(chan []*job, 1)
	go func() {
		defer close(coded)
		fails := 0
		for ctx.Err() == nil {
			jobs, err := w.fetch(ctx)
			if err != nil {
				fails++
				if ctx.Err() == nil {
					w.report(fmt.Errorf("fetch: %w", err))
					sleep(ctx, backoff(min(fails, 5)))
				}
				continue
			}
			fails = 0
			if len(jobs) == 0 {
				continue
			}
			keep.add(jobs)
			w.code(jobs)
			coded <- jobs // the committer drains until this channel closes
		}
	}()
	for jobs := range coded {
		w.commit(ctx, jobs)
		keep.remove(jobs)
		if o.OnBatch != nil {
			o.OnBatch(w.snapshot())
		}
	}
	c.nc.FlushTimeout(5 * time.Second)
	return w.snapshot(), nil
}

type worker struct {
	c          *Client
	o          *WorkerOptions
	cons       jetstream.Consumer
	runID      int64
	maxDeliver int
	start      time.Time

	mu sync.Mutex
	st WorkerStats
}

func (w *worker) snapshot() WorkerStats {
	w.mu.Lock()
	defer w.mu.Unlock()
	s := w.st
	s.Elapsed = time.Since(w.start)
	return s
}

func (w *worker) report(err error) {
	if w.o.OnError != nil {
		w.o.OnError(err)
	}
}

// fetch pulls up to Batch messages, waiting at most a second for them.
func (w *worker) fetch(ctx context.Context) ([]*job, error) {
	mb, err := w.cons.Fetch(w.o.Batch, jetstream.FetchMaxWait(time.Second))
	if err != nil {
		return nil, err
	}
	var jobs []*job
	for m := range mb.Messages() {
		j := &job{msg: m, key: m.Headers().Get(jetstream.MsgIDHeader)}
		if md, err := m.Metadata(); err == nil {
			j.delivered, j.seq = md.NumDelivered, md.Sequence.Stream
		}
		jobs = append(jobs, j)
	}
	if err := mb.Error(); err != nil && len(jobs) == 0 && !errors.Is(err, context.DeadlineExceeded) {
		return nil, err
	}
	return jobs, nil
}

// code decodes and codes the jobs' documents on Coders goroutines.
func (w *worker) code(jobs []*job) {
	next := make(chan *job)
	var wg sync.WaitGroup
	for range min(w.o.Coders, len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				w.codeOne(j)
			}
		}()
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
}

// codeOne codes a document as ingest does: the coder, then every pass on
// every event in order, and the sentence count of text.Sentences. A coder
// error or panic makes the document a dead letter.
func (w *worker) codeOne(j *job) {
	defer func() {
		if p := recover(); p != nil {
			j.dead = fmt.Sprintf("coder panic: %v", p)
		}
	}()
	var doc twintrack.Document
	if err := json.Unmarshal(j.msg.Data(), &doc); err != nil {
		j.dead = fmt.Sprintf("not a document: %v", err)
		return
	}
	key := store.DocKey(&doc)
	if j.key == "" {
		j.key = key
	}
	evs, err := w.o.Coder.CodeDocument(&doc)
	if err != nil {
		j.dead = fmt.Sprintf("coder: %v", err)
		return
	}
	for i := range evs {
		for _, p := range w.o.Passes {
			p(&evs[i])
		}
	}
	j.out = store.CodedDocument{Doc: doc, Key: key, Sentences: len(text.Sentences(doc.Text)), Events: evs}
}
