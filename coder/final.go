package coder

import (
	"strings"

	"github.com/twintrack/twintrack/dict"
)

// Subordinate/dominant filtering, coded compounds and final filtering
// (formats.md 12.7 - 12.9).

func isSpecial(code string) bool {
	return code == "" || code == dict.Null || code == dict.Complex || code == dict.Discard || code == dict.Blank
}

// finish applies 12.7 - 12.9 and returns the final events or a problem.
func (s *sentence) finish(evs []event) ([]event, string) {
	if len(evs) == 0 {
		return nil, ProbNoEvents
	}
	dominant, nonSub := false, false
scan:
	for i := range evs {
		e := &evs[i]
		switch {
		case e.code == dict.Null:
		case e.code == dict.Discard:
			return nil, ProbDiscardVerb
		case e.code == dict.Complex || e.src.code == dict.Complex || e.tgt.code == dict.Complex:
			return nil, ProbComplexVerb
		case e.dom:
			dominant = true
			break scan
		case !e.sub:
			nonSub = true
		}
	}
	kept := evs[:0]
	for _, e := range evs {
		switch {
		case e.code == dict.Null:
			continue
		case dominant && !e.dom:
			continue
		case !dominant && nonSub && e.sub:
			continue
		}
		kept = append(kept, e)
	}
	if len(kept) == 0 {
		return nil, ProbOnlyNull
	}
	// 12.8: coded compounds, sources then targets. seq is the creation
	// order: the originals, then the copies of step 1, then of step 2.
	for i := range kept {
		kept[i].seq = i
	}
	seq := len(kept)
	var out []event
	for _, e := range kept {
		if !strings.Contains(e.src.code, "/") {
			out = append(out, e)
			continue
		}
		for i, c := range strings.Split(e.src.code, "/") {
			x := e
			x.src.code, x.src.agent, x.src.agentPre = c, "", false
			if i > 0 {
				x.seq, seq = seq, seq+1
			}
			out = append(out, x)
		}
	}
	var out2 []event
	for _, e := range out {
		if !strings.Contains(e.tgt.code, "/") {
			out2 = append(out2, e)
			continue
		}
		for i, c := range strings.Split(e.tgt.code, "/") {
			x := e
			x.tgt.code, x.tgt.agent, x.tgt.agentPre = c, "", false
			if i > 0 {
				if x.src.same(&x.tgt) || containsEvent(out2, &x) || containsEvent(out, &x) {
					continue
				}
				x.seq, seq = seq, seq+1
			}
			out2 = append(out2, x)
		}
	}
	// 12.9: final filtering.
	var final []event
	for i := range out2 {
		e := &out2[i]
		if isSpecial(e.src.code) || isSpecial(e.tgt.code) || e.src.same(&e.tgt) {
			continue
		}
		dup := false
		for j := range out2 {
			o := &out2[j]
			if o.seq < e.seq && o.code == e.code && o.src.same(&e.src) && o.tgt.same(&e.tgt) {
				dup = true
				break
			}
		}
		if !dup {
			final = append(final, *e)
		}
	}
	if len(final) == 0 {
		return nil, ProbNoValid
	}
	return final, ""
}

func containsEvent(evs []event, x *event) bool {
	for i := range evs {
		e := &evs[i]
		if e.code == x.code && e.src.same(&x.src) && e.tgt.same(&x.tgt) {
			return true
		}
	}
	return false
}

// nonEvents applies NONEVENTS: TRUE|ONLY (formats.md 2.7): a sentence
// with no event but two distinct actors gives a "***" record for the first
// actor and the next different one; with ONLY, ordinary events are dropped.
func (s *sentence) nonEvents(evs []event, prob string) ([]event, string) {
	if len(evs) > 0 {
		if s.opt.NonEvents == 2 {
			return nil, ProbNoEvents
		}
		return evs, prob
	}
	if prob != ProbNoEvents && prob != ProbNoValid && prob != ProbOnlyNull {
		return evs, prob
	}
	var first actor
	for q := 0; q < s.n; q++ {
		if !s.isActorHead(q) {
			continue
		}
		a := s.actorAt(q, true)
		if isSpecial(a.code) {
			continue
		}
		if !first.ok {
			first = a
			continue
		}
		if !a.same(&first) {
			return []event{{src: first, tgt: a, code: dict.Blank, verb: -1, tail: -1}}, ""
		}
	}
	return evs, prob
}
