// Package dfa compiles a regular expression into a deterministic automaton
// over bytes that finds exactly the matches Go's regexp finds, without
// allocating. It starts from the program of a pattern parsed once by
// package pattern: Compile and CompileLazy of one pattern share it.
//
// It covers the patterns PII detection uses (bounded repetitions of narrow
// classes, literals, alternations): a pattern with an empty-width assertion
// (^, $, \A, \z, \b, \B), one that can match the empty string, one with a
// class that matches U+FFFD (., [^...], \S, [\s\S]: Go reads each invalid
// UTF-8 byte as U+FFFD) or one whose automaton would be too big is refused
// with ErrUnsupported, and the caller keeps using a regexp engine for it.
//
// # Semantics
//
// The automaton is the determinised form of Go's backtracking-free matcher
// (the Pike VM of regexp's machine.go): a state is the priority-ordered list
// of threads the VM would hold, without captures. When a thread reaches the
// match instruction, the VM records the match and drops every thread of
// lower priority; the state does the same. Run from a start position until
// it dies, the automaton therefore ends at the end of the leftmost-first
// match that starts there, the match regexp's FindIndex reports. Find tries
// start positions in order, so it returns the leftmost start, as regexp does.
//
// Rune instructions become small byte automata over the UTF-8 encodings of
// their rune sets (surrogates excluded, as Go never decodes them), so a
// multi-byte rune is matched byte by byte; because the classes never match
// U+FFFD, bytes that Go would read as invalid UTF-8 match nothing in either
// engine, and every byte that can start a match (ASCII or a UTF-8 lead byte)
// is a code point boundary as Go decodes the text.
//
// A second, unordered automaton (the subset construction without
// priorities) answers whether the whole of a text matches, as
// ^(?:expr)$ would.
//
// # Searching cheaply
//
// A walk from a start steps once per byte, one table load, and tests the
// dead and the match states with one comparison (EndAt). Unanchored
// answers whether a text holds a match anywhere in one walk, two bytes a
// step; MinCount gives the least number of times a byte occurs in any
// match, so that a caller can reject a text with too few of it without a
// walk at all.
package dfa

import (
	"errors"
	"fmt"
	"regexp/syntax"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/piiguard/piiguard/internal/pattern"
)

// ErrUnsupported reports a pattern this package does not compile.
var ErrUnsupported = errors.New("dfa: unsupported pattern")

// DefaultMaxStates bounds the states of one automaton.
const DefaultMaxStates = 4096

// MaxBytes bounds the memory one automaton's states take (transitions,
// thread lists and their index), built in full or lazily: a pattern whose
// automaton needs more is refused (Compile) or stops growing (Lazy), and
// the caller falls back to a regexp engine. With DefaultMaxStates it
// bounds the cost of compiling any pattern.
const MaxBytes = 16 << 20

// DFA finds leftmost-first matches of one pattern. It is immutable and safe
// for concurrent use.
type DFA struct {
	expr string
	// first: automaton for leftmost-first matches (ordered states).
	first table
	// whole: automaton for whole-text matches (unordered states); built on
	// demand by CompileWhole.
	whole *table
	// starts lists the bytes a match can begin with; seconds the bytes that
	// can follow one of them.
	starts  [256]bool
	seconds [256]bool
	minLen  int
}

// table is one automaton. States are numbered 0 (dead), then non-match
// states, then match states; transitions hold premultiplied state offsets
// (state*stride), so a step is one load.
type table struct {
	class     [256]uint8
	stride    int32
	trans     []int32
	start     int32
	matchFrom int32 // offsets >= matchFrom are match states
}

// Options tunes compilation (Compile and CompileLazy); the zero value is
// the default.
type Options struct {
	// MaxStates bounds each automaton (0 means DefaultMaxStates for
	// Compile, 16 times that for CompileLazy).
	MaxStates int
	// Whole also builds the whole-text automaton (MatchWhole).
	Whole bool
}

