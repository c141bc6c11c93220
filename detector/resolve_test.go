package detector

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestResolveAgainstReference: resolve keeps what referenceResolve keeps,
// in the same order, on random candidates: disjoint and in order (resolve's
// shortcut), disjoint out of order, touching, nested, on one span with
// several identifiers; in half the rounds, A and B are Block identifiers,
// whose overlapping candidates take the span of their union.
func TestResolveAgainstReference(t *testing.T) {
	r := rand.New(rand.NewPCG(41, 42))
	names := []string{"A", "B", "C"}
	for round := range 6000 {
		var d Detector
		if round%4 >= 2 {
			d.blocks = map[string]bool{"A": true, "B": true}
		}
		s := &scratch{}
		n := 1 + r.IntN(6)
		pos := 0
		inOrder := round%2 == 0
		for range n {
			var start, end int
			if inOrder {
				start = pos + r.IntN(3)
				end = start + 1 + r.IntN(5)
				pos = end
			} else {
				start = r.IntN(20)
				end = start + 1 + r.IntN(6)
			}
			s.cands = append(s.cands, Finding{
				Identifier: names[r.IntN(len(names))],
				Start:      start,
				End:        end,
				Score:      float64(r.IntN(5)) / 4,
			})
			s.specific = append(s.specific, int8(r.IntN(3)))
		}
		want := referenceResolve(s, d.blocks)
		got := d.resolve(s, nil)
		if !slices.Equal(got, want) {
			t.Fatalf("resolve(%v) = %v, want %v", s.cands, got, want)
		}
	}
}
