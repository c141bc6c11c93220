//go:build !purego

#include "textflag.h"

// PAIR(j, k, r, x): word k of x gets the 16 bits of near at the pair at
// R13[j:j+2] (the window), its byte the low one (r is clobbered: the
// pair, the index of its byte). near has a byte after its last pair's, so
// that the 16 bits are in it.
#define PAIR(j, k, r, x) \
	MOVWLZX (j)(R13), r; \
	PINSRW $k, (DI)(r*1), x

// VEC(j, x): the bytes of near of the 16 pairs at R13[j:j+17] into x: the
// even pairs' in the low bytes of the words of x, the odd pairs' in those
// of X5, shifted up a byte and joined (X9 holds 0x00ff in each word).
#define VEC(j, x) \
	PAIR(j+0, 0, AX, x); \
	PAIR(j+1, 0, BX, X5); \
	PAIR(j+2, 1, AX, x); \
	PAIR(j+3, 1, BX, X5); \
	PAIR(j+4, 2, AX, x); \
	PAIR(j+5, 2, BX, X5); \
	PAIR(j+6, 3, AX, x); \
	PAIR(j+7, 3, BX, X5); \
	PAIR(j+8, 4, AX, x); \
	PAIR(j+9, 4, BX, X5); \
	PAIR(j+10, 5, AX, x); \
	PAIR(j+11, 5, BX, X5); \
	PAIR(j+12, 6, AX, x); \
	PAIR(j+13, 6, BX, X5); \
	PAIR(j+14, 7, AX, x); \
	PAIR(j+15, 7, BX, X5); \
	PAND X9, x; \
	PSLLW $8, X5; \
	POR X5, x

// TOP: the top bit of each byte of X0..X3 (offsets 0-15, 16-31, 32-47,
// 48-63) into the 64-bit mask AX, by PMOVMSKB.
#define TOP \
	PMOVMSKB X0, AX; \
	PMOVMSKB X1, BX; \
	PMOVMSKB X2, CX; \
	PMOVMSKB X3, DX; \
	SHLQ $16, BX; \
	SHLQ $32, CX; \
	SHLQ $48, DX; \
	ORQ BX, AX; \
	ORQ DX, CX; \
	ORQ CX, AX

// UP: each byte of X0..X3 shifted up a bit (added to itself), the next bit
// at its top.
#define UP \
	PADDB X0, X0; \
	PADDB X1, X1; \
	PADDB X2, X2; \
	PADDB X3, X3

// TOP2: TOP with AVX2, from Y0 (offsets 0-31) and Y2 (32-63).
#define TOP2 \
	VPMOVMSKB Y0, AX; \
	VPMOVMSKB Y2, BX; \
	SHLQ $32, BX; \
	ORQ BX, AX

// UP2: UP with AVX2, of Y0 and Y2.
#define UP2 \
	VPADDB Y0, Y0, Y0; \
	VPADDB Y2, Y2, Y2

// AFTER(x, prev): x, the mask of a kind of bit of the pairs t[i], t[i+1],
// made that of the pairs t[i-1], t[i]: shifted up, with the top bit of the
// block before (kept in prev, which takes this block's).
#define AFTER(x, prev) \
	MOVQ prev, CX; \
	MOVQ x, prev; \
	SHLQ $1, CX, x

// FILTERWORD(x, bits, off, r): r = the word of the table at off in
// filters (R11) for the first three bytes of x: word tripleHash(x, bits)
// (x is clobbered).
#define FILTERWORD(x, bits, off, r) \
	ANDL $0xffffff, x; \
	ORL $0x202020, x; \
	IMUL3L $-1640531535, x, r; \
	SHRL $(32-bits), r; \
	MOVQ off(R11)(r*8), r

// The offsets of the tables in filters.
#define ANCHOREDTABLE 0
#define FREETABLE 8192

// The offsets of the masks in blockStarts.
#define ANCHORED 0
#define FREESTARTS 8

// func nearBlocks(near *[1 << 16]uint8, f *filters, t []byte, carry uint8, limit int, marks0, marks1 []uint64, out []blockStarts) int
TEXT ·nearBlocks(SB), NOSPLIT, $64-136
	MOVQ $0, ret+128(FP)
	MOVQ near+0(FP), DI
	MOVQ f+8(FP), R11
	MOVQ t_base+16(FP), SI
	MOVQ t_len+24(FP), DX
	MOVQ out_base+104(FP), R10
	MOVQ out_len+112(FP), R12
	// The blocks: len(out), at most (limit+63)/64 with limit at most
	// len(t), and len(marks0) and len(marks1) when they are not nil; none
	// when len(t) < 65.
	CMPQ DX, $65
	JLT ret
	MOVQ limit+48(FP), AX
	CMPQ DX, AX
	CMOVQLT DX, AX
	MOVQ AX, limit-40(SP) // the offsets left to report, from the block's start
	ADDQ $63, AX
	SARQ $6, AX
	CMPQ AX, R12
	CMOVQLT AX, R12
	MOVQ marks0_base+56(FP), AX
	MOVQ AX, marks0p-32(SP)
	TESTQ AX, AX
	JEQ marks1Limit
	MOVQ marks0_len+64(FP), AX
	CMPQ AX, R12
	CMOVQLT AX, R12
