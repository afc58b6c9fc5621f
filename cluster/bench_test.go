package cluster

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"github.com/twintrack/twintrack/store/dburl"
	"github.com/twintrack/twintrack/store/storetest"
)

// drainBatch is the workers' --batch in BenchmarkDrain.
var drainBatch = flag.Int("drain-batch", 500, "documents per worker transaction in BenchmarkDrain")

// BenchmarkDrain measures the cluster's throughput into PostgreSQL: the
// corpus (benchDocs documents made from corpus/sample.jsonl) is submitted
// first, then 1 or 2 worker processes are started and the time until the
// queue is empty is measured (worker start-up, dictionary loading
// included). Workers run with one coding goroutine each (coders=1) or
// one per core (coders=cores, the default). Each iteration uses a fresh
// server and a fresh schema:
//
//	TWINTRACK_TEST_POSTGRES=postgres://... go test ./cluster -run '^$' -bench Drain -benchtime 1x -count 3
func BenchmarkDrain(b *testing.B) {
	if os.Getenv(storetest.EnvPostgres) == "" {
		b.Skipf("%s not set: the throughput is measured into PostgreSQL", storetest.EnvPostgres)
	}
	bin, err := binary()
	if err != nil {
		b.Fatal(err)
	}
	const benchDocs = 20000
	corpus := e2eCorpus(b, benchDocs)
	// The reference: one ingest process of the same corpus.
	b.Run("ingest", func(b *testing.B) {
		var elapsed time.Duration
		var sentences int64
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			db := storetest.PostgresURL(b)
			start := time.Now()
			if out, err := exec.Command(bin, "ingest", "--quiet", "--db", db, corpus).CombinedOutput(); err != nil {
				b.Fatalf("ingest: %v\n%s", err, out)
			}
			elapsed += time.Since(start)
			sentences += storedSentences(b, db)
			b.StartTimer()
		}
		b.ReportMetric(float64(b.N*benchDocs)/elapsed.Seconds(), "docs/s")
		b.ReportMetric(float64(sentences)/elapsed.Seconds(), "sentences/s")
		b.ReportMetric(0, "ns/op")
	})
	// coders 0 is one coding goroutine per core in each worker.
	for _, bc := range []struct{ workers, coders int }{{1, 1}, {2, 1}, {1, 0}, {2, 0}} {
		name := fmt.Sprintf("workers=%d/coders=%d", bc.workers, bc.coders)
		if bc.coders == 0 {
			name = fmt.Sprintf("workers=%d/coders=cores", bc.workers)
		}
		b.Run(name, func(b *testing.B) {
			var elapsed, cpu time.Duration
			var docs, sentences int64
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				d, s, el, c := drainOnce(b, bin, corpus, bc.workers, bc.coders)
				b.StartTimer()
				docs, sentences, elapsed, cpu = docs+d, sentences+s, elapsed+el, cpu+c
			}
			if docs != int64(b.N*benchDocs) {
				b.Fatalf("stored %d documents, want %d", docs, b.N*benchDocs)
			}
			b.ReportMetric(float64(docs)/elapsed.Seconds(), "docs/s")
			b.ReportMetric(float64(sentences)/elapsed.Seconds(), "sentences/s")
			// On a machine shared with other work, the sentences per CPU
			// second of the workers say whether adding one costs
			// efficiency, whatever the neighbours do.
			b.ReportMetric(float64(sentences)/cpu.Seconds(), "sentences/worker-cpu-s")
			b.ReportMetric(0, "ns/op") // the timer measures nothing useful here
		})
	}
}

// drainOnce submits the corpus to a fresh server, starts the workers and
// returns what they stored, how long the queue took to drain and the
// workers' CPU time (user and system).
func drainOnce(b *testing.B, bin, corpus string, workers, coders int) (docs, sentences int64, elapsed, cpu time.Duration) {
	db := storetest.PostgresURL(b)
	srv, err := StartServer(ServerOptions{StoreDir: b.TempDir(), Addr: "127.0.0.1:0"})
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Shutdown()
	url := srv.ClientURL()
	if out, err := exec.Command(bin, "submit", "--quiet", "--nats", url, corpus).CombinedOutput(); err != nil {
		b.Fatalf("submit: %v\n%s", err, out)
	}
	c, err := Connect(context.Background(), url, "bench", 0)
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	start := time.Now()
	var cmds []*exec.Cmd
	for i := 0; i < workers; i++ {
		cmd := exec.Command(bin, "worker", "--quiet", "--nats", url, "--db", db, "--workers", fmt.Sprint(coders), "--batch", fmt.Sprint(*drainBatch))
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for {
		st, err := c.Status(context.Background(), 0)
		if err == nil && !st.NoConsumer && st.Queued == 0 && st.InFlight == 0 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	elapsed = time.Since(start)
	for _, cmd := range cmds {
		cmd.Process.Signal(syscall.SIGTERM)
		if err := cmd.Wait(); err != nil {
			b.Errorf("worker: %v", err)
		}
		cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	st, err := dburl.Open(context.Background(), db)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	stats, err := st.Stats(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	return stats.Documents, stats.Sentences, elapsed, cpu
}

func storedSentences(b *testing.B, db string) int64 {
	st, err := dburl.Open(context.Background(), db)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	stats, err := st.Stats(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	return stats.Sentences
}
