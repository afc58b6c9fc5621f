package output

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/twintrack/twintrack"
)

// sampleEvents returns events with awkward content: UTF-8, quotes,
// separators, line breaks, several roles, no roles, a negative score.
func sampleEvents() []twintrack.Event {
	doc := "Japan's Foreign Minister hosted Cambodia's opposition leader, \"Sam\"\tRainsy, in Tōkyō.\nIt rained."
	return []twintrack.Event{
		{
			EventID: "e1", DocID: "d1", Sentence: 0, DocDate: "2013-07-28", EventDate: "2013-07-27",
			DatePrecision: "day", Source: "JPNGOVFRM", Target: "KHMOPP", SourceCountry: "JPN", TargetCountry: "KHM",
			SourceRoles: []string{"GOV", "FRM"}, TargetRoles: []string{"OPP"},
			Code: "043", Root: "04", QuadClass: 1, Goldstein: 2.8, Plover: "CONSULT",
			Issues:     []string{"DEMOCRACY", "ELECTIONS", "DEMOCRACY"},
			SourceText: "Japan's Foreign Minister", TargetText: "Cambodia's opposition leader", VerbText: "hosted",
			Spans: twintrack.EventSpans{
				Sentence: twintrack.Span{Start: 0, End: 87}, Source: twintrack.Span{Start: 0, End: 24},
				Target: twintrack.Span{Start: 32, End: 60}, Verb: twintrack.Span{Start: 25, End: 31},
			},
			SentenceText: doc, URL: "https://example.org/a?b=1,2", DocSource: "Example News",
		},
		{
			EventID: "e2", DocID: "d2", Sentence: 3, DocDate: "2014-01-02", Source: "KHMGOV", Target: "KHMOPP",
			SourceCountry: "KHM", TargetCountry: "KHM", Code: "173", Root: "17", QuadClass: 4, Goldstein: -5,
			Plover: "COERCE", Negated: true, Modality: "hypothetical",
		},
	}
}

func write(t *testing.T, format string, evs []twintrack.Event) string {
	t.Helper()
	var b bytes.Buffer
	w, err := New(&b, format)
	if err != nil {
		t.Fatal(err)
	}
	for i := range evs {
		if err := w.Write(&evs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestJSONLRoundTrip(t *testing.T) {
	evs := sampleEvents()
	out := write(t, "jsonl", evs)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(evs) {
		t.Fatalf("got %d lines, want %d", len(lines), len(evs))
	}
	for i, line := range lines {
		var got twintrack.Event
		if err := json.Unmarshal([]byte(line), &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, evs[i]) {
			t.Errorf("event %d: got %+v, want %+v", i, got, evs[i])
		}
		var raw map[string]any
		if err := json.Unmarshal([]byte(line), &raw); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"code", "root", "event_id", "doc_date"} {
			if _, ok := raw[k].(string); !ok {
				t.Errorf("event %d: %s is %T, want string", i, k, raw[k])
			}
		}
		if _, ok := raw["quad_class"].(float64); !ok {
			t.Errorf("event %d: quad_class is %T, want a JSON number", i, raw["quad_class"])
		}
		if sp, ok := raw["spans"].(map[string]any)["verb"].([]any); !ok || len(sp) != 2 {
			t.Errorf("event %d: spans.verb is %v, want [start,end]", i, raw["spans"])
		}
	}
}

// readTable parses a CSV or TSV output into header-keyed records.
func readTable(t *testing.T, out string, sep rune) (header []string, rows []map[string]string) {
	t.Helper()
	r := csv.NewReader(strings.NewReader(out))
	r.Comma = sep
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("reading back: %v\n%s", err, out)
	}
	header = recs[0]
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range header {
			m[h] = rec[i]
		}
		rows = append(rows, m)
	}
	return header, rows
}

func TestTableRoundTrip(t *testing.T) {
	evs := sampleEvents()
	for _, tt := range []struct {
		format string
		sep    rune
		text   string // sentence_text of the first event as read back
	}{
		{"csv", ',', evs[0].SentenceText},
		{"tsv", '\t', strings.NewReplacer("\t", " ", "\n", " ").Replace(evs[0].SentenceText)},
	} {
		t.Run(tt.format, func(t *testing.T) {
			out := write(t, tt.format, evs)
			if tt.format == "tsv" && strings.Count(out, "\n") != len(evs)+1 {
				t.Errorf("got %d lines, want %d (one per row)", strings.Count(out, "\n"), len(evs)+1)
			}
			header, rows := readTable(t, out, tt.sep)
			if !reflect.DeepEqual(header, Columns) {
				t.Errorf("header got %q, want %q", header, Columns)
			}
			if len(rows) != 2 {
				t.Fatalf("got %d rows, want 2", len(rows))
			}
			want := map[string]string{
				"code": "043", "root": "04", "quad_class": "1", "goldstein": "2.8", "source_roles": "GOV;FRM",
				"target_roles": "OPP", "doc_date": "2013-07-28", "target_start": "32", "verb_end": "31",
				"sentence_text": tt.text, "negated": "false",
			}
			for k, v := range want {
				if rows[0][k] != v {
					t.Errorf("%s: got %q, want %q", k, rows[0][k], v)
				}
			}
			if rows[1]["goldstein"] != "-5" || rows[1]["negated"] != "true" || rows[1]["source_roles"] != "" {
				t.Errorf("second row got goldstein %q negated %q roles %q, want -5 true \"\"",
					rows[1]["goldstein"], rows[1]["negated"], rows[1]["source_roles"])
			}
		})
	}
}

