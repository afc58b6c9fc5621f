package coder

import (
	"github.com/twintrack/twintrack/dict"
)

// word is a word of the sentence being coded.
type word struct {
	text       string // upper case
	start, end int    // bytes in the original text
	lits       []dict.Match
	typ        dict.Type
	root       *dict.Root // the dictionary entry that starts here
	spanT      dict.Type  // type of the live span starting here, None if none
	spanEnd    int        // last word of that span
	compEnd    int        // last word of the live compound starting here, or -1
	commaEnd   int        // last word of the comma clause starting here, or -1
	inComma    bool
	inComp     bool
	ref        int    // resolved pronouns: the antecedent word, or fwdRef
	initCap    bool   // first capitalised word
	midCap     bool   // later capitalised word
	convCode   string // converted agents (10.6): the agent code as actor code
	hasConv    bool
	fwd        byte // pronouns resolved by forwarding: 'a' actor, 'c' compound
	litFrom    int  // the word's literals are litBuf[litFrom:litTo]
	litTo      int
}

// fwdRef marks a pronoun resolved to the actor forwarded from the previous
// sentence.
const fwdRef = -2

// sentence is the per-sentence scratch state, pooled by the Coder.
type sentence struct {
	d       *dict.Dict
	opt     *dict.Options
	w       []word
	n       int
	day     dict.Day
	raw     []rawWord
	buf     []byte
	litBuf  []dict.Match
	clauses [][2]int
	commas  [][2]int // comma clauses waiting to be blanked (<ATTRIB> only)
	fwdIn   *Forward // what the previous sentence forwards, nil if forwarding is off
	matched []int    // scratch for root matching
	best    []int
	present []uint64 // bit set of the literals some word of the sentence matches
	idx     *index
	news    bool // news mode (news.go)
}

// has reports whether some word of the sentence matches literal id.
func (s *sentence) has(id int32) bool { return s.present[id>>6]&(1<<(id&63)) != 0 }

// allPresent reports whether every literal of a root's phrase occurs in
// the sentence (a cheap test before matching).
func (s *sentence) allPresent(els []dict.Elem) bool {
	for i := range els {
		if !s.has(els[i].Lit) {
			return false
		}
	}
	return true
}

// index lists, for every literal, the roots whose phrase starts with it,
// in load order, with the literal of their second element (-1 when they
// have one element) so that most candidates are rejected without touching
// the root.
type index struct {
	cands [][]cand
	names map[*dict.Root]bool // news_place.go: the name of each bare-coded country
}

type cand struct {
	second int32
	root   *dict.Root
}

func newIndex(d *dict.Dict) *index {
	x := &index{cands: make([][]cand, len(d.Literals())), names: countryNames(d)}
	for id := range x.cands {
		rs := d.RootsStarting(int32(id))
		if len(rs) == 0 {
			continue
		}
		cs := make([]cand, len(rs))
		for i, r := range rs {
			cs[i] = cand{second: -1, root: r}
			if len(r.Elems) > 1 {
				cs[i].second = r.Elems[1].Lit
			}
		}
		x.cands[id] = cs
	}
	return x
}

// actorCode resolves the code of the actor root at a head word for the
// sentence's date; converted agents carry their agent code.
func (s *sentence) actorCode(h int) (string, bool) {
	w := &s.w[h]
	if w.hasConv {
		return w.convCode, true
	}
	if w.root == nil || w.root.Actor == nil {
		return "", false
	}
	return w.root.Actor.Resolve(s.day)
}

// toNoun turns the span starting at p into a Noun span.
func (s *sentence) toNoun(p int, from dict.Type) {
	w := &s.w[p]
	w.typ = dict.Noun
	if w.spanT != from {
		return
	}
	w.spanT = dict.Noun
	for q := p + 1; q <= w.spanEnd && q < s.n; q++ {
		if s.w[q].typ == from && s.w[q].spanT != from {
			s.w[q].typ = dict.Noun
		}
	}
}

// nouns turns verbs after determiners or capitalised mid-sentence, and
// null-coded actors, into nouns (10.5).
func (s *sentence) nouns() {
	for p := 0; p < s.n; p++ {
		w := &s.w[p]
		if w.typ == dict.Verb && p > 0 && (s.w[p-1].typ == dict.Determ || w.midCap) {
			s.toNoun(p, dict.Verb)
			continue
		}
		if w.spanT == dict.Actor {
			if c, ok := s.actorCode(p); ok && c == dict.Null {
				s.toNoun(p, dict.Actor)
			}
		}
	}
}

