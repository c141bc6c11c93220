package detector

import (
	"slices"
	"strings"

	"github.com/piiguard/piiguard/internal/spanset"
)

// stronger orders candidates a and b of s.cands by strength: higher score,
// then more specific, then longer, then earlier, then by identifier name,
// then by keyword: a total order up to candidates equal in every field of a
// Finding, so that which of two tied candidates resolve keeps does not
// depend on the order they were found in (verifyWindows changes it). Two
// patterns of one identifier can tie with different keywords: a
// Validator.Span widens their matches to one span, each near its own
// keyword (TestVerifySpansKeywordTies).
func (s *scratch) stronger(a, b int) int {
	fa, fb := &s.cands[a], &s.cands[b]
	switch {
	case fa.Score != fb.Score:
		if fa.Score > fb.Score {
			return -1
		}
		return 1
	case s.specific[a] != s.specific[b]:
		return int(s.specific[b]) - int(s.specific[a])
	case fa.End-fa.Start != fb.End-fb.Start:
		return (fb.End - fb.Start) - (fa.End - fa.Start)
	case fa.Start != fb.Start:
		return fa.Start - fb.Start
	}
	if c := strings.Compare(fa.Identifier, fb.Identifier); c != 0 {
		return c
	}
	return strings.Compare(fa.Keyword, fb.Keyword)
}

// resolveCluster appends to acc the candidates of one cluster that win,
// sorted by Start and, on one span, by strength: in order of strength, each
// that overlaps no stronger one already kept, and each whose span is
// exactly that of a kept one (another identifier matching the same value;
// one finding per identifier).
//
// The kept spans are a spanset.Set over the cluster's offsets: "does this
// span overlap a kept one" in O(log k), each segment marked once, O(k log
// k) for the cluster in all (inserting into a sorted slice, as this once
// did, is quadratic when one cluster spans a whole long line).
func (d *Detector) resolveCluster(s *scratch, acc []Finding, cluster []int) []Finding {
	d.joinBlocks(s, cluster)
	slices.SortFunc(cluster, s.stronger)
	// Offsets of the cluster, sorted and unique.
	coords := s.coords[:0]
	for _, i := range cluster {
		coords = append(coords, s.cands[i].Start, s.cands[i].End)
	}
	slices.Sort(coords)
	coords = slices.Compact(coords)
	s.coords = coords
	spans := &s.keptSpans
	spans.Reset(coords)
	kept := s.kept[:0]
	for rank, i := range cluster {
		f := &s.cands[i]
		switch spans.Place(f.Start, f.End) {
		case spanset.Same:
			// The span of a stronger finding: kept, once per identifier.
			if slices.ContainsFunc(kept, func(k keptFinding) bool {
				c := &s.cands[k.cand]
				return c.Start == f.Start && c.End == f.End && c.Identifier == f.Identifier
			}) {
				continue
			}
		case spanset.Overlapping:
			continue
		}
		kept = append(kept, keptFinding{i, rank})
	}
	slices.SortFunc(kept, func(x, y keptFinding) int {
		if sx, sy := s.cands[x.cand].Start, s.cands[y.cand].Start; sx != sy {
			return sx - sy
		}
		return x.rank - y.rank
	})
	s.kept = kept
	for _, k := range kept {
		acc = append(acc, s.cands[k.cand])
	}
	return acc
}

// joinBlocks gives the candidates of Block identifiers (private keys) in a
// cluster, sorted by Start, that overlap one another the span of their
// union: each chain of such candidates, each overlapping one before it,
// takes the span from the first one's start to the farthest end. Kept as
// they were, the stronger of two keys that overlap would win and the
// other's material past it would stay in clear, with no BEGIN line left
// by which a scan of the masked text could find it. The union's span lies
// within the cluster's, so that the clusters stay as they were found.
func (d *Detector) joinBlocks(s *scratch, cluster []int) {
	if d.blocks == nil {
		return
	}
	first, start, end := -1, 0, 0 // the chain: cluster[first:], its span
	for at, i := range cluster {
		f := &s.cands[i]
		if !d.blocks[f.Identifier] {
			continue
		}
		if first >= 0 && f.Start < end {
			end = max(end, f.End)
			continue
		}
		if first >= 0 {
			d.widenBlocks(s, cluster[first:at], start, end)
		}
		first, start, end = at, f.Start, f.End
	}
	if first >= 0 {
		d.widenBlocks(s, cluster[first:], start, end)
	}
}

