// Package spanset keeps a set of disjoint spans whose ends are taken from a
// fixed list of offsets, and tells whether a span overlaps one of them, in
// O(log n) time for n offsets. Resolving overlapping findings (keep each
// candidate, strongest first, unless it overlaps a kept one) takes
// O(k log k) time for k candidates with it, where comparing each candidate
// with every kept one is quadratic.
//
// The spans of a set never overlap, so each segment between two
// consecutive offsets is covered by at most one: a Fenwick tree over the
// segments counts the covered ones before an offset, and a span overlaps
// the set exactly when it holds a covered segment. Adding a span marks its
// segments, each once over the set's life.
package spanset

import "slices"

// Set is a set of disjoint spans [start, end) over a list of offsets. The
// zero value is an empty set over no offsets; Reset readies it for a list
// and reuses its memory. A Set is not safe for concurrent use.
type Set struct {
	offsets []int
	tree    []int // Fenwick tree: tree[i] sums marks on a range of segments ending at segment i-1
	end     []int // by index of a start offset: index+1 of the end offset of the span there, or 0
}

// Reset empties s and sets its offsets: those of every span that will be
// asked about or added, sorted ascending, each once. s keeps offsets until
// the next Reset.
func (s *Set) Reset(offsets []int) {
	n := len(offsets)
	s.offsets = offsets
	s.tree = slices.Grow(s.tree[:0], n+1)[:n+1]
	clear(s.tree)
	s.end = slices.Grow(s.end[:0], n)[:n]
	clear(s.end)
}

// index returns the index of offset off, which must be one of the set's.
func (s *Set) index(off int) int {
	i, _ := slices.BinarySearch(s.offsets, off)
	return i
}

// covered returns the number of covered segments before segment i.
func (s *Set) covered(i int) int {
	t := 0
	for ; i > 0; i -= i & -i {
		t += s.tree[i]
	}
	return t
}

// Contains reports whether [start, end) is one of the spans of s.
func (s *Set) Contains(start, end int) bool {
	a, b := s.index(start), s.index(end)
	return a < len(s.end) && s.end[a] == b+1
}

// Overlaps reports whether [start, end) shares a byte with a span of s.
// An empty span overlaps nothing.
func (s *Set) Overlaps(start, end int) bool {
	if start >= end {
		return false
	}
	return s.covered(s.index(end))-s.covered(s.index(start)) > 0
}

// Add adds [start, end), which must be non-empty, overlap no span of s,
// and have ends among the offsets of s. What breaks this is not checked
// (the set's answers are then unspecified; it does not panic).
func (s *Set) Add(start, end int) {
	s.add(s.index(start), s.index(end))
}

// add adds the span from offset index a to offset index b.
func (s *Set) add(a, b int) {
	if a >= b || b >= len(s.offsets) {
		return
	}
	s.end[a] = b + 1
	for seg := a; seg < b; seg++ {
		for j := seg + 1; j < len(s.tree); j += j & -j {
			s.tree[j]++
		}
	}
}

// A Placement is what Place found for a span.
type Placement int8

const (
	// Added: the span overlapped no span of the set, and is now one.
	Added Placement = iota
	// Same: the span is already one of the set's.
	Same
	// Overlapping: the span overlaps a span of the set, and was not added.
	Overlapping
)

// Place is the step of resolving overlapping candidates strongest first:
// it reports whether [start, end), which must be non-empty with ends among
// the offsets of s, is a span of s (Same), overlaps one (Overlapping), or
// neither, and then adds it (Added). It looks each end up once, where
// Contains, Overlaps and Add each look up both.
func (s *Set) Place(start, end int) Placement {
	a, b := s.index(start), s.index(end)
	switch {
	case a < len(s.end) && s.end[a] == b+1:
		return Same
	case a < b && s.covered(b)-s.covered(a) > 0:
		return Overlapping
	}
	s.add(a, b)
	return Added
}
