package detector

import (
	"encoding/binary"
	"math/bits"
)

// # The Name pattern's precheck
//
// The catalog's Name pattern (names.NamePattern) has no literal and starts
// with a capital letter, so the whole-text pass would walk its automaton
// from every capitalised word of a text: in logs, ~120k walks per 4.4 MB
// that find nothing. nameMayStart rejects most of those starts by reading
// a few bytes, with a condition every match meets:
//
//   - the match's first word is a run of word bytes (ASCII letters, '-',
//     '\'' and the bytes of multi-byte characters) that ends in a small
//     letter (its last byte is a-z or a UTF-8 continuation byte) and is
//     followed by a space: a word of the pattern holds no other byte and
//     must be followed by one of its joining spaces;
//   - after the space come zero or more particles ("van", "de", "bin", …:
//     namePatternParticles), each followed by a space, then a capital
//     letter (A-Z or the lead byte of a Latin capital beyond ASCII), which
//     starts an initial or the next word.
//
// Each check lets a start through unchecked when it would read far (a word
// run longer than wordRunMax, more than maxParticleChain particles), so
// the precheck costs O(1) per start and the pass stays linear; the
// automaton then decides.
//
// At a marked start (scanMarked) most starts are answered before the word
// is read, from the next mark (nameMayStartBefore): the capital after the
// first word follows a space, so it is marked, and the byte before the
// next mark tells whether the run up to it can be a word and particles.
// On loghub (124k marked starts per 4.4 MB, 94k of them capitals) this
// leaves ~10k starts for nameMayStart and ~5.7k walks of the automaton,
// ~450 of which find nothing.

// Byte classes of nameMayStart.
const (
	// nameWordByte: a byte of a word of the pattern (an ASCII letter, '-',
	// '\'' or any byte of a multi-byte character).
	nameWordByte = 1 << iota
	// nameLowerEnd: the last byte of a small letter (a-z, or the last
	// byte of a multi-byte one: a continuation byte).
	nameLowerEnd
	// nameCapital: the first byte of a capital letter of the pattern (A-Z;
	// the lead bytes of U+00C0-U+00DE, U+0100-U+024F and U+1E00-U+1EFF).
	nameCapital
	// nameParticleByte: a byte of a particle (a-z).
	nameParticleByte
)

var nameBytes = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= 'A' && c <= 'Z':
			t[c] = nameWordByte | nameCapital
		case c >= 'a' && c <= 'z':
			t[c] = nameWordByte | nameLowerEnd | nameParticleByte
		case c == '-' || c == '\'':
			t[c] = nameWordByte
		case c >= 0x80 && c <= 0xbf:
			t[c] = nameWordByte | nameLowerEnd
		case c >= 0xc3 && c <= 0xc9 || c == 0xe1:
			t[c] = nameWordByte | nameCapital
		case c >= 0xc0:
			t[c] = nameWordByte
		}
	}
	return t
}()

// maxParticleChain bounds the particles nameMayStart reads after the first
// word; a longer chain is let through to the automaton.
const maxParticleChain = 4

// wordRunMax bounds the bytes of the first word nameMayStart reads: a
// longer run is let through to the automaton (whose Memo keeps its walks
// linear), so that a text that is one long run of word bytes with many
// starts in it (after hyphens or apostrophes) costs linear time, not
// quadratic.
const wordRunMax = 32

// nameMayStart reports whether a match of the catalog's Name pattern may
// start at text[i] (see the section comment above): false only when none
// can.
func nameMayStart(text []byte, i int) bool {
	lim := min(len(text), i+wordRunMax)
	var j int
	if i+8 <= lim {
		// Most words end within eight bytes: one test.
		if r := ^nameWordBytesIn(binary.LittleEndian.Uint64(text[i:])) & highs; r != 0 {
			j = i + bits.TrailingZeros64(r)>>3
		} else {
			j = nameWordEnd(text, i+8, lim)
		}
	} else {
		j = nameWordEnd(text, i, lim)
	}
	if j == lim {
		return lim < len(text) // a long run; or the text ends in the word
	}
	if j == i || text[j] != ' ' || nameBytes[text[j-1]]&nameLowerEnd == 0 {
		return false
	}
	if j+1 < len(text) && nameBytes[text[j+1]]&nameCapital != 0 {
		return true
	}
	return particlesThenCapital(text, j+1)
}