// widenBlocks gives the candidates of Block identifiers among cands the
// span [start, end).
func (d *Detector) widenBlocks(s *scratch, cands []int, start, end int) {
	for _, i := range cands {
		if f := &s.cands[i]; d.blocks[f.Identifier] {
			f.Start, f.End = start, end
		}
	}
}

// keptFinding is a candidate that won in its cluster and its rank in the
// cluster's order of strength.
type keptFinding struct{ cand, rank int }

// resolve keeps, of overlapping candidates, the stronger (see stronger),
// and the other identifiers' candidates of a kept span. It appends the kept
// findings to dst sorted by Start, strongest first on a span.
func (d *Detector) resolve(s *scratch, dst []Finding) []Finding {
	// Candidates that overlap no other are kept as they are; the others
	// form clusters (maximal chains of overlaps), each resolved on its own:
	// a candidate never overlaps one of another cluster, so the greedy
	// choice below gives the same result as over all candidates at once,
	// in time that stays linear in the text.
	n := len(dst)
	if disjointInOrder(s.cands) {
		// The common case (one candidate, or each pattern's in turn along
		// the text): nothing overlaps, and the order is already that of
		// the starts.
		if n == 0 && cap(dst) < len(s.cands) && cap(s.cands) > maxPooledBuffer/16 {
			// The candidates are the findings, and the pool would drop
			// their buffer after the call (see release): it becomes
			// dst, where copying it would hold a text's findings twice
			// at once (over a text dense with values, 56 bytes more
			// per finding, at the peak of the call's memory). Its
			// spare capacity, less than its length (roomForOne
			// doubles it), goes with it. s.specific, parallel to it,
			// is dropped too, as release would have.
			dst, s.cands, s.specific = s.cands, nil, nil
		} else {
			dst = append(dst, s.cands...)
		}
		roundScores(dst[n:])
		return dst
	}
	// Sort by start: keys hold the start above the candidate's index.
	keys := slices.Grow(s.keys[:0], len(s.cands))
	for i := range s.cands {
		keys = append(keys, uint64(s.cands[i].Start)<<32|uint64(i))
	}
	slices.Sort(keys)
	s.keys = keys
	order := slices.Grow(s.order[:0], len(keys))
	for _, k := range keys {
		order = append(order, int(uint32(k)))
	}
	s.order = order
	// The kept findings go straight to dst, doubling it when it is full
	// (roomForOne): growing it by append would copy a huge text's findings
	// several times over.
	for lo := 0; lo < len(order); {
		hi, end := lo+1, s.cands[order[lo]].End
		for hi < len(order) && s.cands[order[hi]].Start < end {
			end = max(end, s.cands[order[hi]].End)
			hi++
		}
		if hi == lo+1 {
			dst = append(roomForOne(dst), s.cands[order[lo]])
		} else {
			dst = d.resolveCluster(s, dst, order[lo:hi])
		}
		lo = hi
	}
	roundScores(dst[n:])
	return dst
}

// disjointInOrder reports whether each candidate starts at or after the end
// of the one before.
func disjointInOrder(cands []Finding) bool {
	for i := 1; i < len(cands); i++ {
		if cands[i].Start < cands[i-1].End {
			return false
		}
	}
	return true
}

// roundScores rounds the findings' scores to two decimals.
func roundScores(fs []Finding) {
	for i := range fs {
		fs[i].Score = float64(int(fs[i].Score*100+0.5)) / 100
	}
}
