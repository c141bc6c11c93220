package detector

import (
	"slices"
	"unicode/utf8"
	"unsafe"

	"github.com/piiguard/piiguard/internal/dfa"
	"github.com/piiguard/piiguard/internal/spanset"
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
	// next is verifyWindows': where each touched pattern's windows resume.
	next     []int
	cands    []Finding
	specific []int8
	order    []int
	keys     []uint64
	// coords, keptSpans and kept are resolveCluster's.
	coords    []int
	keptSpans spanset.Set
	kept      []keptFinding
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
	// zone is the last keyword zone keywordZone computed, valid when its
	// gen is gen.
	zone zone
	// utf8 is validUTF8's answer for the text at utf8Text, of utf8Len
	// bytes, in the call numbered utf8Gen.
	utf8Gen  uint32
	utf8Text uintptr
	utf8Len  int
	utf8     bool
}

// validUTF8 reports whether text, the text of this call, is valid UTF-8,
// reading it once per call. The text is known by its address and length
// (not kept: a pooled scratch must not hold on to a caller's text), which
// no other text shares during the call.
func (s *scratch) validUTF8(text []byte) bool {
	at := uintptr(unsafe.Pointer(unsafe.SliceData(text)))
	if s.utf8Gen != s.gen || s.utf8Text != at || s.utf8Len != len(text) {
		s.utf8Gen, s.utf8Text, s.utf8Len = s.gen, at, len(text)
		s.utf8 = utf8.Valid(text)
	}
	return s.utf8
}

// zone is a keyword zone: the offsets lo and hi, w characters before start
// and after end, as computed in the call numbered gen.
type zone struct {
	gen                   uint32
	start, end, w, lo, hi int
}

type occurrence struct {
	start, end int
	word       int
}

// window is a span of the text to verify one pattern over (the pattern
// is the index of the list it is in, scratch.windows).
type window struct {
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
	s.windows[p] = append(roomForOne(ws), window{lo, hi})
	s.nwindows++
}

// roomForOne returns b with room for one more element, doubling its
// capacity when it is full. append grows a large slice by about a quarter
// at a time, so the buffers of a call over a huge text (its windows,
// keyword occurrences and candidates, which the pool does not keep past
// maxPooledBuffer) would be copied about five times over on their way to
// their final size, each copy a fresh allocation the kernel must zero;
// doubling copies them about twice.
func roomForOne[S ~[]E, E any](b S) S {
	if len(b) == cap(b) {
		b = slices.Grow(b, max(len(b), 16))
	}
	return b
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
