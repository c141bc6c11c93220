package jsonwalk

import (
	"sort"
	"unicode/utf16"
	"unicode/utf8"
)

// Escape records one escape sequence of a string literal: the raw bytes
// [Raw, Raw+RawLen) of the literal's content (the bytes between its quotes)
// decode to the bytes [Dec, Dec+DecLen) of the decoded string. A surrogate
// pair (\ud83d\ude00) is one escape. Between escapes, raw and decoded bytes
// are the same.
type Escape struct {
	Raw, RawLen int
	Dec, DecLen int
}

// Unquote decodes the string literal lit, quotes included, appending the
// decoded bytes to dst and one Escape per escape sequence to esc. Bytes
// that are not valid UTF-8 are kept as they are (encoding/json would turn
// them into U+FFFD), so that the decoded string holds the same bytes as
// the raw one wherever there is no escape. A \u escape of a lone surrogate
// decodes to U+FFFD, as encoding/json does. lit must be valid, as Walk
// reports string literals; a malformed escape is kept raw.
func Unquote(dst []byte, esc []Escape, lit []byte) ([]byte, []Escape) {
	if len(lit) < 2 {
		return dst, esc
	}
	s := lit[1 : len(lit)-1]
	base := len(dst)
	i := 0
	for i < len(s) {
		j := i
		for j < len(s) && s[j] != '\\' {
			j++
		}
		dst = append(dst, s[i:j]...)
		i = j
		if i >= len(s) {
			break
		}
		dec := len(dst) - base
		n := 2
		if i+1 >= len(s) {
			dst = append(dst, s[i])
			i++
			continue
		}
		switch c := s[i+1]; c {
		case '"', '\\', '/':
			dst = append(dst, c)
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		case 'u':
			r, ok := hex4(s[i+2:])
			if !ok {
				dst = append(dst, s[i:i+2]...)
				break
			}
			n = 6
			if utf16.IsSurrogate(r) {
				r2, ok2 := rune(-1), false
				if i+12 <= len(s) && s[i+6] == '\\' && s[i+7] == 'u' {
					r2, ok2 = hex4(s[i+8:])
				}
				if d := utf16.DecodeRune(r, r2); ok2 && d != utf8.RuneError {
					r, n = d, 12
				} else {
					r = utf8.RuneError
				}
			}
			dst = utf8.AppendRune(dst, r)
		default:
			dst = append(dst, s[i:i+2]...)
		}
		esc = append(esc, Escape{Raw: i, RawLen: n, Dec: dec, DecLen: len(dst) - base - dec})
		i += n
	}
	return dst, esc
}

func hex4(s []byte) (rune, bool) {
	if len(s) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range s[:4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// RawSpan maps the decoded span [ds, de) of a string to the raw span
// [rs, re) of its literal's content, for the escapes Unquote reported. A
// span edge inside the decoded bytes of an escape is widened to the whole
// escape; the widened decoded span is returned as wds, wde.
func RawSpan(esc []Escape, ds, de int) (rs, re, wds, wde int) {
	rs, wds = mapOffset(esc, ds, false, false)
	re, wde = mapOffset(esc, de, false, true)
	return rs, re, wds, wde
}

// DecodedSpan maps the raw span [rs, re) of a literal's content to the
// decoded span [ds, de), widening edges inside an escape sequence to the
// whole escape; the widened raw span is returned as wrs, wre.
func DecodedSpan(esc []Escape, rs, re int) (ds, de, wrs, wre int) {
	ds, wrs = mapOffset(esc, rs, true, false)
	de, wre = mapOffset(esc, re, true, true)
	return ds, de, wrs, wre
}

// mapOffset maps an offset from decoded to raw (fromRaw false) or raw to
// decoded coordinates. An offset inside an escape moves to the escape's
// start, or its end when up is set. It returns the mapped offset and the
// (possibly moved) original.
func mapOffset(esc []Escape, off int, fromRaw, up bool) (mapped, moved int) {
	from := func(e Escape) (int, int) {
		if fromRaw {
			return e.Raw, e.RawLen
		}
		return e.Dec, e.DecLen
	}
	to := func(e Escape) (int, int) {
		if fromRaw {
			return e.Dec, e.DecLen
		}
		return e.Raw, e.RawLen
	}
	// k is the number of escapes starting before off.
	k := sort.Search(len(esc), func(i int) bool {
		s, _ := from(esc[i])
		return s >= off
	})
	if k == 0 {
		return off, off
	}
	e := esc[k-1]
	fs, fl := from(e)
	ts, tl := to(e)
	switch {
	case off >= fs+fl:
		return ts + tl + (off - fs - fl), off
	case up:
		return ts + tl, fs + fl
	default:
		return ts, fs
	}
}

// AppendQuote appends s to dst as a JSON string literal, quotes included.
// It escapes '"', '\\', control characters (as \n, \r, \t, \b, \f or
// \u00XX), U+2028 and U+2029, and writes every byte that is not valid
// UTF-8 as \ufffd, so that the literal is valid JSON and valid UTF-8.
// Unlike encoding/json it leaves '<', '>' and '&' as they are.
func AppendQuote(dst, s []byte) []byte {
	dst = append(dst, '"')
	dst = AppendEscaped(dst, s)
	return append(dst, '"')
}

// AppendEscaped appends s escaped as AppendQuote does, without the quotes:
// the content of a string literal.
func AppendEscaped(dst, s []byte) []byte { return appendEscaped(dst, s, false) }

// AppendQuoteHTML is AppendQuote that also escapes '<', '>' and '&' (as
// \u003c, \u003e and \u0026), as encoding/json does by default: the bytes
// json.Marshal writes for the same string, for writers that must match it
// without its reflection. s may be a string or a byte slice.
func AppendQuoteHTML[S string | []byte](dst []byte, s S) []byte {
	dst = append(dst, '"')
	dst = appendEscaped(dst, s, true)
	return append(dst, '"')
}

// appendEscaped is AppendEscaped, with '<', '>' and '&' escaped too when
// html is set.
func appendEscaped[S string | []byte](dst []byte, s S, html bool) []byte {
	const hexDigits = "0123456789abcdef"
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && (!html || c != '<' && c != '>' && c != '&') {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		// At most a rune's bytes, as a string: no allocation for either S.
		r, size := utf8.DecodeRuneInString(string(s[i:min(len(s), i+utf8.UTFMax)]))
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(dst, s[start:]...)
}
