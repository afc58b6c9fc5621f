package progress

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
)

func TestLine(t *testing.T) {
	tests := []struct {
		name string
		s    State
		want string
	}{
		{"unknown total", State{Docs: 1200, Sentences: 8400, Events: 1050, Elapsed: 2 * time.Second},
			"1,200 docs  8,400 sentences  4,200 sent/s  1,050 events"},
		{"known total", State{Docs: 2500, Total: 10000, Sentences: 50000, Events: 7, Elapsed: 10 * time.Second},
			"2,500/10,000 docs (25%)  50,000 sentences  5,000 sent/s  7 events  0:30 left"},
		{"done", State{Docs: 10, Total: 10, Sentences: 10, Elapsed: time.Second},
			"10/10 docs (100%)  10 sentences  10 sent/s  0 events  0:00 left"},
		{"hours left", State{Docs: 1, Total: 10001, Elapsed: time.Second},
			"1/10,001 docs (0%)  0 sentences  0 sent/s  0 events  2:46:40 left"},
		{"no time yet", State{}, "0 docs  0 sentences  0 events"},
		{"documents only", State{Docs: 1200, Total: 10000, Sentences: 99, Events: 99, Elapsed: 400 * time.Millisecond, DocsOnly: true},
			"1,200/10,000 docs (12%)  3,000 docs/s  0:03 left"},
		{"documents only, no total", State{Docs: 5, Elapsed: time.Second, DocsOnly: true}, "5 docs  5 docs/s"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Line(tc.s); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestGroup(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -4500: "-4,500"} {
		if got := group(n); got != want {
			t.Errorf("group(%d): got %q, want %q", n, got, want)
		}
	}
}

func TestQuietWhenNotATerminal(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if IsTerminal(f) {
		t.Fatal("a regular file is a terminal")
	}
	b := New(f, 0, false)
	if b != nil {
		t.Fatal("New on a regular file: got a bar, want nil")
	}
	b.Update(State{Docs: 5}) // a nil bar is safe
	b.Done()
	if fi, _ := f.Stat(); fi.Size() != 0 {
		t.Errorf("wrote %d bytes to a non-terminal", fi.Size())
	}
	var buf bytes.Buffer
	if New(&buf, 0, false) != nil {
		t.Error("New on a buffer without force: got a bar")
	}
}

func TestBarRedrawsInPlace(t *testing.T) {
	var buf bytes.Buffer
	b := New(&buf, time.Nanosecond, true)
	b.SetTotal(100)
	b.Update(State{Docs: 10, Sentences: 123456, Elapsed: time.Second})
	time.Sleep(time.Millisecond)
	b.Update(State{Docs: 100, Sentences: 1, Elapsed: time.Second})
	b.Done()
	b.Done()
	out := buf.String()
	if strings.Count(out, "\r") != 3 || !strings.HasSuffix(out, "\n") || strings.Count(out, "\n") != 1 {
		t.Errorf("got %q, want three redraws and one final newline", out)
	}
	if !strings.Contains(out, "10/100 docs") || !strings.Contains(out, "100/100 docs (100%)") {
		t.Errorf("got %q, want the total kept from SetTotal", out)
	}
	// A shorter line blanks the rest of a longer one.
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\r")
	if len(lines[2]) < len(lines[1]) {
		t.Errorf("line %q does not cover %q", lines[2], lines[1])
	}
}
