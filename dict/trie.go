package dict

import "sort"

// trie indexes the literals by their bytes so that all literals that a
// word begins with are found in one pass over the word. The root's
// children are a direct table by first byte; deeper nodes keep their
// children as sorted edge lists.
type trie struct {
	root  [256]int32 // child of the root by byte, -1 when none
	nodes []trieNode
	edges []trieEdge
}

type trieNode struct {
	lit          int32 // literal ending here, -1 when none
	first, count int32 // children: edges[first : first+count]
}

type trieEdge struct {
	b     byte
	child int32
}

// buildTrie indexes lits. Literals are inserted in sorted order, so every
// node's children are created in increasing byte order and an existing
// child can only be the last one created.
func buildTrie(lits []string) *trie {
	order := make([]int32, len(lits))
	for i := range order {
		order[i] = int32(i)
	}
	sort.Slice(order, func(i, j int) bool { return lits[order[i]] < lits[order[j]] })
	type tmpNode struct {
		lit  int32
		kids []trieEdge
	}
	tmp := []tmpNode{{lit: -1}}
	nEdges := 0
	for _, id := range order {
		s := lits[id]
		n := int32(0)
		for i := 0; i < len(s); i++ {
			k := tmp[n].kids
			if len(k) > 0 && k[len(k)-1].b == s[i] {
				n = k[len(k)-1].child
				continue
			}
			c := int32(len(tmp))
			tmp = append(tmp, tmpNode{lit: -1})
			tmp[n].kids = append(tmp[n].kids, trieEdge{b: s[i], child: c})
			nEdges++
			n = c
		}
		tmp[n].lit = id
	}
	t := &trie{nodes: make([]trieNode, len(tmp)), edges: make([]trieEdge, 0, nEdges)}
	for i := range t.root {
		t.root[i] = -1
	}
	for _, e := range tmp[0].kids {
		t.root[e.b] = e.child
	}
	for i, tn := range tmp {
		t.nodes[i] = trieNode{lit: tn.lit, first: int32(len(t.edges)), count: int32(len(tn.kids))}
		t.edges = append(t.edges, tn.kids...)
	}
	return t
}

// child returns the child of node n by byte b, or -1.
func (t *trie) child(n int32, b byte) int32 {
	nd := &t.nodes[n]
	es := t.edges[nd.first : nd.first+nd.count]
	if len(es) <= 8 {
		for i := range es {
			if es[i].b == b {
				return es[i].child
			}
			if es[i].b > b {
				return -1
			}
		}
		return -1
	}
	lo, hi := 0, len(es)
	for lo < hi {
		m := (lo + hi) / 2
		if es[m].b < b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(es) && es[lo].b == b {
		return es[lo].child
	}
	return -1
}
