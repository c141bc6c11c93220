//go:build !purego

package aho

// nearBlock returns, for the 64 pairs of bytes w[j], w[j+1], the masks
// of the bits 7, 6, 5, 4 and 3 of their bytes of near (bit j for pair j).
//
// In assembly (SSE2, the amd64 baseline): each pair is one 16-bit load,
// the index of its byte of near; the bytes are gathered eight to a
// register, two registers to a vector, and each kind of bit is shifted to
// the top of its byte and gathered by PMOVMSKB, 16 offsets at a time.
//
//go:noescape
func nearBlock(near *[1 << 16]uint8, w *[65]byte) (starts, free, pairs, marks0, marks1 uint64)
