package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, for a store at schema 2
	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/cameo"
	"github.com/twintrack/twintrack/postgres"
	"github.com/twintrack/twintrack/sqlite"
	"github.com/twintrack/twintrack/store"
	"github.com/twintrack/twintrack/store/storetest"
)

// rollupActors are the synthetic actors of the rollup tests: roles given
// or left to the code, both sides at once, a code too long for SQL's
// side(), a two-letter and a non-ASCII code.
var rollupActors = []struct {
	code  string
	roles []string
}{
	{"JPN", nil}, {"JPNGOV", []string{"GOV"}}, {"JPNOPP", nil}, {"KHM", nil}, {"KHMGOV", []string{"GOV"}},
	{"KHMOPP", []string{"OPP"}}, {"KHMOPPPTY", nil}, {"KHMGOVOPP", nil}, {"KHMPTY", []string{"opp", "PTY"}},
	{"THAGOV", nil}, {"THABUS", nil}, {"USA", nil}, {"USAGOV", nil},
}

var rollupCodes = []string{"010", "020", "036", "042", "042", "043", "043", "046", "057", "061", "111", "173", "190"}

// rollupCorpus returns docs documents (ids d0000 ...) of three events
// each, 1990-1995; variant changes the codes and actors, as another
// dictionary set would. odd adds a few events SQL cannot count exactly.
func rollupCorpus(docs, variant int, odd bool) []store.CodedDocument {
	r := rand.New(rand.NewPCG(uint64(variant), 3))
	precisions := []string{"day", "day", "", "month", "year"}
	var out []store.CodedDocument
	for d := range docs {
		date := fmt.Sprintf("199%d-%02d-%02d", r.IntN(6), 1+r.IntN(12), 1+r.IntN(28))
		doc := twintrack.Document{ID: fmt.Sprintf("d%04d", d), Date: date, Text: "synthetic"}
		cd := store.CodedDocument{Doc: doc, Sentences: 3}
		for i := range 3 {
			s, tg := rollupActors[r.IntN(len(rollupActors))], rollupActors[r.IntN(len(rollupActors))]
			ev := twintrack.Event{DocID: doc.ID, Sentence: r.IntN(2), DocDate: date, EventDate: date,
				DatePrecision: precisions[r.IntN(len(precisions))], Source: s.code, Target: tg.code,
				SourceRoles: s.roles, TargetRoles: tg.roles, Code: rollupCodes[r.IntN(len(rollupCodes))],
				SentenceText: fmt.Sprintf("sentence %d of %s, variant %d", i, doc.ID, variant)}
			ev.Spans.Verb = twintrack.Span{Start: i, End: i + 1}
			switch r.IntN(12) {
			case 0:
				ev.Negated = true
			case 1:
				ev.Modality = "future"
			}
			cameo.Annotate(&ev)
			cd.Events = append(cd.Events, ev)
			if ev.Code == "042" && r.IntN(2) == 0 { // the paired code, the other way
				back := ev
				back.Source, back.Target, back.SourceRoles, back.TargetRoles = ev.Target, ev.Source, ev.TargetRoles, ev.SourceRoles
				back.Code = "043"
				back.Spans.Verb = twintrack.Span{Start: 10 + i, End: 11 + i}
				cameo.Annotate(&back)
				cd.Events = append(cd.Events, back)
			}
		}
		if odd && d%97 == 5 {
			x := cd.Events[0]
			x.Source, x.Target, x.SourceRoles, x.TargetRoles = "THAGOV", "KHMOPPPTYGOVMILEL", nil, nil
			x.Spans.Verb = twintrack.Span{Start: 20, End: 21}
			cd.Events = append(cd.Events, x)
			y := cd.Events[0]
			y.Source, y.Target, y.EventDate, y.Code = "USA", "KHM", "1993-02-30", "042"
			y.Spans.Verb = twintrack.Span{Start: 30, End: 31}
			cameo.Annotate(&y)
			z := y
			z.Source, z.Target, z.EventDate, z.Code, z.Root, z.QuadClass = "JPNGOV", "THA", "1994-01-05", "999", "", 0
			z.Spans.Verb = twintrack.Span{Start: 40, End: 41}
			cd.Events = append(cd.Events, y, z)
		}
		out = append(out, cd)
	}
	return out
}

