//go:build !purego

#include "go_asm.h"
#include "textflag.h"

// RANGE(x, acc): acc |= the bytes of x in the range whose bias is in X8 and
// limit in X9 (0xff where x+bias < limit, signed).
#define RANGE(x, acc) \
	MOVO x, X10; \
	PADDB X8, X10; \
	MOVO X9, X11; \
	PCMPGTB X10, X11; \
	POR X11, acc

// MASK(a, b, c, d, ret): the top bits of the bytes of a, b, c, d (offsets
// 0-15, 16-31, 32-47, 48-63) as the 64-bit mask ret.
#define MASK(a, b, c, d, ret) \
	PMOVMSKB a, ret; \
	PMOVMSKB b, R9; \
	PMOVMSKB c, R10; \
	PMOVMSKB d, R11; \
	SHLQ $16, R9; \
	SHLQ $32, R10; \
	SHLQ $48, R11; \
	ORQ R9, ret; \
	ORQ R10, ret; \
	ORQ R11, ret

// KEY(k): Block.Keys[k] from the key bytes at Classifier.keys[k], and
// those bits into R12 (In) when Classifier.keyIn[k] says so.
#define KEY(k) \
	MOVOU (Classifier_keys+16*k)(AX), X8; \
	MOVO X0, X4; \
	MOVO X1, X5; \
	MOVO X2, X6; \
	MOVO X3, X7; \
	PCMPEQB X8, X4; \
	PCMPEQB X8, X5; \
	PCMPEQB X8, X6; \
	PCMPEQB X8, X7; \
	MASK(X4, X5, X6, X7, R8); \
	MOVQ R8, (Block_Keys+8*k)(DI); \
	ANDQ (Classifier_keyIn+8*k)(AX), R8; \
	ORQ R8, R12

// func classify(cl *Classifier, p *[BlockSize]byte, b *Block)
TEXT ·classify(SB), NOSPLIT, $0-24
	MOVQ cl+0(FP), AX
	MOVQ p+8(FP), SI
	MOVQ b+16(FP), DI
	MOVOU 0(SI), X0
	MOVOU 16(SI), X1
	MOVOU 32(SI), X2
	MOVOU 48(SI), X3
	PXOR X4, X4
	PXOR X5, X5
	PXOR X6, X6
	PXOR X7, X7
	MOVQ Classifier_n(AX), CX
	LEAQ Classifier_vec(AX), BX
	TESTQ CX, CX
	JZ ranges_done

ranges:
	MOVOU 0(BX), X8
	MOVOU 16(BX), X9
	RANGE(X0, X4)
	RANGE(X1, X5)
	RANGE(X2, X6)
	RANGE(X3, X7)
	ADDQ $32, BX
	DECQ CX
	JNZ ranges

ranges_done:
	MASK(X4, X5, X6, X7, R12)
	MOVQ $0, (Block_Keys+0)(DI)
	MOVQ $0, (Block_Keys+8)(DI)
	MOVQ $0, (Block_Keys+16)(DI)
	MOVQ $0, (Block_Keys+24)(DI)
	MOVQ Classifier_nkeys(AX), CX
	CMPQ CX, $0
	JEQ keys_done
	KEY(0)
	CMPQ CX, $1
	JEQ keys_done
	KEY(1)
	CMPQ CX, $2
	JEQ keys_done
	KEY(2)
	CMPQ CX, $3
	JEQ keys_done
	KEY(3)

keys_done:
	MOVQ R12, Block_In(DI)
	RET
