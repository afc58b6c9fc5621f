package input

import (
	"strings"
	"testing"
	"time"
)

// fuzzReader reads src as format and checks the invariants of drain and
// checkDoc: no panic, termination, valid documents, positioned errors.
func fuzzReader(f *testing.F, format string, seeds ...string) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		docs, errs, _ := readString(t, src, "fuzz", Options{Format: format, MaxDocBytes: 1 << 12})
		for _, e := range errs {
			if e.Line > strings.Count(src, "\n")+2 {
				t.Errorf("error %q: line beyond the input's %d lines", e, strings.Count(src, "\n")+1)
			}
		}
		if len(docs) > len(src)*1100 {
			t.Errorf("got %d documents from %d bytes", len(docs), len(src))
		}
	})
}

func FuzzJSONL(f *testing.F) {
	fuzzReader(f, "jsonl", `{"id":"a","date":"28 July 2013","text":"x"}`+"\n{\"text\":1}\n", "{\n}\n\n{\"id\":1e3,\"text\":\"y\"}", `{"id":null,"text":"\u00ff"}`)
}

func FuzzTabari(f *testing.F) {
	fuzzReader(f, "tabari", "130728 A\nText.\n\n131399 B\nBad.\n", "950101*X\r\n\r\n\r\n", "12345678901234 Y\n1\n")
}

func FuzzPetrarch(f *testing.F) {
	fuzzReader(f, "petrarch",
		`<Sentences><Sentence id="a" date="20130728"><Text>x</Text></Sentence></Sentences>`,
		"<!-- <Sentence --><Sentence>\n<Parse>(S (NN a))</Parse></Sentence>",
		`<Sentence date="x"><Text>&nbsp;&bogus;</Text></Sentence><Sentence`)
}

func FuzzText(f *testing.F) {
	fuzzReader(f, "text", "plain", "\xef\xbb\xbf", "\xff\xfe")
}

// FuzzDetected reads with format detection, so that the detector and
// every reader meet arbitrary input.
func FuzzDetected(f *testing.F) {
	fuzzReader(f, "", "{\"text\":\"a\"}", "<Sentence><Text>a</Text></Sentence>", "950101 X\na\n", "hello",
		"\xff\xfe{\x00}\x00", "\xfe\xff\x00a", "\xef\xbb\xbf950101 X\na\n",
		"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff\xcaH\xcd\xc9\xc9\x07\x04\x00\x00\xff\xff\x86\xa6\x106\x05\x00\x00\x00")
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2013-07-28", "Jul. 28, 2013", "20130728", "Sun, 28 Jul 2013 10:00:00 +0000", "0000-00-00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseDate(s)
		if err != nil {
			return
		}
		if _, perr := time.Parse("2006-01-02", got); perr != nil || len(got) != 10 {
			t.Errorf("ParseDate(%q) = %q, not an ISO date", s, got)
		}
		if again, err := ParseDate(got); err != nil || again != got {
			t.Errorf("ParseDate(%q) = %q, %v; want it to be a fixed point", got, again, err)
		}
	})
}

func FuzzParseLeaves(f *testing.F) {
	for _, s := range []string{"(S (NP (NNP A)) (. .))", "((((", ") ) (X y) (", "(A (B"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, tree string) {
		got := ParseLeaves(tree)
		if strings.Count(got, " ") > len(tree) {
			t.Errorf("ParseLeaves(%q) = %q: more blanks than input bytes", tree, got)
		}
	})
}
