package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/twintrack/twintrack"
)

// Our own test dictionary, written to a temporary directory.
var codeTestDict = map[string]string{
	"t.options": "SET: MINIMUM WORDS = 3\n",
	"t.actors":  "JAPAN_ [JPN]\nCAMBODIA_ [KHM]\nSAM_RAINSY_ [KHMOPP]\n",
	"t.agents":  "FOREIGN_MINISTER_ [~GOVFRM]\n",
	"t.verbs":   "CRITICI [111]\nHOST_ [043]\n{ HOSTED_ }\n",
}

func writeDict(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for n, s := range codeTestDict {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func runCmd(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb}
	err := Run(context.Background(), args, env)
	return out.String(), errb.String(), err
}

func TestCodePlainText(t *testing.T) {
	dir := writeDict(t)
	text := "Japan criticized Cambodia on Monday.\r\nThe Japan foreign minister hosted \u201cSam Rainsy\u201d in Tokyo.\n"
	out, stderr, err := runCmd(t, text, "code", "--dict", dir, "--date", "2015-03-02", "--explain")
	if err != nil {
		t.Fatalf("code: %v (stderr %s)", err, stderr)
	}
	var evs []twintrack.Event
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var ev twintrack.Event
		if err := json.Unmarshal([]byte(line), &ev); err != nil {
			t.Fatalf("bad JSON line %q: %v", line, err)
		}
		evs = append(evs, ev)
	}
	want := []string{"JPN KHM 111", "JPNGOVFRM KHMOPP 043"}
	if len(evs) != len(want) {
		t.Fatalf("got %d events, want %d:\n%s", len(evs), len(want), out)
	}
	for i, ev := range evs {
		if got := ev.Source + " " + ev.Target + " " + ev.Code; got != want[i] {
			t.Errorf("event %d = %q, want %q", i, got, want[i])
		}
		if ev.DocDate != "2015-03-02" || ev.Sentence != i || ev.EventID == "" || len(ev.Explain) == 0 {
			t.Errorf("event %d: date %q sentence %d id %q explain %v", i, ev.DocDate, ev.Sentence, ev.EventID, ev.Explain)
		}
		if text[ev.Spans.Source.Start:ev.Spans.Source.End] != ev.SourceText {
			t.Errorf("event %d: source span does not give the source text", i)
		}
	}
	if evs[1].SourceText != "Japan foreign minister" || evs[1].TargetText != "Sam Rainsy" || evs[1].VerbText != "hosted" {
		t.Errorf("texts = %q %q %q, want \"Japan foreign minister\", Sam Rainsy, hosted", evs[1].SourceText, evs[1].TargetText, evs[1].VerbText)
	}
	if evs[1].SourceCountry != "JPN" || strings.Join(evs[1].SourceRoles, ",") != "GOV,FRM" {
		t.Errorf("source country/roles = %q %v, want JPN [GOV FRM]", evs[1].SourceCountry, evs[1].SourceRoles)
	}
}

func TestCodeRecordsTSV(t *testing.T) {
	dir := writeDict(t)
	in := "950103  R-01\nJapan criticized\nCambodia on Monday.\n\n950104  R-02\nNothing here at all today.\n"
	out, stderr, err := runCmd(t, in, "code", "--dict", dir, "--format", "tsv", "--explain")
	if err != nil {
		t.Fatalf("code: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "event_id\t") {
		t.Fatalf("got %d lines, want a header and one event:\n%s", len(lines), out)
	}
	f := strings.Split(lines[1], "\t")
	if f[1] != "R-01" || f[3] != "1995-01-03" || f[6] != "JPN" || f[7] != "KHM" || f[12] != "111" {
		t.Errorf("event row = %q", lines[1])
	}
	if !strings.Contains(stderr, "verb CRITICI") {
		t.Errorf("stderr lacks the explanation: %q", stderr)
	}
}

func TestCodeBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"code", "--date", "03/02/2015"},
		{"code", "--format", "xml"},
	} {
		if _, _, err := runCmd(t, "", args...); err == nil {
			t.Errorf("%v: got no error", args)
		}
	}
}

