// Package twintrack holds the domain types shared by every stage of the
// twintrack pipeline: documents, sentences, spans and coded events.
//
// twintrack reads news text, codes "who did what to whom, when" in the CAMEO
// ontology (with PLOVER types), stores the events and measures relations
// between actors over time. The stages live in their own packages (text,
// dict, coder, store adapters, analysis); this package depends only on the
// standard library so that all of them can share these types.
//
// Every span is a pair of byte offsets [Start, End) into the original,
// unmodified document text: doc.Text[s.Start:s.End] is the text the span
// stands for.
package twintrack
