package cluster

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/store"
	"github.com/twintrack/twintrack/store/storetest"
)

// TestWorkerStoresEachDocumentOnce: a document queued again after it was
// stored (past the duplicate window, here a message without an id) is
// acknowledged without a second copy; documents the coder rejects become
// dead letters that name them and say why.
func TestWorkerStoresEachDocumentOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		srv := startServer(t)
		c := connect(t, srv)
		ctx := context.Background()
		if err := c.SetupQueue(ctx, QueueConfig{}); err != nil {
			t.Fatal(err)
		}
		docs := testDocs(40, "once")
		docs = append(docs,
			twintrack.Document{ID: "bad-1", Date: "2020-01-02", Text: "Alpha met Beta. UNCODABLE text."},
			twintrack.Document{ID: "bad-2", Date: "2020-01-02", Text: "Alpha met Beta. PANIC now."})
		publish(t, c, docs)
		first := runWorker(t, c, db, WorkerOptions{Batch: 7, ID: "w1"})
		if first.Documents != 40 || first.Dead != 2 || first.Events != 80 {
			t.Errorf("first pass: %d documents, %d events, %d dead; want 40, 80, 2", first.Documents, first.Events, first.Dead)
		}
		// The same documents again, without message ids, as if submitted
		// after the duplicate window: the store's key keeps one copy.
		for _, d := range docs[:10] {
			m := nats.NewMsg(Subject)
			m.Data = []byte(`{"id":"` + d.ID + `","date":"2020-01-02","text":"` + d.Text + `"}`)
			if _, err := c.js.PublishMsg(ctx, m); err != nil {
				t.Fatal(err)
			}
		}
		second := runWorker(t, c, db, WorkerOptions{Batch: 4, ID: "w2"})
		if second.Documents != 0 || second.AlreadyStored != 10 {
			t.Errorf("second pass: %d stored, %d already stored; want 0, 10", second.Documents, second.AlreadyStored)
		}
		stats, err := db.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if stats.Documents != 40 || stats.Reports != 80 {
			t.Errorf("store: %d documents, %d events; want 40, 80", stats.Documents, stats.Reports)
		}
		st, err := c.Status(ctx, 10)
		if err != nil {
			t.Fatal(err)
		}
		if st.DeadTotal != 2 {
			t.Fatalf("dead letters: got %d, want 2", st.DeadTotal)
		}
		reasons := map[string]string{}
		for _, d := range st.Dead {
			reasons[d.Key] = d.Reason
			if d.Worker != "w1" || d.Deliveries != 1 {
				t.Errorf("dead letter %s: worker %q, delivery %d; want w1, 1", d.Key, d.Worker, d.Deliveries)
			}
		}
		for key, want := range map[string]string{"bad-1": "coder: cannot code this", "bad-2": "coder panic: test coder bug"} {
			if got := reasons[key]; got != want {
				t.Errorf("dead letter %s: reason %q, want %q", key, got, want)
			}
		}
	})
}

// TestInProgressKeepsSlowBatch: documents that take longer to code than
// the ack wait are not delivered again, because the worker says it is
// still working on them.
func TestInProgressKeepsSlowBatch(t *testing.T) {
	t.Parallel()
	srv := startServer(t)
	c := connect(t, srv)
	if err := c.SetupQueue(context.Background(), QueueConfig{}); err != nil {
		t.Fatal(err)
	}
	publish(t, c, testDocs(4, "slow"))
	// One coding goroutine, 4 documents of 800 ms: 3.2 s per batch,
	// against an ack wait of 1 s.
	st := runWorker(t, c, storetest.SQLite(t), WorkerOptions{Batch: 4, Coders: 1, Coder: testCoder{delay: 800 * time.Millisecond},
		Consumer: ConsumerConfig{AckWait: time.Second, MaxDeliver: 2}})
	if st.Documents != 4 || st.Redelivered != 0 || st.AlreadyStored != 0 || st.Dead != 0 {
		t.Errorf("got %d stored, %d redelivered, %d already stored, %d dead; want 4, 0, 0, 0",
			st.Documents, st.Redelivered, st.AlreadyStored, st.Dead)
	}
}

