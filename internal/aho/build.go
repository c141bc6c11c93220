package aho

import (
	"bytes"
	"slices"
)

// byteClasses numbers the bytes that occur in the words words[i] for i in
// which: each such byte gets its own class, from 1, in byte order (so the
// ASCII classes come first), and an upper-case ASCII letter shares its
// lower-case letter's class; every other byte is class 0. It returns the
// classes, which bytes occur, and the number of classes (0 included).
// Words are matchable (no upper-case ASCII letter), so at most 230 bytes
// occur and every class fits a byte.
func byteClasses(words [][]byte, which []int32) (class [256]uint8, used [256]bool, n int) {
	for _, wi := range which {
		for _, c := range words[wi] {
			used[c] = true
		}
	}
	n = 1
	for c := range 256 {
		if used[c] {
			class[c] = uint8(n)
			n++
		}
	}
	for c := 'A'; c <= 'Z'; c++ {
		class[c] = class[c+32]
	}
	return class, used, n
}

// listTrie is the trie of a set of words as first built, before the trie
// and the automaton lay it out for their searches: node 0 is the root,
// and each node's children form a list, in order of class.
type listTrie struct {
	firstKid []int32 // first child of each node, 0 for none
	sibling  []int32 // next child of the same parent, 0 for none
	label    []uint8 // class of the edge into each node
	// The words that end at node k are own[ownFrom[k]:ownFrom[k+1]], in
	// order of word index.
	ownFrom []int32
	own     []int32
}

// nodes returns the number of nodes, the root included.
func (lt *listTrie) nodes() int { return len(lt.firstKid) }

// words returns the words that end at node k.
func (lt *listTrie) words(k int32) []int32 { return lt.own[lt.ownFrom[k]:lt.ownFrom[k+1]] }

// newListTrie builds the trie of the words words[i] for i in which (all
// matchable, not empty), with edges labelled by class. The words are
// inserted in sorted order, so that a word shares the nodes of its common
// prefix with the word before it and adds one node per byte after that:
// the nodes are counted first, and no map or search is needed.
func newListTrie(words [][]byte, which []int32, class *[256]uint8) listTrie {
	sorted := slices.Clone(which)
	slices.SortFunc(sorted, func(x, y int32) int {
		if c := bytes.Compare(words[x], words[y]); c != 0 {
			return c
		}
		return int(x - y)
	})
	count, maxLen := 1, 0
	var prev []byte
	for _, wi := range sorted {
		wd := words[wi]
		count += len(wd) - commonPrefix(prev, wd)
		maxLen = max(maxLen, len(wd))
		prev = wd
	}
	lt := listTrie{
		firstKid: make([]int32, count),
		sibling:  make([]int32, count),
		label:    make([]uint8, count),
		ownFrom:  make([]int32, count+1),
		own:      make([]int32, len(sorted)),
	}
	lastKid := make([]int32, count)
	path := make([]int32, maxLen+1) // path[d]: the node at depth d of the current word
	ends := make([]int32, len(sorted))
	created := int32(1)
	prev = nil
	for i, wi := range sorted {
		wd := words[wi]
		for d := commonPrefix(prev, wd); d < len(wd); d++ {
			at := path[d]
			lt.label[created] = class[wd[d]]
			if lt.firstKid[at] == 0 {
				lt.firstKid[at] = created
			} else {
				lt.sibling[lastKid[at]] = created
			}
			lastKid[at] = created
			path[d+1] = created
			created++
		}
		ends[i] = path[len(wd)]
		lt.ownFrom[ends[i]+1]++
		prev = wd
	}
	for k := 1; k <= count; k++ {
		lt.ownFrom[k] += lt.ownFrom[k-1]
	}
	fill := slices.Clone(lt.ownFrom)
	for i, wi := range sorted {
		lt.own[fill[ends[i]]] = wi
		fill[ends[i]]++
	}
	return lt
}

// commonPrefix returns the length of the common prefix of a and b.
func commonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}
