package modality

import (
	"strings"
	"testing"

	"github.com/twintrack/twintrack"
)

// BenchmarkAnalyze measures one typical news sentence.
func BenchmarkAnalyze(b *testing.B) {
	s := "Officials in Tokyo said on Monday that Japan does not plan to send election observers to Cambodia."
	i := strings.Index(s, "send")
	v := twintrack.Span{Start: i, End: i + 4}
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		if r := Analyze(s, v); !r.Negated {
			b.Fatal("not negated")
		}
	}
}
