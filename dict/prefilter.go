package dict

// setAnyOf computes Pattern.AnyOf for every pattern: for each synset
// reference outside alternatives, the first literals of its members. A
// synset matches only where one of its members does, and a member only
// where its first word is in the sentence, so a pattern cannot match a
// sentence that contains none of them. The coder uses the lists to skip
// such patterns before matching (PETRARCH-1 verb blocks share hundreds of
// patterns with large synsets among all their verbs). A synset with a
// member that starts with anything but a word gives no list.
func (d *Dict) setAnyOf(verbs []*VerbEntry) {
	firsts := make([][]int32, len(d.Synsets))
	for i, s := range d.Synsets {
		seen := map[int32]bool{}
		var ids []int32
		for _, m := range s.Members {
			if len(m.Elems) == 0 || m.Elems[0].Kind != Word {
				ids = nil
				break
			}
			if id := m.Elems[0].Lit; !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
		firsts[i] = ids
	}
	done := map[*Pattern]bool{}
	for _, v := range verbs {
		for _, p := range v.Patterns {
			if done[p] {
				continue
			}
			done[p] = true
			p.AnyOf = nil
			depth := 0
			for _, e := range p.Elems {
				switch e.Kind {
				case GroupOpen:
					depth++
				case GroupClose:
					depth--
				case SynRef:
					if depth == 0 && int(e.Syn) < len(firsts) && firsts[e.Syn] != nil {
						p.AnyOf = append(p.AnyOf, firsts[e.Syn])
					}
				}
			}
		}
	}
}