// rollupRow is a row of either rollup table, its counts as numbers.
type rollupRow []float64

// rollupTables reads both rollup tables, keyed by table and key columns,
// leaving out rows whose counts are all zero (a count taken back to 0 may
// keep its row).
func rollupTables(t *testing.T, db *store.DB) map[string]rollupRow {
	t.Helper()
	out := map[string]rollupRow{}
	for _, table := range []string{"dyad_rollup", "visit_rollup"} {
		rows, err := db.SQL().QueryContext(t.Context(), "SELECT * FROM "+table)
		if err != nil {
			t.Fatal(err)
		}
		cols, err := rows.Columns()
		if err != nil {
			t.Fatal(err)
		}
		if len(cols) < 6 {
			t.Fatalf("%s: columns %v", table, cols)
		}
		for rows.Next() {
			key := make([]string, 4) // sender or source, target, grain, period
			r := make(rollupRow, len(cols)-len(key))
			var dst []any
			for i := range key {
				dst = append(dst, &key[i])
			}
			for i := range r {
				dst = append(dst, &r[i])
			}
			if err := rows.Scan(dst...); err != nil {
				t.Fatal(err)
			}
			zero := true
			for _, v := range r {
				zero = zero && math.Abs(v) < 1e-6 // a Goldstein sum taken back to 0, give or take
			}
			if !zero {
				out[table+"|"+strings.Join(key, "|")] = r
			}
		}
		rows.Close()
	}
	return out
}

// sameTables compares two readings of the rollup tables, Goldstein sums
// to 1e-9.
func sameTables(t *testing.T, got, want map[string]rollupRow) {
	t.Helper()
	if len(want) == 0 {
		t.Fatal("the rollup tables are empty")
	}
	for k, w := range want {
		g, ok := got[k]
		if !ok {
			t.Errorf("row %s: missing, want %v", k, w)
			continue
		}
		for i := range w {
			if math.Abs(g[i]-w[i]) > 1e-9 {
				t.Errorf("row %s: got %v, want %v", k, g, w)
				break
			}
		}
	}
	for k, g := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("row %s: got %v, want no row", k, g)
		}
	}
}

// rollupQueries are queries the rollup tables answer, and whether their
// data hold odd events (then the events answer them).
var rollupQueries = []store.DyadQuery{
	{A: "JPN", B: "KHM", Period: store.PeriodYear},
	{A: "KHM", B: "JPN", Period: store.PeriodMonth},
	{A: "THA", B: "KHM", Period: store.PeriodYear, From: "1991-01-01", To: "1994-12-31"},
	{A: "USA", B: "JPN", Period: store.PeriodMonth, From: "1992-03-01"},
	{A: "JPN", B: "THA", Period: store.PeriodMonth, To: "1993-06-30"},
}

