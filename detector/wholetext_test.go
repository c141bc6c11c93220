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
