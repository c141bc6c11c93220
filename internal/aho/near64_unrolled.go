//go:build (wasm && !purego) || (purego && nearunrolled)

package aho

import "encoding/binary"

// nearBlock returns, for the 64 pairs of bytes w[j], w[j+1], the masks
// of the bits 7, 6, 5, 4 and 3 of their bytes of near (bit j for pair j).
//
// Under WebAssembly it is nearBlockGo with the loop written out: the
// eight groups of eight pairs one after the other, then each kind of bit
// of each group gathered to the top byte of a word by a multiplication
// and moved to the group's byte. Go compiles every jump back to the head
// of a loop there as a jump to the function's dispatch loop (a br_table
// over its resume points), and checks near and w against nil in each
// turn; written out, the block is straight-line code. Natively it is
// built with the tags purego and nearunrolled, so that tests compare it
// with nearBlockGo on any machine:
//
//	go test -tags purego,nearunrolled ./internal/aho
func nearBlock(near *[1 << 16]uint8, w *[65]byte) (starts, free, pairs, marks0, marks1 uint64) {
	// Group j: the bytes of near of the pairs at w[8j:8j+9], the first in
	// the low byte; the pairs are the low 16 bits of x as it shifts, the
	// last the top 16 bits of y, the word one byte further on.
	var x, y uint64
	x, y = binary.LittleEndian.Uint64(w[0:8]), binary.LittleEndian.Uint64(w[1:9])
	g0 := uint64(near[uint16(x)]) | uint64(near[uint16(x>>8)])<<8 |
		uint64(near[uint16(x>>16)])<<16 | uint64(near[uint16(x>>24)])<<24 |
		uint64(near[uint16(x>>32)])<<32 | uint64(near[uint16(x>>40)])<<40 |
		uint64(near[uint16(x>>48)])<<48 | uint64(near[uint16(y>>48)])<<56
	x, y = binary.LittleEndian.Uint64(w[8:16]), binary.LittleEndian.Uint64(w[9:17])
	g1 := uint64(near[uint16(x)]) | uint64(near[uint16(x>>8)])<<8 |
		uint64(near[uint16(x>>16)])<<16 | uint64(near[uint16(x>>24)])<<24 |
		uint64(near[uint16(x>>32)])<<32 | uint64(near[uint16(x>>40)])<<40 |
		uint64(near[uint16(x>>48)])<<48 | uint64(near[uint16(y>>48)])<<56
	x, y = binary.LittleEndian.Uint64(w[16:24]), binary.LittleEndian.Uint64(w[17:25])
	g2 := uint64(near[uint16(x)]) | uint64(near[uint16(x>>8)])<<8 |
		uint64(near[uint16(x>>16)])<<16 | uint64(near[uint16(x>>24)])<<24 |
		uint64(near[uint16(x>>32)])<<32 | uint64(near[uint16(x>>40)])<<40 |
		uint64(near[uint16(x>>48)])<<48 | uint64(near[uint16(y>>48)])<<56
	x, y = binary.LittleEndian.Uint64(w[24:32]), binary.LittleEndian.Uint64(w[25:33])
	g3 := uint64(near[uint16(x)]) | uint64(near[uint16(x>>8)])<<8 |
		uint64(near[uint16(x>>16)])<<16 | uint64(near[uint16(x>>24)])<<24 |
		uint64(near[uint16(x>>32)])<<32 | uint64(near[uint16(x>>40)])<<40 |
		uint64(near[uint16(x>>48)])<<48 | uint64(near[uint16(y>>48)])<<56
	x, y = binary.LittleEndian.Uint64(w[32:40]), binary.LittleEndian.Uint64(w[33:41])
	g4 := uint64(near[uint16(x)]) | uint64(near[uint16(x>>8)])<<8 |
		uint64(near[uint16(x>>16)])<<16 | uint64(near[uint16(x>>24)])<<24 |
		uint64(near[uint16(x>>32)])<<32 | uint64(near[uint16(x>>40)])<<40 |
		uint64(near[uint16(x>>48)])<<48 | uint64(near[uint16(y>>48)])<<56
	x, y = binary.LittleEndian.Uint64(w[40:48]), binary.LittleEndian.Uint64(w[41:49])
	g5 := uint64(near[uint16(x)]) | uint64(near[uint16(x>>8)])<<8 |
		uint64(near[uint16(x>>16)])<<16 | uint64(near[uint16(x>>24)])<<24 |
		uint64(near[uint16(x>>32)])<<32 | uint64(near[uint16(x>>40)])<<40 |
		uint64(near[uint16(x>>48)])<<48 | uint64(near[uint16(y>>48)])<<56
	x, y = binary.LittleEndian.Uint64(w[48:56]), binary.LittleEndian.Uint64(w[49:57])
	g6 := uint64(near[uint16(x)]) | uint64(near[uint16(x>>8)])<<8 |
		uint64(near[uint16(x>>16)])<<16 | uint64(near[uint16(x>>24)])<<24 |
		uint64(near[uint16(x>>32)])<<32 | uint64(near[uint16(x>>40)])<<40 |
		uint64(near[uint16(x>>48)])<<48 | uint64(near[uint16(y>>48)])<<56
	x, y = binary.LittleEndian.Uint64(w[56:64]), binary.LittleEndian.Uint64(w[57:65])
	g7 := uint64(near[uint16(x)]) | uint64(near[uint16(x>>8)])<<8 |
		uint64(near[uint16(x>>16)])<<16 | uint64(near[uint16(x>>24)])<<24 |
		uint64(near[uint16(x>>32)])<<32 | uint64(near[uint16(x>>40)])<<40 |
		uint64(near[uint16(x>>48)])<<48 | uint64(near[uint16(y>>48)])<<56
	// Bit k of byte i of group j is bit 8j+i of kind k's mask.
	starts = (g0>>7&lowBits*gather)>>56 | (g1>>7&lowBits*gather)>>56<<8 |
		(g2>>7&lowBits*gather)>>56<<16 | (g3>>7&lowBits*gather)>>56<<24 |
		(g4>>7&lowBits*gather)>>56<<32 | (g5>>7&lowBits*gather)>>56<<40 |
		(g6>>7&lowBits*gather)>>56<<48 | (g7>>7&lowBits*gather)>>56<<56
	free = (g0>>6&lowBits*gather)>>56 | (g1>>6&lowBits*gather)>>56<<8 |
		(g2>>6&lowBits*gather)>>56<<16 | (g3>>6&lowBits*gather)>>56<<24 |
		(g4>>6&lowBits*gather)>>56<<32 | (g5>>6&lowBits*gather)>>56<<40 |
		(g6>>6&lowBits*gather)>>56<<48 | (g7>>6&lowBits*gather)>>56<<56
	pairs = (g0>>5&lowBits*gather)>>56 | (g1>>5&lowBits*gather)>>56<<8 |
		(g2>>5&lowBits*gather)>>56<<16 | (g3>>5&lowBits*gather)>>56<<24 |
		(g4>>5&lowBits*gather)>>56<<32 | (g5>>5&lowBits*gather)>>56<<40 |
		(g6>>5&lowBits*gather)>>56<<48 | (g7>>5&lowBits*gather)>>56<<56
	marks0 = (g0>>4&lowBits*gather)>>56 | (g1>>4&lowBits*gather)>>56<<8 |
		(g2>>4&lowBits*gather)>>56<<16 | (g3>>4&lowBits*gather)>>56<<24 |
		(g4>>4&lowBits*gather)>>56<<32 | (g5>>4&lowBits*gather)>>56<<40 |
		(g6>>4&lowBits*gather)>>56<<48 | (g7>>4&lowBits*gather)>>56<<56
	marks1 = (g0>>3&lowBits*gather)>>56 | (g1>>3&lowBits*gather)>>56<<8 |
		(g2>>3&lowBits*gather)>>56<<16 | (g3>>3&lowBits*gather)>>56<<24 |
		(g4>>3&lowBits*gather)>>56<<32 | (g5>>3&lowBits*gather)>>56<<40 |
		(g6>>3&lowBits*gather)>>56<<48 | (g7>>3&lowBits*gather)>>56<<56
	return starts, free, pairs, marks0, marks1
}

// nearBlocks finds the starts and marks of the blocks of 64 offsets of t
// and returns their number (see nearBlocksGo).
func nearBlocks(near *pairTable, f *filters, t []byte, carry uint8, limit int, marks0, marks1 []uint64, out []blockStarts) int {
	return nearBlocksGo(near, f, t, carry, limit, marks0, marks1, out)
}

// filterStarts returns the starts of anchored and of free that filters f
// keeps (see filterStartsGo).
func filterStarts(near *pairTable, f *filters, t []byte, anchored, free uint64) (keptAnchored, keptFree uint64) {
	return filterStartsGo(near, f, t, anchored, free)
}
