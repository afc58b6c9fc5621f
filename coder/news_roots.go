package coder

import "github.com/twintrack/twintrack/dict"

// newsWholeWins reports whether, in news mode, root r that matched with
// score sc beats best, which matched with the same score: r matched its
// words whole and best needed a regular ending (formats.md 5.4). TABARI
// keeps the first of equal scores, so "Cubans" went to CUBAN_ plus S
// (the country) even when CUBANS_ [CUBCVL] (the people) is an entry; the
// phrase written for the whole word is the more specific one. Only actor
// and agent phrases compete this way: a verb's listed forms ("HOSTED_")
// share the verb's entry with its stem, so the event is the same either
// way.
func (s *sentence) newsWholeWins(r, best *dict.Root, sc int) bool {
	if best == nil || r.Type != dict.Actor && r.Type != dict.Agent {
		return false
	}
	return s.literalLen(r) == sc && s.literalLen(best) < sc
}

// literalLen returns the summed length of root r's literals: its match
// score when no word needed an ending.
func (s *sentence) literalLen(r *dict.Root) int {
	n := 0
	for i := range r.Elems {
		n += len(s.d.Literal(r.Elems[i].Lit))
	}
	return n
}
