package httpserver

import (
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"reflect"
	"testing"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/cameo"
	"github.com/twintrack/twintrack/store"
	"github.com/twintrack/twintrack/store/storetest"
)

// countActors are the synthetic actors of the equivalence test: roles given
// or left to the code's chunks, both sides at once, prefixes that overlap.
var countActors = []struct {
	code  string
	roles []string
}{
	{"JPN", nil}, {"JPNGOV", []string{"GOV"}}, {"JPNOPP", []string{"OPP"}}, {"JPNGOV", nil},
	{"KHM", nil}, {"KHMGOV", []string{"GOV"}}, {"KHMOPP", []string{"OPP"}}, {"KHMOPPPTY", nil},
	{"KHMGOVPTY", []string{"GOV", "PTY"}}, {"KHMGOVOPP", nil}, {"KHMBUS", []string{"BUS"}},
	{"KHMPTY", []string{"OPP", "PTY"}}, {"KHMGOV", []string{"gov"}}, {"THAGOV", []string{"GOV"}},
}

var countCodes = []string{"010", "020", "036", "040", "042", "042", "043", "043", "046", "050", "057",
	"061", "071", "080", "111", "120", "130", "163", "173", "190"}

// countStore writes n synthetic events between Japan, Cambodia and
// Thailand, 1990-1997, with every flag, precision and paired visits
// (042 one way and 043 the other in the same sentence).
func countStore(t *testing.T, db *store.DB, n int, extra ...twintrack.Event) {
	t.Helper()
	r := rand.New(rand.NewPCG(7, 11))
	run, err := db.StartRun(t.Context(), store.RunInfo{DictHash: "counts", Dictionaries: "synthetic", Coder: "test"})
	if err != nil {
		t.Fatal(err)
	}
	var batch []store.CodedDocument
	precisions := []string{"day", "day", "day", "", "week", "month", "year"}
	for d := 0; len(batch) == 0 || d*3 < n; d++ {
		date := fmt.Sprintf("199%d-%02d-%02d", r.IntN(8), 1+r.IntN(12), 1+r.IntN(28))
		doc := twintrack.Document{ID: fmt.Sprintf("c%05d", d), Date: date, Text: "synthetic"}
		cd := store.CodedDocument{Doc: doc, Sentences: 3}
		for i := range 3 {
			s, tg := countActors[r.IntN(len(countActors))], countActors[r.IntN(len(countActors))]
			ev := twintrack.Event{DocID: doc.ID, Sentence: r.IntN(2), DocDate: date, EventDate: date,
				DatePrecision: precisions[r.IntN(len(precisions))],
				Source:        s.code, Target: tg.code, SourceRoles: s.roles, TargetRoles: tg.roles,
				Code: countCodes[r.IntN(len(countCodes))], SentenceText: fmt.Sprintf("sentence %d of %s", i, doc.ID)}
			ev.Spans.Verb = twintrack.Span{Start: i, End: i + 1}
			switch x := r.IntN(20); {
			case x == 0:
				ev.Negated = true
			case x == 1:
				ev.Modality = "hypothetical"
			case x == 2:
				ev.Modality = "future"
			}
			cameo.Annotate(&ev)
			cd.Events = append(cd.Events, ev)
			if ev.Code == "042" && r.IntN(2) == 0 { // the paired code
				back := ev
				back.Source, back.Target, back.SourceRoles, back.TargetRoles = ev.Target, ev.Source, ev.TargetRoles, ev.SourceRoles
				back.Code = "043"
				back.Spans.Verb = twintrack.Span{Start: 10 + i, End: 11 + i}
				cameo.Annotate(&back)
				cd.Events = append(cd.Events, back)
			}
		}
		batch = append(batch, cd)
	}
	for i, ev := range extra {
		id := fmt.Sprintf("x%d", i)
		ev.DocID = id
		batch = append(batch, store.CodedDocument{Doc: twintrack.Document{ID: id, Date: ev.DocDate, Text: "x"},
			Sentences: 1, Events: []twintrack.Event{ev}})
	}
	if _, err := db.Write(t.Context(), run.ID, batch); err != nil {
		t.Fatal(err)
	}
}

