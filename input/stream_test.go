package input

import (
	"fmt"
	"testing"
)

// endless is an io.Reader that never ends: it repeats records of one
// format with increasing ids. A reader that loaded its input whole would
// never return from the first Next.
type endless struct {
	format string
	n      int
	buf    []byte
}

func (e *endless) Read(p []byte) (int, error) {
	for len(e.buf) < len(p) {
		e.n++
		var rec string
		switch e.format {
		case "jsonl":
			rec = fmt.Sprintf(`{"id":"d%d","text":"Arnor aided Gondor."}`+"\n", e.n)
		case "tabari":
			rec = fmt.Sprintf("130728 d%d\nArnor aided Gondor.\n\n", e.n)
		case "petrarch":
			rec = fmt.Sprintf("<Sentence id=\"d%d\" date=\"20130728\"><Text>Arnor aided Gondor.</Text></Sentence>\n", e.n)
		}
		e.buf = append(e.buf, rec...)
	}
	n := copy(p, e.buf)
	e.buf = e.buf[n:]
	return n, nil
}

func TestStreamsEndlessInput(t *testing.T) {
	for _, format := range []string{"jsonl", "tabari", "petrarch"} {
		t.Run(format, func(t *testing.T) {
			r, err := NewReader(&endless{format: format}, "endless", Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			for i := 1; i <= 5000; i++ {
				d, err := r.Next()
				if err != nil {
					t.Fatalf("document %d: %v", i, err)
				}
				if want := fmt.Sprintf("d%d", i); d.ID != want {
					t.Fatalf("document %d: id got %q, want %q", i, d.ID, want)
				}
			}
			if s := r.Summary(); s.ByFormat[format] != 1 {
				t.Errorf("detected %v, want %s", s.ByFormat, format)
			}
		})
	}
}
