//go:build !purego

#include "textflag.h"

// The offsets of the tables in filters.
#define THREE 0
#define QUADS 4096
#define FREE 8192

// HASHBIT(x, off, r, t): r = -1 when bit hash(x) of the table at off in
// filters (R11) is set, else 0, where x holds the bytes with bit 5 of each
// set and the hash is x*hashMul>>17 (x is clobbered, t is a temporary).
#define HASHBIT(x, off, r, t) \
	IMUL3L $-1640531535, x, x; \
	SHRL $17, x; \
	MOVL x, t; \
	SHRL $6, t; \
	MOVQ off(R11)(t*8), t; \
	BTQ x, t; \
	SBBL r, r

// func filterStarts(near *[1 << 16]uint8, f *filters, t []byte, anchored, free uint64) (keptAnchored, keptFree uint64)
TEXT ·filterStarts(SB), NOSPLIT, $0-72
	MOVQ near+0(FP), DI
	MOVQ f+8(FP), R11
	MOVQ t_base+16(FP), SI
	MOVQ t_len+24(FP), BX
	MOVQ anchored+40(FP), R8
	MOVQ free+48(FP), R9
	XORL R10, R10
	XORL R12, R12
	// The starts i < len(t)-3 are filtered, the others kept as they are.
	SUBQ $3, BX
	CMPQ BX, $64
	JGE anchoredLoop
	XORL AX, AX
	TESTQ BX, BX
	JLE edge
	MOVQ BX, CX
	MOVL $1, AX
	SHLQ CX, AX
	DECQ AX
edge:
	// AX: the starts that are filtered.
	MOVQ R8, R10
	MOVQ R9, R12
	MOVQ AX, DX
	NOTQ DX
	ANDQ DX, R10
	ANDQ DX, R12
	ANDQ AX, R8
	ANDQ AX, R9

anchoredLoop:
	TESTQ R8, R8
	JEQ freeLoop
	BSFQ R8, CX
	LEAQ -1(R8), AX
	ANDQ AX, R8
	MOVL (SI)(CX*1), AX
	MOVWLZX AX, BX
	MOVBLZX (DI)(BX*1), BX // near's byte of the pair
	ORL $0x20202020, AX
	MOVL AX, DX
	HASHBIT(DX, QUADS, DX, R13)
	ANDL $0xffffff, AX
	HASHBIT(AX, THREE, AX, R13)
	ANDL BX, AX // nearThree and a word of three bytes
	SHRL $1, BX // nearShort
	ORL BX, AX
	ORL DX, AX
	ANDL $1, AX
	SHLQ CX, AX
	ORQ AX, R10
	JMP anchoredLoop

freeLoop:
	TESTQ R9, R9
	JEQ done
	BSFQ R9, CX
	LEAQ -1(R9), AX
	ANDQ AX, R9
	MOVL (SI)(CX*1), AX
	MOVWLZX AX, BX
	MOVBLZX (DI)(BX*1), BX
	SHRL $2, BX // nearFreeShort
	ORL $0x20202020, AX
	MOVL AX, DX
	HASHBIT(DX, FREE, DX, R13)
	ANDL $0xffffff, AX
	HASHBIT(AX, FREE, AX, R13)
	ORL BX, AX
	ORL DX, AX
	ANDL $1, AX
	SHLQ CX, AX
	ORQ AX, R12
	JMP freeLoop

done:
	MOVQ R10, keptAnchored+56(FP)
	MOVQ R12, keptFree+64(FP)
	RET
