package input

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// sharedData returns ../shared/data next to the module root, skipping the
// test when it is absent.
func sharedData(t testing.TB) string {
	t.Helper()
	d, err := filepath.Abs(filepath.Join("..", "..", "shared", "data"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(d); err != nil {
		t.Skipf("shared data absent: %v", err)
	}
	return d
}

var (
	xmlComment  = regexp.MustCompile(`(?s)<!--.*?-->`)
	sentenceTag = regexp.MustCompile(`<Sentence[\s>]`)
	recordHead  = regexp.MustCompile(`(?m)(?:\A|\n\r?\n)[0-9]{6}`)
)

// TestSharedFiles reads the third-party sample files and checks that every
// record in them becomes a document, counting records independently of
// the readers.
func TestSharedFiles(t *testing.T) {
	data := sharedData(t)
	tests := []struct {
		file   string
		format string
		count  func(string) int
	}{
		{"petrarch/GigaWord.sample.PETR.xml", "petrarch", func(s string) int {
			return len(sentenceTag.FindAllString(xmlComment.ReplaceAllString(s, ""), -1))
		}},
		{"petrarch/PETR.UnitTest.records.xml", "petrarch", func(s string) int {
			return len(sentenceTag.FindAllString(xmlComment.ReplaceAllString(s, ""), -1))
		}},
		{"tabari/TABARI.Demo.text", "tabari", func(s string) int {
			return len(recordHead.FindAllString(s, -1))
		}},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			path := filepath.Join(data, tt.file)
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			r, err := Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			docs, errs, s := drain(t, r, 1<<20)
			if len(errs) != 0 {
				t.Errorf("got errors %q, want none", errStrings(errs))
			}
			if want := tt.count(string(raw)); len(docs) != want || want == 0 {
				t.Errorf("got %d documents, want %d", len(docs), want)
			}
			if s.ByFormat[tt.format] != 1 {
				t.Errorf("detected %v, want %s", s.ByFormat, tt.format)
			}
			for _, d := range docs {
				if d.Date == "" || strings.Contains(d.Text, "<") && tt.format == "petrarch" {
					t.Errorf("document %q: date %q, text %.60q", d.ID, d.Date, d.Text)
				}
			}
		})
	}
}

// TestDetectShared checks format detection on the heads of the shared
// files, including TABARI's validation file, which opens with banners.
func TestDetectShared(t *testing.T) {
	data := sharedData(t)
	for file, want := range map[string]string{
		"tabari/Validate.text":               "tabari",
		"tabari/TABARI.Demo.text":            "tabari",
		"petrarch/GigaWord.sample.PETR.xml":  "petrarch",
		"petrarch/PETR.UnitTest.records.xml": "petrarch",
		"tabari/Validate.project":            "text",
	} {
		b, err := os.ReadFile(filepath.Join(data, file))
		if err != nil {
			t.Fatal(err)
		}
		if got := Detect(b[:min(len(b), 4096)]); got != want {
			t.Errorf("Detect(%s) got %q, want %q", file, got, want)
		}
	}
}

func BenchmarkPetrarchSample(b *testing.B) {
	path := filepath.Join(sharedData(b), "petrarch", "GigaWord.sample.PETR.xml")
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	for b.Loop() {
		r, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if docs, errs := r.All(); len(docs) == 0 || len(errs) > 0 {
			b.Fatalf("got %d documents, %d errors", len(docs), len(errs))
		}
	}
}

// TestParseLeavesOnShared checks ParseLeaves against real records that
// have both a <Text> and a <Parse>: the leaf words must spell the text
// (compared on letters and digits only). The rest differ in the data
// itself: their trees were parsed from edited sentences.
func TestParseLeavesOnShared(t *testing.T) {
	data := sharedData(t)
	both := regexp.MustCompile(`(?s)<Text>(.*?)</Text>\s*<Parse>(.*?)</Parse>`)
	norm := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return unicode.ToLower(r)
			}
			return -1
		}, html.UnescapeString(s))
	}
	for _, tt := range []struct {
		file  string
		floor int // records whose leaves spell their text, measured 2026-11
	}{
		{"GigaWord.sample.PETR.xml", 54},
		{"PETR.UnitTest.records.xml", 272},
	} {
		raw, err := os.ReadFile(filepath.Join(data, "petrarch", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		same := 0
		for _, m := range both.FindAllStringSubmatch(string(raw), -1) {
			if norm(ParseLeaves(m[2])) == norm(m[1]) {
				same++
			}
		}
		if same < tt.floor {
			t.Errorf("%s: leaves spell the text in %d records, want at least %d", tt.file, same, tt.floor)
		}
	}
}
