package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/analysis"
	"github.com/twintrack/twintrack/cameo"
	"github.com/twintrack/twintrack/sqlite"
	"github.com/twintrack/twintrack/store"
)

// writeEvents writes hand-made events as JSON Lines (plus extra raw lines)
// and returns the file's path.
func writeEvents(t *testing.T, extra ...string) string {
	t.Helper()
	mk := func(id, date, src, tgt, code string, quad int, gold float64, text string) twintrack.Event {
		e := twintrack.Event{EventID: id, DocID: "doc-" + id, DocDate: date, EventDate: date, Source: src, Target: tgt,
			Code: code, Root: code[:2], QuadClass: quad, Goldstein: gold, SentenceText: text}
		if info, ok := cameo.Resolve(code); ok {
			e.Plover = info.Plover
		}
		return e
	}
	evs := []twintrack.Event{
		mk("e1", "2013-02-01", "JPNGOV", "KHMGOV", "043", 1, 2.8, "Japan hosted Cambodia's prime minister."),
		mk("e2", "2013-05-03", "JPNGOV", "KHMOPPPTY", "043", 1, 2.8, "Japan hosted the opposition leader."),
		mk("e3", "2015-07-10", "JPN", "KHMGOV", "071", 2, 7.4, "Japan gave aid to the government."),
		mk("e4", "2015-08-01", "JPNGOV", "KHMOPP", "112", 3, -2, "Japan criticised the opposition."),
	}
	neg := mk("e5", "2015-09-01", "JPNGOV", "KHMOPP", "043", 1, 2.8, "Japan did not host the opposition.")
	neg.Negated = true
	evs = append(evs, neg)
	var b bytes.Buffer
	for _, e := range evs {
		line, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	for _, x := range extra {
		b.WriteString(x + "\n")
	}
	path := filepath.Join(t.TempDir(), "events.jsonl")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// run runs a command in-process and returns its output streams.
func run(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}
	err = Run(context.Background(), args, env)
	return out.String(), errb.String(), err
}

func readCSV(t *testing.T, s string) [][]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(s)).ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v\n%s", err, s)
	}
	return recs
}

