package detector

import (
	"context"
	"slices"
	"unicode/utf8"

	"github.com/piiguard/piiguard/internal/dfa"
	"github.com/piiguard/piiguard/internal/spanset"
)

// AppendFindings appends the findings in text to dst, as Find returns them,
// and returns the extended slice. text is not retained.
func (d *Detector) AppendFindings(dst []Finding, text []byte) []Finding {
	dst, _ = d.appendFindings(context.Background(), dst, text)
	return dst
}

// AppendFindingsContext is AppendFindings that stops early, returning
// ctx.Err() and the findings so far discarded, when ctx is done: for long
// texts under a deadline. The context is checked every few verification
// windows, so a cancelled scan stops within microseconds.
func (d *Detector) AppendFindingsContext(ctx context.Context, dst []Finding, text []byte) ([]Finding, error) {
	if err := ctx.Err(); err != nil {
		return dst, err
	}
	return d.appendFindings(ctx, dst, text)
}

// blockSize is the size of the blocks a long text is scanned in (a
// multiple of 64: the marks are stored a 64-bit word at a time).
const blockSize = 32 << 10

// checkEvery is how many verification windows run between context checks.
const checkEvery = 64

func (d *Detector) appendFindings(ctx context.Context, dst []Finding, text []byte) ([]Finding, error) {
	return d.appendFindingsBlocks(ctx, dst, text, blockSize, verifySpan)
}

// appendFindingsBlocks is appendFindings with the keyword and class-run
// passes run over blocks of block bytes (a multiple of 64) when the text
// is longer, and the windows verified in spans of span bytes
// (verifyWindows): the findings are the same for every block and span size
// (TestBlockBoundaries, TestVerifySpansSameFindings).
func (d *Detector) appendFindingsBlocks(ctx context.Context, dst []Finding, text []byte, block, span int) ([]Finding, error) {
	if len(text) == 0 || len(d.patterns) == 0 {
		return dst, nil
	}
	s := d.pool.Get().(*scratch)
	s.kwOccs, s.cands, s.nwindows = s.kwOccs[:0], s.cands[:0], 0
	if s.gen++; s.gen == 0 {
		clear(s.joins) // a joinRun or zone of gen 0 must not look current
		s.zone = zone{}
		s.utf8Gen = 0
		s.gen = 1
	}
	if len(s.windows) != len(d.patterns) {
		s.windows, s.unsorted = make([][]window, len(d.patterns)), make([]bool, len(d.patterns))
	}

	if d.marked {
		s.startMarks(len(text))
	}
	if len(text) <= block {
		d.collectWords(s, text)
		d.collectClassRuns(s, text)
	} else {
		// A long text, block by block, so that each block is read from the
		// cache by the second pass.
		d.startClassRuns(s)
		var st int
		for lo := 0; lo < len(text); lo += block {
			hi := min(lo+block, len(text))
			if d.ac != nil {
				st = d.collectWordsRange(s, text, lo, hi, st)
			}
			d.collectClassRunsRange(s, text, lo, hi)
		}
		d.sortOccurrences(s)
		for _, cp := range d.wholeTextClass {
			s.addWindow(cp.index, 0, len(text))
		}
	}
	d.scanWholeText(s, text)
	for _, cp := range d.wholeText {
		s.addWindow(cp.index, 0, len(text))
	}
	if err := d.verifyWindows(ctx, s, text, span); err != nil {
		d.release(s, len(text))
		return dst, err
	}
	if len(s.cands) > 0 {
		dst = d.resolve(s, dst)
	}
	d.release(s, len(text))
	return dst, nil
}

// verifySpan is the length of the spans of a long text whose windows are
// verified together (verifyWindows): small enough that a span read by one
// pattern's windows is still in the cache for the next pattern's.
const verifySpan = 256 << 10