// sameAnswers compares the answers of the rollup tables with those of the
// events for rollupQueries, and checks that the rollup tables gave them
// unless odd events forced the events path.
func sameAnswers(t *testing.T, db *store.DB) {
	t.Helper()
	ctx := t.Context()
	for _, q := range rollupQueries {
		t.Run(fmt.Sprintf("%s-%s-%d-%s-%s", q.A, q.B, q.Period, q.From, q.To), func(t *testing.T) {
			wd, wt, we, err := store.EventCounts(ctx, db, q, 3)
			if err != nil {
				t.Fatal(err)
			}
			before := db.CountPaths()
			gd, err := db.DyadCounts(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			gt, err := db.TrackCounts(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			ge, err := db.TrackEvidence(ctx, q, 3)
			if err != nil {
				t.Fatal(err)
			}
			after := db.CountPaths()
			if wd.Odd == 0 && after.DyadRollup == before.DyadRollup {
				t.Errorf("dyad counts: not from the rollup tables (paths %+v)", after)
			}
			if wt.Odd == 0 && (after.TrackRollup == before.TrackRollup || (len(we) > 0 && after.EvidenceRollup == before.EvidenceRollup)) {
				t.Errorf("track counts: not from the rollup tables (paths %+v)", after)
			}
			if wd.Odd > 0 {
				if gd.Odd == 0 {
					t.Errorf("dyad counts: got Odd 0, want %d", wd.Odd)
				}
				gd.Odd = wd.Odd // the counts are thrown away: only > 0 matters
			}
			if len(gd.Rows) != len(wd.Rows) {
				t.Fatalf("dyad counts: got %d rows, want %d\ngot  %+v\nwant %+v", len(gd.Rows), len(wd.Rows), gd, wd)
			}
			for i := range gd.Rows {
				if math.Abs(gd.Rows[i].Goldstein-wd.Rows[i].Goldstein) > 1e-9 {
					t.Errorf("row %d: Goldstein got %v, want %v", i, gd.Rows[i].Goldstein, wd.Rows[i].Goldstein)
				}
				gd.Rows[i].Goldstein = wd.Rows[i].Goldstein
			}
			if !reflect.DeepEqual(gd, wd) {
				t.Errorf("dyad counts:\ngot  %+v\nwant %+v", gd, wd)
			}
			if wt.Odd > 0 && gt.Odd > 0 {
				gt.Odd = wt.Odd
			}
			if !reflect.DeepEqual(gt, wt) {
				t.Errorf("track counts:\ngot  %+v\nwant %+v", gt, wt)
			}
			if !reflect.DeepEqual(ge, we) {
				t.Errorf("evidence:\ngot  %+v\nwant %+v", ge, we)
			}
		})
	}
}

// TestRollupMaintained checks that after ingest, a second ingest of the
// same documents (idempotent), and re-coding parts of the corpus with
// other dictionaries (twice, overlapping), the rollup tables equal the
// tables built afresh from the current events, and answer as the events
// do.
func TestRollupMaintained(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		write := func(hash string, batch []store.CodedDocument, wantDocs int) {
			t.Helper()
			run, err := db.StartRun(ctx, store.RunInfo{DictHash: hash, Dictionaries: "synthetic", Coder: "test"})
			if err != nil {
				t.Fatal(err)
			}
			for range 2 { // the second time stores nothing
				res, err := db.Write(ctx, run.ID, batch)
				if err != nil {
					t.Fatal(err)
				}
				if res.Documents != wantDocs {
					t.Fatalf("run %s: stored %d documents, want %d", hash, res.Documents, wantDocs)
				}
				wantDocs = 0
			}
		}
		// More documents than one statement of rollupAdd carries (500).
		first := rollupCorpus(700, 0, true)
		write("first", first, len(first))
		sameTables(t, rollupTables(t, db), freshTables(t, db))
		write("second", rollupCorpus(700, 1, false)[:400], 400)
		write("third", rollupCorpus(700, 2, false)[200:650], 450)
		got := rollupTables(t, db)
		sameTables(t, got, freshTables(t, db))
		sameAnswers(t, db)
		if db.Dialect().Name != "sqlite" {
			// PostgreSQL's COPY refuses the batch below as a whole (a
			// duplicate key) instead of skipping the one event.
			return
		}
		// An event id stored before (under another document): the INSERT
		// skips the event, and it must not count.
		var id string
		if err := db.SQL().QueryRowContext(ctx, "SELECT MIN(event_id) FROM events").Scan(&id); err != nil {
			t.Fatal(err)
		}
		dup := rollupCorpus(3, 5, false)
		for i := range dup {
			dup[i].Doc.ID = fmt.Sprintf("dup%d", i)
			for j := range dup[i].Events {
				dup[i].Events[j].DocID = dup[i].Doc.ID
			}
		}
		dup[1].Events[0].EventID = id
		write("fourth", dup, len(dup))
		sameTables(t, rollupTables(t, db), freshTables(t, db))
		sameAnswers(t, db)
	})
}

