package cluster

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/store"
	"github.com/twintrack/twintrack/text"
)

// startServer starts an embedded server on a free port with its storage
// in a temporary directory, stopped when the test ends.
func startServer(t *testing.T) *Server {
	t.Helper()
	srv, err := StartServer(ServerOptions{StoreDir: t.TempDir(), Addr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Shutdown)
	return srv
}

func connect(t *testing.T, srv *Server) *Client {
	t.Helper()
	c, err := Connect(context.Background(), srv.ClientURL(), t.Name(), 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// testCoder codes one event per sentence that names both "Alpha" and
// "Beta"; it fails on "UNCODABLE", panics on "PANIC" and sleeps delay per
// document.
type testCoder struct{ delay time.Duration }

func (c testCoder) CodeDocument(doc *twintrack.Document) ([]twintrack.Event, error) {
	time.Sleep(c.delay)
	if strings.Contains(doc.Text, "PANIC") {
		panic("test coder bug")
	}
	if strings.Contains(doc.Text, "UNCODABLE") {
		return nil, errors.New("cannot code this")
	}
	var out []twintrack.Event
	for i, sp := range text.Sentences(doc.Text) {
		s := doc.Text[sp.Start:sp.End]
		a, b := strings.Index(s, "Alpha"), strings.Index(s, "Beta")
		if a < 0 || b < 0 {
			continue
		}
		ev := twintrack.Event{DocID: doc.ID, Sentence: i, DocDate: doc.Date, EventDate: doc.Date,
			Source: "AAAGOV", Target: "BBBGOV", SourceCountry: "AAA", TargetCountry: "BBB", Code: "042",
			SourceText: "Alpha", TargetText: "Beta", SentenceText: s, DictHash: "test",
			Spans: twintrack.EventSpans{Sentence: sp,
				Source: twintrack.Span{Start: sp.Start + a, End: sp.Start + a + 5},
				Target: twintrack.Span{Start: sp.Start + b, End: sp.Start + b + 4}}}
		ev.EventID = ev.StableID()
		out = append(out, ev)
	}
	return out, nil
}

func testDocs(n int, prefix string) []twintrack.Document {
	docs := make([]twintrack.Document, n)
	for i := range docs {
		docs[i] = twintrack.Document{ID: fmt.Sprintf("%s-%04d", prefix, i), Date: "2020-01-02",
			Text: fmt.Sprintf("Alpha visited Beta on day %d. Nothing happened. Beta thanked Alpha.", i)}
	}
	return docs
}

func publish(t *testing.T, c *Client, docs []twintrack.Document) PublishStats {
	t.Helper()
	ctx := context.Background()
	p := c.NewPublisher(16)
	for i := range docs {
		if err := p.Publish(ctx, &docs[i]); err != nil {
			t.Fatalf("publish %s: %v", docs[i].ID, err)
		}
	}
	if err := p.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	return p.Stats()
}

func TestPublishDropsDuplicateKeys(t *testing.T) {
	srv := startServer(t)
	c := connect(t, srv)
	if err := c.SetupQueue(context.Background(), QueueConfig{}); err != nil {
		t.Fatal(err)
	}
	docs := testDocs(5, "dup")
	docs = append(docs, docs[1], docs[3])
	docs = append(docs, twintrack.Document{Text: "no id: keyed by its text"}, twintrack.Document{Text: "no id: keyed by its text"})
	got := publish(t, c, docs)
	if got.Published != 6 || got.Duplicates != 3 {
		t.Errorf("published %d, duplicates %d; want 6, 3", got.Published, got.Duplicates)
	}
	st, err := c.Status(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if st.Queued != 6 || !st.NoConsumer {
		t.Errorf("queued %d (no consumer %v), want 6 (true)", st.Queued, st.NoConsumer)
	}
}

// TestPublishWaitsForFullQueue fills a queue limited to 10 documents
// while a slow consumer drains it: every document gets through, and the
// publisher waited.
func TestPublishWaitsForFullQueue(t *testing.T) {
	t.Parallel()
	srv := startServer(t)
	c := connect(t, srv)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := c.SetupQueue(ctx, QueueConfig{MaxMsgs: 10}); err != nil {
		t.Fatal(err)
	}
	cons, err := c.consumer(ctx, ConsumerConfig{})
	if err != nil {
		t.Fatal(err)
	}
	const n = 60
	got := map[string]int{}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for total := 0; total < n && ctx.Err() == nil; {
			mb, err := cons.Fetch(3, jetstream.FetchMaxWait(200*time.Millisecond))
			if err != nil {
				continue
			}
			for m := range mb.Messages() {
				got[m.Headers().Get(jetstream.MsgIDHeader)]++
				m.DoubleAck(ctx)
				total++
			}
			time.Sleep(20 * time.Millisecond)
		}
	}()
	stats := publish(t, c, testDocs(n, "full"))
	wg.Wait()
	if stats.Published != n {
		t.Errorf("published %d, want %d", stats.Published, n)
	}
	if stats.FullWaits == 0 {
		t.Errorf("the publisher never met the full queue (limit 10, %d documents)", n)
	}
	if len(got) != n {
		t.Errorf("consumer received %d distinct documents, want %d", len(got), n)
	}
}

// runWorker runs a worker until the queue is empty and no message is in
// flight, then stops it and returns its stats.
func runWorker(t *testing.T, c *Client, db store.Writer, o WorkerOptions) WorkerStats {
	t.Helper()
	o.Store, o.Run = db, store.RunInfo{DictHash: "test", Dictionaries: "test", Coder: "test"}
	if o.Coder == nil {
		o.Coder = testCoder{}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type result struct {
		st  WorkerStats
		err error
	}
	done := make(chan result, 1)
	go func() {
		st, err := c.RunWorker(ctx, o)
		done <- result{st, err}
	}()
	waitDrained(t, c, 30*time.Second)
	cancel()
	r := <-done
	if r.err != nil {
		t.Fatalf("worker: %v", r.err)
	}
	return r.st
}

func waitDrained(t *testing.T, c *Client, limit time.Duration) Status {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		st, err := c.Status(context.Background(), 100)
		if err == nil && !st.NoConsumer && st.Queued == 0 && st.InFlight == 0 {
			return st
		}
		if time.Now().After(deadline) {
			t.Fatalf("queue not drained after %s: %+v, %v", limit, st, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestPublishSurvivesRestart: the server is stopped and started again on
// the same port and storage while documents are being published; every
// document is queued exactly once.
func TestPublishSurvivesRestart(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	srv, err := StartServer(ServerOptions{StoreDir: dir, Addr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	url := srv.ClientURL()
	c, err := Connect(context.Background(), url, t.Name(), 0)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Second)
	defer cancel()
	if err := c.SetupQueue(ctx, QueueConfig{}); err != nil {
		t.Fatal(err)
	}
	const n = 3000
	docs := testDocs(n, "restart")
	p := c.NewPublisher(64)
	restarted := make(chan error, 1)
	for i := range docs {
		if i == n/3 {
			go func() {
				srv.Shutdown()
				time.Sleep(300 * time.Millisecond)
				var err error
				srv, err = StartServer(ServerOptions{StoreDir: dir, Addr: strings.TrimPrefix(url, "nats://")})
				restarted <- err
			}()
		}
		if err := p.Publish(ctx, &docs[i]); err != nil {
			t.Fatalf("publish %d: %v", i, err)
		}
	}
	if err := p.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if err := <-restarted; err != nil {
		t.Fatalf("restart: %v", err)
	}
	defer srv.Shutdown()
	st, err := c.Status(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	stats := p.Stats()
	t.Logf("publisher: %+v", stats)
	if st.Queued != n {
		t.Errorf("queued %d, want %d", st.Queued, n)
	}
	if stats.Published+stats.Duplicates != n {
		t.Errorf("published %d + duplicates %d, want %d in all", stats.Published, stats.Duplicates, n)
	}
}
