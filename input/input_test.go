package input

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/twintrack/twintrack"
)

// readString reads every document of src with the given options and
// checks the invariants every reader keeps.
func readString(t testing.TB, src, name string, opts Options) ([]twintrack.Document, []*Error, Summary) {
	t.Helper()
	r, err := NewReader(strings.NewReader(src), name, opts)
	if err != nil {
		t.Fatalf("NewReader: %v", err)
	}
	return drain(t, r, (len(src)+2)*1100) // gzip may expand up to ~1000 times
}

// drain reads r to the end, failing if it takes more than limit calls.
func drain(t testing.TB, r *Reader, limit int) ([]twintrack.Document, []*Error, Summary) {
	t.Helper()
	var docs []twintrack.Document
	var errs []*Error
	for calls := 0; ; calls++ {
		if calls > limit {
			t.Fatalf("Next called %d times without io.EOF", calls)
		}
		d, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got error %v of type %T, want *Error", err, err)
			}
			if e.File == "" || e.Line < 0 {
				t.Errorf("error %q lacks a file or has a negative line", e)
			}
			errs = append(errs, e)
			continue
		}
		checkDoc(t, d)
		docs = append(docs, d)
	}
	s := r.Summary()
	if s.Documents != len(docs) || s.Skipped != len(errs) {
		t.Errorf("summary got %d documents, %d skipped; want %d, %d", s.Documents, s.Skipped, len(docs), len(errs))
	}
	return docs, errs, s
}

func checkDoc(t testing.TB, d twintrack.Document) {
	t.Helper()
	if d.ID == "" || strings.TrimSpace(d.ID) != d.ID {
		t.Errorf("document id %q empty or untrimmed", d.ID)
	}
	if strings.TrimSpace(d.Text) == "" {
		t.Errorf("document %q has no text", d.ID)
	}
	for _, f := range []string{d.ID, d.Date, d.URL, d.Source, d.Title, d.Text} {
		if !utf8.ValidString(f) {
			t.Errorf("document %q: field %q is not valid UTF-8", d.ID, f)
		}
	}
	if d.Date != "" {
		if _, err := time.Parse("2006-01-02", d.Date); err != nil {
			t.Errorf("document %q: date %q is not ISO", d.ID, d.Date)
		}
	}
}

