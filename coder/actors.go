package coder

import (
	"strings"

	"github.com/twintrack/twintrack/dict"
)

// actor is a source or target candidate.
type actor struct {
	ok        bool
	code      string
	agent     string // agent code, "" when none
	agentPre  bool   // agent goes before the actor code ("XYZ~")
	where     int    // the actor's own word (after following pronouns), -1 for defaults
	at        int    // the word where it was found (agent lookup, provenance)
	def       bool
	root      *dict.Root // actor entry (for explanations)
	agentRoot *dict.Root
	agentFrom int // words of the agent, for the actor's text span
	agentTo   int
}

func (a *actor) same(b *actor) bool {
	return a.code == b.code && a.agent == b.agent && a.agentPre == b.agentPre
}

// Forward is what a sentence hands to the next one for pronoun forwarding
// (formats.md 10.10).
type Forward struct {
	HasActor    bool
	Actor       string
	HasCompound bool
	Compound    string
}

// forward computes what this sentence forwards.
func (s *sentence) forward() Forward {
	var f Forward
	for q := 0; q < s.n; q++ {
		w := &s.w[q]
		if w.spanT != dict.Actor || w.ref != -1 {
			continue
		}
		code, _ := s.actorCode(q)
		if e := w.compEnd; e >= 0 {
			f.HasCompound, f.Compound = true, code
			last := s.headLeft(e)
			if last >= 0 && s.w[last].spanEnd == last {
				f.Actor, _ = s.actorCode(last)
				f.HasActor = true
			}
			return f
		}
		f.HasActor, f.Actor = true, code
		f.HasCompound, f.Compound = true, code
		return f
	}
	return f
}

// actorAt builds the actor found at word q: codes follow pronoun
// references; with agents set, the agent is looked up next to q.
func (s *sentence) actorAt(q int, agents bool) actor {
	r := s.resolveRef(q)
	a := actor{at: q}
	if s.w[r].ref == fwdRef {
		a.where = r
		if s.w[r].fwd == 'c' {
			a.code = s.fwdIn.Compound
		} else {
			a.code = s.fwdIn.Actor
		}
		a.ok = true
	} else {
		h := s.headLeft(r)
		if h < 0 {
			return actor{}
		}
		a.where, a.root = h, s.w[h].root
		a.code, _ = s.actorCode(h)
		a.ok = true
	}
	if agents {
		s.lookupAgent(&a, q)
	}
	return a
}

// agentStart returns the root of the live agent span starting at q.
func (s *sentence) agentStart(q int) *dict.Root {
	if q >= 0 && q < s.n && s.w[q].spanT == dict.Agent {
		return s.w[q].root
	}
	return nil
}

// lookupAgent attaches the agent next to the actor at word q (7.2).
func (s *sentence) lookupAgent(a *actor, q int) {
	end := q
	if s.w[q].spanT == dict.Actor && s.w[q].spanEnd > q {
		end = s.w[q].spanEnd
	}
	former := false
	next := end + 1
	if s.isFormer(next) {
		former = true
		next++
	} else if s.isFormer(q - 1) {
		former = true
	}
	ag := s.agentStart(next)
	from, to := next, next
	if ag != nil {
		to = s.w[next].spanEnd
	} else {
		b := q - 1
		if b >= 0 && s.w[b].typ == dict.Prep {
			b--
		}
		if b >= 0 {
			if h, ok := s.endsSpan(b, dict.Agent); ok {
				ag = s.w[h].root
				from, to = h, b
				if s.isFormer(h - 1) {
					former = true
				}
			}
		}
	}
	if ag == nil {
		return
	}
	a.agentRoot, a.agentFrom, a.agentTo = ag, from, to
	a.agent, a.agentPre = ag.Agent.Code, ag.Agent.Before
	if former {
		a.agent, a.agentPre = "ELI", false
	}
}

// defaultActor returns a configured default actor.
func defaultActor(code string) actor {
	return actor{ok: true, code: code, where: -1, at: -1, def: true}
}

// compose writes an actor code with its agent (7.2): the agent code is
// added unless it already occurs in the actor code at a position that is a
// multiple of three.
func compose(code, agent string, before bool) string {
	if agent == "" {
		return code
	}
	if i := strings.Index(code, agent); i >= 0 && i%3 == 0 {
		return code
	}
	if before {
		return agent + code
	}
	return code + agent
}
