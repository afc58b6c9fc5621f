package coder

import (
	"strings"

	"github.com/twintrack/twintrack/dict"
)

// Problems (formats.md 12.10).
const (
	ProbNoText      = "Input error: no text in record"
	ProbFewWords    = "Input error: too few words in sentence"
	ProbDiscardText = "Discard code found in text"
	ProbComplexText = "Text failed complexity conditions"
	ProbNoEvents    = "No events found in text"
	ProbOnlyNull    = "Only null events found in text"
	ProbDiscardVerb = "Discard code found in verb pattern"
	ProbComplexVerb = "Complex code found in verb pattern"
	ProbNoValid     = "No valid events found in text"
	ProbComplexTime = "Complex code in time-shift phrase"
)

// maxSentenceEvent is the number of events kept per sentence (12.6).
const maxSentenceEvent = 64

// event is an event while it is being built.
type event struct {
	src, tgt   actor
	code       string
	sub, dom   bool
	verb, tail int // verb words
	root       *dict.Root
	pat        *dict.Pattern
	seq        int
}

// state is the verb loop's state for one sentence (12.1).
type state struct {
	src, tgt       actor
	passive        bool
	regSrc, regTgt bool
	events         []event
	code           string // news mode: the code being made (news_place.go)
}

// codeVerbs runs the verb loop (12.1) and returns the raw events.
func (s *sentence) codeVerbs(st *state) {
	var m matcher
	m.s = s
	mode := s.opt.CodeMode
	for _, cl := range s.clauses {
		cs, ce := cl[0], cl[1]
		if ce-cs < 2 {
			continue
		}
		if cs > 0 && s.isActorHead(cs) {
			st.src = s.actorAt(cs, false)
		}
		st.tgt = actor{}
		for p := cs; p <= ce; p++ {
			w := &s.w[p]
			if w.commaEnd >= 0 && w.inComma {
				p = w.commaEnd
				continue
			}
			if w.spanT != dict.Verb || w.root == nil || w.root.Verb == nil {
				continue
			}
			before := len(st.events)
			s.processVerb(st, &m, p, w.spanEnd, cs, ce)
			nonSub := false
			for _, ev := range st.events[before:] {
				if !ev.sub {
					nonSub = true
				}
			}
			switch mode {
			case dict.ByClause:
				if nonSub {
					p = ce
				}
			case dict.BySentence:
				if nonSub || s.anyNonSub(st) {
					return
				}
			}
		}
	}
}

func (s *sentence) anyNonSub(st *state) bool {
	for _, ev := range st.events {
		if !ev.sub {
			return true
		}
	}
	return false
}

// processVerb tries a verb's patterns and creates its events (12.2).
func (s *sentence) processVerb(st *state, m *matcher, h, t, cs, ce int) {
	st.tgt = actor{}
	if st.passive {
		st.src, st.passive = actor{}, false
	}
	v := s.w[h].root.Verb
	mark := len(st.events)
	altLen, haveAlt, decided := 0, false, false
	for _, p := range v.Patterns {
		if haveAlt && p.Len <= altLen {
			decided = true
			break
		}
		if !m.match(p, h, t, ce) {
			continue
		}
		if m.alt > 0 {
			haveAlt = true
			if p.Len+m.alt > altLen {
				st.events = st.events[:mark]
				s.applyBindings(st, m)
				s.makeEvents(st, p.Code, h, t, cs, ce, p)
				altLen = p.Len - p.AltAllow + m.alt
			}
			continue
		}
		st.events = st.events[:mark]
		s.applyBindings(st, m)
		s.makeEvents(st, p.Code, h, t, cs, ce, p)
		decided = true
		break
	}
	if !decided {
		s.makeEvents(st, v.Code, h, t, cs, ce, nil)
	}
}

// applyBindings sets the source and target from a matched pattern.
func (s *sentence) applyBindings(st *state, m *matcher) {
	if m.src >= 0 {
		st.src = s.actorAt(m.src, true)
	}
	if m.tgt >= 0 {
		st.tgt = s.actorAt(m.tgt, true)
	}
	if m.comp >= 0 {
		a := s.actorAt(m.comp, false)
		a.where = m.comp
		st.src, st.tgt = a, a
	}
}

// makeEvents finds the source and target and creates the events for a
// code (12.4 - 12.6).
func (s *sentence) makeEvents(st *state, c dict.Code, h, t, cs, ce int, p *dict.Pattern) {
	if c.IsNull() {
		return
	}
	o := s.opt
	if !st.src.ok && s.news { // news.go: a quote's speaker, a clause without a subject
		if st.src, st.regSrc = s.newsSpeaker(h); !st.src.ok {
			st.src, st.regSrc = s.newsSubject(st, h, cs)
		}
	}
	if !st.src.ok {
		found := false
		for q := cs; q <= ce; q++ {
			if !s.isActorHead(q) {
				continue
			}
			if o.Prior && o.DefaultSource != "" && q > h {
				st.src, found = defaultActor(o.DefaultSource), true
				st.regSrc = true
				break
			}
			a := s.actorAt(q, true)
			if st.tgt.ok && a.same(&st.tgt) {
				continue
			}
			st.src, found = a, true
			st.regSrc = true
			break
		}
		if !found && o.DefaultSource != "" {
			st.src = defaultActor(o.DefaultSource)
			st.regSrc = true
		}
	}
	if !st.tgt.ok {
		st.code = c.A
		s.findTarget(st, h, cs, ce)
	}
	if !st.src.ok || !st.tgt.ok {
		s.forget(st)
		return
	}
	src, tgt := st.src, st.tgt
	if s.news && st.regSrc && s.newsVoicePassive(h) { // news.go: passives, "by" anywhere or absent
		var ok bool
		if src, tgt, ok = s.newsPassive(src, tgt, h, ce, c.A); !ok {
			st.src, st.regSrc = actor{}, false // the victim is no later verb's source
			s.forget(st)
			return
		}
	} else if st.regSrc && st.regTgt && s.isPassive(h) {
		src, tgt = tgt, src
		st.passive = true
	}
	s.create(st, src, tgt, c, h, t, p)
	s.forget(st)
}

