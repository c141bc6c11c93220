package detector

import (
	"encoding/binary"
	"math/bits"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/dfa"
)

// wholeGroup is up to 64 patterns searched over the whole text in one pass:
// starts[c] has bit k when pattern k can start with byte c.
type wholeGroup struct {
	starts [256]uint64
	// seconds[c] has bit k when byte c can follow the first byte of a match
	// of pattern k (every pattern here matches at least 2 bytes).
	seconds [256]uint64
	// thirds[c] has bit k when byte c can be the third byte of a match of
	// pattern k (dfa.BytesAt(2)), or pattern k has matches of two bytes.
	thirds [256]uint64
	// inWord has bit k when pattern k's matches that start with a letter
	// or digit must start a word: a start right after a letter, digit or
	// '_' is rejected by bounded, so it is not tried.
	inWord uint64
	// memos has bit k when pattern k's matches can be long (cp.memo).
	memos uint64
	// name has bit k when pattern k is the catalog's Name pattern, whose
	// starts are prechecked by nameMayStart before its automaton walks.
	name uint64
	// outOfWord says that the marks hold no offset inside a word: every
	// whole-text pattern of every group must start a word (see
	// mayStartWhole), so scanMarked need not check.
	outOfWord bool
	// afterStart says that the marks are the bytes after a start: those
	// where g.starts of the byte before and g.seconds of the byte hold
	// (mayStartWhole), chosen when no whole-text pattern's match can have a
	// letter as its second byte (and none is the Name pattern): a capital
	// before a digit (PostalCode-CA) is much rarer in logs than a capital
	// at a word start. Same in every group.
	afterStart bool
	patterns   []*compiledPattern
	// skip, when the ASCII bytes that start a match lie in a narrow range
	// (capital letters, digits), lets the pass skip eight bytes at a time
	// while none is in lo..hi nor, with high, at or above 0x80: see
	// startsIn, which reads below, above and high.
	skip               bool
	below, above, high uint64
}

// skipSpan is the widest range of ASCII start bytes for which the eight-byte
// skip pays.
const skipSpan = 40

