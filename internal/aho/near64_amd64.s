//go:build !purego

#include "textflag.h"

// STEP(j, r, acc): acc shifted up a byte, and the byte of near of the pair
// at w[j:j+2] loaded into its low byte (r holds the pair, the index of its
// byte).
#define STEP(j, r, acc) \
	MOVWLZX (j)(SI), r; \
	SHLQ $8, acc; \
	MOVB (DI)(r*1), acc

// GROUP(j, acc): the bytes of near of the eight pairs at w[j:j+9] into acc,
// the first in its low byte: loaded from the last pair to the first, each
// into the low byte as acc shifts up. (Gathering them in registers rather
// than in a buffer on the stack avoids a vector load of 16 separate byte
// stores, which cannot be forwarded from the store buffer and stalls.)
#define GROUP(j, acc) \
	MOVWLZX (j+7)(SI), AX; \
	MOVBQZX (DI)(AX*1), acc; \
	STEP(j+6, BX, acc); \
	STEP(j+5, AX, acc); \
	STEP(j+4, BX, acc); \
	STEP(j+3, AX, acc); \
	STEP(j+2, BX, acc); \
	STEP(j+1, AX, acc); \
	STEP(j+0, BX, acc)

// VEC(j, x): the bytes of near of the 16 pairs at w[j:j+17] into x.
#define VEC(j, x) \
	GROUP(j, R8); \
	GROUP(j+8, R9); \
	MOVQ R8, x; \
	MOVQ R9, X8; \
	PUNPCKLQDQ X8, x

// TOP(ret): the top bit of each byte of X0..X3 (offsets 0-15, 16-31,
// 32-47, 48-63) into the 64-bit mask ret, by PMOVMSKB.
#define TOP(ret) \
	PMOVMSKB X0, AX; \
	PMOVMSKB X1, BX; \
	PMOVMSKB X2, CX; \
	PMOVMSKB X3, DX; \
	SHLQ $16, BX; \
	SHLQ $32, CX; \
	SHLQ $48, DX; \
	ORQ BX, AX; \
	ORQ DX, CX; \
	ORQ CX, AX; \
	MOVQ AX, ret

// UP: each byte of X0..X3 shifted up a bit (added to itself), the next bit
// at its top.
#define UP \
	PADDB X0, X0; \
	PADDB X1, X1; \
	PADDB X2, X2; \
	PADDB X3, X3

// func nearBlock(near *[1 << 16]uint8, w *[65]byte) (starts, free, pairs, marks0, marks1 uint64)
TEXT ·nearBlock(SB), NOSPLIT, $0-56
	MOVQ near+0(FP), DI
	MOVQ w+8(FP), SI
	VEC(0, X0)
	VEC(16, X1)
	VEC(32, X2)
	VEC(48, X3)
	TOP(starts+16(FP))
	UP
	TOP(free+24(FP))
	UP
	TOP(pairs+32(FP))
	UP
	TOP(marks0+40(FP))
	UP
	TOP(marks1+48(FP))
	RET
