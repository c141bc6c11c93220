package aho

import "encoding/binary"

// blockStarts holds the starts nearBlocks finds in a block of 64 offsets
// (bit i for the block's offset i): where an anchored word, a free word,
// may start.
type blockStarts struct {
	anchored, free uint64
}

// nearBlocksGo is nearBlocks in Go: what it runs where there is no
// assembly for it, and what the assembly is tested against. It finds the
// blocks b of 64 offsets of t, t[64b:64b+64], for b < n = min(len(out),
// (limit+63)/64, and len(marks0) and len(marks1) when they are not nil),
// none when t has fewer than 65 bytes; of the offsets i of a block that
// are before limit (at most len(t)):
//   - anchored (out[b]): near's bit nearStart of the pair before i
//     (t[i-1], t[i]) and nearPair of the pair at i (t[i], t[i+1]) are set
//     (an anchored word may start at i), and the filters keep i
//     (filterStarts);
//   - free (out[b]): nearFree of the pair at i is set, and the filters
//     keep i;
//   - marks0[b], marks1[b]: nearMark0, nearMark1 of the pair before i are
//     set.
//
// The pair before t[0] is carry's (near's byte for it, or nearStart alone
// at the start of a text when an anchored word starts with its first
// byte); the pair at the last byte of t is that byte and a 0. It returns
// n.
func nearBlocksGo(near *pairTable, f *filters, t []byte, carry uint8, limit int, marks0, marks1 []uint64, out []blockStarts) int {
	if len(t) < 65 {
		return 0
	}
	limit = min(limit, len(t))
	n := min(len(out), (limit+63)>>6)
	if marks0 != nil {
		n = min(n, len(marks0))
	}
	if marks1 != nil {
		n = min(n, len(marks1))
	}
	cs, c0, c1 := uint64(carry>>7&1), uint64(carry>>4&1), uint64(carry>>3&1)
	for b := range n {
		w := t[64*b:]
		var starts, free, pairs, m0, m1 uint64
		if len(w) >= 65 {
			starts, free, pairs, m0, m1 = nearBlock((*[1 << 16]uint8)(near[:1<<16]), (*[65]byte)(w[:65]))
		} else {
			// The last block, of r bytes: the window of the last 65 bytes
			// of t, its bit j bit j-d here, and the pair at r-1 the last
			// byte and a 0.
			r := len(w)
			s, fr, p, ms0, ms1 := nearBlock((*[1 << 16]uint8)(near[:1<<16]), (*[65]byte)(t[len(t)-65:]))
			d := uint(65 - r)
			last := uint64(near[w[r-1]])
			starts, m0, m1 = s>>d, ms0>>d, ms1>>d
			free = fr>>d | last>>nearFreeBit&1<<(r-1)
			pairs = p>>d | last>>nearPairBit&1<<(r-1)
		}
		// Bit i of the pairs' masks is for the pair at i: starts and marks
		// take the bit of the pair before.
		starts, cs = starts<<1|cs, starts>>63
		m0, c0 = m0<<1|c0, m0>>63
		m1, c1 = m1<<1|c1, m1>>63
		valid := ^uint64(0)
		if r := limit - 64*b; r < 64 {
			valid = 1<<r - 1
		}
		if marks0 != nil {
			marks0[b] = m0 & valid
		}
		if marks1 != nil {
			marks1[b] = m1 & valid
		}
		anchored, free := filterStarts(near, f, w, starts&pairs&valid, free&valid)
		out[b] = blockStarts{anchored, free}
	}
	return n
}

// nearBlockGo is nearBlock in Go: the bytes of near of the 64 pairs of w,
// eight at a time, their bits of each kind packed by multiplications.
func nearBlockGo(near *[1 << 16]uint8, w *[65]byte) (starts, free, pairs, marks0, marks1 uint64) {
	for j := 0; j < 64; j += 8 {
		// The eight pairs are the low 16 bits of x as it shifts, the last
		// the top 16 bits of the word at j+1.
		x := binary.LittleEndian.Uint64(w[j : j+8])
		y := binary.LittleEndian.Uint64(w[j+1 : j+9])
		g := uint64(near[uint16(x)]) | uint64(near[uint16(x>>8)])<<8 |
			uint64(near[uint16(x>>16)])<<16 | uint64(near[uint16(x>>24)])<<24 |
			uint64(near[uint16(x>>32)])<<32 | uint64(near[uint16(x>>40)])<<40 |
			uint64(near[uint16(x>>48)])<<48 | uint64(near[uint16(y>>48)])<<56
		// Each group's bits enter at the top as the masks shift down.
		starts = starts>>8 | (g>>7&lowBits*gather)&^(1<<56-1)
		free = free>>8 | (g>>6&lowBits*gather)&^(1<<56-1)
		pairs = pairs>>8 | (g>>5&lowBits*gather)&^(1<<56-1)
		marks0 = marks0>>8 | (g>>4&lowBits*gather)&^(1<<56-1)
		marks1 = marks1>>8 | (g>>3&lowBits*gather)&^(1<<56-1)
	}
	return starts, free, pairs, marks0, marks1
}