// Compile determinises a parsed pattern's program (p.Prog()).
func Compile(p *pattern.Pattern, opts Options) (*DFA, error) {
	if opts.MaxStates <= 0 {
		opts.MaxStates = DefaultMaxStates
	}
	prog, err := p.Prog()
	if err != nil {
		return nil, err
	}
	n, err := newNFA(prog)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnsupported, err)
	}
	d := &DFA{expr: p.String()}
	if err := n.build(&d.first, true, opts.MaxStates); err != nil {
		return nil, err
	}
	if d.first.start >= d.first.matchFrom {
		return nil, fmt.Errorf("%w: matches the empty string", ErrUnsupported)
	}
	for b := range 256 {
		if d.first.trans[d.first.start+int32(d.first.class[b])] != 0 {
			d.starts[b] = true
		}
	}
	d.minLen = max(d.first.shortest(), 1)
	for b := range 256 {
		if !d.starts[b] {
			continue
		}
		st := d.first.trans[d.first.start+int32(d.first.class[b])]
		for c := range 256 {
			if d.first.trans[st+int32(d.first.class[c])] != 0 {
				d.seconds[c] = true
			}
		}
	}
	if opts.Whole {
		d.whole = new(table)
		if err := n.build(d.whole, false, opts.MaxStates); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// String returns the source pattern.
func (d *DFA) String() string { return d.expr }

// States returns the number of states of the leftmost-first automaton.
func (d *DFA) States() int { return len(d.first.trans) / int(d.first.stride) }

// Starts reports whether a match can begin with byte c.
func (d *DFA) Starts(c byte) bool { return d.starts[c] }

// Seconds reports whether byte c can follow the first byte of a match (a
// match that is one byte long has no second byte, and does not count).
func (d *DFA) Seconds(c byte) bool { return d.seconds[c] }

// EndAt returns the end of the leftmost-first match that starts at b[s],
// or -1 when none does.
func (d *DFA) EndAt(b []byte, s int) int {
	t := &d.first
	st, end := t.start, -1
	trans, class, mf := t.trans, &t.class, uint32(t.matchFrom-1)
	for i := s; i < len(b); i++ {
		st = trans[st+int32(class[b[i]])]
		// One comparison for both rare cases: the dead state (0, which
		// wraps to the top) and a match state.
		if uint32(st-1) >= mf {
			if st == 0 {
				break
			}
			end = i + 1
		}
	}
	return end
}

// Find returns the leftmost-first match in b, as regexp's FindIndex.
func (d *DFA) Find(b []byte) (start, end int, ok bool) {
	return d.FindFrom(b, 0)
}

// FindFrom returns the leftmost-first match in b starting at from or later,
// as FindIndex on b[from:] (offsets in b). There are no assertions, so the
// bytes before from make no difference.
func (d *DFA) FindFrom(b []byte, from int) (start, end int, ok bool) {
	starts := &d.starts
	for s := from; s <= len(b)-d.minLen; s++ {
		if !starts[b[s]] {
			continue
		}
		if e := d.EndAt(b, s); e >= 0 {
			return s, e, true
		}
	}
	return 0, 0, false
}

// FindFromWordStart is FindFrom that skips the matches that would start
// inside a word: at s when word[b[s-1]] and word[b[s]]. A caller that
// rejects such matches and then searches again from s+1 gets the same
// result from one call.
func (d *DFA) FindFromWordStart(b []byte, from int, word *[256]bool) (start, end int, ok bool) {
	lim := len(b) - d.minLen + 1 // starts are below lim
	if from >= lim || from < 0 {
		return 0, 0, false
	}
	starts := &d.starts
	// The bytes are read from a slice, with no bounds check and one table
	// load for most of them (those that cannot start a match).
	for i, c := range b[from:lim] {
		if !starts[c] {
			continue
		}
		if s := from + i; s == 0 || !word[c] || !word[b[s-1]] {
			if e := d.EndAt(b, s); e >= 0 {
				return s, e, true
			}
		}
	}
	return 0, 0, false
}

// Match reports whether b contains a match.
func (d *DFA) Match(b []byte) bool {
	_, _, ok := d.Find(b)
	return ok
}

// MatchWhole reports whether all of b matches, as ^(?:expr)$ would. It
// panics unless the DFA was compiled with Options.Whole.
func (d *DFA) MatchWhole(b []byte) bool {
	t := d.whole
	st := t.start
	trans, class := t.trans, &t.class
	for _, c := range b {
		st = trans[st+int32(class[c])]
		if st == 0 {
			return false
		}
	}
	return st >= t.matchFrom
}

// shortest returns the length of the shortest path from the start to a
// match state.
func (t *table) shortest() int {
	dist := map[int32]int{t.start: 0}
	queue := []int32{t.start}
	for len(queue) > 0 {
		st := queue[0]
		queue = queue[1:]
		if st >= t.matchFrom {
			return dist[st]
		}
		for c := int32(0); c < t.stride; c++ {
			next := t.trans[st+c]
			if _, ok := dist[next]; !ok && next != 0 {
				dist[next] = dist[st] + 1
				queue = append(queue, next)
			}
		}
	}
	return 0
}

// nfa is a program whose rune instructions are expanded into byte automata.
//
// Each distinct rune set is expanded once, into a template; every rune
// instruction with that set gets its own range of node numbers, whose
// edges are the template's (a [\pL\pN]{190} holds 190 instructions of one
// large set: expanding each on its own took hundreds of megabytes).
type nfa struct {
	prog *syntax.Prog
	// root[pc] is the first node of rune instruction pc, or -1; node
	// root[pc]+k is node k of its template, tmpl[tmplOf[pc]].
	root   []int32
	tmplOf []int32
	tmpl   []template
	// rootPCs lists the rune instructions in order and rootStarts their
	// roots (sorted); nnodes counts the nodes of all of them.
	rootPCs    []uint32
	rootStarts []int32
	nnodes     int32
}

// template is the byte automaton of one rune set: nodes numbered from 0
// (the root), edges[k] those of node k.
type template struct {
	edges [][]edge
}

// edge: on a byte in [lo, hi], go to template node next, or (next < 0)
// finish the rune and continue at the instruction's Out.
type edge struct {
	lo, hi byte
	next   int32
}

func newNFA(prog *syntax.Prog) (*nfa, error) {
	n := &nfa{prog: prog, root: make([]int32, len(prog.Inst)), tmplOf: make([]int32, len(prog.Inst))}
	byKey := map[string]int32{}
	for pc := range prog.Inst {
		n.root[pc], n.tmplOf[pc] = -1, -1
		inst := &prog.Inst[pc]
		var ranges []rune
		switch inst.Op {
		case syntax.InstEmptyWidth:
			return nil, errors.New("empty-width assertion")
		case syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			return nil, errors.New("class matches U+FFFD")
		case syntax.InstRune1:
			ranges = []rune{inst.Rune[0], inst.Rune[0]}
		case syntax.InstRune:
			ranges = runeRanges(inst)
		default:
			continue
		}
		for i := 0; i < len(ranges); i += 2 {
			if ranges[i] <= utf8.RuneError && utf8.RuneError <= ranges[i+1] {
				return nil, errors.New("class matches U+FFFD")
			}
		}
		key := string(ranges)
		ti, ok := byKey[key]
		if !ok {
			ti = int32(len(n.tmpl))
			byKey[key] = ti
			n.tmpl = append(n.tmpl, newTemplate(ranges))
		}
		n.tmplOf[pc] = ti
		n.root[pc] = n.nnodes
		n.rootPCs = append(n.rootPCs, uint32(pc))
		n.rootStarts = append(n.rootStarts, n.nnodes)
		if int64(n.nnodes)+int64(len(n.tmpl[ti].edges)) > maxNodes {
			return nil, fmt.Errorf("more than %d automaton nodes", maxNodes)
		}
		n.nnodes += int32(len(n.tmpl[ti].edges))
	}
	return n, nil
}

// newTemplate expands a rune set (sorted ranges) into a byte automaton.
func newTemplate(ranges []rune) template {
	t := template{edges: [][]edge{nil}}
	for i := 0; i < len(ranges); i += 2 {
		for _, seq := range utf8Sequences(ranges[i], ranges[i+1]) {
			t.addSequence(seq)
		}
	}
	return t
}

// maxNodes bounds the nodes of one NFA (rune instructions times the nodes
// of their sets' templates), and so the memory the builder marks them in.
const maxNodes = 1 << 22

// nodes returns the number of nodes.
func (n *nfa) nodes() int { return int(n.nnodes) }

// edgesOf returns the edges of node nd, the node number its template's
// node 0 has, and the instruction it belongs to.
func (n *nfa) edgesOf(nd int32) (es []edge, base int32, pc uint32) {
	// The last rune instruction whose root is at most nd.
	k, found := slices.BinarySearch(n.rootStarts, nd)
	if !found {
		k--
	}
	pc = n.rootPCs[k]
	base = n.root[pc]
	return n.tmpl[n.tmplOf[pc]].edges[nd-base], base, pc
}

// runeRanges returns the rune set of an InstRune as sorted ranges.
func runeRanges(inst *syntax.Inst) []rune {
	if len(inst.Rune) == 1 {
		r0 := inst.Rune[0]
		set := []rune{r0}
		if syntax.Flags(inst.Arg)&syntax.FoldCase != 0 {
			for r := unicode.SimpleFold(r0); r != r0; r = unicode.SimpleFold(r) {
				set = append(set, r)
			}
		}
		slices.Sort(set)
		out := make([]rune, 0, 2*len(set))
		for _, r := range set {
			out = append(out, r, r)
		}
		return out
	}
	return inst.Rune
}

// addSequence adds the byte ranges seq as a chain from the root whose last
// byte finishes the rune.
func (t *template) addSequence(seq []byteRange) {
	at := int32(0)
	for i, r := range seq {
		if i == len(seq)-1 {
			t.edges[at] = append(t.edges[at], edge{lo: r.lo, hi: r.hi, next: -1})
			return
		}
		next := int32(len(t.edges))
		t.edges = append(t.edges, nil)
		t.edges[at] = append(t.edges[at], edge{lo: r.lo, hi: r.hi, next: next})
		at = next
	}
}

// matchMark ends a thread list that holds the match instruction.
const matchMark = -1

// builder holds the scratch of one automaton construction.
//
// seenPC and seenND mark the instructions and nodes already in the list
// being built: an entry is marked when it holds gen. reset advances gen
// instead of clearing them, so a step costs the threads it visits, not the
// size of the whole NFA (ten patterns such as [\pL\pN]{190} took 17 s and
// 400 MB to compile when every step cleared arrays of the NFA's size).
type builder struct {
	n       *nfa
	ordered bool
	seenPC  []uint32
	seenND  []uint32
	gen     uint32
	list    []int32
}

func newBuilder(n *nfa, ordered bool) *builder {
	return &builder{n: n, ordered: ordered, seenPC: make([]uint32, len(n.prog.Inst)), seenND: make([]uint32, n.nodes())}
}

// closure appends the threads reachable from pc without consuming input,
// in priority order.
func (b *builder) closure(pc uint32) {
	if len(b.list) > 0 && b.list[len(b.list)-1] == matchMark && b.ordered {
		return // lower priority than a match: cut
	}
	if b.seenPC[pc] == b.gen {
		return
	}
	b.seenPC[pc] = b.gen
	inst := &b.n.prog.Inst[pc]
	switch inst.Op {
	case syntax.InstAlt, syntax.InstAltMatch:
		b.closure(inst.Out)
		b.closure(inst.Arg)
	case syntax.InstCapture, syntax.InstNop:
		b.closure(inst.Out)
	case syntax.InstMatch:
		b.list = append(b.list, matchMark)
	case syntax.InstFail:
	default:
		b.addNode(b.n.root[pc])
	}
}

func (b *builder) addNode(nd int32) {
	if b.ordered && len(b.list) > 0 && b.list[len(b.list)-1] == matchMark {
		return
	}
	if b.seenND[nd] != b.gen {
		b.seenND[nd] = b.gen
		b.list = append(b.list, nd)
	}
}

func (b *builder) reset() {
	if b.gen++; b.gen == 0 { // wrapped: marks of gen 0 would look current
		clear(b.seenPC)
		clear(b.seenND)
		b.gen = 1
	}
	b.list = b.list[:0]
}

// canonical turns a thread list into a state key: for the unordered
// automaton, sorted with the match mark (if any) last.
func (b *builder) canonical() []int32 {
	l := b.list
	if b.ordered {
		return l
	}
	match := false
	out := l[:0]
	for _, x := range l {
		if x == matchMark {
			match = true
		} else {
			out = append(out, x)
		}
	}
	slices.Sort(out)
	if match {
		out = append(out, matchMark)
	}
	b.list = out
	return out
}

// build constructs the automaton: ordered (leftmost-first, cut at a match)
// or unordered (every thread kept).
func (n *nfa) build(t *table, ordered bool, maxStates int) error {
	reps := n.classes(&t.class)
	stride := int32(len(reps))
	t.stride = stride

	b := newBuilder(n, ordered)
	type state struct {
		list  []int32
		match bool
	}
	var states []state
	index := map[string]int32{}
	key := func(l []int32) string {
		buf := make([]byte, 0, 4*len(l))
		for _, x := range l {
			buf = append(buf, byte(x), byte(x>>8), byte(x>>16), byte(x>>24))
		}
		return string(buf)
	}
	// State 0 is dead (the empty list).
	states = append(states, state{})
	index[""] = 0
	size := 0 // bytes the states take
	intern := func(l []int32) (int32, error) {
		k := key(l)
		if i, ok := index[k]; ok {
			return i, nil
		}
		if len(states) >= maxStates {
			return 0, fmt.Errorf("%w: more than %d states", ErrUnsupported, maxStates)
		}
		if size += stateBytes(len(l), stride); size > MaxBytes {
			return 0, fmt.Errorf("%w: states take more than %d bytes", ErrUnsupported, MaxBytes)
		}
		i := int32(len(states))
		index[k] = i
		match := len(l) > 0 && l[len(l)-1] == matchMark
		threads := slices.Clone(l)
		if match {
			threads = threads[:len(threads)-1]
		}
		states = append(states, state{list: threads, match: match})
		return i, nil
	}
	b.reset()
	b.closure(uint32(n.prog.Start))
	start, err := intern(b.canonical())
	if err != nil {
		return err
	}
	var trans []int32 // by state number, not yet premultiplied
	for si := 0; si < len(states); si++ {
		for _, c := range reps {
			b.step(states[si].list, c)
			next, err := intern(b.canonical())
			if err != nil {
				return err
			}
			trans = append(trans, next)
		}
	}
	// Renumber: dead, non-match states, match states.
	order := make([]int32, len(states)) // new number of old state i
	num := int32(0)
	for i := range states {
		if !states[i].match {
			order[i] = num
			num++
		}
	}
	matchFrom := num
	for i := range states {
		if states[i].match {
			order[i] = num
			num++
		}
	}
	t.trans = make([]int32, len(trans))
	for i := range states {
		for c := int32(0); c < stride; c++ {
			t.trans[order[i]*stride+c] = order[trans[int32(i)*stride+c]] * stride
		}
	}
	t.start = order[start] * stride
	t.matchFrom = matchFrom * stride
	if matchFrom == int32(len(states)) {
		t.matchFrom = int32(len(t.trans)) + 1 // no match state
	}
	return nil
}

// stateBytes is about the memory a state of a thread list of n entries
// takes in an automaton of stride classes: its transitions, its list and
// its index key.
func stateBytes(n int, stride int32) int { return 4*int(stride) + 12*n + 64 }

// classes fills class with the byte classes (bytes no edge tells apart
// share one) and returns a representative of each.
func (n *nfa) classes(class *[256]uint8) []byte {
	var bounds [257]bool
	bounds[0], bounds[256] = true, true
	for _, t := range n.tmpl {
		for _, es := range t.edges {
			for _, e := range es {
				bounds[e.lo] = true
				bounds[int(e.hi)+1] = true
			}
		}
	}
	var reps []byte
	cls := -1
	for c := 0; c < 256; c++ {
		if bounds[c] {
			cls++
			reps = append(reps, byte(c))
		}
		class[c] = uint8(cls)
	}
	return reps
}

// step sets b.list to the threads that follow threads on byte c.
func (b *builder) step(threads []int32, c byte) {
	b.reset()
	for _, nd := range threads {
		es, base, pc := b.n.edgesOf(nd)
		for _, e := range es {
			if c < e.lo || c > e.hi {
				continue
			}
			if e.next >= 0 {
				b.addNode(base + e.next)
			} else {
				b.closure(b.n.prog.Inst[pc].Out)
			}
		}
	}
}

// byteRange is one byte position of a UTF-8 sequence range.
type byteRange struct{ lo, hi byte }

// utf8Sequences returns the UTF-8 encodings of the runes in [lo, hi],
// surrogates excluded, as sequences of byte ranges: every byte string that
// matches one sequence position by position is the encoding of a rune in
// the range, and every such encoding matches exactly one sequence.
func utf8Sequences(lo, hi rune) [][]byteRange {
	if hi > unicode.MaxRune {
		hi = unicode.MaxRune
	}
	var out [][]byteRange
	var split func(lo, hi rune)
	split = func(lo, hi rune) {
		if lo > hi {
			return
		}
		// Surrogates are never decoded.
		if lo < 0xD800 && hi >= 0xD800 {
			split(lo, 0xD7FF)
			split(0xE000, hi)
			return
		}
		if lo >= 0xD800 && lo <= 0xDFFF {
			split(0xE000, hi)
			return
		}
		// Split at encoding-length boundaries.
		for _, m := range []rune{0x7F, 0x7FF, 0xFFFF} {
			if lo <= m && hi > m {
				split(lo, m)
				split(m+1, hi)
				return
			}
		}
		n := utf8.RuneLen(lo)
		if n == 1 {
			out = append(out, []byteRange{{byte(lo), byte(hi)}})
			return
		}
		// Split so that all continuation positions below some level are
		// full ranges.
		for i := 1; i < n; i++ {
			m := rune(1)<<(6*i) - 1
			if lo&^m != hi&^m {
				if lo&m != 0 {
					split(lo, lo|m)
					split((lo|m)+1, hi)
					return
				}
				if hi&m != m {
					split(lo, (hi&^m)-1)
					split(hi&^m, hi)
					return
				}
			}
		}
		var a, z [utf8.UTFMax]byte
		utf8.EncodeRune(a[:], lo)
		utf8.EncodeRune(z[:], hi)
		seq := make([]byteRange, n)
		for i := range n {
			seq[i] = byteRange{a[i], z[i]}
		}
		out = append(out, seq)
	}
	split(lo, hi)
	return out
}
