// Directjumps rewrites the WebAssembly module Go builds (GOOS=wasip1) so
// that a function's forward jumps go straight to their target instead of
// through the function's dispatch loop, and its loops are WebAssembly
// loops.
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
// Backward jumps are the turns of loops: their targets are blocks
// already closed. The segments of a loop — from the segment a jump back
// goes to, its head, to the last segment that jumps back to it — become
// a WebAssembly loop with a small dispatch of its own at its head, and
// a jump back to the head becomes PC_B = head; br <that loop>, which
// the head checks with a compare instead of the br_table (loops.go
// shows the shape). Loops nest; a loop that overlaps one already made
// without containing it, and jumps back to a segment inside a loop
// other than its head, keep a dispatch. A call's entry (PC_B = 0)
// branches to the function's first segment before the br_table.
//
// A function that reads PC_B anywhere but at its dispatch is left as it
// is (a function this program rewrote is one: it is not rewritten
// twice); so is a jump whose br_table entry is not one of the
// dispatch's blocks, and every other instruction and section of the
// module, but for the sizes of sections and bodies, written anew in
// their shortest form (Go's linker pads them to five bytes). The
// rewrite changes no function's index, type or resume points, so Go's
// stack unwinding, which resumes a function through its dispatch, is
// unchanged: PC_B is set before every branch to a dispatch that reads
// it.
//
// Usage:
//
//	go run ./wasm/internal/directjumps [-o out.wasm] module.wasm
//
// make wasm runs it on wasm/piiguard.wasm after go build.
package main
