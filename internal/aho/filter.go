package aho

import (
	"encoding/binary"
	"math/bits"
)

// filters tells, from the first four bytes at a start that near found,
// whether a word may start there, so that most of the starts where a walk
// of the trie or a run of the free automaton would find nothing are
// dropped without one (filterStarts). In a log, nearly every walk from a
// word start whose first two bytes begin an anchored word stops at the
// third or fourth byte, having reported nothing, after taking most of its
// cost in the steps to get there; and the first two bytes of the free words
// ("st" of "strasse", "ri" of "ring") are common inside words.
//
// An anchored start is kept when near's bit nearShort of its pair is set
// (a word of one or two bytes begins there), when bit nearThree is and its
// first three bytes hash (tripleHash) as a word of three bytes does (three),
// or when its first four bytes hash (quadHash) as those of a longer word do
// (quads). A free start is kept when near's bit nearFreeShort of its pair
// is set, or when its first three or four bytes hash as a free word of
// three bytes or the first four of a longer one (free, both hashes in one
// table). Both hashes fold ASCII case. It is a superset: a hash shared with
// another triple or quad only costs a walk or a run. three and quads (and
// near's bits nearShort and nearThree) are derived from the trie by
// derive, in finish; free is built with the free words (NewMarked)
// and written by AppendBinary.
type filters struct {
	three [1 << 15 / 64]uint64 // bit tripleHash of an anchored word of three bytes
	quads [1 << 15 / 64]uint64 // bit quadHash of the first four bytes of a longer anchored word
	free  [1 << 15 / 64]uint64 // bit tripleHash of a free word of three bytes, quadHash of the first four of a longer one
}

// hashMul is the multiplier of tripleHash and quadHash (filter_amd64.s
// has it too).
const hashMul = 0x9E3779B1

// tripleHash hashes three bytes, b0 | b1<<8 | b2<<16, to 15 bits, with
// bit 5 of each set: the same for both cases of an ASCII letter.
func tripleHash(x uint32) uint32 { return (x | 0x202020) * hashMul >> 17 }

// quadHash hashes four bytes, b0 | b1<<8 | b2<<16 | b3<<24, to 15 bits,
// with bit 5 of each set: the same for both cases of an ASCII letter.
func quadHash(x uint32) uint32 { return (x | 0x20202020) * hashMul >> 17 }

// setBit sets bit h of m.
func setBit(m []uint64, h uint32) { m[h>>6] |= 1 << (h & 63) }

// addFree adds a free word (of three bytes or more) to the filter.
func (f *filters) addFree(w []byte) {
	if len(w) == 3 {
		setBit(f.free[:], tripleHash(uint32(w[0])|uint32(w[1])<<8|uint32(w[2])<<16))
	} else {
		setBit(f.free[:], quadHash(binary.LittleEndian.Uint32(w)))
	}
}

// derive derives the filter of the trie t's walks from t alone (so
// that a Matcher restored from its tables can derive it again): three and
// quads of f, and the bits nearShort and nearThree of near.
func (f *filters) derive(t *trie, near *pairTable) {
	f.three, f.quads = [len(f.three)]uint64{}, [len(f.quads)]uint64{}
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
	for b0 := range 256 {
		s1 := t.first[b0]
		if s1 == 0 {
			continue
		}
		n1 := &t.nodes[s1]
		if n1.outEnd > n1.out {
			// A word of one byte: any second byte.
			for b1 := range 256 {
				near[b0|b1<<8] |= nearShort
			}
		}
		for s2 := n1.kids; s2 < n1.kids+n1.n; s2++ {
			n2 := &t.nodes[s2]
			var bits uint8
			if n2.outEnd > n2.out {
				bits |= nearShort
			}
			x2 := uint32(b0) | one[t.label[s2]]<<8
			for s3 := n2.kids; s3 < n2.kids+n2.n; s3++ {
				n3 := &t.nodes[s3]
				x3 := x2 | one[t.label[s3]]<<16
				if n3.outEnd > n3.out {
					bits |= nearThree
					setBit(f.three[:], tripleHash(x3))
				}
				for s4 := n3.kids; s4 < n3.kids+n3.n; s4++ {
					setBit(f.quads[:], quadHash(x3|one[t.label[s4]]<<24))
				}
			}
			for _, b1 := range bytesOf[t.label[s2]] {
				near[b0|int(b1)<<8] |= bits
			}
		}
	}
}

// filterStartsGo is filterStarts in Go: what it runs where there is no
// assembly for it, and what the assembly is tested against.
func filterStartsGo(near *pairTable, f *filters, t []byte, anchored, free uint64) (uint64, uint64) {
	var keepA, keepF uint64
	if n := len(t) - 3; n < 64 {
		// The starts without three bytes after them are kept as they are.
		var v uint64
		if n > 0 {
			v = 1<<n - 1
		}
		keepA, keepF = anchored&^v, free&^v
		anchored, free = anchored&v, free&v
	}
	for ; anchored != 0; anchored &= anchored - 1 {
		i := bits.TrailingZeros64(anchored)
		x := binary.LittleEndian.Uint32(t[i:])
		n := uint64(near[uint16(x)])
		h, q := tripleHash(x&0xffffff), quadHash(x)
		keepA |= (n>>1 | n&(f.three[h>>6]>>(h&63)) | f.quads[q>>6]>>(q&63)) & 1 << i
	}
	for ; free != 0; free &= free - 1 {
		i := bits.TrailingZeros64(free)
		x := binary.LittleEndian.Uint32(t[i:])
		n := uint64(near[uint16(x)])
		h, q := tripleHash(x&0xffffff), quadHash(x)
		keepF |= (n>>2 | f.free[h>>6]>>(h&63) | f.free[q>>6]>>(q&63)) & 1 << i
	}
	return keepA, keepF
}

// bytes returns the memory the filters take.
func (f *filters) bytes() int { return 8 * (len(f.three) + len(f.quads) + len(f.free)) }
