package text

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/twintrack/twintrack"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string
	}{
		{"empty", "", nil},
		{"only space", " \r\n\t \n\n ", nil},
		{"two plain", "Talks began. They ended.", []string{"Talks began.", "They ended."}},
		{"surrounding space", "  \n Talks began.  \n", []string{"Talks began."}},
		{"no final period", "Talks began. They ended", []string{"Talks began.", "They ended"}},
		{"titles", "Mr. Smith met Dr. Jones and Gen. Lee. Sen. Ward left.",
			[]string{"Mr. Smith met Dr. Jones and Gen. Lee.", "Sen. Ward left."}},
		{"initials", "John F. Kennedy spoke. George W. Bush listened.",
			[]string{"John F. Kennedy spoke.", "George W. Bush listened."}},
		{"U.S. mid-sentence", "The U.S. President met U.S. officials in the U.S. capital.",
			[]string{"The U.S. President met U.S. officials in the U.S. capital."}},
		{"U.S. at sentence end", "Aid came from the U.S. The talks ended.",
			[]string{"Aid came from the U.S.", "The talks ended."}},
		{"U.S. at text end", "Aid came from the U.S.", []string{"Aid came from the U.S."}},
		{"U.N. before quote", `He blamed the U.N. "We are alone," he said.`,
			[]string{"He blamed the U.N.", `"We are alone," he said.`}},
		{"dates", "On Jan. 5 the talks began. They ended Sept. 30. Feb. 2 came.",
			[]string{"On Jan. 5 the talks began.", "They ended Sept. 30.", "Feb. 2 came."}},
		{"numbers", "He ranked No. 5 in the poll. Growth was 3.5 percent. Prices rose 2.5. Then fell.",
			[]string{"He ranked No. 5 in the poll.", "Growth was 3.5 percent.", "Prices rose 2.5.", "Then fell."}},
		{"times", "They met at 10 a.m. on Monday. It ended at 5 p.m. The talks resume.",
			[]string{"They met at 10 a.m. on Monday.", "It ended at 5 p.m.", "The talks resume."}},
		{"company", "He joined Apple Inc. The firm grew. Acme Corp. Chief Executive Jo Lee spoke.",
			[]string{"He joined Apple Inc.", "The firm grew.", "Acme Corp. Chief Executive Jo Lee spoke."}},
		{"ellipsis", "He paused... Then he spoke. Wait... what is this?",
			[]string{"He paused...", "Then he spoke.", "Wait... what is this?"}},
		{"unicode ellipsis", "He paused… Then he spoke.", []string{"He paused…", "Then he spoke."}},
		{"exclamation and question", "Stop! Go? Yes?! No.", []string{"Stop!", "Go?", "Yes?!", "No."}},
		{"quoted end", `"We will win." The minister left.`, []string{`"We will win."`, "The minister left."}},
		{"quoted question, lower case", `"Will we win?" he asked. She nodded.`,
			[]string{`"Will we win?" he asked.`, "She nodded."}},
		{"curly quotes", "“We will win.” The minister left.", []string{"“We will win.”", "The minister left."}},
		{"brackets", "(He left.) Then she came.", []string{"(He left.)", "Then she came."}},
		{"acronym in brackets", "The (U.S.) Army left. It rained.", []string{"The (U.S.) Army left.", "It rained."}},
		{"lower case after period", "The U.N. said so. and then left.", []string{"The U.N. said so. and then left."}},
		{"wrapped line", "Arnor is about to\nrestore ties with\nGondor.", []string{"Arnor is about to\nrestore ties with\nGondor."}},
		{"paragraph without period", "Headline here\n\nBody text. More text.",
			[]string{"Headline here", "Body text.", "More text."}},
		{"paragraph with blanks", "One line\n  \t\nNext", []string{"One line", "Next"}},
		{"CRLF", "First line.\r\nSecond line.\r\n\r\nThird\r\n",
			[]string{"First line.", "Second line.", "Third"}},
		{"CRLF wrapped", "A long\r\nsentence.\r\n", []string{"A long\r\nsentence."}},
		{"lone CR paragraphs", "One\r\rTwo", []string{"One", "Two"}},
		{"non-ASCII start", "Er ging. Über alles. Ça va.", []string{"Er ging.", "Über alles.", "Ça va."}},
		{"caseless script", "Talks ended. 会谈结束。 Next.", []string{"Talks ended.", "会谈结束。", "Next."}},
		{"full-width stops without space", "会谈结束。双方同意！明天呢？”他问。", []string{"会谈结束。", "双方同意！", "明天呢？”他问。"}},
		{"dotted word", "Visit www.example.org today. U.S.A. is big.", []string{"Visit www.example.org today.", "U.S.A. is big."}},
		{"digit starts sentence", "Talks ended. 50,000 people marched.", []string{"Talks ended.", "50,000 people marched."}},
		{"non-breaking space", "Talks ended.\u00a0They left.", []string{"Talks ended.", "They left."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := Sentences(tt.doc)
			var got []string
			for _, s := range spans {
				got = append(got, tt.doc[s.Start:s.End])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.doc, got, tt.want)
			}
			checkSpans(t, tt.doc, spans)
		})
	}
}

