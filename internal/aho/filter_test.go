package aho

import (
	"errors"
	"io/fs"
	"math/rand/v2"
	"testing"

	"github.com/piiguard/piiguard/internal/testcorpus"
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
			filter func(*[1 << 16]uint8, *filters, []byte, uint64, uint64) (uint64, uint64)
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
func randomFilters(r *rand.Rand) (*[1 << 16]uint8, *filters) {
	near := new([1 << 16]uint8)
	for i := range near {
		near[i] = uint8(r.Uint32())
	}
	f := new(filters)
	for _, t := range []*[512]uint64{&f.three, &f.quads, &f.free} {
		for i := range t {
			t[i] = r.Uint64() & r.Uint64()
		}
	}
	return near, f
}

// checkFilterStarts fails when filterStarts and its Go form disagree.
func checkFilterStarts(t *testing.T, near *[1 << 16]uint8, f *filters, text []byte, anchored, free uint64) {
	t.Helper()
	a, b := filterStarts(near, f, text, anchored, free)
	ga, gb := filterStartsGo(near, f, text, anchored, free)
	if a != ga || b != gb {
		t.Fatalf("text %q, starts %x %x: filterStarts %x %x, filterStartsGo %x %x", text, anchored, free, a, b, ga, gb)
	}
	if a&^anchored != 0 || b&^free != 0 {
		t.Fatalf("text %q, starts %x %x: kept %x %x, not among them", text, anchored, free, a, b)
	}
}

// TestFilterStartsAgainstGo: the starts filterStarts (assembly on amd64)
// keeps are those its Go form keeps: random tables, text and starts, every
// length of text from 0 to 80 bytes (the starts near the end kept as they
// are), and a catalog-like Matcher's tables on loghub's blocks.
func TestFilterStartsAgainstGo(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 5))
	for range 10 {
		near, f := randomFilters(r)
		for n := range 81 {
			text := make([]byte, n)
			for range 20 {
				for i := range text {
					text[i] = byte(r.Uint32())
				}
				checkFilterStarts(t, near, f, text, r.Uint64(), r.Uint64())
				checkFilterStarts(t, near, f, text, ^uint64(0), ^uint64(0))
			}
		}
	}

	files, err := testcorpus.LoghubFiles("")
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("loghub corpus absent:", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	words := [][]byte{[]byte("ssn"), []byte("card"), []byte("user"), []byte("@"), []byte("strasse"),
		[]byte("pass"), []byte("id"), []byte("key"), []byte("-----begin "), []byte("error"), []byte("weg")}
	bounded := []bool{true, true, true, false, false, true, true, true, false, true, false}
	m := NewBounded(words, bounded)
	for _, f := range files {
		for p := 0; p < len(f.Data); p += 64 {
			a, fr, _, _ := m.near64(f.Data, p, min(p+64, len(f.Data)))
			checkFilterStarts(t, &m.near, &m.filters, f.Data[p:], a, fr)
		}
	}
}

// FuzzFilterStarts: on arbitrary text and starts and one of a few random
// tables, filterStarts keeps what its Go form does.
func FuzzFilterStarts(f *testing.F) {
	r := rand.New(rand.NewPCG(14, 6))
	type tables struct {
		near *[1 << 16]uint8
		f    *filters
	}
	var ts [4]tables
	for i := range ts {
		ts[i].near, ts[i].f = randomFilters(r)
	}
	f.Add([]byte("user=alice ssn: 123-45-6789 strasse 4 @ weg"), uint64(1<<5|1<<11), uint64(1<<29|1<<31), uint8(0))
	f.Add([]byte("\x00\xff\x80"), ^uint64(0), ^uint64(0), uint8(1))
	f.Fuzz(func(t *testing.T, text []byte, anchored, free uint64, table uint8) {
		tb := ts[table%4]
		checkFilterStarts(t, tb.near, tb.f, text, anchored, free)
	})
}
