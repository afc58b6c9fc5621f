package coder

import "github.com/twintrack/twintrack/dict"

// newsTitled reports whether the actor at word q is, in news mode, the
// name after a demonym and a title that already stand for the same person:
// "Yemeni President Ali Abdullah Saleh", "Thai Prime Minister Samak".
// TABARI reads two actors there, the demonym with the title as its agent
// (YEMGOV) and the name (YEMGOV, or another code when the name's dated
// code differs), so a target search that reaches the name made the
// person act on themselves or on their other code. The name is not a
// second candidate for the target searches.
//
// Measured on the development set (news mode): exact F1 0.822 =, dyad
// 0.897 = (the built-in dictionaries code most such names as the title
// does, and the self-pair drop already removed identical codes).
func (s *sentence) newsTitled(q int) bool {
	if !s.isActorHead(q) || q < 2 {
		return false
	}
	g, ok := s.endsSpan(q-1, dict.Agent)
	if !ok || g < 1 {
		return false
	}
	_, ok = s.endsSpan(g-1, dict.Actor)
	return ok
}
