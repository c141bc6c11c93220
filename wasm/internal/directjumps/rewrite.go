package main

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Stats counts what Rewrite found and changed.
type Stats struct {
	Functions  int // function bodies in the module
	Dispatched int // bodies with a dispatch loop that Rewrite could read
	Jumps      int // jumps through a dispatch loop
	Direct     int // of those, forward jumps rewritten as direct branches
	Loops      int // loops made of a loop's segments (see loops.go)
	Back       int // jumps to the head of such a loop, now a branch to it
}

// errFormat is the error of a module Rewrite cannot read.
var errFormat = errors.New("directjumps: malformed module")

// Rewrite returns module with each forward jump through a function's
// dispatch loop replaced by a direct branch to its target (see the
// package doc), and what it found.
func Rewrite(module []byte) ([]byte, Stats, error) {
	var st Stats
	if len(module) < 8 || string(module[:4]) != "\x00asm" || binary.LittleEndian.Uint32(module[4:8]) != 1 {
		return nil, st, fmt.Errorf("%w: not a WebAssembly 1 module", errFormat)
	}
	out := append([]byte(nil), module[:8]...)
	r := reader{b: module, p: 8}
	for r.p < len(r.b) {
		id := r.byte()
		size := r.u32()
		if r.err != nil || uint64(r.p)+uint64(size) > uint64(len(r.b)) {
			return nil, st, fmt.Errorf("%w: section at byte %d", errFormat, r.p)
		}
		content := r.b[r.p : r.p+int(size)]
		r.p += int(size)
		if id == 10 {
			code, err := rewriteCode(content, &st)
			if err != nil {
				return nil, st, err
			}
			content = code
		}
		out = append(out, id)
		out = binary.AppendUvarint(out, uint64(len(content)))
		out = append(out, content...)
	}
	return out, st, nil
}

// rewriteCode rewrites the code section's function bodies.
func rewriteCode(sec []byte, st *Stats) ([]byte, error) {
	r := reader{b: sec}
	n := r.u32()
	out := binary.AppendUvarint(nil, uint64(n))
	for i := uint32(0); i < n; i++ {
		size := r.u32()
		if r.err != nil || uint64(r.p)+uint64(size) > uint64(len(r.b)) {
			return nil, fmt.Errorf("%w: function body %d", errFormat, i)
		}
		body := r.b[r.p : r.p+int(size)]
		r.p += int(size)
		st.Functions++
		nb, err := rewriteBody(body, st)
		if err != nil {
			return nil, fmt.Errorf("function body %d: %w", i, err)
		}
		out = binary.AppendUvarint(out, uint64(len(nb)))
		out = append(out, nb...)
	}
	if r.err != nil || r.p != len(r.b) {
		return nil, fmt.Errorf("%w: code section", errFormat)
	}
	return out, nil
}

// instr is one decoded instruction: its bytes body[start:end], its
// opcode and, for those Rewrite looks at, its immediate.
type instr struct {
	start, end int
	op         byte
	imm        uint64 // br, local.get/set: the index; i32.const: the value; block, loop, if: the block type's first byte
	table      []uint32
}

// rewriteBody rewrites one function body.
func rewriteBody(body []byte, st *Stats) ([]byte, error) {
	r := reader{b: body}
	// Locals.
	groups := r.u32()
	for j := uint32(0); j < groups && r.err == nil; j++ {
		r.u32()
		r.byte()
	}
	if r.err != nil {
		return nil, fmt.Errorf("%w: locals", errFormat)
	}
	codeStart := r.p
	ins, err := decode(&r)
	if err != nil {
		return nil, err
	}
	// The dispatch loop: loop, K blocks, local.get 0, br_table, all of
	// them without parameters or results.
	loopAt := -1
	for k := 0; k+2 < len(ins); k++ {
		if ins[k].op != 0x03 {
			continue
		}
		if ins[k].imm != 0x40 {
			break
		}
		j := k + 1
		for j < len(ins) && ins[j].op == 0x02 && ins[j].imm == 0x40 {
			j++
		}
		if j > k+1 && j+1 < len(ins) && ins[j].op == 0x20 && ins[j].imm == 0 && ins[j+1].op == 0x0E {
			loopAt = k
		}
		break
	}
	if loopAt < 0 {
		return body, nil
	}
	nblocks := 0
	for ins[loopAt+1+nblocks].op == 0x02 {
		nblocks++
	}
	dispatch := loopAt + 1 + nblocks + 1 // the br_table
	// PC_B (local 0) must be read only by the dispatch.
	for k, in := range ins {
		if (in.op == 0x20 || in.op == 0x22) && in.imm == 0 && k != dispatch-1 {
			return body, nil
		}
	}
	f := function{body: body, ins: ins, loopAt: loopAt, nblocks: nblocks, dispatch: dispatch}
	f.entryCheck = len(ins[dispatch].table) > 1 && ins[dispatch].table[0] == 0
	if !f.scan() {
		return body, nil
	}
	f.chooseLoops()
	code, ok := f.emit()
	if !ok {
		return body, nil
	}
	st.Dispatched++
	st.Jumps += f.st.Jumps
	st.Direct += f.st.Direct
	st.Loops += f.st.Loops
	st.Back += f.st.Back
	return append(append([]byte(nil), body[:codeStart]...), code...), nil
}

