package main

import (
	"encoding/binary"
	"slices"
)

// function is one function body with a dispatch loop, as Rewrite reads
// and rewrites it.
//
// Segment r of the function is the code after the end of dispatch block
// r (block r out from the br_table; segment 0 is the function's entry),
// up to the end of the next dispatch block or of the dispatch loop. The
// br_table sends PC_B value pc to segment table[pc].
//
// A loop of Go's code is a jump back from a segment to an earlier one
// (or to itself), its head. Rewrite turns the segments from a head h to
// the last segment j that jumps back to it into a WebAssembly loop with
// a dispatch of its own:
//
//	... end (of block h)              ; entered with PC_B naming a segment of h..j
//	loop                              ; M
//	  block (j) ... block (h+1)       ; one per segment of the loop after its head
//	    block (h)
//	      local.get 0; i32.const H; i32.eq; br_if 0       ; the head: go on to segment h
//	      local.get 0; i32.const lo; i32.sub; br_table …  ; else to the segment PC_B names
//	    end
//	    segment h
//	  end
//	  segment h+1
//	  ...
//	  segment j
//	end (of M)
//	end (of block j+1) ...
//
// with dispatch blocks h+1..j gone (the function's br_table sends their
// PC_B values to block h, whose end now leads into M). A jump to the
// head from inside the loop becomes i32.const H; local.set 0; br M: a
// compare and a branch the processor predicts, where it was a branch to
// the dispatch loop and an indirect jump through its br_table. Falling
// into the loop from segment h-1 sets PC_B to H first; a jump from
// outside into the loop sets PC_B and branches to the end of block h. A
// segment that jumps to itself is also a loop of its own, without
// blocks or head: the jump becomes br to it.
//
// Loops nest: within a loop, a loop of some of its segments is made the
// same way at the loop's level (its head's block is one of the outer
// loop's blocks). The loops made are a laminar family, chosen the
// innermost (the fewest segments) first: a candidate that overlaps a
// loop already chosen without containing it stays as it was. Jumps back
// to a segment inside a loop other than its head go through the head's
// dispatch; jumps back out of every loop, through the function's.
type function struct {
	body     []byte
	ins      []instr
	loopAt   int // the dispatch loop's instruction
	nblocks  int
	dispatch int // its br_table's instruction

	entryCheck bool // PC_B 0 branches to segment 0 before the br_table

	jumps map[int]dispatchJump // by the instruction index of their i32.const
	loops []loop
	chain [][]int // by segment: the loops it is in, outermost first
	self  []bool  // by segment: it jumps back to itself, and is a loop of its own
	st    Stats
}

// dispatchJump is i32.const pc; local.set 0; br <the dispatch loop>, in
// segment seg, to segment to (-1 where the br_table's entry is no
// dispatch block).
type dispatchJump struct {
	seg, to int
	pc      uint32
}

// loop is segments head..last made a WebAssembly loop.
type loop struct {
	head, last int
	headPC     uint32 // the PC_B value of its head's jumps
	lo, hi     uint32 // the PC_B values of its segments
}

// Labels in the stacks of open blocks: an instruction index for the
// body's own blocks, labelFunc for the function's, and for those emit
// adds, for segment r: loopLabel(r), loop M of the loop whose head r is;
// headLabel(r), the block inside it that leads to r; segLabel(r), the
// block of a loop's dispatch that leads to r; selfLabel(r), the loop of
// a segment that jumps to itself.
const labelFunc = -1

func loopLabel(r int) int { return -2 - 4*r }
func headLabel(r int) int { return -3 - 4*r }
func segLabel(r int) int  { return -4 - 4*r }
func selfLabel(r int) int { return -5 - 4*r }

// block returns the instruction index of dispatch block r.
func (f *function) block(r int) int { return f.loopAt + f.nblocks - r }

// segOf returns the segment that the end of block idx starts, or -1 if
// idx is not a dispatch block.
func (f *function) segOf(idx int) int {
	if idx > f.loopAt && idx <= f.loopAt+f.nblocks {
		return f.loopAt + f.nblocks - idx
	}
	return -1
}