marks1Limit:
	MOVQ marks1_base+80(FP), AX
	MOVQ AX, marks1p-48(SP)
	TESTQ AX, AX
	JEQ haveBlocks
	MOVQ marks1_len+88(FP), AX
	CMPQ AX, R12
	CMOVQLT AX, R12
haveBlocks:
	ADDQ SI, DX
	MOVQ DX, end-64(SP) // the end of t
	TESTQ R12, R12
	JLE ret
	MOVQ R12, ret+128(FP)
	PCMPEQW X9, X9
	PSRLW $8, X9
	MOVBLZX ·useAVX2(SB), AX
	MOVB AX, avx2-56(SP)
	// The top bits of the masks of the pair before t[0] (from carry), which
	// the first block's starts and marks take as their bit 0.
	MOVBQZX carry+40(FP), AX
	MOVQ AX, BX
	SHLQ $56, BX
	MOVQ BX, starts-8(SP)
	MOVQ AX, BX
	SHLQ $59, BX
	MOVQ BX, marks0-16(SP)
	SHLQ $60, AX
	MOVQ AX, marks1-24(SP)

block:
	// The window: the 65 bytes from the block's start (SI), or for the
	// last block of t, when it has fewer, the last 65 bytes of t. When the
	// block needs only half of its pairs, the other half is not read (its
	// bytes are 0): in place, the first half, when the limit is 32 or less;
	// the last block of t, the second half, when it has 32 bytes or fewer.
	MOVQ SI, R13
	MOVQ end-64(SP), CX
	SUBQ SI, CX
	CMPQ CX, $65
	JGE inPlace
	MOVQ end-64(SP), R13
	SUBQ $65, R13
	CMPQ CX, $32
	JGT whole
	PXOR X0, X0
	PXOR X1, X1
	JMP secondHalf
inPlace:
	CMPQ limit-40(SP), $32
	JGT whole
	VEC(0, X0)
	VEC(16, X1)
	PXOR X2, X2
	PXOR X3, X3
	JMP gathered
whole:
	VEC(0, X0)
	VEC(16, X1)
secondHalf:
	VEC(32, X2)
	VEC(48, X3)
gathered:
	// The bits of each kind: starts, free, pairs, marks0, marks1 (AX).
	CMPB avx2-56(SP), $0
	JEQ sse2
	VINSERTI128 $1, X1, Y0, Y0
	VINSERTI128 $1, X3, Y2, Y2
	TOP2
	MOVQ AX, R14
	UP2
	TOP2
	MOVQ AX, R9
	UP2
	TOP2
	MOVQ AX, R8
	UP2
	TOP2
	MOVQ AX, R13
	UP2
	TOP2
	VZEROUPPER
	JMP extracted
sse2:
	TOP
	MOVQ AX, R14 // starts
	UP
	TOP
	MOVQ AX, R9 // free
	UP
	TOP
	MOVQ AX, R8 // pairs
	UP
	TOP
	MOVQ AX, R13 // marks0
	UP
	TOP // marks1
extracted:

	MOVQ end-64(SP), CX
	SUBQ SI, CX
	CMPQ CX, $65
	JGE aligned
	// The last block, of r = CX bytes (1 to 64): bit j of the window is
	// bit j-d here, d = 65-r, and the pair at r-1 is the last byte and a 0.
	MOVQ CX, BX
	MOVQ $64, CX
	SUBQ BX, CX // d-1
	SHRQ CX, R14
	SHRQ $1, R14
	SHRQ CX, R9
	SHRQ $1, R9
	SHRQ CX, R8
	SHRQ $1, R8
	SHRQ CX, R13
	SHRQ $1, R13
	SHRQ CX, AX
	SHRQ $1, AX
	LEAQ -1(BX), CX // r-1
	MOVQ end-64(SP), DX
	MOVBLZX -1(DX), DX
	MOVBLZX (DI)(DX*1), DX // near's byte of the last pair
	MOVL DX, BX
	SHRL $6, BX // nearFree
	ANDL $1, BX
	SHLQ CX, BX
	ORQ BX, R9
	SHRL $5, DX // nearPair
	ANDL $1, DX
	SHLQ CX, DX
	ORQ DX, R8

