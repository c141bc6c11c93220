package detector

import (
	"encoding/binary"

	"github.com/piiguard/piiguard/internal/prefilter"
)

// addKeywordWindow adds the window in which a match of cp near the keyword
// at [start, end) can lie: one within the identifier's window (in
// characters) of the keyword, plus a lead-in of the pattern's maximum
// length on each side, so that a match that straddles the window's edge is
// one no keyword could keep (see Windows and exactness in doc.go).
func (d *Detector) addKeywordWindow(s *scratch, cp *compiledPattern, text []byte, start, end int) {
	maxLen := cp.info.MaxLen
	w := cp.ident.window
	if maxLen == prefilter.Unbounded {
		if cp.info.AllowedAll {
			s.addWindow(cp.index, 0, len(text))
			return
		}
		// A match is a run of the pattern's bytes that reaches within w
		// characters of the keyword: the window is the runs that cross the
		// edges of that zone. A match cannot straddle a run's end, so the
		// search from the run's start finds what a search of the whole text
		// would.
		lo, hi := s.keywordZone(text, start, end, w)
		s.addWindow(cp.index, runStart(&cp.info.Allowed, text, 0, lo), runEnd(&cp.info.Allowed, text, hi, len(text)))
		return
	}
	zlo, zhi := s.keywordZone(text, start, end, w)
	lo, hi := max(zlo-2*maxLen, 0), min(zhi+2*maxLen, len(text))
	if !cp.info.AllowedAll {
		// No match crosses a byte the pattern cannot match: the lead-ins
		// end at the last such byte before the zone (and after it), where
		// a search of the whole text would start afresh too.
		lo, hi = runStart(&cp.info.Allowed, text, lo, zlo), runEnd(&cp.info.Allowed, text, zhi, hi)
	}
	s.addWindow(cp.index, lo, hi)
}

// keywordZone returns the offsets w characters before start and after end
// (runesBefore and runesAfter). The patterns a keyword triggers ask for the
// same zone one after another (the 12 patterns of the 7 phone number
// identifiers, all with a window of 30), so the last is remembered for the
// call (s.gen).
func (s *scratch) keywordZone(text []byte, start, end, w int) (lo, hi int) {
	z := &s.zone
	if z.gen == s.gen && z.start == start && z.end == end && z.w == w {
		return z.lo, z.hi
	}
	lo, hi = runesBefore(text, start, w), runesAfter(text, end, w)
	*z = zone{gen: s.gen, start: start, end: end, w: w, lo: lo, hi: hi}
	return lo, hi
}

// runesBefore returns the offset n characters before i, counting bytes
// that do not continue a UTF-8 sequence (so never fewer bytes than n
// characters as utf8.RuneCount counts them).
func runesBefore(text []byte, i, n int) int {
	if lo := max(i-n, 0); n > 0 && i <= len(text) && asciiOnly(text[lo:i]) {
		// Each byte is a character: the count ends at lo (or at the
		// text's start).
		i = lo
	} else {
		for i > 0 && n > 0 {
			i--
			if text[i]&0xC0 != 0x80 {
				n--
			}
		}
	}
	// Include the continuation bytes of a sequence whose lead was counted.
	for i > 0 && text[i-1]&0xC0 == 0x80 {
		i--
	}
	return i
}

// runesAfter returns the offset n characters after i (see runesBefore).
func runesAfter(text []byte, i, n int) int {
	if hi := min(i+n, len(text)); n > 0 && i >= 0 && i < len(text) && asciiOnly(text[i+1:min(hi+1, len(text))]) {
		// Each step moves one byte and finds no continuation byte (up to
		// the text's end).
		return hi
	}
	for i < len(text) && n > 0 {
		i++
		for i < len(text) && text[i]&0xC0 == 0x80 {
			i++
		}
		n--
	}
	return i
}

// asciiOnly reports whether b holds only ASCII bytes, eight at a time.
func asciiOnly(b []byte) bool {
	var or uint64
	for len(b) >= 8 {
		or |= binary.LittleEndian.Uint64(b)
		b = b[8:]
	}
	for _, c := range b {
		or |= uint64(c)
	}
	return or&highs == 0
}