// decode reads the instructions of a function body to its end.
func decode(r *reader) ([]instr, error) {
	var ins []instr
	depth := 1
	for depth > 0 {
		if r.err != nil || r.p >= len(r.b) {
			return nil, fmt.Errorf("%w: code ends early", errFormat)
		}
		in := instr{start: r.p}
		in.op = r.byte()
		switch op := in.op; {
		case op == 0x02 || op == 0x03 || op == 0x04:
			depth++
			if r.p < len(r.b) {
				in.imm = uint64(r.b[r.p]) // 0x40: no parameters, no results
			}
			r.blockType()
		case op == 0x0B:
			depth--
		case op == 0x0C || op == 0x0D:
			in.imm = uint64(r.u32())
		case op == 0x0E:
			n := r.u32()
			for j := uint32(0); j <= n && r.err == nil; j++ {
				in.table = append(in.table, r.u32())
			}
		case op == 0x10:
			r.u32()
		case op == 0x11:
			r.u32()
			r.u32()
		case op == 0x1C:
			n := r.u32()
			for j := uint32(0); j < n && r.err == nil; j++ {
				r.byte()
			}
		case op >= 0x20 && op <= 0x26:
			in.imm = uint64(r.u32())
		case op >= 0x28 && op <= 0x3E:
			r.u32()
			r.u32()
		case op == 0x3F || op == 0x40:
			r.byte()
		case op == 0x41:
			in.imm = uint64(uint32(r.s64()))
		case op == 0x42:
			r.s64()
		case op == 0x43:
			r.skip(4)
		case op == 0x44:
			r.skip(8)
		case op == 0x00 || op == 0x01 || op == 0x05 || op == 0x0F || op == 0x1A || op == 0x1B || (op >= 0x45 && op <= 0xC4):
		case op == 0xFC:
			switch sub := r.u32(); {
			case sub <= 7:
			case sub == 8:
				r.u32()
				r.byte()
			case sub == 9 || sub == 13 || sub == 15 || sub == 16 || sub == 17:
				r.u32()
			case sub == 10 || sub == 12 || sub == 14:
				r.u32()
				r.u32()
			case sub == 11:
				r.byte()
			default:
				return nil, fmt.Errorf("%w: instruction 0xfc %d at byte %d", errFormat, sub, in.start)
			}
		default:
			return nil, fmt.Errorf("%w: instruction %#x at byte %d", errFormat, op, in.start)
		}
		in.end = r.p
		ins = append(ins, in)
	}
	if r.err != nil || r.p != len(r.b) {
		return nil, fmt.Errorf("%w: code does not end at the body's end", errFormat)
	}
	return ins, nil
}

// reader reads a module's bytes; the first error sticks.
type reader struct {
	b   []byte
	p   int
	err error
}

func (r *reader) fail() {
	if r.err == nil {
		r.err = fmt.Errorf("%w: at byte %d", errFormat, r.p)
	}
	r.p = len(r.b)
}

func (r *reader) byte() byte {
	if r.p >= len(r.b) {
		r.fail()
		return 0
	}
	c := r.b[r.p]
	r.p++
	return c
}

func (r *reader) skip(n int) {
	if len(r.b)-r.p < n {
		r.fail()
		return
	}
	r.p += n
}

func (r *reader) u32() uint32 {
	v, n := binary.Uvarint(r.b[r.p:])
	if n <= 0 || n > 5 || v > 1<<32-1 {
		r.fail()
		return 0
	}
	r.p += n
	return uint32(v)
}

func (r *reader) s64() int64 {
	var v int64
	var shift uint
	for {
		c := r.byte()
		if r.err != nil {
			return 0
		}
		v |= int64(c&0x7f) << shift
		shift += 7
		if c&0x80 == 0 {
			if shift < 64 && c&0x40 != 0 {
				v |= -1 << shift
			}
			return v
		}
		if shift >= 70 {
			r.fail()
			return 0
		}
	}
}

// blockType reads a block type: empty (0x40), a value type, or a type
// index (a signed LEB128 of 33 bits).
func (r *reader) blockType() {
	if r.p < len(r.b) {
		switch r.b[r.p] {
		case 0x40, 0x7F, 0x7E, 0x7D, 0x7C, 0x7B, 0x70, 0x6F:
			r.p++
			return
		}
	}
	r.s64()
}
