package coder

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/dict"
	"github.com/twintrack/twintrack/records"
)

// Our own small dictionary for tests that must not depend on ../shared.
var testFiles = fstest.MapFS{
	"t.options": {Data: []byte("SET: MINIMUM WORDS = 3\n")},
	"t.actors": {Data: []byte(`JAPAN_ [JPN]
+TOKYO_
CAMBODIA_ [KHM]
HUN_SEN_ [KHMGOV]
SAM_RAINSY_ [KHMOPP]
OLD_REGIME [XXX <900101] [YYY]
`)},
	"t.agents": {Data: []byte("FOREIGN_MINISTER_ [~GOVFRM]\nOPPOSITION_ [~OPP]\n")},
	"t.verbs": {Data: []byte(`CRITICI [111]
- * FOR_FAILING [112]
HOST_ [043]
{ HOSTED_ }
MET_ [036:036]
SAID [010?]
`)},
}

func testCoder(t testing.TB) *Coder {
	t.Helper()
	d, err := dict.LoadFS(testFiles, "t.options", "t.actors", "t.agents", "t.verbs")
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return New(d)
}

func TestCodeSentences(t *testing.T) {
	c := testCoder(t)
	tests := []struct {
		name, text string
		want       string // "SRC TGT CODE; ..." or "problem: ..."
	}{
		{"plain", "Japan criticized Cambodia on Monday.", "JPN KHM 111"},
		{"pattern", "Japan criticized Cambodia for failing to act.", "JPN KHM 112"},
		{"synonym and agent", "The Tokyo foreign minister hosted Sam Rainsy.", "JPNGOVFRM KHMOPP 043"},
		{"paired", "Hun Sen met Japan officials.", "KHMGOV JPN 036; JPN KHMGOV 036"},
		// TABARI keeps the source across verbs; the target is found leftwards.
		{"subordinate dropped", "Japan said Cambodia criticized Tokyo.", "JPN KHM 111"},
		{"subordinate kept", "Japan said that Cambodia is nice.", "JPN KHM 010"},
		{"compound", "Japan and Cambodia criticized Hun Sen.", "JPN KHMGOV 111; KHM KHMGOV 111"},
		{"dated actor", "The old regime criticized Japan today.", "YYY JPN 111"},
		{"too few words", "Japan criticized.", "problem: " + ProbFewWords},
		{"no events", "Japan is a country in Asia.", "problem: " + ProbNoEvents},
	}
	day, _ := dict.ParseDigits("200101")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := c.Code(Input{Text: tc.text, Date: day, Unicode: true})
			var got string
			if res.Problem != "" {
				got = "problem: " + res.Problem
			} else {
				var parts []string
				for _, e := range res.Events {
					parts = append(parts, e.Source+" "+e.Target+" "+e.Code)
				}
				got = strings.Join(parts, "; ")
			}
			if got != tc.want {
				t.Errorf("Code(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestFilterWords(t *testing.T) {
	tests := []struct {
		name, in string
		unicode  bool
		want     string
	}{
		{"possessive", "Gondor's planes attacked Osgiliath.", false, "Gondor's|planes|attacked|Osgiliath"},
		{"brackets", "Use O)ther followed by V)alidate", false, "Use|O|,|ther|followed|by|V|,|alidate"},
		{"quotes", `Al "The Weasel" Gore`, false, `Al|"|The|Weasel|"|Gore`},
		{"hyphen", "anti- Gondor Barad-dur", false, "anti|Gondor|Barad|dur"},
		{"numbers", "50,000 tonnes, 11.8 million U.N. troops", false, "50000|tonnes|,|11.8|million|U.N.|troops"},
		{"comment", "Arnor /* hidden */ met Gondor /* open", false, "Arnor|met|Gondor"},
		{"tab is not a separator", "Arnor\tmet", false, "Arnor\tmet"},
		{"tab in news text", "Arnor\tmet\r\nGondor", true, "Arnor|met|Gondor"},
		{"curly quotes", "\u201cJapan\u201d\u2014Cambodia\u2019s", true, "\"|Japan|\"|Cambodia's"},
		{"acronyms TABARI", "the U.S. and J. Smith met the US. Then", false, "the|U.S.|and|J.|Smith|met|the|US.|Then"},
		{"acronyms news", "the U.S. and J. Smith met the US. Then the EU.", true, "the|U.S.|and|J.|Smith|met|the|US|Then|the|EU"},
		{"long word", strings.Repeat("x", 70), false, strings.Repeat("x", 62) + "|" + strings.Repeat("x", 7)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ws, _, _, _ := filterWords(tc.in, false, tc.unicode, nil, nil)
			var parts []string
			for _, w := range ws {
				parts = append(parts, w.text)
			}
			if got := strings.Join(parts, "|"); got != tc.want {
				t.Errorf("filterWords(%q) = %q, want %q", tc.in, got, tc.want)
			}
			checkWordSpans(t, tc.in, ws)
		})
	}
}

// checkWordSpans checks that word spans are in bounds, increasing and
// start and end at the bytes the word was made from.
func checkWordSpans(t *testing.T, in string, ws []rawWord) {
	t.Helper()
	prev := 0
	for _, w := range ws {
		if w.start < prev || w.end <= w.start || w.end > len(in) {
			t.Fatalf("word %q span [%d,%d) out of order or bounds (prev end %d, len %d)", w.text, w.start, w.end, prev, len(in))
		}
		if w.text[0] == in[w.start] && w.text[len(w.text)-1] != in[w.end-1] && in[w.end-1] < 0x80 {
			t.Fatalf("word %q does not end at its last byte %q", w.text, in[w.end-1])
		}
		prev = w.end
	}
}

func TestSpansOnDocuments(t *testing.T) {
	c := testCoder(t)
	docs := []string{
		"Japan criticized Cambodia on Monday. Hun Sen hosted Sam Rainsy in Tokyo.",
		"\u201cJapan\u201d criticized \u2018Cambodia\u2019 on Monday.\u00a0Hun Sen met Japan officials.",
		"Japan\tcriticized\tCambodia\r\non Monday.\r\n\r\nHun Sen met Japan officials.",
		"Japan criticized \xff\xfeCambodia \xc3 on Monday. Cambodia\x00 met Japan officials.",
		"\n\n  The Tokyo foreign minister hosted Sam Rainsy.  \n",
	}
	n := 0
	for i, text := range docs {
		doc := &twintrack.Document{ID: "d", Date: "2020-01-01", Text: text}
		evs, err := c.CodeDocument(doc)
		if err != nil {
			t.Fatalf("doc %d: %v", i, err)
		}
		for _, ev := range evs {
			n++
			for _, p := range []struct {
				name string
				sp   twintrack.Span
				txt  string
			}{{"source", ev.Spans.Source, ev.SourceText}, {"target", ev.Spans.Target, ev.TargetText},
				{"verb", ev.Spans.Verb, ev.VerbText}, {"sentence", ev.Spans.Sentence, ev.SentenceText}} {
				if p.sp.Start < ev.Spans.Sentence.Start || p.sp.End > ev.Spans.Sentence.End || p.sp.Start >= p.sp.End {
					t.Errorf("doc %d: %s span %v outside sentence %v", i, p.name, p.sp, ev.Spans.Sentence)
					continue
				}
				if got := text[p.sp.Start:p.sp.End]; got != p.txt {
					t.Errorf("doc %d: doc[%s span] = %q, want %q", i, p.name, got, p.txt)
				}
				if utf8.ValidString(text) && !utf8.ValidString(p.txt) {
					t.Errorf("doc %d: %s text %q cuts a UTF-8 sequence", i, p.name, p.txt)
				}
			}
			// The source text is exactly an actor's words: no quotes or blanks around it.
			if s := ev.SourceText; strings.TrimSpace(s) != s || strings.ContainsAny(s[:1], "\"\u201c") {
				t.Errorf("doc %d: source text %q has surrounding punctuation", i, s)
			}
		}
	}
	if n < 8 {
		t.Errorf("coded %d events over the documents, want at least 8", n)
	}
}

func TestCuriousInputsBounded(t *testing.T) {
	c := testCoder(t)
	big := strings.Repeat("Japan criticized Cambodia and ", 40000) // ~1.2 MB, one "sentence"
	tests := []string{big, strings.Repeat("\xff", 1<<20), strings.Repeat("x", 1<<20), strings.Repeat(", ", 1<<19)}
	for i, text := range tests {
		res := c.Code(Input{Text: text, Date: 1, Unicode: true})
		for _, e := range res.Events {
			if e.SourceSpan.End > len(text) || e.VerbSpan.End > len(text) {
				t.Errorf("input %d: span beyond the text", i)
			}
		}
		if i == 0 && len(res.Events) == 0 {
			t.Errorf("input %d: got problem %q, want events from its first 126 words", i, res.Problem)
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	c := testCoder(t)
	texts := []string{"Japan criticized Cambodia on Monday.", "Hun Sen met Japan officials.",
		"The Tokyo foreign minister hosted Sam Rainsy.", "Japan and Cambodia criticized Hun Sen."}
	want := make([]string, len(texts))
	sig := func(r Result) string {
		var b strings.Builder
		for _, e := range r.Events {
			b.WriteString(e.Source + e.Target + e.Code + ";")
		}
		return b.String() + r.Problem
	}
	for i, s := range texts {
		want[i] = sig(c.Code(Input{Text: s, Date: 1}))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 100)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := 0; k < 200; k++ {
				i := (g + k) % len(texts)
				if got := sig(c.Code(Input{Text: texts[i], Date: 1})); got != want[i] {
					errs <- got + " != " + want[i]
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestCompose(t *testing.T) {
	tests := []struct {
		code, agent string
		before      bool
		want        string
	}{
		{"ARN", "GOV", false, "ARNGOV"},
		{"USAGOV", "GOV", false, "USAGOV"},
		{"GMWGOV", "WGO", false, "GMWGOVWGO"},
		{"HGWGOVMED", "GOVMED", false, "HGWGOVMED"},
		{"ARN", "NGM", true, "NGMARN"},
		{"NGM", "NGM", true, "NGM"},
		{"GONGMO", "NGM", true, "NGMGONGMO"},
		{"ARN", "", false, "ARN"},
	}
	for _, tc := range tests {
		if got := compose(tc.code, tc.agent, tc.before); got != tc.want {
			t.Errorf("compose(%q, %q, %v) = %q, want %q", tc.code, tc.agent, tc.before, got, tc.want)
		}
	}
}

func TestSplitCode(t *testing.T) {
	tests := []struct {
		code, country, roles string
	}{
		{"JPNGOV", "JPN", "GOV"},
		{"KHMOPPLEG", "KHM", "OPP,LEG"},
		{"IGOUNO", "IGO", "UNO"},
		{"~REB", "REB", ""},
		{"US", "US", ""},
	}
	for _, tc := range tests {
		c, r := SplitCode(tc.code)
		if c != tc.country || strings.Join(r, ",") != tc.roles {
			t.Errorf("SplitCode(%q) = %q, %q; want %q, %q", tc.code, c, r, tc.country, tc.roles)
		}
	}
}

// sharedData returns ../shared/data, skipping when ../shared is absent.
func sharedData(t testing.TB) string {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..", "shared")
	if _, err := os.Stat(root); err != nil {
		t.Skip("../shared is absent; it holds the TABARI and PETRARCH data files (see ../shared/README.md)")
	}
	return filepath.Join(root, "data")
}

func TestNonEvents(t *testing.T) {
	c := testCoder(t)
	tests := []struct {
		mode, text, want string
	}{
		{"NONEVENTS: TRUE", "Japan and Cambodia are neighbours in Asia.", "JPN KHM ***"},
		{"NONEVENTS: TRUE", "Japan criticized Cambodia on Monday.", "JPN KHM 111"},
		{"NONEVENTS: ONLY", "Japan criticized Cambodia on Monday.", "problem: " + ProbNoEvents},
		{"NONEVENTS: FALSE", "Japan and Cambodia are neighbours in Asia.", "problem: " + ProbNoEvents},
	}
	for _, tc := range tests {
		o := c.Dict().Options
		if err := o.Apply(tc.mode); err != nil {
			t.Fatal(err)
		}
		res := c.Code(Input{Text: tc.text, Date: 1, Options: &o})
		got := "problem: " + res.Problem
		if res.Problem == "" {
			got = res.Events[0].Source + " " + res.Events[0].Target + " " + res.Events[0].Code
		}
		if got != tc.want {
			t.Errorf("%s on %q: got %q, want %q", tc.mode, tc.text, got, tc.want)
		}
	}
}

func TestAttribution(t *testing.T) {
	files := fstest.MapFS{}
	for k, v := range testFiles {
		files[k] = v
	}
	files["t.verbs"] = &fstest.MapFile{Data: []byte("<ATTRIB>\nACCORDING_TO [---]\n- * @\n</ATTRIB>\n" + string(testFiles["t.verbs"].Data))}
	d, err := dict.LoadFS(files, "t.options", "t.actors", "t.agents", "t.verbs")
	if err != nil {
		t.Fatal(err)
	}
	c := New(d)
	tests := []struct{ text, want string }{
		{"Cambodia criticized Japan on Monday, according to Sam Rainsy.", "KHM|JPN|KHMOPP|111"},
		{"Hun Sen criticized Japan on Monday, according to them.", "KHMGOV|JPN|KHMGOV|111"}, // '@' binds THEM -> Hun Sen
		{"Hun Sen criticized Japan on Monday according to reports.", "KHMGOV|JPN|JPN|111"},  // nearest actor before the phrase
		{"Cambodia criticized Japan on Monday.", "KHM|JPN||111"},                            // no attribution phrase
	}
	for _, tc := range tests {
		res := c.Code(Input{Text: tc.text, Date: 1})
		if len(res.Events) != 1 {
			t.Fatalf("%q: got %+v, want one event", tc.text, res)
		}
		e := res.Events[0]
		if got := e.Source + "|" + e.Target + "|" + e.Attribution + "|" + e.Code; got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestTrace(t *testing.T) {
	c := testCoder(t)
	out := c.Trace(Input{Text: "Japan and Cambodia criticized Hun Sen, a leader, on Monday.", Date: 1})
	for _, want := range []string{"JAPAN", "actor", "compound to 2", "entry CRITICI (t.verbs:1)", "[comma clause]", "event: JPN KHMGOV 111"} {
		if !strings.Contains(out, want) {
			t.Errorf("trace lacks %q:\n%s", want, out)
		}
	}
}

func TestSessionForwarding(t *testing.T) {
	c := testCoder(t)
	ss := c.NewSession()
	if err := ss.Options.Apply("FORWARD: ^^*****NNN*SSS"); err != nil {
		t.Fatal(err)
	}
	day, _ := dict.ParseDigits("950101")
	rec := func(rest, text string) *records.Record {
		return &records.Record{Rest: rest, ID: strings.TrimLeft(rest, " "), Text: text, Day: day, DateOK: true}
	}
	tests := []struct {
		rest, text, want string
	}{
		{"  FRWD-001-001", "Japan hosted a meeting on trade on Monday.", ""},
		{"  FRWD-001-002", "He criticized Cambodia on Tuesday for this.", "JPN KHM 111"},
		{"  FRWD-002-001", "Cambodia hosted a meeting on trade on Monday.", ""},
		{"  FRWD-002-003", "He criticized Japan on Tuesday for this.", ""}, // gap in sentence numbers
	}
	for _, tc := range tests {
		r := rec(tc.rest, tc.text)
		res := ss.CodeRecord(r)
		var got string
		for _, e := range res.Events {
			got += e.Source + " " + e.Target + " " + e.Code
		}
		if got != tc.want {
			t.Errorf("%s: got %q (%s), want %q", tc.rest, got, res.Problem, tc.want)
		}
		if id := ss.RecordID(r); id != strings.TrimSpace(tc.rest) {
			t.Errorf("RecordID = %q, want %q", id, strings.TrimSpace(tc.rest))
		}
	}
}

func TestCodeDocumentDates(t *testing.T) {
	c := testCoder(t)
	if _, err := c.CodeDocument(&twintrack.Document{ID: "x", Date: "03/02/2015", Text: "Japan criticized Cambodia."}); err == nil {
		t.Errorf("bad date: got no error")
	}
	evs, err := c.CodeDocument(&twintrack.Document{ID: "x", Text: "Japan criticized Cambodia on Monday."})
	if err != nil || len(evs) != 1 {
		t.Fatalf("got %d events, %v; want 1", len(evs), err)
	}
	if evs[0].DocDate == "" || evs[0].DocDate != evs[0].EventDate {
		t.Errorf("undated document: doc_date %q, event_date %q; want today's date in both", evs[0].DocDate, evs[0].EventDate)
	}
}
