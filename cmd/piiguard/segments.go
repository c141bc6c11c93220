package main

import (
	"unicode/utf8"

	"github.com/piiguard/piiguard/mask"
)

// lineChars turns byte offsets within a line into character offsets (runes;
// an invalid UTF-8 byte counts as one, as in audit reports), segment by
// segment (mask.Segment), without holding the line. A rune cut by the
// end of a segment is carried over to the next.
type lineChars struct {
	text     []byte // the current segment, after the carried bytes
	base     int64  // line offset of text[0]
	pos      int    // cursor into text
	chars    int64  // characters before text[pos]
	begin    int64  // characters before text[0]
	carry    []byte // an incomplete rune at the end of the last segment
	carryBuf []byte
}

// start begins segment s.
func (lc *lineChars) start(s *mask.Segment) {
	if len(lc.carry) == 0 {
		lc.text, lc.base = s.Text, s.Offset
	} else {
		lc.carryBuf = append(append(lc.carryBuf[:0], lc.carry...), s.Text...)
		lc.text, lc.base = lc.carryBuf, s.Offset-int64(len(lc.carry))
	}
	lc.pos = 0
	lc.begin = lc.chars
}

// at returns the character offset of line byte offset b, which lies in
// the current segment. Offsets asked for in increasing order cost what
// lies between them.
func (lc *lineChars) at(b int64) int64 {
	i := int(b - lc.base)
	if i < lc.pos { // findings may overlap: count again from the start
		lc.pos, lc.chars = 0, lc.begin
	}
	lc.chars += int64(utf8.RuneCount(lc.text[lc.pos:i]))
	lc.pos = i
	return lc.chars
}

// end finishes segment s.
func (lc *lineChars) end(s *mask.Segment) {
	if s.End {
		lc.chars, lc.carry, lc.text = 0, lc.carry[:0], nil
		return
	}
	n := len(lc.text)
	for i := n - 1; i >= max(0, n-utf8.UTFMax+1); i-- {
		if utf8.RuneStart(lc.text[i]) {
			if !utf8.FullRune(lc.text[i:]) {
				n = i
			}
			break
		}
	}
	lc.at(lc.base + int64(n))
	lc.carry = append(lc.carry[:0], lc.text[n:]...)
	lc.text = nil
}
