package dict

// Layering: several dictionary sets loaded at once (Load with several
// paths, the repeatable --dict flag) form layers, one per path, in the
// order given. The rule is:
//
//   - Inside one layer the first entry of a phrase wins, as in TABARI
//     (formats.md 5.6); a later duplicate is dropped with a warning. In a
//     PETRARCH actors file a repeated phrase instead accumulates codes.
//   - An entry of a later layer whose phrase (elements and connectors)
//     equals an earlier layer's replaces that entry entirely: its type,
//     codes, and for a verb its code and patterns. It keeps the earlier
//     entry's place in load order, so ties between entries of equal
//     length are broken as before.
//   - A synset redefined in a later layer PETRARCH verbs file replaces the
//     earlier members.
//   - Options files apply in layer order, so later settings win. A set
//     that includes PETRARCH-format files but no options file has no
//     minimum sentence length (PETRARCH has none; TABARI's default is 8).
//   - Everything else (new phrases, discards, issues, transformations) is
//     added.
//
// So "--dict phoenix-dir --dict my.actors" codes with the Phoenix set,
// except that every phrase written in my.actors takes my.actors' codes.
// Note that a TABARI phrase and a PETRARCH phrase are the same only when
// their connectors agree: PETRARCH phrases are whole words ("UNITED_STATES"
// is read as "UNITED_STATES_"), so an override of a Phoenix entry should be
// written with a trailing "_" in a TABARI file, or in a PETRARCH file.

// replaceRoot puts r in old's place in load order.
func (l *loader) replaceRoot(old, r *Root) {
	r.Order = old.Order
	l.d.Roots[old.Order] = r
}