// checkSpans asserts the contract of Sentences: spans in bounds, in order,
// non-overlapping, trimmed, and covering every non-space rune.
func checkSpans(t *testing.T, doc string, spans []twintrack.Span) {
	t.Helper()
	covered := 0 // bytes before this offset are checked
	for i, s := range spans {
		if s.Start < 0 || s.End > len(doc) || s.Start >= s.End {
			t.Fatalf("span %d %v out of bounds or empty (len %d)", i, s, len(doc))
		}
		if s.Start < covered {
			t.Fatalf("span %d %v overlaps or precedes the previous one (ends %d)", i, s, covered)
		}
		if r, _ := utf8.DecodeRuneInString(doc[s.Start:]); unicode.IsSpace(r) {
			t.Errorf("span %d %v starts with space %q", i, s, r)
		}
		if r, _ := utf8.DecodeLastRuneInString(doc[:s.End]); unicode.IsSpace(r) {
			t.Errorf("span %d %v ends with space %q", i, s, r)
		}
		if gap := doc[covered:s.Start]; strings.TrimFunc(gap, unicode.IsSpace) != "" {
			t.Errorf("text %q between spans belongs to no sentence", gap)
		}
		covered = s.End
	}
	if tail := doc[covered:]; strings.TrimFunc(tail, unicode.IsSpace) != "" {
		t.Errorf("text %q after the last span belongs to no sentence", tail)
	}
}

// largeInputs are 1 MB texts of shapes that would make a careless splitter
// quadratic.
func largeInputs() map[string]string {
	const mb = 1 << 20
	rep := func(s string) string { return strings.Repeat(s, mb/len(s)+1)[:mb] }
	return map[string]string{
		"news":          rep("The U.S. envoy met Mr. Lee on Jan. 5 in Phnom Penh. Talks went well... \"We agree,\" he said.\n\n"),
		"periods":       rep(". "),
		"dots":          rep("a."),
		"no spaces":     rep("x"),
		"abbreviation":  rep("U.S. "),
		"newlines":      rep("\n \r\n"),
		"one long word": "A" + rep("b") + ". End",
	}
}

func TestSentencesLargeInput(t *testing.T) {
	for name, doc := range largeInputs() {
		t.Run(name, func(t *testing.T) {
			checkSpans(t, doc, Sentences(doc))
		})
	}
}

func BenchmarkSentences(b *testing.B) {
	for name, doc := range largeInputs() {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(doc)))
			for b.Loop() {
				Sentences(doc)
			}
		})
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"", "Mr. Smith went. He left.", "U.S. The\r\n\r\nx", "“Hi.” Then… ok? Yes!",
		"a.b. c", "\xff\xfe. A", "Jan. 5. No. 3", "(x.) [Y.] {z}", "\u2029\u2028."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		checkSpans(t, doc, Sentences(doc))
	})
}
