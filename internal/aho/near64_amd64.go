//go:build !purego

package aho

// nearBlocks finds the starts and marks of the blocks of 64 offsets of t
// by near and the filters, and returns their number (see nearBlocksGo, its
// Go form, for what it computes). Each block reads 65 bytes of t, the
// last the last 65.
//
// In assembly (SSE2, the amd64 baseline), a block at a time: each pair is
// one 16-bit load, the index of its byte of near, which PINSRW inserts
// into a word of a vector (16 bits from near: the byte and the next, which
// is why near has one more byte); the even and odd pairs' vectors are
// joined into one of 16 bytes, and each kind of bit is taken 16 offsets at
// a time by PMOVMSKB from the top of each byte, the bytes then added to
// themselves to bring up the next bit (32 offsets at a time by VPMOVMSKB
// where the processor has AVX2: useAVX2). The filter is a loop over
// the bits of each mask, without a branch on the text.
//
//go:noescape
func nearBlocks(near *pairTable, f *filters, t []byte, carry uint8, limit int, marks0, marks1 []uint64, out []blockStarts) int

// nearBlock is nearBlockGo (nearBlocks, in assembly here, does its work).
func nearBlock(near *[1 << 16]uint8, w *[65]byte) (starts, free, pairs, marks0, marks1 uint64) {
	return nearBlockGo(near, w)
}

// filterStarts is filterStartsGo (nearBlocks, in assembly here, does its
// work).
func filterStarts(near *pairTable, f *filters, t []byte, anchored, free uint64) (keptAnchored, keptFree uint64) {
	return filterStartsGo(near, f, t, anchored, free)
}

// useAVX2 has nearBlocks take the bits of each kind 32 offsets at a time
// (AVX2) rather than 16 (SSE2): set when the processor has AVX2 and the
// system saves its registers. (Tests clear it to test the SSE2 path.)
var useAVX2 = hasAVX2()

// hasAVX2 reports whether the processor has AVX2 and the system saves its
// registers (CPUID and XGETBV).
func hasAVX2() bool
