package httpserver

import (
	"fmt"
	"net/http/httptest"
	"syscall"
	"testing"
	"time"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/store"
	"github.com/twintrack/twintrack/store/storetest"
)

// benchStore writes copies of the fixtures, moved a year on each time,
// into a new SQLite store: JPN→KHM gets 7 events a year over n years.
func benchStore(b *testing.B, years int) Store {
	b.Helper()
	db := storetest.SQLite(b)
	run, err := db.StartRun(b.Context(), store.RunInfo{DictHash: "bench", Dictionaries: "bench", Coder: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	var batch []store.CodedDocument
	for y := range years {
		for _, f := range fixtures {
			ev := f.event(b)
			date := fmt.Sprintf("%04d%s", 1900+y, f.date[4:])
			ev.EventID = fmt.Sprintf("%s-%d", f.id, y)
			ev.DocID = fmt.Sprintf("%s-%d", f.doc, y)
			ev.EventDate, ev.DocDate = date, date
			batch = append(batch, store.CodedDocument{
				Doc:       twintrack.Document{ID: ev.DocID, Date: date, Text: lead + f.sentence},
				Sentences: 2, Events: []twintrack.Event{ev}})
		}
	}
	if _, err := db.Write(b.Context(), run.ID, batch); err != nil {
		b.Fatal(err)
	}
	return FromStore(db)
}

// BenchmarkAPI measures requests to the API over SQLite without the cache:
// 100 years of fixtures (700 JPN→KHM events). cpu-ms/op is the process's
// CPU time per request, which does not depend on what else the machine
// runs.
func BenchmarkAPI(b *testing.B) {
	st := benchStore(b, 100)
	s, err := New(Config{Store: st, CacheEntries: -1})
	if err != nil {
		b.Fatal(err)
	}
	for _, path := range []string{
		"/api/events?source=JPN&target=KHM&from=1950&limit=50",
		"/api/dyads?source=JPN&target=KHM&by=year",
		"/api/tracks?sender=JPN&target=KHM&by=year",
		"/api/actors/KHM",
		"/events?source=JPN&target=KHM&from=1950",
		"/tracks?sender=JPN&target=KHM",
	} {
		b.Run(path, func(b *testing.B) {
			var r0, r1 syscall.Rusage
			syscall.Getrusage(syscall.RUSAGE_SELF, &r0)
			for b.Loop() {
				w := httptest.NewRecorder()
				s.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
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