// isActorHead reports whether a live Actor span starts at q.
func (s *sentence) isActorHead(q int) bool { return q >= 0 && q < s.n && s.w[q].spanT == dict.Actor }

// endsSpan reports whether a live span of type t ends at q, and its head.
func (s *sentence) endsSpan(q int, t dict.Type) (int, bool) {
	for h := q; h >= 0; h-- {
		if s.w[h].spanT == t && s.w[h].spanEnd == q {
			return h, true
		}
	}
	return -1, false
}

// headLeft returns the nearest Actor head at or left of q, or -1.
func (s *sentence) headLeft(q int) int {
	for ; q >= 0; q-- {
		if s.isActorHead(q) {
			return q
		}
	}
	return -1
}

func (s *sentence) isFormer(q int) bool {
	return q >= 0 && q < s.n && s.w[q].typ == dict.Adjctv && s.w[q].text == "FORMER"
}

// convertAgents turns agents that stand alone into actors (10.6).
func (s *sentence) convertAgents() {
	for p := 0; p < s.n; p++ {
		w := &s.w[p]
		if w.typ != dict.Agent || w.spanT != dict.Agent {
			continue
		}
		t := w.spanEnd
		if p > 0 {
			prev := &s.w[p-1]
			_, ends := s.endsSpan(p-1, dict.Actor)
			if prev.typ == dict.Actor || ends || s.isFormer(p-1) {
				p = t
				continue
			}
		}
		if s.isActorHead(t+1) || t+2 < s.n && s.w[t+1].typ == dict.Prep && s.w[t+2].typ == dict.Actor {
			p = t
			continue
		}
		ac := w.root.Agent
		code := "~" + ac.Code
		if ac.Before {
			code = ac.Code + "~"
		}
		w.spanT, w.typ, w.hasConv, w.convCode = dict.Actor, dict.Actor, true, code
		p = t
	}
}

// compounds marks compound actors joined by AND or NOR (10.7).
func (s *sentence) compounds() {
	for c := 0; c < s.n; c++ {
		if s.w[c].typ != dict.Conj || (s.w[c].text != "AND" && s.w[c].text != "NOR") {
			continue
		}
		end := -1
		for j := c + 1; j < s.n; {
			t := s.w[j].typ
			if t != dict.Actor && t != dict.Determ && t != dict.Adjctv {
				break
			}
			if s.isActorHead(j) {
				end = s.w[j].spanEnd
				j = end + 1
				continue
			}
			j++
		}
		if end < 0 {
			continue
		}
		start, need := -1, false
		for j := c; j >= 0; j-- {
			t := s.w[j].typ
			if t == dict.Conj || t == dict.Comma {
				need = false
				continue
			}
			if t == dict.Determ || t == dict.Adjctv {
				continue
			}
			if t != dict.Actor || need {
				break
			}
			h := s.headLeft(j)
			if h < 0 {
				break
			}
			start, need, j = h, true, h
		}
		if start < 0 {
			continue
		}
		for q := start; q <= end; q++ {
			s.w[q].compEnd = -1
			s.w[q].inComp = true
		}
		s.w[start].compEnd = end
	}
}

// commaClauses marks and blanks comma-delimited clauses (10.8).
func (s *sentence) commaClauses() {
	o := s.opt
	for p := 0; p < s.n; {
		if e := s.w[p].compEnd; e >= 0 {
			p = e + 1
			continue
		}
		if s.w[p].typ != dict.Comma {
			p++
			continue
		}
		c1 := p
		if o.CommaBMin <= c1 && c1 <= o.CommaBMax {
			s.markComma(0, c1-1)
		}
		q := c1 + 1
		for q < s.n && s.w[q].typ != dict.Comma {
			if e := s.w[q].compEnd; e >= 0 {
				q = e + 1
			} else {
				q++
			}
		}
		if q >= s.n {
			// news.go: the speaker after an opening quote is kept
			if k := s.n - 1 - c1; o.CommaEMin <= k && k <= o.CommaEMax && !s.quoteTail(c1) {
				s.markComma(c1, s.n-1)
			}
			return
		}
		if k := q - c1 - 1; o.CommaMin <= k && k <= o.CommaMax {
			s.markComma(c1, q)
		}
		p = q + 1
	}
}

