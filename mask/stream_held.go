package mask

import (
	"slices"

	"github.com/piiguard/piiguard/pii"
)

// The held tail of a long line.
//
// A piece of a long line is masked by its window, which sees a keyword's
// reach past the piece's cut, but what the output holds past the cut is
// decided by the next window, which sees more of the line and can mask
// what the window did not (a chain of values resolved otherwise, which
// frees a keyword, or a value that the characters a Partial kept at the
// end of the piece begin). Rather than model what the next window may
// write, the stream holds the output of the last bytes of each piece (the
// next window's context: look bytes before the cut) until the next window
// has masked them with what follows: whatever that window finds in its
// context is masked there too, with asterisks, and only then is the held
// output written. So what a piece leaves in clear near its cut has been
// seen with the text past the cut as the output holds it, by the window
// that writes that text, up to the limits maskHeld describes.

// A heldMask is a mask in the held output: it replaces buf[in:inEnd] and
// is written at [start, end) of the held output (c.out[c.heldOut:]).
// clear marks a mask that keeps bytes of its value in clear (a Partial's).
type heldMask struct {
	in, inEnd, start, end int
	clear                 bool
}

// committed is how much of c.out can be written: all of it but the held
// output of a long line.
func (c *lineCore) committed() int {
	if c.holding {
		return c.heldOut
	}
	return len(c.out)
}

// dropCommitted removes the first n bytes of c.out, written already.
func (c *lineCore) dropCommitted(n int) {
	if n == 0 {
		return
	}
	c.out = c.out[:copy(c.out, c.out[n:])]
	if c.holding {
		c.heldOut -= n
	}
}

// ctxEdge is how many bytes at the start of a window's context
// maskHeld leaves as the window before wrote them.
const ctxEdge = 24

// holdPiece starts holding the output of a long line at its first piece,
// and adds the piece [c.done, cut), about to be written, to the held
// region (its masks are recorded as emitWindow writes them).
func (c *lineCore) holdPiece(cut int) {
	if !c.holding {
		c.holding = true
		c.heldAt = c.done
		c.heldIn = c.heldIn[:0]
		c.heldMasks = c.heldMasks[:0]
		c.heldOut = len(c.out)
	}
	c.heldIn = append(c.heldIn, c.buf[c.done:cut]...)
}

// recordMask notes a mask that emitWindow wrote at c.out[start:] for
// buf[in:inEnd], when the output is held.
func (c *lineCore) recordMask(in, inEnd, start int, clear bool) {
	if c.holding {
		c.heldMasks = append(c.heldMasks, heldMask{in: in, inEnd: inEnd, start: start - c.heldOut, end: len(c.out) - c.heldOut, clear: clear})
	}
}

// releaseBefore writes (commits) the held output of the line before at,
// in buf, and holds the rest: at is moved past a mask that covers it,
// since a mask is written whole.
func (c *lineCore) releaseBefore(at int) {
	if !c.holding {
		return
	}
	end := c.heldAt + len(c.heldIn)
	at = min(max(at, c.heldAt), end)
	for _, m := range c.heldMasks {
		if m.in < at && m.inEnd > at {
			at = m.inEnd
		}
	}
	off := at - c.heldAt
	k := 0
	for k < len(c.heldMasks) && c.heldMasks[k].inEnd <= at {
		m := c.heldMasks[k]
		off = m.end + at - m.inEnd
		k++
	}
	n := copy(c.heldMasks, c.heldMasks[k:])
	c.heldMasks = c.heldMasks[:n]
	for i := range c.heldMasks {
		c.heldMasks[i].start -= off
		c.heldMasks[i].end -= off
	}
	c.heldIn = c.heldIn[:copy(c.heldIn, c.heldIn[at-c.heldAt:])]
	c.heldOut += off
	c.heldAt = at
}

// shiftHeld moves the held region's places in buf by -d, as the buffer
// drops its first d bytes.
func (c *lineCore) shiftHeld(d int) {
	c.heldAt -= d
	for i := range c.heldMasks {
		c.heldMasks[i].in -= d
		c.heldMasks[i].inEnd -= d
	}
}

// releaseAll ends holding: the held output is written with what follows.
func (c *lineCore) releaseAll() {
	c.holding = false
	c.heldIn = c.heldIn[:0]
	c.heldMasks = c.heldMasks[:0]
}

