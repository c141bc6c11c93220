package aho

import "testing"

// TestWalksFilter: the filter clears the starts whose first four bytes
// begin no anchored word (in either case) and keeps those that may report one:
// the first four bytes of a longer word, a word of three bytes or of one
// or two, the last three bytes of the text.
func TestWalksFilter(t *testing.T) {
	words := [][]byte{[]byte("user"), []byte("id"), []byte("ssn")}
	m := NewBounded(words, []bool{true, true, true})
	for _, tc := range []struct {
		text string
		skip uint64
	}{
		{"user name", 0},
		{"USER name", 0},
		{"UsEr name", 0},
		{"use name", 1},
		{"usb name", 1},
		{"uzer name", 1},
		{"id: 7", 0},
		{"ID: 7", 0},
		{"ix: 7", 1},
		{"ssn: 1", 0},
		{"sso: 1", 1},
		{"usb", 0}, // too near the end to filter
	} {
		if got := m.walks.filter([]byte(tc.text), 0, 1) ^ 1; got != tc.skip {
			t.Errorf("skip(%q) = %d, want %d", tc.text, got, tc.skip)
		}
	}
	// A word of one byte: whatever follows.
	m = NewBounded([][]byte{[]byte("x")}, []bool{true})
	for _, text := range []string{"x-ray", "X!!!", "x\xff\x00\x01"} {
		if m.walks.filter([]byte(text), 0, 1) != 1 {
			t.Errorf("skip(%q) for the word %q: want 0", text, "x")
		}
	}
}
