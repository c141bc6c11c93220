//go:build (purego && !nearunrolled) || (!purego && !amd64 && !wasm)

package aho

// nearBlocks finds the starts and marks of the blocks of 64 offsets of t
// and returns their number (see nearBlocksGo).
func nearBlocks(near *pairTable, f *filters, t []byte, carry uint8, limit int, marks0, marks1 []uint64, out []blockStarts) int {
	return nearBlocksGo(near, f, t, carry, limit, marks0, marks1, out)
}

// nearBlock returns, for the 64 pairs of bytes w[j], w[j+1], the masks
// of the bits 7, 6, 5, 4 and 3 of their bytes of near (bit j for pair j).
func nearBlock(near *[1 << 16]uint8, w *[65]byte) (starts, free, pairs, marks0, marks1 uint64) {
	return nearBlockGo(near, w)
}

// filterStarts returns the starts of anchored and of free (bit i for
// t[i]) that filters f keeps (see filters): those where an anchored word,
// a free word, may start. Starts without three bytes after them in t are
// kept as they are.
func filterStarts(near *pairTable, f *filters, t []byte, anchored, free uint64) (keptAnchored, keptFree uint64) {
	return filterStartsGo(near, f, t, anchored, free)
}
