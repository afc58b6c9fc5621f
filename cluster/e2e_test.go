package cluster

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/twintrack/twintrack/store/dburl"
	"github.com/twintrack/twintrack/store/storetest"
)

// binDir holds the twintrack binary built for the end-to-end test.
var binDir string

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// binary builds cmd/twintrack once per test process.
var binary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "twintrack-cluster-test")
	if err != nil {
		return "", err
	}
	binDir = dir
	goCmd := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(goCmd); err != nil {
		goCmd = "go"
	}
	out := filepath.Join(dir, "twintrack")
	b, err := exec.Command(goCmd, "build", "-o", out, "github.com/twintrack/twintrack/cmd/twintrack").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, b)
	}
	return out, nil
})

// e2eCorpus writes n documents made from the project's sample corpus, each
// copy with its own id and a report date moved on by a day per copy.
func e2eCorpus(t testing.TB, n int) string {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "corpus", "sample.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var sample []map[string]any
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var d map[string]any
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		sample = append(sample, d)
	}
	var b bytes.Buffer
	for i := 0; i < n; i++ {
		d := map[string]any{}
		for k, v := range sample[i%len(sample)] {
			d[k] = v
		}
		copyNo := i / len(sample)
		d["id"] = fmt.Sprintf("%s-c%03d", d["id"], copyNo)
		date, err := time.Parse("2006-01-02", d["date"].(string))
		if err != nil {
			t.Fatal(err)
		}
		d["date"] = date.AddDate(0, 0, copyNo).Format("2006-01-02")
		line, _ := json.Marshal(d)
		b.Write(line)
		b.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// e2eStore is a fresh PostgreSQL schema when TWINTRACK_TEST_POSTGRES is
// set, else a SQLite file.
func e2eStore(t *testing.T) string {
	if os.Getenv(storetest.EnvPostgres) != "" {
		return storetest.PostgresURL(t)
	}
	return storetest.SQLitePath(t)
}

// TestKillAndRestart is the cluster's promise on one machine: three
// worker processes code a submitted corpus while one of them is killed
// with SIGKILL and the NATS server is stopped and started again on the
// same port and storage; every document ends in the store exactly once,
// with the events a single-process ingest gives.
func TestKillAndRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs processes")
	}
	bin, err := binary()
	if err != nil {
		t.Fatal(err)
	}
	const n = 4000
	t0 := time.Now()
	phase := func(what string) { t.Logf("%6.2fs %s", time.Since(t0).Seconds(), what) }
	corpus := e2eCorpus(t, n)
	cdb, refdb := e2eStore(t), e2eStore(t)

	// The reference: one ingest of the same input.
	if out, err := exec.Command(bin, "ingest", "--quiet", "--db", refdb, corpus).CombinedOutput(); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}

	phase("reference ingest done")
	jsDir := t.TempDir()
	srv, err := StartServer(ServerOptions{StoreDir: jsDir, Addr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { srv.Shutdown() }()
	url := srv.ClientURL()
	c, err := Connect(context.Background(), url, "test", 0)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()

	if out, err := exec.Command(bin, "submit", "--quiet", "--nats", url, corpus).CombinedOutput(); err != nil {
		t.Fatalf("submit: %v\n%s", err, out)
	}
	phase("submitted")
	workers := make([]*exec.Cmd, 3)
	logs := make([]*bytes.Buffer, 3)
	for i := range workers {
		logs[i] = new(bytes.Buffer)
		workers[i] = exec.Command(bin, "worker", "--nats", url, "--db", cdb, "--batch", "20",
			"--ack-wait", "2s", "--id", fmt.Sprintf("w%d", i))
		workers[i].Stderr = logs[i]
		if err := workers[i].Start(); err != nil {
			t.Fatal(err)
		}
	}
	defer func() {
		for _, w := range workers {
			if w.ProcessState == nil {
				w.Process.Kill()
				w.Wait()
			}
		}
	}()

	// Kill worker 0 once a tenth of the corpus is done, restart the
	// server once a third is.
	waitQueued(t, c, n*9/10)
	if err := workers[0].Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	workers[0].Wait()
	phase("worker 0 killed")
	waitQueued(t, c, n*2/3)
	_, port, _ := net.SplitHostPort(url[len("nats://"):])
	srv.Shutdown()
	time.Sleep(500 * time.Millisecond)
	srv, err = StartServer(ServerOptions{StoreDir: jsDir, Addr: "127.0.0.1:" + port})
	if err != nil {
		t.Fatalf("restart: %v", err)
	}
	phase("server restarted")
	waitDrained(t, c, 50*time.Second)
	phase("queue drained")

	redelivered := 0
	for i, w := range workers[1:] {
		w.Process.Signal(syscall.SIGTERM)
		if err := w.Wait(); err != nil {
			t.Errorf("worker %d: %v\n%s", i+1, err, logs[i+1])
		}
		m := regexp.MustCompile(`(\d+) redelivered`).FindStringSubmatch(logs[i+1].String())
		if m == nil {
			t.Errorf("worker %d printed no summary:\n%s", i+1, logs[i+1])
			continue
		}
		r, _ := strconv.Atoi(m[1])
		redelivered += r
	}
	phase("workers stopped")
	t.Logf("redelivered to the surviving workers: %d", redelivered)
	if redelivered == 0 {
		t.Errorf("no message was redelivered: the kill and the restart did not happen mid-run")
	}
	compareStores(t, cdb, refdb, n)
}

// waitQueued waits until at most max documents are left in the queue,
// and fails if the queue is already empty: the corpus is too small for
// what the test means to show.
func waitQueued(t *testing.T, c *Client, max int) {
	t.Helper()
	deadline := time.Now().Add(40 * time.Second)
	for time.Now().Before(deadline) {
		st, err := c.Status(context.Background(), 0)
		if err == nil && !st.NoConsumer && st.Queued <= uint64(max) {
			if st.Queued == 0 {
				t.Fatalf("the queue drained before the step meant for when %d documents are left", max)
			}
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("more than %d documents still queued after 40 s", max)
}

// compareStores checks that the cluster's store holds n documents once
// each and the same events as the reference.
func compareStores(t *testing.T, cdb, refdb string, n int) {
	t.Helper()
	ctx := context.Background()
	ids := func(url string) (docs int, events map[string]bool) {
		db, err := dburl.Open(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var dup int
		if err := db.SQL().QueryRowContext(ctx,
			`SELECT COUNT(*) FROM (SELECT doc_key FROM coded_documents GROUP BY doc_key HAVING COUNT(*) > 1) d`).Scan(&dup); err != nil {
			t.Fatal(err)
		}
		if dup != 0 {
			t.Errorf("%s: %d documents coded more than once", url, dup)
		}
		if err := db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM documents`).Scan(&docs); err != nil {
			t.Fatal(err)
		}
		rows, err := db.SQL().QueryContext(ctx, `SELECT event_id FROM events`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		events = map[string]bool{}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			events[id] = true
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return docs, events
	}
	gotDocs, got := ids(cdb)
	wantDocs, want := ids(refdb)
	if gotDocs != n || wantDocs != n {
		t.Errorf("documents: cluster %d, ingest %d; want %d each", gotDocs, wantDocs, n)
	}
	if len(want) == 0 {
		t.Fatal("the reference ingest stored no events")
	}
	missing, extra := 0, 0
	for id := range want {
		if !got[id] {
			missing++
		}
	}
	for id := range got {
		if !want[id] {
			extra++
		}
	}
	if missing != 0 || extra != 0 || len(got) != len(want) {
		t.Errorf("events: cluster %d, ingest %d; %d missing from the cluster's store, %d extra", len(got), len(want), missing, extra)
	}
}
