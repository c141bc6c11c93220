//go:build !purego

#include "textflag.h"

// One pair: its 16 bits index near; the byte of near goes to the
// stack buffer at offset j.
#define PAIR(j) \
	MOVWLZX j(SI), AX; \
	MOVBLZX (DI)(AX*1), AX; \
	MOVB AL, j(SP)

// BITS(s, ret): bit 7-s of each byte of X0..X3 (offsets 0-15, 16-31, 32-47,
// 48-63) into the 64-bit mask ret.
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
TEXT ·nearBlock(SB), NOSPLIT, $64-56
	MOVQ near+0(FP), DI
	MOVQ w+8(FP), SI
	PAIR(0)
	PAIR(1)
	PAIR(2)
	PAIR(3)
	PAIR(4)
	PAIR(5)
	PAIR(6)
	PAIR(7)
	PAIR(8)
	PAIR(9)
	PAIR(10)
	PAIR(11)
	PAIR(12)
	PAIR(13)
	PAIR(14)
	PAIR(15)
	PAIR(16)
	PAIR(17)
	PAIR(18)
	PAIR(19)
	PAIR(20)
	PAIR(21)
	PAIR(22)
	PAIR(23)
	PAIR(24)
	PAIR(25)
	PAIR(26)
	PAIR(27)
	PAIR(28)
	PAIR(29)
	PAIR(30)
	PAIR(31)
	PAIR(32)
	PAIR(33)
	PAIR(34)
	PAIR(35)
	PAIR(36)
	PAIR(37)
	PAIR(38)
	PAIR(39)
	PAIR(40)
	PAIR(41)
	PAIR(42)
	PAIR(43)
	PAIR(44)
	PAIR(45)
	PAIR(46)
	PAIR(47)
	PAIR(48)
	PAIR(49)
	PAIR(50)
	PAIR(51)
	PAIR(52)
	PAIR(53)
	PAIR(54)
	PAIR(55)
	PAIR(56)
	PAIR(57)
	PAIR(58)
	PAIR(59)
	PAIR(60)
	PAIR(61)
	PAIR(62)
	PAIR(63)
	MOVOU 0(SP), X0
	MOVOU 16(SP), X1
	MOVOU 32(SP), X2
	MOVOU 48(SP), X3
	BITS(7, starts+16(FP))
	BITS(6, free+24(FP))
	BITS(5, pairs+32(FP))
	BITS(3, marks0+40(FP))
	BITS(2, marks1+48(FP))
	RET
