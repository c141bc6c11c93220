package mask

import (
	"slices"

	"github.com/piiguard/piiguard/pii"
)

// maxMaskRounds bounds how often masked output is rescanned before the
// conservative last step of appendFixpoint.
const maxMaskRounds = 16

// A span is the place [start, end) of a mask this package wrote in its
// output, and the place [in, inEnd) in the input of what it replaces.
// clear marks a mask that holds bytes of the value in clear (Partial's):
// it is not opaque to rescans.
type span struct {
	start, end, in, inEnd int
	clear                 bool
}

// fixpoint holds the scratch memory of appendFixpoint; the zero value is
// ready to use.
type fixpoint struct {
	spans, next []span
	ranges      []pii.Finding
	found       []pii.Finding
	buf         []byte
}

// scanFunc appends the findings in b to dst, as a Finder does.
type scanFunc func(dst []pii.Finding, b []byte) []pii.Finding

// appendFixpoint appends text to dst with the findings f (those scan finds
// in text) masked by m, then rescans what it wrote until scan finds
// nothing more to mask, and reports whether a rescan masked anything.
//
// The masks written are opaque to the rescans: a finding that lies within
// one is ignored (a token, a hash or a placeholder is never masked again,
// so a token can always be unmasked), and a finding that crosses the edge
// of one (a mask completing a pattern with its neighbours) is masked only
// outside it. The exception is a mask that keeps bytes of the value in
// clear (Partial's, see keepsClear): what it kept can be a value itself
// ("9372745917a@b.co" keeps "a@b.co"), so a finding that touches it is
// masked together with the whole of it. What a rescan finds is masked by
// m too, and becomes opaque in turn: with a Tokenizer, everything masked,
// in any round, is a token, and unmasking restores the text exactly. Each
// round masks at least one more byte or stops (a masker whose output
// equals its input, Asterisk on asterisks, ends it; a Partial whose output
// equals its input gives way to its Fixed mask first); should findings
// remain after maxMaskRounds rounds (a chain of overlapping values, each
// uncovered by masking the next, or custom patterns that match masks),
// everything from the first remaining finding to the last, masks excepted,
// is masked at once; should the text still hold a finding after that,
// everything outside the opaque masks is masked, which leaves nothing to
// find. These two last steps never keep anything in clear (a Partial
// masks as Fixed does). The number of scans is bounded (maxMaskRounds+2).
func (fx *fixpoint) appendFixpoint(dst, text []byte, f []pii.Finding, m Masker, scan scanFunc) ([]byte, bool) {
	n := len(dst)
	// One span per finding: sized once, since append would grow it by a
	// quarter at a time, allocating about five times its final size over
	// a text dense with findings.
	fx.spans = slices.Grow(fx.spans[:0], len(f))
	pos := 0
	for _, g := range f {
		if g.Start < pos || g.End > len(text) || g.Start > g.End {
			continue
		}
		dst = append(dst, text[pos:g.Start]...)
		s := len(dst) - n
		dst = m.AppendMask(dst, text[g.Start:g.End], g)
		fx.spans = append(fx.spans, span{s, len(dst) - n, g.Start, g.End, g.End > g.Start && keepsClear(m, g)}) // even empty: one per finding
		pos = g.End
	}
	dst = append(dst, text[pos:]...)

	changed := false
	opaque := false // mask without keeping anything in clear
	for round := 0; ; round++ {
		out := dst[n:]
		fx.found = scan(fx.found[:0], out)
		if len(fx.found) == 0 {
			break
		}
		fx.clip(fx.found)
		if len(fx.ranges) == 0 {
			break
		}
		switch {
		case round == maxMaskRounds:
			// Conservative step: one range from the first to the last,
			// cut around the masks.
			last := fx.ranges[len(fx.ranges)-1].End
			fx.found = append(fx.found[:0], fx.ranges[0])
			fx.found[0].End = last
			fx.clip(fx.found)
		case round > maxMaskRounds:
			// Last step: everything outside the masks. A chain of
			// overlapping values, of which each round uncovers one more
			// (each ends where the next begins, and stands alone once
			// the next is masked), can outrun any number of rounds; a
			// text that is masks only has nothing left to find.
			fx.found = append(fx.found[:0], fx.ranges[0])
			fx.found[0].Start, fx.found[0].End = 0, len(out)
			fx.clip(fx.found)
		}
		rm := m
		if opaque || round >= maxMaskRounds {
			rm = noClear{m}
		}
		fx.buf, fx.next = appendRound(fx.buf[:0], fx.next[:0], out, fx.ranges, fx.spans, rm)
		if string(fx.buf) == string(out) {
			if !opaque && round < maxMaskRounds && fx.rangesKeepClear(m) {
				// A Partial gave back what it masked (its Char a
				// letter or a digit, kept characters that are a
				// value): mask without keeping anything from now on.
				opaque = true
				continue
			}
			break // the masks equal what they replace: nothing more to hide
		}
		changed = true
		dst = append(dst[:n], fx.buf...)
		fx.spans, fx.next = fx.next, fx.spans
		if round > maxMaskRounds {
			break // all masks now: opaque to any further scan
		}
	}
	return dst, changed
}

