package detector

import (
	"math/bits"

	"github.com/piiguard/piiguard/internal/bitclass"
)

// # Class runs by bitmaps
//
// When the union of the class patterns' classes is a few byte ranges and
// there are at most four trigger bytes (the catalog: hex digits and ".:-",
// with '.', ':' and '-' as triggers), the pass reads bitmaps rather than
// bytes: bitclass gives, for a block of 64 bytes, which are in the union
// and which are each trigger. A union run's ends are the nearest 0 bits of
// the union's map on each side of a marked byte (bits.LeadingZeros64 and
// TrailingZeros64, a block further only when the run crosses one), and
// its count of each trigger is a population count of that trigger's map
// under the run; two triggers in a row are x & x>>1. The blocks are
// classified as the pass reaches them, only those with a marked byte or a
// run crossing into them; a few are kept (runBlocks) so that the run's
// ends and counts read each once.

// runBlocks keeps the last few blocks of bitmaps classified in a text.
type runBlocks struct {
	entries [4]runBlockEntry
	// gen is the current text's: an entry of another gen is stale.
	gen uint32
}

// runBlockEntry is block k's bitmaps, classified during text gen.
type runBlockEntry struct {
	gen uint32
	k   int
	b   bitclass.Block
}

// start forgets the blocks of the previous text.
func (c *runBlocks) start() {
	if c.gen++; c.gen == 0 {
		c.entries = [4]runBlockEntry{}
		c.gen = 1
	}
}

// get returns the bitmaps of text's block k (text[64k:64k+64]).
func (c *runBlocks) get(cl *bitclass.Classifier, text []byte, k int) *bitclass.Block {
	e := &c.entries[k&(len(c.entries)-1)]
	if e.gen != c.gen || e.k != k {
		c.fill(e, cl, text, k)
	}
	return &e.b
}

// fill classifies block k into e.
//
//go:noinline
func (c *runBlocks) fill(e *runBlockEntry, cl *bitclass.Classifier, text []byte, k int) {
	cl.ClassifyTo(&e.b, text, k*bitclass.BlockSize)
	e.gen, e.k = c.gen, k
}

// classRunsBits is collectClassRunsRange by bitmaps: the union runs around
// the marked offsets (s.marks[markClass], see isTrigger) or, without
// marks, around every trigger byte.
func (d *Detector) classRunsBits(s *scratch, text []byte, from, to int) {
	r := &d.runs
	i := max(from, s.classFrom)
	var marks []uint64
	if d.marked {
		marks = s.marks[markClass]
		if i == 0 && r.trig[text[0]] != 0 {
			// The first byte, which has no byte before it, is never
			// marked.
			i = d.unionRunBits(s, text, 0, s.runBlocks.get(r.bits, text, 0))
		}
	}
	for wi := i >> 6; wi<<6 < to; wi++ {
		var w uint64
		if marks != nil {
			if w = marks[wi]; w == 0 {
				continue
			}
		} else {
			blk := s.runBlocks.get(r.bits, text, wi)
			w = blk.Keys[0] | blk.Keys[1] | blk.Keys[2] | blk.Keys[3]
		}
		for {
			if base := wi << 6; base < i {
				w &^= 1<<uint(i-base) - 1 // offsets before i (all when i is past the word)
			}
			if w == 0 {
				break
			}
			j := wi<<6 | bits.TrailingZeros64(w)
			if j >= to {
				break
			}
			if i = d.unionRunBits(s, text, j, s.runBlocks.get(r.bits, text, wi)); i >= (wi+1)<<6 {
				wi = i>>6 - 1 // the run ends in a later word: resume there
				break
			}
		}
	}
	s.classFrom = max(s.classFrom, to)
}