func TestDyadsCommand(t *testing.T) {
	path := writeEvents(t)
	out, stderr, err := run(t, "dyads", "--events", path, "--source", "JPN", "--target", "KHM", "--by", "year")
	if err != nil {
		t.Fatalf("dyads: %v\n%s", err, stderr)
	}
	recs := readCSV(t, out)
	// Header plus 2013, 2014 (zero-filled) and 2015.
	if len(recs) != 4 {
		t.Fatalf("got %d records, want 4:\n%s", len(recs), out)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	tests := []struct {
		row        int
		period     string
		events, q1 string
		sum, mean  string
	}{
		{1, "2013", "2", "2", "5.6", "2.8"},
		{2, "2014", "0", "0", "0", ""},
		{3, "2015", "2", "0", "5.4", "2.7"},
	}
	for _, tc := range tests {
		r := recs[tc.row]
		got := []string{r[col["period"]], r[col["events"]], r[col["quad1"]], r[col["goldstein_sum"]], r[col["goldstein_mean"]]}
		want := []string{tc.period, tc.events, tc.q1, tc.sum, tc.mean}
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("row %d = %v, want %v", tc.row, got, want)
		}
	}
	if !strings.Contains(stderr, "1 negated") {
		t.Errorf("stderr %q does not report the negated event", stderr)
	}

	// JSON with two dyads and a plot.
	svg := filepath.Join(t.TempDir(), "d.svg")
	out, _, err = run(t, "dyads", "--events", path, "--source", "JPNGOV", "--target", "KHMOPP",
		"--source", "JPN", "--target", "KHMGOV", "--by", "month", "--from", "2013-01", "--to", "2013-06", "--format", "json", "--plot", svg)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Panels []struct {
			Dyad struct{ Source, Target string }
			Rows []struct {
				Period string
				Events int
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if len(doc.Panels) != 2 || len(doc.Panels[0].Rows) != 6 || doc.Panels[0].Rows[4].Events != 1 || doc.Panels[1].Rows[1].Events != 1 {
		t.Errorf("unexpected panels: %+v", doc.Panels)
	}
	if b, err := os.ReadFile(svg); err != nil || !bytes.Contains(b, []byte("JPNGOV-&gt;KHMOPP")) {
		t.Errorf("plot %s: %v, or it lacks the dyad's series", svg, err)
	}
	for measure, want := range map[string]string{"goldstein": "Goldstein sum", "quad": "material cooperation"} {
		if _, _, err := run(t, "dyads", "--events", path, "--source", "JPN", "--plot", svg, "--plot-measure", measure); err != nil {
			t.Fatal(err)
		}
		if b, err := os.ReadFile(svg); err != nil || !bytes.Contains(b, []byte(want)) {
			t.Errorf("--plot-measure %s: %v, or the chart lacks %q", measure, err, want)
		}
	}
}

func TestDyadsBadLines(t *testing.T) {
	path := writeEvents(t, `{"event_id": oops}`)
	out, stderr, err := run(t, "dyads", "--events", path, "--source", "JPN", "--by", "year")
	var ex exitError
	if !errors.As(err, &ex) || ex.code != 1 || !strings.Contains(ex.msg, "1 bad lines skipped") {
		t.Errorf("got error %v, want exit 1 reporting one bad line", err)
	}
	if !strings.Contains(stderr, path+":6:14: ") {
		t.Errorf("stderr %q lacks the bad line's position %s:6:14", stderr, path)
	}
	if len(readCSV(t, out)) != 4 {
		t.Errorf("output not written despite the bad line:\n%s", out)
	}
}

func TestTracksCommand(t *testing.T) {
	path := writeEvents(t)
	out, stderr, err := run(t, "tracks", "JPN", "KHM", "--events", path, "--by", "year")
	if err != nil {
		t.Fatalf("tracks: %v\n%s", err, stderr)
	}
	for _, want := range []string{
		"2013           1     1     0      0.50        yes              0/1              0/1",
		"2014           0     0     0         -         no              0/0              0/0",
		"2015           1     0     0      0.00         no              0/0              0/0",
		"total          2     1     0      0.33        yes              0/1              0/1",
		"twin-track periods: 1 of 2 with any engagement (3 periods)",
		"left out: 1 negated",
		"opp 2013-05-03 JPNGOV 043 KHMOPPPTY  [doc-e2 #0 e2]\n    Japan hosted the opposition leader.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "criticised") {
		t.Errorf("a conflictual event is given as evidence of engagement:\n%s", out)
	}

	out, _, err = run(t, "tracks", "--format", "csv", "--all", "--roots", "04", "JPN", "KHM", "--events", path)
	if err != nil {
		t.Fatal(err)
	}
	recs := readCSV(t, out)
	last := recs[len(recs)-1]
	if last[2] != "total" || last[4] != "1" || last[5] != "2" {
		t.Errorf("csv total row %v, want gov 1 opp 2 (negated counted with --all)", last)
	}

	out, _, err = run(t, "tracks", "JPN", "KHM", "--events", path, "--format", "csv", "--plover", "aid")
	if err != nil {
		t.Fatal(err)
	}
	recs = readCSV(t, out)
	if last := recs[len(recs)-1]; last[4] != "1" || last[5] != "0" {
		t.Errorf("--plover aid: total row %v, want gov 1 (the 071) and opp 0", last)
	}

	svg := filepath.Join(t.TempDir(), "t.svg")
	out, _, err = run(t, "tracks", "JPN", "KHM", "--events", path, "--format", "json", "--plot", svg, "--evidence", "0")
	if err != nil {
		t.Fatal(err)
	}
	var tr struct {
		TwinTrackPeriods int `json:"twin_track_periods"`
		Rows             []struct {
			GovEvidence []any `json:"gov_evidence"`
		}
	}
	if err := json.Unmarshal([]byte(out), &tr); err != nil || tr.TwinTrackPeriods != 1 || len(tr.Rows[0].GovEvidence) != 0 {
		t.Errorf("json: %v %+v, want one twin-track period and no evidence", err, tr)
	}
	if b, err := os.ReadFile(svg); err != nil || !bytes.Contains(b, []byte(`data-name="opposition"`)) {
		t.Errorf("plot %s: %v, or it lacks the opposition line", svg, err)
	}
}

func TestTracksBaseline(t *testing.T) {
	path := writeEvents(t, `{"event_id":"c1","doc_date":"2015-01-01","source":"CHNGOV","target":"KHMGOV","code":"071","root":"07","quad_class":2}`)
	out, _, err := run(t, "tracks", "JPN", "KHM", "--events", path, "--baseline", "--evidence", "0")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"* JPN          2     1     0      0.33               1/2",
		"  CHN          1     0     0      0.00               0/1",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("baseline lacks %q:\n%s", want, out)
		}
	}
	out, _, err = run(t, "tracks", "JPN", "KHM", "--events", path, "--baseline", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Sender   string
		Baseline []struct{ Sender string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || doc.Sender != "JPN" || len(doc.Baseline) != 2 {
		t.Errorf("json: %v %+v, want sender JPN and two baseline senders", err, doc)
	}
}

func TestDedupFlag(t *testing.T) {
	dup := `{"event_id":"e1b","doc_id":"doc-e1b","doc_date":"2013-02-02","event_date":"2013-02-01","source":"JPNGOV","target":"KHMGOV","code":"043","root":"04","quad_class":1}`
	path := writeEvents(t, dup)
	tests := []struct {
		dedup string
		want  string
	}{
		{"none", "JPNGOV,KHMGOV,2,2,0,"},
		{"events", "JPNGOV,KHMGOV,1,1,0,"},
		{"one-a-day", "JPNGOV,KHMGOV,2,2,0,"},
	}
	for _, tc := range tests {
		t.Run(tc.dedup, func(t *testing.T) {
			out, _, err := run(t, "network", "--events", path, "--format", "csv", "--to", "2013", "--dedup", tc.dedup)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out, tc.want) {
				t.Errorf("--dedup %s:\n%s\nwant a line starting %s", tc.dedup, out, tc.want)
			}
		})
	}
}

func TestNetworkCommand(t *testing.T) {
	path := writeEvents(t)
	out, _, err := run(t, "network", "--events", path, "--format", "csv", "--from", "2015", "--to", "2015")
	if err != nil {
		t.Fatal(err)
	}
	want := "source,target,events,coop,conflict,goldstein_sum\nJPN,KHMGOV,1,1,0,7.4\nJPNGOV,KHMOPP,1,0,1,-2\n"
	if out != want {
		t.Errorf("csv:\n%s\nwant:\n%s", out, want)
	}
	out, _, err = run(t, "network", "--events", path, "--level", "country")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `<edge id="e0" source="JPN" target="KHM">`) || !strings.Contains(out, `<data key="events">4</data>`) {
		t.Errorf("graphml lacks the JPN->KHM edge with 4 events:\n%s", out)
	}
}

