package export

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/twintrack/twintrack/analysis"
	"github.com/twintrack/twintrack/export/duckdbtest"
	"github.com/twintrack/twintrack/store"
	"github.com/twintrack/twintrack/store/storetest"
)

// duckDB runs SQL queries with DuckDB (see package duckdbtest).
func duckDB(t *testing.T, queries ...string) [][]map[string]any {
	t.Helper()
	return duckdbtest.Query(t, queries...)
}

// sqlString quotes s as a SQL string literal.
func sqlString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// dyadQuery is the DuckDB query the README shows: source->target events per
// year by QuadClass with the Goldstein sum, counting as twintrack does
// (current events only, which is all an export holds; negated,
// hypothetical and future ones left out; undated ones too).
func dyadQuery(dir, source, target string) string {
	return `SELECT year, count(*) AS events,
  count(*) FILTER (WHERE quad_class = 1) AS quad1, count(*) FILTER (WHERE quad_class = 2) AS quad2,
  count(*) FILTER (WHERE quad_class = 3) AS quad3, count(*) FILTER (WHERE quad_class = 4) AS quad4,
  sum(goldstein) AS goldstein_sum
FROM read_parquet(` + sqlString(filepath.ToSlash(dir)+"/**/*.parquet") + `, hive_partitioning = true)
WHERE starts_with(source, ` + sqlString(source) + `) AND starts_with(target, ` + sqlString(target) + `)
  AND NOT negated AND modality = '' AND year IS NOT NULL
GROUP BY year ORDER BY year`
}

// TestExportDuckDBDyads reads exports with DuckDB and asks a dyad question
// that must give the numbers package analysis (twintrack dyads) gives on
// the same store.
func TestExportDuckDBDyads(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		storeDocs(t, db, "dict-1", batchA...)
		storeDocs(t, db, "dict-1", batchB...)
		// The store changes between exports (documents are re-coded), so
		// each export's expected rows are computed right after it; DuckDB
		// reads all the directories at the end, in one process.
		var checks []dyadCheck
		for _, all := range []bool{false, true} {
			for _, by := range []By{Year, Month} {
				dir := filepath.Join(t.TempDir(), "ds")
				mustRun(t, db, Options{Dir: dir, By: by, All: all})
				if by == Month {
					// Re-coded documents: the rewritten partitions must
					// not double count.
					if !all {
						storeDocs(t, db, "dict-2", recoded...)
					}
					mustRun(t, db, Options{Dir: dir, By: by, All: all})
				}
				for _, dyad := range []analysis.Dyad{{Source: "JPN", Target: "KHM"}, {Source: "", Target: "KHMOPP"}} {
					checks = append(checks, dyadCheck{fmt.Sprintf("%s by %s, all %v", dyad, by, all),
						dyadQuery(dir, dyad.Source, dyad.Target), wantDyads(t, db, dyad)})
				}
			}
		}
		// Every event reaches DuckDB once, and the partition columns come
		// from the paths: the undated partition reads as NULL. (DuckDB
		// reads zero-padded months and days as text unless hive_types
		// says otherwise.) No file carries a partition column.
		dir := filepath.Join(t.TempDir(), "ds")
		mustRun(t, db, Options{Dir: dir, By: Day, All: true})
		glob := sqlString(filepath.ToSlash(dir) + "/**/*.parquet")
		queries := []string{`SELECT count(*) AS n, count(DISTINCT event_id) AS ids, count(year) AS dated,
  count(*) FILTER (WHERE year IS NULL AND month IS NULL AND day IS NULL) AS undated,
  count(*) FILTER (WHERE strftime(make_date(year, month, day), '%Y-%m-%d') = event_date) AS consistent
FROM read_parquet(` + glob + `, hive_partitioning = true,
  hive_types = {'year': INTEGER, 'month': INTEGER, 'day': INTEGER})`,
			`SELECT DISTINCT name FROM parquet_schema(` + glob + `) WHERE name IN ('year', 'month', 'day')`}
		for _, c := range checks {
			queries = append(queries, c.query)
		}
		results := duckDB(t, queries...)

		var total, dated int
		for ev, err := range db.Events(context.Background(), store.Filter{All: true}) {
			if err != nil {
				t.Fatal(err)
			}
			total++
			if _, ok := eventDate(ev.EventDate); ok {
				dated++
			}
		}
		want := map[string]any{"n": float64(total), "ids": float64(total), "dated": float64(dated),
			"undated": float64(total - dated), "consistent": float64(dated)}
		if rows := results[0]; len(rows) != 1 || fmt.Sprint(rows[0]) != fmt.Sprint(want) {
			t.Errorf("DuckDB over the day-partitioned export: got %v, want %v", rows, want)
		}
		if cols := results[1]; len(cols) != 0 {
			t.Errorf("files carry partition columns: %v", cols)
		}
		for i, c := range checks {
			compareDyads(t, c, results[2+i])
		}
	})
}

// dyadCheck is a dyad question asked of one export, with the rows package
// analysis gave on the store when it was exported.
type dyadCheck struct {
	name  string
	query string
	want  []analysis.Row
}

// wantDyads returns the dyad's rows with events, per year, as package
// analysis counts them over the store.
func wantDyads(t *testing.T, db *store.DB, dyad analysis.Dyad) []analysis.Row {
	t.Helper()
	panels, _, err := analysis.Dyads(db.Events(context.Background(), store.Filter{All: true}),
		[]analysis.Dyad{dyad}, analysis.Options{By: analysis.Year})
	if err != nil {
		t.Fatal(err)
	}
	var want []analysis.Row
	for _, r := range panels[0].Rows {
		if r.Events > 0 {
			want = append(want, r)
		}
	}
	if len(want) == 0 {
		t.Fatalf("%s: the store has no counted events: a vacuous comparison", dyad)
	}
	return want
}

// compareDyads checks DuckDB's rows against package analysis's.
func compareDyads(t *testing.T, c dyadCheck, got []map[string]any) {
	t.Helper()
	if len(got) != len(c.want) {
		t.Errorf("%s: DuckDB gives %d years %v, twintrack %d %+v", c.name, len(got), got, len(c.want), c.want)
		return
	}
	for i, w := range c.want {
		g := got[i]
		num := func(k string) float64 { f, _ := g[k].(float64); return f }
		year := strconv.Itoa(int(num("year")))
		ok := year == w.Period && int(num("events")) == w.Events &&
			math.Abs(num("goldstein_sum")-w.GoldsteinSum) < 1e-9
		for q := 0; q < 4; q++ {
			ok = ok && int(num(fmt.Sprintf("quad%d", q+1))) == w.QuadClass[q]
		}
		if !ok {
			t.Errorf("%s %s: DuckDB gives %v, twintrack events %d quad %v goldstein %g",
				c.name, w.Period, g, w.Events, w.QuadClass, w.GoldsteinSum)
		}
	}
}
