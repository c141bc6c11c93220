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
}

// Unanchored builds d's unanchored automaton, or returns nil when it would
// have more than maxStates states.
func (d *DFA) Unanchored(maxStates int) *Unanchored {
	t := &d.first
	u := &Unanchored{class: t.class, stride: t.stride}
	index := map[string]int32{} // a set's states, as bytes -> its offset
	var sets [][]int32
	var key []byte
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
		sets = append(sets, set)
		return st
	}
	u.start = add([]int32{t.start})
	for i := 0; i < len(sets); i++ {
		if len(sets) > maxStates {
			return nil
		}
		set := sets[i]
		for c := range t.stride {
			next := []int32{t.start}
			accept := false
			for _, q := range set {
				n := t.trans[q+c]
				if n >= t.matchFrom {
					accept = true
					break
				}
				if n != 0 && !slices.Contains(next, n) {
					next = append(next, n)
				}
			}
			if accept {
				u.trans = append(u.trans, -1)
				continue
			}
			slices.Sort(next)
			u.trans = append(u.trans, add(next))
		}
	}
	return u
}

// Contains reports whether b holds a match of the automaton's pattern.
func (u *Unanchored) Contains(b []byte) bool {
	st := u.start
	trans, class := u.trans, &u.class
	for _, c := range b {
		if st = trans[st+int32(class[c])]; st < 0 {
			return true
		}
	}
	return false
}

// States returns the number of states.
func (u *Unanchored) States() int { return len(u.trans) / int(u.stride) }