// freshTables rebuilds the rollup tables from the current events and
// reads them.
func freshTables(t *testing.T, db *store.DB) map[string]rollupRow {
	t.Helper()
	if err := store.RebuildRollup(t.Context(), db); err != nil {
		t.Fatal(err)
	}
	return rollupTables(t, db)
}

// TestRollupMigration checks that migration 0003 fills target_side and the
// rollup tables of a store written at schema 2, so that they answer as
// the events do.
func TestRollupMigration(t *testing.T) {
	for _, k := range []struct {
		name   string
		d      store.Dialect
		open   func(testing.TB) (driver, dsn string)
		openDB func(ctx context.Context, dsn string) (*store.DB, error)
	}{
		{"sqlite", sqlite.Dialect, func(t testing.TB) (string, string) { return "sqlite", storetest.SQLitePath(t) },
			func(ctx context.Context, dsn string) (*store.DB, error) { return sqlite.Open(ctx, dsn) }},
		{"postgres", postgres.Dialect, func(t testing.TB) (string, string) { return "pgx", storetest.PostgresURL(t) },
			postgres.Open},
	} {
		t.Run(k.name, func(t *testing.T) {
			ctx := t.Context()
			driver, dsn := k.open(t)
			raw, err := sql.Open(driver, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer raw.Close()
			ms, err := store.Migrations()
			if err != nil {
				t.Fatal(err)
			}
			if err := store.ApplyMigrations(ctx, raw, k.d, ms[:2]); err != nil {
				t.Fatal(err)
			}
			var evs []twintrack.Event
			for _, cd := range rollupCorpus(300, 4, true) {
				evs = append(evs, cd.Events...)
			}
			if err := store.InsertEventsV2(ctx, raw, k.d, 1, evs); err != nil {
				t.Fatal(err)
			}
			raw.Close()
			db, err := k.openDB(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			rows, err := db.SQL().QueryContext(ctx, `SELECT target_roles, target, target_side FROM events`)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			sides := map[int]int{}
			for rows.Next() {
				var roles, target string
				var sd int
				if err := rows.Scan(&roles, &target, &sd); err != nil {
					t.Fatal(err)
				}
				if want := store.SideCode(roles, target); sd != want {
					t.Errorf("target %s roles %q: target_side got %d, want %d", target, roles, sd, want)
				}
				sides[sd]++
				n++
			}
			rows.Close()
			if n != len(evs) || len(sides) != 4 {
				t.Errorf("got %d events with sides %v, want %d with each of the 4 sides", n, sides, len(evs))
			}
			got := rollupTables(t, db)
			sameTables(t, got, freshTables(t, db))
			sameAnswers(t, db)
		})
	}
}

// TestSideCode checks target_side against the cases of side().
func TestSideCode(t *testing.T) {
	tests := []struct {
		name, roles, code string
		want              int
	}{
		{"government role", "GOV", "KHMGOV", 1},
		{"opposition role", "OPP", "KHM", 2},
		{"role in lower case", "opp;PTY", "KHMPTY", 2},
		{"both roles", "GOV;OPP", "KHM", 0},
		{"roles decide, not the code", "BUS", "KHMGOV", 0},
		{"code chunks", "", "KHMOPPPTY", 2},
		{"code with both", "", "KHMGOVOPP", 0},
		{"country alone", "", "KHM", 0},
		{"chunk not aligned", "", "KHMXGOV", 0},
		{"four chunks", "", "KHMPTYMILELIGOV", 1},
		{"five chunks", "", "KHMPTYMILELIBUSGOV", 3},
		{"non-ASCII code", "", "KHMGOVé", 3},
		{"two letters", "", "KH", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := store.SideCode(tc.roles, tc.code); got != tc.want {
				t.Errorf("SideCode(%q, %q): got %d, want %d", tc.roles, tc.code, got, tc.want)
			}
		})
	}
}

// TestRollupAnswers checks which queries the rollup tables answer: two
// countries, by year or month, default flags, bounds on whole periods.
func TestRollupAnswers(t *testing.T) {
	db := storetest.SQLite(t)
	run, err := db.StartRun(t.Context(), store.RunInfo{DictHash: "answers", Dictionaries: "synthetic", Coder: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Write(t.Context(), run.ID, rollupCorpus(50, 0, false)); err != nil {
		t.Fatal(err)
	}
	y, m := store.PeriodYear, store.PeriodMonth
	tests := []struct {
		name string
		q    store.DyadQuery
		want bool
	}{
		{"countries by year", store.DyadQuery{A: "JPN", B: "KHM", Period: y}, true},
		{"countries by month", store.DyadQuery{A: "JPN", B: "KHM", Period: m}, true},
		{"whole years", store.DyadQuery{A: "JPN", B: "KHM", Period: y, From: "1991-01-01", To: "1993-12-31"}, true},
		{"whole months", store.DyadQuery{A: "JPN", B: "KHM", Period: m, From: "1991-03-01", To: "1992-02-29"}, true},
		{"year from mid-year", store.DyadQuery{A: "JPN", B: "KHM", Period: y, From: "1991-03-01"}, false},
		{"year to mid-year", store.DyadQuery{A: "JPN", B: "KHM", Period: y, To: "1993-06-30"}, false},
		{"month to mid-month", store.DyadQuery{A: "JPN", B: "KHM", Period: m, To: "1992-02-28"}, false},
		{"by week", store.DyadQuery{A: "JPN", B: "KHM", Period: store.PeriodWeek}, false},
		{"by day", store.DyadQuery{A: "JPN", B: "KHM", Period: store.PeriodDay}, false},
		{"government prefix", store.DyadQuery{A: "JPNGOV", B: "KHM", Period: y}, false},
		{"short prefix", store.DyadQuery{A: "JP", B: "KHM", Period: y}, false},
		{"same country", store.DyadQuery{A: "KHM", B: "KHM", Period: y}, false},
		{"negated too", store.DyadQuery{A: "JPN", B: "KHM", Period: y, IncludeNegated: true}, false},
		{"modal too", store.DyadQuery{A: "JPN", B: "KHM", Period: y, IncludeModal: true}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := db.CountPaths()
			if _, err := db.DyadCounts(t.Context(), tc.q); err != nil {
				t.Fatal(err)
			}
			if _, err := db.TrackCounts(t.Context(), tc.q); err != nil {
				t.Fatal(err)
			}
			after := db.CountPaths()
			dyad, track := after.DyadRollup > before.DyadRollup, after.TrackRollup > before.TrackRollup
			if dyad != tc.want || track != tc.want {
				t.Errorf("answered from the rollup tables: dyad %t, track %t; want %t", dyad, track, tc.want)
			}
		})
	}
}

// TestRollupConcurrentWrites checks that writers storing documents of the
// same country pairs at once (PostgreSQL's transactions run side by side)
// neither deadlock nor lose counts.
func TestRollupConcurrentWrites(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		run, err := db.StartRun(t.Context(), store.RunInfo{DictHash: "concurrent", Dictionaries: "synthetic", Coder: "test"})
		if err != nil {
			t.Fatal(err)
		}
		corpus := rollupCorpus(400, 6, false)
		errs := make(chan error, 4)
		for w := range 4 {
			go func() {
				for i := w * 100; i < (w+1)*100; i += 10 {
					if _, err := db.Write(t.Context(), run.ID, corpus[i:i+10]); err != nil {
						errs <- err
						return
					}
				}
				errs <- nil
			}()
		}
		for range 4 {
			if err := <-errs; err != nil {
				t.Fatal(err)
			}
		}
		sameTables(t, rollupTables(t, db), freshTables(t, db))
	})
}

