package coder_test

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/coder"
	"github.com/twintrack/twintrack/devset"
	"github.com/twintrack/twintrack/dict"
	"github.com/twintrack/twintrack/dictionaries"
)

func builtinCoder(t testing.TB) *coder.Coder {
	t.Helper()
	var fsys fs.FS = dictionaries.FS
	if dir := os.Getenv("TWINTRACK_DICT_DIR"); dir != "" {
		// A snapshot of the built-in dictionaries, for comparing the modes
		// while someone edits the embedded ones.
		fsys = os.DirFS(dir)
	}
	d, err := dict.LoadProject(fsys, dictionaries.Project)
	if err != nil {
		var list *dict.ErrorList
		if errors.As(err, &list) {
			t.Fatalf("built-in dictionaries: %d errors:\n%v", list.Len(), err)
		}
		t.Fatalf("built-in dictionaries: %v", err)
	}
	return coder.New(d)
}

// codeSet codes every sentence of a gold set as one document, in mode m.
func codeSet(t testing.TB, c *coder.Coder, m coder.Mode, gold []devset.Sentence) []twintrack.Event {
	t.Helper()
	c.DocumentMode = m
	var got []twintrack.Event
	for _, s := range gold {
		evs, err := c.CodeDocument(&twintrack.Document{ID: s.ID, Date: s.Date, Text: s.Text})
		if err != nil {
			t.Fatalf("%s: %v", s.ID, err)
		}
		got = append(got, evs...)
	}
	return got
}

var newsDiff = flag.Bool("newsdiff", false, "print the development-set sentences whose events differ between compat and news mode")

// TestNewsModeOnDevset codes the development and held-out sets in both
// modes, prints the scores side by side, and fails when news mode scores
// below compat mode on the development set (exact F1 and dyad F1): the
// floor on news mode's gain.
func TestNewsModeOnDevset(t *testing.T) {
	if testing.Short() {
		t.Skip("codes the development set twice")
	}
	c := builtinCoder(t)
	sets := []struct {
		name string
		read func() ([]devset.Sentence, error)
	}{
		{devset.FileName, devset.Default},
		{devset.HeldOutName, devset.Held},
		{devset.HeldOut2Name, devset.Held2},
	}
	var tab strings.Builder
	fmt.Fprintf(&tab, "%-14s %-6s %-28s %-28s\n", "set", "level", "compat P/R/F1", "news P/R/F1")
	for i, set := range sets {
		gold, err := set.read()
		if err != nil {
			t.Fatal(err)
		}
		compat := codeSet(t, c, coder.Compat, gold)
		news := codeSet(t, c, coder.News, gold)
		rc, rn := devset.Score(gold, compat), devset.Score(gold, news)
		for _, l := range []struct {
			name string
			c, n devset.Level
		}{{"exact", rc.Exact, rn.Exact}, {"root", rc.Root, rn.Root}, {"dyad", rc.Dyad, rn.Dyad}} {
			fmt.Fprintf(&tab, "%-14s %-6s %.3f/%.3f/%.3f %-10s %.3f/%.3f/%.3f\n", set.name, l.name,
				l.c.Precision, l.c.Recall, l.c.F1, "", l.n.Precision, l.n.Recall, l.n.F1)
		}
		if i != 0 {
			continue // held-out sets are reported, never tuned on
		}
		if rn.Exact.F1 < rc.Exact.F1 {
			t.Errorf("%s: news exact F1 %.3f, want at least compat's %.3f", set.name, rn.Exact.F1, rc.Exact.F1)
		}
		if rn.Dyad.F1 < rc.Dyad.F1 {
			t.Errorf("%s: news dyad F1 %.3f, want at least compat's %.3f", set.name, rn.Dyad.F1, rc.Dyad.F1)
		}
		if *newsDiff {
			printDiff(gold, compat, news)
		}
	}
	t.Logf("compat and news mode, built-in dictionaries:\n%s", tab.String())
}

// printDiff prints the sentences whose events differ between the modes,
// marking each event as gold (+) or not (-).
func printDiff(gold []devset.Sentence, a, b []twintrack.Event) {
	by := func(evs []twintrack.Event) map[string][]string {
		m := map[string][]string{}
		for _, e := range evs {
			m[e.DocID] = append(m[e.DocID], e.Source+" "+e.Target+" "+e.Code)
		}
		for _, v := range m {
			sort.Strings(v)
		}
		return m
	}
	ma, mb := by(a), by(b)
	for _, s := range gold {
		ea, eb := strings.Join(ma[s.ID], ", "), strings.Join(mb[s.ID], ", ")
		if ea == eb {
			continue
		}
		g := map[string]bool{}
		for _, e := range s.Events {
			g[e.Source+" "+e.Target+" "+e.Code] = true
		}
		mark := func(evs []string) string {
			var out []string
			for _, e := range evs {
				if g[e] {
					out = append(out, "+"+e)
				} else {
					out = append(out, "-"+e)
				}
			}
			return strings.Join(out, ", ")
		}
		fmt.Printf("%s %q\n    compat: %s\n    news:   %s\n", s.ID, s.Text, mark(ma[s.ID]), mark(mb[s.ID]))
	}
}