// verifyWindows verifies the windows of every pattern touched. A text
// longer than span (verifySpan) is taken a span at a time: each pattern's
// windows that start in the span, then the next span's. Pattern by pattern, as a
// shorter text is, each pattern would read again from memory the parts of
// a text of many megabytes that the patterns before it had read, a cost
// per byte that grows with the text once it no longer fits in the cache.
//
// The order changes only the order of s.cands, not their values: a window
// and the candidates found in it are the same whenever it is verified
// (the joinRun and zone caches a call keeps return what they would compute
// afresh). resolve sorts the candidates by start, and a cluster of
// overlapping ones by strength, a total order up to findings equal in every
// field, so the findings are the same in either order
// (TestVerifySpansSameFindings).
func (d *Detector) verifyWindows(ctx context.Context, s *scratch, text []byte, span int) error {
	for _, p := range s.touched {
		if s.unsorted[p] {
			ws := s.windows[p]
			slices.SortFunc(ws, func(a, b window) int { return a.start - b.start })
			s.windows[p] = mergeWindows(ws)
		}
	}
	n := 0
	if len(text) <= span || len(s.touched) == 1 {
		for _, p := range s.touched {
			for _, w := range s.windows[p] {
				d.verify(s, text, p, w)
				if n++; n%checkEvery == 0 {
					if err := ctx.Err(); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}
	// next[k] is the first window of pattern s.touched[k] not verified.
	next := slices.Grow(s.next[:0], len(s.touched))[:len(s.touched)]
	clear(next)
	s.next = next
	for end := span; ; end += span {
		for k, p := range s.touched {
			ws, i := s.windows[p], next[k]
			for ; i < len(ws) && ws[i].start < end; i++ {
				d.verify(s, text, p, ws[i])
				if n++; n%checkEvery == 0 {
					if err := ctx.Err(); err != nil {
						return err
					}
				}
			}
			next[k] = i
		}
		if end >= len(text) {
			// Every window starts before the text's end.
			return nil
		}
	}
}

// release readies s for the next call, in time proportional to what this
// call used, and returns s to the pool. A plain call at each return of
// appendFindings, not a deferred one: it runs once per call, and calls are
// often short lines.
func (d *Detector) release(s *scratch, textLen int) {
	for _, p := range s.touched {
		s.windows[p] = s.windows[p][:0]
		s.unsorted[p] = false
	}
	s.touched = s.touched[:0]
	// One test screens the bounds of dropLarge (an OR of sizes is at least
	// the largest of them), which checks each.
	if s.nwindows|cap(s.cands)|cap(s.kwOccs) > maxPooledBuffer/16 || cap(s.marks[0]) > maxPooledBuffer/8 || 8*(textLen+1) > maxPooledBuffer {
		s.dropLarge(textLen)
	}
	d.pool.Put(s)
}

// dropLarge drops the buffers a huge text grew past the bound on what is
// pooled.
func (s *scratch) dropLarge(textLen int) {
	if s.nwindows > maxPooledBuffer/16 || cap(s.cands) > maxPooledBuffer/16 || cap(s.kwOccs) > maxPooledBuffer/16 {
		s.windows, s.kwOccs, s.cands, s.specific, s.order, s.keys = nil, nil, nil, nil, nil, nil
		s.coords, s.keptSpans, s.kept = nil, spanset.Set{}, nil
	}
	if cap(s.marks[0]) > maxPooledBuffer/8 {
		s.marks = [2][]uint64{}
	}
	// A memo records at most 8 bytes per byte of a window, in pages of
	// 1,024 positions its walks reach (dfa.Memo), so only a text this long
	// can have grown one far past the bound; it is dropped by the call
	// that grew it, and shorter calls skip the checks.
	if 8*(textLen+1) > maxPooledBuffer {
		if s.memo.Bytes() > maxPooledBuffer {
			s.memo = dfa.Memo{}
		}
		for k := range s.wholeMemos {
			if s.wholeMemos[k].Bytes() > maxPooledBuffer {
				s.wholeMemos[k] = dfa.Memo{}
			}
		}
	}
}

// verify runs pattern p over one of its windows and records candidates. Matches
// are taken one at a time: after a rejected match the search resumes one
// character after its start, since a longer false match may hide a true one;
// after a kept match it resumes at its end.
//
// Every match holds the pattern's required bytes, so a window without one of
// them holds no match (an '@' with no '.' in its run for an e-mail address):
// it is skipped, unless it is a class run, which was checked when found.
func (d *Detector) verify(s *scratch, text []byte, p int, w window) {
	cp := d.patterns[p]
	if cp.trigger != byClass && !containsAll(text[w.start:w.end], cp.required) {
		return
	}
	if cp.memo {
		s.memo.Reset(w.start, w.end)
	}
	for pos := w.start; pos < w.end; {
		ms, me, ok := cp.find(s, text, pos, w.end)
		if !ok {
			return
		}
		if me == ms {
			pos = me + 1
			continue
		}
		kept, retry := d.consider(s, text, cp, ms, me)
		switch {
		case kept || !retry:
			pos = me
		default:
			_, size := utf8.DecodeRune(text[ms:])
			pos = ms + size
		}
	}
}

// find returns the leftmost-first match of cp in text[pos:end], as offsets
// in text. s.memo is the window's memo, Reset for [lo, end), when cp.memo.
func (cp *compiledPattern) find(s *scratch, text []byte, pos, end int) (ms, me int, ok bool) {
	if cp.memo {
		m := &s.memo
		var word *[256]bool
		if cp.info.WordStart {
			word = &valueWordChars
		}
		if d := cp.automaton(); d != nil {
			return d.FindFromMemo(text[:end], pos, word, m)
		}
		if l := cp.lazy.get(); l != nil {
			if ms, me, found, done := l.FindFromMemo(text[:end], pos, word, m); done {
				return ms, me, found
			}
		}
		return cp.findRegexp(s, text, pos, end)
	}
	if d := cp.automaton(); d != nil {
		if cp.info.WordStart {
			return d.FindFromWordStart(text[:end], pos, &valueWordChars)
		}
		return d.FindFrom(text[:end], pos)
	}
	if l := cp.lazy.get(); l != nil {
		if ms, me, found, done := l.FindFrom(text[:end], pos); done {
			return ms, me, found
		}
	}
	return cp.findRegexp(s, text, pos, end)
}

// findRegexp is find with the pattern's regular expression, for the
// patterns no automaton of ours runs. It tells the engine when
// text[pos:end] is valid UTF-8 (s.validUTF8), so that an engine that
// checks the encoding of what it searches (rure) does not read the rest
// of a long window at every match: windows of patterns without a bound on
// their length (private key blocks) run to the end of the text.
func (cp *compiledPattern) findRegexp(s *scratch, text []byte, pos, end int) (ms, me int, ok bool) {
	if runeBoundary(text, pos) && runeBoundary(text, end) && s.validUTF8(text) {
		ms, me, ok = cp.re.FindValid(text[pos:end])
	} else {
		ms, me, ok = cp.re.Find(text[pos:end])
	}
	return pos + ms, pos + me, ok
}

// runeBoundary reports whether no UTF-8 sequence of text continues at i.
func runeBoundary(text []byte, i int) bool {
	return i >= len(text) || utf8.RuneStart(text[i])
}
