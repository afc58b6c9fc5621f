package coder

import (
	"fmt"
	"strings"

	"github.com/twintrack/twintrack/dict"
)

// Problems (formats.md 12.10).
const (
	ProbNoText       = "Input error: no text in record"
	ProbFewWords     = "Input error: too few words in sentence"
	ProbDiscardText  = "Discard code found in text"
	ProbComplexText  = "Text failed complexity conditions"
	ProbNoEvents     = "No events found in text"
	ProbOnlyNull     = "Only null events found in text"
	ProbDiscardVerb  = "Discard code found in verb pattern"
	ProbComplexVerb  = "Complex code found in verb pattern"
	ProbNoValid      = "No valid events found in text"
	ProbComplexTime  = "Complex code in time-shift phrase"
	maxSentenceEvent = 64
)

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
}

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
		s.findTarget(st, h, cs, ce)
	}
	if !st.src.ok || !st.tgt.ok {
		s.forget(st)
		return
	}
	src, tgt := st.src, st.tgt
	if st.regSrc && st.regTgt && s.isPassive(h) {
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
		a := s.actorAt(q, true)
		if st.src.ok && a.same(&st.src) {
			continue
		}
		st.tgt, st.regTgt = a, true
		return
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
		a := s.actorAt(hh, true)
		if !st.src.ok || !a.same(&st.src) {
			st.tgt = a
			return
		}
		q = hh
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
		for q := a.where; q <= w.compEnd; q++ {
			if s.w[q].root != nil && s.w[q].typ == dict.Actor {
				buf = append(buf, s.actorAt(q, true))
			}
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
