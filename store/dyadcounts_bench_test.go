package store_test

import (
	"context"
	"os"
	"testing"

	"github.com/twintrack/twintrack/sqlite"
	"github.com/twintrack/twintrack/store"
)

// BenchmarkDyadCounts measures DyadCounts, TrackCounts and TrackEvidence
// on the SQLite store named by TWINTRACK_BENCH_DB (for example one filled
// by "go run ./cmd/loadgen fill --db /tmp/big.db"), for a small dyad, a
// middling one and a large one of loadgen's synthetic data. It is skipped
// when the variable is not set.
func BenchmarkDyadCounts(b *testing.B) {
	path := os.Getenv("TWINTRACK_BENCH_DB")
	if path == "" {
		b.Skip("TWINTRACK_BENCH_DB not set")
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for _, d := range [][2]string{{"KHM", "LAO"}, {"JPN", "KHM"}, {"USA", "CHN"}} {
		q := store.DyadQuery{A: d[0], B: d[1], Period: store.PeriodYear}
		b.Run(d[0]+"-"+d[1]+"/dyad", func(b *testing.B) {
			defer reportCPU(b, cpuTime())
			for b.Loop() {
				if _, err := db.DyadCounts(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(d[0]+"-"+d[1]+"/tracks", func(b *testing.B) {
			defer reportCPU(b, cpuTime())
			for b.Loop() {
				if _, err := db.TrackCounts(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(d[0]+"-"+d[1]+"/evidence", func(b *testing.B) {
			defer reportCPU(b, cpuTime())
			for b.Loop() {
				if _, err := db.TrackEvidence(ctx, q, 5); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