// TestMaxDeliveriesBecomeDeadLetters: a document whose workers never
// acknowledge it (they die, say) is delivered MaxDeliver times and then
// shows up among the dead letters, by key, with the reason.
func TestMaxDeliveriesBecomeDeadLetters(t *testing.T) {
	t.Parallel()
	srv := startServer(t)
	c := connect(t, srv)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := c.SetupQueue(ctx, QueueConfig{}); err != nil {
		t.Fatal(err)
	}
	publish(t, c, testDocs(1, "lost"))
	cons, err := c.consumer(ctx, ConsumerConfig{AckWait: 200 * time.Millisecond, MaxDeliver: 2})
	if err != nil {
		t.Fatal(err)
	}
	deliveries := 0
	for ctx.Err() == nil && deliveries < 3 {
		mb, err := cons.Fetch(1, jetstream.FetchMaxWait(600*time.Millisecond))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for range mb.Messages() {
			n++ // and never acknowledged
		}
		if n == 0 {
			break
		}
		deliveries += n
	}
	if deliveries != 2 {
		t.Errorf("delivered %d times, want 2 (MaxDeliver)", deliveries)
	}
	var st Status
	for ctx.Err() == nil {
		if st, err = c.Status(ctx, 10); err != nil {
			t.Fatal(err)
		}
		if st.DeadTotal > 0 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if st.DeadTotal != 1 || len(st.Dead) != 1 {
		t.Fatalf("dead letters: %d (%v), want 1", st.DeadTotal, st.Dead)
	}
	d := st.Dead[0]
	if d.Key != "lost-0000" || d.Deliveries != 2 || !strings.Contains(d.Reason, "never acknowledged") {
		t.Errorf("dead letter: got key %q, deliveries %d, reason %q; want lost-0000, 2, never acknowledged", d.Key, d.Deliveries, d.Reason)
	}
}

// TestWorkerStopsGracefully: cancelling a busy worker commits and
// acknowledges what it holds, leaving nothing in flight.
func TestWorkerStopsGracefully(t *testing.T) {
	srv := startServer(t)
	c := connect(t, srv)
	if err := c.SetupQueue(context.Background(), QueueConfig{}); err != nil {
		t.Fatal(err)
	}
	publish(t, c, testDocs(200, "stop"))
	db := storetest.SQLite(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan WorkerStats)
	go func() {
		st, err := c.RunWorker(ctx, WorkerOptions{Batch: 10, Coders: 2, Coder: testCoder{delay: 5 * time.Millisecond},
			Store: db, Run: store.RunInfo{DictHash: "test"}})
		if err != nil {
			t.Error(err)
		}
		done <- st
	}()
	time.Sleep(300 * time.Millisecond)
	cancel()
	st := <-done
	status, err := c.Status(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if status.InFlight != 0 {
		t.Errorf("in flight after a graceful stop: %d, want 0", status.InFlight)
	}
	if st.Documents == 0 || st.Documents == 200 {
		t.Errorf("stored %d documents before the stop; want some but not all of 200", st.Documents)
	}
	if int(status.Queued)+int(st.Documents) != 200 {
		t.Errorf("queued %d + stored %d = %d, want 200", status.Queued, st.Documents, int(status.Queued)+int(st.Documents))
	}
	stats, err := db.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if stats.Documents != st.Documents {
		t.Errorf("store holds %d documents, the worker says it stored %d", stats.Documents, st.Documents)
	}
	w, err := c.workers(context.Background())
	if err != nil || len(w) != 1 || !w[0].Stopped || w[0].Documents != st.Documents {
		t.Errorf("heartbeat after stop: %+v, %v; want one stopped worker with %d documents", w, err, st.Documents)
	}
}

// poisonStore fails every write that holds the document "poison".
type poisonStore struct{ store.Writer }

func (p poisonStore) Write(ctx context.Context, runID int64, batch []store.CodedDocument) (store.WriteResult, error) {
	for _, d := range batch {
		if d.Key == "poison" {
			return store.WriteResult{}, errors.New("the store refuses poison")
		}
	}
	return p.Writer.Write(ctx, runID, batch)
}

// TestStoreFailureIsolated: a document the store keeps refusing is
// handed back until its last delivery, and then only it becomes a dead
// letter; the rest of its batch is stored.
func TestStoreFailureIsolated(t *testing.T) {
	t.Parallel()
	srv := startServer(t)
	c := connect(t, srv)
	ctx := context.Background()
	if err := c.SetupQueue(ctx, QueueConfig{}); err != nil {
		t.Fatal(err)
	}
	docs := append(testDocs(9, "fine"), twintrack.Document{ID: "poison", Date: "2020-01-02", Text: "Alpha met Beta."})
	publish(t, c, docs)
	db := storetest.SQLite(t)
	st := runWorker(t, c, poisonStore{db}, WorkerOptions{Batch: 10, Consumer: ConsumerConfig{MaxDeliver: 2}})
	if st.Documents != 9 || st.Dead != 1 {
		t.Errorf("got %d stored, %d dead; want 9, 1", st.Documents, st.Dead)
	}
	status, err := c.Status(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(status.Dead) != 1 || status.Dead[0].Key != "poison" ||
		status.Dead[0].Reason != "store failed on the last of 2 deliveries: the store refuses poison" {
		t.Errorf("dead letters: %+v; want poison, refused on the last of 2 deliveries", status.Dead)
	}
	stats, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Documents != 9 {
		t.Errorf("store holds %d documents, want 9", stats.Documents)
	}
}

// downStore is a store that is away (writes and pings fail) until up.
type downStore struct {
	store.Writer
	up time.Time
}

func (d downStore) Write(ctx context.Context, runID int64, batch []store.CodedDocument) (store.WriteResult, error) {
	if time.Now().Before(d.up) {
		return store.WriteResult{}, errors.New("connection refused")
	}
	return d.Writer.Write(ctx, runID, batch)
}

func (d downStore) Ping(context.Context) error {
	if time.Now().Before(d.up) {
		return errors.New("connection refused")
	}
	return nil
}

// TestStoreOutageHoldsBatch: while the store is away the worker holds its
// batch and tries again; no delivery is spent (MaxDeliver 1 would make
// any a dead letter) and the batch outlives the ack wait.
func TestStoreOutageHoldsBatch(t *testing.T) {
	t.Parallel()
	srv := startServer(t)
	c := connect(t, srv)
	ctx := context.Background()
	if err := c.SetupQueue(ctx, QueueConfig{}); err != nil {
		t.Fatal(err)
	}
	publish(t, c, testDocs(30, "outage"))
	db := storetest.SQLite(t)
	var errs []error
	var mu sync.Mutex
	st := runWorker(t, c, downStore{db, time.Now().Add(4 * time.Second)}, WorkerOptions{Batch: 50,
		Consumer: ConsumerConfig{AckWait: 1500 * time.Millisecond, MaxDeliver: 1},
		OnError:  func(err error) { mu.Lock(); errs = append(errs, err); mu.Unlock() }})
	if st.Documents != 30 || st.Redelivered != 0 || st.Dead != 0 {
		t.Errorf("got %d stored, %d redelivered, %d dead; want 30, 0, 0", st.Documents, st.Redelivered, st.Dead)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(errs) == 0 || !strings.Contains(errs[0].Error(), "store unavailable, 30 documents held") {
		t.Errorf("reported %v; want the outage reported", errs)
	}
	status, err := c.Status(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if status.DeadTotal != 0 {
		t.Errorf("dead letters: %+v, want none", status.Dead)
	}
}