// markComma records the comma clause a..b. Its words are blanked at once,
// or, when the verbs have an <ATTRIB> section, after attribution (11.5).
func (s *sentence) markComma(a, b int) {
	if a > b || a < 0 {
		return
	}
	if !s.d.HasAttr {
		s.blank(a, b)
		return
	}
	s.commas = append(s.commas, [2]int{a, b})
	for q := a; q <= b; q++ {
		s.w[q].inComma = true
	}
	if s.w[a].commaEnd < b {
		s.w[a].commaEnd = b
	}
}

// blankDeferred blanks the comma clauses recorded by markComma.
func (s *sentence) blankDeferred() {
	for _, c := range s.commas {
		s.blank(c[0], c[1])
	}
	s.commas = s.commas[:0]
}

// blank removes the types and spans of words a..b (10.8).
func (s *sentence) blank(a, b int) {
	if a > b || a < 0 {
		return
	}
	for h := 0; h < s.n; h++ {
		w := &s.w[h]
		if w.spanT != dict.None && (h >= a && h <= b || w.spanEnd >= a && w.spanEnd <= b) {
			if h < a {
				w.typ = dict.None
			}
			w.spanT = dict.None
		}
		if w.compEnd >= 0 && (h >= a && h <= b || w.compEnd >= a && w.compEnd <= b) {
			if h < a {
				w.typ = dict.None
			}
			w.compEnd = -1
		}
	}
	for q := a; q <= b; q++ {
		s.w[q].typ = dict.None
		s.w[q].inComma = true
	}
	if s.w[a].commaEnd < b {
		s.w[a].commaEnd = b
	}
}

// conjClauses divides the sentence into clauses at conjunctions (10.9).
func (s *sentence) conjClauses() {
	s.clauses = s.clauses[:0]
	start := 0
	for p := 0; p < s.n; {
		w := &s.w[p]
		if w.compEnd >= 0 {
			p = w.compEnd + 1
			continue
		}
		if w.commaEnd >= 0 {
			p = w.commaEnd + 1
			continue
		}
		if w.typ == dict.Conj && p > 0 && p+1 < s.n {
			if s.nounLike(p - 1) { // news_clause.go: role words are nouns in news mode
				r := p + 1
				for r < s.n && s.w[r].typ == dict.Adjctv {
					r++
				}
				if r < s.n && s.nounLike(r) {
					p = r + 1
					continue
				}
			}
			if s.w[p-1].typ == dict.Adjctv && s.w[p+1].typ == dict.Adjctv {
				p += 2
				continue
			}
			s.clauses = append(s.clauses, [2]int{start, p - 1})
			start = p + 1
			p += 2
			continue
		}
		p++
	}
	s.clauses = append(s.clauses, [2]int{start, s.n - 1})
}

// pronouns resolves pronouns to earlier actors or to the forwarded actor
// (10.10).
func (s *sentence) pronouns() {
	for p := 0; p < s.n; p++ {
		w := &s.w[p]
		if w.typ != dict.Pronoun || w.root == nil {
			continue
		}
		ante := -1
		switch w.root.Text {
		case "HE", "HIM", "SHE", "HER", "IT":
			for q := 0; q < p; q++ {
				if s.w[q].typ != dict.Actor {
					continue
				}
				if e := s.w[q].compEnd; e >= 0 {
					q = e
					continue
				}
				if !s.isActorHead(q) {
					continue
				}
				ante = q
				break
			}
			if ante < 0 && s.fwdIn != nil && s.fwdIn.HasActor {
				ante, w.fwd = fwdRef, 'a'
			}
		default: // THEY, THEM, THEIR
			first := -1
			for q := 0; q < p; q++ {
				if s.w[q].typ != dict.Actor {
					continue
				}
				if s.w[q].compEnd >= 0 {
					ante = q
					break
				}
				if first < 0 {
					first = q
				}
			}
			if ante < 0 {
				ante = first
			}
			if ante < 0 && s.fwdIn != nil && (s.fwdIn.HasCompound || s.fwdIn.HasActor) {
				ante, w.fwd = fwdRef, 'c'
			}
		}
		if ante == -1 {
			continue
		}
		w.typ, w.spanT, w.spanEnd, w.ref = dict.Actor, dict.Actor, p, ante
	}
}

// parse runs stages 10.4 to 10.10.
func (s *sentence) parse() {
	s.commas = s.commas[:0]
	s.findRoots()
	s.nouns()
	if s.opt.ConvertAgents {
		s.convertAgents()
	}
	s.compounds()
	s.commaClauses()
	if s.news { // news.go: ", officials said." is dropped
		s.dropAttribution()
	}
	s.conjClauses()
	s.pronouns()
}
