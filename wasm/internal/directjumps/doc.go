// Directjumps rewrites the WebAssembly module Go builds (GOOS=wasip1) so
// that a function's forward jumps go straight to their target instead of
// through the function's dispatch loop.
//
// Go's WebAssembly backend gives every function that has more than one
// basic block the same shape: a loop around one block per resume point
// (each basic block's start, and the return from each call), with a
// br_table on the local PC_B at their head. Every jump between basic
// blocks, forward or back, sets PC_B to its target and branches to the
// loop, whose br_table then branches out to the target's block: two
// branches and an indirect jump where native code has one branch. A
// forward jump's target, the end of a block still open at the jump, can
// be reached by a plain br to that block; this program rewrites each
//
//	i32.const N; local.set 0; br <the dispatch loop>
//
// whose target, br_table entry N, is such a block into
//
//	br <that block>
//
// Backward jumps (the heads of loops) keep the dispatch: their targets
// are blocks already closed. A function that reads PC_B anywhere but at
// its dispatch is left as it is; so is a jump whose br_table entry is not
// one of the dispatch's blocks, and every other instruction and section
// of the module, but for the sizes of sections and bodies, written anew
// in their shortest form (Go's linker pads them to five bytes). The
// rewrite changes no function's index, type or resume points, so Go's
// stack unwinding, which resumes a function through its dispatch, is
// unchanged.
//
// Usage:
//
//	go run ./wasm/internal/directjumps [-o out.wasm] module.wasm
//
// make wasm runs it on wasm/piiguard.wasm after go build.
package main