// nameMayStartBefore is nameMayStart for a start i in a text whose marks
// (see scanMarked) are known, k being the first marked offset after i (-1
// for none). A match's first capital after its first word (that of an
// initial or of its next word) follows a space, so it is marked: k is that
// offset or one before it, inside the first word ("Jean-Luc") or, for
// patterns of other groups, after a particle. The bytes before k are then
// the word's and the particles' and the spaces between them; a space at
// k-1 ends the first word or a particle, so the byte before it is a small
// letter's. This answers most starts from two bytes, without reading the
// first word.
func nameMayStartBefore(text []byte, i, k int) bool {
	return k >= 0 && nameBeforeMark(text, k) && nameMayStart(text, i)
}

// nameBeforeMark reports whether the byte before offset k, marked, may be
// in a run of name words and particles (see nameMayStartBefore).
func nameBeforeMark(text []byte, k int) bool {
	if b := text[k-1]; b != ' ' {
		return nameBytes[b]&nameWordByte != 0
	}
	return nameBytes[text[k-2]]&nameLowerEnd != 0
}

// particlesThenCapital reports whether text[p:] starts with up to
// maxParticleChain particles, each followed by a space, and then a capital
// letter; true, unchecked, after maxParticleChain particles.
func particlesThenCapital(text []byte, p int) bool {
	for range maxParticleChain {
		if p >= len(text) {
			return false
		}
		c := nameBytes[text[p]]
		if c&nameCapital != 0 {
			return true
		}
		if c&nameParticleByte == 0 {
			return false
		}
		q := p + 1
		for q < len(text) && q-p <= maxParticle && nameBytes[text[q]]&nameParticleByte != 0 {
			q++
		}
		if q >= len(text) || text[q] != ' ' || !isNameParticle(text[p:q]) {
			return false
		}
		p = q + 1
	}
	return true
}

// nameWordEnd returns the end of the run of nameWordBytes at text[i:lim]:
// the offset of its first other byte, or lim. It reads eight bytes at a
// time (nameWordBytesIn) while it may, then byte by byte.
func nameWordEnd(text []byte, i, lim int) int {
	for i+8 <= lim {
		if r := nameWordBytesIn(binary.LittleEndian.Uint64(text[i:])); r != highs {
			return i + bits.TrailingZeros64(^r&highs)>>3
		}
		i += 8
	}
	for i < lim && nameBytes[text[i]]&nameWordByte != 0 {
		i++
	}
	return i
}

// Constants of nameWordBytesIn: startsIn's for the range 'a'..'z', and each
// byte '-' and '\”.
const (
	nameBelow  = ones * (127 + 'z' + 1)
	nameAbove  = ones * (127 - ('a' - 1))
	hyphens    = ones * '-'
	apostrophe = ones * '\''
)

// nameWordBytesIn returns, for the eight bytes of x (little-endian), a mask
// with the high bit of each byte that is a nameWordByte: an ASCII letter
// (x|0x20 in 'a'..'z', see startsIn), '-', '\” or at or above 0x80. A byte
// equal to c is found exactly as a zero byte of x^c: its low seven bits
// plus 0x7f carry into the high bit unless they are all zero, and the high
// bit of x^c itself must be clear too.
func nameWordBytesIn(x uint64) uint64 {
	y := (x | ones*0x20) & lows
	letters := (nameBelow - y) & (y + nameAbove)
	h, a := x^hyphens, x^apostrophe
	others := ^((h&lows + lows) | h) | ^((a&lows + lows) | a)
	return (letters | others | x) & highs
}

// maxParticle is the length of the longest of namePatternParticles.
const maxParticle = 6

// isNameParticle reports whether w is one of the particles of the Name
// pattern (namePatternParticles).
func isNameParticle(w []byte) bool {
	switch string(w) {
	case "van", "von", "vander", "de", "del", "der", "den", "des", "dei", "degli", "della",
		"da", "di", "do", "du", "dos", "das", "la", "le", "los", "las", "te", "ten", "ter",
		"y", "e", "bin", "ibn", "ben", "al", "el", "zu", "af", "av":
		return true
	}
	return false
}

// namePatternParticles is the alternation of particles in names.NamePattern
// that isNameParticle lists word by word (TestNameParticlesOfPattern checks
// that the pattern holds it, and isNameParticle every word of it).
const namePatternParticles = `van|von|vander|de[lrns]?|dei|degli|della|d[aiou]|dos|das|l[ae]|los|las|te[nr]?|y|e|bin|ibn|ben|al|el|zu|af|av`

