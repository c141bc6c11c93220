package detector

import (
	"slices"
	"unicode/utf8"
)

// consider checks one match and records it as a candidate. It reports
// whether the match was kept and, if not, whether a retry further on could
// find another.
func (d *Detector) consider(s *scratch, text []byte, cp *compiledPattern, ms, me int) (kept, retry bool) {
	id := cp.ident.id
	if !cp.bounded(s, text, ms, me) {
		return false, true
	}
	if cp.standalone && (digitGroupBefore(text, ms) && !d.keywordEndsAt(s, ms-1) || digitGroupAfter(text, me)) {
		return false, true
	}
	if cp.validator != nil && cp.validator.Score != nil {
		return d.considerScored(s, text, cp, ms, me)
	}
	// A keyword-required match without its keyword is rejected for good,
	// before the validator runs: over a long run of a pattern's class far
	// from any keyword (dots after "bearer"), validating every start first
	// cost the run times the match length.
	gap, kw, near := 0, "", false
	if cp.needsKeyword {
		if gap, kw = d.nearestKeyword(s, text, cp, ms, me); gap < 0 {
			return false, false
		}
		near = true
	}
	value := text[ms:me]
	if cp.validator != nil && !cp.validator.Check(value) {
		return false, true
	}
	if cp.ident.neverReported && id.IsNeverReported(value) {
		return false, false
	}
	if !near {
		gap, kw = d.nearestKeyword(s, text, cp, ms, me)
	}
	score := id.BaseConfidence()
	if cp.validator != nil {
		score += 0.15
	}
	if gap >= 0 {
		score += 0.1 + 0.2*(1-float64(gap)/float64(cp.ident.window+1))
	}
	if negativeContext(text, ms) {
		score -= 0.2
	}
	score = min(max(score, 0), 1)
	if score < d.minScore {
		return false, false
	}
	fs, fe := ms, me
	if cp.validator != nil && cp.validator.Span != nil {
		if vs, ve := cp.validator.Span(text, ms, me); vs >= 0 && ve <= len(text) && vs < ve {
			fs, fe = vs, ve
		}
	}
	s.cands = append(roomForOne(s.cands), Finding{Identifier: id.Name, Start: fs, End: fe, Score: score, Keyword: kw})
	s.specific = append(roomForOne(s.specific[:len(s.cands)-1]), specificity(cp, gap))
	return true, false
}

// considerScored records the part of a match that the pattern's
// Validator.Score accepts, with the score it gives. A rejected match is
// retried from its next character: the scorer has weighed the parts of the
// match, but not a match that starts inside it and ends past it, and
// resuming after it would make what is found after a run of capitalised
// words depend on where the scan of the run began ("a A Aua A Aua …" finds
// a name at its end scanned whole, none scanned from a few bytes in: a
// stream that masks a long line in pieces then left one in clear). Matches
// of a scored pattern (Name) are a few words long, so this costs a few
// more walks per rejected match.
func (d *Detector) considerScored(s *scratch, text []byte, cp *compiledPattern, ms, me int) (kept, retry bool) {
	vs, ve, score, ok := cp.validator.Score(text, ms, me)
	if !ok || vs < 0 || ve > len(text) || vs >= ve {
		return false, true
	}
	if cp.ident.neverReported && cp.ident.id.IsNeverReported(text[vs:ve]) {
		return false, false
	}
	gap, kw := d.nearestKeyword(s, text, cp, vs, ve)
	if cp.needsKeyword && gap < 0 {
		return false, false
	}
	score = min(max(score, 0), 1)
	if score < d.minScore {
		return false, false
	}
	s.cands = append(roomForOne(s.cands), Finding{Identifier: cp.ident.id.Name, Start: vs, End: ve, Score: score, Keyword: kw})
	s.specific = append(roomForOne(s.specific[:len(s.cands)-1]), specificity(cp, gap))
	return true, false
}

