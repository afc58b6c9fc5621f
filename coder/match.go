package coder

import "github.com/twintrack/twintrack/dict"

// matcher matches one pattern around a verb (formats.md 12.3). Its fields
// are the shared state that synset members are matched with too.
type matcher struct {
	s     *sentence
	els   []dict.Elem
	end   int // rightward bound (clause or sentence end)
	gap   bool
	exact bool

	inGroup bool
	grp     int // the brace that opened the current group, -1 for none
	savePos int
	saveAlt int
	saveGap bool
	alt     int // alternative length

	src, tgt, att, comp int // bound word positions, -1 when unbound
}

func (m *matcher) reset() {
	m.inGroup, m.grp, m.alt = false, -1, 0
	m.src, m.tgt, m.att, m.comp = -1, -1, -1, -1
}

func (m *matcher) accepted(r int) bool { return r == 2 || r == 1 && !m.exact }

// resolveRef follows pronoun references from q to a non-pronoun word (or to
// a pronoun resolved by forwarding).
func (s *sentence) resolveRef(q int) int {
	for i := 0; i < s.n && s.w[q].ref >= 0; i++ {
		q = s.w[q].ref
	}
	return q
}

// bindHead returns the word an actor token binds at q: the nearest Actor
// head at or left of q after following pronoun references.
func (s *sentence) bindHead(q int) int {
	q = s.resolveRef(q)
	if s.w[q].ref == fwdRef {
		return q
	}
	return s.headLeft(q)
}

// compareWord compares a literal or actor token at pos; synset references
// never match here. It returns 0, 1 (partial) or 2 (full) and the position
// the match leaves (moved only by '^').
func (m *matcher) compareWord(e *dict.Elem, pos int, right bool) (int, int) {
	s := m.s
	w := &s.w[pos]
	switch e.Kind {
	case dict.Word:
		found, exact := w.litIn(e.Lit)
		if !found {
			return 0, pos
		}
		if m.inGroup {
			m.alt += len(e.Text)
		}
		if exact {
			return 2, pos
		}
		return 1, pos
	case dict.Source, dict.Target, dict.Attrib:
		if w.typ != dict.Actor {
			return 0, pos
		}
		h := s.bindHead(pos)
		if h < 0 {
			return 0, pos
		}
		switch e.Kind {
		case dict.Source:
			m.src = h
		case dict.Target:
			m.tgt = h
		default:
			m.att = h
		}
		return 2, pos
	case dict.Skip:
		if w.typ != dict.Actor {
			return 0, pos
		}
		if right {
			h := s.headLeft(pos)
			if h < 0 {
				return 0, pos
			}
			if end := s.w[h].spanEnd; end > pos {
				return 2, end
			}
			return 2, pos
		}
		h := s.bindHead(pos)
		if h < 0 {
			return 0, pos
		}
		if h > pos {
			h = pos
		}
		return 2, h
	case dict.Compound:
		if w.compEnd >= 0 {
			m.comp = pos
			return 2, pos
		}
	}
	return 0, pos
}

// compareRight compares any element rightwards, synsets included.
func (m *matcher) compareRight(e *dict.Elem, pos int) (int, int) {
	if e.Kind == dict.SynRef {
		for _, mem := range m.s.d.Synset(e.Syn).Members {
			if absentFirst(m.s, mem) {
				continue // cannot match, and trying leaves the state as it was
			}
			if m.memberRight(mem, pos) {
				return 2, pos
			}
		}
		return 0, pos
	}
	return m.compareWord(e, pos, true)
}

// memberRight runs a synset member rightwards from pos on the shared state.
func (m *matcher) memberRight(mem *dict.Member, pos int) bool {
	els := mem.Elems
	for j := 0; ; {
		if pos > m.end {
			return false
		}
		r, np := m.compareRight(&els[j], pos)
		switch {
		case m.accepted(r):
			m.gap = els[j].GapAfter()
			j++
			if j == len(els) {
				return true
			}
			pos = np + 1
			m.exact = !stemOK(&els[j])
		case m.gap:
			pos++
		default:
			return false
		}
	}
}

// compareLeft compares any element leftwards, synsets included.
func (m *matcher) compareLeft(e *dict.Elem, pos int) (int, int) {
	if e.Kind != dict.SynRef {
		return m.compareWord(e, pos, false)
	}
	m.savePos, m.saveAlt, m.saveGap = pos, m.alt, m.gap
	m.inGroup, m.grp = true, -1
	for start := pos; start >= 0; start-- {
		for _, mem := range m.s.d.Synset(e.Syn).Members {
			if absentFirst(m.s, mem) {
				continue
			}
			first := &mem.Elems[0]
			if m.gap {
				for q := start; q >= 0; q-- {
					if r, _ := m.compareLeft(first, q); m.accepted(r) {
						return 2, start
					}
				}
			} else if r, _ := m.compareLeft(first, start); m.accepted(r) {
				return 2, start
			}
		}
	}
	m.alt, m.gap = m.saveAlt, m.saveGap
	m.inGroup = false
	return 0, m.savePos
}

// nextOption returns the first element of the option after the one that
// contains k, or -1.
func (m *matcher) nextOption(k int) int {
	for j := k; j < len(m.els); j++ {
		switch m.els[j].Kind {
		case dict.GroupBar:
			return j + 1
		case dict.GroupClose:
			return -1
		}
	}
	return -1
}

