package aho

import "encoding/binary"

// nearBlockGo is nearBlock in Go: the bytes of near of the 64 pairs of
// w, eight at a time, their bits of each kind packed by multiplications.
// It is what nearBlock runs where there is no assembly for it, and what
// the assembly is tested against.
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