func errStrings(errs []*Error) []string {
	var s []string
	for _, e := range errs {
		s = append(s, e.Error())
	}
	return s
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2013-07-28", "2013-07-28"},
		{" 2013-07-28 ", "2013-07-28"},
		{"2013-07-28T23:30:00-05:00", "2013-07-28"},
		{"2013-07-28T10:00:00Z", "2013-07-28"},
		{"2013-07-28 10:00", "2013-07-28"},
		{"20130728", "2013-07-28"},
		{"2013/07/28", "2013-07-28"},
		{"2013/7/8", "2013-07-08"},
		{"2013.07.28", "2013-07-28"},
		{"Sun, 28 Jul 2013 10:00:00 +0000", "2013-07-28"},
		{"Sun, 28 Jul 2013 10:00:00 GMT", "2013-07-28"},
		{"28 July 2013", "2013-07-28"},
		{"28 Jul 2013", "2013-07-28"},
		{"July 28, 2013", "2013-07-28"},
		{"Jul. 28, 2013", "2013-07-28"},
		{"Sunday, July 28, 2013", "2013-07-28"},
		{"2013-02-30", ""},
		{"07/08/2013", ""},
		{"2013-07", ""},
		{"yesterday", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if got != tt.want || (err == nil) != (tt.want != "") {
				t.Errorf("ParseDate(%q) got %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestDetect(t *testing.T) {
	tests := []struct{ name, head, want string }{
		{"jsonl", "{\"id\":1}\n", "jsonl"},
		{"jsonl after BOM and space", "\xef\xbb\xbf\n  {\"text\":\"x\"}", "jsonl"},
		{"petrarch", "<!-- c -->\n<Sentences>\n<Sentence date=\"20080101\">", "petrarch"},
		{"xml declaration", "<?xml version=\"1.0\"?><x/>", "petrarch"},
		{"html is text", "<html><body>Hi</body></html>", "text"},
		{"tabari", "950101 DEMO-01\nArnor met Gondor.\n", "tabari"},
		{"tabari star header", "950101*INTRO\nNotes.\n", "tabari"},
		{"tabari after banner", "####\n# suite\n####\n\n000101  START-00\nText.\n", "tabari"},
		{"number inside paragraph is text", "The rally drew\n123456 people on Monday.\n", "text"},
		{"text starting with a number", "150000 people marched on Monday.\n\nPolice watched.", "text"},
		{"paragraph starting with a number", "Rally.\n\n150101 people marched.", "text"},
		{"tabari four-digit year", "20130728 YYYY-01\nText.\n", "tabari"},
		{"tabari after blank lines", "\n\n  \n950101 A\nText.\n", "tabari"},
		{"text", "Japan hosted the opposition leader.", "text"},
		{"empty", "", "text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect([]byte(tt.head)); got != tt.want {
				t.Errorf("Detect(%q) got %q, want %q", tt.head, got, tt.want)
			}
		})
	}
}

func TestJSONL(t *testing.T) {
	src := strings.Join([]string{
		`{"id":"a1","date":"28 July 2013","url":"https://example.org/1","source":"Example","title":"T","text":"Japan hosted Sam Rainsy."}`,
		``,
		`{"id":17,"date":"2013-07-29T08:00:00Z","text":"Hun Sen criticised Japan.","extra":[1,2]}`,
		`{"id":"a3","text":"broken`,
		`{"date":"2013-07-30","text":"No id here."}`,
		`{"id":"a5","date":"someday","text":"Bad date."}`,
		`{"id":"a6","title":"no text"}`,
		`[1,2,3]`,
		"{\"id\":\"a8\",\"text\":\"Tokyo \xff invalid byte.\"}\r",
		`{"id":{"x":1},"text":"object id"}`,
		`{"id":"a10","text":"   "}`,
		`{"id":"a11","date":20130731,"text":"Numeric date."}`,
		`{"id":"a12","date":null,"text":"Last line, no newline."}`,
	}, "\n")
	docs, errs, _ := readString(t, src, "docs.jsonl", Options{Date: "2013-01-01"})
	wantErrs := []string{
		"docs.jsonl:4:25: json: unexpected end of JSON input",
		`docs.jsonl:6:1: unrecognised date "someday" (want YYYY-MM-DD or another common form)`,
		`docs.jsonl:7:1: no "text" field`,
		"docs.jsonl:8:1: json: cannot unmarshal array into Go value of type input.jsonDoc",
		`docs.jsonl:10:1: id {"x":1} is not a string or number`,
		"docs.jsonl:11: document has no text",
	}
	if got := errStrings(errs); !reflect.DeepEqual(got, wantErrs) {
		t.Errorf("errors\n got %q\nwant %q", got, wantErrs)
	}
	want := []twintrack.Document{
		{ID: "a1", Date: "2013-07-28", URL: "https://example.org/1", Source: "Example", Title: "T", Text: "Japan hosted Sam Rainsy."},
		{ID: "17", Date: "2013-07-29", Text: "Hun Sen criticised Japan."},
		{ID: ContentID("No id here."), Date: "2013-07-30", Text: "No id here."},
		{ID: "a8", Date: "2013-01-01", Text: "Tokyo \ufffd invalid byte."},
		{ID: "a11", Date: "2013-07-31", Text: "Numeric date."},
		{ID: "a12", Date: "2013-01-01", Text: "Last line, no newline."},
	}
	if !reflect.DeepEqual(docs, want) {
		t.Errorf("documents\n got %+v\nwant %+v", docs, want)
	}
}

func TestJSONLLongLine(t *testing.T) {
	src := `{"id":"a","text":"` + strings.Repeat("x", 300) + "\"}\n" + `{"id":"b","text":"short"}` + "\n"
	docs, errs, _ := readString(t, src, "l.jsonl", Options{MaxDocBytes: 100})
	if len(docs) != 1 || docs[0].ID != "b" {
		t.Errorf("got documents %+v, want only b", docs)
	}
	if got := errStrings(errs); len(got) != 1 || got[0] != "l.jsonl:1: line longer than 100 bytes" {
		t.Errorf("got errors %q, want the long line reported at line 1", got)
	}
}

func TestTabari(t *testing.T) {
	src := "Notes before the first record are ignored.\r\n" +
		"\r\n" +
		"130728 JPN-01\r\n" +
		"Japan hosted the leader of Cambodia's\r\n" +
		"opposition in Tokyo.\r\n" +
		"\r\n" +
		"131302 BAD-DATE\n" +
		"A record with month 13.\n" +
		"\n" +
		"990101  SPACED ID\n" +
		"50,000 people marched; the body line starts with a digit.\n" +
		"\n" +
		"140229 NOT-LEAP\n" +
		"No such day.\n"
	docs, errs, s := readString(t, src, "recs.txt", Options{})
	want := []twintrack.Document{
		{ID: "JPN-01", Date: "2013-07-28", Text: "Japan hosted the leader of Cambodia's opposition in Tokyo. "},
		{ID: "SPACED ID", Date: "1999-01-01", Text: "50,000 people marched; the body line starts with a digit. "},
	}
	if !reflect.DeepEqual(docs, want) {
		t.Errorf("documents\n got %+v\nwant %+v", docs, want)
	}
	wantErrs := []string{
		`recs.txt:7:1: record header "131302 BAD-DATE" has no valid date`,
		`recs.txt:13:1: record header "140229 NOT-LEAP" has no valid date`,
	}
	if got := errStrings(errs); !reflect.DeepEqual(got, wantErrs) {
		t.Errorf("errors\n got %q\nwant %q", got, wantErrs)
	}
	if s.ByFormat["tabari"] != 1 {
		t.Errorf("summary formats got %v, want tabari 1", s.ByFormat)
	}
	docs, _, _ = readString(t, "20130728 Y-1\nFour-digit year.\n", "y.txt", Options{YYYY: true, Format: "tabari"})
	if len(docs) != 1 || docs[0].Date != "2013-07-28" || docs[0].ID != "Y-1" {
		t.Errorf("YYYY mode got %+v, want one document dated 2013-07-28 with id Y-1", docs)
	}
}

func TestPetrarch(t *testing.T) {
	src := `<!-- a comment that mentions <Sentence id="fake"> is ignored -->
<Sentences>
<Sentence date="20130728" id="S1" source="AFP" sentence="True">
<!-- a comment inside a record: <Sentence id="not-a-record"> -->
<EventCoding sourcecode="JPN" targetcode="KHMOPP" eventcode="043"></EventCoding>
<Text>
Japan hosted the opposition leader &amp; his aides.
</Text>
<Parse>(ROOT (S (NP (NNP Ignored))))</Parse>
</Sentence>
<Sentence date="20130729" id="S2">
<Parse>
(ROOT (S (NP (NNP Hun) (NNP Sen)) (VP (VBD criticized) (NP (NNP Japan)) (-LRB- -LRB-) (NP (NNP Tokyo)) (-RRB- -RRB-)) (, ,) (NP (PRP it)) (VP (VBD said)) (. .)))
</Parse>
</Sentence>
<Sentence date="20130730" id="S3">
<Text>Broken <b>markup</Text>
</Sentence>
<Sentence date="2013-07-31" id="S4"><Text>One line record.</Text></Sentence>
<Sentence date="notadate" id="S5"><Text>Bad date.</Text></Sentence>
<Sentence date="20130801" id="S6">
<Text>Never closed.</Text>
<Sentence date="20130802"><Text>No id.</Text></Sentence>
<Sentence date="20130803" id="S8"><Text>  </Text></Sentence>
</Sentences>
`
	docs, errs, _ := readString(t, src, "p.xml", Options{})
	want := []twintrack.Document{
		{ID: "S1", Date: "2013-07-28", Source: "AFP", Text: "Japan hosted the opposition leader & his aides."},
		{ID: "S2", Date: "2013-07-29", Text: "Hun Sen criticized Japan (Tokyo), it said."},
		{ID: "S4", Date: "2013-07-31", Text: "One line record."},
		{ID: ContentID("No id."), Date: "2013-08-02", Text: "No id."},
	}
	if !reflect.DeepEqual(docs, want) {
		t.Errorf("documents\n got %+v\nwant %+v", docs, want)
	}
	wantErrs := []string{
		"p.xml:17: xml: element <b> closed by </Text>",
		`p.xml:20: unrecognised date "notadate" (want YYYY-MM-DD or another common form)`,
		"p.xml:21: <Sentence> not closed before the next one",
		"p.xml:24: document has no text",
	}
	if got := errStrings(errs); !reflect.DeepEqual(got, wantErrs) {
		t.Errorf("errors\n got %q\nwant %q", got, wantErrs)
	}
	_, errs, _ = readString(t, `<Sentences><Sentence id="x"><Text>cut`, "cut.xml", Options{})
	if got := errStrings(errs); len(got) != 1 || got[0] != "cut.xml:1: <Sentence> not closed before the end of the file" {
		t.Errorf("truncated file: got errors %q", got)
	}
}

func TestPetrarchLongRecord(t *testing.T) {
	src := "<Sentences>\n<Sentence id=\"long\">\n<Text>" + strings.Repeat("word ", 100) + "</Text>\n</Sentence>\n" +
		"<Sentence id=\"short\"><Text>Fine.</Text></Sentence>\n</Sentences>\n"
	docs, errs, _ := readString(t, src, "long.xml", Options{MaxDocBytes: 200})
	if len(docs) != 1 || docs[0].ID != "short" {
		t.Errorf("got %+v, want only the short record", docs)
	}
	if got := errStrings(errs); len(got) != 1 || got[0] != "long.xml:2: record longer than 200 bytes" {
		t.Errorf("got errors %q, want the long record reported at line 2", got)
	}
}

func TestParseLeaves(t *testing.T) {
	tests := []struct{ name, tree, want string }{
		{"simple", "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is)) (. .)))", "Arnor is."},
		{"brackets and quotes", "(S (`` ``) (NP (NNP A)) ('' '') (-LRB- -LRB-) (CD 5) (-RRB- -RRB-) (NN %))", `" A " (5)%`},
		{"clitics", "(S (NP (NNP Japan) (POS 's)) (NN aid) (VBZ is) (RB n't) (JJ new))", "Japan's aid isn't new"},
		{"empty", "", ""},
		{"unbalanced", "((((", ""},
		{"bare atoms", "a b c", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ParseLeaves(tt.tree); got != tt.want {
				t.Errorf("ParseLeaves(%q) got %q, want %q", tt.tree, got, tt.want)
			}
		})
	}
}

