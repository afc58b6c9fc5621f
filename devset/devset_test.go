package devset_test

import (
	"errors"
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/cameo"
	"github.com/twintrack/twintrack/coder"
	"github.com/twintrack/twintrack/devset"
	"github.com/twintrack/twintrack/dict"
	"github.com/twintrack/twintrack/dictionaries"
	"github.com/twintrack/twintrack/modality"
)

var showMistakes = flag.Bool("mistakes", false, "print every sentence where the built-in dictionaries disagree with the gold events")

// Floors: the scores the built-in dictionaries reach on the development set
// (measured 2026-11-29 06:15 UTC: exact P/R 0.814/0.816 with the committed
// coder, 0.838/0.812 with the coder then being changed), less about 0.01
// below the lower of the two so that rounding and a single changed
// sentence do not fail the build. A change that lowers a score
// further fails the test; raise the floors when the dictionaries improve.
var floors = map[string]struct{ p, r float64 }{
	"exact": {0.80, 0.80},
	"root":  {0.81, 0.81},
	"dyad":  {0.87, 0.85},
}

func builtin(t testing.TB) *coder.Coder {
	t.Helper()
	d, err := dict.LoadProject(dictionaries.FS, dictionaries.Project)
	if err != nil {
		var list *dict.ErrorList
		if errors.As(err, &list) {
			t.Fatalf("built-in dictionaries: %d errors:\n%v", list.Len(), err)
		}
		t.Fatalf("built-in dictionaries: %v", err)
	}
	return coder.New(d)
}

// code runs the coder over every sentence of the set, one document each.
func code(t testing.TB, c *coder.Coder, gold []devset.Sentence) []twintrack.Event {
	t.Helper()
	var got []twintrack.Event
	for _, s := range gold {
		evs, err := c.CodeDocument(&twintrack.Document{ID: s.ID, Date: s.Date, Text: s.Text})
		if err != nil {
			t.Fatalf("%s:%d: %v", devset.FileName, s.Line, err)
		}
		got = append(got, evs...)
	}
	return got
}

// heldFloors are the held-out set's floors. Its mistakes are never printed
// by this test: tuning on them would spoil the estimate.
var heldFloors = map[string]struct{ p, r float64 }{
	"exact": {0.54, 0.52},
	"root":  {0.56, 0.55},
	"dyad":  {0.72, 0.70},
}

// pipelineFloors are the floors of the development set coded as the
// ingest pipeline does it: the coder, then the modality pass, so that
// negated, future and hypothetical events are not counted.
var pipelineFloors = map[string]struct{ p, r float64 }{
	"exact": {0.82, 0.78},
	"root":  {0.84, 0.79},
	"dyad":  {0.92, 0.87},
}

func TestPipelineOnDevset(t *testing.T) {
	gold, err := devset.Default()
	if err != nil {
		t.Fatal(err)
	}
	got := code(t, builtin(t), gold)
	for i := range got {
		modality.Annotate(&got[i])
	}
	r := devset.Score(gold, got)
	t.Logf("built-in dictionaries and the modality pass on %s:\n%v", devset.FileName, r)
	checkFloors(t, r, pipelineFloors)
}

func TestBuiltinDictionariesOnHeldOut(t *testing.T) {
	gold, err := devset.Held()
	if err != nil {
		t.Fatal(err)
	}
	got := code(t, builtin(t), gold)
	r := devset.Score(gold, got)
	t.Logf("built-in dictionaries on %s:\n%v", devset.HeldOutName, r)
	checkFloors(t, r, heldFloors)
	for i := range got {
		modality.Annotate(&got[i])
	}
	t.Logf("with the modality pass:\n%v", devset.Score(gold, got))
}

// held2Floors are the floors of the second held-out set (49 sentences
// once the 11 that paraphrased a development sentence were removed). The
// dictionaries of the morning of 2026-11-29 scored exact P 0.603 R 0.594,
// dyad P 0.810 R 0.797 on it; those of 06:10 UTC exact 0.719/0.719, dyad
// 0.875/0.875. The floors are about 0.02 below, since the set is small.
// Its mistakes are never printed, like the first set's.
var held2Floors = map[string]struct{ p, r float64 }{
	"exact": {0.70, 0.70},
	"root":  {0.71, 0.71},
	"dyad":  {0.85, 0.85},
}

func TestBuiltinDictionariesOnHeldOut2(t *testing.T) {
	gold, err := devset.Held2()
	if err != nil {
		t.Fatal(err)
	}
	got := code(t, builtin(t), gold)
	r := devset.Score(gold, got)
	t.Logf("built-in dictionaries on %s:\n%v", devset.HeldOut2Name, r)
	checkFloors(t, r, held2Floors)
	for i := range got {
		modality.Annotate(&got[i])
	}
	t.Logf("with the modality pass:\n%v", devset.Score(gold, got))
}

// held3Floors are the floors of the third held-out set (48 sentences once
// the 2 that paraphrased a development sentence were removed). The
// dictionaries of the morning of 2026-11-29 scored exact P 0.540 R 0.540,
// dyad P 0.698 R 0.698 on it; its first measurement, at 06:10 UTC, was
// exact 0.719/0.651, dyad 0.842/0.762. Floors about 0.02 below that. Its
// mistakes are never printed.
var held3Floors = map[string]struct{ p, r float64 }{
	"exact": {0.70, 0.63},
	"root":  {0.71, 0.64},
	"dyad":  {0.82, 0.74},
}

