package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"os"
	"testing"

	"github.com/tetratelabs/wazero"
)

// Opcodes the tests write.
const (
	opUnreachable = 0x00
	opBlock       = 0x02
	opLoop        = 0x03
	opIf          = 0x04
	opEnd         = 0x0B
	opBr          = 0x0C
	opBrTable     = 0x0E
	opReturn      = 0x0F
	opLocalGet    = 0x20
	opLocalSet    = 0x21
	opI32Const    = 0x41
	opI32Eqz      = 0x45
	opI32Add      = 0x6A
	opI32Sub      = 0x6B
	opI32Mul      = 0x6C
	void          = 0x40
)

// jump is Go's jump through the dispatch loop: PC_B = pc, then a branch
// to the loop, depth blocks out.
func jump(pc, depth byte) []byte {
	return []byte{opI32Const, pc, opLocalSet, 0, opBr, depth}
}

// triangle is a function body in the shape Go gives a function: a loop
// around blocks, one per resume point, and a br_table on PC_B (local 0)
// at their head; every jump between the blocks' segments sets PC_B and
// branches to the loop. With PC_B = 0 and n (local 1) it returns
// 3 × (n + n-1 + … + 1), by jumps forward (segment 0 to 1 and 2,
// segment 1 to 2) and back (segment 1 to itself). When readPC, segment 2
// also reads PC_B, which Rewrite must then leave alone.
func triangle(readPC bool) []byte {
	body := []byte{1, 1, 0x7F} // one local i32: acc (local 2)
	body = append(body, opLoop, void, opBlock, void, opBlock, void, opBlock, void,
		opLocalGet, 0, opBrTable, 3, 0, 1, 2, 2, opEnd)
	// Segment 0 (inside the loop and blocks 2 and 1).
	body = append(body, opLocalGet, 1, opI32Eqz, opIf, void)
	body = append(body, jump(2, 3)...) // if, block 1, block 2, loop
	body = append(body, opEnd)
	body = append(body, jump(1, 2)...)
	body = append(body, opEnd)
	// Segment 1 (inside the loop and block 2): acc += 3n; n--.
	body = append(body, opLocalGet, 2, opLocalGet, 1, opI32Const, 3, opI32Mul, opI32Add, opLocalSet, 2,
		opLocalGet, 1, opI32Const, 1, opI32Sub, opLocalSet, 1,
		opLocalGet, 1, opIf, void)
	body = append(body, jump(1, 2)...) // back
	body = append(body, opEnd)
	body = append(body, jump(2, 1)...)
	body = append(body, opEnd)
	// Segment 2 (inside the loop): return acc (+ PC_B).
	body = append(body, opLocalGet, 2)
	if readPC {
		body = append(body, opLocalGet, 0, opI32Add)
	}
	body = append(body, opReturn, opEnd, opUnreachable, opEnd)
	return body
}

// module returns a module that exports the function body as "f", of
// type (i32, i32) -> i32.
func module(body []byte) []byte {
	m := []byte("\x00asm\x01\x00\x00\x00")
	section := func(id byte, content []byte) {
		m = append(m, id)
		m = binary.AppendUvarint(m, uint64(len(content)))
		m = append(m, content...)
	}
	section(1, []byte{1, 0x60, 2, 0x7F, 0x7F, 1, 0x7F})
	section(3, []byte{1, 0})
	section(7, []byte{1, 1, 'f', 0, 0})
	code := binary.AppendUvarint([]byte{1}, uint64(len(body)))
	section(10, append(code, body...))
	section(0, []byte("\x04name")) // a custom section, kept as it is
	return m
}

// call instantiates mod and returns f(0, n).
func call(t *testing.T, mod []byte, n uint32) uint32 {
	t.Helper()
	ctx := context.Background()
	rt := wazero.NewRuntime(ctx)
	defer rt.Close(ctx)
	inst, err := rt.Instantiate(ctx, mod)
	if err != nil {
		t.Fatalf("instantiate: %v", err)
	}
	res, err := inst.ExportedFunction("f").Call(ctx, 0, uint64(n))
	if err != nil {
		t.Fatalf("f(0, %d): %v", n, err)
	}
	return uint32(res[0])
}

