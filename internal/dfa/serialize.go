package dfa

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// # Serialised automata
//
// AppendBinary writes a compiled DFA's leftmost-first automaton as bytes and
// Decode reads it back without building anything, as regex-automata's
// DFA::to_bytes and from_bytes do: the detector embeds the managed
// catalog's automata in the module (see package detector) and loads them in
// microseconds instead of determinising every pattern at start-up.
//
// The form is little-endian and versioned (FormatVersion): the version
// byte, the byte classes (256 bytes), then uvarints for the stride (number
// of classes), the number of states, the start state, the first match
// state (the number of states when none) and the shortest match length,
// then the starts and seconds sets (32 bytes each), a width byte (1, 2 or 4)
// and the transitions, state by state and class by class, as state numbers
// of that width. Decode checks every field (classes below the stride,
// transitions below the number of states, sets consistent with the
// table's start row) so that a damaged form is refused, never followed;
// the caller checks a checksum over it too, since a damaged transition can
// still name a valid state.
//
// The whole-text automaton (Options.Whole) is not serialised.

// FormatVersion is the version of the serialised form. It changes whenever
// the form, or what the automaton of a given pattern is, changes: an older
// form is refused.
const FormatVersion = 1

// AppendBinary appends the serialised leftmost-first automaton of d to b.
func (d *DFA) AppendBinary(b []byte) ([]byte, error) {
	t := &d.first
	n := len(t.trans) / int(t.stride)
	b = append(b, FormatVersion)
	b = append(b, t.class[:]...)
	b = binary.AppendUvarint(b, uint64(t.stride))
	b = binary.AppendUvarint(b, uint64(n))
	b = binary.AppendUvarint(b, uint64(t.start/t.stride))
	matchFrom := n
	if int(t.matchFrom) <= len(t.trans) {
		matchFrom = int(t.matchFrom / t.stride)
	}
	b = binary.AppendUvarint(b, uint64(matchFrom))
	b = binary.AppendUvarint(b, uint64(d.minLen))
	b = appendSet(b, &d.starts)
	b = appendSet(b, &d.seconds)
	width := byte(4)
	switch {
	case n <= 1<<8:
		width = 1
	case n <= 1<<16:
		width = 2
	}
	b = append(b, width)
	for _, x := range t.trans {
		st := uint32(x / t.stride)
		switch width {
		case 1:
			b = append(b, byte(st))
		case 2:
			b = binary.LittleEndian.AppendUint16(b, uint16(st))
		default:
			b = binary.LittleEndian.AppendUint32(b, st)
		}
	}
	return b, nil
}

func appendSet(b []byte, set *[256]bool) []byte {
	var bits [32]byte
	for c, ok := range set {
		if ok {
			bits[c/8] |= 1 << (c % 8)
		}
	}
	return append(b, bits[:]...)
}

// ErrCorrupt reports a serialised automaton that Decode refuses.
var ErrCorrupt = errors.New("dfa: corrupt serialised automaton")

