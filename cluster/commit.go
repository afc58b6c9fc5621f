package cluster

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/twintrack/twintrack/store"
)

// storeTimeout bounds one transaction; a store slower than this hands the
// batch back for redelivery.
const storeTimeout = 2 * time.Minute

// commit writes the coded documents of a batch in one transaction and
// only then acknowledges their messages. Documents the coder rejected go
// to the dead letters.
//
// When the write fails, the worker asks the store whether it is there
// (ping). If it is not, the worker keeps the batch (in progress) and
// tries again with a growing pause until the store is back or ctx ends,
// so an outage of the database spends no deliveries and buries nothing.
// If the store answers, the batch is tried once more (a deadlock or a
// serialization failure passes) and then document by document, so that
// only the documents that fail on their own are handed back, and become
// dead letters on their last delivery.
func (w *worker) commit(ctx context.Context, jobs []*job) {
	var docs []store.CodedDocument
	var ok []*job
	seen := make(map[string]bool, len(jobs))
	var redelivered int64
	for _, j := range jobs {
		if j.delivered > 1 {
			redelivered++
		}
		if j.dead != "" {
			continue
		}
		if seen[j.out.Key] {
			j.duplicate = true
			continue
		}
		seen[j.out.Key] = true
		docs = append(docs, j.out)
		ok = append(ok, j)
	}
	w.mu.Lock()
	w.st.Redelivered += redelivered
	w.mu.Unlock()

	err := w.write(docs)
	for wait := time.Second; err != nil && ctx.Err() == nil; wait = min(2*wait, 30*time.Second) {
		if w.ping() == nil {
			if err = w.write(docs); err != nil {
				w.commitEach(ok)
				err = nil
			}
			break
		}
		w.report(fmt.Errorf("store unavailable, %d documents held, trying again in %s: %w", len(ok), wait, err))
		if sleep(ctx, wait) != nil {
			break
		}
		err = w.write(docs)
	}
	if err != nil {
		w.report(fmt.Errorf("store: stopping, %d documents handed back for redelivery: %w", len(ok), err))
	}
	for _, j := range jobs {
		switch {
		case j.settled:
		case j.dead != "":
			w.bury(j, j.dead)
		case j.duplicate:
			w.mu.Lock()
			w.st.AlreadyStored++
			w.mu.Unlock()
			j.msg.Ack()
		case err == nil:
			j.msg.Ack()
		default:
			j.msg.Nak()
		}
	}
	// Acknowledgements are published without waiting for replies; make
	// sure they have left before the next batch.
	w.c.nc.FlushTimeout(5 * time.Second)
}

// write stores docs in one transaction and counts what it stored.
func (w *worker) write(docs []store.CodedDocument) error {
	if len(docs) == 0 {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
	wr, err := w.o.Store.Write(ctx, w.runID, docs)
	cancel()
	if err != nil {
		return err
	}
	w.mu.Lock()
	w.st.Documents += int64(wr.Documents)
	w.st.AlreadyStored += int64(wr.Skipped)
	w.st.Sentences += int64(wr.Sentences)
	w.st.Events += int64(wr.Events)
	w.st.Batches++
	w.mu.Unlock()
	return nil
}

// ping asks the store whether it is there: through its Ping method, or
// its database handle's. A store that has neither counts as there.
func (w *worker) ping() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	switch s := w.o.Store.(type) {
	case interface{ Ping(context.Context) error }:
		return s.Ping(ctx)
	case interface{ SQL() *sql.DB }:
		return s.SQL().PingContext(ctx)
	}
	return nil
}

// commitEach writes the jobs' documents one transaction each, after the
// batch's transaction failed twice with the store there: a document that
// stores is acknowledged, one that fails on its last delivery becomes a
// dead letter with its own error, and the others are handed back.
func (w *worker) commitEach(jobs []*job) {
	for _, j := range jobs {
		j.settled = true
		err := w.write([]store.CodedDocument{j.out})
		switch {
		case err == nil:
			j.msg.Ack()
		case j.delivered >= uint64(w.maxDeliver):
			w.bury(j, fmt.Sprintf("store failed on the last of %d deliveries: %v", w.maxDeliver, err))
		default:
			w.report(fmt.Errorf("store: document %s handed back for redelivery: %w", j.key, err))
			j.msg.NakWithDelay(2 * time.Second)
		}
	}
}

// bury publishes a dead letter for j and then terminates its message. If
// the dead letter cannot be published, the message is handed back
// instead, so that it is never dropped silently.
func (w *worker) bury(j *job, reason string) {
	m := nats.NewMsg(DeadSubject)
	m.Data = j.msg.Data()
	m.Header.Set(HeaderDocKey, j.key)
	m.Header.Set(HeaderReason, reason)
	m.Header.Set(HeaderWorker, w.o.ID)
	m.Header.Set(HeaderDeliveries, strconv.FormatUint(j.delivered, 10))
	m.Header.Set(HeaderStreamSeq, strconv.FormatUint(j.seq, 10))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := w.c.js.PublishMsg(ctx, m); err != nil {
		w.report(fmt.Errorf("dead letter for %s (%s) not stored, handed back: %w", j.key, reason, err))
		j.msg.NakWithDelay(5 * time.Second)
		return
	}
	j.msg.TermWithReason(reason)
	w.mu.Lock()
	w.st.Dead++
	w.mu.Unlock()
	if w.o.OnDead != nil {
		w.o.OnDead(DeadLetter{Key: j.key, Reason: reason, Worker: w.o.ID, Deliveries: j.delivered, StreamSeq: j.seq, Time: time.Now()})
	}
}

// keeper tells the server every interval that the messages it holds are
// still being worked on (InProgress), so that a slow batch is not
// redelivered to another worker while this one codes or commits it.
type keeper struct {
	mu   sync.Mutex
	held map[jetstream.Msg]struct{}
	done chan struct{}
	wg   sync.WaitGroup
}

func newKeeper(every time.Duration) *keeper {
	if every <= 0 {
		every = time.Second
	}
	k := &keeper{held: map[jetstream.Msg]struct{}{}, done: make(chan struct{})}
	k.wg.Add(1)
	go func() {
		defer k.wg.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-k.done:
				return
			case <-t.C:
				k.mu.Lock()
				for m := range k.held {
					m.InProgress()
				}
				k.mu.Unlock()
			}
		}
	}()
	return k
}

func (k *keeper) add(jobs []*job) {
	k.mu.Lock()
	for _, j := range jobs {
		k.held[j.msg] = struct{}{}
	}
	k.mu.Unlock()
}

func (k *keeper) remove(jobs []*job) {
	k.mu.Lock()
	for _, j := range jobs {
		delete(k.held, j.msg)
	}
	k.mu.Unlock()
}

func (k *keeper) stop() {
	close(k.done)
	k.wg.Wait()
}
