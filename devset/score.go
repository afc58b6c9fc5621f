package devset

import (
	"fmt"
	"sort"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/cameo"
)

// Level holds the counts and rates of one level of agreement. Precision is
// TP/(TP+FP), Recall TP/(TP+FN) and F1 their harmonic mean; each is 0 when
// its denominator is 0.
type Level struct {
	TP, FP, FN int
	Precision  float64
	Recall     float64
	F1         float64
}

func (l *Level) finish() {
	if d := l.TP + l.FP; d > 0 {
		l.Precision = float64(l.TP) / float64(d)
	}
	if d := l.TP + l.FN; d > 0 {
		l.Recall = float64(l.TP) / float64(d)
	}
	if s := l.Precision + l.Recall; s > 0 {
		l.F1 = 2 * l.Precision * l.Recall / s
	}
}

// String formats the level as "P=0.812 R=0.640 F1=0.716 (tp/fp/fn 80/18/45)".
func (l Level) String() string {
	return fmt.Sprintf("P=%.3f R=%.3f F1=%.3f (tp/fp/fn %d/%d/%d)",
		l.Precision, l.Recall, l.F1, l.TP, l.FP, l.FN)
}

// Result is the agreement of coded events with the gold events.
type Result struct {
	Exact Level // same source, target and code
	Root  Level // same source, target (countries and roles) and CAMEO root
	Dyad  Level // same source and target country and QuadClass

	Sentences int // gold sentences scored
	Gold      int // gold events
	Coded     int // coded events counted (not negated, no modality)
	Uncounted int // coded events skipped because negated or modal
	Unknown   int // coded events whose DocID is no gold sentence (counted as FP)
}

// String formats the result on three lines, one per level.
func (r Result) String() string {
	return fmt.Sprintf("sentences %d, gold events %d, coded %d (+%d negated/modal not counted)\nexact %v\nroot  %v\ndyad  %v",
		r.Sentences, r.Gold, r.Coded, r.Uncounted, r.Exact, r.Root, r.Dyad)
}

// Counted reports whether a coded event counts as an event: events flagged
// negated or with a modality ("hypothetical", "future", ...) do not.
func Counted(ev *twintrack.Event) bool {
	return !ev.Negated && ev.Modality == ""
}

// Country returns the country (or organisation type) part of an actor
// code: its first three characters, as the coder's source_country does.
func Country(code string) string {
	if len(code) <= 3 {
		return code
	}
	return code[:3]
}

// key projects an event onto what one level compares.
type key struct{ s, t, c string }

type projector func(src, tgt, code string) key

var (
	exactKey projector = func(s, t, c string) key { return key{s, t, c} }
	rootKey  projector = func(s, t, c string) key { return key{s, t, cameo.Root(c)} }
	dyadKey  projector = func(s, t, c string) key {
		return key{Country(s), Country(t), fmt.Sprint(cameo.QuadClass(cameo.Root(c)))}
	}
)

// Score compares the coded events got with the gold sentences. A coded
// event belongs to the gold sentence whose ID equals its DocID; coded events
// for unknown ids count as false positives. Within a sentence events are
// matched as multisets: two identical coded events need two identical gold
// events.
func Score(gold []Sentence, got []twintrack.Event) Result {
	var r Result
	bySent := map[string][]twintrack.Event{}
	ids := map[string]bool{}
	for _, s := range gold {
		ids[s.ID] = true
	}
	for i := range got {
		ev := &got[i]
		if !Counted(ev) {
			r.Uncounted++
			continue
		}
		r.Coded++
		if !ids[ev.DocID] {
			r.Unknown++
		}
		bySent[ev.DocID] = append(bySent[ev.DocID], *ev)
	}
	levels := []struct {
		l *Level
		p projector
	}{{&r.Exact, exactKey}, {&r.Root, rootKey}, {&r.Dyad, dyadKey}}
	for _, s := range gold {
		r.Sentences++
		r.Gold += len(s.Events)
		for _, lv := range levels {
			tp, fp, fn := match(s.Events, bySent[s.ID], lv.p)
			lv.l.TP += tp
			lv.l.FP += fp
			lv.l.FN += fn
		}
	}
	for _, lv := range levels {
		lv.l.FP += r.Unknown
		lv.l.finish()
	}
	return r
}

// match counts true positives, false positives and false negatives of one
// sentence under projection p.
func match(gold []Event, got []twintrack.Event, p projector) (tp, fp, fn int) {
	want := map[key]int{}
	for _, g := range gold {
		want[p(g.Source, g.Target, g.Code)]++
	}
	for _, ev := range got {
		k := p(ev.Source, ev.Target, ev.Code)
		if want[k] > 0 {
			want[k]--
			tp++
		} else {
			fp++
		}
	}
	for _, n := range want {
		fn += n
	}
	return tp, fp, fn
}

// Mistake lists, for one sentence, the gold events the coder missed and the
// coded events that are not gold, both at the exact level.
type Mistake struct {
	Sentence Sentence
	Missed   []Event
	Extra    []Event
}

// Mistakes returns the sentences where the counted coded events differ from
// the gold events at the exact level, in gold order. It is meant for people
// improving the dictionaries.
func Mistakes(gold []Sentence, got []twintrack.Event) []Mistake {
	bySent := map[string][]Event{}
	for i := range got {
		if Counted(&got[i]) {
			ev := &got[i]
			bySent[ev.DocID] = append(bySent[ev.DocID], Event{ev.Source, ev.Target, ev.Code})
		}
	}
	var out []Mistake
	for _, s := range gold {
		want := map[Event]int{}
		for _, g := range s.Events {
			want[g]++
		}
		var m Mistake
		for _, e := range bySent[s.ID] {
			if want[e] > 0 {
				want[e]--
			} else {
				m.Extra = append(m.Extra, e)
			}
		}
		for _, g := range s.Events {
			if want[g] > 0 {
				want[g]--
				m.Missed = append(m.Missed, g)
			}
		}
		if len(m.Missed)+len(m.Extra) > 0 {
			m.Sentence = s
			sortEvents(m.Extra)
			out = append(out, m)
		}
	}
	return out
}

func sortEvents(evs []Event) {
	sort.Slice(evs, func(i, j int) bool {
		a, b := evs[i], evs[j]
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		if a.Target != b.Target {
			return a.Target < b.Target
		}
		return a.Code < b.Code
	})
}