// TestRewriteTriangle: Rewrite makes the three forward jumps of a
// Go-shaped function direct and segment 1, which jumps back to itself, a
// loop of its own; the function still computes the same, and a rewritten
// module is rewritten no further.
func TestRewriteTriangle(t *testing.T) {
	mod := module(triangle(false))
	got, st, err := Rewrite(mod)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Stats{Functions: 1, Dispatched: 1, Jumps: 4, Direct: 3, Loops: 1, Back: 1}); st != want {
		t.Errorf("stats %+v, want %+v", st, want)
	}
	if len(got) >= len(mod) {
		t.Errorf("rewritten module has %d bytes, the original %d: no jump was shortened", len(got), len(mod))
	}
	// The entry (PC_B 0) branches to segment 0 before the br_table.
	if want := []byte{opLocalGet, 0, 0x45, 0x0D, 0, opLocalGet, 0, opBrTable}; !bytes.Contains(got, want) {
		t.Errorf("no entry check before the br_table")
	}
	for _, n := range []uint32{0, 1, 2, 7, 100} {
		if a, b := call(t, mod, n), call(t, got, n); a != b || a != 3*n*(n+1)/2 {
			t.Errorf("f(0, %d): original %d, rewritten %d, want %d", n, a, b, 3*n*(n+1)/2)
		}
	}
	again, st, err := Rewrite(got)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, got) || st.Dispatched != 0 {
		t.Errorf("second rewrite changed the module (stats %+v)", st)
	}
}

// TestRewriteLeavesPCReaders: a function that reads PC_B anywhere but at
// its dispatch is left as it is.
func TestRewriteLeavesPCReaders(t *testing.T) {
	mod := module(triangle(true))
	got, st, err := Rewrite(mod)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, mod) || st.Dispatched != 0 || st.Direct != 0 {
		t.Errorf("rewrote a function that reads PC_B (stats %+v)", st)
	}
}

// TestRewriteMalformed: a module cut short or with a broken body is an
// error, not a panic or a module.
func TestRewriteMalformed(t *testing.T) {
	mod := module(triangle(false))
	// A module cut between two sections is a shorter module.
	boundary := map[int]bool{8: true}
	for p := 8; p < len(mod); {
		size, n := binary.Uvarint(mod[p+1:])
		p += 1 + n + int(size)
		boundary[p] = true
	}
	for n := range len(mod) {
		if _, _, err := Rewrite(mod[:n]); (err == nil) != boundary[n] {
			t.Errorf("module cut to %d of %d bytes: error %v", n, len(mod), err)
		}
	}
	bad := bytes.Clone(mod)
	bad[bytes.Index(bad, []byte{opBrTable, 3})] = 0xFF // no such instruction
	if _, _, err := Rewrite(bad); !errors.Is(err, errFormat) {
		t.Errorf("unknown instruction: error %v, want errFormat", err)
	}
}

// TestRewriteModule: the module make test-wasm-go tests ($PIIGUARD_WASM,
// built by make wasm) has been rewritten: Rewrite changes nothing more
// (a rewritten function reads PC_B before its dispatch's br_table, and
// is left alone).
func TestRewriteModule(t *testing.T) {
	path := os.Getenv("PIIGUARD_WASM")
	if path == "" {
		t.Skip("set PIIGUARD_WASM (make test-wasm-go does)")
	}
	mod, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got, st, err := Rewrite(mod)
	if err != nil {
		t.Fatal(err)
	}
	if st.Functions == 0 || st.Dispatched != 0 || !bytes.Equal(got, mod) {
		t.Errorf("%s: %+v; want functions, none left to rewrite (make wasm rewrites them)", path, st)
	}
}

// FuzzRewrite: on any bytes Rewrite returns an error or a module it can
// read again, and never panics.
func FuzzRewrite(f *testing.F) {
	f.Add(module(triangle(false)))
	f.Add(module(triangle(true)))
	f.Add(module(loopBody()))
	f.Fuzz(func(t *testing.T, mod []byte) {
		got, _, err := Rewrite(mod)
		if err != nil {
			return
		}
		if _, _, err := Rewrite(got); err != nil {
			t.Fatalf("a rewritten module cannot be read again: %v", err)
		}
	})
}