// TestEvidencePlan checks that the evidence statement of the rollup path
// seeks in ev_engage, in its order, on both databases (on PostgreSQL the
// index must have the statement's collation to give its order; sorts and
// scans are priced out so that the size of the test table does not
// decide).
func TestEvidencePlan(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		run, err := db.StartRun(t.Context(), store.RunInfo{DictHash: "plan", Dictionaries: "synthetic", Coder: "test"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Write(t.Context(), run.ID, rollupCorpus(100, 0, false)); err != nil {
			t.Fatal(err)
		}
		conn, err := db.SQL().Conn(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		explain := "EXPLAIN QUERY PLAN "
		if db.Dialect().Name == "postgres" {
			explain = "EXPLAIN "
			// Sorting priced out: only an index in the statement's order
			// (and collation) can serve it without one.
			for _, set := range []string{"SET enable_seqscan = off", "SET enable_sort = off", "SET enable_bitmapscan = off"} {
				if _, err := conn.ExecContext(t.Context(), set); err != nil {
					t.Fatal(err)
				}
			}
		}
		rows, err := conn.QueryContext(t.Context(), explain+store.EvidenceSQLForTest(db.Dialect(), 5),
			`["1991-01-01|1992-01-01|1","1992-01-01|1993-01-01|2"]`, "JPN", "KHM")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		cols, _ := rows.Columns()
		var plan []string
		for rows.Next() {
			dst := make([]any, len(cols))
			for i := range dst {
				dst[i] = new(sql.RawBytes)
			}
			if err := rows.Scan(dst...); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, string(*dst[len(dst)-1].(*sql.RawBytes)))
		}
		text := strings.Join(plan, "\n")
		if !strings.Contains(text, "ev_engage") || strings.Contains(text, "Sort") || strings.Contains(text, "TEMP B-TREE") {
			t.Errorf("the evidence statement should seek in ev_engage without sorting; plan:\n%s", text)
		}
	})
}