// maskHeld masks, in the held output, what the window (just masked, its
// masks in c.fx.spans) masked in its context, the held region
// [c.heldAt, c.done) of buf: the bytes the output holds in clear there, and
// the whole of a Partial's mask that it touches, are masked with
// asterisks, in the output and in buf (the context of the windows after).
//
// What the window masks in its first bytes (ctxEdge bytes, and the first
// word when the context begins inside one) is left as written: the window
// saw part of what is there, and can find in it what the line, whole, does
// not hold (a value whose neighbour, before the edge, blocks it); the
// window before, which saw it, decided it. A mask is taken from the start
// of the word it begins in, since a word's clear start before a mask can
// be a value of its own, and is left when that word began before the held
// bytes (a value that crosses into the piece is then masked from the
// piece's start, as emitWindow masks it). The new masks are checked
// (verifyHeld) before they are taken.
//
// It costs a pass over the window's masks in the context per piece, and,
// only when the window masks there what the output holds in clear, a
// rewrite of the held output and a scan of the context and a keyword's
// reach of the piece.
func (c *lineCore) maskHeld() {
	if !c.holding || c.heldAt >= c.done {
		return
	}
	n := c.done - c.heldAt
	mark := c.heldMark
	any := false
	// The window's first bytes: a mask there may come of the window's
	// edge (a value whose neighbour, before the edge, blocks it).
	lo := 0
	if c.ctxMidWord {
		for lo < c.done && !isBlank(c.buf[lo]) {
			lo++
		}
	}
	lo = max(lo, min(ctxEdge, c.done))
	for _, sp := range c.fx.spans {
		if sp.in >= c.done {
			break
		}
		if sp.in < lo && sp.inEnd <= c.done {
			continue
		}
		a, b := max(sp.in, c.heldAt, lo), min(sp.inEnd, c.done)
		// From the start of the word the mask begins in: a word's clear
		// start before a mask can be a value of its own. A word that
		// begins before floor (written, or at the window's edge) is left;
		// a value that crosses into the piece is then masked from the
		// piece's start, as emitWindow masks it.
		floor := max(c.heldAt, lo)
		for a > floor && !isBlank(c.buf[a-1]) {
			a--
		}
		if a == floor && a > 0 && !isBlank(c.buf[a-1]) {
			continue
		}
		if a >= b {
			continue
		}
		if !any {
			if cap(mark) < n {
				mark = make([]bool, n)
			}
			mark = mark[:n]
			clear(mark)
			any = true
		}
		for i := a; i < b; i++ {
			mark[i-c.heldAt] = true
		}
	}
	c.heldMark = mark
	if !any {
		return
	}
	c.settleMarks(mark)
	if !c.verifyHeld(mark, max(c.heldAt, lo)) {
		return
	}
	changed := false
	for _, v := range mark {
		if v {
			changed = true
			break
		}
	}
	if !changed {
		return
	}
	// Write the held output again, with the new masks.
	old := append(c.heldScratch[:0], c.out[c.heldOut:]...)
	c.heldScratch = old
	masks := append(c.heldMasks2[:0], c.heldMasks...)
	c.heldMasks2 = masks
	c.out = c.out[:c.heldOut]
	c.heldMasks = c.heldMasks[:0]
	k := 0
	for i := 0; i < n; {
		if mark[i] {
			j := i
			for j < n && mark[j] {
				j++
			}
			for k < len(masks) && masks[k].inEnd <= c.heldAt+j && masks[k].in < c.heldAt+j && masks[k].in >= c.heldAt+i {
				k++ // a Partial's mask, masked whole now
			}
			s := len(c.out)
			c.out = Asterisk.AppendMask(c.out, c.heldIn[i:j], pii.Finding{})
			c.recordMask(c.heldAt+i, c.heldAt+j, s, false)
			for p := c.heldAt + i; p < c.heldAt+j; p++ {
				c.buf[p] = '*'
			}
			i = j
			continue
		}
		if k < len(masks) && masks[k].in == c.heldAt+i {
			m := masks[k]
			s := len(c.out)
			c.out = append(c.out, old[m.start:m.end]...)
			c.recordMask(m.in, m.inEnd, s, m.clear)
			k++
			if m.inEnd > m.in {
				i = m.inEnd - c.heldAt
			}
			continue
		}
		c.out = append(c.out, c.heldIn[i])
		i++
	}
	for ; k < len(masks); k++ { // empty masks at the end
		m := masks[k]
		s := len(c.out)
		c.out = append(c.out, old[m.start:m.end]...)
		c.recordMask(m.in, m.inEnd, s, m.clear)
	}
}

