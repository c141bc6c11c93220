package dfa

import (
	"encoding/binary"
	"slices"
)

// Unanchored answers whether a text holds a match anywhere, in one pass of
// one step per byte: it is the leftmost-first automaton run from every
// start at once (the subset construction over its states, with the start
// state added at each step), which accepts as soon as a walk from any start
// reaches a match state. A search that tries each start (FindFrom) walks
// from every byte that can start a match; a caller with many short texts
// that mostly hold no match (runs of a pattern's bytes, windows) rejects
// them with one walk each. It is immutable and safe for concurrent use.
type Unanchored struct {
	class  [256]uint8
	stride int32
	// trans holds premultiplied state offsets, as table.trans does; a
	// negative entry means that a match ends at that byte.
	trans []int32
	start int32
	// pairs, when it is small (maxPairs), steps two bytes at a time, so
	// that a walk waits for half as many dependent loads:
	// pairs[p + a*stride + b] for state offset p (state*stride*stride) and
	// byte classes a and b is the offset of the state after both, or -1
	// when a match ends at either.
	pairs []int32
	// rowClass[c] is c's class times the stride: the offset of its row in
	// a state's block of pairs.
	rowClass [256]int32
}

// maxPairs bounds the entries of Unanchored.pairs.
const maxPairs = 1 << 15

// maxUnanchoredWork bounds the transitions of d's states that building an
// unanchored automaton reads (a few milliseconds' work), so that a large
// automaton costs no more than that before it is refused.
const maxUnanchoredWork = 1 << 21

// Unanchored builds d's unanchored automaton, or returns nil when it would
// have more than maxStates states or take too long to build.
func (d *DFA) Unanchored(maxStates int) *Unanchored {
	t := &d.first
	u := &Unanchored{class: t.class, stride: t.stride}
	// seen[q/stride] == gen marks the states already in the set being
	// built.
	seen := make([]uint32, d.States())
	gen := uint32(0)
	work := 0
	index := map[string]int32{} // a set's states, as bytes -> its offset
	var sets [][]int32
	var key []byte
	var buf []int32 // the set being built
	add := func(set []int32) int32 {
		key = key[:0]
		for _, q := range set {
			key = binary.LittleEndian.AppendUint32(key, uint32(q))
		}
		if st, ok := index[string(key)]; ok {
			return st
		}
		st := int32(len(sets)) * t.stride
		index[string(key)] = st
		sets = append(sets, slices.Clone(set))
		return st
	}
	u.start = add([]int32{t.start})
	for i := 0; i < len(sets); i++ {
		if len(sets) > maxStates {
			return nil
		}
		set := sets[i]
		if work += int(t.stride) * len(set); work > maxUnanchoredWork {
			return nil
		}
		for c := range t.stride {
			gen++
			next := append(buf[:0], t.start)
			seen[t.start/t.stride] = gen
			accept := false
			for _, q := range set {
				n := t.trans[q+c]
				if n >= t.matchFrom {
					accept = true
					break
				}
				if n != 0 && seen[n/t.stride] != gen {
					seen[n/t.stride] = gen
					next = append(next, n)
				}
			}
			if accept {
				u.trans = append(u.trans, -1)
				continue
			}
			slices.Sort(next)
			u.trans = append(u.trans, add(next))
			buf = next
		}
	}
	if n, s := int32(len(sets)), u.stride; int(n*s*s) <= maxPairs {
		u.pairs = make([]int32, n*s*s)
		for c := range 256 {
			u.rowClass[c] = int32(u.class[c]) * s
		}
		for q := range n {
			for a := range s {
				for b := range s {
					next := int32(-1)
					if t1 := u.trans[q*s+a]; t1 >= 0 {
						if t2 := u.trans[t1+b]; t2 >= 0 {
							next = t2 * s // t2 = state*s
						}
					}
					u.pairs[q*s*s+a*s+b] = next
				}
			}
		}
	}
	return u
}

// Contains reports whether b holds a match of the automaton's pattern.
func (u *Unanchored) Contains(b []byte) bool {
	st := u.start
	trans, class := u.trans, &u.class
	if pairs := u.pairs; pairs != nil {
		s := u.stride
		row := &u.rowClass
		p := st * s
		// b is resliced rather than indexed, so that the loop holds no
		// bounds check but the table's.
		for len(b) >= 2 {
			if p = pairs[p+row[b[0]]+int32(class[b[1]])]; p < 0 {
				return true
			}
			b = b[2:]
		}
		st = p / s
	}
	for _, c := range b {
		if st = trans[st+int32(class[c])]; st < 0 {
			return true
		}
	}
	return false
}

// States returns the number of states.
func (u *Unanchored) States() int { return len(u.trans) / int(u.stride) }
