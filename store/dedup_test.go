package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/twintrack/twintrack/store"
	"github.com/twintrack/twintrack/store/storetest"
)

func fmtAny(v any) string { return fmt.Sprint(v) }

// dupFixtures: one visit reported by three documents on two report days,
// a second visit, and a one-a-day pair with different event dates.
var dupFixtures = []fx{
	{label: "v1", doc: "r1", date: "2013-07-01", src: "JPNGOV", tgt: "KHMOPP", code: "043"},
	{label: "v2", doc: "r2", date: "2013-07-01", src: "JPNGOV", tgt: "KHMOPP", code: "043"},
	{label: "v3", doc: "r3", date: "2013-07-01", src: "JPNGOV", tgt: "KHMOPP", code: "043", sent: 2},
	{label: "w1", doc: "r3", date: "2013-07-01", src: "JPNGOV", tgt: "KHMGOV", code: "043"},
	{label: "x1", doc: "r4", date: "2013-07-08", src: "JPNGOV", tgt: "KHMGOV", code: "043"},
}

func TestDedup(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		run := mustRun(t, db, "dicts-1")
		in := docs(dupFixtures)
		// r2 reports the happening a day later, dated by the text.
		in[1].Doc.Date = "2013-07-02"
		in[1].Events[0].DocDate = "2013-07-02"
		if _, err := db.Write(ctx, run.ID, in); err != nil {
			t.Fatal(err)
		}
		counts := []struct {
			name string
			f    store.Filter
			mode store.CountMode
			want int64
		}{
			{"reports", store.Filter{}, store.CountReports, 5},
			{"events", store.Filter{}, store.CountEvents, 3},
			{"happening dedup", store.Filter{Dedup: store.DedupHappening}, store.CountReports, 3},
			{"one-a-day keeps a report per report day", store.Filter{Dedup: store.DedupOneADay}, store.CountReports, 4},
			{"events to the opposition", store.Filter{TargetRoles: []string{"OPP"}}, store.CountEvents, 1},
		}
		for _, tc := range counts {
			n, err := db.Count(ctx, tc.f, tc.mode)
			if err != nil || n != tc.want {
				t.Errorf("%s: got %d (err %v), want %d", tc.name, n, err, tc.want)
			}
		}
		got := strings.Join(labels(t, db.Events(ctx, store.Filter{Dedup: store.DedupHappening})), " ")
		if got != "v1 w1 x1" {
			t.Errorf("dedup events: got %q, want the earliest report of each happening, %q", got, "v1 w1 x1")
		}
		var groups []string
		for h, err := range db.Happenings(ctx, store.Filter{}) {
			if err != nil {
				t.Fatal(err)
			}
			var ls []string
			for _, r := range h.Reports {
				ls = append(ls, r.SourceText+"@"+r.DocID)
			}
			if h.Event.EventID != h.Reports[0].EventID {
				t.Errorf("happening representative %s is not its first report %s", h.Event.EventID, h.Reports[0].EventID)
			}
			groups = append(groups, strings.Join(ls, ","))
		}
		want := "w1@r3 | x1@r4 | v1@r1,v3@r3,v2@r2"
		if g := strings.Join(groups, " | "); g != want {
			t.Errorf("happenings: got %q, want %q", g, want)
		}
		n := 0
		for _, err := range db.Happenings(ctx, store.Filter{Limit: 2}) {
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
		if n != 2 {
			t.Errorf("happenings with limit 2: got %d", n)
		}
	})
}

func TestAggregate(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		run := mustRun(t, db, "dicts-1")
		if _, err := db.Write(ctx, run.ID, docs(append(append([]fx{}, fixtures...), dupFixtures...))); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name string
			f    store.Filter
			a    store.Aggregation
			want string
		}{
			{"dyad by year and target roles",
				store.Filter{Source: []string{"JPN"}, Target: []string{"KHM"}},
				store.Aggregation{Period: store.PeriodYear, By: []store.Dimension{ByTargetRoles}},
				"1991 [] 1/1 | 1991 [GOV] 2/1 | 1991 [OPP] 1/1 | 2013 [GOV] 2/2 | 2013 [OPP] 3/1"},
			{"by month and quad class",
				store.Filter{Source: []string{"JPN"}},
				store.Aggregation{Period: store.PeriodMonth, By: []store.Dimension{store.ByQuadClass}},
				"1991-10 [1] 3/2 | 1991-10 [2] 1/1 | 2013-07 [1] 5/3"},
			{"by week (2013-07-01 and 07-08 are Mondays)",
				store.Filter{Source: []string{"JPN"}, From: "2013"},
				store.Aggregation{Period: store.PeriodWeek},
				"2013-07-01 [] 4/2 | 2013-07-08 [] 1/1"},
			{"dedup then count per country pair",
				store.Filter{Dedup: store.DedupHappening, From: "2013"},
				store.Aggregation{By: []store.Dimension{store.BySourceCountry, store.ByTargetCountry}},
				" [JPN KHM] 3/3 |  [KHM KHM] 1/1"},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				bs, err := db.Aggregate(ctx, tc.f, tc.a)
				if err != nil {
					t.Fatal(err)
				}
				var parts []string
				for _, b := range bs {
					parts = append(parts, fmt.Sprintf("%s %v %d/%d", b.Period, b.Keys, b.Reports, b.Events))
				}
				if got := strings.Join(parts, " | "); got != tc.want {
					t.Errorf("got  %q\nwant %q", got, tc.want)
				}
			})
		}
		if _, err := db.Aggregate(ctx, store.Filter{}, store.Aggregation{By: []store.Dimension{"1; DROP TABLE events"}}); err == nil {
			t.Error("unknown dimension: got no error")
		}
	})
}

// ByTargetRoles is shortened for the table above.
const ByTargetRoles = store.ByTargetRoles

func TestStats(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		run := mustRun(t, db, "dicts-1")
		if _, err := db.Write(ctx, run.ID, docs(fixtures)); err != nil {
			t.Fatal(err)
		}
		s, err := db.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		checks := []struct {
			name      string
			got, want any
		}{
			{"documents", s.Documents, int64(5)},
			{"sentences", s.Sentences, int64(15)},
			{"reports", s.Reports, int64(6)},
			{"events", s.Events, int64(5)},
			{"excluded", s.Excluded, int64(3)},
			{"first date", s.FirstDate, "1979-01-07"},
			{"last date", s.LastDate, "2017-11-16"},
			{"by year", fmt.Sprint(s.ByYear), "[{1979 1} {1991 4} {2017 1}]"},
			{"by root", fmt.Sprint(s.ByRoot), "[{04 3} {07 1} {17 1} {19 1}]"},
			{"runs", len(s.Runs), 1},
			{"schema", len(s.Schema) > 0 && s.Schema[0].Version == 1, true},
		}
		for _, c := range checks {
			if c.got != c.want {
				t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
			}
		}
	})
}
