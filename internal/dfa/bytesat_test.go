package dfa

import (
	"math/rand/v2"
	"testing"

	"github.com/piiguard/piiguard/internal/pattern"
)

// TestBytesAt checks the bytes at an offset of a match on patterns whose
// answer is known, that BytesAt(0) is Starts and BytesAt(1) holds Seconds,
// and that every match found in random texts has its bytes in the sets.
func TestBytesAt(t *testing.T) {
	for _, tc := range []struct {
		expr     string
		n        int
		want     string
		alphabet string
	}{
		{`[A-C][0-9][x-z]+`, 2, "xyz", "ABC0123xyzw "},
		{`[A-C][0-9][x-z]+`, 5, "xyz", "ABC0123xyzw "},
		{`(?:AB|CD)[0-9]{2}`, 2, "0123456789", "ABCD0189x"},
		{`ab|cde`, 2, "e", "abcdex"},
		{`ab|cde`, 3, "", "abcdex"},
		{`é[a-c]`, 1, "\xa9", "éabc"},
		{`é[a-c]`, 2, "abc", "éabc"},
	} {
		d, err := Compile(pattern.MustParse(tc.expr), Options{})
		if err != nil {
			t.Fatal(err)
		}
		set := d.BytesAt(tc.n)
		for c := range 256 {
			want := false
			for i := range len(tc.want) {
				want = want || tc.want[i] == byte(c)
			}
			if set[c] != want {
				t.Errorf("%s: BytesAt(%d)[%q] = %v, want %v", tc.expr, tc.n, byte(c), set[c], want)
			}
		}
		first, second := d.BytesAt(0), d.BytesAt(1)
		for c := range 256 {
			if first[c] != d.Starts(byte(c)) || d.Seconds(byte(c)) && !second[c] {
				t.Errorf("%s: byte %#x: BytesAt(0) %v, Starts %v; BytesAt(1) %v, Seconds %v", tc.expr, c, first[c], d.Starts(byte(c)), second[c], d.Seconds(byte(c)))
			}
		}
		sets := make([][256]bool, 8)
		for n := range sets {
			sets[n] = d.BytesAt(n)
		}
		r := rand.New(rand.NewPCG(5, 6))
		for range 5000 {
			b := make([]byte, r.IntN(20))
			for i := range b {
				b[i] = tc.alphabet[r.IntN(len(tc.alphabet))]
			}
			for s := range b {
				e := d.EndAt(b, s)
				for n := 0; n < len(sets) && s+n < e; n++ {
					if !sets[n][b[s+n]] {
						t.Fatalf("%s: match %q has %q at %d, not in BytesAt(%d)", tc.expr, b[s:e], b[s+n], n, n)
					}
				}
			}
		}
	}
}
