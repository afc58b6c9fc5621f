package coder

import "github.com/twintrack/twintrack/dict"

// Words, literal lists and dictionary phrases (formats.md 10.3, 10.4).

// litIn returns whether literal id is in the word's list and whether it
// matched exactly.
func (w *word) litIn(id int32) (found, exact bool) {
	for _, m := range w.lits {
		if m.Lit == id {
			return true, m.Exact
		}
	}
	return false, false
}

// prepare filters the text and builds the word array (10.2, 10.3). It
// returns a problem text when the sentence cannot be coded.
func (s *sentence) prepare(text string, unicode bool) string {
	var allCaps bool
	var all string
	s.raw, s.buf, all, allCaps = filterWords(text, s.opt.FBIS, unicode, s.raw[:0], s.buf[:0])
	if len(s.raw) == 0 {
		s.n = 0
		return "Input error: no text in record"
	}
	n := len(s.raw)
	if n < s.opt.MinWords {
		s.n = 0
		return "Input error: too few words in sentence"
	}
	if n > maxWords {
		n = maxWords
	}
	// Upper-case all words at once; word texts are substrings.
	up := upper(all)
	if cap(s.w) < n {
		s.w = make([]word, n)
	}
	s.w = s.w[:n]
	s.n = n
	s.litBuf = s.litBuf[:0]
	seenCap := false
	for i := range s.w {
		r := &s.raw[i]
		w := &s.w[i]
		*w = word{start: r.start, end: r.end, spanEnd: -1, compEnd: -1, commaEnd: -1, ref: -1}
		if !allCaps && isUpper(r.text[0]) {
			if seenCap {
				w.midCap = true
			} else {
				w.initCap, seenCap = true, true
			}
		}
		w.text = up[r.b0:r.b1]
		if w.text == "," {
			w.typ = dict.Comma
			continue
		}
		from := len(s.litBuf)
		s.litBuf = s.d.MatchWord(s.litBuf, w.text)
		w.litFrom, w.litTo = from, len(s.litBuf)
		if len(s.litBuf) == from && isDigit(w.text[0]) {
			w.typ = dict.Number
		}
	}
	// Slices into litBuf are taken after it stopped growing.
	if nw := (len(s.d.Literals()) + 63) / 64; len(s.present) != nw {
		s.present = make([]uint64, nw)
	} else {
		clear(s.present)
	}
	for i := range s.w {
		w := &s.w[i]
		w.lits = s.litBuf[w.litFrom:w.litTo:w.litTo]
		for _, m := range w.lits {
			s.present[m.Lit>>6] |= 1 << (m.Lit & 63)
		}
	}
	return ""
}

// upper upper-cases ASCII letters; other bytes are kept, so lengths and
// offsets are unchanged.
func upper(s string) string {
	for i := 0; i < len(s); i++ {
		if isLower(s[i]) {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if isLower(b[j]) {
					b[j] -= 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// endingOK reports whether rest is a regular ending allowed after literal
// lit for an entry of type t (formats.md 5.4).
func endingOK(t dict.Type, lit, rest string) bool {
	switch t {
	case dict.Actor, dict.Agent, dict.Noun:
		return rest == "S" || rest == "'S" || rest == "ES"
	case dict.Verb:
		switch rest {
		case "S", "ED", "ES", "EN", "ING":
			return true
		case "D":
			return lit != "" && lit[len(lit)-1] == 'E'
		}
	}
	return false
}

// matchRoot matches root r at word p (formats.md 10.4) and returns its
// score and last matched word, or -1 when it does not match. The matched
// word positions are left in s.matched.
func (s *sentence) matchRoot(r *dict.Root, p int) (score, last int) {
	s.matched = s.matched[:0]
	q, gap := p, false
	els := r.Elems
	for i := range els {
		e := &els[i]
		var exact bool
		for {
			if q >= s.n || s.w[q].typ == dict.Comma {
				return 0, -1
			}
			found, ex := s.w[q].litIn(e.Lit)
			if found {
				exact = ex
				break
			}
			if !gap {
				return 0, -1
			}
			q++
		}
		lit := s.d.Literal(e.Lit)
		score += len(lit)
		s.matched = append(s.matched, q)
		if !exact && !e.RootStemOK() {
			if e.Conn == dict.NoEnd || i != len(els)-1 {
				return 0, -1
			}
			rest := s.w[q].text[len(lit):]
			if !endingOK(r.Type, lit, rest) {
				return 0, -1
			}
			return score + len(rest), q
		}
		gap = e.RootGapAfter()
		q++
	}
	return score, q - 1
}

// findRoots assigns dictionary entries to words (10.4).
func (s *sentence) findRoots() {
	for p := 0; p < s.n; p++ {
		w := &s.w[p]
		if len(w.lits) == 0 || w.typ != dict.None {
			continue
		}
		var best *dict.Root
		bestScore, bestLast := -1, -1
		for _, m := range w.lits {
			for _, cd := range s.idx.cands[m.Lit] {
				if cd.second >= 0 && !s.has(cd.second) {
					continue
				}
				r := cd.root
				if len(r.Elems) > 2 && !s.allPresent(r.Elems[2:]) {
					continue
				}
				sc, last := s.matchRoot(r, p)
				if last >= 0 && (sc > bestScore || s.news && sc == bestScore && s.newsWholeWins(r, best, sc)) { // news_roots.go
					best, bestScore, bestLast = r, sc, last
					s.best = append(s.best[:0], s.matched...)
				}
			}
		}
		if best == nil {
			continue
		}
		w.root = best
		for _, q := range s.best {
			s.w[q].typ = best.Type
		}
		w.spanT, w.spanEnd = best.Type, bestLast
	}
}
