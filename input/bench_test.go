package input

import (
	"fmt"
	"io"
	"strings"
	"testing"
)

// corpus returns n documents of our own invented news text in format.
func corpus(format string, n int) string {
	var b strings.Builder
	body := "The foreign minister of Arnor met opposition leaders from Gondor on Monday, " +
		"officials said, and promised economic aid worth $1.5 billion."
	for i := 0; i < n; i++ {
		switch format {
		case "jsonl":
			fmt.Fprintf(&b, `{"id":"doc-%d","date":"2013-07-%02d","source":"Wire","text":%q}`+"\n", i, i%28+1, body)
		case "tabari":
			fmt.Fprintf(&b, "1307%02d DOC-%d\n%s\n\n", i%28+1, i, body)
		case "petrarch":
			fmt.Fprintf(&b, "<Sentence date=\"201307%02d\" id=\"DOC-%d\" source=\"Wire\">\n<Text>\n%s\n</Text>\n</Sentence>\n", i%28+1, i, body)
		}
	}
	return b.String()
}

func BenchmarkReaders(b *testing.B) {
	for _, format := range []string{"jsonl", "tabari", "petrarch"} {
		src := corpus(format, 10000)
		b.Run(format, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				r, err := NewReader(strings.NewReader(src), "bench", Options{})
				if err != nil {
					b.Fatal(err)
				}
				n := 0
				for {
					_, err := r.Next()
					if err == io.EOF {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
					n++
				}
				if n != 10000 {
					b.Fatalf("read %d documents, want 10000", n)
				}
			}
			b.ReportMetric(float64(10000*b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
