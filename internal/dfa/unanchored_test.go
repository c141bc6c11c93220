package dfa

import (
	"math/rand/v2"
	"testing"

	"github.com/piiguard/piiguard/internal/pattern"
)

// TestUnanchored checks Contains against FindFrom on random texts over the
// patterns' own bytes and a few others, where matches are frequent.
func TestUnanchored(t *testing.T) {
	for _, tc := range []struct{ expr, alphabet string }{
		{`(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(?:\.(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}`, "0123456789.. x"},
		{`(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})?::(?:[0-9A-Fa-f]{1,4}:){0,6}[0-9A-Fa-f]{0,4}`, "0af:::::.g "},
		{`[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}`, "0aF:-x"},
		{`ab+c|b{3}d`, "abcd"},
		{`[A-Z][a-zé]+ [A-Z][a-z]+`, "Aab é\xc3"},
	} {
		d, err := Compile(pattern.MustParse(tc.expr), Options{})
		if err != nil {
			t.Fatal(err)
		}
		u := d.Unanchored(4096)
		if u == nil {
			t.Fatalf("%s: no unanchored automaton", tc.expr)
		}
		if d.Unanchored(1) != nil {
			t.Fatalf("%s: the state bound is not kept", tc.expr)
		}
		if u.pairs == nil {
			t.Fatalf("%s: no pair table", tc.expr)
		}
		single := *u
		single.pairs = nil
		r := rand.New(rand.NewPCG(1, 2))
		found := 0
		for range 20000 {
			b := make([]byte, r.IntN(40))
			for i := range b {
				b[i] = tc.alphabet[r.IntN(len(tc.alphabet))]
			}
			_, _, want := d.Find(b)
			if want {
				found++
			}
			if got := u.Contains(b); got != want {
				t.Fatalf("%s: Contains(%q) = %v, Find says %v", tc.expr, b, got, want)
			}
			if got := single.Contains(b); got != want {
				t.Fatalf("%s: Contains(%q) byte by byte = %v, Find says %v", tc.expr, b, got, want)
			}
		}
		if found == 0 || found == 20000 {
			t.Errorf("%s: %d of 20000 texts match: the test checks one answer only", tc.expr, found)
		}
	}
}

// TestUnanchoredRefused: a pattern whose unanchored automaton is
// exponential in its length (an "a" twelve bytes from the end) has none.
func TestUnanchoredRefused(t *testing.T) {
	d, err := Compile(pattern.MustParse(`a[ab]{12}`), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if u := d.Unanchored(1024); u != nil {
		t.Fatalf("built with %d states", u.States())
	}
	if u := d.Unanchored(1 << 14); u == nil || u.States() < 1<<12 {
		t.Fatalf("not built with room for it")
	}
}

// FuzzUnanchored checks Contains against Find on arbitrary texts, for
// patterns of the shapes class runs use (counted groups, alternatives,
// separators) and one with multi-byte letters.
func FuzzUnanchored(f *testing.F) {
	exprs := []string{
		`(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(?:\.(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}`,
		`(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})?::(?:[0-9A-Fa-f]{1,4}:){0,6}[0-9A-Fa-f]{0,4}`,
		`[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}`,
		`[A-ZÀ-Þ][a-zß-ÿ]+ [A-ZÀ-Þ][a-zß-ÿ]+`,
	}
	var us []*Unanchored
	var ds []*DFA
	for _, e := range exprs {
		d, err := Compile(pattern.MustParse(e), Options{})
		if err != nil {
			f.Fatal(err)
		}
		ds, us = append(ds, d), append(us, d.Unanchored(4096))
	}
	for _, s := range []string{"10.0.0.1", "fe80::1", "18:01:50", "00:1a:2b:3c:4d:5e", "José Ñúñez", "\xff\xc3"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for i, d := range ds {
			_, _, want := d.Find(b)
			if got := us[i].Contains(b); got != want {
				t.Fatalf("%s: Contains(%q) = %v, Find says %v", exprs[i], b, got, want)
			}
		}
	})
}
