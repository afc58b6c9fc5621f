package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"syscall"
	"testing"
	"time"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/cameo"
	"github.com/twintrack/twintrack/store"
	"github.com/twintrack/twintrack/store/storetest"
)

// Store benchmarks, run with
//
//	go test ./store -run '^$' -bench . -benchtime 3x
//
// (and TWINTRACK_TEST_POSTGRES set for the PostgreSQL halves).

var (
	benchActors = []string{"JPNGOV", "JPN", "KHMGOV", "KHMOPP", "KHMOPPPTY", "CHNGOV", "USAGOV", "VNMMIL",
		"THAGOV", "FRAGOV", "RUSGOV", "INDGOV", "GBRGOV", "DEUGOV", "KORGOV", "IGOUNO", "KHMJUD", "JPNBUS"}
	benchCodes = []string{"010", "036", "040", "042", "043", "051", "057", "071", "111", "112", "120", "130", "173", "190"}
)

// genDocs makes n documents of per events each, deterministic from seed,
// dated over 1979-2026.
func genDocs(n, per int, seed uint64) []store.CodedDocument {
	r := rand.New(rand.NewPCG(seed, 2))
	start := time.Date(1979, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]store.CodedDocument, n)
	for i := range out {
		date := start.AddDate(0, 0, r.IntN(48*365)).Format("2006-01-02")
		id := fmt.Sprintf("s%d-%07d", seed, i)
		cd := store.CodedDocument{Doc: twintrack.Document{ID: id, Date: date, URL: "https://example.org/" + id,
			Source: "Example Wire", Text: "x"}, Sentences: per}
		for j := 0; j < per; j++ {
			src, tgt := benchActors[r.IntN(len(benchActors))], benchActors[r.IntN(len(benchActors))]
			sentence := "Some officials of " + src + " met their counterparts of " + tgt + " and said a good deal."
			ev := twintrack.Event{DocID: id, Sentence: j, DocDate: date, EventDate: date, Source: src, Target: tgt,
				SourceCountry: src[:3], TargetCountry: tgt[:3], SourceRoles: roles(src), TargetRoles: roles(tgt),
				Code: benchCodes[r.IntN(len(benchCodes))], SourceText: src, TargetText: tgt, VerbText: "met",
				Spans: twintrack.EventSpans{Sentence: twintrack.Span{Start: 0, End: len(sentence)},
					Source: twintrack.Span{Start: 18, End: 18 + len(src)}, Verb: twintrack.Span{Start: 19 + len(src), End: 22 + len(src)}},
				SentenceText: sentence, DictHash: "bench"}
			cameo.Annotate(&ev)
			ev.EventID = ev.StableID()
			cd.Events = append(cd.Events, ev)
		}
		out[i] = cd
	}
	return out
}

// BenchmarkWrite stores 100,000 events (20,000 documents of 5) per
// iteration in batches of 2,000 documents, into a fresh store.
func BenchmarkWrite(b *testing.B) {
	docs := genDocs(20000, 5, 1)
	for _, kind := range []string{"sqlite", "postgres"} {
		b.Run(kind, func(b *testing.B) {
			events := 0
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				var db *store.DB
				if kind == "sqlite" {
					db = storetest.SQLite(b)
				} else {
					db = storetest.Postgres(b)
				}
				run, err := db.StartRun(context.Background(), store.RunInfo{DictHash: "bench", Dictionaries: "-", Coder: "-"})
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				for k := 0; k < len(docs); k += 2000 {
					res, err := db.Write(context.Background(), run.ID, docs[k:k+2000])
					if err != nil {
						b.Fatal(err)
					}
					events += res.Events
				}
			}
			b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
			b.ReportMetric(float64(events)/(cpuTime()-cpu0).Seconds(), "events/cpu-s")
		})
	}
}

// reportCPU reports the CPU time per operation since cpu0: on a loaded
// machine it shows what a query costs better than wall time.
func reportCPU(b *testing.B, cpu0 time.Duration) {
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/1e6, "cpu-ms/op")
}

// cpuTime is the process's user and system CPU time so far. On a machine
// shared with other work, events per CPU-second says more than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// fillStore writes docs documents of 5 events into db.
func fillStore(b *testing.B, db *store.DB, docs int) {
	ctx := context.Background()
	run, err := db.StartRun(ctx, store.RunInfo{DictHash: "bench", Dictionaries: "-", Coder: "-"})
	if err != nil {
		b.Fatal(err)
	}
	for k := 0; k < docs; k += 10000 {
		if _, err := db.Write(ctx, run.ID, genDocs(10000, 5, uint64(k+7))); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDyadQuery measures the queries the analysis commands make on a
// store of 1,000,000 events: a yearly dyad panel (JPN→KHM by target
// roles and QuadClass), a twin-track count, and reading one dyad's events.
func BenchmarkDyadQuery(b *testing.B) {
	for _, kind := range []string{"sqlite", "postgres"} {
		b.Run(kind, func(b *testing.B) {
			var db *store.DB
			if kind == "sqlite" {
				db = storetest.SQLite(b)
			} else {
				db = storetest.Postgres(b)
			}
			fillStore(b, db, 200000)
			if kind == "postgres" {
				// What autovacuum does after a bulk load: statistics, and the
				// visibility map that lets the dyad index answer alone.
				if _, err := db.SQL().Exec("VACUUM ANALYZE events"); err != nil {
					b.Fatal(err)
				}
			}
			ctx := context.Background()
			dyad := store.Filter{Source: []string{"JPN"}, Target: []string{"KHM"}, From: "1990", To: "2020"}
			b.Run("panel", func(b *testing.B) {
				defer reportCPU(b, cpuTime())
				for i := 0; i < b.N; i++ {
					bs, err := db.Aggregate(ctx, dyad, store.Aggregation{Period: store.PeriodYear,
						By: []store.Dimension{store.ByTargetRoles, store.ByQuadClass}})
					if err != nil || len(bs) == 0 {
						b.Fatalf("got %d buckets, err %v", len(bs), err)
					}
				}
			})
			b.Run("twin-track", func(b *testing.B) {
				f := dyad
				f.QuadClasses = []int{1, 2}
				f.TargetRoles = []string{"OPP"}
				defer reportCPU(b, cpuTime())
				for i := 0; i < b.N; i++ {
					if _, err := db.Count(ctx, f, store.CountEvents); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("events", func(b *testing.B) {
				f := dyad
				f.From, f.To = "2001", "2001"
				defer reportCPU(b, cpuTime())
				for i := 0; i < b.N; i++ {
					n := 0
					for _, err := range db.Events(ctx, f) {
						if err != nil {
							b.Fatal(err)
						}
						n++
					}
					if n == 0 {
						b.Fatal("no events")
					}
				}
			})
		})
	}
}