// countRequests are the requests both paths answer.
func countRequests() []url.Values {
	var out []url.Values
	pairs := [][2]string{{"JPN", "KHM"}, {"KHM", "JPN"}, {"JPNGOV", "KHM"}, {"JPN", "KHMOPP"}, {"JPN", "JPN"},
		{"KHM", "KHMGOV"}, {"JPN", "THA"}, {"JP", "KH"}, {"USA", "KHM"}}
	for i, pr := range pairs {
		for j, by := range []string{"year", "month", "week", "day"} {
			v := url.Values{"source": {pr[0]}, "target": {pr[1]}, "sender": {pr[0]}, "by": {by}}
			if (i+j)%2 == 1 {
				v.Set("all", "true")
			}
			switch (i + j) % 4 {
			case 1:
				v.Set("from", "1992-03")
				v.Set("to", "1995")
			case 2:
				v.Set("from", "1989")
			case 3:
				v.Set("to", "1993-06-15")
			}
			v.Set("evidence", []string{"0", "2", "100", "5"}[(i+2*j)%4])
			out = append(out, v)
		}
	}
	// Bounds on the first and last day of a year or month: the rollup
	// tables answer these too.
	for _, r := range [][6]string{
		{"JPN", "KHM", "year", "1991", "1996", "5"}, {"KHM", "JPN", "month", "1992-03", "1995-06", "2"},
		{"JPN", "THA", "month", "", "1994", "100"}, {"KHM", "THA", "year", "1993", "", "1"},
	} {
		out = append(out, url.Values{"source": {r[0]}, "target": {r[1]}, "sender": {r[0]}, "by": {r[2]},
			"from": {r[3]}, "to": {r[4]}, "evidence": {r[5]}})
	}
	return out
}

// rollupServes reports whether the store's rollup tables can answer a
// request of countRequests: two countries, by year or month, without
// negated and modal events, bounds on whole periods.
func rollupServes(v url.Values) bool {
	a, b, by := v.Get("source"), v.Get("target"), v.Get("by")
	whole := func(d string) bool { return d == "" || len(d) == 4 || (by == "month" && len(d) == 7) }
	return len(a) == 3 && len(b) == 3 && a != b && (by == "year" || by == "month") && v.Get("all") != "true" &&
		whole(v.Get("from")) && whole(v.Get("to"))
}

// sameGoldstein checks the Goldstein sums of two dyad answers to 1e-9 and
// then makes them equal, so that DeepEqual compares the rest exactly: the
// database adds the scores in another order than package analysis does.
func sameGoldstein(t *testing.T, got, want *DyadPanels) {
	t.Helper()
	for i := range min(len(got.Panels), len(want.Panels)) {
		g, w := got.Panels[i].Rows, want.Panels[i].Rows
		for k := range min(len(g), len(w)) {
			if math.Abs(g[k].GoldsteinSum-w[k].GoldsteinSum) > 1e-9 {
				t.Errorf("panel %d period %s: Goldstein sum got %v, want %v", i, w[k].Period, g[k].GoldsteinSum, w[k].GoldsteinSum)
			}
			g[k].GoldsteinSum = w[k].GoldsteinSum
		}
	}
}

