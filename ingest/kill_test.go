package ingest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/twintrack/twintrack/ingest"
	"github.com/twintrack/twintrack/input"
	"github.com/twintrack/twintrack/store"
	"github.com/twintrack/twintrack/store/dburl"
	"github.com/twintrack/twintrack/store/storetest"
)

// The kill test re-executes the test binary as an ingest process
// (TestHelperIngest), kills it with SIGKILL part-way, runs it again and
// checks that every document is stored exactly once.
const (
	envHelperDB     = "TWINTRACK_INGEST_HELPER_DB"
	envHelperCorpus = "TWINTRACK_INGEST_HELPER_CORPUS"
	envHelperDelay  = "TWINTRACK_INGEST_HELPER_DELAY"
)

// TestHelperIngest is not a test: it is the ingest process of
// TestKillAndResume, and does nothing unless its environment says so.
func TestHelperIngest(t *testing.T) {
	db := os.Getenv(envHelperDB)
	if db == "" {
		t.Skip("helper process for TestKillAndResume")
	}
	delay, _ := time.ParseDuration(os.Getenv(envHelperDelay))
	s, err := dburl.Open(context.Background(), db)
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(3)
	}
	src, err := input.Open(os.Getenv(envHelperCorpus), input.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(3)
	}
	opts := ingest.Options{
		Coder: &fakeCoder{hash: "kill", delay: delay}, Store: s, Passes: passes, BatchDocs: 7,
		Run: store.RunInfo{DictHash: "kill", Dictionaries: "fake", Coder: "fake"},
	}
	res, err := ingest.Run(context.Background(), src, opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(3)
	}
	s.Close()
	json.NewEncoder(os.Stdout).Encode(res)
	os.Exit(0)
}

func helper(t *testing.T, db, corpus string, delay time.Duration) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperIngest$", "-test.count=1")
	cmd.Env = append(os.Environ(), envHelperDB+"="+db, envHelperCorpus+"="+corpus, envHelperDelay+"="+delay.String())
	return cmd
}

// storedDocs returns the number of documents the kill run has stored, or
// -1 before the run exists.
func storedDocs(t *testing.T, s *store.DB) int64 {
	runs, err := s.Runs(context.Background())
	if err != nil {
		t.Fatalf("runs: %v", err)
	}
	if len(runs) == 0 {
		return -1
	}
	return runs[0].Documents
}

func TestKillAndResume(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { killAndResume(t, storetest.SQLitePath(t)) })
	t.Run("postgres", func(t *testing.T) { killAndResume(t, storetest.PostgresURL(t)) })
}

func killAndResume(t *testing.T, db string) {
	const docs = 600
	text := corpus(docs, 3, 11)
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	// What a complete ingest stores, computed without a store.
	var wantEvents int
	c := &fakeCoder{hash: "kill"}
	rd := source(t, text)
	for {
		d, err := rd.Next()
		if err != nil {
			break
		}
		evs, _ := c.CodeDocument(&d)
		wantEvents += len(evs)
	}

	// 5 ms a document on 2 workers: about 1.5 s for the corpus.
	cmd := helper(t, db, path, 5*time.Millisecond)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s, err := dburl.Open(context.Background(), db)
	if err != nil {
		cmd.Process.Kill()
		t.Fatal(err)
	}
	defer s.Close()
	deadline := time.Now().Add(30 * time.Second)
	for storedDocs(t, s) < 50 {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("the helper stored nothing in 30 s; stderr: %s", stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	killedAt := storedDocs(t, s)
	if killedAt >= docs {
		t.Fatalf("the helper finished (%d documents) before it was killed: make it slower", killedAt)
	}
	t.Logf("killed after %d of %d documents", killedAt, docs)

	for i, want := range []struct{ documents, already int }{
		{docs - int(killedAt), int(killedAt)}, // resume
		{0, docs},                             // rerun: nothing new
	} {
		out, err := helper(t, db, path, 0).Output()
		if err != nil {
			t.Fatalf("run %d after the kill: %v", i+1, err)
		}
		var res ingest.Result
		if err := json.Unmarshal(out, &res); err != nil {
			t.Fatalf("run %d: bad output %q: %v", i+1, out, err)
		}
		if res.Documents != want.documents || res.AlreadyStored != want.already {
			t.Errorf("run %d after the kill: stored %d, already stored %d; want %d and %d",
				i+1, res.Documents, res.AlreadyStored, want.documents, want.already)
		}
	}
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.Count(context.Background(), store.Filter{All: true}, store.CountReports)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != docs || st.Sentences != 3*docs || all != int64(wantEvents) {
		t.Errorf("after kill and resume: %d documents, %d sentences, %d events; want %d, %d, %d",
			st.Documents, st.Sentences, all, docs, 3*docs, wantEvents)
	}
	var perDoc int64
	for _, r := range st.Runs {
		perDoc += r.Events
	}
	if perDoc != int64(wantEvents) {
		t.Errorf("coded_documents says %d events, want %d", perDoc, wantEvents)
	}
	if strings.Contains(stderr.String(), "panic") {
		t.Errorf("helper panicked: %s", stderr.String())
	}
}
