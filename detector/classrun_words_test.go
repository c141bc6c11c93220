package detector

import (
	"math/rand/v2"
	"testing"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/testcorpus"
)

// lanesDoubled reduces doubled to one bit per lane: whether its byte is
// not 0.
func lanesDoubled(doubled uint64) uint8 {
	var out uint8
	for k := range maxLanes {
		if uint8(doubled>>(8*k)) != 0 {
			out |= 1 << k
		}
	}
	return out
}

// checkRunWords fails when runWords and runBytes disagree on the run
// around any byte of the union in text.
func checkRunWords(t *testing.T, r *classRuns, text []byte) {
	t.Helper()
	if len(text) < 8 {
		return
	}
	for j, c := range text {
		if !r.union[c] {
			continue
		}
		lo, hi, counts, doubled := r.runBytes(text, j)
		wlo, whi, wcounts, wdoubled := r.runWords(text, j)
		if hi-lo > maxLaneRun {
			counts, wcounts = 0, 0 // may overflow in either
		}
		if lo != wlo || hi != whi || counts != wcounts || lanesDoubled(doubled) != lanesDoubled(wdoubled) {
			t.Fatalf("text %q, j %d: runWords [%d,%d) %x %x, runBytes [%d,%d) %x %x",
				text, j, wlo, whi, wcounts, wdoubled, lo, hi, counts, doubled)
		}
	}
}

// TestRunWordsAgainstBytes: the union run found eight bytes at a time
// (runWords) is the byte loop's (runBytes), with the same counts and
// doubled lanes: on loghub's lines, on random texts of the union's bytes
// and others (runs at either end, across words, two triggers in a row
// across a word's edge, long runs), for the catalog's class runs.
func TestRunWordsAgainstBytes(t *testing.T) {
	d, err := Compile(identifiers.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	r := &d.runs
	if r.bits == nil {
		t.Fatal("the catalog's class runs have no bitclass.Classifier")
	}
	if lh, err := testcorpus.Loghub(""); err == nil {
		for _, l := range lh.Lines[:min(len(lh.Lines), 3000)] {
			checkRunWords(t, r, l)
		}
	}
	const alphabet = "0123456789abcdefABCDEF..::--  xg/\x80"
	rnd := rand.New(rand.NewPCG(14, 8))
	for range 3000 {
		text := make([]byte, 8+rnd.IntN(40))
		for i := range text {
			text[i] = alphabet[rnd.IntN(len(alphabet))]
		}
		checkRunWords(t, r, text)
	}
	long := make([]byte, 600)
	for i := range long {
		long[i] = "12:34.ab-"[i%9]
	}
	checkRunWords(t, r, long)
}
