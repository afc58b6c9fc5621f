// Package modality decides whether a coded event is negated ("Japan did not
// send aid"), hypothetical ("Japan may send aid") or future ("Japan will send
// aid"), so that such events can be kept out of counts of things that
// happened.
//
// It looks only at the words that govern the coded verb: starting at the
// verb, it scans left through the verb's auxiliaries, adverbs and governing
// verbs ("has not yet formally agreed to send"), and stops at the first word
// that cannot belong to that chain (usually the subject) or at a clause
// boundary. So in "The minister, who did not attend, said Japan will send
// aid" the verb "send" is future, not negated, and the verb "said" is
// neither. The words of the event's source and target, and light verbs
// ("receive", "make", "pay", "hold", "give"), may stand in the chain, so
// that "did not receive any Japanese aid" negates the noun-event "aid".
// Separately, a conditional makes the verb hypothetical: "if", "unless",
// "whether" or "lest" earlier in the verb's own clause, or "unless" or
// "if" later in it ("ready to negotiate with Europe if the sanctions were
// eased") — but not the "if" of an indirect question ("asked Abe if"),
// nor one after a verb of saying or threatening, whose condition is part of
// what was said ("threatened to fight American troops if they invaded").
// "tried to" and "attempted to" are not cues: CAMEO codes attempts as events
// (185, attempt to assassinate).
//
// Cues and their meaning:
//
//   - negation: not, n't, never, cannot, no longer, has yet to; governing
//     verbs whose complement did not happen: refrained/abstained from,
//     declined to, refused to, failed to, stopped short of, ruled out,
//     denied (meeting), avoided, cancelled, called off, postponed, unable
//     to. Several of these are CAMEO events of their own — "refused" and
//     "rejected" are 12x (reject), "denied" is 014/0xx in some dictionaries.
//     That is consistent: when the coder codes the refusal itself, the verb
//     is "refused" and nothing governs it; when it codes the complement
//     ("meet" in "refused to meet"), the meeting did not happen and is
//     flagged negated. "not only" is not a negation.
//   - future: will, shall, 'll, won't, is/are/was to, is set to, is due to,
//     is going to, is about to, plans/intends/expects/is expected/is
//     scheduled/is preparing to, promised/pledged/vowed/agreed to, upcoming,
//     planned.
//   - hypothetical: may, might, could, would, should, must, can, has to,
//     ought to; hopes/wants/wishes/seeks to; offered/proposed/threatened
//     to; considering, weighing, mulling; possible, possibly,
//     potential, proposed, likely, unlikely, perhaps, maybe, probably; and
//     if/unless/whether in the verb's clause. A threat is an event in its
//     own right (CAMEO 13): "threatened" as the coded verb is not flagged;
//     only what was threatened ("impose" in "threatened to impose
//     sanctions") is hypothetical.
//
// When cues of both kinds govern a verb, hypothetical wins over future ("may
// plan to visit"). Negation is independent of modality: "will not visit" is
// negated and future. Two negations do not cancel: an event under any
// negation is flagged, which errs towards leaving an event out.
//
// The source and target spans of the event are not needed: the chain scan
// stops at the subject by construction, and a conditional comes before the
// subject ("if Japan sends aid").
package modality