// isJump reports whether instruction k starts i32.const; local.set 0;
// br, and returns the br's depth.
func (f *function) isJump(k int) (uint64, bool) {
	ins := f.ins
	if ins[k].op == 0x41 && k+2 < len(ins) && ins[k+1].op == 0x21 && ins[k+1].imm == 0 && ins[k+2].op == 0x0C {
		return ins[k+2].imm, true
	}
	return 0, false
}

// scan finds the jumps through the dispatch loop and their segments. It
// reports false for a body whose blocks it cannot follow.
func (f *function) scan() bool {
	table := f.ins[f.dispatch].table
	f.jumps = map[int]dispatchJump{}
	stack := []int{labelFunc}
	seg := -1
	for k, in := range f.ins {
		switch in.op {
		case 0x02, 0x03, 0x04:
			stack = append(stack, k)
		case 0x0B:
			if len(stack) == 0 {
				return false
			}
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if r := f.segOf(top); r >= 0 {
				seg = r
			} else if top == f.loopAt {
				seg = -1
			}
		}
		if d, ok := f.isJump(k); ok && int(d) < len(stack) && stack[len(stack)-1-int(d)] == f.loopAt {
			pc := uint32(in.imm)
			to := int(table[min(int(pc), len(table)-1)])
			if to >= f.nblocks || seg < 0 {
				to = -1
			}
			f.jumps[k] = dispatchJump{seg: seg, to: to, pc: pc}
		}
	}
	return true
}

// chooseLoops picks the loops to make: for each head, the segments up to
// the last that jumps back to it; the smallest first, each either inside
// or apart from those chosen before.
func (f *function) chooseLoops() {
	last := map[int]int{}
	f.self = make([]bool, f.nblocks)
	for _, j := range f.jumps {
		if j.to >= 0 && j.to == j.seg {
			f.self[j.to] = true
		}
		if j.to >= 0 && j.to < j.seg {
			last[j.to] = max(last[j.to], j.seg)
		}
	}
	var cands []loop
	for h, l := range last {
		cands = append(cands, loop{head: h, last: l})
	}
	slices.SortFunc(cands, func(a, b loop) int {
		if c := (a.last - a.head) - (b.last - b.head); c != 0 {
			return c
		}
		return a.head - b.head
	})
	table := f.ins[f.dispatch].table
next:
	for _, c := range cands {
		for _, a := range f.loops {
			apart := a.last < c.head || a.head > c.last
			inside := a.head > c.head && a.last <= c.last
			if !apart && !inside {
				continue next
			}
		}
		first := true
		for pc, r := range table[:len(table)-1] {
			if int(r) < c.head || int(r) > c.last {
				continue
			}
			if first {
				c.lo, first = uint32(pc), false
			}
			c.hi = uint32(pc)
		}
		if first {
			continue // no PC_B value reaches the loop's segments
		}
		c.headPC = c.lo
		for pc, r := range table[:len(table)-1] {
			if int(r) == c.head {
				c.headPC = uint32(pc)
				break
			}
		}
		f.loops = append(f.loops, c)
	}
	// Outermost first: the largest first.
	slices.Reverse(f.loops)
	f.chain = make([][]int, f.nblocks)
	for i, lp := range f.loops {
		for r := lp.head; r <= lp.last; r++ {
			f.chain[r] = append(f.chain[r], i)
		}
	}
	f.st.Loops = len(f.loops)
	for _, s := range f.self {
		if s {
			f.st.Loops++
		}
	}
}

// rep returns the segment whose block leads to segment t at level i of
// loops (0: the function's dispatch; i: inside the i-th loop of t's
// chain): the head of t's loop at level i+1, or t itself.
func (f *function) rep(t, i int) int {
	if c := f.chain[t]; len(c) > i {
		return f.loops[c[i]].head
	}
	return t
}

// entry returns the label of the block whose end leads to segment u at
// level i, where u is that level's rep of itself.
func (f *function) entry(u, i int) int {
	switch c := f.chain[u]; {
	case i == 0:
		return f.block(u)
	case f.loops[c[i-1]].head == u:
		return headLabel(u)
	default:
		return segLabel(u)
	}
}

// emitter writes the rewritten code, keeping the stack of the labels
// open in the original code and in the rewritten code.
type emitter struct {
	out       []byte
	orig, now []int
	ok        bool
}