// specificity ranks findings of equal score: keyword-supported and
// validated identifiers are more specific than bare pattern matches.
func specificity(cp *compiledPattern, gap int) int8 {
	var n int8
	if cp.validator != nil {
		n += 2
	}
	if gap >= 0 {
		n++
	}
	if cp.ident.id.KeywordRequired {
		n++
	}
	return n
}

// nearestKeyword returns the gap in characters to the nearest keyword of
// cp's identifier within its window, and that keyword, or -1.
func (d *Detector) nearestKeyword(s *scratch, text []byte, cp *compiledPattern, ms, me int) (int, string) {
	ci := cp.ident
	if !ci.hasKeywords {
		return -1, ""
	}
	best, bestKW := -1, ""
	limit := 4 * ci.window // bytes: a character is at most 4
	// Only occurrences starting in [ms-limit-maxWordLen, me+limit] can be
	// near enough; they are visited in the order of the sorted list.
	for _, o := range s.kwOccs[d.firstOccurrence(s, ms-limit-d.maxWordLen):] {
		if o.start > me+limit {
			break
		}
		var gapBytes int
		var between []byte
		switch {
		case o.end <= ms:
			gapBytes, between = ms-o.end, text[o.end:ms]
		case o.start >= me:
			gapBytes, between = o.start-me, text[me:o.start]
		default:
			continue // a keyword inside the value does not count
		}
		if gapBytes > limit {
			continue
		}
		kw, ok := d.keywordOf(o.word, cp.identIndex)
		if !ok {
			continue
		}
		gap := gapBytes
		if gapBytes > ci.window/4 {
			gap = utf8.RuneCount(between)
		}
		if gap > ci.window {
			continue
		}
		if best < 0 || gap < best {
			best, bestKW = gap, kw
		}
	}
	return best, bestKW
}

// firstOccurrence returns the index of the first keyword occurrence that
// starts at or after offset i (they are sorted by start).
func (d *Detector) firstOccurrence(s *scratch, i int) int {
	k, _ := slices.BinarySearchFunc(s.kwOccs, i, func(o occurrence, i int) int { return o.start - i })
	for k > 0 && s.kwOccs[k-1].start >= i {
		k--
	}
	return k
}

func (d *Detector) keywordOf(wordIndex, ident int) (string, bool) {
	for _, o := range d.words[wordIndex].keywords {
		if o.ident == ident {
			return o.keyword, true
		}
	}
	return "", false
}

// negativeContext reports whether the text just before a match marks it as
// an identifier of something else: a version, a UUID, an id= field.
func negativeContext(text []byte, ms int) bool {
	lo := ms - 12
	if lo < 0 {
		lo = 0
	}
	before := text[lo:ms]
	// One pass over the bytes before the match: a negative word can start
	// only at a byte that starts one of them, in either case.
	for i, c := range before {
		if k := negativeFirst[c]; k != 0 {
			for _, neg := range negativeWords[k] {
				if hasFoldAt(before, i, neg) {
					return true
				}
			}
		}
	}
	return false
}

// negativeWords lists the negative words by first letter; negativeFirst
// maps a byte, in either ASCII case, to its list (0: none).
var negativeWords = [][]string{nil, {"version", "ver=", "v="}, {"uuid"}, {"build"}, {"id="}}

var negativeFirst = func() (t [256]uint8) {
	for k, ws := range negativeWords {
		if len(ws) > 0 {
			c := ws[0][0]
			t[c], t[c-'a'+'A'] = uint8(k), uint8(k)
		}
	}
	return t
}()

// hasFoldAt reports whether b[i:] starts with the lower-case ASCII word w,
// ignoring ASCII case.
func hasFoldAt(b []byte, i int, w string) bool {
	if len(b)-i < len(w) {
		return false
	}
	for j := 0; j < len(w); j++ {
		if lowerTable[b[i+j]] != w[j] {
			return false
		}
	}
	return true
}
