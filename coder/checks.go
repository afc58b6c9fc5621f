package coder

import (
	"fmt"
	"strings"

	"github.com/twintrack/twintrack/dict"
)

// Sentence-level filters: discard codes, complexity and time shifting
// (formats.md 11).

// discarded reports whether any root in the sentence carries the discard
// code (11.2).
func (s *sentence) discarded() bool {
	for q := 0; q < s.n; q++ {
		r := s.w[q].root
		if r == nil {
			continue
		}
		switch {
		case r.Actor != nil:
			if c, ok := r.Actor.Resolve(s.day); ok && c == dict.Discard {
				return true
			}
		case r.Verb != nil:
			if r.Verb.Code.A == dict.Discard && !r.Verb.Code.Paired {
				return true
			}
		}
	}
	return false
}

// complexity evaluates the COMPLEX: conditions (11.3) and returns the
// problem text, or "".
func (s *sentence) complexity() string {
	c := &s.opt.Complex
	verbs, actors, prons, conj := 0, 0, 0, 0
	first := s.n
	for q := 0; q < s.n; q++ {
		w := &s.w[q]
		if w.inComma {
			continue
		}
		switch w.spanT {
		case dict.Verb:
			verbs++
			if first == s.n && w.root != nil && w.root.Verb != nil && w.root.Verb.Code.Raw != dict.Null {
				first = q
			}
		case dict.Actor:
			actors++
		}
		if w.typ == dict.Pronoun {
			prons++
		}
		if w.typ == dict.Conj && !w.inComp {
			conj++
		}
	}
	actorIn := func(a, b int) bool {
		for q := a; q < b && q < s.n; q++ {
			if s.w[q].typ == dict.Actor {
				return true
			}
		}
		return false
	}
	var why []string
	if c.Verbs > 0 && verbs >= c.Verbs {
		why = append(why, fmt.Sprintf("Verbs(%d) >= %d", verbs, c.Verbs))
	}
	if c.Actors > 0 && actors >= c.Actors {
		why = append(why, fmt.Sprintf("Actors(%d) >= %d", actors, c.Actors))
	}
	if c.Pronouns > 0 && prons >= c.Pronouns {
		why = append(why, fmt.Sprintf("Pronouns(%d) >= %d", prons, c.Pronouns))
	}
	if c.Conj > 0 && conj >= c.Conj {
		why = append(why, fmt.Sprintf("Conjunctions(%d) >= %d", conj, c.Conj))
	}
	if c.LateVerb > 0 && first >= c.LateVerb {
		why = append(why, fmt.Sprintf("Late verb(%d) >= %d", first, c.LateVerb))
	}
	if c.NoActPrior && !actorIn(0, first) {
		why = append(why, "No actor before verb")
	}
	if c.NoActAfter && !actorIn(first+1, s.n) {
		why = append(why, "No actor after verb")
	}
	if c.NoVerb && verbs == 0 {
		why = append(why, "No verb")
	}
	if len(why) == 0 {
		return ""
	}
	if c.Explain {
		return "Complex text: " + strings.Join(why, "; ")
	}
	return ProbComplexText
}

// timeShift applies the first time phrase (11.4). It returns the shift in
// days and a problem text for discard/complex time phrases.
func (s *sentence) timeShift() (int, string) {
	var m matcher
	m.s = s
	for q := 0; q < s.n; q++ {
		w := &s.w[q]
		if w.spanT != dict.Time || w.root == nil || w.root.Verb == nil {
			continue
		}
		v := w.root.Verb
		for _, p := range v.Patterns {
			if !m.match(p, q, w.spanEnd, s.n-1) {
				continue
			}
			switch p.Code.A {
			case dict.Null:
				continue
			case dict.Discard:
				return 0, ProbDiscardText
			case dict.Complex:
				return 0, ProbComplexTime
			}
			return p.Code.Shift, ""
		}
		switch v.Code.A {
		case dict.Null:
			q = w.spanEnd
			continue
		case dict.Discard:
			return 0, ProbDiscardText
		case dict.Complex:
			return 0, ProbComplexTime
		}
		return v.Code.Shift, ""
	}
	return 0, ""
}

// attribution finds the attribution actor (11.5): the last attribution
// phrase's patterns bind it with '@'; otherwise it is the nearest actor
// before the phrase (not across a comma), else the sentence's first
// actor. It returns a problem for discard or complex codes.
func (s *sentence) attribution() (actor, string) {
	h := -1
	for q := s.n - 1; q >= 0; q-- {
		if s.w[q].spanT == dict.AttribT && s.w[q].root != nil && s.w[q].root.Verb != nil {
			h = q
			break
		}
	}
	if h < 0 {
		return actor{}, ""
	}
	v := s.w[h].root.Verb
	var m matcher
	m.s = s
	decided := false
	var att actor
	for _, p := range v.Patterns {
		if !m.match(p, h, s.w[h].spanEnd, s.n-1) {
			continue
		}
		switch p.Code.A {
		case dict.Null:
			continue
		case dict.Discard:
			return actor{}, ProbDiscardText
		case dict.Complex:
			return actor{}, "Complex text: complex code in attribution phrase"
		}
		if m.att >= 0 {
			att = s.actorAt(m.att, true)
		}
		decided = true
		break
	}
	if !decided && v.HasCode {
		switch v.Code.A {
		case dict.Discard:
			return actor{}, ProbDiscardText
		case dict.Complex:
			return actor{}, "Complex text: complex code in attribution phrase"
		}
	}
	if !att.ok {
		for q := h - 1; q >= 0 && s.w[q].typ != dict.Comma; q-- {
			if s.w[q].typ == dict.Actor {
				if hh := s.bindHead(q); hh >= 0 {
					att = s.actorAt(hh, true)
					break
				}
			}
		}
	}
	if !att.ok {
		for q := 0; q < s.n; q++ {
			if s.isActorHead(q) {
				att = s.actorAt(q, true)
				break
			}
		}
	}
	return att, ""
}
