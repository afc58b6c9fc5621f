package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/twintrack/twintrack/cluster"
	"github.com/twintrack/twintrack/store"
	"github.com/twintrack/twintrack/store/dburl"
)

func TestClusterUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"cluster without subcommand", []string{"cluster"}, "status or serve"},
		{"cluster unknown subcommand", []string{"cluster", "start"}, `unknown subcommand "start"`},
		{"serve without store", []string{"cluster", "serve"}, "--store DIR is required"},
		{"submit without paths", []string{"submit", "--nats", "nats://127.0.0.1:1"}, "no input paths"},
		{"worker with arguments", []string{"worker", "file.jsonl"}, "no arguments expected"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := runStoreCmd(t, tc.args...)
			if got := exitCode(err); got != 2 {
				t.Errorf("exit status %d, want 2 (%v)", got, err)
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got error %v, want it to mention %q", err, tc.want)
			}
		})
	}
}

// TestSubmitWorkerStatus runs the three commands in-process against an
// embedded server: submit reports bad input as ingest does, a worker
// stores what ingest stores, and status shows the drained queue and the
// worker.
func TestSubmitWorkerStatus(t *testing.T) {
	srv, err := cluster.StartServer(cluster.ServerOptions{StoreDir: t.TempDir(), Addr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown()
	url := srv.ClientURL()
	dictDir, corpusDir := storeCorpus(t)
	db, ref := filepath.Join(t.TempDir(), "cluster.db"), filepath.Join(t.TempDir(), "ref.db")

	_, stderr, err := runStoreCmd(t, "submit", "--nats", url, corpusDir)
	if exitCode(err) != exitSkipped {
		t.Fatalf("submit with a corrupt record: got %v, want exit status %d; stderr:\n%s", err, exitSkipped, stderr)
	}
	for _, want := range []string{"b.jsonl:2", "submit: 4 documents queued, 0 already queued (same key), 1 records skipped"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("submit's stderr lacks %q:\n%s", want, stderr)
		}
	}
	_, stderr, _ = runStoreCmd(t, "submit", "--quiet", "--nats", url, corpusDir)
	if !strings.Contains(stderr, "b.jsonl:2") || strings.Contains(stderr, "submit:") {
		t.Errorf("a quiet submit prints the skipped record and no summary, got:\n%s", stderr)
	}

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var wstderr string
	go func() {
		var err error
		_, wstderr, err = runStoreCmdCtx(ctx, "worker", "--nats", url, "--db", db, "--dict", dictDir, "--batch", "2")
		done <- err
	}()
	c, err := cluster.Connect(context.Background(), url, "test", 0)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for deadline := time.Now().Add(20 * time.Second); ; {
		st, err := c.Status(context.Background(), 0)
		if err == nil && !st.NoConsumer && st.Queued == 0 && st.InFlight == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("queue not drained: %+v, %v", st, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	status, _, err := runStoreCmd(t, "cluster", "status", "--nats", url)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"queue TWINTRACK_DOCS: 0 documents (0 waiting, 0 in flight", "dead letters: 0", "workers: 1"} {
		if !strings.Contains(status, want) {
			t.Errorf("status lacks %q:\n%s", want, status)
		}
	}
	js, _, err := runStoreCmd(t, "cluster", "status", "--json", "--nats", url)
	if err != nil {
		t.Fatal(err)
	}
	var st struct {
		Queued         *uint64 `json:"queued"`
		InFlight       *int    `json:"in_flight"`
		MaxDeliver     int     `json:"max_deliver"`
		AckWaitSeconds float64 `json:"ack_wait_seconds"`
		DeadTotal      *uint64 `json:"dead_total"`
		Workers        []struct {
			ID        string `json:"id"`
			Documents int64  `json:"documents"`
		} `json:"workers"`
	}
	if err := json.Unmarshal([]byte(js), &st); err != nil {
		t.Fatalf("status --json: %v\n%s", err, js)
	}
	if st.Queued == nil || *st.Queued != 0 || st.InFlight == nil || *st.InFlight != 0 || st.DeadTotal == nil || *st.DeadTotal != 0 {
		t.Errorf("status --json: want an empty queue, nothing in flight, no dead letters:\n%s", js)
	}
	if st.MaxDeliver <= 0 || st.AckWaitSeconds <= 0 {
		t.Errorf("status --json: max_deliver %d, ack_wait_seconds %g: want the consumer's settings", st.MaxDeliver, st.AckWaitSeconds)
	}
	if len(st.Workers) != 1 || st.Workers[0].ID == "" {
		t.Errorf("status --json: want one worker with an id:\n%s", js)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("worker: %v\n%s", err, wstderr)
	}
	// The second submit queued nothing new: the four documents once.
	if !strings.Contains(wstderr, "worker: 4 documents stored, 0 already stored") {
		t.Errorf("worker summary:\n%s", wstderr)
	}

	if _, stderr, err := runStoreCmd(t, "ingest", "--quiet", "--db", ref, "--dict", dictDir, corpusDir); exitCode(err) != exitSkipped {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	got, want := eventIDs(t, db), eventIDs(t, ref)
	if len(want) == 0 || strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("events: worker stored %v, ingest %v", got, want)
	}
}

func runStoreCmdCtx(ctx context.Context, args ...string) (string, string, error) {
	var out, errb strings.Builder
	err := Run(ctx, args, &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb})
	return out.String(), errb.String(), err
}

// eventIDs lists the ids of every event in a store, sorted.
func eventIDs(t *testing.T, db string) []string {
	t.Helper()
	st, err := dburl.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var ids []string
	for ev, err := range st.Events(context.Background(), store.Filter{All: true}) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, ev.EventID)
	}
	sort.Strings(ids)
	return ids
}