func (e *emitter) op(b ...byte) { e.out = append(e.out, b...) }
func (e *emitter) u(v uint64)   { e.out = binary.AppendUvarint(e.out, v) }
func (e *emitter) i32(v uint32) {
	e.out = append(e.out, 0x41)
	for x := int64(int32(v)); ; x >>= 7 { // signed LEB128
		c := byte(x & 0x7F)
		if (x>>7 == 0 && c&0x40 == 0) || (x>>7 == -1 && c&0x40 != 0) {
			e.out = append(e.out, c)
			return
		}
		e.out = append(e.out, c|0x80)
	}
}

// depth returns the depth of label in the rewritten code's stack.
func (e *emitter) depth(label int) (uint64, bool) {
	for d := len(e.now) - 1; d >= 0; d-- {
		if e.now[d] == label {
			return uint64(len(e.now) - 1 - d), true
		}
	}
	return 0, false
}

// target returns the depth in the rewritten code of the label at depth
// d of the original code.
func (e *emitter) target(d uint64) uint64 {
	if d >= uint64(len(e.orig)) {
		e.ok = false
		return 0
	}
	t, ok := e.depth(e.orig[len(e.orig)-1-int(d)])
	if !ok {
		e.ok = false
	}
	return t
}

// br writes a branch to label, which must be open.
func (e *emitter) br(label int) {
	d, ok := e.depth(label)
	if !ok {
		e.ok = false
	}
	e.op(0x0C)
	e.u(d)
}

// end closes the rewritten code's innermost block, which must be label.
func (e *emitter) end(label int) {
	if len(e.now) == 0 || e.now[len(e.now)-1] != label {
		e.ok = false
		return
	}
	e.now = e.now[:len(e.now)-1]
	e.op(0x0B)
}

// emit returns the rewritten code, or false if the body's blocks do not
// nest as scan saw them.
func (f *function) emit() ([]byte, bool) {
	e := &emitter{orig: []int{labelFunc}, now: []int{labelFunc}, ok: true}
	ins, body := f.ins, f.body
	table := ins[f.dispatch].table
	copyIns := func(k int) { e.out = append(e.out, body[ins[k].start:ins[k].end]...) }
	seg := -1
	for k := 0; k < len(ins) && e.ok; k++ {
		in := ins[k]
		switch {
		case k > f.loopAt && k <= f.loopAt+f.nblocks:
			// A dispatch block: gone if its segment is inside a loop
			// and not the loop's head.
			r := f.segOf(k)
			e.orig = append(e.orig, k)
			if f.rep(r, 0) == r {
				copyIns(k)
				e.now = append(e.now, k)
			}
		case k == f.dispatch-1 && f.entryCheck:
			// A call's entry (PC_B 0) skips the br_table.
			copyIns(k)
			e.op(0x45, 0x0D) // i32.eqz; br_if
			d, _ := e.depth(f.block(f.rep(0, 0)))
			e.u(d)
			copyIns(k)
		case k == f.dispatch:
			if len(f.loops) == 0 {
				copyIns(k)
				continue
			}
			e.op(0x0E)
			e.u(uint64(len(table) - 1))
			for _, t := range table {
				if int(t) < f.nblocks {
					d, ok := e.depth(f.block(f.rep(int(t), 0)))
					if !ok {
						return nil, false
					}
					e.u(d)
				} else {
					e.u(e.target(uint64(t)))
				}
			}
		case in.op == 0x02 || in.op == 0x03 || in.op == 0x04:
			copyIns(k)
			e.orig = append(e.orig, k)
			e.now = append(e.now, k)
		case in.op == 0x0B:
			if len(e.orig) == 0 {
				return nil, false
			}
			top := e.orig[len(e.orig)-1]
			e.orig = e.orig[:len(e.orig)-1]
			r := f.segOf(top)
			if (r >= 0 || top == f.loopAt) && seg >= 0 {
				// The end of a segment: close its own loop, and the
				// loops it is the last of, innermost first.
				if f.self[seg] {
					e.end(selfLabel(seg))
				}
				c := f.chain[seg]
				for i := len(c) - 1; i >= 0; i-- {
					if f.loops[c[i]].last == seg {
						e.end(loopLabel(f.loops[c[i]].head))
					}
				}
			}
			if r < 0 {
				e.end(top)
				if top == f.loopAt {
					seg = -1
				}
				continue
			}
			c := f.chain[r]
			m := len(c)
			if m == 0 || f.loops[c[m-1]].head != r {
				e.end(f.entry(r, m))
			} else {
				f.openLoop(e, c[m-1], m)
			}
			seg = r
			if f.self[r] {
				e.op(0x03, 0x40)
				e.now = append(e.now, selfLabel(r))
			}
		default:
			if j, ok := f.jumps[k]; ok {
				f.st.Jumps++
				f.writeJump(e, j)
				k += 2
				continue
			}
			switch in.op {
			case 0x0C, 0x0D:
				d := e.target(in.imm)
				if d == in.imm {
					copyIns(k)
				} else {
					e.op(in.op)
					e.u(d)
				}
			case 0x0E:
				if len(f.loops) == 0 {
					copyIns(k)
					continue
				}
				e.op(0x0E)
				e.u(uint64(len(in.table) - 1))
				for _, t := range in.table {
					e.u(e.target(uint64(t)))
				}
			default:
				copyIns(k)
			}
		}
	}
	if !e.ok || len(e.orig) != 0 || len(e.now) != 0 {
		return nil, false
	}
	return e.out, true
}

