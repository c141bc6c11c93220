package detector

import (
	"unicode"
	"unicode/utf8"
)

// isWordByte reports whether c can continue a word: ASCII letters and
// digits, and any non-ASCII byte (which may start a letter). '_' and '-'
// separate words.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= utf8.RuneSelf
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// continuesWordBefore reports whether the character before text[i] is a
// letter or digit, so that a keyword starting at i would be inside a word.
func continuesWordBefore(text []byte, i int) bool {
	if i == 0 {
		return false
	}
	if c := text[i-1]; c < utf8.RuneSelf {
		// A case change starts a word: "userSsn" holds the keyword "ssn".
		return isWordByte(c) && !(isLower(c) && isUpper(text[i]))
	}
	r, _ := utf8.DecodeLastRune(text[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// continuesWordAfter reports whether text[i] starts a letter or digit.
func continuesWordAfter(text []byte, i int) bool {
	if i >= len(text) {
		return false
	}
	if c := text[i]; c < utf8.RuneSelf {
		// A case change ends a word: "passportNumber" holds "passport".
		return isWordByte(c) && !(isUpper(c) && i > 0 && isLower(text[i-1]))
	}
	r, _ := utf8.DecodeRune(text[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// valueWordChars are the bytes that continue a value for value boundaries:
// ASCII letters, digits and '_' (so "blk_123" holds no number).
var valueWordChars = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
	}
	return t
}()

// bounded reports whether text[ms:me] stands on its own: it does not
// continue a word (a letter, digit or '_' on both sides of an edge) and is
// not joined to one by joiners, outside the match ("1.2.3.4" in
// "1.2.3.4.5", "0:0" in "0:0::0:0") or at its edge ("::1:2" in
// "db8::1:2"). The runs of joiners around a match are walked through
// s.joins, so that the candidates inside one long run (a line of ':')
// cost time linear in it, not each the whole run.
func (cp *compiledPattern) bounded(s *scratch, text []byte, ms, me int) bool {
	w := &valueWordChars
	if ms > 0 {
		c := text[ms-1]
		if cp.info.WordStart && w[c] && w[text[ms]] || cp.joiners[text[ms]] && w[c] {
			return false
		}
		if cp.joiners[c] {
			// Joiners between a letter or digit and the match glue them.
			if k := s.joinRun(cp).before(&cp.joiners, text, ms-1); k >= 0 && w[text[k]] {
				return false
			}
		}
		// A number never starts right after "digit." ("10.11.10" in "1.10.11.10").
		if c == '.' && isDigit(text[ms]) && ms >= 2 && isDigit(text[ms-2]) {
			return false
		}
	}
	if me < len(text) {
		c := text[me]
		if cp.info.WordEnd && w[c] && w[text[me-1]] || cp.joiners[text[me-1]] && w[c] {
			return false
		}
		if cp.joiners[c] {
			if k := s.joinRun(cp).after(&cp.joiners, text, me); k < len(text) && w[text[k]] {
				return false
			}
		}
		// Nor ends right before ".digit" ("10.11.10" in "10.11.10.1").
		if c == '.' && isDigit(text[me-1]) && me+1 < len(text) && isDigit(text[me+1]) {
			return false
		}
	}
	return true
}

// joinRun remembers, for one pattern in one call, the last run of its
// joiners walked in each direction: text[backK+1..back] are joiners and
// text[backK] is not (or backK is -1); text[fwd..fwdK-1] are joiners and
// text[fwdK] is not (or fwdK is the text's length). A walk that enters a
// remembered run jumps to its end.
type joinRun struct {
	gen         uint32
	back, backK int
	fwd, fwdK   int
}

// joinRun returns cp's joinRun for this call.
func (s *scratch) joinRun(cp *compiledPattern) *joinRun {
	if cp.index >= len(s.joins) {
		s.joins = append(s.joins, make([]joinRun, cp.index+1-len(s.joins))...)
	}
	j := &s.joins[cp.index]
	if j.gen != s.gen {
		*j = joinRun{gen: s.gen, back: -1, backK: -1, fwd: -1, fwdK: -1}
	}
	return j
}

// before returns the offset of the last byte at or before i that is not a
// joiner, or -1.
func (j *joinRun) before(joiners *[256]bool, text []byte, i int) int {
	k := i
	for k >= 0 && joiners[text[k]] {
		if k <= j.back && k > j.backK {
			k = j.backK
			break
		}
		k--
	}
	j.back, j.backK = i, k
	return k
}

// after returns the offset of the first byte at or after i that is not a
// joiner, or len(text).
func (j *joinRun) after(joiners *[256]bool, text []byte, i int) int {
	k := i
	for k < len(text) && joiners[text[k]] {
		if k >= j.fwd && k < j.fwdK {
			k = j.fwdK
			break
		}
		k++
	}
	j.fwd, j.fwdK = i, k
	return k
}

// keywordEndsAt reports whether a keyword occurrence ends at byte i (so a
// digit there, as in "cvv2 123", is the keyword's, not a digit group's).
func (d *Detector) keywordEndsAt(s *scratch, i int) bool {
	for _, o := range s.kwOccs[d.firstOccurrence(s, i-d.maxWordLen):] {
		if o.start >= i {
			break
		}
		if o.end == i {
			return true
		}
	}
	return false
}

func isGroupSep(c byte) bool { return c == ' ' || c == '-' || c == '.' || c == '/' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// digitGroupBefore reports whether a match starting at ms follows a digit
// and a separator: it would be one group of a longer grouped number.
func digitGroupBefore(text []byte, ms int) bool {
	return ms >= 2 && isGroupSep(text[ms-1]) && isDigit(text[ms-2])
}

// digitGroupAfter reports whether a separator and a digit follow a match
// ending at me.
func digitGroupAfter(text []byte, me int) bool {
	return me+1 < len(text) && isGroupSep(text[me]) && isDigit(text[me+1])
}
