package ingest_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/coder"
	"github.com/twintrack/twintrack/dict"
	"github.com/twintrack/twintrack/ingest"
	"github.com/twintrack/twintrack/sqlite"
	"github.com/twintrack/twintrack/store"
	"github.com/twintrack/twintrack/store/storetest"
)

// The speed target: 20,000 sentences/s into SQLite for a 100,000-sentence
// corpus. The benchmarks report sentences/s as a metric:
//
//	go test ./ingest -run '^$' -bench . -benchtime 3x
//
// corpusOut writes the benchmark corpus to a file, for measuring the
// command: go test ./ingest -run TestWriteBenchCorpus -corpus-out /tmp/corpus.jsonl
var corpusOut = flag.String("corpus-out", "", "write the 100,000-sentence benchmark corpus to this file")

const benchDocs, benchPer = 20000, 5

var benchCorpus = sync.OnceValue(func() string { return corpus(benchDocs, benchPer, 42) })

func TestWriteBenchCorpus(t *testing.T) {
	if *corpusOut == "" {
		t.Skip("use -corpus-out FILE to write the benchmark corpus")
	}
	if err := os.WriteFile(*corpusOut, []byte(benchCorpus()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func benchIngest(b *testing.B, open func(b *testing.B) store.Writer, c twintrack.Coder) {
	text := benchCorpus()
	b.SetBytes(int64(len(text)))
	var sentences, events int
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db := open(b)
		b.StartTimer()
		res, err := ingest.Run(context.Background(), source(b, text),
			ingest.Options{Coder: c, Store: db, Passes: passes, Run: store.RunInfo{DictHash: "bench", Dictionaries: "bench", Coder: "bench"}})
		if err != nil {
			b.Fatal(err)
		}
		sentences, events = sentences+res.Sentences, events+res.Events
	}
	if sentences != b.N*benchDocs*benchPer {
		b.Fatalf("stored %d sentences, want %d", sentences, b.N*benchDocs*benchPer)
	}
	b.ReportMetric(float64(sentences)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
	b.ReportMetric(float64(sentences)/(cpuTime()-cpu0).Seconds(), "sentences/cpu-s")
}

// cpuTime is the process's user and system CPU time so far. On a machine
// shared with other work, sentences per CPU-second (times the cores) says
// more than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func openSQLite(b *testing.B) store.Writer {
	db, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

func openPostgres(b *testing.B) store.Writer { return storetest.Postgres(b) }

// BenchmarkIngestFakeCoder measures the pipeline and the store: the fake
// coder costs little.
func BenchmarkIngestFakeCoder(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) { benchIngest(b, openSQLite, &fakeCoder{hash: "bench"}) })
	b.Run("postgres", func(b *testing.B) { benchIngest(b, openPostgres, &fakeCoder{hash: "bench"}) })
}

// BenchmarkIngestCoder is the real thing: the TABARI-algorithm coder with
// the built-in dictionaries.
func BenchmarkIngestCoder(b *testing.B) {
	d, err := dict.Builtin()
	if err != nil && d == nil {
		b.Fatal(err)
	}
	c := coder.New(d)
	b.Run("sqlite", func(b *testing.B) { benchIngest(b, openSQLite, c) })
	b.Run("postgres", func(b *testing.B) { benchIngest(b, openPostgres, c) })
}