func TestByteOrderMark(t *testing.T) {
	for _, tt := range []struct{ name, src string }{
		{"jsonl", `{"id":"a","text":"x"}`},
		{"tabari", "130728 a\nx\n"},
		{"petrarch", `<Sentence id="a"><Text>x</Text></Sentence>`},
		{"text", "x"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs, s := readString(t, "\xef\xbb\xbf"+tt.src, "a", Options{})
			if len(docs) != 1 || len(errs) != 0 || s.ByFormat[tt.name] != 1 || !strings.HasPrefix(docs[0].Text, "x") {
				t.Errorf("got %+v, %q, %v; want one %s document with text x", docs, errStrings(errs), s.ByFormat, tt.name)
			}
		})
	}
}

func TestUTF16(t *testing.T) {
	src := "130728 A-1\nTōkyō hosted Phnom Penh’s envoy.\n"
	for _, tt := range []struct {
		name  string
		order binary.AppendByteOrder
		bom   []byte
	}{
		{"little endian", binary.LittleEndian, []byte{0xff, 0xfe}},
		{"big endian", binary.BigEndian, []byte{0xfe, 0xff}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := append([]byte(nil), tt.bom...)
			for _, u := range utf16.Encode([]rune(src)) {
				b = tt.order.AppendUint16(b, u)
			}
			docs, errs, _ := readString(t, string(b), "u16.txt", Options{})
			if len(docs) != 1 || len(errs) != 0 || docs[0].ID != "A-1" || docs[0].Text != "Tōkyō hosted Phnom Penh’s envoy. " {
				t.Errorf("got %+v, %q; want one record A-1 with the text decoded", docs, errStrings(errs))
			}
		})
	}
}