func TestAnalysisUsageErrors(t *testing.T) {
	path := writeEvents(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"tracks needs two actors", []string{"tracks", "JPN", "--events", path}, "want SENDER and TARGET"},
		{"roots and quad", []string{"tracks", "JPN", "KHM", "--roots", "04", "--quad", "1", "--events", path}, "not several"},
		{"quad and plover", []string{"tracks", "JPN", "KHM", "--plover", "AID", "--quad", "1", "--events", path}, "not several"},
		{"bad quad", []string{"tracks", "JPN", "KHM", "--quad", "5", "--events", path}, "bad QuadClass"},
		{"bad period", []string{"dyads", "--source", "JPN", "--by", "decade", "--events", path}, "unknown period"},
		{"bad from", []string{"dyads", "--source", "JPN", "--from", "79", "--events", path}, "--from"},
		{"to before from", []string{"network", "--from", "2015", "--to", "2014", "--events", path}, "before"},
		{"no dyad", []string{"dyads", "--events", path}, "at least one"},
		{"bad plot measure", []string{"dyads", "--source", "JPN", "--plot-measure", "tone", "--events", path}, "--plot-measure"},
		{"bad format", []string{"network", "--format", "gexf", "--events", path}, "unknown format"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := run(t, tc.args...)
			var ex exitError
			if !errors.As(err, &ex) || ex.code != 2 || !strings.Contains(ex.msg, tc.want) {
				t.Errorf("got %v, want a usage error containing %q", err, tc.want)
			}
		})
	}
}

// TestAnalysisFromStore stores the same events in SQLite and checks that
// every analysis command gives the same output from the store as from the
// events file.
func TestAnalysisFromStore(t *testing.T) {
	path := writeEvents(t)
	ctx := context.Background()
	dbPath := filepath.Join(t.TempDir(), "tt.db")
	db, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	run0, err := db.StartRun(ctx, store.RunInfo{DictHash: "test", Dictionaries: "hand-made", Coder: "test"})
	if err != nil {
		t.Fatal(err)
	}
	var batch []store.CodedDocument
	for ev, err := range analysis.DecodeEvents(mustOpen(t, path), path) {
		if err != nil {
			t.Fatal(err)
		}
		batch = append(batch, store.CodedDocument{
			Doc:       twintrack.Document{ID: ev.DocID, Date: ev.DocDate, Text: ev.SentenceText},
			Sentences: 1, Events: []twintrack.Event{ev}})
	}
	if _, err := db.Write(ctx, run0.ID, batch); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"tracks", "JPN", "KHM", "--by", "year", "--baseline"},
		{"tracks", "JPN", "KHM", "--all", "--format", "csv", "--roots", "04"},
		{"dyads", "--source", "JPN", "--target", "KHM", "--by", "month", "--from", "2013", "--to", "2015"},
		{"network", "--format", "csv"},
		{"network", "--format", "csv", "--dedup", "events"},
		{"dyads", "--source", "JPN", "--by", "year", "--dedup", "one-a-day"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			fromFile, _, err := run(t, append(args, "--events", path)...)
			if err != nil {
				t.Fatal(err)
			}
			fromStore, stderr, err := run(t, append(args, "--db", dbPath)...)
			if err != nil {
				t.Fatalf("%v\n%s", err, stderr)
			}
			if fromStore != fromFile || fromStore == "" {
				t.Errorf("from the store:\n%s\nfrom the file:\n%s", fromStore, fromFile)
			}
		})
	}
	if _, _, err := run(t, "tracks", "JPN", "KHM", "--db", filepath.Join(t.TempDir(), "missing.db")); err == nil ||
		!strings.Contains(err.Error(), "no store at") {
		t.Errorf("missing store: got %v, want a 'no store at' error", err)
	}
}

func mustOpen(t *testing.T, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}
