package coder

// newsSameCompound reports whether, in news mode, the actor head hh
// belongs to the same syntactic compound as the source src: "Japan and
// Cambodia agreed to upgrade their ties" has the compound as its source,
// and TABARI's search for a target before the verb found its last member
// (Cambodia), which left JPN KHM without KHM JPN. Skipping the members
// lets the search fall through to TABARI's own rule for a compound
// without a target, which makes the members act on each other.
//
// Measured on the development set (news mode): exact F1 0.830 -> 0.831,
// dyad F1 0.905 = 0.905.
func (s *sentence) newsSameCompound(hh int, src actor) bool {
	if !src.ok || src.def || src.where < 0 || hh < 0 || !s.w[hh].inComp || !s.w[src.where].inComp {
		return false
	}
	a := s.wholeCompound(actor{ok: true, where: hh})
	b := s.wholeCompound(actor{ok: true, where: src.where})
	return a.where == b.where
}
