package aho

// finish computes the tables a Matcher derives from its primary ones (the
// lengths, the trie's nodes, labels, rows and words, the free automaton,
// near and the free words' filter): the trie's first two levels (first,
// firstOut, aclass, aw, second), and the anchored words' filter (filter.go)
// with near's bits it reads (nearDerived). It is the
// last step of both NewMarked and Decode, so that a decoded Matcher is the
// one NewMarked builds; a table computed from the others belongs here, not
// in the form AppendBinary writes.
func (m *Matcher) finish() {
	m.trie.finish()
	m.filters.derive(&m.trie, &m.near)
}

// finish computes the trie's first two levels from its nodes: the node
// after each byte, whether it has words, and the table of the nodes after
// two ASCII bytes.
func (t *trie) finish() {
	t.first, t.firstOut = [256]int32{}, [256]bool{}
	for c := range 256 {
		if k := t.class[c]; k != 0 {
			t.first[c] = t.child(0, k)
			t.firstOut[c] = t.nodes[t.first[c]].outEnd > t.nodes[t.first[c]].out
		}
	}
	// aclass numbers the ASCII bytes that occur in a word (those with a
	// class, upper-case letters aside, which share their lower-case
	// letter's).
	t.aclass = [256]uint8{}
	t.aw = 1
	for c := range 128 {
		if t.class[c] != 0 && !isUpperByte(byte(c)) {
			t.aclass[c] = uint8(t.aw)
			t.aw++
		}
	}
	for c := 'A'; c <= 'Z'; c++ {
		t.aclass[c] = t.aclass[c+32]
	}
	t.second = make([]int32, t.aw*t.aw)
	for c0 := range 128 {
		k0 := int(t.aclass[c0])
		if k0 == 0 || t.first[c0] == 0 {
			continue
		}
		for c1 := range 128 {
			if k1 := int(t.aclass[c1]); k1 != 0 {
				t.second[k0*t.aw+k1] = t.child(t.first[c0], t.class[c1])
			}
		}
	}
}