// settleMarks fits the new masks of the held region, marked in mark, to
// the masks the held output has: a Partial's mask touched is masked whole;
// other masks stay as they are (opaque: what the window found in them is
// masked only outside them, as the rescans of appendFixpoint do).
func (c *lineCore) settleMarks(mark []bool) {
	for _, m := range c.heldMasks {
		touched := false
		for i := m.in; i < m.inEnd; i++ {
			if mark[i-c.heldAt] {
				touched = true
				break
			}
		}
		for i := m.in; i < m.inEnd; i++ {
			mark[i-c.heldAt] = touched && m.clear
		}
	}
}

// verifyHeld checks the new masks of the held region (mark) before they
// are written: the context as written, with them, and the head of the
// piece as the window masked it (to a keyword's reach), is masked to a
// fixpoint with asterisks. What that masks more in the held region after
// floor is marked too; should it mask, before floor, where the output is
// written already or left as written, what it does not mask there without
// the new masks (marksMaskBefore), the new masks would make a value of
// what is there (a chain whose start lies before the held bytes), and
// none is taken: verifyHeld reports false.
func (c *lineCore) verifyHeld(mark []bool, floor int) bool {
	t := append(c.tailText[:0], c.buf[:c.done]...)
	for i, v := range mark {
		if v {
			t[c.heldAt+i] = '*'
		}
	}
	h, end := len(t), min(len(c.buf), c.done+keywordReach)
	t = append(t, c.buf[c.done:end]...)
	for _, sp := range c.fx.spans {
		if sp.inEnd <= c.done {
			continue
		}
		if sp.in >= end {
			break
		}
		for i := max(sp.in, c.done); i < min(sp.inEnd, end); i++ {
			t[h+i-c.done] = '*'
		}
	}
	c.tailText = t
	c.tailFind = c.fd.AppendFindings(c.tailFind[:0], t)
	if len(c.tailFind) == 0 {
		return true
	}
	c.tailOut, _ = c.tailFx.appendFixpoint(c.tailOut[:0], t, c.tailFind, byteStars, c.fd.AppendFindings)
	// before[i] tells that the check masks byte i, before floor, which
	// the context with the new masks holds in clear.
	before := c.heldBefore[:0]
	for i := 0; i < c.done; i++ {
		if c.tailOut[i] != '*' || t[i] == '*' {
			continue
		}
		if i < floor {
			if len(before) == 0 {
				before = slices.Grow(before, floor)[:floor]
				clear(before)
			}
			before[i] = true
			continue
		}
		mark[i-c.heldAt] = true
	}
	c.heldBefore = before
	if len(before) > 0 && c.marksMaskBefore(t, before) {
		return false
	}
	c.settleMarks(mark)
	return true
}

// marksMaskBefore reports whether the new masks of the held region make
// the check mask what it does not mask without them before the floor: of
// the bytes before it that the check masks and the context with the new
// masks holds in clear (before), one that t, as verifyHeld built it,
// masked to a fixpoint again with the held bytes as written, leaves in
// clear, is part of a value the new masks made of what is written there.
// A value the check masks before the floor either way (a word cut by the
// window's start that is a value from there on, "x2001:db8::1:2" without
// its "x") comes of the window's edge, not of the new masks, and does not
// keep them from being taken (TestStreamHeldValueAtWindowEdge). It costs
// a second scan of the check's text, only when the first masks before the
// floor.
func (c *lineCore) marksMaskBefore(t []byte, before []bool) bool {
	copy(t[c.heldAt:c.done], c.buf[c.heldAt:c.done])
	c.tailFind = c.fd.AppendFindings(c.tailFind[:0], t)
	c.tailOut, _ = c.tailFx.appendFixpoint(c.tailOut[:0], t, c.tailFind, byteStars, c.fd.AppendFindings)
	for i, b := range before {
		if b && c.tailOut[i] != '*' {
			return true
		}
	}
	return false
}