// prevOption returns the last element of the option before the one that
// contains k, or -1.
func (m *matcher) prevOption(k int) int {
	for j := k; j >= 0; j-- {
		switch m.els[j].Kind {
		case dict.GroupBar:
			return j - 1
		case dict.GroupOpen:
			return -1
		}
	}
	return -1
}

func (m *matcher) closeOf(open int) int {
	for j := open; j < len(m.els); j++ {
		if m.els[j].Kind == dict.GroupClose {
			return j
		}
	}
	return len(m.els) - 1
}

func (m *matcher) openOf(close int) int {
	for j := close; j >= 0; j-- {
		if m.els[j].Kind == dict.GroupOpen {
			return j
		}
	}
	return 0
}

// upper matches the elements after '*' rightwards from the word after t.
func (m *matcher) upper(v, t int) bool {
	els := m.els
	m.gap = els[v].GapAfter()
	k := v + 1
	if k == len(els) {
		return true
	}
	pos := t + 1
	if pos > m.end {
		return false
	}
	m.exact = !stemOK(&els[k])
	for {
		var r, np int
		if els[k].Kind == dict.GroupOpen {
			m.savePos, m.saveAlt, m.saveGap = pos, m.alt, m.gap
			m.inGroup, m.grp = true, k
			k++
			if els[k].Kind == dict.SynRef {
				r, np = 0, pos
			} else {
				r, np = m.compareWord(&els[k], pos, true)
			}
		} else {
			r, np = m.compareRight(&els[k], pos)
		}
		fail := false
		switch {
		case m.accepted(r):
			pos = np
			if m.inGroup && k+1 < len(els) && (els[k+1].Kind == dict.GroupBar || els[k+1].Kind == dict.GroupClose) {
				m.inGroup = false
				k = m.closeOf(k)
			}
			m.gap = els[k].GapAfter()
			k++
			if k == len(els) {
				return true
			}
			pos++
			if pos > m.end {
				fail = true
			} else {
				m.exact = !stemOK(&els[k])
			}
		case m.gap:
			pos++
			fail = pos > m.end
		default:
			fail = true
		}
		if !fail {
			continue
		}
		if nk := m.nextOption(k); m.inGroup && m.grp >= 0 && nk >= 0 {
			pos, m.alt, m.gap = m.savePos, m.saveAlt, m.saveGap
			k = nk
			m.exact = !stemOK(&els[k])
			continue
		}
		return false
	}
}

// lower matches the elements before '*' leftwards from the word before h.
func (m *matcher) lower(v, h int) bool {
	els := m.els
	k := v - 1
	if k < 0 {
		return true
	}
	m.gap = els[k].GapAfter()
	pos := h - 1
	if pos < 0 {
		return false
	}
	m.exact = !stemOK(&els[k])
	for {
		var r, np int
		if els[k].Kind == dict.GroupClose {
			m.savePos, m.saveAlt, m.saveGap = pos, m.alt, m.gap
			m.inGroup, m.grp = true, k
			k--
			if els[k].Kind == dict.SynRef {
				r, np = 0, pos
			} else {
				r, np = m.compareWord(&els[k], pos, false)
			}
		} else {
			r, np = m.compareLeft(&els[k], pos)
		}
		fail := false
		switch {
		case m.accepted(r):
			pos = np
			k--
			if k < 0 {
				return true
			}
			if m.inGroup && (els[k].Kind == dict.GroupBar || els[k].Kind == dict.GroupOpen) {
				m.inGroup = false
				k = m.openOf(k) - 1
				if k < 0 {
					return false
				}
			}
			m.gap = els[k].GapAfter()
			pos--
			if pos < 0 {
				fail = true
			} else {
				m.exact = !stemOK(&els[k])
			}
		case m.gap:
			pos--
			fail = pos < 0
		default:
			fail = true
		}
		if !fail {
			continue
		}
		if pk := m.prevOption(k); m.inGroup && m.grp >= 0 && pk >= 0 {
			pos, m.alt, m.gap = m.savePos, m.saveAlt, m.saveGap
			k = pk
			m.exact = !stemOK(&els[k])
			continue
		}
		return false
	}
}

// match tries pattern p for the verb spanning words h..t; end bounds the
// rightward match.
func (m *matcher) match(p *dict.Pattern, h, t, end int) bool {
	for _, id := range p.Required {
		if !m.s.has(id) {
			return false
		}
	}
	for _, ids := range p.AnyOf {
		if !m.s.hasAny(ids) {
			return false
		}
	}
	m.els = p.Elems
	m.end = end
	m.reset()
	if !m.upper(p.Star, t) {
		return false
	}
	m.inGroup, m.grp = false, -1
	return m.lower(p.Star, h)
}

// absentFirst reports whether a synset member starts with a word that no
// word of the sentence matches: such a member cannot match anywhere.
func absentFirst(s *sentence, mem *dict.Member) bool {
	return len(mem.Elems) > 0 && mem.Elems[0].Kind == dict.Word && !s.has(mem.Elems[0].Lit)
}

// hasAny reports whether the sentence has one of the literals.
func (s *sentence) hasAny(ids []int32) bool {
	for _, id := range ids {
		if s.has(id) {
			return true
		}
	}
	return false
}

// stemOK reports whether a pattern element may match part of a word. A
// synset reference is never stemmed: its members' first words must match
// whole words unless the member itself says otherwise later.
func stemOK(e *dict.Elem) bool { return e.Kind != dict.SynRef && e.StemOK() }
