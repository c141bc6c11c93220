//go:build !purego

#include "textflag.h"

// GROUP(j, acc): the bytes of near of the eight pairs at w[j:j+9] into acc,
// the first in its low byte; each pair is one 16-bit load, the index of its
// byte. (Gathering them in registers rather than in a buffer on the stack
// avoids a vector load of 16 separate byte stores, which cannot be
// forwarded from the store buffer and stalls.)
#define GROUP(j, acc) \
	MOVWLZX (j+0)(SI), AX; \
	MOVBQZX (DI)(AX*1), acc; \
	MOVWLZX (j+1)(SI), AX; \
	MOVBQZX (DI)(AX*1), BX; \
	SHLQ $8, BX; \
	ORQ BX, acc; \
	MOVWLZX (j+2)(SI), AX; \
	MOVBQZX (DI)(AX*1), BX; \
	SHLQ $16, BX; \
	ORQ BX, acc; \
	MOVWLZX (j+3)(SI), AX; \
	MOVBQZX (DI)(AX*1), BX; \
	SHLQ $24, BX; \
	ORQ BX, acc; \
	MOVWLZX (j+4)(SI), AX; \
	MOVBQZX (DI)(AX*1), BX; \
	SHLQ $32, BX; \
	ORQ BX, acc; \
	MOVWLZX (j+5)(SI), AX; \
	MOVBQZX (DI)(AX*1), BX; \
	SHLQ $40, BX; \
	ORQ BX, acc; \
	MOVWLZX (j+6)(SI), AX; \
	MOVBQZX (DI)(AX*1), BX; \
	SHLQ $48, BX; \
	ORQ BX, acc; \
	MOVWLZX (j+7)(SI), AX; \
	MOVBQZX (DI)(AX*1), BX; \
	SHLQ $56, BX; \
	ORQ BX, acc

// VEC(j, x): the bytes of near of the 16 pairs at w[j:j+17] into x.
#define VEC(j, x) \
	GROUP(j, R8); \
	GROUP(j+8, R9); \
	MOVQ R8, x; \
	MOVQ R9, X8; \
	PUNPCKLQDQ X8, x

// BITS(s, ret): bit 7-s of each byte of X0..X3 (offsets 0-15, 16-31,
// 32-47, 48-63) into the 64-bit mask ret: each byte's bit shifted to its
// top, where PMOVMSKB takes it.
#define BITS(s, ret) \
	MOVO X0, X4; \
	MOVO X1, X5; \
	MOVO X2, X6; \
	MOVO X3, X7; \
	PSLLW $s, X4; \
	PSLLW $s, X5; \
	PSLLW $s, X6; \
	PSLLW $s, X7; \
	PMOVMSKB X4, AX; \
	PMOVMSKB X5, BX; \
	PMOVMSKB X6, CX; \
	PMOVMSKB X7, DX; \
	SHLQ $16, BX; \
	SHLQ $32, CX; \
	SHLQ $48, DX; \
	ORQ BX, AX; \
	ORQ DX, CX; \
	ORQ CX, AX; \
	MOVQ AX, ret

// func nearBlock(near *[1 << 16]uint8, w *[65]byte) (starts, free, pairs, marks0, marks1 uint64)
TEXT ·nearBlock(SB), NOSPLIT, $0-56
	MOVQ near+0(FP), DI
	MOVQ w+8(FP), SI
	VEC(0, X0)
	VEC(16, X1)
	VEC(32, X2)
	VEC(48, X3)
	BITS(7, starts+16(FP))
	BITS(6, free+24(FP))
	BITS(5, pairs+32(FP))
	BITS(3, marks0+40(FP))
	BITS(2, marks1+48(FP))
	RET