// groupWholeText moves the whole-text patterns that have a DFA from
// wholeText and wholeTextClass into wholeGroups.
func (d *Detector) groupWholeText() {
	var rest []*compiledPattern
	add := func(cps []*compiledPattern) []*compiledPattern {
		var keep []*compiledPattern
		for _, cp := range cps {
			if cp.dfa == nil {
				keep = append(keep, cp)
				continue
			}
			if len(d.wholeGroups) == 0 || len(d.wholeGroups[len(d.wholeGroups)-1].patterns) == 64 {
				d.wholeGroups = append(d.wholeGroups, wholeGroup{})
			}
			g := &d.wholeGroups[len(d.wholeGroups)-1]
			k := len(g.patterns)
			g.patterns = append(g.patterns, cp)
			if cp.info.WordStart {
				g.inWord |= 1 << k
			}
			if cp.memo {
				g.memos |= 1 << k
			}
			if namePattern != "" && cp.expr() == namePattern {
				g.name |= 1 << k
			}
			var third [256]bool
			if cp.info.MinLen >= 3 {
				third = cp.dfa.BytesAt(2)
			}
			for c := range 256 {
				if cp.info.MinLen < 3 || third[c] {
					g.thirds[c] |= 1 << k
				}
				if cp.dfa.Starts(byte(c)) {
					g.starts[c] |= 1 << k
				}
				if cp.info.MinLen < 2 || cp.dfa.Seconds(byte(c)) {
					g.seconds[c] |= 1 << k
				}
			}
		}
		return keep
	}
	d.wholeText = add(d.wholeText)
	rest = add(d.wholeTextClass)
	d.wholeTextClass = rest
	for gi := range d.wholeGroups {
		g := &d.wholeGroups[gi]
		lo, hi := -1, -1
		for c := range 0x80 {
			if g.starts[c] != 0 {
				if lo < 0 {
					lo = c
				}
				hi = c
			}
		}
		for c := 0x80; c < 256; c++ {
			if g.starts[c] != 0 {
				g.high = highs
			}
		}
		if lo < 0 {
			lo, hi = 0x7f, 0x7f // no ASCII start: only the high bytes count
		}
		g.setRange(byte(lo), byte(hi))
		g.skip = lo > 0 && hi-lo < skipSpan
	}
	outOfWord := true
	for gi := range d.wholeGroups {
		g := &d.wholeGroups[gi]
		outOfWord = outOfWord && g.inWord == 1<<len(g.patterns)-1
	}
	afterStart := true
	for gi := range d.wholeGroups {
		g := &d.wholeGroups[gi]
		for c := range 256 {
			if isASCIILetter(byte(c)) && g.seconds[c] != 0 {
				afterStart = false
			}
		}
		afterStart = afterStart && g.name == 0
	}
	for gi := range d.wholeGroups {
		d.wholeGroups[gi].outOfWord = outOfWord
		d.wholeGroups[gi].afterStart = afterStart
	}
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// namePattern is the catalog Name identifier's pattern (names.NamePattern),
// whose matches start as nameMayStart requires.
var namePattern = func() string {
	if id, ok := identifiers.Lookup("Name"); ok && len(id.Patterns) == 1 {
		return id.Patterns[0].Expr
	}
	return ""
}()

// expr returns the expression cp was compiled from.
func (cp *compiledPattern) expr() string {
	for pi, p := range cp.ident.patterns {
		if p == cp && pi < len(cp.ident.id.Patterns) {
			return cp.ident.id.Patterns[pi].Expr
		}
	}
	return ""
}

const ones, highs, lows = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f

// setRange sets startsIn's constants for the bytes lo..hi (1 <= lo <= hi
// <= 127).
func (g *wholeGroup) setRange(lo, hi byte) {
	g.below = ones * (127 + uint64(hi) + 1)
	g.above = ones * (127 - (uint64(lo) - 1))
}

// startsIn returns, for the eight bytes of x (little-endian), a mask with
// the high bit of each byte that may start a match of g: in the range
// setRange set, or at or above 0x80 when g.high is set ("hasbetween" in Bit
// Twiddling Hacks: 127+hi+1-b has its high bit set when b <= hi, b+127-lo+1
// when b >= lo; exact per byte, as no carry or borrow crosses a byte).
func (g *wholeGroup) startsIn(x uint64) uint64 {
	y := x & lows
	return (g.below-y)&^x&(y+g.above)&highs | x&g.high
}

// scanWholeText searches the whole text for the wholeGroups' patterns, as
// verify would over one window spanning the text, all patterns of a group
// in one pass: at the marked offsets (scanMarked) or at every byte
// (scanEvery).
func (d *Detector) scanWholeText(s *scratch, text []byte) {
	for gi := range d.wholeGroups {
		g := &d.wholeGroups[gi]
		// Long-match patterns get a Memo each (see dfa.Memo). A pattern's
		// resume offset and Memo are reset when a start first reaches it
		// (wholeAt), so that a text where none does costs nothing here.
		if g.memos != 0 && len(s.wholeMemos) < len(g.patterns) {
			s.wholeMemos = make([]dfa.Memo, len(g.patterns))
		}
		switch {
		case !d.marked:
			d.scanEvery(s, g, text)
		case g.afterStart:
			d.scanAfterStarts(s, g, text) // as scanMarked would, a call less
		default:
			d.scanMarked(s, g, text)
		}
	}
}

// scanEvery is scanWholeText's pass over every byte of text for the
// patterns of g: next[k] is where pattern k's search resumes.
func (d *Detector) scanEvery(s *scratch, g *wholeGroup, text []byte) {
	next := &s.wholeNext
	fresh := uint64(1)<<len(g.patterns) - 1
	for i := 0; i < len(text); i++ {
		if g.skip {
			// Eight bytes at a time to the next byte that may start a
			// match.
			for i+8 <= len(text) {
				if r := g.startsIn(binary.LittleEndian.Uint64(text[i:])); r != 0 {
					i += bits.TrailingZeros64(r) >> 3
					break
				}
				i += 8
			}
			if i >= len(text) {
				break
			}
		}
		if m := g.startsAt(text, i); m != 0 {
			d.wholeAt(s, g, text, i, m, next, &fresh)
		}
	}
}

// scanMarked is scanWholeText's pass over the offsets the keyword
// automaton's pass marked (s.marks[markWhole], see scanMarks): every offset
// i >= 1 where mayStartWhole(text[i-1], text[i]). The first byte has no
// byte before it and is never marked.
func (d *Detector) scanMarked(s *scratch, g *wholeGroup, text []byte) {
	if g.afterStart {
		d.scanAfterStarts(s, g, text)
		return
	}
	next := &s.wholeNext
	fresh := uint64(1)<<len(g.patterns) - 1
	if g.starts[text[0]] != 0 {
		if m := g.startsAt(text, 0); m != 0 {
			d.wholeAt(s, g, text, 0, m, next, &fresh)
		}
	}
	marks := s.marks[markWhole]
	for wi, w := range marks {
		for ; w != 0; w &= w - 1 {
			i := wi<<6 | bits.TrailingZeros64(w)
			var m uint64
			if i+2 < len(text) {
				t := text[i-1 : i+3] // one bounds check for the four bytes
				m = g.starts[t[1]] & g.seconds[t[2]] & g.thirds[t[3]]
				if !g.outOfWord && valueWordChars[t[0]] && valueWordChars[t[1]] {
					m &^= g.inWord
				}
			} else {
				m = g.startsAt(text, i)
			}
			if m&g.name != 0 {
				// nameMayStartBefore, its first checks inlined.
				if k := nextMark(marks, wi, w); k < 0 || !nameBeforeMark(text, k) || !nameMayFind(text, i) {
					m &^= g.name
				}
			}
			if m != 0 {
				d.wholeAt(s, g, text, i, m, next, &fresh)
			}
		}
	}
}

// scanAfterStarts is scanMarked when the marks are the bytes after a
// start (g.afterStart): every offset i+1 where a pattern of a group starts
// with text[i] and continues with text[i+1], offset 0 among them. The
// third byte and the byte before i are checked here, as startsAt does (no
// group holds the Name pattern).
func (d *Detector) scanAfterStarts(s *scratch, g *wholeGroup, text []byte) {
	next := &s.wholeNext
	fresh := uint64(1)<<len(g.patterns) - 1
	for wi, w := range s.marks[markWhole] {
		for ; w != 0; w &= w - 1 {
			i := wi<<6 | bits.TrailingZeros64(w)
			i-- // the start, before its mark
			if i < 0 || i+1 >= len(text) {
				continue // never: marks are at offsets 1 to len(text)-1
			}
			m := g.starts[text[i]] & g.seconds[text[i+1]]
			if i+2 < len(text) {
				m &= g.thirds[text[i+2]]
			}
			if i > 0 && valueWordChars[text[i-1]] && valueWordChars[text[i]] {
				m &^= g.inWord
			}
			if m != 0 {
				d.wholeAt(s, g, text, i, m, next, &fresh)
			}
		}
	}
}

// nextMark returns the first marked offset after the lowest bit of w, the
// rest of marks[wi], or -1. Over a pass the words it reads between marks
// are read once, so the pass stays linear.
func nextMark(marks []uint64, wi int, w uint64) int {
	if w &= w - 1; w != 0 {
		return wi<<6 | bits.TrailingZeros64(w)
	}
	for wi++; wi < len(marks); wi++ {
		if marks[wi] != 0 {
			return wi<<6 | bits.TrailingZeros64(marks[wi])
		}
	}
	return -1
}

// startsAt returns the set of g's patterns whose matches may start at
// text[i]: those that can start with its byte and continue with the next
// two, not inside a word when they must start one, and, for the Name pattern,
// where nameMayFind says a finding may.
func (g *wholeGroup) startsAt(text []byte, i int) uint64 {
	m := g.starts[text[i]]
	if i+2 < len(text) {
		m &= g.seconds[text[i+1]] & g.thirds[text[i+2]]
	} else if i+1 < len(text) {
		m &= g.seconds[text[i+1]]
	}
	if i > 0 && valueWordChars[text[i-1]] && valueWordChars[text[i]] {
		m &^= g.inWord
	}
	if m&g.name != 0 && !nameMayFind(text, i) {
		m &^= g.name
	}
	return m
}

// wholeAt tries the matches of the patterns m of g (see startsAt) that
// start at text[i]. next[k] is where pattern k's search resumes; fresh has
// the bits of the patterns no start has reached yet in text, whose next
// and Memo are reset here.
func (d *Detector) wholeAt(s *scratch, g *wholeGroup, text []byte, i int, m uint64, next *[64]int, fresh *uint64) {
	if f := m & *fresh; f != 0 {
		*fresh &^= f
		for ; f != 0; f &= f - 1 {
			k := bits.TrailingZeros64(f)
			next[k] = 0
			if g.memos&(1<<k) != 0 {
				s.wholeMemos[k].Reset(0, len(text))
			}
		}
	}
	for m != 0 {
		k := bits.TrailingZeros64(m)
		m &= m - 1
		if i < next[k] {
			continue
		}
		cp := g.patterns[k]
		var me int
		if g.memos&(1<<k) != 0 {
			me = cp.dfa.EndAtMemo(text, i, &s.wholeMemos[k])
		} else {
			me = cp.dfa.EndAt(text, i)
		}
		if me < 0 {
			continue
		}
		// A match starts with an ASCII byte or a UTF-8 lead byte, so
		// the next start after a rejected one is at i+1 or later.
		if kept, retry := d.consider(s, text, cp, i, me); kept || !retry {
			next[k] = me
		} else {
			next[k] = i + 1
		}
	}
}
