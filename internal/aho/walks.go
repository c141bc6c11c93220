package aho

import "encoding/binary"

// walks is a filter in front of the trie's walks. A walk starts where the
// first two bytes begin an anchored word (by near); in a log nearly every
// one then stops at the third byte, having reported nothing, after taking
// most of its cost in the steps to get there. walks answers, for the
// first three bytes at a start, whether a walk from it may report a word:
// by a bit per hash of two bytes (pairHash), set when a word of one or two
// bytes starts with them, and a bit per hash of three bytes (tripleHash:
// ASCII case folded), set for the first three bytes of the longer words.
// It is a superset: a hash shared with another pair or triple only costs
// a walk. (Catalogs have few words of one or two bytes: their table is
// small, and stays in the cache.)
type walks struct {
	short   [1 << 10 / 64]uint64 // bit pairHash(b|c<<8): a word of one or two bytes starts with b, c
	triples [1 << 15 / 64]uint64 // bit tripleHash of the first three bytes of a word
}

// pairHash hashes two bytes, b | c<<8, to 10 bits.
func pairHash(x uint32) uint32 { return x * 0x9E3779B1 >> 22 }

// newWalks derives the filter of the trie t's walks from t alone (so that
// a Matcher restored from its tables can derive it again).
func newWalks(t *trie) *walks {
	w := new(walks)
	// The bytes of each class of edge.
	var bytesOf [256][]byte
	for c := range 256 {
		if k := t.class[c]; k != 0 {
			bytesOf[k] = append(bytesOf[k], byte(c))
		}
	}
	for b0 := range 256 {
		s1 := t.first[b0]
		if s1 == 0 {
			continue
		}
		n1 := &t.nodes[s1]
		if n1.outEnd > n1.out {
			// A word of one byte: any second byte.
			for b1 := range 256 {
				h := pairHash(uint32(b0 | b1<<8))
				w.short[h>>6] |= 1 << (h & 63)
			}
		}
		for s2 := n1.kids; s2 < n1.kids+n1.n; s2++ {
			n2 := &t.nodes[s2]
			for _, b1 := range bytesOf[t.label[s2]] {
				x := uint32(b0) | uint32(b1)<<8
				if n2.outEnd > n2.out {
					h := pairHash(x)
					w.short[h>>6] |= 1 << (h & 63)
				}
				for s3 := n2.kids; s3 < n2.kids+n2.n; s3++ {
					for _, b2 := range bytesOf[t.label[s3]] {
						h := tripleHash(x | uint32(b2)<<16)
						w.triples[h>>6] |= 1 << (h & 63)
					}
				}
			}
		}
	}
	return w
}

// skip returns 1 when a walk of the trie from text[p] would report no
// word, 0 when it may.
func (w *walks) skip(text []byte, p int) uint64 {
	if p+4 > len(text) {
		return 0 // near the end: no filter
	}
	x := binary.LittleEndian.Uint32(text[p:]) & (1<<24 - 1)
	h, k := tripleHash(x), pairHash(x&0xffff)
	return (w.triples[h>>6]>>(h&63)|w.short[k>>6]>>(k&63))&1 ^ 1
}

// bytes returns the memory the filter takes.
func (w *walks) bytes() int { return 8 * (len(w.short) + len(w.triples)) }
