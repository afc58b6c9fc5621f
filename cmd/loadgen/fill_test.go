package main

import (
	"os"
	"strings"
	"testing"

	"github.com/twintrack/twintrack"
)

func TestGeneratedEvents(t *testing.T) {
	g := newGen(7)
	seen := map[string]int{}
	for d := range 200 {
		doc := twintrack.Document{ID: "d", Date: "2000-01-02"}
		var evs []twintrack.Event
		for i := range 1 + d%4 {
			evs = append(evs, g.event(&doc, i, doc.Date))
		}
		for _, ev := range evs {
			for _, c := range []struct {
				name string
				sp   twintrack.Span
				want string
			}{
				{"sentence", ev.Spans.Sentence, ev.SentenceText},
				{"source", ev.Spans.Source, ev.SourceText},
				{"verb", ev.Spans.Verb, ev.VerbText},
				{"target", ev.Spans.Target, ev.TargetText},
			} {
				if got := c.sp.Text(doc.Text); got != c.want {
					t.Fatalf("%s span %v gives %q, want %q", c.name, c.sp, got, c.want)
				}
			}
			if ev.SourceCountry == ev.TargetCountry || !strings.HasPrefix(ev.Source, ev.SourceCountry) {
				t.Fatalf("bad actors %s → %s", ev.Source, ev.Target)
			}
			if ev.Root == "" || ev.QuadClass < 1 {
				t.Fatalf("event %+v not annotated", ev)
			}
			seen[ev.SourceCountry]++
		}
	}
	if seen["USA"] <= seen["KHM"] {
		t.Errorf("USA %d events, KHM %d: want the most reported country first", seen["USA"], seen["KHM"])
	}
}

func TestCPUTime(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc")
	}
	x := 0
	for i := range 50_000_000 {
		x += i % 7
	}
	if cpuTime(os.Getpid()) <= 0 {
		t.Errorf("cpuTime of a busy process is 0 (x=%d)", x)
	}
	if cpuTime(0) != 0 {
		t.Error("cpuTime(0) is not 0")
	}
}

func TestRunArguments(t *testing.T) {
	for _, args := range [][]string{nil, {"nope"}, {"fill"}, {"run", "--mix", "bogus"}, {"run", "--dyad", "JPN"}} {
		if err := run(t.Context(), args); err == nil {
			t.Errorf("run %q: got no error", args)
		}
	}
}