func TestBuiltinDictionariesOnHeldOut3(t *testing.T) {
	gold, err := devset.Held3()
	if err != nil {
		t.Fatal(err)
	}
	got := code(t, builtin(t), gold)
	r := devset.Score(gold, got)
	t.Logf("built-in dictionaries on %s:\n%v", devset.HeldOut3Name, r)
	checkFloors(t, r, held3Floors)
}

func TestBuiltinDictionariesOnDevset(t *testing.T) {
	gold, err := devset.Default()
	if err != nil {
		t.Fatal(err)
	}
	c := builtin(t)
	got := code(t, c, gold)
	r := devset.Score(gold, got)
	t.Logf("built-in dictionaries on %s:\n%v", devset.FileName, r)
	if *showMistakes {
		for _, m := range devset.Mistakes(gold, got) {
			fmt.Printf("%s:%d %s %q\n", devset.FileName, m.Sentence.Line, m.Sentence.ID, m.Sentence.Text)
			for _, e := range m.Missed {
				fmt.Printf("    missed %s %s %s\n", e.Source, e.Target, e.Code)
			}
			for _, e := range m.Extra {
				fmt.Printf("    extra  %s %s %s\n", e.Source, e.Target, e.Code)
			}
		}
	}
	checkFloors(t, r, floors)
}

func checkFloors(t *testing.T, r devset.Result, floors map[string]struct{ p, r float64 }) {
	t.Helper()
	for _, lv := range []struct {
		name string
		l    devset.Level
	}{{"exact", r.Exact}, {"root", r.Root}, {"dyad", r.Dyad}} {
		f := floors[lv.name]
		if lv.l.Precision < f.p || lv.l.Recall < f.r {
			t.Errorf("%s: got P=%.3f R=%.3f, want at least P=%.3f R=%.3f", lv.name, lv.l.Precision, lv.l.Recall, f.p, f.r)
		}
	}
}

// TestDevsetCoverage checks the gold file is what it claims to be: enough
// sentences, every CAMEO root, known codes, and marked non-events.
func TestDevsetCoverage(t *testing.T) {
	gold, err := devset.Default()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, s := range gold {
		seen[s.Text] = devset.FileName
	}
	for _, h := range []struct {
		name string
		read func() ([]devset.Sentence, error)
	}{{devset.HeldOutName, devset.Held}, {devset.HeldOut2Name, devset.Held2}, {devset.HeldOut3Name, devset.Held3}} {
		held, err := h.read()
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range held {
			if prev, ok := seen[s.Text]; ok {
				t.Errorf("%s:%d: %s is also in %s", h.name, s.Line, s.ID, prev)
			}
			if h.name != devset.HeldOutName {
				// The later sets must not paraphrase a tuned sentence.
				for _, d := range gold {
					if j := overlap(s.Text, d.Text); j >= 0.6 {
						t.Errorf("%s:%d: %s shares %.2f of its words with %s %s", h.name, s.Line, s.ID, j, devset.FileName, d.ID)
					}
				}
			}
			seen[s.Text] = h.name
			for _, e := range s.Events {
				if _, ok := cameo.Lookup(e.Code); !ok {
					t.Errorf("%s:%d: %s: %q is not in the CAMEO table", h.name, s.Line, s.ID, e.Code)
				}
			}
		}
	}
	if len(gold) < 300 {
		t.Errorf("got %d sentences, want at least 300", len(gold))
	}
	roots := map[string]int{}
	empty := 0
	for _, s := range gold {
		if len(s.Events) == 0 {
			empty++
			if strings.TrimSpace(s.Note) == "" {
				t.Errorf("%s:%d: %s has no events and no note saying why", devset.FileName, s.Line, s.ID)
			}
		}
		if s.Date < "1980-01-01" || s.Date > "2026-12-31" {
			t.Errorf("%s:%d: %s: date %s outside 1980-2026", devset.FileName, s.Line, s.ID, s.Date)
		}
		for _, e := range s.Events {
			if _, ok := cameo.Lookup(e.Code); !ok {
				t.Errorf("%s:%d: %s: %q is not in the CAMEO table", devset.FileName, s.Line, s.ID, e.Code)
			}
			roots[cameo.Root(e.Code)]++
		}
	}
	for i := 1; i <= 20; i++ {
		r := fmt.Sprintf("%02d", i)
		if roots[r] == 0 {
			t.Errorf("root %s: got no gold event, want at least one", r)
		}
	}
	if empty < 20 {
		t.Errorf("got %d sentences without events, want at least 20 negated or hypothetical ones", empty)
	}
}

// overlap is the Jaccard index of the content words of two sentences.
func overlap(a, b string) float64 {
	words := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r < 'a' || r > 'z' }) {
			switch w {
			case "the", "a", "of", "in", "to", "and", "on", "for", "with", "its", "at", "by":
			default:
				m[w] = true
			}
		}
		return m
	}
	wa, wb := words(a), words(b)
	both := 0
	for w := range wa {
		if wb[w] {
			both++
		}
	}
	if all := len(wa) + len(wb) - both; all > 0 {
		return float64(both) / float64(all)
	}
	return 0
}

func BenchmarkCodeDevset(b *testing.B) {
	gold, err := devset.Default()
	if err != nil {
		b.Fatal(err)
	}
	c := builtin(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		code(b, c, gold)
	}
	b.ReportMetric(float64(len(gold)*b.N)/b.Elapsed().Seconds(), "sentences/s")
}
