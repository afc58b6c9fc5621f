package modality

import (
	"strings"

	"github.com/twintrack/twintrack"
)

// The values of an event's Modality field.
const (
	Future       = "future"
	Hypothetical = "hypothetical"
)

// maxChain is the most words the verb chain may have before the verb.
const maxChain = 10

// maxClause is the most tokens searched for a conditional before the verb.
const maxClause = 20

// Cue is a word or phrase that governs the verb, located in the sentence.
type Cue struct {
	Kind Kind
	Span twintrack.Span // byte offsets in the sentence
}

// Result is what the words governing a verb say about it.
type Result struct {
	Negated  bool
	Modality string // "", Future or Hypothetical
	Cues     []Cue  // from the verb leftwards
}

// Analyze decides whether the verb at byte span verb of sentence is negated,
// future or hypothetical. actors are the spans of the event's source and
// target, when known: their words may stand between a cue and a noun-event
// ("did not receive any Japanese aid"). A verb span outside the sentence
// gives a zero Result.
func Analyze(sentence string, verb twintrack.Span, actors ...twintrack.Span) Result {
	var res Result
	if verb.Start < 0 || verb.Start > len(sentence) || verb.End < verb.Start {
		return res
	}
	toks := tokenize(sentence)
	for i := range toks {
		for _, a := range actors {
			if a.Start < a.End && toks[i].s >= a.Start && toks[i].e <= a.End {
				toks[i].actor = true
			}
		}
	}
	v := 0 // index of the first token at or after the verb
	for v < len(toks) && toks[v].s < verb.Start {
		v++
	}
	scanChain(toks, v, &res)
	if i, ok := conditional(toks, v); ok {
		res.add(HypotheticalCue, twintrack.Span{Start: toks[i].s, End: toks[i].e})
	} else if i, ok := conditionalAfter(toks, v, verb.End); ok {
		res.add(HypotheticalCue, twintrack.Span{Start: toks[i].s, End: toks[i].e})
	}
	return res
}

// add records a cue.
func (r *Result) add(k Kind, sp twintrack.Span) {
	r.Cues = append(r.Cues, Cue{Kind: k, Span: sp})
	switch k {
	case Negation:
		r.Negated = true
	case HypotheticalCue:
		r.Modality = Hypothetical
	case FutureCue:
		if r.Modality == "" {
			r.Modality = Future
		}
	}
}

// scanChain walks left from token v through the words that can govern the
// verb, recording cues, and stops at the first word that cannot.
func scanChain(toks []token, v int, res *Result) {
	words := 0
	for i := v - 1; i >= 0 && words < maxChain; i-- {
		t := toks[i]
		if chainStops[t.lower] {
			return
		}
		if t.word {
			words++
		}
		if n, k := phraseAt(toks, i); n > 0 {
			if k != none {
				res.add(k, twintrack.Span{Start: toks[i-n+1].s, End: t.e})
			}
			i -= n - 1
			continue
		}
		k, cue := tables.words[t.lower]
		if cue {
			res.add(k, twintrack.Span{Start: t.s, End: t.e})
		}
		if strings.HasSuffix(t.lower, "n't") {
			// didn't, won't, couldn't ...: a negation besides what the
			// auxiliary itself says.
			if k != Negation {
				res.add(Negation, twintrack.Span{Start: t.s, End: t.e})
			}
			continue
		}
		if cue {
			continue
		}
		if strings.HasSuffix(t.lower, "'ll") {
			res.add(FutureCue, twintrack.Span{Start: t.s, End: t.e})
			return // "it'll": the subject is in the same word
		}
		if t.actor || tables.transparent[t.lower] || !t.upper && t.word && strings.HasSuffix(t.lower, "ly") {
			continue
		}
		return
	}
}

// phraseAt returns the length and kind of the longest cue phrase that ends
// at token i, or 0.
func phraseAt(toks []token, i int) (int, Kind) {
	best, kind := 0, none
	for _, p := range tables.phrases[toks[i].lower] {
		n := len(p)
		if n <= best || i-n+1 < 0 {
			continue
		}
		match := true
		for k := 0; k < n; k++ {
			if toks[i-n+1+k].lower != p[k] {
				match = false
				break
			}
		}
		if match {
			best, kind = n, tables.phraseKinds[strings.Join(p, " ")]
		}
	}
	return best, kind
}

// conditional looks left from token v, within the verb's clause, for "if",
// "unless", "whether" or "lest", and returns its index.
func conditional(toks []token, v int) (int, bool) {
	for i := v - 1; i >= 0 && i >= v-maxClause; i-- {
		w := toks[i].lower
		if conditionals[w] {
			return i, true
		}
		if boundaries[w] || clauseStarts[w] {
			return 0, false
		}
	}
	return 0, false
}

// conditionalAfter looks right of the verb, within its clause, for a
// conditional that governs it ("ready to negotiate with Europe if the
// sanctions were eased"): "unless" always, "if" unless it opens an indirect
// question ("asked Cambodia if ..."). Neither counts after a verb of saying
// or threatening (token v), whose conditional is part of what was said. It
// returns the conditional's index.
func conditionalAfter(toks []token, v, verbEnd int) (int, bool) {
	if v < len(toks) && tables.content[toks[v].lower] {
		return 0, false
	}
	start := 0
	for start < len(toks) && toks[start].s < verbEnd {
		start++
	}
	for i := start; i < len(toks) && i < start+maxClause; i++ {
		w := toks[i].lower
		switch {
		case w == "unless":
			return i, true
		case w == "if":
			for j := i - 1; j >= 0 && j >= i-3; j-- {
				if questionVerbs[toks[j].lower] {
					return 0, false
				}
			}
			return i, true
		case chainStops[w] || clauseStarts[w] || w == "whether":
			return 0, false
		}
	}
	return 0, false
}

// Annotate sets the event's Negated and Modality fields from the words
// governing its verb. The verb is located by Spans.Verb relative to
// Spans.Sentence, or, when that is missing or does not fit the sentence, by
// the first occurrence of VerbText. A flag already set (by the coder) is kept. It
// returns false when the verb cannot be located.
func Annotate(ev *twintrack.Event) bool {
	s := ev.SentenceText
	v := twintrack.Span{Start: ev.Spans.Verb.Start - ev.Spans.Sentence.Start, End: ev.Spans.Verb.End - ev.Spans.Sentence.Start}
	if ev.Spans.Verb.IsZero() || v.Start < 0 || v.End > len(s) || v.Start >= v.End {
		i := -1
		if ev.VerbText != "" {
			i = strings.Index(s, ev.VerbText)
		}
		if i < 0 {
			return false
		}
		v = twintrack.Span{Start: i, End: i + len(ev.VerbText)}
	}
	off := ev.Spans.Sentence.Start
	var actors []twintrack.Span
	for _, a := range []twintrack.Span{ev.Spans.Source, ev.Spans.Target} {
		if !a.IsZero() {
			actors = append(actors, twintrack.Span{Start: a.Start - off, End: a.End - off})
		}
	}
	r := Analyze(s, v, actors...)
	ev.Negated = ev.Negated || r.Negated
	if ev.Modality == "" || r.Modality == Hypothetical {
		if r.Modality != "" {
			ev.Modality = r.Modality
		}
	}
	return true
}
