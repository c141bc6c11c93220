package dfa

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/piiguard/piiguard/internal/pattern"
)

// TestMinCount checks the least count of a byte in a match, and in a match
// where no two are adjacent (MinCountApart), on patterns whose answer is
// known, and that no match found in random texts holds fewer.
func TestMinCount(t *testing.T) {
	const ipv6 = `(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})?::(?:[0-9A-Fa-f]{1,4}:){0,6}[0-9A-Fa-f]{0,4}`
	for _, tc := range []struct {
		expr     string
		c        byte
		want     int
		apart    int // MinCountApart
		alphabet string
	}{
		{`(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(?:\.(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}`, '.', 3, 3, "0123456789.. x"},
		{ipv6, ':', 2, 7, "0af:::::.g "},
		{ipv6 + `|(?:[0-9A-Fa-f]{1,4}:){6}\d+\.\d+\.\d+\.\d+`, ':', 2, 6, "0af:::::...g "},
		{`[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}`, ':', 5, 5, "0aF:-x"},
		{`[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}`, ':', 0, 0, "0aF:-x"}, // '-' may stand for each ':'
		{`[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}`, 'x', 0, 0, "0aF:-x"},
		{`ab+c|b{3}d`, 'b', 1, 1, "abcd"},
		{`ab+c|b{3}d`, 'd', 0, 0, "abcd"},
		{`abbc|b{3}d`, 'b', 2, MaxCountApart, "abcd"}, // every match holds "bb"
		{`abbc|bab`, 'b', 2, 2, "abcd"},
		{`a.b.c|x`, '.', 0, 0, "a.bcx"}, // '.' is any character here
		{`a\.b\.c|\.\.\.`, '.', 2, 2, "a.bcx"},
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
		if got := d.MinCountApart(tc.c); got != tc.apart {
			t.Errorf("%s: MinCountApart(%q) = %d, want %d", tc.expr, tc.c, got, tc.apart)
		}
		r := rand.New(rand.NewPCG(3, 4))
		for range 5000 {
			b := make([]byte, r.IntN(40))
			for i := range b {
				b[i] = tc.alphabet[r.IntN(len(tc.alphabet))]
			}
			s, e, ok := d.Find(b)
			if !ok {
				continue
			}
			n := bytes.Count(b[s:e], []byte{tc.c})
			if n < tc.want {
				t.Fatalf("%s: match %q holds fewer than %d %q", tc.expr, b[s:e], tc.want, tc.c)
			}
			if n < tc.apart && !bytes.Contains(b[s:e], []byte{tc.c, tc.c}) {
				t.Fatalf("%s: match %q holds fewer than %d %q, none next to another", tc.expr, b[s:e], tc.apart, tc.c)
			}
		}
	}
}
