package coder

import (
	"testing"

	"github.com/twintrack/twintrack"
)

func FuzzFilterWords(f *testing.F) {
	for _, s := range []string{"Gondor's planes attacked Osgiliath.", "a /* b */ c", "50,000 U.N. 1.5",
		"\u201cJapan\u201d\u2014x", "\xff\xfe\t\r\n", "((;;::))", "/* open"} {
		f.Add(s, false, true)
	}
	f.Fuzz(func(t *testing.T, in string, fbis, unicode bool) {
		ws, _, _, _ := filterWords(in, fbis, unicode, nil, nil)
		if len(ws) > maxWords+1 {
			t.Fatalf("%d words, want at most %d", len(ws), maxWords+1)
		}
		prev := 0
		for _, w := range ws {
			if w.text == "" || len(w.text) > maxWordLen {
				t.Fatalf("word %q has bad length", w.text)
			}
			if w.start < prev || w.end <= w.start || w.end > len(in) {
				t.Fatalf("word %q span [%d,%d) out of order or bounds (prev %d, len %d)", w.text, w.start, w.end, prev, len(in))
			}
			prev = w.end
		}
	})
}

func FuzzCodeDocument(f *testing.F) {
	for _, s := range []string{"Japan criticized Cambodia on Monday. Hun Sen met Japan officials.",
		"Japan and Cambodia criticized Hun Sen.", "\u201cTokyo\u201d hosted Sam Rainsy\r\n\r\nThey met him.",
		"Japan\xff criticized \x00Cambodia"} {
		f.Add(s)
	}
	c := testCoder(f)
	f.Fuzz(func(t *testing.T, text string) {
		doc := &twintrack.Document{ID: "f", Date: "2020-01-01", Text: text}
		evs, err := c.CodeDocument(doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range evs {
			for _, sp := range []twintrack.Span{ev.Spans.Source, ev.Spans.Target, ev.Spans.Verb} {
				if sp.Start < ev.Spans.Sentence.Start || sp.End > ev.Spans.Sentence.End || sp.Start >= sp.End {
					t.Fatalf("span %v outside sentence %v", sp, ev.Spans.Sentence)
				}
			}
			if text[ev.Spans.Source.Start:ev.Spans.Source.End] != ev.SourceText {
				t.Fatalf("source text mismatch")
			}
		}
	})
}