// Decode reads an automaton written by AppendBinary for the pattern expr
// (which the form does not hold; String returns it). It refuses a form of
// another version and any inconsistent one, with an error wrapping
// ErrCorrupt.
func Decode(expr string, data []byte) (*DFA, error) {
	r := reader{b: data}
	if v := r.byte(); v != FormatVersion {
		return nil, fmt.Errorf("%w: version %d, want %d", ErrCorrupt, v, FormatVersion)
	}
	d := &DFA{expr: expr}
	t := &d.first
	copy(t.class[:], r.bytes(256))
	stride := r.uvarint(256)
	n := r.uvarint(1 << 24)
	start := r.uvarint(n)
	matchFrom := r.uvarint(n + 1)
	d.minLen = int(r.uvarint(1 << 30))
	readSet(&r, &d.starts)
	readSet(&r, &d.seconds)
	width := r.byte()
	if r.err != nil {
		return nil, r.err
	}
	if stride == 0 || n == 0 || start >= n || start >= matchFrom || d.minLen < 1 || width != 1 && width != 2 && width != 4 {
		return nil, fmt.Errorf("%w: bad header", ErrCorrupt)
	}
	for _, k := range t.class {
		if uint64(k) >= stride {
			return nil, fmt.Errorf("%w: byte class %d of %d", ErrCorrupt, k, stride)
		}
	}
	cells := n * stride
	if uint64(len(data)-r.off) != cells*uint64(width) {
		return nil, fmt.Errorf("%w: %d bytes of transitions, want %d", ErrCorrupt, len(data)-r.off, cells*uint64(width))
	}
	s := int32(stride)
	t.stride = s
	t.start = int32(start) * s
	t.matchFrom = int32(matchFrom) * s
	if matchFrom == n {
		t.matchFrom = int32(cells) + 1 // no match state
	}
	t.trans = make([]int32, cells)
	// One pass per width, with no branch per cell: the largest state
	// number is checked once, after the loop.
	body := data[r.off:]
	var top uint64
	switch width {
	case 1:
		body = body[:len(t.trans)]
		var mx byte
		for i, x := range body {
			mx = max(mx, x)
			t.trans[i] = int32(x) * s
		}
		top = uint64(mx)
	case 2:
		body = body[:2*len(t.trans)]
		var mx uint16
		for i := range t.trans {
			x := binary.LittleEndian.Uint16(body[2*i:])
			mx = max(mx, x)
			t.trans[i] = int32(x) * s
		}
		top = uint64(mx)
	default:
		body = body[:4*len(t.trans)]
		var mx uint32
		for i := range t.trans {
			x := binary.LittleEndian.Uint32(body[4*i:])
			mx = max(mx, x)
			t.trans[i] = int32(x) * s
		}
		top = uint64(mx)
	}
	bad := top >= n
	if bad {
		return nil, fmt.Errorf("%w: transition to a state out of range", ErrCorrupt)
	}
	// The dead state stays dead, and the start set is the start row's.
	for k := range s {
		if t.trans[k] != 0 {
			return nil, fmt.Errorf("%w: dead state has a transition", ErrCorrupt)
		}
	}
	for c := range 256 {
		if d.starts[c] != (t.trans[t.start+int32(t.class[c])] != 0) {
			return nil, fmt.Errorf("%w: start set differs from the table", ErrCorrupt)
		}
	}
	return d, nil
}

func readSet(r *reader, set *[256]bool) {
	bits := r.bytes(32)
	if r.err != nil {
		return
	}
	unpackSet(bits, set)
}

// unpackSet sets set[c] to bit c of bits (32 bytes, least significant
// bit first), eight bits at a time.
func unpackSet(bits []byte, set *[256]bool) {
	for i, b := range bits[:32] {
		s := set[8*i : 8*i+8 : 8*i+8]
		s[0], s[1], s[2], s[3] = b&1 != 0, b&2 != 0, b&4 != 0, b&8 != 0
		s[4], s[5], s[6], s[7] = b&16 != 0, b&32 != 0, b&64 != 0, b&128 != 0
	}
}

// reader reads a serialised form, remembering the first error.
type reader struct {
	b   []byte
	off int
	err error
}

func (r *reader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: truncated at %s (offset %d)", ErrCorrupt, what, r.off)
	}
}

func (r *reader) byte() byte {
	if r.err != nil || r.off >= len(r.b) {
		r.fail("a byte")
		return 0
	}
	r.off++
	return r.b[r.off-1]
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil || len(r.b)-r.off < n {
		r.fail(fmt.Sprintf("%d bytes", n))
		return make([]byte, n)
	}
	r.off += n
	return r.b[r.off-n : r.off]
}

// uvarint reads a uvarint of at most limit.
func (r *reader) uvarint(limit uint64) uint64 {
	if r.err != nil {
		return 0
	}
	x, k := binary.Uvarint(r.b[r.off:])
	if k <= 0 || x > limit {
		r.fail("a number")
		return 0
	}
	r.off += k
	return x
}
