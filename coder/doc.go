// Package coder is twintrack's event coder: a clean-room implementation of
// TABARI 0.8.4's shallow-parse coding algorithm (formats.md Part C) over
// dictionaries read by package dict.
//
// A sentence goes through these stages, each in its own file:
//
//	filter.go   text filtering and word splitting; every word keeps the
//	            byte span it came from in the original input
//	parse.go    dictionary phrases ("roots"), nouns from verbs, converted
//	            agents, compound actors, comma and conjunction clauses,
//	            pronouns
//	match.go    the pattern matcher (rightward and leftward, alternatives,
//	            synsets)
//	events.go   discards, complexity, time shifting, the verb loop,
//	            source/target search, compounds and final filtering
//	coder.go    the public API: Coder.Code for one sentence, Session for a
//	            sequence of TABARI records (options changing between
//	            records, pronoun forwarding), and CodeDocument for plain
//	            documents (twintrack.Coder)
//
// A Coder is safe for concurrent use: the dictionary is read-only and all
// per-sentence state lives in a scratch struct taken from a sync.Pool.
package coder
