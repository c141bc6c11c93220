package detector

import (
	"bytes"
	"regexp"
	"slices"
	"sync"
)

// referenceFind is the straightforward implementation the detector must
// agree with: every keyword occurrence found by a naive search of the
// ASCII-lower-cased text, every pattern run with Go's regexp over the whole
// text one match at a time, and the detector's own rules (consider,
// resolve) applied to each match. No automaton, no windows, no DFA.
func (d *Detector) referenceFind(text []byte) []Finding {
	s := &scratch{gen: 1}
	lower := make([]byte, 0, len(text))
	for _, c := range text {
		lower = append(lower, lowerTable[c])
	}
	for wi := range d.words {
		w := &d.words[wi]
		if len(w.keywords) == 0 {
			continue
		}
		for off := 0; ; {
			k := bytes.Index(lower[off:], w.text)
			if k < 0 {
				break
			}
			i := off + k
			off = i + 1
			end := i + len(w.text)
			if w.startWord && continuesWordBefore(text, i) || w.endWord && continuesWordAfter(text, end) {
				continue
			}
			s.kwOccs = append(s.kwOccs, occurrence{i, end, wi})
		}
	}
	slices.SortFunc(s.kwOccs, compareOccurrences)
	for _, cp := range d.patterns {
		re := referenceRegexp(cp.re.String())
		for pos := 0; pos < len(text); {
			loc := re.FindIndex(text[pos:])
			if loc == nil {
				break
			}
			ms, me := pos+loc[0], pos+loc[1]
			if me == ms {
				pos = me + 1
				continue
			}
			kept, retry := d.consider(s, text, cp, ms, me)
			switch {
			case kept || !retry:
				pos = me
			default:
				_, size := decodeRune(text[ms:])
				pos = ms + size
			}
		}
	}
	if len(s.cands) == 0 {
		return nil
	}
	return referenceResolve(s, d.blocks)
}

// referenceResolve is resolve written the plain way, over all candidates
// at once, in quadratic time: first, as long as two candidates of Block
// identifiers (named in blocks) overlap with different spans, both take
// the span of their union; then, in order of strength, keep each candidate
// that overlaps no kept one, and each whose span is exactly a kept one's
// (one finding per identifier); report them by Start, strongest first on
// a span. It leaves s as it was.
func referenceResolve(s *scratch, blocks map[string]bool) []Finding {
	s = &scratch{cands: slices.Clone(s.cands), specific: s.specific}
	for joined := true; joined; {
		joined = false
		for i := range s.cands {
			for j := range s.cands {
				f, g := &s.cands[i], &s.cands[j]
				if !blocks[f.Identifier] || !blocks[g.Identifier] || f.Start == g.Start && f.End == g.End ||
					f.End <= g.Start || g.End <= f.Start {
					continue
				}
				f.Start, f.End = min(f.Start, g.Start), max(f.End, g.End)
				g.Start, g.End = f.Start, f.End
				joined = true
			}
		}
	}
	order := make([]int, len(s.cands))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, s.stronger)
	var kept []int // indices into order
	for rank, i := range order {
		f := s.cands[i]
		ok := true
		for _, k := range kept {
			g := s.cands[order[k]]
			if g.Start == f.Start && g.End == f.End {
				ok = g.Identifier != f.Identifier && ok
				continue
			}
			if g.Start < f.End && f.Start < g.End {
				// Overlapping different spans: f loses, unless a stronger
				// finding of its own span was kept (then it never gets here).
				ok = false
			}
		}
		if ok {
			kept = append(kept, rank)
		}
	}
	slices.SortFunc(kept, func(a, b int) int {
		if sa, sb := s.cands[order[a]].Start, s.cands[order[b]].Start; sa != sb {
			return sa - sb
		}
		return a - b
	})
	var out []Finding
	for _, k := range kept {
		f := s.cands[order[k]]
		f.Score = float64(int(f.Score*100+0.5)) / 100
		out = append(out, f)
	}
	return out
}

var referenceCache sync.Map // expr -> *regexp.Regexp

func referenceRegexp(expr string) *regexp.Regexp {
	if re, ok := referenceCache.Load(expr); ok {
		return re.(*regexp.Regexp)
	}
	re := regexp.MustCompile(expr)
	referenceCache.Store(expr, re)
	return re
}
