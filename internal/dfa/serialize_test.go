package dfa_test

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/dfa"
	"github.com/piiguard/piiguard/internal/pattern"
)

// catalogDFAs compiles every catalog pattern the package supports (the
// large ones excepted when short).
func catalogDFAs(t *testing.T) []*dfa.DFA {
	t.Helper()
	var out []*dfa.DFA
	seen := map[string]bool{}
	for _, id := range identifiers.Catalog() {
		for _, p := range id.Patterns {
			if seen[p.Expr] || testing.Short() && len(p.Expr) > 2000 {
				continue
			}
			seen[p.Expr] = true
			d, err := dfa.Compile(pattern.MustParse(p.Expr), dfa.Options{})
			if err != nil {
				continue
			}
			out = append(out, d)
		}
	}
	if len(out) < 50 {
		t.Fatalf("only %d catalog patterns compiled", len(out))
	}
	return out
}

// TestDecodeRoundTrip: Decode(AppendBinary(d)) is d, for every catalog
// pattern (so every width of transition), and finds the same matches.
func TestDecodeRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	widths := map[int]bool{}
	for _, d := range catalogDFAs(t) {
		b, err := d.AppendBinary(nil)
		if err != nil {
			t.Fatal(err)
		}
		widths[transitionWidth(d.States())] = true
		got, err := dfa.Decode(d.String(), b)
		if err != nil {
			t.Fatalf("%s: Decode: %v", d, err)
		}
		if !reflect.DeepEqual(got, d) {
			t.Fatalf("%s: decoded automaton differs", d)
		}
		text := randomText(r, 200)
		for i := 0; i < len(text); i += 7 {
			s1, e1, ok1 := d.FindFrom(text, i)
			s2, e2, ok2 := got.FindFrom(text, i)
			if s1 != s2 || e1 != e2 || ok1 != ok2 {
				t.Fatalf("%s: FindFrom(%q, %d) = %d %d %v after decoding, %d %d %v before", d, text, i, s2, e2, ok2, s1, e1, ok1)
			}
		}
	}
	if !widths[1] || !widths[2] {
		t.Errorf("transition widths covered: %v, want 1 and 2", widths)
	}
}

func transitionWidth(states int) int {
	switch {
	case states <= 1<<8:
		return 1
	case states <= 1<<16:
		return 2
	}
	return 4
}

// TestDecodeCorrupt: a truncated form, another version and out-of-range
// fields are refused with ErrCorrupt; random damage never panics and what
// Decode accepts is a usable automaton.
func TestDecodeCorrupt(t *testing.T) {
	d, err := dfa.Compile(pattern.MustParse(`[0-9]{3}-[0-9]{2}-[0-9]{4}`), dfa.Options{})
	if err != nil {
		t.Fatal(err)
	}
	good, _ := d.AppendBinary(nil)
	for n := range len(good) {
		if _, err := dfa.Decode(d.String(), good[:n]); !errors.Is(err, dfa.ErrCorrupt) {
			t.Fatalf("truncated to %d of %d bytes: err = %v, want ErrCorrupt", n, len(good), err)
		}
	}
	if _, err := dfa.Decode(d.String(), append(good[:len(good):len(good)], 0)); !errors.Is(err, dfa.ErrCorrupt) {
		t.Errorf("one byte too many: err = %v, want ErrCorrupt", err)
	}
	for _, tc := range []struct {
		name string
		at   int
		val  byte
	}{
		{"version", 0, dfa.FormatVersion + 1},
		{"byte class beyond the stride", 1 + '5', 200},
		{"transition out of range", len(good) - 1, 250},
	} {
		b := append([]byte(nil), good...)
		b[tc.at] = tc.val
		if _, err := dfa.Decode(d.String(), b); !errors.Is(err, dfa.ErrCorrupt) {
			t.Errorf("%s: err = %v, want ErrCorrupt", tc.name, err)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	text := []byte("ssn 536-22-1234 and 123-45-67890 0-0-0")
	for range 5000 {
		b := append([]byte(nil), good...)
		for range 1 + r.IntN(3) {
			b[r.IntN(len(b))] = byte(r.IntN(256))
		}
		got, err := dfa.Decode(d.String(), b)
		if err != nil {
			continue
		}
		for i := range text {
			got.FindFrom(text, i) // must not panic
		}
	}
}
