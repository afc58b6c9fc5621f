package devset

import (
	"math"
	"testing"

	"github.com/twintrack/twintrack"
)

func ev(doc, src, tgt, code string) twintrack.Event {
	return twintrack.Event{DocID: doc, Source: src, Target: tgt, Code: code}
}

func TestScore(t *testing.T) {
	gold := []Sentence{
		{ID: "a", Events: []Event{{"JPNGOV", "KHMGOV", "042"}, {"KHMGOV", "JPNGOV", "043"}}},
		{ID: "b", Events: []Event{{"JPNGOV", "KHMOPP", "040"}}},
		{ID: "c"}, // a negated sentence: nothing to count
	}
	negated := ev("c", "USAGOV", "IRNGOV", "190")
	negated.Negated = true
	modal := ev("c", "USAGOV", "IRNGOV", "138")
	modal.Modality = "hypothetical"

	type counts struct{ tp, fp, fn int }
	tests := []struct {
		name              string
		got               []twintrack.Event
		exact, root, dyad counts
	}{
		{"nothing coded", nil, counts{0, 0, 3}, counts{0, 0, 3}, counts{0, 0, 3}},
		{"all exact", []twintrack.Event{ev("a", "JPNGOV", "KHMGOV", "042"), ev("a", "KHMGOV", "JPNGOV", "043"), ev("b", "JPNGOV", "KHMOPP", "040")},
			counts{3, 0, 0}, counts{3, 0, 0}, counts{3, 0, 0}},
		{"same root other code", []twintrack.Event{ev("b", "JPNGOV", "KHMOPP", "046")},
			counts{0, 1, 3}, counts{1, 0, 2}, counts{1, 0, 2}},
		{"other role same country", []twintrack.Event{ev("b", "JPNGOV", "KHMGOV", "040")},
			counts{0, 1, 3}, counts{0, 1, 3}, counts{1, 0, 2}},
		{"other root same quad class", []twintrack.Event{ev("b", "JPN", "KHM", "057")},
			counts{0, 1, 3}, counts{0, 1, 3}, counts{1, 0, 2}},
		{"reversed direction", []twintrack.Event{ev("b", "KHMOPP", "JPNGOV", "040")},
			counts{0, 1, 3}, counts{0, 1, 3}, counts{0, 1, 3}},
		{"right event, wrong sentence", []twintrack.Event{ev("c", "JPNGOV", "KHMOPP", "040")},
			counts{0, 1, 3}, counts{0, 1, 3}, counts{0, 1, 3}},
		{"duplicate coded event", []twintrack.Event{ev("b", "JPNGOV", "KHMOPP", "040"), ev("b", "JPNGOV", "KHMOPP", "040")},
			counts{1, 1, 2}, counts{1, 1, 2}, counts{1, 1, 2}},
		{"negated and modal not counted", []twintrack.Event{negated, modal},
			counts{0, 0, 3}, counts{0, 0, 3}, counts{0, 0, 3}},
		{"event in negated sentence", []twintrack.Event{ev("c", "USAGOV", "IRNGOV", "190")},
			counts{0, 1, 3}, counts{0, 1, 3}, counts{0, 1, 3}},
		{"unknown document", []twintrack.Event{ev("zz", "JPNGOV", "KHMOPP", "040")},
			counts{0, 1, 3}, counts{0, 1, 3}, counts{0, 1, 3}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Score(gold, tc.got)
			for _, c := range []struct {
				level string
				got   Level
				want  counts
			}{{"exact", r.Exact, tc.exact}, {"root", r.Root, tc.root}, {"dyad", r.Dyad, tc.dyad}} {
				if g := (counts{c.got.TP, c.got.FP, c.got.FN}); g != c.want {
					t.Errorf("%s: got tp/fp/fn %v, want %v", c.level, g, c.want)
				}
			}
			if r.Gold != 3 || r.Sentences != 3 {
				t.Errorf("got %d gold events in %d sentences, want 3 in 3", r.Gold, r.Sentences)
			}
		})
	}
}

func TestLevelRates(t *testing.T) {
	tests := []struct {
		name       string
		tp, fp, fn int
		p, r, f1   float64
	}{
		{"empty", 0, 0, 0, 0, 0, 0},
		{"perfect", 4, 0, 0, 1, 1, 1},
		{"half precision", 2, 2, 0, 0.5, 1, 2.0 / 3},
		{"quarter recall", 1, 0, 3, 1, 0.25, 0.4},
		{"nothing right", 0, 5, 5, 0, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := Level{TP: tc.tp, FP: tc.fp, FN: tc.fn}
			l.finish()
			for _, c := range []struct {
				what      string
				got, want float64
			}{{"precision", l.Precision, tc.p}, {"recall", l.Recall, tc.r}, {"F1", l.F1, tc.f1}} {
				if math.Abs(c.got-c.want) > 1e-9 {
					t.Errorf("%s: got %v, want %v", c.what, c.got, c.want)
				}
			}
		})
	}
}

func TestMistakes(t *testing.T) {
	gold := []Sentence{
		{ID: "a", Events: []Event{{"JPNGOV", "KHMGOV", "042"}, {"KHMGOV", "JPNGOV", "043"}}},
		{ID: "b", Events: []Event{{"JPNGOV", "KHMOPP", "040"}}},
	}
	got := []twintrack.Event{ev("a", "JPNGOV", "KHMGOV", "042"), ev("b", "JPNGOV", "KHMGOV", "040")}
	ms := Mistakes(gold, got)
	if len(ms) != 2 {
		t.Fatalf("got %d mistakes, want 2: %+v", len(ms), ms)
	}
	if ms[0].Sentence.ID != "a" || len(ms[0].Missed) != 1 || ms[0].Missed[0].Code != "043" || len(ms[0].Extra) != 0 {
		t.Errorf("sentence a: got %+v, want one missed 043 event", ms[0])
	}
	if ms[1].Sentence.ID != "b" || len(ms[1].Missed) != 1 || len(ms[1].Extra) != 1 || ms[1].Extra[0].Target != "KHMGOV" {
		t.Errorf("sentence b: got %+v, want missed KHMOPP, extra KHMGOV", ms[1])
	}
}

func TestCountry(t *testing.T) {
	tests := []struct{ in, want string }{
		{"JPNGOV", "JPN"}, {"KHMOPPPTY", "KHM"}, {"IGOUNO", "IGO"}, {"USA", "USA"}, {"", ""},
	}
	for _, tc := range tests {
		if got := Country(tc.in); got != tc.want {
			t.Errorf("Country(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
}
