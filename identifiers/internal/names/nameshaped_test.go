package names

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// nameShapedDecoding is nameShaped as it was before its ASCII fast path:
// every rune decoded and classified by the Unicode tables.
func nameShapedDecoding(w []byte) bool {
	letters, lower := 0, 0
	partStart := 0
	prev := rune(0)
	for i := 0; i < len(w); {
		r, size := utf8.DecodeRune(w[i:])
		switch {
		case r == '-':
			if prev == '-' || prev == 0 || i+size == len(w) {
				return false
			}
			partStart = i + size
		case r == '\'' || r == '’':
			if i == 0 {
				return false
			}
		case !unicode.Is(unicode.Latin, r):
			return false
		case unicode.IsUpper(r):
			if i != partStart && prev != '\'' && prev != '’' && !capitalPrefix(w[partStart:i]) {
				return false
			}
			letters++
		case unicode.IsLower(r):
			if i == partStart {
				return false
			}
			letters++
			lower++
		default:
			return false
		}
		prev = r
		i += size
	}
	return letters >= 2 && lower > 0
}

// TestNameShapedASCIIFastPath checks that nameShaped, which reads ASCII
// without decoding, agrees with the decoding version on every word of up
// to four pieces drawn from ASCII letters, digits, punctuation, Latin and
// non-Latin letters and invalid UTF-8, and on a table of name shapes.
func TestNameShapedASCIIFastPath(t *testing.T) {
	pieces := []string{"A", "z", "M", "c", "-", "'", "’", "1", " ", ".", "_", "\x7f", "É", "é", "ª", "ß", "Ω", "ж", "\xff", "\xc3", "Mc", "De"}
	words := []string{"", "Jean-Luc", "McDonald", "O'Brien", "Nguyễn", "Yılmaz", "DeVito", "ABC", "Ab", "aB", "Ruiz-Ortega-", "-Ana", "Ana--Li", "D’Angelo", "Łukasz", "Ǆemal"}
	var gen func(prefix string, depth int)
	gen = func(prefix string, depth int) {
		words = append(words, prefix)
		if depth == 0 {
			return
		}
		for _, p := range pieces {
			gen(prefix+p, depth-1)
		}
	}
	gen("", 4)
	for _, w := range words {
		if got, want := nameShaped([]byte(w)), nameShapedDecoding([]byte(w)); got != want {
			t.Errorf("nameShaped(%q) = %v, want %v", w, got, want)
		}
	}
	if !nameShaped([]byte("McDonald")) || nameShaped([]byte("ABC")) {
		t.Error("nameShaped: McDonald must be name-shaped and ABC not")
	}
}
