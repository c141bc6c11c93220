package aho

import (
	"encoding/binary"
	"math/bits"
)

// walks is a filter in front of the trie's walks. A walk starts where the
// first two bytes begin an anchored word (by near); in a log nearly every
// one then stops at the third or fourth byte, having reported nothing,
// after taking most of its cost in the steps to get there. walks answers,
// for the first four bytes at a start, whether a walk from it may report
// a word: by a bit per hash of two bytes (pairHash), set when a word of one
// or two bytes starts with them, a bit per hash of three bytes
// (tripleHash), set for the words of three bytes, and a bit per hash of
// four bytes (quadHash), set for the first four bytes of the longer words
// (the last two hashes fold ASCII case). It is a superset: a hash shared
// with another pair, triple or quad only costs a walk. (Catalogs have few
// words of one or two bytes: their table is small, and stays in the
// cache.)
type walks struct {
	short [1 << 10 / 64]uint64 // bit pairHash(b|c<<8): a word of one or two bytes starts with b, c
	three [1 << 15 / 64]uint64 // bit tripleHash of a word of three bytes
	quads [1 << 15 / 64]uint64 // bit quadHash of the first four bytes of a longer word
}

// pairHash hashes two bytes, b | c<<8, to 10 bits.
func pairHash(x uint32) uint32 { return x * 0x9E3779B1 >> 22 }

// quadHash hashes four bytes, b0 | b1<<8 | b2<<16 | b3<<24, to 15 bits,
// with bit 5 of each set: the same for both cases of an ASCII letter.
func quadHash(x uint32) uint32 { return (x | 0x20202020) * 0x9E3779B1 >> 17 }

// newWalks derives the filter of the trie t's walks from t alone (so that
// a Matcher restored from its tables can derive it again).
func newWalks(t *trie) *walks {
	w := new(walks)
	// The bytes of each class of edge, and one of them (the hashes of
	// three and four bytes are the same for each).
	var bytesOf [256][]byte
	var one [256]uint32
	for c := 255; c >= 0; c-- {
		if k := t.class[c]; k != 0 {
			bytesOf[k] = append(bytesOf[k], byte(c))
			one[k] = uint32(c)
		}
	}
	set := func(m []uint64, h uint32) { m[h>>6] |= 1 << (h & 63) }
	for b0 := range 256 {
		s1 := t.first[b0]
		if s1 == 0 {
			continue
		}
		n1 := &t.nodes[s1]
		if n1.outEnd > n1.out {
			// A word of one byte: any second byte.
			for b1 := range 256 {
				set(w.short[:], pairHash(uint32(b0|b1<<8)))
			}
		}
		for s2 := n1.kids; s2 < n1.kids+n1.n; s2++ {
			n2 := &t.nodes[s2]
			if n2.outEnd > n2.out {
				for _, b1 := range bytesOf[t.label[s2]] {
					set(w.short[:], pairHash(uint32(b0)|uint32(b1)<<8))
				}
			}
			x2 := uint32(b0) | one[t.label[s2]]<<8
			for s3 := n2.kids; s3 < n2.kids+n2.n; s3++ {
				n3 := &t.nodes[s3]
				x3 := x2 | one[t.label[s3]]<<16
				if n3.outEnd > n3.out {
					set(w.three[:], uint32(tripleHash(x3)))
				}
				for s4 := n3.kids; s4 < n3.kids+n3.n; s4++ {
					set(w.quads[:], quadHash(x3|one[t.label[s4]]<<24))
				}
			}
		}
	}
	return w
}

// filter returns the starts of anchored (bit i for text[lo+i]) from which
// a walk of the trie may report a word: it clears those from which a walk
// would not, without a branch on the text.
func (w *walks) filter(text []byte, lo int, anchored uint64) uint64 {
	for a := anchored; a != 0; a &= a - 1 {
		i := bits.TrailingZeros64(a)
		p := lo + i
		if p+4 > len(text) {
			continue // near the end: no filter
		}
		x := binary.LittleEndian.Uint32(text[p:])
		k, h, q := pairHash(x&0xffff), tripleHash(x&0xffffff), quadHash(x)
		anchored &^= ((w.short[k>>6]>>(k&63)|w.three[h>>6]>>(h&63)|w.quads[q>>6]>>(q&63))&1 ^ 1) << i
	}
	return anchored
}

// bytes returns the memory the filter takes.
func (w *walks) bytes() int { return 8 * (len(w.short) + len(w.three) + len(w.quads)) }
