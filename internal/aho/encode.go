package aho

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// FormatVersion is the version of the form AppendBinary writes; it changes
// whenever the form does, and Decode refuses any other.
const FormatVersion = 5

// ErrCorrupt reports a form that Decode refuses.
var ErrCorrupt = errors.New("aho: corrupt form")

// The form AppendBinary writes holds a Matcher's primary tables (numbers
// are uvarints unless said otherwise):
//
//	version   byte: FormatVersion
//	words     the number of words, then the length of each
//	trie      class (256 bytes); the number of nodes; the label of each
//	          node (a byte each, breadth first as the trie numbers them);
//	          the number of children n and of words w of each node, as one
//	          byte n | w<<4 when n < 15 and w < 16, else 0x0f and both;
//	          the words of each node, in order
//	free      a byte, 0 without free words; else class (256 bytes), the
//	          number of ASCII classes and of states, each state's row (its
//	          ASCII transitions and failure link as state numbers, then the
//	          bounds of its edges in other), the edges (class byte, state),
//	          the first state with output (the number of states for none),
//	          the output lists' bounds (one per output state, plus one),
//	          and the number of output words, then each
//	near      the number of distinct rows of 256 bytes near[b|c<<8] (b
//	          varying; without the bits nearDerived), each row, then the
//	          row of each c (a byte each)
//	free      the number of words of the free words' filter (filters.free)
//	          that are not 0, then each: its index, and the word
//	          (little-endian uint64)
//
// What the trie's nodes hold besides (their first child, their map of
// ASCII children and dense rows, the bounds of their words) follows from
// it, as newTrie lays it out; the tables finish derives are not written.

// MarshalBinary returns the form of m that Decode reads
// (encoding.BinaryMarshaler).
func (m *Matcher) MarshalBinary() ([]byte, error) { return m.AppendBinary(nil) }

// AppendBinary appends the form of m that Decode reads to b
// (encoding.BinaryAppender). The form depends only on m: the same words,
// bounds and marks always give the same bytes.
func (m *Matcher) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, FormatVersion)
	b = binary.AppendUvarint(b, uint64(m.words))
	for _, l := range m.lens {
		b = binary.AppendUvarint(b, uint64(l))
	}

	t := &m.trie
	b = append(b, t.class[:]...)
	b = binary.AppendUvarint(b, uint64(len(t.nodes)))
	b = append(b, t.label...)
	for i := range t.nodes {
		nd := &t.nodes[i]
		if n, nout := nd.n, nd.outEnd-nd.out; n < 15 && nout < 16 {
			b = append(b, byte(n)|byte(nout)<<4)
		} else {
			b = append(b, 0x0f)
			b = binary.AppendUvarint(b, uint64(n))
			b = binary.AppendUvarint(b, uint64(nout))
		}
	}
	for _, w := range t.outs {
		b = binary.AppendUvarint(b, uint64(w))
	}

	if a := m.free; a == nil {
		b = append(b, 0)
	} else {
		b = append(b, 1)
		b = append(b, a.class[:]...)
		states := a.states()
		b = binary.AppendUvarint(b, uint64(a.ascii))
		b = binary.AppendUvarint(b, uint64(states))
		for s := range states {
			row := a.trans[s*int(a.width) : (s+1)*int(a.width)]
			for k, v := range row {
				if k <= int(a.ascii)+colFail {
					v /= a.width
				}
				b = binary.AppendUvarint(b, uint64(v))
			}
		}
		b = binary.AppendUvarint(b, uint64(len(a.other)))
		for _, e := range a.other {
			b = append(b, e.class)
			b = binary.AppendUvarint(b, uint64(e.next/a.width))
		}
		outFrom := states
		if int(a.outFrom) <= len(a.trans) {
			outFrom = int(a.outFrom / a.width)
		}
		b = binary.AppendUvarint(b, uint64(outFrom))
		for _, x := range a.outIndex {
			b = binary.AppendUvarint(b, uint64(x))
		}
		b = binary.AppendUvarint(b, uint64(len(a.outList)))
		for _, w := range a.outList {
			b = binary.AppendUvarint(b, uint64(w))
		}
	}

	// near without the bits finish derives, as its distinct rows: a
	// catalog's has a few dozen.
	near := new(pairTable)
	for i, v := range m.near {
		near[i] = v &^ nearDerived
	}
	var rowOf [256]byte
	var rows []int // the c of each distinct row's first occurrence
	for c := range 256 {
		row := near[c<<8 : c<<8+256]
		k := 0
		for k < len(rows) && string(near[rows[k]<<8:rows[k]<<8+256]) != string(row) {
			k++
		}
		if k == len(rows) {
			rows = append(rows, c)
		}
		rowOf[c] = byte(k)
	}
	b = binary.AppendUvarint(b, uint64(len(rows)))
	for _, c := range rows {
		b = append(b, near[c<<8:c<<8+256]...)
	}
	b = append(b, rowOf[:]...)

	n := 0
	for _, x := range m.filters.free {
		if x != 0 {
			n++
		}
	}
	b = binary.AppendUvarint(b, uint64(n))
	for i, x := range m.filters.free {
		if x != 0 {
			b = binary.AppendUvarint(b, uint64(i))
			b = binary.LittleEndian.AppendUint64(b, x)
		}
	}
	return b, nil
}

