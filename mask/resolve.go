package mask

import (
	"slices"
	"strings"

	"github.com/piiguard/piiguard/internal/spanset"
	"github.com/piiguard/piiguard/pii"
)

// A resolver merges the findings of several scans of one value (a field
// scanned once per group of names, a JSON value scanned on its own and
// within its event) into what one scan reports: sorted by Start, findings
// of different spans not overlapping, and every identifier that matches a
// kept span giving one finding for it, strongest first. The zero value is
// ready to use; it holds scratch memory and is not safe for concurrent
// use.
type resolver struct {
	order   []int // indices into the candidates
	offsets []int // offsets of the candidates, sorted and unique
	spans   spanset.Set
	kept    []keptFinding
}

// keptFinding is a candidate that was kept and its rank in the order of
// strength.
type keptFinding struct{ cand, rank int }

// resolve appends to dst the findings of cands that win, sorted by Start
// and, on one span, by strength. A span's candidates for one identifier
// (several scans finding the same value) count once, with the highest
// score. Spans are then taken in order of strength (that of their
// strongest finding: higher score, then longer, then earlier, then first
// in cands), and each is kept, with all its identifiers, unless it
// overlaps a kept one. Empty candidates are dropped. cands is not
// modified. It takes O(k log k) time for k candidates.
func (r *resolver) resolve(dst, cands []pii.Finding) []pii.Finding {
	order := r.order[:0]
	for i, f := range cands {
		if f.Start < f.End {
			order = append(order, i)
		}
	}
	// One candidate per span and identifier: the strongest, the first on
	// a tie.
	slices.SortFunc(order, func(a, b int) int {
		fa, fb := &cands[a], &cands[b]
		switch {
		case fa.Start != fb.Start:
			return fa.Start - fb.Start
		case fa.End != fb.End:
			return fa.End - fb.End
		case fa.Identifier != fb.Identifier:
			return strings.Compare(fa.Identifier, fb.Identifier)
		}
		return stronger(cands, a, b)
	})
	order = slices.CompactFunc(order, func(a, b int) bool {
		fa, fb := &cands[a], &cands[b]
		return fa.Start == fb.Start && fa.End == fb.End && fa.Identifier == fb.Identifier
	})
	offsets := r.offsets[:0]
	for _, i := range order {
		offsets = append(offsets, cands[i].Start, cands[i].End)
	}
	slices.Sort(offsets)
	offsets = slices.Compact(offsets)
	r.spans.Reset(offsets)
	slices.SortFunc(order, func(a, b int) int { return stronger(cands, a, b) })
	kept := r.kept[:0]
	for rank, i := range order {
		f := &cands[i]
		// Another identifier of a kept span is kept with it.
		if r.spans.Place(f.Start, f.End) == spanset.Overlapping {
			continue
		}
		kept = append(kept, keptFinding{i, rank})
	}
	slices.SortFunc(kept, func(x, y keptFinding) int {
		if sx, sy := cands[x.cand].Start, cands[y.cand].Start; sx != sy {
			return sx - sy
		}
		return x.rank - y.rank
	})
	for _, k := range kept {
		dst = append(dst, cands[k.cand])
	}
	r.order, r.offsets, r.kept = order, offsets, kept
	return dst
}

// stronger orders cands[a] and cands[b] by strength: higher score, then
// longer, then earlier, then first in cands (a scan's own order, which is
// its order of strength, on what else ties).
func stronger(cands []pii.Finding, a, b int) int {
	fa, fb := &cands[a], &cands[b]
	switch {
	case fa.Score != fb.Score:
		if fa.Score > fb.Score {
			return -1
		}
		return 1
	case fa.End-fa.Start != fb.End-fb.Start:
		return (fb.End - fb.Start) - (fa.End - fa.Start)
	case fa.Start != fb.Start:
		return fa.Start - fb.Start
	}
	return a - b
}
