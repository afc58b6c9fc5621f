package coder

// News mode: where TABARI's 1990s design loses events in news text, news
// mode improves on it. The behaviour is opt-in per sentence through
// Input.Mode:
//
//   - Compat (the zero value) reproduces TABARI 0.8.4. Session (TABARI
//     records, validation suites, .project runs and the code command on
//     TABARI input) always codes in Compat mode, so the validation floor
//     keeps measuring compatibility.
//   - News is the default of CodeDocument (Coder.DocumentMode), which the
//     ingest pipeline and plain-text coding use with the built-in
//     dictionaries. Set Coder.DocumentMode = Compat to code documents as
//     TABARI would.
//
// Every news-mode change is a pass over the raw events of the verb loop,
// before subordinate/dominant filtering (final.go); each is described at
// its function.

// Mode selects how closely the coder follows TABARI.
type Mode uint8

const (
	// Compat codes exactly as TABARI 0.8.4 does.
	Compat Mode = iota
	// News adds the news-text fixes of news.go.
	News
)

// String returns "compat" or "news".
func (m Mode) String() string {
	if m == News {
		return "news"
	}
	return "compat"
}

// newsEvents applies the news-mode passes to the raw events.
func (s *sentence) newsEvents(evs []event) []event {
	return dropSelfPairs(evs)
}

// dropSelfPairs removes events whose source and target are the same actor
// once composed. TABARI compares the actor and agent codes separately, so
// "Houthi rebels" reached once as the actor HOUTHI (code YEMREB) and once
// as YEMEN with the agent REBELS gave the event YEMREB YEMREB; an actor
// does not act on itself.
func dropSelfPairs(evs []event) []event {
	kept := evs[:0]
	for _, e := range evs {
		if e.code != "" && compose(e.src.code, e.src.agent, e.src.agentPre) == compose(e.tgt.code, e.tgt.agent, e.tgt.agentPre) {
			continue
		}
		kept = append(kept, e)
	}
	return kept
}