// TestRewriteTableOutsideDispatchBlocks: a jump whose br_table entry is
// not one of the dispatch's blocks — the loop itself (which re-reads
// PC_B) or a label outside it — is left as it is (through the dispatch): a direct branch would
// skip setting PC_B or, where the enclosing labels are not contiguous,
// go to another block. (Go's modules have no such entries; a module
// that does must not be changed into a different program.)
func TestRewriteTableOutsideDispatchBlocks(t *testing.T) {
	const opNop = 0x01
	// PC 1 is br_table's default, label 3: block A, outside the loop
	// and block B, with a nop between B and the loop.
	outside := []byte{0, opBlock, void, opBlock, void, opNop, opLoop, void, opBlock, void,
		opLocalGet, 0, opBrTable, 1, 0, 3, opEnd}
	outside = append(outside, jump(1, 0)...)
	outside = append(outside, opEnd, opEnd, opI32Const, 20, opReturn, opEnd, opI32Const, 10, opEnd)
	// PC 1 is br_table's default, label 1: the loop itself.
	loop := []byte{0, opLoop, void, opBlock, void, opLocalGet, 0, opBrTable, 1, 0, 1, opEnd}
	loop = append(loop, jump(1, 0)...)
	loop = append(loop, opEnd, opUnreachable, opEnd)
	for name, body := range map[string][]byte{"outside": outside, "loop": loop} {
		mod := module(body)
		got, st, err := Rewrite(mod)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if st.Direct != 0 || !bytes.Contains(got, jump(1, 0)) {
			t.Errorf("%s: rewrote a jump out of the dispatch's blocks (stats %+v)", name, st)
		}
	}
	if a, b := call(t, module(outside), 0), call(t, must(Rewrite(module(outside))), 0); a != 10 || b != a {
		t.Errorf("outside: f(0, 0) = %d, rewritten %d, want 10", a, b)
	}
}

func must(mod []byte, _ Stats, err error) []byte {
	if err != nil {
		panic(err)
	}
	return mod
}

// TestRewriteNested: a jump from inside a block, a loop and the else of
// an if in a segment (as Go's assembly functions have) is rewritten to
// a branch of the right depth; f(0, n) = n + n-1 + … + 1 + 50 as before.
func TestRewriteNested(t *testing.T) {
	const opElse = 0x05
	body := []byte{1, 1, 0x7F, // acc: local 2
		opLoop, void, opBlock, void, opBlock, void, opLocalGet, 0, opBrTable, 1, 0, 1, opEnd,
		// Segment 0: block { loop { if n { acc += n; n--; br loop } else { jump 1 } } }
		opBlock, void, opLoop, void, opLocalGet, 1, opIf, void,
		opLocalGet, 2, opLocalGet, 1, opI32Add, opLocalSet, 2,
		opLocalGet, 1, opI32Const, 1, opI32Sub, opLocalSet, 1, opBr, 1,
		opElse}
	body = append(body, jump(1, 4)...) // if, loop, block, block 1, the dispatch loop
	body = append(body, opEnd, opEnd, opEnd, opUnreachable, opEnd,
		// Segment 1: return acc + 50.
		opLocalGet, 2, opI32Const, 50, opI32Add, opReturn, opEnd, opUnreachable, opEnd)
	mod := module(body)
	got, st, err := Rewrite(mod)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Stats{Functions: 1, Dispatched: 1, Jumps: 1, Direct: 1}); st != want {
		t.Errorf("stats %+v, want %+v", st, want)
	}
	if want := []byte{opElse, opBr, 3, opEnd}; !bytes.Contains(got, want) {
		t.Errorf("the jump is not rewritten as br 3 (to block 1, out of the if, the loop and the block)")
	}
	for _, n := range []uint32{0, 1, 5, 50} {
		if a, b := call(t, mod, n), call(t, got, n); a != b || a != n*(n+1)/2+50 {
			t.Errorf("f(0, %d): original %d, rewritten %d, want %d", n, a, b, n*(n+1)/2+50)
		}
	}
}

