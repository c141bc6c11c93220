package aho

import (
	"math/bits"
)

// trie holds the anchored words (see the package doc), searched by a walk
// from its root at each offset where one may start, without failure links.
type trie struct {
	// class maps a byte to the class of its edges: each byte that occurs
	// in a word has its own (upper-case ASCII letters share their
	// lower-case letter's); every other byte is class 0, which labels no
	// edge.
	class [256]uint8
	// first is the node the root's edge on a byte leads to, 0 for none;
	// firstOut says that node has words.
	first    [256]int32
	firstOut [256]bool
	// second is the node at the end of two ASCII bytes of classes k0, k1
	// (in aclass, which numbers ASCII classes only: 0 is another byte) at
	// k0*aw+k1: the nodes nearly every walk passes, in one small table.
	aclass [256]uint8
	aw     int
	second []int32
	// Nodes are numbered breadth first, so the children of a node are
	// consecutive.
	nodes []node
	label []uint8 // class of the edge into each node
	// dense holds a row of classes per node with more than thinKids
	// children on classes of 64 or more: the child on each class, 0 for
	// none.
	dense []int32
	width int32 // classes, the length of a dense row
	outs  []int32
}

// node is a trie node. Its children are nodes kids..kids+n-1, in order of
// class: bit k of low is set for a child on class k < 64 (the ASCII
// classes of most word sets), which is kids plus the number of lower bits
// set; a child on a class of 64 or more is found in the node's row in dense
// (from row, when it has more than thinKids such children) or among the
// children after those. The words that end at the node are
// outs[out:outEnd].
type node struct {
	low                       uint64
	kids, n, row, out, outEnd int32
}

// thinKids is the most children a node looks through one by one; a node
// with more has a dense row.
const thinKids = 4

// newTrie builds the trie of the words words[i] for i in which (all
// matchable, not empty), without the tables of its first two levels
// (finish computes them).
func newTrie(words [][]byte, which []int32) trie {
	var t trie
	class, _, n := byteClasses(words, which)
	t.class = class
	t.width = int32(n)

	// The trie with children as lists, renumbered breadth first.
	lt := newListTrie(words, which, &t.class)
	count := lt.nodes()
	t.nodes = make([]node, count)
	t.label = make([]uint8, count)
	t.outs = make([]int32, 0, len(lt.own))
	queue := make([]int32, 1, count) // old numbers, in new order
	for q := 0; q < len(queue); q++ {
		s := queue[q]
		nd := &t.nodes[q]
		nd.kids, nd.row = int32(len(queue)), -1
		for c := lt.firstKid[s]; c != 0; c = lt.sibling[c] {
			t.label[len(queue)] = lt.label[c]
			queue = append(queue, c)
		}
		nd.n = int32(len(queue)) - nd.kids
		high := 0
		for k := nd.kids; k < nd.kids+nd.n; k++ {
			if l := t.label[k]; l < 64 {
				nd.low |= 1 << l
			} else {
				high++
			}
		}
		if high > thinKids {
			nd.row = int32(len(t.dense))
			t.dense = append(t.dense, make([]int32, t.width)...)
			for k := nd.kids; k < nd.kids+nd.n; k++ {
				t.dense[nd.row+int32(t.label[k])] = k
			}
		}
		nd.out = int32(len(t.outs))
		t.outs = append(t.outs, lt.words(s)...)
		nd.outEnd = int32(len(t.outs))
	}
	return t
}

// child returns the child of node s on class k, 0 for none.
func (t *trie) child(s int32, k uint8) int32 {
	nd := &t.nodes[s]
	if k < 64 {
		if nd.low>>k&1 == 0 {
			return 0
		}
		return nd.kids + int32(bits.OnesCount64(nd.low&(1<<k-1)))
	}
	if nd.row >= 0 {
		return t.dense[nd.row+int32(k)]
	}
	for c := nd.kids + int32(bits.OnesCount64(nd.low)); c < nd.kids+nd.n; c++ {
		if t.label[c] == k {
			return c
		}
	}
	return 0
}

// bytes returns the memory the tables take.
func (t *trie) bytes() int {
	return 32*len(t.nodes) + len(t.label) + 4*(len(t.dense)+len(t.outs)+len(t.second)) + 256*7
}

// walk reports the words that start at text[p].
func (t *trie) walk(text []byte, p int, fn func(word, start, end int)) {
	c := text[p]
	s, j := t.first[c], p+1
	if j < len(text) {
		if k0, k1 := int(t.aclass[c]), int(t.aclass[text[j]]); k0 != 0 && k1 != 0 {
			if t.firstOut[c] {
				nd := &t.nodes[s]
				for _, w := range t.outs[nd.out:nd.outEnd] {
					fn(int(w), p, j)
				}
			}
			s = t.second[k0*t.aw+k1]
			j++
		}
	}
	nodes := t.nodes
	for ; s != 0; j++ {
		nd := &nodes[s]
		if nd.outEnd != nd.out {
			for _, w := range t.outs[nd.out:nd.outEnd] {
				fn(int(w), p, j)
			}
		}
		if j == len(text) {
			return
		}
		if k := t.class[text[j]]; k < 64 {
			if nd.low>>k&1 == 0 {
				return
			}
			s = nd.kids + int32(bits.OnesCount64(nd.low&(1<<k-1)))
		} else {
			s = t.child(s, k)
		}
	}
}
