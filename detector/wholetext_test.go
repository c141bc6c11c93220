package detector

import (
	"encoding/binary"
	"testing"
)

// TestStartsIn checks the eight-byte start test against the byte-by-byte
// one, for every byte in every lane and several ranges.
func TestStartsIn(t *testing.T) {
	for _, tc := range []struct {
		lo, hi byte
		high   bool
	}{
		{'A', 'Z', false},
		{'A', 'Z', true},
		{'0', '9', false},
		{1, 127, false},
		{0x7f, 0x7f, true},
	} {
		var g wholeGroup
		g.setRange(tc.lo, tc.hi)
		if tc.high {
			g.high = highs
		}
		for lane := range 8 {
			for c := range 256 {
				var b [8]byte
				for k := range b {
					b[k] = byte(c + 37*k) // other lanes vary too
				}
				b[lane] = byte(c)
				r := g.startsIn(binary.LittleEndian.Uint64(b[:]))
				for k, x := range b {
					want := x >= tc.lo && x <= tc.hi || tc.high && x >= 0x80
					if got := r>>(8*k+7)&1 == 1; got != want {
						t.Fatalf("%+v: byte %#x in lane %d: got %v, want %v", tc, x, k, got, want)
					}
				}
			}
		}
	}
}

// TestNameMayStart checks the Name pattern's precheck on starts that may
// and may not begin a name.
func TestNameMayStart(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"John Smith", true},
		{"Jean-Luc Picard", true},
		{"O'Brien van Dyke", true},
		{"Ludwig van der Rohe", true},
		{"Oscar de la Hoya", true},
		{"Anna K. Berg", true},
		{"Nguyễn Văn", true},
		{"D’Angelo Russo", true},
		{"John ÉMILE", true},
		{"Jan ŁUKASZ", true},
		{"Ann Ḍ", true},
		{"Björn Ärlig", true},
		{"John", false},
		{"John ", false},
		{"John  Smith", false},
		{"John\tSmith", false},
		{"John: Smith", false},
		{"John_Smith Doe", false},
		{"John2 Smith", false},
		{"John 2nd", false},
		{"John -Smith", false},
		{"JOHN Smith", false},
		{"J Smith", false},
		{"PacketResponder: terminating", false},
		{"Received disconnect from", false},
		{"Read out cached", false},
		{"Linkerror event interval", false},
		{"Ann de", false},
		{"Ann de ", false},
		{"Ann de la", false},
		{"Ann dela Cruz", false},
		{"Ann van der", false},
		{"Ann vanderbilt", false},
		{"Ann ωmega", false}, // Greek: no Latin capital
		// A long chain of particles is let through to the automaton.
		{"Ann de de de de de x", true},
		{"Ann de de de x", false},
		// Longer than wordRunMax: let through to the automaton.
		{"Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:", true},
		{"Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:", false},
	} {
		if got := nameMayStart([]byte(tc.text), 0); got != tc.want {
			t.Errorf("nameMayStart(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
