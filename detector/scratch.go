package detector

import (
	"github.com/piiguard/piiguard/internal/dfa"
)

// scratch is per-call working memory, pooled.
type scratch struct {
	kwOccs []occurrence
	// windows[p] are pattern p's windows, merged as they come (they come
	// mostly in order of start); unsorted[p] says some came out of order.
	// touched lists the patterns with windows in this call.
	windows  [][]window
	unsorted []bool
	touched  []int
	nwindows int
	cands    []Finding
	accepted []Finding
	specific []int8
	order    []int
	keys     []uint64
	// coords, tree, keptEnd and kept are resolveCluster's.
	coords  []int
	tree    []int
	keptEnd []int
	kept    []keptFinding
	// classFrom is where the class-run pass resumes.
	classFrom int
	// marks are the offsets the keyword automaton's pass marked, one bit
	// per offset, by kind (markWhole, markClass), when d.marked.
	marks [2][]uint64
	memo  dfa.Memo
	// wholeMemos are the memos of a wholeGroup's patterns, by slot.
	wholeMemos []dfa.Memo
	// wholeNext is scanWholeText's: where each pattern of a wholeGroup
	// resumes.
	wholeNext [64]int
	// joins are the patterns' joiner runs (see joinRun), valid when their
	// gen is gen, which each call advances.
	joins []joinRun
	gen   uint32
}

type occurrence struct {
	start, end int
	word       int
}

type window struct {
	pattern    int
	start, end int
}

// maxPooledBuffer is the largest scratch buffer kept for reuse: a single
// huge text must not pin its size in memory after the call.
const maxPooledBuffer = 1 << 20

// addWindow adds a window for pattern p, merging it with the last one when
// they overlap.
func (s *scratch) addWindow(p, lo, hi int) {
	ws := s.windows[p]
	if len(ws) == 0 {
		s.touched = append(s.touched, p)
	} else if last := &ws[len(ws)-1]; lo >= last.start && lo <= last.end {
		last.end = max(last.end, hi)
		return
	} else if lo < last.start {
		s.unsorted[p] = true
	}
	s.windows[p] = append(ws, window{p, lo, hi})
	s.nwindows++
}

// mergeWindows merges overlapping windows sorted by start, in place.
func mergeWindows(ws []window) []window {
	out := ws[:0]
	for _, w := range ws {
		if n := len(out); n > 0 && w.start <= out[n-1].end {
			out[n-1].end = max(out[n-1].end, w.end)
			continue
		}
		out = append(out, w)
	}
	return out
}