// compareCounts answers every request by counting in the database and by
// reading the events into package analysis, and compares the answers.
// With wantCounted, every dyad request must have been counted in the
// database.
func compareCounts(t *testing.T, db *store.DB, wantCounted bool) {
	fast, err := New(Config{Store: FromStore(db), CacheEntries: -1})
	if err != nil {
		t.Fatal(err)
	}
	slow, err := New(Config{Store: FromStore(db), CacheEntries: -1, ReadEvents: true})
	if err != nil {
		t.Fatal(err)
	}
	if fast.counter() == nil || slow.counter() != nil {
		t.Fatal("the SQL store should offer counts, and ReadEvents turn them off")
	}
	active, twin := 0, 0
	for _, v := range countRequests() {
		t.Run(v.Encode(), func(t *testing.T) {
			d, err := readAnalysis(v, "source", "target")
			if err != nil {
				t.Fatal(err)
			}
			before := db.CountPaths()
			if _, counted, err := fast.countDyads(t.Context(), fast.counter(), d); err != nil || (wantCounted && !counted) {
				t.Fatalf("countDyads: counted %t, %v; want counted", counted, err)
			}
			got, err := fast.dyadsNow(t.Context(), d)
			if err != nil {
				t.Fatal(err)
			}
			want, err := slow.dyadsNow(t.Context(), d)
			if err != nil {
				t.Fatal(err)
			}
			sameGoldstein(t, &got, &want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("dyads:\ngot  %+v\nwant %+v", got, want)
			}

			d, err = readAnalysis(v, "sender", "target")
			if err != nil {
				t.Fatal(err)
			}
			gt, err := fast.tracksNow(t.Context(), d)
			if err != nil {
				t.Fatal(err)
			}
			wt, err := slow.tracksNow(t.Context(), d)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(gt, wt) {
				t.Errorf("tracks:\ngot  %+v\nwant %+v", gt.Tracks, wt.Tracks)
				for i := range min(len(gt.Rows), len(wt.Rows)) {
					if !reflect.DeepEqual(gt.Rows[i], wt.Rows[i]) {
						t.Errorf("row %d:\ngot  %+v\nwant %+v", i, gt.Rows[i], wt.Rows[i])
					}
				}
			}
			active += wt.ActivePeriods
			twin += wt.TwinTrackPeriods
			after := db.CountPaths()
			if wantCounted && rollupServes(v) {
				if after.DyadRollup == before.DyadRollup || after.TrackRollup == before.TrackRollup ||
					(v.Get("evidence") != "0" && wt.ActivePeriods > 0 && after.EvidenceRollup == before.EvidenceRollup) {
					t.Errorf("the rollup tables did not answer: paths before %+v, after %+v", before, after)
				}
			}
		})
	}
	if p := db.CountPaths(); wantCounted && (p.DyadRollup == 0 || p.DyadEvents == 0 || p.TrackRollup == 0 ||
		p.TrackEvents == 0 || p.EvidenceRollup == 0 || p.EvidenceEvents == 0) {
		t.Errorf("paths %+v: both the rollup tables and the events should have answered each kind of query", p)
	}
	// The comparison means something only if the data exercise it.
	if wantCounted && (active == 0 || twin == 0) {
		t.Errorf("active periods %d, twin-track periods %d: the synthetic data should have both", active, twin)
	}
}

// TestCountsMatchAnalysis checks that the dyad and track endpoints give
// the same panels and tables whether the database counts or package
// analysis counts the events, on SQLite and PostgreSQL.
func TestCountsMatchAnalysis(t *testing.T) {
	for _, k := range []struct {
		name string
		open func(testing.TB) *store.DB
	}{{"sqlite", storetest.SQLite}, {"postgres", storetest.Postgres}} {
		t.Run(k.name, func(t *testing.T) {
			db := k.open(t)
			countStore(t, db, 3000)
			compareCounts(t, db, true)
		})
	}
}

// TestCountsFallBack checks that an event the database cannot count as
// package analysis does (an impossible event date, which analysis replaces
// by the report date) makes the server read the events instead.
func TestCountsFallBack(t *testing.T) {
	for _, k := range []struct {
		name string
		open func(testing.TB) *store.DB
	}{{"sqlite", storetest.SQLite}, {"postgres", storetest.Postgres}} {
		t.Run(k.name, func(t *testing.T) {
			db := k.open(t)
			odd := twintrack.Event{Source: "JPNGOV", Target: "KHMOPP", TargetRoles: []string{"OPP"}, Code: "043",
				DocDate: "1994-05-06", EventDate: "1994-02-30", SentenceText: "odd"}
			cameo.Annotate(&odd)
			countStore(t, db, 300, odd)
			s, err := New(Config{Store: FromStore(db), CacheEntries: -1})
			if err != nil {
				t.Fatal(err)
			}
			v := url.Values{"source": {"JPN"}, "target": {"KHM"}, "sender": {"JPN"}}
			for _, na := range []string{"source", "sender"} {
				d, err := readAnalysis(v, na, "target")
				if err != nil {
					t.Fatal(err)
				}
				var counted bool
				if na == "source" {
					_, counted, err = s.countDyads(t.Context(), s.counter(), d)
				} else {
					_, counted, err = s.countTracks(t.Context(), s.counter(), d)
				}
				if err != nil || counted {
					t.Errorf("%s: counted %t, %v; want a fall-back to the events", na, counted, err)
				}
			}
			compareCounts(t, db, false)
		})
	}
}
