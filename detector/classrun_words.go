package detector

import (
	"encoding/binary"
	"math/bits"
)

// # Union runs eight bytes at a time
//
// When the union of the class patterns' classes is a few byte ranges and
// there are at most four trigger bytes (the catalog: hex digits and ".:-",
// with '.', ':' and '-' as triggers), a union run is read eight bytes at a
// time rather than byte by byte: bitclass.Classifier.Word marks, in one
// uint64, the bytes of the union and each trigger's bytes (the top bit of
// each byte), the run's end is the first unmarked byte (TrailingZeros64,
// LeadingZeros64 going left), and each trigger's count is a sum of the
// marks under the run. A byte loop stops at each run's end on a branch the
// processor cannot predict; most runs here end within the first word on
// each side, on no such branch.

// unionRunWords is unionRun for a text of eight bytes or more when r.bits
// is set: it handles the union run around text[j], a byte of the union,
// and returns its end.
func (d *Detector) unionRunWords(s *scratch, text []byte, j int) int {
	r := &d.runs
	lo, hi, counts, doubled := r.runWords(text, j)
	s.classFrom = hi
	n := hi - lo
	if n < r.minLen {
		return hi
	}
	if n > maxLaneRun {
		counts = ^uint64(0) // a count may have overflowed: every lane full
	} else if n <= maxMayHold && !r.mayHold(n, counts, doubled) {
		return hi
	}
	d.runSlots(s, text, lo, hi, counts, doubled)
	return hi
}

// runWords returns the union run text[lo:hi] around text[j] (text of eight
// bytes or more), its lanes' counts (exact when it is at most maxLaneRun
// long) and doubled, as runBytes does.
func (r *classRuns) runWords(text []byte, j int) (lo, hi int, counts, doubled uint64) {
	cl := r.bits
	// counts holds each lane's count and doubled a byte not 0 in the
	// lanes with two triggers in a row, as unionRun's; carry has bit l set
	// when the byte next to the word being read (before it going right,
	// after it going left) is a trigger of lane l in the run, and first
	// for text[j].
	var carry, first uint64
	hi = j
	for w := 0; ; w++ {
		x, pad := wordAt(text, hi)
		in, keys := cl.Word(x)
		out := (^in | highs<<(64-8*pad)) & highs // past the text's end: out
		m, step := uint64(highs), 8
		if out != 0 {
			step = bits.TrailingZeros64(out) >> 3
			m = highs >> (8 * (8 - step)) // the bytes before the first out
		}
		var next uint64
		for l := range r.nkeys {
			k := keys[l] & m
			counts += (k >> 7 * 0x0101010101010101 >> 56) << (8 * l)
			if k&(k>>8) != 0 || k&0x80 != 0 && carry>>l&1 != 0 {
				doubled |= 1 << (8 * l)
			}
			next |= k >> 63 << l
			if w == 0 {
				first |= k >> 7 & 1 << l // text[j], the first byte
			}
		}
		carry = next
		if hi += step; step < 8 || hi >= len(text) {
			break
		}
	}
	lo = j
	carry = first
	for lo > 0 {
		x, pad := wordBefore(text, lo)
		in, keys := cl.Word(x)
		out := (^in | highs>>(64-8*pad)) & highs // before the text's start: out
		m, step := uint64(highs), 8
		if out != 0 {
			last := (63 - bits.LeadingZeros64(out)) >> 3
			step = 7 - last
			m = highs << (8 * (last + 1)) // the bytes after the last out
		}
		var next uint64
		for l := range r.nkeys {
			k := keys[l] & m
			counts += (k >> 7 * 0x0101010101010101 >> 56) << (8 * l)
			if k&(k>>8) != 0 || k>>63 != 0 && carry>>l&1 != 0 {
				doubled |= 1 << (8 * l)
			}
			next |= k >> 7 & 1 << l
		}
		carry = next
		if lo -= step; step < 8 {
			break
		}
	}
	return lo, hi, counts, doubled
}

// wordAt returns the eight bytes of text (eight or more) from p, and how
// many of them lie past its end (their bytes, the top ones, are 0).
func wordAt(text []byte, p int) (x uint64, pad int) {
	if p+8 <= len(text) {
		return binary.LittleEndian.Uint64(text[p:]), 0
	}
	pad = p + 8 - len(text)
	return binary.LittleEndian.Uint64(text[len(text)-8:]) >> (8 * pad), pad
}

// wordBefore returns the eight bytes of text (eight or more) before p, and
// how many of them lie before its start (their bytes, the low ones, are 0).
func wordBefore(text []byte, p int) (x uint64, pad int) {
	if p >= 8 {
		return binary.LittleEndian.Uint64(text[p-8:]), 0
	}
	pad = 8 - p
	return binary.LittleEndian.Uint64(text) << (8 * pad), pad
}
