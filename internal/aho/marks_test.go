package aho_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/piiguard/piiguard/internal/aho"
)

// TestScanRangeMarks: the marks ScanRangeMarks reports, range by range
// (ranges of multiples of 64 bytes, as the detector's blocks), are exactly
// the offsets where the predicates hold for the byte before and the byte,
// and the words found are those Scan finds.
func TestScanRangeMarks(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	alphabet := []byte("abcsAB -_#.:1é\xc3\xa9\xff")
	marks := [2]func(b, c byte) bool{
		func(b, c byte) bool { return c >= 'A' && c <= 'Z' && !(b >= 'a' && b <= 'z') },
		func(_, c byte) bool { return c == '.' || c == ':' },
	}
	for round := range 300 {
		var words [][]byte
		var bounded []bool
		for range r.IntN(20) {
			w := make([]byte, 1+r.IntN(5))
			for i := range w {
				w[i] = alphabet[r.IntN(len(alphabet))]
			}
			words = append(words, lower(w))
			bounded = append(bounded, r.IntN(2) == 0)
		}
		m := aho.NewMarked(words, bounded, marks)
		text := make([]byte, r.IntN(400))
		for i := range text {
			text[i] = alphabet[r.IntN(len(alphabet))]
		}
		var want, got []occ
		m.Scan(text, func(w, s, e int) { want = append(want, occ{w, s, e}) })
		var gotMarks [2][]uint64
		for k := range gotMarks {
			gotMarks[k] = make([]uint64, (len(text)+63)/64)
		}
		st := 0
		for lo := 0; lo < len(text); {
			hi := min(len(text), lo+64*(1+r.IntN(3)))
			st = m.ScanRangeMarks(text, lo, hi, st, gotMarks, func(w, s, e int) { got = append(got, occ{w, s, e}) })
			lo = hi
		}
		if fmt.Sprint(sorted(got)) != fmt.Sprint(sorted(want)) {
			t.Fatalf("round %d: words %q text %q:\n with marks %v\n Scan       %v", round, words, text, got, want)
		}
		for k, mark := range marks {
			for p := range text {
				want := p > 0 && mark(text[p-1], text[p])
				if got := gotMarks[k][p/64]>>(p%64)&1 != 0; got != want {
					t.Fatalf("round %d: text %q: mark %d at %d = %v, want %v", round, text, k, p, got, want)
				}
			}
		}
	}
}

// TestMarksNil: a Matcher without marks, or a nil slice for a mark, leaves
// the marks alone.
func TestMarksNil(t *testing.T) {
	m := aho.NewBounded([][]byte{[]byte("key")}, []bool{true})
	text := []byte("A key: B.C")
	marks := [2][]uint64{make([]uint64, 1), nil}
	m.ScanRangeMarks(text, 0, len(text), 0, marks, func(int, int, int) {})
	if marks[0][0] != 0 {
		t.Errorf("marks %b, want none", marks[0][0])
	}
}
