package detector

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/identifiers"
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

// TestKeywordZoneNotKeptAcrossCalls: the keyword zone remembered for a call
// is not used by the next one, even for a keyword at the same offsets in the
// same buffer: one line's zone (30 ASCII characters) is shorter in bytes
// than the next one's (4-byte characters), whose phone number lies past
// the first zone's window.
func TestKeywordZoneNotKeptAcrossCalls(t *testing.T) {
	d, err := Compile(identifiers.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := Compile(identifiers.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	ascii := "phone " + strings.Repeat("x ", 12) + "call us later please"
	wide := "phone " + strings.Repeat("\U0001D400", 20) + " (212) 736-5000 ok"
	buf := make([]byte, max(len(ascii), len(wide)))
	want := fresh.AppendFindings(nil, []byte(wide))
	if !slices.ContainsFunc(want, func(f Finding) bool { return f.Identifier == "PhoneNumber-US" }) {
		t.Fatalf("no phone number in %q: %v", wide, want)
	}
	for range 20 {
		n := copy(buf, ascii)
		d.AppendFindings(nil, buf[:n])
		n = copy(buf, wide)
		if got := d.AppendFindings(nil, buf[:n]); !slices.Equal(got, want) {
			t.Fatalf("after another line in the same buffer: %v, want %v", got, want)
		}
	}
}