aligned:
	AFTER(AX, marks1-24(SP))
	AFTER(R13, marks0-16(SP))
	AFTER(R14, starts-8(SP))
	ANDQ R8, R14 // the anchored starts
	// The offsets reported: those before the limit (which is at most the
	// end of t, so that the starts and marks of the last block end there).
	MOVQ limit-40(SP), CX
	MOVQ $-1, DX
	CMPQ CX, $64
	JGE limited
	MOVL $1, DX
	SHLQ CX, DX
	DECQ DX
limited:
	SUBQ $64, limit-40(SP)
	ANDQ DX, R14
	ANDQ DX, R9
	ANDQ DX, R13
	ANDQ DX, AX
	MOVQ marks1p-48(SP), BX
	TESTQ BX, BX
	JEQ marks0Stored
	MOVQ AX, (BX)
	ADDQ $8, marks1p-48(SP)
marks0Stored:
	MOVQ marks0p-32(SP), BX
	TESTQ BX, BX
	JEQ marksStored
	MOVQ R13, (BX)
	ADDQ $8, marks0p-32(SP)
marksStored:
	MOVQ R9, FREESTARTS(R10)

	// The filter: the starts i < len(t)-3 (three bytes after them), R8,
	// are filtered; the others are kept as they are (R9).
	MOVQ end-64(SP), CX
	SUBQ SI, CX
	SUBQ $3, CX
	CMPQ CX, $64
	JLT nearEnd
	MOVQ R14, R8
	XORL R9, R9
	MOVQ $-1, R14 // the starts filtered, for the free starts
	JMP filterAnchored
nearEnd:
	XORL DX, DX
	TESTQ CX, CX
	JLE split
	MOVL $1, DX
	SHLQ CX, DX
	DECQ DX
split:
	MOVQ DX, R13
	NOTQ R13
	MOVQ R14, R8
	ANDQ DX, R8
	MOVQ R14, R9
	ANDQ R13, R9
	MOVQ DX, R14
filterAnchored:
	LEAQ ·fourthClass(SB), R13

	TESTQ R8, R8
	JEQ anchoredDone
anchoredLoop:
	BSFQ R8, CX
	LEAQ -1(R8), AX
	ANDQ AX, R8
	MOVL (SI)(CX*1), AX
	MOVWLZX AX, BX
	MOVBLZX (DI)(BX*1), BX // near's byte of the pair
	FILTERWORD(AX, 10, ANCHOREDTABLE, DX)
	MOVBLZX 3(SI)(CX*1), AX // the fourth byte
	MOVBLZX (R13)(AX*1), AX // its fourthClass
	BTQ AX, DX // the fourth byte's bit
	SBBL AX, AX
	SHRQ $63, DX // a word of three bytes
	ANDL BX, DX // and nearThree
	SHRL $1, BX // nearShort
	ORL BX, DX
	ORL AX, DX
	ANDL $1, DX
	SHLQ CX, DX
	ORQ DX, R9
	TESTQ R8, R8
	JNE anchoredLoop

anchoredDone:
	MOVQ R9, ANCHORED(R10)
	MOVQ FREESTARTS(R10), R9
	MOVQ R9, R8
	ANDQ R14, R8
	NOTQ R14
	ANDQ R14, R9

	TESTQ R8, R8
	JEQ freeDone
freeLoop:
	BSFQ R8, CX
	LEAQ -1(R8), AX
	ANDQ AX, R8
	MOVL (SI)(CX*1), AX
	MOVWLZX AX, BX
	MOVBLZX (DI)(BX*1), BX
	SHRL $2, BX // nearFreeShort
	FILTERWORD(AX, 9, FREETABLE, DX)
	MOVBLZX 3(SI)(CX*1), AX // the fourth byte
	MOVBLZX (R13)(AX*1), AX // its fourthClass
	BTQ AX, DX // the fourth byte's bit
	SBBL AX, AX
	SHRQ $63, DX // a word of three bytes
	ORL BX, DX
	ORL AX, DX
	ANDL $1, DX
	SHLQ CX, DX
	ORQ DX, R9
	TESTQ R8, R8
	JNE freeLoop

freeDone:
	MOVQ R9, FREESTARTS(R10)
	ADDQ $64, SI
	ADDQ $16, R10
	DECQ R12
	JNE block

ret:
	RET

// func hasAVX2() bool
TEXT ·hasAVX2(SB), NOSPLIT, $0-1
	MOVB $0, ret+0(FP)
	XORL AX, AX
	CPUID
	CMPL AX, $7
	JLT noAVX2
	// AVX and OSXSAVE, and the OS saves the XMM and YMM registers.
	MOVL $1, AX
	CPUID
	ANDL $0x18000000, CX
	CMPL CX, $0x18000000
	JNE noAVX2
	XORL CX, CX
	XGETBV
	ANDL $6, AX
	CMPL AX, $6
	JNE noAVX2
	// AVX2.
	MOVL $7, AX
	XORL CX, CX
	CPUID
	BTL $5, BX
	JCC noAVX2
	MOVB $1, ret+0(FP)
noAVX2:
	RET
