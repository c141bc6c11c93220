//go:build !amd64 || purego

package aho

// nearBlock returns, for the 64 pairs of bytes w[j], w[j+1], the masks
// of the bits 7, 6, 5, 4 and 3 of their bytes of near (bit j for pair j).
func nearBlock(near *[1 << 16]uint8, w *[65]byte) (starts, free, pairs, marks0, marks1 uint64) {
	return nearBlockGo(near, w)
}
