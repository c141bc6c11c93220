#include "textflag.h"

// func linearMemory() int32
TEXT ·linearMemory(SB), NOSPLIT, $0-4
	Get SP
	CurrentMemory
	I32Store ret+0(FP)
	RET