// loopBody is a function body in Go's shape whose loop spans segments
// 1–3, as a Go loop with branches and calls does: segment 1 (the head)
// adds n to acc; segment 2 decrements n and jumps back to itself while
// n > 2000; segment 3 takes 1 more from n and jumps back to segment 2
// while n > 1000, else back to the head while n != 0, else on to
// segment 4, which returns acc. Segment 0 sets acc to 0 and jumps into
// the loop's middle, segment 3 (as Go enters a loop whose test is at its
// bottom). Called with PC_B = 1, 2 or 3 it starts there, as Go's stack
// unwinding resumes a function.
func loopBody() []byte {
	const opIf, opI32GtU = 0x04, 0x4B
	body := []byte{1, 1, 0x7F, // acc: local 2
		opLoop, void, opBlock, void, opBlock, void, opBlock, void, opBlock, void, opBlock, void,
		opLocalGet, 0, opBrTable, 5, 0, 1, 2, 3, 4, 4, opEnd}
	// Segment 0.
	body = append(body, opI32Const, 0, opLocalSet, 2)
	body = append(body, jump(3, 4)...)
	body = append(body, opEnd)
	// Segment 1: acc += n.
	body = append(body, opLocalGet, 2, opLocalGet, 1, opI32Add, opLocalSet, 2, opEnd)
	// Segment 2: n--; if n > 2000, again.
	body = append(body, opLocalGet, 1, opI32Const, 1, opI32Sub, opLocalSet, 1,
		opLocalGet, 1, opI32Const, 0xD0, 0x0F, opI32GtU, opIf, void)
	body = append(body, jump(2, 3)...)
	body = append(body, opEnd, opEnd)
	// Segment 3.
	body = append(body, opLocalGet, 1, opI32Const, 0xE8, 0x07, opI32GtU, opIf, void,
		opLocalGet, 1, opI32Const, 1, opI32Sub, opLocalSet, 1)
	body = append(body, jump(2, 2)...)
	body = append(body, opEnd, opLocalGet, 1, opIf, void)
	body = append(body, jump(1, 2)...)
	body = append(body, opEnd)
	body = append(body, jump(4, 1)...)
	body = append(body, opEnd)
	// Segment 4.
	body = append(body, opLocalGet, 2, opReturn, opEnd, opUnreachable, opEnd)
	return body
}

// loopRef computes what loopBody's function returns for PC_B = pc.
func loopRef(pc, n uint32) uint32 {
	var acc uint32
	seg := pc
	for {
		switch seg {
		case 0:
			acc, seg = 0, 3
		case 1:
			acc += n
			seg = 2
		case 2:
			n--
			if n <= 2000 {
				seg = 3
			}
		case 3:
			switch {
			case n > 1000:
				n--
				seg = 2
			case n != 0:
				seg = 1
			default:
				return acc
			}
		default:
			return acc
		}
	}
}

// TestRewriteLoop: a loop of several segments becomes a WebAssembly loop,
// with the loops inside it (segment 2's jump to itself a loop of its
// own, segments 2–3 another); entered by
// the jump into its middle or by the dispatch at any of its segments,
// the function computes the same as before.
func TestRewriteLoop(t *testing.T) {
	mod := module(loopBody())
	got, st, err := Rewrite(mod)
	if err != nil {
		t.Fatal(err)
	}
	// Jumps: 0→3 and 3→4 forward; 2→2, 3→2 and 3→1 back to the heads of
	// three loops: segment 2, segments 2–3, and 1–3 around them.
	if want := (Stats{Functions: 1, Dispatched: 1, Jumps: 5, Direct: 2, Loops: 3, Back: 3}); st != want {
		t.Errorf("stats %+v, want %+v", st, want)
	}
	before, after := instantiate(t, mod), instantiate(t, got)
	for _, c := range []struct{ pc, n uint32 }{
		{0, 0}, {0, 1}, {0, 7}, {0, 999}, {0, 1000}, {0, 1001}, {0, 2500}, {0, 5000},
		{1, 1}, {1, 5}, {1, 1500}, {1, 3000}, {2, 1}, {2, 2}, {2, 2100}, {3, 0}, {3, 4}, {3, 1200}, {4, 9},
	} {
		want := loopRef(c.pc, c.n)
		if a, b := before(c.pc, c.n), after(c.pc, c.n); a != want || b != want {
			t.Errorf("f(%d, %d): original %d, rewritten %d, want %d", c.pc, c.n, a, b, want)
		}
	}
	again, st, err := Rewrite(got)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, got) || st.Dispatched != 0 {
		t.Errorf("second rewrite: stats %+v, changed: %v; want the function left alone (it reads PC_B before its br_table)", st, !bytes.Equal(again, got))
	}
}

