package coder

import (
	"strings"
	"testing"

	"github.com/twintrack/twintrack/dict"
	"github.com/twintrack/twintrack/input"
)

// readGigaword reads a PETRARCH XML sample with the input package's reader
// and returns its sentences with their dates; it expects the 76 sentences of
// the GigaWord sample.
func readGigaword(t testing.TB, path string) []sample {
	r, err := input.Open(path, input.Options{Format: "petrarch"})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	docs, errs := r.All()
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	out := make([]sample, 0, len(docs))
	for _, doc := range docs {
		day, ok := dict.ParseDigits(strings.ReplaceAll(doc.Date, "-", ""))
		if !ok {
			t.Fatalf("%s: bad date %q", doc.ID, doc.Date)
		}
		out = append(out, sample{day, doc.Text})
	}
	if len(out) != 76 {
		t.Fatalf("read %d sentences, want 76", len(out))
	}
	return out
}