// decoder reads a form; the first error sticks, and every read after it
// returns zeros.
type decoder struct {
	b   []byte
	off int
	err error
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w at byte %d: %s", ErrCorrupt, d.off, fmt.Sprintf(format, args...))
	}
}

// uint reads a uvarint of at most limit.
func (d *decoder) uint(limit int, what string) int {
	// Most numbers take one byte: read them without a call. (After an
	// error, what is read no longer matters.)
	if off := d.off; off < len(d.b) {
		if x := int(d.b[off]); x < 0x80 && x <= limit {
			d.off = off + 1
			return x
		}
	}
	return d.uintSlow(limit, what)
}

func (d *decoder) uintSlow(limit int, what string) int {
	if d.err != nil {
		return 0
	}
	x, k := binary.Uvarint(d.b[d.off:])
	if k <= 0 {
		d.fail("bad %s", what)
		return 0
	}
	if x > uint64(limit) {
		d.fail("%s %d out of range (at most %d)", what, x, limit)
		return 0
	}
	d.off += k
	return int(x)
}

// count reads a number of items that take at least one byte each: at most
// what remains of the form, so that a damaged count never makes a large
// allocation.
func (d *decoder) count(what string) int {
	return d.uint(len(d.b)-d.off, what)
}

// bytes reads n bytes (within the form, not copied).
func (d *decoder) bytes(n int, what string) []byte {
	if d.err != nil {
		return nil
	}
	if n > len(d.b)-d.off {
		d.fail("%s truncated", what)
		return nil
	}
	d.off += n
	return d.b[d.off-n : d.off]
}

// Decode returns the Matcher whose form b is (AppendBinary), the one
// NewMarked built. It checks every number it reads against the bounds the
// scan relies on (indices, offsets, lengths, the order of the trie's
// nodes and children, failure links that lead to the root), so that a
// damaged form gives an error and never a Matcher that would index out of
// range, loop or report a word outside the text; a form that passes these
// checks but was changed still finds words only within the text. b is not
// retained.
func Decode(b []byte) (*Matcher, error) {
	d := &decoder{b: b}
	if len(b) == 0 || b[0] != FormatVersion {
		return nil, fmt.Errorf("%w: not version %d", ErrCorrupt, FormatVersion)
	}
	d.off = 1
	m := &Matcher{}
	m.words = d.count("word count")
	m.lens = make([]int32, m.words)
	for i := range m.lens {
		m.lens[i] = int32(d.uint(math.MaxInt32, "word length"))
	}
	d.trie(&m.trie, m.words)
	if flag := d.bytes(1, "free automaton flag"); d.err == nil {
		switch flag[0] {
		case 0:
		case 1:
			m.free = d.automaton(m.lens)
		default:
			d.fail("bad free automaton flag")
		}
	}

	rows := d.uint(256, "near row count")
	table := d.bytes(rows*256, "near rows")
	rowOf := d.bytes(256, "near row numbers")
	if d.err != nil {
		return nil, d.err
	}
	for c, k := range rowOf {
		if int(k) >= rows {
			d.fail("near row %d out of range", k)
			return nil, d.err
		}
		copy(m.near[c<<8:c<<8+256], table[int(k)<<8:])
	}
	for _, v := range m.near {
		if v&nearDerived != 0 {
			d.fail("near holds bits derived from the trie")
			return nil, d.err
		}
		if m.free == nil && v&(nearFree|nearFreeShort) != 0 {
			d.fail("near marks a free word without free words")
			return nil, d.err
		}
	}
	free := &m.filters.free
	n := d.uint(len(free), "free filter word count")
	for k, last := 0, -1; k < n && d.err == nil; k++ {
		i := d.uint(len(free)-1, "free filter word index")
		x := d.bytes(8, "free filter word")
		if d.err == nil && (i <= last || binary.LittleEndian.Uint64(x) == 0) {
			d.fail("free filter words out of order")
		}
		if d.err != nil {
			return nil, d.err
		}
		free[i], last = binary.LittleEndian.Uint64(x), i
	}
	if d.err == nil && d.off != len(b) {
		d.fail("%d bytes after the form", len(b)-d.off)
	}
	if d.err != nil {
		return nil, d.err
	}
	m.finish()
	return m, nil
}

