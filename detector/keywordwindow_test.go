package detector

import (
	"math/rand/v2"
	"testing"
)

// TestRunesBeforeAfter: the window edges found with the ASCII shortcut are
// those of the character-by-character count, on texts of ASCII, UTF-8
// sequences and stray continuation bytes, at every offset and count.
func TestRunesBeforeAfter(t *testing.T) {
	slowBefore := func(text []byte, i, n int) int {
		for i > 0 && n > 0 {
			i--
			if text[i]&0xC0 != 0x80 {
				n--
			}
		}
		for i > 0 && text[i-1]&0xC0 == 0x80 {
			i--
		}
		return i
	}
	slowAfter := func(text []byte, i, n int) int {
		for i < len(text) && n > 0 {
			i++
			for i < len(text) && text[i]&0xC0 == 0x80 {
				i++
			}
			n--
		}
		return i
	}
	pieces := []string{"a", "b", " ", "=", "é", "€", "\U0001F600", "\x80", "\xC3", "0123456789"}
	r := rand.New(rand.NewPCG(21, 22))
	for range 400 {
		var text []byte
		ascii := r.IntN(2) == 0
		for len(text) < r.IntN(120) {
			p := pieces[r.IntN(len(pieces))]
			if ascii && p[0] >= 0x80 {
				continue
			}
			text = append(text, p...)
		}
		for i := 0; i <= len(text); i++ {
			for _, n := range []int{0, 1, 2, 7, 8, 9, 16, 30, 200} {
				if got, want := runesBefore(text, i, n), slowBefore(text, i, n); got != want {
					t.Fatalf("runesBefore(%q, %d, %d) = %d, want %d", text, i, n, got, want)
				}
				if got, want := runesAfter(text, i, n), slowAfter(text, i, n); got != want {
					t.Fatalf("runesAfter(%q, %d, %d) = %d, want %d", text, i, n, got, want)
				}
			}
		}
	}
}