// clip sets fx.ranges to the parts of the findings that lie outside every
// opaque span, sorted; each keeps its finding's identifier. A finding that
// overlaps a clear span (a mask that kept bytes of its value) is widened
// over the whole of it: the span is masked again, whole, by the range.
//
// A scan reports a value once per identifier that matches it, so found
// may hold one span several times: a part already in a range is not added
// again (the first finding of a span names its mask, as in the first
// masking), and the ranges never overlap.
func (fx *fixpoint) clip(found []pii.Finding) {
	fx.ranges = fx.ranges[:0]
	si := 0
	for _, g := range found {
		s, e := g.Start, g.End
		if n := len(fx.ranges); n > 0 {
			s = max(s, fx.ranges[n-1].End)
		}
		for si < len(fx.spans) && fx.spans[si].end <= s && fx.spans[si].start < s {
			si++
		}
		for k := si; s < e; k++ {
			if k == len(fx.spans) || fx.spans[k].start >= e {
				fx.addRange(g, s, e)
				break
			}
			sp := fx.spans[k]
			if sp.clear {
				// Every range before ends at or before sp.start: one
				// that reached into sp was widened over all of it.
				s, e = min(s, sp.start), max(e, sp.end)
				continue
			}
			if sp.start > s {
				fx.addRange(g, s, sp.start)
			}
			s = max(s, sp.end)
		}
	}
}

// rangesKeepClear reports whether m keeps bytes in clear for a range of
// fx.ranges.
func (fx *fixpoint) rangesKeepClear(m Masker) bool {
	for _, r := range fx.ranges {
		if keepsClear(m, r) {
			return true
		}
	}
	return false
}

func (fx *fixpoint) addRange(g pii.Finding, s, e int) {
	if s < e {
		g.Start, g.End = s, e
		fx.ranges = append(fx.ranges, g)
	}
}

// appendRound appends text to dst with each range masked by m, and
// appends to spans the places, in the result, of the old spans of text
// and of the new masks, in order. The old spans lie outside the ranges,
// but for clear spans, which lie inside them (see clip): the range's mask
// replaces them, and its place in the input covers theirs.
func appendRound(dst []byte, spans []span, text []byte, ranges []pii.Finding, old []span, m Masker) ([]byte, []span) {
	pos, si := 0, 0
	shift := 0 // position in dst minus position in text, so far
	delta := 0 // position in text minus position in the input, so far
	// emitSpans appends the old spans before upTo, and the empty ones at
	// upTo (a mask that wrote nothing, Redact's): a range that begins
	// there masks what follows them in the input, and its place in the
	// input is after theirs.
	emitSpans := func(upTo int) {
		for si < len(old) && (old[si].start < upTo || old[si].start == upTo && old[si].end == upTo) {
			sp := old[si]
			spans = append(spans, span{sp.start + shift, sp.end + shift, sp.in, sp.inEnd, sp.clear})
			delta += (sp.end - sp.start) - (sp.inEnd - sp.in)
			si++
		}
	}
	for _, r := range ranges {
		emitSpans(r.Start)
		dst = append(dst, text[pos:r.Start]...)
		before := len(dst)
		dst = m.AppendMask(dst, text[r.Start:r.End], r)
		in := r.Start - delta
		for si < len(old) && old[si].clear && old[si].start < r.End {
			sp := old[si]
			delta += (sp.end - sp.start) - (sp.inEnd - sp.in)
			si++
		}
		spans = append(spans, span{before, len(dst), in, r.End - delta, r.End > r.Start && keepsClear(m, r)})
		shift += (len(dst) - before) - (r.End - r.Start)
		pos = r.End
	}
	emitSpans(len(text) + 1)
	return append(dst, text[pos:]...), spans
}

// keepsClear reports whether m's mask for f holds bytes of the value in
// clear: a Partial's, chosen directly, by ByIdentifier or through keepOwn.
// Other maskers (tokens, hashes, placeholders, asterisks, and MaskerFuncs,
// which this package cannot see into) are taken as opaque.
func keepsClear(m Masker, f pii.Finding) bool {
	_, ok := partialFor(m, f)
	return ok
}

// partialFor returns the Partial that m applies to f, if it is one.
func partialFor(m Masker, f pii.Finding) (Partial, bool) {
	for range 8 { // a ByIdentifier may hold another; a cycle cannot be built
		switch x := m.(type) {
		case Partial:
			return x, true
		case *Partial:
			if x == nil {
				return Partial{}, false
			}
			return *x, true
		case ByIdentifier:
			m = x.pick(f.Identifier)
		case *ByIdentifier:
			if x == nil {
				return Partial{}, false
			}
			m = x.pick(f.Identifier)
		case keepOwn:
			if f.Score == keepFinding {
				return Partial{}, false
			}
			m = x.m
		case noClear:
			return Partial{}, false
		default:
			return Partial{}, false
		}
	}
	return Partial{}, false
}

// noClear masks as m does, except where m would keep bytes in clear (a
// Partial): there every character becomes the Partial's Char, as Fixed
// does.
type noClear struct{ m Masker }

func (n noClear) AppendMask(dst, value []byte, f pii.Finding) []byte {
	if p, ok := partialFor(n.m, f); ok {
		return Fixed(p.Char).AppendMask(dst, value, f)
	}
	return n.m.AppendMask(dst, value, f)
}
