package text

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var textElem = regexp.MustCompile(`(?s)<Text>(.*?)</Text>`)

// sharedSentences returns the <Text> of every record of the PETRARCH
// sample files: real news sentences (GigaWord) and the unit-test
// sentences, one sentence per record. It skips when ../shared is absent.
func sharedSentences(t *testing.T) []string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared", "data", "petrarch")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared data absent: %v", err)
	}
	var out []string
	for _, f := range []string{"GigaWord.sample.PETR.xml", "PETR.UnitTest.records.xml"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range textElem.FindAllStringSubmatch(string(b), -1) {
			if s := strings.TrimSpace(html.UnescapeString(m[1])); s != "" {
				out = append(out, s)
			}
		}
	}
	if len(out) < 300 {
		t.Fatalf("got %d sentences from the PETRARCH files, want 300+", len(out))
	}
	return out
}

// TestSharedSentences checks the splitter on real sentences: each record
// alone must stay one sentence (no false breaks at abbreviations, initials,
// numbers or quotes), and each pair of consecutive records joined by a
// blank must split back into the two (no missed breaks).
func TestSharedSentences(t *testing.T) {
	sents := sharedSentences(t)
	falseBreaks, missed, pairs := 0, 0, 0
	for i, s := range sents {
		if got := Sentences(s); len(got) != 1 {
			falseBreaks++
			t.Logf("split into %d: %.100q", len(got), s)
		}
		if i == 0 || !strings.ContainsAny(sents[i-1][len(sents[i-1])-1:], `.!?"')`) {
			continue // a record without final punctuation cannot end a sentence
		}
		pairs++
		joined := sents[i-1] + " " + s
		got := Sentences(joined)
		if len(got) != 2 || joined[got[1].Start:got[1].End] != s {
			missed++
			t.Logf("pair not split back: %.60q | %.60q", sents[i-1], s)
		}
	}
	t.Logf("%d single sentences, %d false breaks; %d pairs, %d not split back", len(sents), falseBreaks, pairs, missed)
	// Floors: raise them when the splitter improves.
	if falseBreaks > 0 {
		t.Errorf("%d of %d single sentences were split, want 0", falseBreaks, len(sents))
	}
	if max := pairs / 50; missed > max || pairs < 200 {
		t.Errorf("%d of %d sentence pairs were not split back, want at most %d (and 200+ pairs)", missed, pairs, max)
	}
}
