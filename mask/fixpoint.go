package mask

import (
	"github.com/piiguard/piiguard/detector"
)

// maxMaskRounds bounds how often masked output is rescanned before the
// conservative last step of appendFixpoint.
const maxMaskRounds = 16

// A span is the place [start, end) of a mask this package wrote in its
// output.
type span struct{ start, end int }

// fixpoint holds the scratch memory of appendFixpoint; the zero value is
// ready to use.
type fixpoint struct {
	spans, next []span
	ranges      []span
	found       []detector.Finding
	buf         []byte
}

// scanFunc appends the findings in b to dst, sorted and not overlapping.
type scanFunc func(dst []detector.Finding, b []byte) []detector.Finding

// appendFixpoint appends text to dst with the findings f (those scan finds
// in text) masked by m, then rescans what it wrote until scan finds
// nothing more to mask, and reports whether a rescan masked anything.
//
// The masks that m wrote are opaque to the rescans: a finding that lies
// within them is ignored (a token, a hash or a placeholder is never
// masked again, so a token can always be unmasked), and a finding that
// crosses the edge of one (a mask completing a pattern with its
// neighbours) is masked with asterisks outside the mask only. Each round
// turns at least one more character into '*' or stops; should findings
// remain after maxMaskRounds rounds (only a custom pattern that matches
// asterisks can make rounds go on), everything from the first remaining
// finding to the last, masks excepted, is masked with asterisks.
func (fx *fixpoint) appendFixpoint(dst, text []byte, f []detector.Finding, m Masker, scan scanFunc) ([]byte, bool) {
	n := len(dst)
	fx.spans = fx.spans[:0]
	pos := 0
	for _, g := range f {
		if g.Start < pos || g.End > len(text) || g.Start > g.End {
			continue
		}
		dst = append(dst, text[pos:g.Start]...)
		s := len(dst) - n
		dst = m.AppendMask(dst, text[g.Start:g.End], g)
		fx.spans = append(fx.spans, span{s, len(dst) - n}) // even empty: one per finding
		pos = g.End
	}
	dst = append(dst, text[pos:]...)

	changed := false
	for round := 0; ; round++ {
		out := dst[n:]
		fx.found = scan(fx.found[:0], out)
		if len(fx.found) == 0 {
			return dst, changed
		}
		fx.clip(fx.found)
		if round == maxMaskRounds && len(fx.ranges) > 0 {
			// Conservative last step: one range from the first to the
			// last, cut around the masks.
			first, last := fx.ranges[0].start, fx.ranges[len(fx.ranges)-1].end
			fx.found = append(fx.found[:0], detector.Finding{Start: first, End: last})
			fx.clip(fx.found)
		}
		if len(fx.ranges) == 0 {
			return dst, changed
		}
		fx.buf, fx.next = appendAsterisks(fx.buf[:0], fx.next[:0], out, fx.ranges, fx.spans)
		if string(fx.buf) == string(out) {
			return dst, changed // only asterisks (or line breaks) were found
		}
		changed = true
		dst = append(dst[:n], fx.buf...)
		fx.spans, fx.next = fx.next, fx.spans
		if round == maxMaskRounds {
			return dst, changed
		}
	}
}

// clip sets fx.ranges to the parts of the findings that lie outside every
// span, sorted.
func (fx *fixpoint) clip(found []detector.Finding) {
	fx.ranges = fx.ranges[:0]
	si := 0
	for _, g := range found {
		s, e := g.Start, g.End
		for si < len(fx.spans) && fx.spans[si].end <= s {
			si++
		}
		for k := si; s < e; k++ {
			if k == len(fx.spans) || fx.spans[k].start >= e {
				fx.addRange(s, e)
				break
			}
			sp := fx.spans[k]
			if sp.start > s {
				fx.addRange(s, sp.start)
			}
			s = max(s, sp.end)
		}
	}
}

func (fx *fixpoint) addRange(s, e int) {
	if s >= e {
		return
	}
	if k := len(fx.ranges); k > 0 && fx.ranges[k-1].end >= s {
		fx.ranges[k-1].end = max(fx.ranges[k-1].end, e)
		return
	}
	fx.ranges = append(fx.ranges, span{s, e})
}

// appendAsterisks appends text to dst with each range masked by Asterisk,
// and appends to spans the places, in the result, of the spans of text
// (which lie outside the ranges).
func appendAsterisks(dst []byte, spans []span, text []byte, ranges, old []span) ([]byte, []span) {
	pos, si := 0, 0
	shift := 0 // position in dst minus position in text, so far
	emitSpans := func(upTo int) {
		for si < len(old) && old[si].start < upTo {
			spans = append(spans, span{old[si].start + shift, old[si].end + shift})
			si++
		}
	}
	for _, r := range ranges {
		emitSpans(r.start)
		dst = append(dst, text[pos:r.start]...)
		before := len(dst)
		dst = Asterisk.AppendMask(dst, text[r.start:r.end], detector.Finding{})
		shift += (len(dst) - before) - (r.end - r.start)
		pos = r.end
	}
	emitSpans(len(text) + 1)
	return append(dst, text[pos:]...), spans
}