// nameMayFind reports whether a Name finding may start at text[i]: a match
// may (nameMayStart), and it is no pair of words one of which the scorer
// vetoes (nameVetoedPair). It is not inlined: one call in scanMarked's loop
// rather than two took ~290k instructions off a loghub pass.
//
//go:noinline
func nameMayFind(text []byte, i int) bool {
	return nameMayStart(text, i) && !nameVetoedPair(text, i)
}

// nameVetoedPair reports whether every match of the Name pattern at
// text[i] is two words of ASCII letters one of which the scorer vetoes,
// so that no Name finding starts there and its automaton need not walk:
//
//   - the first word, text[i:j], is ASCII letters and a space follows it;
//     the second, text[j+1:e], is a capital and ASCII letters (two at
//     least, so no initial followed by a period or space), and what
//     follows it cannot continue a match: a byte that is no name word's
//     and not a space, or a space and no capital nor particle after it
//     (particlesThenCapital). Every match at i is then the first word, a
//     space and a prefix of the second;
//   - the first word is a day's abbreviation ("Mon" … "Sun": a calendar
//     word), or one of the words starts with two capitals ("RMCommunicator
//     Allocator", "IOPMPowerSource Information": the scorer's nameShaped
//     allows a capital inside a word only after a prefix such as "Mc",
//     none of one letter). The scorer (names.Lexicon.ScoreName) starts a
//     name only at a word not vetoed, followed by one not vetoed, so it
//     finds none in two words one of which is;
//   - no start lies inside the words but the second word's capital, where
//     no match starts (one word, and no continuation after it), so leaving
//     the pattern's resume offset unchanged finds the same.
//
// On loghub these are ~3.8k of the ~6k starts the Name automaton walked
// ("Sun Dec 04", "RMCommunicator Allocator:"). Each word is read up to
// wordRunMax bytes, so the check is O(1) per start. TestNameVetoedPairs
// checks the scorer's side; TestWholeStartChecksNameEdges and
// FuzzWholeStartChecks the findings.
func nameVetoedPair(text []byte, i int) bool {
	j := asciiLettersEnd(text, i)
	if j >= len(text)-1 || text[j] != ' ' || text[j+1] < 'A' || text[j+1] > 'Z' {
		return false
	}
	// A vetoed word first (most starts have none), then the second word's
	// end.
	if !twoCapitals(text, i) && !twoCapitals(text, j+1) && (j-i != 3 || !isDay(binary.LittleEndian.Uint32(text[i:]))) {
		return false
	}
	// Two letters at least: the second word is no initial ("A. Smith").
	e := asciiLettersEnd(text, j+1)
	if e-(j+1) < 2 || e-(j+1) >= wordRunMax {
		return false
	}
	if e < len(text) {
		if c := text[e]; c == ' ' {
			return !particlesThenCapital(text, e+1)
		} else if nameBytes[c]&nameWordByte != 0 {
			return false
		}
	}
	return true
}

// isDay reports whether the four bytes w (little-endian) are a day's
// abbreviation and a space (nameVetoedPair's days).
func isDay(w uint32) bool {
	switch w {
	case dayMon, dayTue, dayWed, dayThu, dayFri, daySat, daySun:
		return true
	}
	return false
}

// asciiLettersEnd returns the end of the run of ASCII letters at text[i:],
// read up to wordRunMax bytes (i+wordRunMax when it is longer).
func asciiLettersEnd(text []byte, i int) int {
	lim := min(len(text), i+wordRunMax)
	for i < lim && text[i]|0x20 >= 'a' && text[i]|0x20 <= 'z' {
		i++
	}
	return i
}

// twoCapitals reports whether text[i] and text[i+1] are ASCII capitals.
func twoCapitals(text []byte, i int) bool {
	return i+1 < len(text) && text[i]-'A' < 26 && text[i+1]-'A' < 26
}

// nameVetoedPair's days: each abbreviation and a space, as a little-endian
// word of four bytes.
const (
	dayMon = 'M' | 'o'<<8 | 'n'<<16 | ' '<<24
	dayTue = 'T' | 'u'<<8 | 'e'<<16 | ' '<<24
	dayWed = 'W' | 'e'<<8 | 'd'<<16 | ' '<<24
	dayThu = 'T' | 'h'<<8 | 'u'<<16 | ' '<<24
	dayFri = 'F' | 'r'<<8 | 'i'<<16 | ' '<<24
	daySat = 'S' | 'a'<<8 | 't'<<16 | ' '<<24
	daySun = 'S' | 'u'<<8 | 'n'<<16 | ' '<<24
)
