// Package coder is twintrack's event coder: a clean-room implementation of
// TABARI 0.8.4's shallow-parse coding algorithm (formats.md Part C) over
// dictionaries read by package dict.
//
// A sentence goes through these stages, each in its own file:
//
//	filter.go   text filtering and word splitting; every word keeps the
//	            byte span it came from in the original input
//	roots.go    words, literal lists and dictionary phrases ("roots")
//	parse.go    nouns from verbs, converted agents, compound actors,
//	            comma and conjunction clauses, pronouns
//	match.go    the pattern matcher (rightward and leftward, alternatives,
//	            synsets)
//	checks.go   discards, complexity, time shifting
//	events.go   the verb loop, source/target search, syntactic compounds
//	actors.go   agents attached to actors, forwarding, code composition
//	final.go    subordinate/dominant codes, coded compounds, final filtering
//	trace.go    a dump of a sentence's parse, for debugging dictionaries
//	news.go     news mode: fixes for news text where TABARI loses or
//	            misreads events (quotes, passives, attributions, clauses
//	            without a subject, self-pairs), selected by Input.Mode;
//	            Compat (TABARI exactly) for Sessions, validation and
//	            --dict runs, News for CodeDocument with the built-in
//	            dictionaries
//	coder.go    the public API: Coder.Code for one sentence, Session for a
//	            sequence of TABARI records (options changing between
//	            records, pronoun forwarding), and CodeDocument for plain
//	            documents (twintrack.Coder)
//
// A Coder is safe for concurrent use: the dictionary is read-only and all
// per-sentence state lives in a scratch struct taken from a sync.Pool.
package coder
