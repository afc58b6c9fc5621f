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

	"github.com/twintrack/twintrack/store"
)

// A dictionary of our own for the store commands.
var storeTestDict = map[string]string{
	"s.options": "SET: MINIMUM WORDS = 3\n",
	"s.actors":  "JAPAN_ [JPN]\nCAMBODIA_ [KHM]\nSAM_RAINSY_ [KHMOPP]\nHUN_SEN_ [KHMGOV]\n",
	"s.agents":  "FOREIGN_MINISTER_ [~GOVFRM]\n",
	"s.verbs":   "CRITICI [111]\nHOST_ [043]\n{ HOSTED_ }\n",
}

func runStoreCmd(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := Run(context.Background(), args, &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb})
	return out.String(), errb.String(), err
}

func exitCode(err error) int {
	var ex exitError
	if errors.As(err, &ex) {
		return ex.code
	}
	if err != nil {
		return 1
	}
	return 0
}

// storeCorpus writes a dictionary and a corpus directory with one good
// and one partly corrupt file; it returns their paths.
func storeCorpus(t *testing.T) (dictDir, corpusDir string) {
	t.Helper()
	dictDir, corpusDir = t.TempDir(), t.TempDir()
	for n, s := range storeTestDict {
		if err := os.WriteFile(filepath.Join(dictDir, n), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{
		"a.jsonl": `{"id":"n1","date":"2013-07-04","url":"https://example.org/n1","text":"Japan hosted Sam Rainsy in Tokyo on Monday. Japan criticized Hun Sen."}
{"id":"n2","date":"2013-07-05","text":"Japan hosted Sam Rainsy in Tokyo on Monday."}
{"id":"n3","date":"1991-10-23","text":"Japan did not host Hun Sen."}
`,
		"b.jsonl": `{"id":"n4","date":"1992-01-10","text":"Cambodia criticized Japan."}
{"id":"n5","date":"1992-01-10","text": this is not JSON
`,
	}
	for n, s := range files {
		if err := os.WriteFile(filepath.Join(corpusDir, n), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dictDir, corpusDir
}

func TestIngestEventsStats(t *testing.T) {
	dictDir, corpusDir := storeCorpus(t)
	db := filepath.Join(t.TempDir(), "tt.db")

	_, stderr, err := runStoreCmd(t, "ingest", "--db", db, "--dict", dictDir, corpusDir)
	if exitCode(err) != exitSkipped {
		t.Fatalf("ingest with a corrupt record: got %v, want exit status %d; stderr:\n%s", err, exitSkipped, stderr)
	}
	if !strings.Contains(stderr, "b.jsonl:2") {
		t.Errorf("stderr does not locate the corrupt record (b.jsonl:2):\n%s", stderr)
	}
	if !strings.Contains(stderr, "4 stored") {
		t.Errorf("summary: want 4 stored documents:\n%s", stderr)
	}
	// Again: nothing new, and the corrupt record is still reported.
	_, stderr, err = runStoreCmd(t, "ingest", "--db", "sqlite:"+db, "--dict", dictDir, corpusDir)
	if exitCode(err) != exitSkipped || !strings.Contains(stderr, "0 stored, 4 already stored") {
		t.Errorf("second ingest: got %v, stderr:\n%s", err, stderr)
	}

	out, stderr, err := runStoreCmd(t, "events", "--db", db, "--source", "JPN", "--target", "KHM", "--format", "csv")
	if err != nil {
		t.Fatalf("events: %v (%s)", err, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	var got []string
	for _, r := range rows[1:] {
		got = append(got, r[col["doc_id"]]+" "+r[col["source"]]+" "+r[col["code"]]+" "+r[col["target"]]+" "+r[col["event_date"]])
	}
	want := []string{ // in event-date order
		"n1 JPN 043 KHMOPP 2013-07-01", // "on Monday" before Thursday 4 July
		"n2 JPN 043 KHMOPP 2013-07-01",
		"n1 JPN 111 KHMGOV 2013-07-04",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("events JPN->KHM:\ngot  %q\nwant %q", got, want)
	}

	counts := []struct {
		name string
		args []string
		want string
	}{
		{"reports", []string{"--count", "reports"}, "4"},
		{"events: two reports of one hosting", []string{"--count", "events"}, "3"},
		{"all includes the negated one", []string{"--count", "reports", "--all"}, "5"},
		{"root and dates", []string{"--count", "reports", "--root", "11", "--from", "1992", "--to", "1992-01"}, "1"},
		{"role", []string{"--count", "reports", "--target-role", "OPP"}, "2"},
		{"text", []string{"--count", "reports", "--text", "hun sen"}, "1"},
		{"dedup", []string{"--count", "reports", "--dedup", "events"}, "3"},
		{"quad class", []string{"--count", "reports", "--quad", "3"}, "2"},
	}
	for _, c := range counts {
		out, stderr, err := runStoreCmd(t, append([]string{"events", "--db", db}, c.args...)...)
		if err != nil || strings.TrimSpace(out) != c.want {
			t.Errorf("%s: got %q (err %v, %s), want %s", c.name, strings.TrimSpace(out), err, stderr, c.want)
		}
	}

	out, _, err = runStoreCmd(t, "events", "--db", db, "--reports", "--target", "KHMOPP")
	if err != nil {
		t.Fatal(err)
	}
	var h struct {
		Count   int `json:"report_count"`
		Reports []struct {
			DocID string `json:"doc_id"`
		} `json:"reports"`
	}
	if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &h); err != nil || h.Count != 2 || len(h.Reports) != 2 || h.Reports[0].DocID != "n1" {
		t.Errorf("happenings: got %s (err %v), want one happening with reports from n1 and n2", out, err)
	}

	out, _, err = runStoreCmd(t, "stats", "--db", db, "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var s store.Stats
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	if s.Documents != 4 || s.Reports != 4 || s.Events != 3 || s.Excluded != 1 || len(s.Runs) != 1 || s.Runs[0].DictHash == "" {
		t.Errorf("stats: got %+v", s)
	}
	out, _, err = runStoreCmd(t, "stats", "--db", db)
	if err != nil || !strings.Contains(out, "documents") || !strings.Contains(out, "2013") {
		t.Errorf("stats text: got %q (err %v)", out, err)
	}
}

func TestStoreCommandErrors(t *testing.T) {
	dictDir, corpusDir := storeCorpus(t)
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.txt")
	content := []byte("not a database\n" + strings.Repeat("n", 4096))
	os.WriteFile(notes, content, 0o644)
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no paths", []string{"ingest", "--db", filepath.Join(dir, "x.db")}, 2, "no input paths"},
		{"missing input", []string{"ingest", "--db", filepath.Join(dir, "x.db"), filepath.Join(dir, "nope")}, 2, "nope"},
		{"db in a missing directory", []string{"ingest", "--dict", dictDir, "--db", filepath.Join(dir, "no", "x.db"), corpusDir}, 1, "open sqlite store"},
		{"db is not a database", []string{"ingest", "--dict", dictDir, "--db", notes, corpusDir}, 1, "notes.txt"},
		{"events without a store", []string{"events", "--db", filepath.Join(dir, "none.db")}, 1, "no store"},
		{"stats without a store", []string{"stats", "--db", filepath.Join(dir, "none.db")}, 1, "no store"},
		{"bad filter", []string{"events", "--db", notes, "--from", "last year"}, 2, "from"},
		{"bad count", []string{"events", "--db", notes, "--count", "all"}, 2, "count"},
		{"bad format", []string{"events", "--db", notes, "--format", "xml"}, 2, "xml"},
		{"bad quad", []string{"events", "--db", notes, "--quad", "one"}, 2, "quad"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, err := runStoreCmd(t, tc.args...)
			msg := stderr
			if err != nil {
				msg += err.Error()
			}
			if exitCode(err) != tc.code || !strings.Contains(msg, tc.msg) {
				t.Errorf("got exit %d and %q, want exit %d mentioning %q", exitCode(err), msg, tc.code, tc.msg)
			}
		})
	}
	if after, _ := os.ReadFile(notes); !bytes.Equal(after, content) {
		t.Error("a failed ingest changed the file given as --db")
	}
	if _, err := os.Stat(filepath.Join(dir, "none.db")); !errors.Is(err, os.ErrNotExist) {
		t.Error("events created a store")
	}
}
