package dfa

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/piiguard/piiguard/internal/pattern"
)

// TestMinCount checks the least count of a byte in a match on patterns whose
// answer is known, and that no match found in random texts holds fewer.
func TestMinCount(t *testing.T) {
	const ipv6 = `(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})?::(?:[0-9A-Fa-f]{1,4}:){0,6}[0-9A-Fa-f]{0,4}`
	for _, tc := range []struct {
		expr     string
		c        byte
		want     int
		alphabet string
	}{
		{`(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(?:\.(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}`, '.', 3, "0123456789.. x"},
		{ipv6, ':', 2, "0af:::::.g "},
		{`[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}`, ':', 5, "0aF:-x"},
		{`[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}`, ':', 0, "0aF:-x"}, // '-' may stand for each ':'
		{`[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}`, 'x', 0, "0aF:-x"},
		{`ab+c|b{3}d`, 'b', 1, "abcd"},
		{`ab+c|b{3}d`, 'd', 0, "abcd"},
		{`a.b.c|x`, '.', 0, "a.bcx"}, // '.' is any character here
		{`a\.b\.c|\.\.\.`, '.', 2, "a.bcx"},
	} {
		d, err := Compile(pattern.MustParse(tc.expr), Options{})
		if err != nil {
			if tc.expr == `a.b.c|x` {
				continue // '.' matches U+FFFD: not compiled
			}
			t.Fatal(err)
		}
		if got := d.MinCount(tc.c); got != tc.want {
			t.Errorf("%s: MinCount(%q) = %d, want %d", tc.expr, tc.c, got, tc.want)
		}
		r := rand.New(rand.NewPCG(3, 4))
		for range 5000 {
			b := make([]byte, r.IntN(40))
			for i := range b {
				b[i] = tc.alphabet[r.IntN(len(tc.alphabet))]
			}
			if s, e, ok := d.Find(b); ok && bytes.Count(b[s:e], []byte{tc.c}) < tc.want {
				t.Fatalf("%s: match %q holds fewer than %d %q", tc.expr, b[s:e], tc.want, tc.c)
			}
		}
	}
}
