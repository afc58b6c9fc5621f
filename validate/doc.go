// Package validate runs validation suites against the coder and judges
// each record the way the original program did.
//
// The TABARI suite (formats.md Part D) is a .project file naming the
// dictionaries, the options and a text file of records whose /* ... */
// comments state the expected events in {SOURCE / TARGET / CODE} blocks,
// or {---} (no events), {###} (discarded), {+++} (too complex), -{...}
// (stop checking) and {OPTION: ...} (change an option for the following
// records). Judging is sequential and order-sensitive, exactly as in
// TABARI (13.4).
//
// The PETRARCH-1 suite (formats.md 14, petrarch.go) is an XML file of
// <Sentence> records with <EventCoding> expectations, judged as multisets
// of (source, target, code) triples, with expected errors and <Config>
// option changes between records.
//
// A suite is anything that implements Suite; Open picks the implementation
// from the file name (.project or .xml).
package validate