// TestEvidenceKeepsEveryByte checks that evidence read through the rollup
// path keeps ids and sentences with separators, digits, newlines and
// non-ASCII bytes.
func TestEvidenceKeepsEveryByte(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		run, err := db.StartRun(t.Context(), store.RunInfo{DictHash: "bytes", Dictionaries: "synthetic", Coder: "test"})
		if err != nil {
			t.Fatal(err)
		}
		doc := twintrack.Document{ID: "d:12|3:€\x1f", Date: "1991-05-05", Text: "synthetic"}
		ev := twintrack.Event{DocID: doc.ID, Sentence: 7, DocDate: doc.Date, EventDate: doc.Date, DatePrecision: "day",
			Source: "JPNGOV", Target: "KHMOPP", TargetRoles: []string{"OPP"}, Code: "042",
			SentenceText: "5:abcd|1991-01-01|2|\n« Japan » met 12:the opposition"}
		cameo.Annotate(&ev)
		if _, err := db.Write(t.Context(), run.ID, []store.CodedDocument{{Doc: doc, Sentences: 8, Events: []twintrack.Event{ev}}}); err != nil {
			t.Fatal(err)
		}
		before := db.CountPaths()
		got, err := db.TrackEvidence(t.Context(), store.DyadQuery{A: "JPN", B: "KHM", Period: store.PeriodYear}, 5)
		if err != nil {
			t.Fatal(err)
		}
		if db.CountPaths().EvidenceRollup == before.EvidenceRollup {
			t.Error("the evidence was not read through the rollup path")
		}
		if len(got) != 1 {
			t.Fatalf("got %d evidence rows, want 1: %+v", len(got), got)
		}
		g := got[0]
		if g.DocID != doc.ID || g.Sentence != 7 || g.SentenceText != ev.SentenceText || g.Source != "JPNGOV" ||
			g.Target != "KHMOPP" || g.Code != "042" || g.EventDate != "1991-05-05" || g.Start != "1991-01-01" ||
			g.Side != store.SideOpp || g.EventID == "" {
			t.Errorf("got %+v", g)
		}
	})
}