func TestPhoenix(t *testing.T) {
	evs := sampleEvents()
	out := write(t, "phoenix", evs)
	header, rows := readTable(t, out, '\t')
	if len(header) != 26 || !reflect.DeepEqual(header, PhoenixColumns) {
		t.Fatalf("header got %d columns %q, want the 26 Phoenix columns", len(header), header)
	}
	tests := []struct {
		row       int
		col, want string
	}{
		{0, "EventID", "e1"}, {0, "Date", "20130727"}, {0, "Year", "2013"}, {0, "Month", "07"}, {0, "Day", "27"},
		{0, "SourceActorFull", "JPNGOVFRM"}, {0, "SourceActorEntity", "JPN"}, {0, "SourceActorRole", "GOV"},
		{0, "SourceActorAttribute", "FRM"}, {0, "TargetActorRole", "OPP"}, {0, "TargetActorAttribute", ""},
		{0, "EventCode", "043"}, {0, "EventRootCode", "04"}, {0, "QuadClass", "1"}, {0, "GoldsteinScore", "2.8"},
		{0, "Issues", "DEMOCRACY,2;ELECTIONS,1"}, {0, "Lat", ""}, {0, "CountryCode", ""},
		{0, "SentenceID", "d1_0"}, {0, "URLs", "https://example.org/a?b=1,2"}, {0, "NewsSources", "Example News"},
		{1, "Date", "20140102"}, {1, "EventCode", "173"}, {1, "GoldsteinScore", "-5"}, {1, "Issues", ""},
		{1, "SentenceID", "d2_3"},
	}
	for _, tt := range tests {
		if got := rows[tt.row][tt.col]; got != tt.want {
			t.Errorf("row %d %s: got %q, want %q", tt.row, tt.col, got, tt.want)
		}
	}
}

func TestInvalidUTF8IsReplaced(t *testing.T) {
	ev := twintrack.Event{EventID: "e", Code: "010", SourceText: "Tok\xffyo", Issues: []string{"X\xfe"}}
	for _, f := range []string{"jsonl", "csv", "tsv", "phoenix"} {
		out := write(t, f, []twintrack.Event{ev})
		if !utf8.ValidString(out) {
			t.Errorf("%s: output is not valid UTF-8: %q", f, out)
		}
		if f != "phoenix" && !strings.Contains(out, "Tok\uFFFDyo") && !strings.Contains(out, `Tok\ufffdyo`) {
			t.Errorf("%s: got %q, want the bad byte replaced by U+FFFD", f, out)
		}
	}
}

func TestEmptyOutputHasHeader(t *testing.T) {
	for _, f := range []string{"csv", "tsv", "phoenix"} {
		if out := write(t, f, nil); strings.Count(out, "\n") != 1 {
			t.Errorf("%s with no events: got %q, want just the header row", f, out)
		}
	}
	if out := write(t, "jsonl", nil); out != "" {
		t.Errorf("jsonl with no events: got %q, want nothing", out)
	}
}

type fakeWriter struct{ n int }

func (f *fakeWriter) Write(*twintrack.Event) error { f.n++; return nil }
func (f *fakeWriter) Close() error                 { return nil }

func TestNewWith(t *testing.T) {
	fw := &fakeWriter{}
	extra := Formats{"fake": func(io.Writer) (Writer, error) { return fw, nil }}
	w, err := NewWith(io.Discard, "FAKE", extra)
	if err != nil || w != Writer(fw) {
		t.Fatalf("NewWith(fake) got %v, %v, want the extra writer", w, err)
	}
	if _, err := NewWith(io.Discard, "csv", extra); err != nil {
		t.Errorf("built-in format with extras: got %v", err)
	}
	_, err = NewWith(io.Discard, "xml", extra)
	if err == nil || !strings.Contains(err.Error(), "phoenix, fake") {
		t.Errorf("unknown format: got %v, want an error listing phoenix, fake", err)
	}
	_, err = New(io.Discard, "parquet")
	if err == nil {
		t.Errorf("New(parquet) without extras: got %v, want an error", err)
	}
}

func BenchmarkWriters(b *testing.B) {
	ev := sampleEvents()[0]
	for _, f := range []string{"jsonl", "csv", "tsv", "phoenix"} {
		b.Run(f, func(b *testing.B) {
			w, err := New(io.Discard, f)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if err := w.Write(&ev); err != nil {
					b.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				b.Fatal(err)
			}
		})
	}
}