// openLoop writes the start of loop li, at level m of its head's chain
// (its own level): the end of the block that leads to it at the level
// outside, the loop, its blocks and its head.
func (f *function) openLoop(e *emitter, li, m int) {
	lp := f.loops[li]
	table := f.ins[f.dispatch].table
	h := lp.head
	// Falling into the loop: its head.
	e.i32(lp.headPC)
	e.op(0x21, 0)
	e.end(f.entry(h, m-1))
	e.op(0x03, 0x40)
	e.now = append(e.now, loopLabel(h))
	for t := lp.last; t >= h; t-- {
		if f.rep(t, m) == t {
			e.op(0x02, 0x40)
			e.now = append(e.now, f.entry(t, m))
		}
	}
	e.op(0x20, 0)
	e.i32(lp.headPC)
	e.op(0x46, 0x0D, 0) // i32.eq; br_if 0
	e.op(0x20, 0)
	e.i32(lp.lo)
	e.op(0x6B, 0x0E) // i32.sub; br_table
	e.u(uint64(lp.hi - lp.lo + 1))
	for pc := lp.lo; pc <= lp.hi; pc++ {
		t := int(table[pc])
		if t < h || t > lp.last {
			t = h
		}
		d, ok := e.depth(f.entry(f.rep(t, m), m))
		if !ok {
			e.ok = false
		}
		e.u(d)
	}
	// PC_B values past the function's table take its default entry, which
	// may lead into the loop (where a module's last segment, which only
	// they reach, is in the loop): the default goes there, else to the
	// head (never taken: every other PC_B value of the loop is in the
	// table).
	def := uint64(0)
	if t := int(table[len(table)-1]); t >= h && t <= lp.last {
		d, ok := e.depth(f.entry(f.rep(t, m), m))
		if !ok {
			e.ok = false
		}
		def = d
	}
	e.u(def)
	e.end(headLabel(h))
}

// writeJump writes the jump j.
func (f *function) writeJump(e *emitter, j dispatchJump) {
	setPC := func() {
		e.i32(j.pc)
		e.op(0x21, 0)
	}
	if j.to < 0 {
		setPC()
		e.br(f.loopAt)
		return
	}
	if j.to == j.seg && f.self[j.seg] {
		e.br(selfLabel(j.seg))
		f.st.Back++
		return
	}
	// The innermost loop that holds both ends: level i.
	cs, ct := f.chain[j.seg], f.chain[j.to]
	i := 0
	for i < len(cs) && i < len(ct) && cs[i] == ct[i] {
		i++
	}
	if i > 0 && f.loops[cs[i-1]].head == j.to {
		lp := f.loops[cs[i-1]]
		e.i32(lp.headPC)
		e.op(0x21, 0)
		e.br(loopLabel(lp.head))
		f.st.Back++
		return
	}
	u := f.rep(j.to, i)
	if _, open := e.depth(f.entry(u, i)); open {
		if len(ct) > i {
			setPC() // into a loop, whose head reads PC_B
		}
		e.br(f.entry(u, i))
		f.st.Direct++
		return
	}
	setPC()
	if i > 0 {
		e.br(loopLabel(f.loops[cs[i-1]].head)) // through the loop's head
		return
	}
	e.br(f.loopAt)
}
