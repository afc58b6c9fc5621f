package httpserver

import (
	"net/http/httptest"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/twintrack/twintrack/sqlite"
)

// BenchmarkCountsAPI measures the dyad and track endpoints, cache off, on
// the SQLite store named by TWINTRACK_BENCH_DB (one filled by "loadgen
// fill"), for loadgen's small, middling and largest dyads: the CPU time of
// one request from parsing to JSON (cpu-ms/op). Skipped when the variable
// is not set.
func BenchmarkCountsAPI(b *testing.B) {
	path := os.Getenv("TWINTRACK_BENCH_DB")
	if path == "" {
		b.Skip("TWINTRACK_BENCH_DB not set")
	}
	db, err := sqlite.Open(b.Context(), path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	s, err := New(Config{Store: FromStore(db), CacheEntries: -1})
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range [][2]string{{"KHM", "LAO"}, {"JPN", "KHM"}, {"USA", "CHN"}} {
		for _, p := range []string{
			"/api/dyads?source=" + d[0] + "&target=" + d[1] + "&by=year",
			"/api/tracks?sender=" + d[0] + "&target=" + d[1] + "&by=year",
		} {
			b.Run(p[5:11]+"-"+d[0]+"-"+d[1], func(b *testing.B) {
				var r0, r1 syscall.Rusage
				syscall.Getrusage(syscall.RUSAGE_SELF, &r0)
				for b.Loop() {
					w := httptest.NewRecorder()
					s.ServeHTTP(w, httptest.NewRequest("GET", p, nil))
					if w.Code != 200 {
						b.Fatalf("status %d: %s", w.Code, w.Body)
					}
				}
				syscall.Getrusage(syscall.RUSAGE_SELF, &r1)
				cpu := time.Duration(r1.Utime.Nano() + r1.Stime.Nano() - r0.Utime.Nano() - r0.Stime.Nano())
				b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
			})
		}
	}
}