func (s *sentence) forget(st *state) {
	if !st.regSrc {
		st.src = actor{}
	}
	if !st.regTgt {
		st.tgt = actor{}
	}
}

// findTarget searches for a regular target (12.4 step 3).
func (s *sentence) findTarget(st *state, h, cs, ce int) {
	o := s.opt
	for q := h + 1; q <= ce; q++ {
		if !s.isActorHead(q) {
			continue
		}
		if s.news && (s.newsPlace(q, h, st.code) || s.newsTitled(q)) { // news_place.go, news_title.go
			continue
		}
		if s.news { // news_place.go: "protesters ... in Kathmandu" protest against the government
			if a, ok := s.newsProtestPlace(st.src, q, h, st.code); ok {
				st.tgt, st.regTgt = a, true
				return
			}
		}
		a := s.actorAt(q, true)
		if st.src.ok && a.same(&st.src) {
			continue
		}
		st.tgt, st.regTgt = a, true
		return
	}
	if s.news { // news_lone.go: "rallied against the government"
		if a, ok := s.newsLoneTarget(st, h, ce); ok {
			st.tgt, st.regTgt = a, true
			return
		}
	}
	if o.After && o.DefaultTarget != "" {
		st.tgt, st.regTgt = defaultActor(o.DefaultTarget), true
		return
	}
	for q := h - 1; q >= cs; q-- {
		if s.w[q].typ != dict.Actor {
			continue
		}
		hh := q
		if s.w[q].ref == -1 {
			hh = s.headLeft(q)
		}
		if hh < 0 {
			break
		}
		if s.news && (s.newsPlace(hh, h, st.code) || s.newsTitled(hh) || s.newsSameCompound(hh, st.src)) { // news_place.go, news_title.go, news_compound.go
			q = hh
			continue
		}
		a := s.actorAt(hh, true)
		if !st.src.ok || !a.same(&st.src) {
			st.tgt = a
			return
		}
		q = hh
	}
	if s.news { // news_place.go: a protest with no target is against the government
		if a, ok := s.newsProtestTarget(st.src, h, st.code); ok {
			st.tgt = a
			return
		}
	}
	if st.src.ok && (strings.Contains(st.src.code, "/") || st.src.where >= 0 && s.w[st.src.where].inComp) {
		st.tgt = st.src
		return
	}
	if o.DefaultSource != "" && o.DefaultTarget != "" {
		st.tgt = defaultActor(o.DefaultTarget)
	}
}

// isPassive tests for passive voice at verb h (12.5).
func (s *sentence) isPassive(h int) bool {
	by := false
	for q := h + 1; q <= h+3 && q < s.n; q++ {
		if s.w[q].typ == dict.By {
			by = true
		}
	}
	if !by {
		return false
	}
	for q := h - 1; q >= h-2 && q >= 0; q-- {
		if s.w[q].typ == dict.Auxil {
			return true
		}
	}
	return false
}

// members lists the actors an end of an event stands for (12.6).
func (s *sentence) members(a actor, buf []actor) []actor {
	if a.def || a.where < 0 {
		return append(buf, a)
	}
	w := &s.w[a.where]
	if w.inComp && w.compEnd >= 0 {
		from := len(buf)
		for q := a.where; q <= w.compEnd; q++ {
			if s.w[q].root != nil && s.w[q].typ == dict.Actor {
				buf = append(buf, s.actorAt(q, true))
			}
		}
		if s.news { // news.go: "Thai and Cambodian troops"
			s.shareAgent(buf[from:])
		}
		return buf
	}
	return append(buf, s.actorAt(a.where, true))
}

// create makes the events for a source/target pair, expanding syntactic
// compounds (12.6).
func (s *sentence) create(st *state, src, tgt actor, c dict.Code, h, t int, p *dict.Pattern) {
	add := func(a, b actor) {
		if len(st.events) >= maxSentenceEvent {
			return
		}
		st.events = append(st.events, event{src: a, tgt: b, code: c.A, sub: c.ASub, dom: c.ADom, verb: h, tail: t, root: s.w[h].root, pat: p})
		if c.Paired && len(st.events) < maxSentenceEvent {
			st.events = append(st.events, event{src: b, tgt: a, code: c.B, sub: c.BSub, dom: c.BDom, verb: h, tail: t, root: s.w[h].root, pat: p})
		}
	}
	inComp := func(a actor) bool { return !a.def && a.where >= 0 && s.w[a.where].inComp }
	if !inComp(src) && !inComp(tgt) {
		add(src, tgt)
		return
	}
	var sb, tb [8]actor
	for _, a := range s.members(src, sb[:0]) {
		for _, b := range s.members(tgt, tb[:0]) {
			add(a, b)
		}
	}
}