func TestValidateCommand(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	shared := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		t.Skip("../shared is absent; it holds the TABARI validation suite")
	}
	out, _, err := runCmd(t, "", "validate", filepath.Join(shared, "data", "tabari", "Validate.project"))
	if err != nil {
		t.Fatalf("validate: %v\n%s", err, out)
	}
	if !strings.HasSuffix(out, "472 passed, 0 failed\n") {
		t.Errorf("closing line: got %q, want \"472 passed, 0 failed\"", out[strings.LastIndexByte(strings.TrimSpace(out), '\n')+1:])
	}
}

func TestCodeWorkersKeepOrder(t *testing.T) {
	dir := writeDict(t)
	var b strings.Builder
	sents := []string{"Japan criticized Cambodia on Monday.", "Cambodia criticized Japan on Friday.",
		"The Japan foreign minister hosted Sam Rainsy.", "Nothing happened here at all."}
	for i := 0; i < 1500; i++ {
		b.WriteString("950103  R-" + strings.Repeat("x", i%3) + "\n" + sents[i%len(sents)] + "\n\n")
	}
	seq, _, err := runCmd(t, b.String(), "code", "--dict", dir, "--format", "tsv", "--workers", "1")
	if err != nil {
		t.Fatal(err)
	}
	par, _, err := runCmd(t, b.String(), "code", "--dict", dir, "--format", "tsv", "--workers", "4")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(seq, "\n"); n != 1+1500*3/4 {
		t.Errorf("sequential run wrote %d lines, want %d", n, 1+1500*3/4)
	}
	if seq != par {
		t.Errorf("--workers 4 output differs from --workers 1")
	}
}

// TestCodeJSONLDocuments codes JSON Lines documents through the input
// readers: each document keeps its id and date, the event passes run
// (event dates from the sentence, negation), and a bad line is reported
// with its position, skipped, and makes the exit status say so.
func TestCodeJSONLDocuments(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "docs.jsonl")
	data := `{"id":"a1","date":"2019-05-08","text":"Japanese Prime Minister Shinzo Abe met Prime Minister Hun Sen of Cambodia in Tokyo on Monday."}
{"id":"a2","date":"2019-05-09","text":"Opposition leader Sam Rainsy did not visit Japan this week as planned."}
{"id": broken
`
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	err := Run(context.Background(), []string{"code", path}, &Env{Stdout: &out, Stderr: &errs})
	var ex exitError
	if !errors.As(err, &ex) || ex.code != exitSkipped {
		t.Fatalf("exit = %v, want exit status %d for a skipped record", err, exitSkipped)
	}
	if !strings.Contains(errs.String(), "docs.jsonl:3") {
		t.Errorf("stderr does not locate the bad line:\n%s", errs.String())
	}
	var byDoc = map[string][]twintrack.Event{}
	dec := json.NewDecoder(&out)
	for dec.More() {
		var ev twintrack.Event
		if err := dec.Decode(&ev); err != nil {
			t.Fatal(err)
		}
		byDoc[ev.DocID] = append(byDoc[ev.DocID], ev)
	}
	a1 := byDoc["a1"]
	if len(a1) == 0 {
		t.Fatalf("no events for a1; got %v", byDoc)
	}
	if a1[0].DocDate != "2019-05-08" || a1[0].EventDate != "2019-05-06" {
		t.Errorf("a1 dates = %s / %s, want report 2019-05-08, event 2019-05-06 (Monday)", a1[0].DocDate, a1[0].EventDate)
	}
	for _, ev := range byDoc["a2"] {
		if !ev.Negated {
			t.Errorf("a2 event %s %s %s is not flagged negated", ev.Source, ev.Code, ev.Target)
		}
	}
}
