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
// Each table has a word of 64 bits per hash of the first three bytes of a
// start (tripleHash): bit fourthClass[b3] of it is set for each fourth
// byte b3 that follows them in a word, and bit 63 when a word of three
// bytes is them. An anchored start is kept when near's bit nearShort of its pair
// is set (a word of one or two bytes begins there), when bit nearThree is
// (a word of three bytes begins with the pair) and bit 63 of its word in
// anchored is, or when the bit of its fourth byte is. A free start is kept
// when near's bit nearFreeShort of its pair is set, or when bit 63 or that
// of its fourth byte of its word in free is. Each costs one load of a table
// that stays in the cache. The bytes are folded as in the hashes (bit 5 of
// each set: the same for both cases of an ASCII letter). It is a superset:
// a hash shared with another triple, or a bit with another fourth byte,
// only costs a walk or a run. anchored (and near's bits nearShort and
// nearThree) is derived from the trie by derive, in finish; free is built
// with the free words (NewMarked) and written by AppendBinary.
type filters struct {
	anchored [1 << anchoredHashBits]uint64
	free     [1 << freeHashBits]uint64
}

// The widths of the hashes of three bytes that index the tables.
const (
	anchoredHashBits = 10
	freeHashBits     = 9
)

// hashMul is the multiplier of tripleHash (nearBlocks' assembly has it
// too).
const hashMul = 0x9E3779B1

// tripleHash hashes the first three bytes of x, b0 | b1<<8 | b2<<16, to
// bits bits, with bit 5 of each set: the same for both cases of an ASCII
// letter.
func tripleHash(x uint32, bits uint) uint32 { return (x&0xffffff | 0x202020) * hashMul >> (32 - bits) }

// fourthBit returns the bit of a start's word in a table for its fourth
// byte b.
func fourthBit(b byte) uint64 { return 1 << fourthClass[b] }

// fourthClass numbers the bytes for the bits of a fourth byte in the
// filters' words: each ASCII letter (both cases), digit, and the common
// punctuation of logs its own number, the other bytes 61 or 62 (63 is for
// the words of three bytes).
var fourthClass = func() (c [256]uint8) {
	for b := range c {
		c[b] = 61 + uint8(b&1)
	}
	for b := 'a'; b <= 'z'; b++ {
		c[b], c[b-32] = uint8(b-'a'), uint8(b-'a')
	}
	for b := '0'; b <= '9'; b++ {
		c[b] = uint8(26 + b - '0')
	}
	for i, b := range []byte(" _-.:=/#@,;'\"()[]\t+&*|\\><") {
		c[b] = uint8(36 + i)
	}
	return c
}()

// addFree adds a free word (of three bytes or more) to the filter.
func (f *filters) addFree(w []byte) {
	x := uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16
	bit := uint64(1) << 63
	if len(w) > 3 {
		bit = fourthBit(w[3])
	}
	f.free[tripleHash(x, freeHashBits)] |= bit
}

// derive derives the filter of the trie t's walks from t alone (so
// that a Matcher restored from its tables can derive it again): anchored
// of f, and the bits nearShort and nearThree of near.
func (f *filters) derive(t *trie, near *pairTable) {
	f.anchored = [len(f.anchored)]uint64{}
	// The bytes of each class of edge, and one of them (the hash and the
	// bit of a fourth byte are the same for each).
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
				h := tripleHash(x3, anchoredHashBits)
				if n3.outEnd > n3.out {
					bits |= nearThree
					f.anchored[h] |= 1 << 63
				}
				for s4 := n3.kids; s4 < n3.kids+n3.n; s4++ {
					f.anchored[h] |= fourthBit(byte(one[t.label[s4]]))
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
		w := f.anchored[tripleHash(x, anchoredHashBits)]
		keepA |= (n>>1 | n&(w>>63) | w>>fourthClass[x>>24]) & 1 << i
	}
	for ; free != 0; free &= free - 1 {
		i := bits.TrailingZeros64(free)
		x := binary.LittleEndian.Uint32(t[i:])
		n := uint64(near[uint16(x)])
		w := f.free[tripleHash(x, freeHashBits)]
		keepF |= (n>>2 | w>>63 | w>>fourthClass[x>>24]) & 1 << i
	}
	return keepA, keepF
}

// bytes returns the memory the filters take.
func (f *filters) bytes() int { return 8 * (len(f.anchored) + len(f.free)) }