func TestTextFile(t *testing.T) {
	docs, errs, _ := readString(t, "\xef\xbb\xbfJapan hosted the opposition.\n\nIt rained.\n", "2013/story-1.txt", Options{Date: "July 28, 2013"})
	want := []twintrack.Document{{ID: "story-1", Date: "2013-07-28", Text: "Japan hosted the opposition.\n\nIt rained.\n"}}
	if !reflect.DeepEqual(docs, want) || len(errs) != 0 {
		t.Errorf("got %+v, %v; want %+v", docs, errs, want)
	}
	if _, err := NewReader(strings.NewReader("x"), "x", Options{Date: "soon"}); err == nil {
		t.Error("bad --date: got no error, want one")
	}
	if _, err := NewReader(strings.NewReader("x"), "x", Options{Format: "pdf"}); err == nil {
		t.Error("unknown format: got no error, want one")
	}
}

func gz(t *testing.T, s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestDirectoryAndGzip(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"b/notes.txt":        []byte("Plain text story."),
		"a.jsonl.gz":         gz(t, `{"id":"j1","text":"From gzip."}`+"\n"+`{"id":"j2","text":"Second."}`+"\n"),
		"c/recs.txt.gz":      gz(t, "130728 R1\nA record.\n\n"),
		"c/d/s.xml":          []byte(`<Sentences><Sentence id="x1" date="20130728"><Text>XML.</Text></Sentence></Sentences>`),
		".hidden/skip.jsonl": []byte(`{"id":"h","text":"hidden"}`),
		".skip.txt":          []byte("hidden"),
		"e/bad.txt.gz":       []byte("\x1f\x8bnot really gzip"),
		"f/empty.txt":        nil,
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, err := Open(dir, Options{Date: "2013-07-01"})
	if err != nil {
		t.Fatal(err)
	}
	docs, errs, s := drain(t, r, 100)
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	if want := []string{"j1", "j2", "b/notes", "x1", "R1"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("ids got %q, want %q (lexical order, hidden skipped)", ids, want)
	}
	if len(errs) != 2 || !strings.Contains(errs[0].Error(), "bad.txt.gz: gzip:") || !strings.Contains(errs[1].Error(), "empty.txt:1: document has no text") {
		t.Errorf("errors got %q, want the bad gzip and the empty file", errStrings(errs))
	}
	if got, want := s.String(), "read 5 documents from 6 files (jsonl 1, petrarch 1, tabari 1, text 2), skipped 2"; got != want {
		t.Errorf("summary line got %q, want %q", got, want)
	}
	wantFormats := map[string]int{"jsonl": 1, "text": 2, "tabari": 1, "petrarch": 1}
	if s.Files != 6 || !reflect.DeepEqual(s.ByFormat, wantFormats) {
		t.Errorf("summary got %d files %v, want 6 %v", s.Files, s.ByFormat, wantFormats)
	}
	r, err = OpenPaths([]string{"-", filepath.Join(dir, "b")}, Options{Stdin: strings.NewReader(`{"text":"piped"}`)})
	if err != nil {
		t.Fatal(err)
	}
	docs, errs, _ = drain(t, r, 10)
	if len(docs) != 2 || docs[0].Text != "piped" || docs[1].ID != "notes" || len(errs) != 0 {
		t.Errorf(`OpenPaths("-", dir) got %+v, %q; want the piped document, then notes`, docs, errStrings(errs))
	}
	unreadable := filepath.Join(dir, "b", "notes.txt")
	r, err = Open(unreadable, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(unreadable); err != nil { // gone between Open and Next
		t.Fatal(err)
	}
	_, errs, _ = drain(t, r, 10)
	if got := errStrings(errs); len(got) != 1 || got[0] != unreadable+": open: no such file or directory" {
		t.Errorf("file removed before reading: got errors %q", got)
	}
	if _, err := Open("-", Options{}); err == nil {
		t.Error(`Open("-") without Stdin: got no error, want one`)
	}
	if _, err := Open(filepath.Join(dir, "missing"), Options{}); err == nil {
		t.Error("missing path: got no error, want one")
	}
}

func TestTruncatedGzip(t *testing.T) {
	var lines strings.Builder
	for i := 0; i < 2000; i++ {
		lines.WriteString(`{"text":"document number ` + strings.Repeat("x", i%50) + `"}` + "\n")
	}
	z := gz(t, lines.String())
	cut := z[:len(z)/2]
	r, err := NewReader(bytes.NewReader(cut), "cut.jsonl.gz", Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs, errs, _ := drain(t, r, 10000)
	if len(docs) == 0 || len(docs) >= 2000 {
		t.Errorf("got %d documents, want those before the cut", len(docs))
	}
	reads := 0
	for _, e := range errs {
		if strings.Contains(e.Error(), "read: unexpected EOF") {
			reads++
		}
	}
	if reads != 1 || len(errs) > 2 {
		t.Errorf("got errors %q, want the cut reported once (after the cut line, if any)", errStrings(errs))
	}
}

func TestSymlinkedFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(t.TempDir(), "real.txt")
	if err := os.WriteFile(target, []byte("Linked story."), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, filepath.Join(dir, "link.txt")); err != nil {
		t.Skipf("symlinks unavailable: %v", err)
	}
	r, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs, _, _ := drain(t, r, 10)
	if len(docs) != 1 || docs[0].ID != "link" {
		t.Errorf("got %+v, want the linked file read as document link", docs)
	}
}

func TestNamedFormat(t *testing.T) {
	// Named "text", a JSON Lines file is one plain document.
	docs, _, _ := readString(t, `{"id":"x","text":"y"}`+"\n", "f.jsonl", Options{Format: "text"})
	if len(docs) != 1 || docs[0].ID != "f" || !strings.HasPrefix(docs[0].Text, "{") {
		t.Errorf("got %+v, want the file as one text document with id f", docs)
	}
	docs, _, s := readString(t, "<Sentence id=\"a\"><Text>t</Text></Sentence>", "f", Options{Format: "XML"})
	if len(docs) != 1 || s.ByFormat["petrarch"] != 1 {
		t.Errorf("format XML: got %+v, %v; want one petrarch document", docs, s.ByFormat)
	}
}
