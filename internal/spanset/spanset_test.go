package spanset_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/piiguard/piiguard/internal/spanset"
)

func TestSet(t *testing.T) {
	var s spanset.Set
	s.Reset([]int{0, 2, 5, 7, 9, 12})
	s.Add(2, 7)
	s.Add(9, 12)
	tests := []struct {
		start, end          int
		overlaps, contained bool
	}{
		{0, 2, false, false},
		{0, 5, true, false},
		{2, 7, true, true},
		{5, 7, true, false},
		{7, 9, false, false},
		{0, 12, true, false},
		{9, 12, true, true},
		{7, 7, false, false},
		{12, 12, false, false},
	}
	for _, tt := range tests {
		if got := s.Overlaps(tt.start, tt.end); got != tt.overlaps {
			t.Errorf("Overlaps(%d, %d) = %v, want %v", tt.start, tt.end, got, tt.overlaps)
		}
		if got := s.Contains(tt.start, tt.end); got != tt.contained {
			t.Errorf("Contains(%d, %d) = %v, want %v", tt.start, tt.end, got, tt.contained)
		}
	}
	s.Reset([]int{2, 7})
	if s.Overlaps(2, 7) || s.Contains(2, 7) {
		t.Error("Reset kept a span")
	}
}

// TestSetAgainstBruteForce resolves random candidates greedily with a Set
// and by comparing each with every kept span; the kept spans agree.
func TestSetAgainstBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var s spanset.Set
	for round := range 500 {
		type span struct{ start, end int }
		var cands []span
		var offsets []int
		for range 1 + r.IntN(40) {
			a := r.IntN(60)
			b := a + 1 + r.IntN(12)
			cands = append(cands, span{a, b})
			offsets = append(offsets, a, b)
		}
		slices.Sort(offsets)
		s.Reset(slices.Compact(offsets))
		var got, want []span
		for _, c := range cands {
			if !s.Overlaps(c.start, c.end) {
				s.Add(c.start, c.end)
				got = append(got, c)
			}
			if !slices.ContainsFunc(want, func(k span) bool { return c.start < k.end && k.start < c.end }) {
				want = append(want, c)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("round %d: kept %v, want %v", round, got, want)
		}
		for _, c := range cands {
			if s.Contains(c.start, c.end) != slices.Contains(want, c) {
				t.Fatalf("round %d: Contains(%v) = %v", round, c, s.Contains(c.start, c.end))
			}
		}
	}
}

// TestSetOutsideOffsets: spans whose ends are not offsets of the set give
// answers but no panic.
func TestSetOutsideOffsets(t *testing.T) {
	var s spanset.Set
	s.Add(0, 1)
	_ = s.Overlaps(0, 1) || s.Contains(0, 1)
	s.Reset([]int{3, 8})
	s.Add(-5, 100)
	s.Add(8, 3)
	_ = s.Overlaps(-5, 100) || s.Contains(100, 200) || s.Overlaps(1, 2)
}

// TestPlace: Place answers as Contains and Overlaps do, before it, and adds
// what it reports Added, on random candidates.
func TestPlace(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var s, ref spanset.Set
	for round := range 500 {
		type span struct{ start, end int }
		var cands []span
		var offsets []int
		for range 1 + r.IntN(40) {
			a := r.IntN(60)
			b := a + 1 + r.IntN(12)
			cands = append(cands, span{a, b})
			offsets = append(offsets, a, b)
		}
		slices.Sort(offsets)
		offsets = slices.Compact(offsets)
		s.Reset(offsets)
		ref.Reset(offsets)
		for _, c := range cands {
			want := spanset.Added
			switch {
			case ref.Contains(c.start, c.end):
				want = spanset.Same
			case ref.Overlaps(c.start, c.end):
				want = spanset.Overlapping
			default:
				ref.Add(c.start, c.end)
			}
			if got := s.Place(c.start, c.end); got != want {
				t.Fatalf("round %d: Place(%v) = %v, want %v", round, c, got, want)
			}
		}
	}
}