// trie reads the trie of the anchored words and lays out its nodes as
// newTrie does.
func (d *decoder) trie(t *trie, words int) {
	copy(t.class[:], d.bytes(256, "trie classes"))
	t.width = d.classes(&t.class)
	count := d.count("trie node count")
	if d.err == nil && count == 0 {
		d.fail("trie without a root")
	}
	t.label = append([]uint8(nil), d.bytes(count, "trie labels")...)
	if d.err != nil {
		return
	}
	if t.label[0] != 0 {
		d.fail("trie root has a label")
		return
	}
	t.nodes = make([]node, count)
	next, outs := int32(1), 0 // the first child of the next node with children; words so far
	for q := range t.nodes {
		nd := &t.nodes[q]
		if q > 0 && int(next) <= q {
			d.fail("trie node %d has no parent", q)
			return
		}
		if d.off >= len(d.b) {
			d.fail("trie nodes truncated")
			return
		}
		x := d.b[d.off]
		d.off++
		n, nout := int(x&0x0f), int(x>>4)
		switch {
		case x == 0x0f:
			n = d.uint(count-int(next), "trie child count")
			nout = d.count("trie node word count")
		case n > count-int(next):
			d.fail("trie child count out of range")
		}
		if d.err != nil {
			return
		}
		nd.kids, nd.n, nd.row = next, int32(n), -1
		next += int32(n)
		nd.out = int32(outs)
		outs += nout
		nd.outEnd = int32(outs)
		if outs > len(d.b) {
			d.fail("trie word count out of range")
			return
		}
		// The children's labels: in order of class, none 0, each below
		// width; those below 64 in low, a dense row for many others.
		high, prev := 0, uint8(0)
		for _, l := range t.label[nd.kids:next] {
			if l <= prev || int32(l) >= t.width {
				d.fail("trie node %d: bad child label", q)
				return
			}
			prev = l
			if l < 64 {
				nd.low |= 1 << l
			} else {
				high++
			}
		}
		if high > thinKids {
			nd.row = int32(len(t.dense))
			t.dense = append(t.dense, make([]int32, t.width)...)
			for k := nd.kids; k < next; k++ {
				t.dense[nd.row+int32(t.label[k])] = k
			}
		}
	}
	if int(next) != count {
		d.fail("trie has %d nodes, its edges %d", count, next)
		return
	}
	t.outs = make([]int32, outs)
	for i := range t.outs {
		t.outs[i] = int32(d.uint(words-1, "trie word"))
	}
	if words == 0 && outs > 0 {
		d.fail("trie words without words")
	}
}

// classes checks a table of byte classes (each byte that occurs in a word
// has its own, upper-case ASCII letters share their lower-case letter's,
// every other byte is 0) and returns the number of classes, 0 included.
func (d *decoder) classes(class *[256]uint8) int32 {
	var seen [256]bool
	n := 1
	for c, k := range class {
		if c >= 'A' && c <= 'Z' {
			if k != class[c+32] {
				d.fail("class of %q differs from its lower case", byte(c))
			}
			continue
		}
		if k == 0 {
			continue
		}
		if seen[k] {
			d.fail("class %d given twice", k)
		}
		seen[k] = true
		n = max(n, int(k)+1)
	}
	return int32(n)
}

