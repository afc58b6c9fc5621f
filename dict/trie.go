package dict

import "sort"

// trie indexes the literals by their bytes so that all literals that a
// word begins with are found in one pass over the word. The children of
// the root are a table by first byte; every deeper edge (parent node,
// byte) is a slot of one open-addressing hash table that also holds the
// literal ending at the child, so a step costs one probe.
type trie struct {
	root [256]trieSlot
	tab  []trieSlot
	bits uint
}

// trieSlot is an edge: key is (parent<<8 | byte) + 1, 0 for an empty slot.
type trieSlot struct {
	key   uint64
	child int32 // -1 for none (root table)
	lit   int32 // literal ending at child, -1 for none
}

type trieEdge struct {
	b     byte
	child int32
}

func (t *trie) slot(key uint64) uint64 {
	return (key * 0x9E3779B97F4A7C15) >> (64 - t.bits)
}

// step returns the child of node n by byte b and the literal ending
// there; child is -1 when there is none.
func (t *trie) step(n int32, b byte) (child, lit int32) {
	key := uint64(n)<<8 | uint64(b) + 1
	mask := uint64(len(t.tab) - 1)
	for i := t.slot(key); ; i = (i + 1) & mask {
		sl := &t.tab[i]
		if sl.key == key {
			return sl.child, sl.lit
		}
		if sl.key == 0 {
			return -1, -1
		}
	}
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
	t := &trie{bits: 4}
	for 1<<t.bits < 2*nEdges {
		t.bits++
	}
	t.tab = make([]trieSlot, 1<<t.bits)
	mask := uint64(len(t.tab) - 1)
	for i := range t.root {
		t.root[i] = trieSlot{child: -1, lit: -1}
	}
	for _, e := range tmp[0].kids {
		t.root[e.b] = trieSlot{child: e.child, lit: tmp[e.child].lit}
	}
	for n := 1; n < len(tmp); n++ {
		for _, e := range tmp[n].kids {
			key := uint64(n)<<8 | uint64(e.b) + 1
			i := t.slot(key)
			for t.tab[i].key != 0 {
				i = (i + 1) & mask
			}
			t.tab[i] = trieSlot{key: key, child: e.child, lit: tmp[e.child].lit}
		}
	}
	return t
}