// unionRunBits is unionRun by bitmaps: it handles the union run around
// text[j], a byte of the union whose block's bitmaps are blk, and returns
// its end.
func (d *Detector) unionRunBits(s *scratch, text []byte, j int, blk *bitclass.Block) int {
	r := &d.runs
	k, bit := j>>6, uint(j&63)
	// The run starts after the last byte before j outside the union and
	// ends at the first at or after j. Past the text's end the map's bits
	// are 0: hi is at most its length.
	// (A run reaching the text's start, as most lines' first, is in one
	// block: LeadingZeros64(0) is 64.)
	below, above := ^blk.In&(1<<bit-1), ^blk.In&^(1<<bit-1)
	if below == 0 && k > 0 || above == 0 {
		return d.longUnionRun(s, text, j)
	}
	loBit, hiBit := 64-bits.LeadingZeros64(below), bits.TrailingZeros64(above)
	lo, hi := k<<6+loBit, k<<6+hiBit
	s.classFrom = hi
	n := hi - lo
	if n < r.minLen {
		return hi
	}
	// The run's bits; each lane's count and a byte not 0 when two of its
	// triggers are in a row (at most 63 each).
	m := ^uint64(0) << uint(loBit&63) & (1<<uint(hiBit&63) - 1)
	x0, x1, x2, x3 := blk.Keys[0]&m, blk.Keys[1]&m, blk.Keys[2]&m, blk.Keys[3]&m
	counts := uint64(bits.OnesCount64(x0)) | uint64(bits.OnesCount64(x1))<<8 |
		uint64(bits.OnesCount64(x2))<<16 | uint64(bits.OnesCount64(x3))<<24
	doubled := uint64(bits.OnesCount64(x0&(x0>>1))) | uint64(bits.OnesCount64(x1&(x1>>1)))<<8 |
		uint64(bits.OnesCount64(x2&(x2>>1)))<<16 | uint64(bits.OnesCount64(x3&(x3>>1)))<<24
	// Every lane at once, without a branch per lane (most runs pass
	// none): a lane passes when its count reaches its least count apart,
	// or its least count when doubled, and the run is long enough. In
	// each byte, (x|0x80)-y keeps the top bit when x >= y (all below 128).
	if !r.mayHold(n, counts, doubled) {
		return hi
	}
	d.runSlots(s, text, lo, hi, counts, doubled)
	return hi
}

// longUnionRun is unionRunBits for a run that may cross a block's edge.
func (d *Detector) longUnionRun(s *scratch, text []byte, j int) int {
	r := &d.runs
	c := &s.runBlocks
	k, bit := j>>6, uint(j&63)
	in := c.get(r.bits, text, k).In
	lo := 0
	if out := ^in & (1<<bit - 1); out != 0 {
		lo = k<<6 + 64 - bits.LeadingZeros64(out)
	} else {
		for b := k - 1; b >= 0; b-- {
			if out := ^c.get(r.bits, text, b).In; out != 0 {
				lo = b<<6 + 64 - bits.LeadingZeros64(out)
				break
			}
		}
	}
	hi := len(text)
	if out := ^in &^ (1<<bit - 1); out != 0 {
		hi = k<<6 + bits.TrailingZeros64(out)
	} else {
		for b := k + 1; b<<6 < len(text); b++ {
			if out := ^c.get(r.bits, text, b).In; out != 0 {
				hi = b<<6 + bits.TrailingZeros64(out)
				break
			}
		}
	}
	s.classFrom = hi
	n := hi - lo
	if n < r.minLen {
		return hi
	}
	if n > maxLaneRun {
		// A count may overflow its lane: every lane full, as unionRun.
		d.runSlots(s, text, lo, hi, ^uint64(0), 0)
		return hi
	}
	// Each lane's count, and whether two of its triggers are in a row
	// (carry: the last byte of the block before was one).
	var counts, doubled, carry uint64
	for b := lo >> 6; b<<6 < hi; b++ {
		m := ^uint64(0)
		if base := b << 6; lo > base {
			m &^= 1<<uint(lo-base) - 1
		}
		if end := hi - b<<6; end < 64 {
			m &= 1<<uint(end) - 1
		}
		blk := c.get(r.bits, text, b)
		var top uint64
		for l := range r.nkeys {
			x := blk.Keys[l] & m
			counts += uint64(bits.OnesCount64(x)) << (8 * l)
			if x&(x>>1) != 0 || x&1&(carry>>l) != 0 {
				doubled |= 1 << (8 * l)
			}
			top |= x >> 63 << l
		}
		carry = top
	}
	d.runSlots(s, text, lo, hi, counts, doubled)
	return hi
}