// automaton reads the free automaton, lens being the words' lengths.
func (d *decoder) automaton(lens []int32) *automaton {
	a := &automaton{}
	copy(a.class[:], d.bytes(256, "automaton classes"))
	d.classes(&a.class)
	a.ascii = int32(d.uint(0x80, "ASCII class count"))
	for c := range 0x80 {
		if int32(a.class[c]) >= a.ascii {
			d.fail("ASCII class out of range")
		}
	}
	a.width = a.ascii + extraCols
	// Each state's row takes a byte per column at least.
	states := d.uint((len(d.b)-d.off)/int(a.width), "automaton state count")
	if d.err != nil {
		return nil
	}
	if states == 0 {
		d.fail("automaton state count %d out of range", states)
		return nil
	}
	w := int(a.width)
	a.trans = make([]int32, states*w)
	for i := range a.trans {
		k := i % w
		if k <= int(a.ascii)+colFail {
			a.trans[i] = int32(d.uint(states-1, "automaton transition") * w)
		} else {
			a.trans[i] = int32(d.uint(math.MaxInt32, "automaton edge bound"))
		}
	}
	nother := d.count("automaton edge count")
	if d.err != nil {
		return nil
	}
	if nother > 0 {
		a.other = make([]edge, nother)
	}
	for i := range a.other {
		cl := d.bytes(1, "edge class")
		next := d.uint(states-1, "edge state")
		if d.err != nil {
			return nil
		}
		a.other[i] = edge{cl[0], int32(next * w)}
	}
	for s := range states {
		from, to := a.trans[s*w+int(a.ascii)+colOtherFrom], a.trans[s*w+int(a.ascii)+colOtherTo]
		if from > to || int(to) > nother {
			d.fail("state %d: edges out of range", s)
			return nil
		}
	}
	outFrom := d.uint(states, "first output state")
	a.outFrom = int32(outFrom * w)
	if outFrom == states {
		a.outFrom = int32(len(a.trans)) + 1
	}
	a.outIndex = make([]int32, states-outFrom+1)
	for i := range a.outIndex {
		a.outIndex[i] = int32(d.uint(math.MaxInt32, "output bound"))
	}
	nout := d.count("output word count")
	if d.err != nil {
		return nil
	}
	if a.outIndex[0] != 0 || int(a.outIndex[len(a.outIndex)-1]) != nout {
		d.fail("output bounds do not cover the output words")
		return nil
	}
	for i := 1; i < len(a.outIndex); i++ {
		if a.outIndex[i] < a.outIndex[i-1] {
			d.fail("output bounds out of order")
			return nil
		}
	}
	a.outList = make([]int32, nout)
	for i := range a.outList {
		if len(lens) == 0 {
			d.fail("output word without words")
			return nil
		}
		a.outList[i] = int32(d.uint(len(lens)-1, "output word"))
	}
	if d.err != nil {
		return nil
	}
	d.checkDepths(a, lens, outFrom)
	return a
}

// checkDepths checks that a run of the automaton cannot loop or report a
// word that starts before the run: each state's failure link leads to a
// state fewer steps from the root, and no word a state outputs is longer
// than the fewest bytes that reach the state. (A run from text[p] reaches a
// state after at least that many bytes, and stepOther follows failure
// links only to states nearer the root, each with edges of one step.)
func (d *decoder) checkDepths(a *automaton, lens []int32, outFrom int) {
	w, asc := int(a.width), int(a.ascii)
	states := len(a.trans) / w
	dist := make([]int32, states)
	for i := range dist {
		dist[i] = -1
	}
	dist[0] = 0
	queue := make([]int32, 1, states)
	for q := 0; q < len(queue); q++ {
		s := int(queue[q])
		row := a.trans[s*w : (s+1)*w]
		visit := func(t int32) {
			if dist[t/a.width] < 0 {
				dist[t/a.width] = dist[s] + 1
				queue = append(queue, t/a.width)
			}
		}
		for _, t := range row[:asc] {
			visit(t)
		}
		for _, e := range a.other[row[asc+colOtherFrom]:row[asc+colOtherTo]] {
			visit(e.next)
		}
	}
	for s := range states {
		if dist[s] < 0 {
			continue // no run reaches it
		}
		f := a.trans[s*w+asc+colFail] / a.width
		if s != 0 && (dist[f] < 0 || dist[f] >= dist[s]) {
			d.fail("state %d: failure link does not lead nearer the root", s)
			return
		}
		if s >= outFrom {
			k := s - outFrom
			for _, wi := range a.outList[a.outIndex[k]:a.outIndex[k+1]] {
				if lens[wi] > dist[s] || lens[wi] == 0 {
					d.fail("state %d outputs a word longer than its depth", s)
					return
				}
			}
		}
	}
}
