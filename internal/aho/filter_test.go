package aho

import (
	"math/rand/v2"
	"testing"
)

// TestFilterStarts: the filter clears the starts whose first four bytes
// begin no word (in either case) and keeps those that may begin one: the
// first four bytes of a longer word, a word of three bytes or of one or
// two, the last three bytes of the text; for anchored and free words.
func TestFilterStarts(t *testing.T) {
	words := [][]byte{[]byte("user"), []byte("id"), []byte("ssn"),
		[]byte("strasse"), []byte("weg"), []byte("+1"), []byte("@")}
	m := NewBounded(words, []bool{true, true, true, false, false, false, false})
	for _, tc := range []struct {
		text       string
		skip, free uint64 // the anchored, free start dropped at 0
	}{
		{"user name", 0, 1},
		{"USER name", 0, 1},
		{"UsEr name", 0, 1},
		{"use name", 1, 1},
		{"usb name", 1, 1},
		{"uzer name", 1, 1},
		{"id: 7", 0, 1},
		{"ID: 7", 0, 1},
		{"ix: 7", 1, 1},
		{"ssn: 1", 0, 1},
		{"sso: 1", 1, 1},
		{"strasse", 1, 0},
		{"Strasse", 1, 0},
		{"string", 1, 1},
		{"weg 1", 1, 0},
		{"WEG 1", 1, 0},
		{"wet 1", 1, 1},
		{"+1 555", 1, 0},
		{"+2 555", 1, 1},
		{"@bc.de", 1, 0},
		{"usb", 0, 0}, // too near the end to filter
	} {
		for _, form := range []struct {
			name   string
			filter func(*pairTable, *filters, []byte, uint64, uint64) (uint64, uint64)
		}{{"filterStarts", filterStarts}, {"filterStartsGo", filterStartsGo}} {
			a, f := form.filter(&m.near, &m.filters, []byte(tc.text), 1, 1)
			if a^1 != tc.skip || f^1 != tc.free {
				t.Errorf("%s(%q): skips %d %d, want %d %d", form.name, tc.text, a^1, f^1, tc.skip, tc.free)
			}
		}
	}
	// A word of one byte: whatever follows.
	m = NewBounded([][]byte{[]byte("x")}, []bool{true})
	for _, text := range []string{"x-ray", "X!!!", "x\xff\x00\x01"} {
		if a, _ := filterStarts(&m.near, &m.filters, []byte(text), 1, 0); a != 1 {
			t.Errorf("skip(%q) for the word %q: want 0", text, "x")
		}
	}
}

// randomFilters returns a table of byte pairs and filters with every bit
// random, each table a quarter full.
func randomFilters(r *rand.Rand) (*pairTable, *filters) {
	near := new(pairTable)
	for i := range 1 << 16 {
		near[i] = uint8(r.Uint32())
	}
	f := new(filters)
	for _, t := range [][]uint64{f.anchored[:], f.free[:]} {
		for i := range t {
			t[i] = r.Uint64() & r.Uint64()
		}
	}
	return near, f
}
