package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/twintrack/twintrack/export/duckdbtest"
)

// TestExportCommand exports the demo store, checks the streams, exports
// again (nothing to do), and asks DuckDB the README's dyad question over
// the data set: it must give what 'twintrack dyads' prints.
func TestExportCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if _, stderr, err := run(t, "demo", "--db", db); err != nil {
		t.Fatalf("demo: %v\n%s", err, stderr)
	}
	dir := filepath.Join(t.TempDir(), "events")
	stdout, stderr, err := run(t, "export", "--db", db, "--format", "parquet", "--out", dir, "--partition", "year")
	if err != nil {
		t.Fatalf("export: %v\n%s", err, stderr)
	}
	if stdout != "" {
		t.Errorf("export wrote to stdout: %q", stdout)
	}
	for _, want := range []string{"full export", "partitions: ", "now holds"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("summary lacks %q:\n%s", want, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "_twintrack_export.json")); err != nil {
		t.Errorf("no manifest: %v", err)
	}
	_, stderr, err = run(t, "export", "--db", db, "--out", dir, "--partition", "year")
	if err != nil || !strings.Contains(stderr, "up to date") {
		t.Errorf("second export: %v, stderr %q; want up to date", err, stderr)
	}

	csvOut, stderr, err := run(t, "dyads", "--source", "JPN", "--target", "KHM", "--by", "year", "--db", db)
	if err != nil {
		t.Fatalf("dyads: %v\n%s", err, stderr)
	}
	rows := readCSV(t, csvOut)
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	var want []string
	for _, r := range rows[1:] {
		if r[col["events"]] == "0" {
			continue
		}
		want = append(want, strings.Join([]string{r[col["period"]], r[col["events"]], r[col["quad1"]], r[col["quad2"]],
			r[col["quad3"]], r[col["quad4"]], r[col["goldstein_sum"]]}, ","))
	}
	if len(want) < 5 {
		t.Fatalf("the demo store has JPN->KHM events in only %d years", len(want))
	}
	var got []string
	for _, r := range duckDBRows(t, exportDyadQuery(dir)) {
		n := func(k string) string { f, _ := r[k].(float64); return strconv.FormatFloat(f, 'f', -1, 64) }
		g, _ := r["goldstein_sum"].(float64)
		got = append(got, strings.Join([]string{n("year"), n("events"), n("quad1"), n("quad2"), n("quad3"), n("quad4"), formatScore(g)}, ","))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("DuckDB over the export (year,events,quad1-4,goldstein_sum):\n%s\ntwintrack dyads:\n%s",
			strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// exportDyadQuery is the query export/README.md shows.
func exportDyadQuery(dir string) string {
	return fmt.Sprintf(`SELECT year, count(*) AS events,
  count(*) FILTER (WHERE quad_class = 1) AS quad1, count(*) FILTER (WHERE quad_class = 2) AS quad2,
  count(*) FILTER (WHERE quad_class = 3) AS quad3, count(*) FILTER (WHERE quad_class = 4) AS quad4,
  round(sum(goldstein), 3) AS goldstein_sum
FROM read_parquet('%s/**/*.parquet', hive_partitioning = true)
WHERE source LIKE 'JPN%%' AND target LIKE 'KHM%%' AND NOT negated AND modality = '' AND year IS NOT NULL
GROUP BY year ORDER BY year`, strings.ReplaceAll(filepath.ToSlash(dir), "'", "''"))
}

// duckDBRows runs a query with DuckDB (see package duckdbtest).
func duckDBRows(t *testing.T, sql string) []map[string]any {
	t.Helper()
	return duckdbtest.Query(t, sql)[0]
}

func TestExportUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if _, stderr, err := run(t, "demo", "--db", db); err != nil {
		t.Fatalf("demo: %v\n%s", err, stderr)
	}
	busy := t.TempDir()
	if err := os.WriteFile(filepath.Join(busy, "notes.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantMsg  string
	}{
		{"no --out", []string{"--db", db}, 2, "--out DIR"},
		{"unknown format", []string{"--db", db, "--out", t.TempDir(), "--format", "csv"}, 2, `unknown format "csv"`},
		{"unknown partition", []string{"--db", db, "--out", t.TempDir(), "--partition", "week"}, 2, "want year, month or day"},
		{"extra argument", []string{"--db", db, "--out", t.TempDir(), "extra"}, 2, `unexpected argument "extra"`},
		{"no store", []string{"--db", filepath.Join(t.TempDir(), "none.db"), "--out", t.TempDir()}, 1, "no store"},
		{"directory of something else", []string{"--db", db, "--out", busy}, 1, busy + ": not empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, _, err := run(t, append([]string{"export"}, tt.args...)...)
			if got := exitCode(err); got != tt.wantCode || err == nil || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("got exit %d, error %v; want exit %d, an error containing %q", got, err, tt.wantCode, tt.wantMsg)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
		})
	}
}