// instantiate instantiates mod and returns its f.
func instantiate(t *testing.T, mod []byte) func(pc, n uint32) uint32 {
	t.Helper()
	ctx := context.Background()
	rt := wazero.NewRuntime(ctx)
	t.Cleanup(func() { rt.Close(ctx) })
	inst, err := rt.Instantiate(ctx, mod)
	if err != nil {
		t.Fatalf("instantiate: %v", err)
	}
	f := inst.ExportedFunction("f")
	return func(pc, n uint32) uint32 {
		t.Helper()
		res, err := f.Call(ctx, uint64(pc), uint64(n))
		if err != nil {
			t.Fatalf("f(%d, %d): %v", pc, n, err)
		}
		return uint32(res[0])
	}
}

// defaultLoopBody is a function body in Go's shape whose last segment,
// reached only through the br_table's default entry (PC_B 2 or more, as
// Go's last resume point is), is inside a loop: segment 0 sets acc to 100
// and jumps to segment 2 (PC_B 2); segment 1, the loop's head, adds 1 to
// acc and falls into segment 2, which returns acc when n is 0 and else
// takes 1 from n, adds 10 to acc and jumps back to segment 1.
func defaultLoopBody() []byte {
	const opI32Eqz = 0x45
	body := []byte{1, 1, 0x7F, // acc: local 2
		opLoop, void, opBlock, void, opBlock, void, opBlock, void,
		opLocalGet, 0, opBrTable, 2, 0, 1, 2, opEnd}
	// Segment 0.
	body = append(body, opI32Const, 100, 0x00, opLocalSet, 2)
	body[len(body)-4] = 0xE4 // i32.const 100 (signed LEB128: 0xE4 0x00)
	body = append(body, jump(2, 2)...)
	body = append(body, opEnd)
	// Segment 1: acc++.
	body = append(body, opLocalGet, 2, opI32Const, 1, opI32Add, opLocalSet, 2, opEnd)
	// Segment 2.
	body = append(body, opLocalGet, 1, opI32Eqz, opIf, void, opLocalGet, 2, opReturn, opEnd,
		opLocalGet, 1, opI32Const, 1, opI32Sub, opLocalSet, 1,
		opLocalGet, 2, opI32Const, 10, opI32Add, opLocalSet, 2)
	body = append(body, jump(1, 0)...)
	body = append(body, opEnd, opUnreachable, opEnd)
	return body
}

// defaultLoopRef computes what defaultLoopBody's function returns.
func defaultLoopRef(pc, n uint32) uint32 {
	var acc uint32
	seg := min(pc, 2)
	for {
		switch seg {
		case 0:
			acc, seg = 100, 2
		case 1:
			acc++
			seg = 2
		case 2:
			if n == 0 {
				return acc
			}
			n--
			acc += 10
			seg = 1
		}
	}
}

// TestRewriteLoopThroughDefault: a loop whose last segment is reached
// through the br_table's default entry (a PC_B past the table, the only
// one that reaches it) is entered there, by the jump from segment 0 and
// by the dispatch, not at its head.
func TestRewriteLoopThroughDefault(t *testing.T) {
	mod := module(defaultLoopBody())
	got, st, err := Rewrite(mod)
	if err != nil {
		t.Fatal(err)
	}
	if st.Dispatched != 1 {
		t.Fatalf("not rewritten: %+v", st)
	}
	before, after := instantiate(t, mod), instantiate(t, got)
	for _, c := range []struct{ pc, n uint32 }{{0, 0}, {0, 3}, {1, 0}, {1, 2}, {2, 0}, {2, 3}, {7, 2}} {
		want := defaultLoopRef(c.pc, c.n)
		if a, b := before(c.pc, c.n), after(c.pc, c.n); a != want || b != want {
			t.Errorf("f(%d, %d): original %d, rewritten %d, want %d", c.pc, c.n, a, b, want)
		}
	}
}
