package detector

import (
	"encoding/binary"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/testcorpus"
)

// TestStartsIn checks the eight-byte start test against the byte-by-byte
// one, for every byte in every lane and several ranges.
func TestStartsIn(t *testing.T) {
	for _, tc := range []struct {
		lo, hi byte
		high   bool
	}{
		{'A', 'Z', false},
		{'A', 'Z', true},
		{'0', '9', false},
		{1, 127, false},
		{0x7f, 0x7f, true},
	} {
		var g wholeGroup
		g.setRange(tc.lo, tc.hi)
		if tc.high {
			g.high = highs
		}
		for lane := range 8 {
			for c := range 256 {
				var b [8]byte
				for k := range b {
					b[k] = byte(c + 37*k) // other lanes vary too
				}
				b[lane] = byte(c)
				r := g.startsIn(binary.LittleEndian.Uint64(b[:]))
				for k, x := range b {
					want := x >= tc.lo && x <= tc.hi || tc.high && x >= 0x80
					if got := r>>(8*k+7)&1 == 1; got != want {
						t.Fatalf("%+v: byte %#x in lane %d: got %v, want %v", tc, x, k, got, want)
					}
				}
			}
		}
	}
}

// TestNameMayStart checks the Name pattern's precheck on starts that may
// and may not begin a name.
func TestNameMayStart(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"John Smith", true},
		{"Jean-Luc Picard", true},
		{"O'Brien van Dyke", true},
		{"Ludwig van der Rohe", true},
		{"Oscar de la Hoya", true},
		{"Anna K. Berg", true},
		{"Nguyễn Văn", true},
		{"D’Angelo Russo", true},
		{"John ÉMILE", true},
		{"Jan ŁUKASZ", true},
		{"Ann Ḍ", true},
		{"Björn Ärlig", true},
		{"John", false},
		{"John ", false},
		{"John  Smith", false},
		{"John\tSmith", false},
		{"John: Smith", false},
		{"John_Smith Doe", false},
		{"John2 Smith", false},
		{"John 2nd", false},
		{"John -Smith", false},
		{"JOHN Smith", false},
		{"J Smith", false},
		{"PacketResponder: terminating", false},
		{"Received disconnect from", false},
		{"Read out cached", false},
		{"Linkerror event interval", false},
		{"Ann de", false},
		{"Ann de ", false},
		{"Ann de la", false},
		{"Ann dela Cruz", false},
		{"Ann van der", false},
		{"Ann vanderbilt", false},
		{"Ann ωmega", false}, // Greek: no Latin capital
		// A long chain of particles is let through to the automaton.
		{"Ann de de de de de x", true},
		{"Ann de de de x", false},
		// Longer than wordRunMax: let through to the automaton.
		{"Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:", true},
		{"Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:", false},
	} {
		if got := nameMayStart([]byte(tc.text), 0); got != tc.want {
			t.Errorf("nameMayStart(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestScanAfterStarts: for the core identifiers, whose one whole-text
// pattern (PostalCode-CA) starts with a capital and a digit, the marks are
// the bytes after a start (afterStart), and the marked pass finds the same
// candidates as the pass over every byte (scanEvery), on loghub's lines
// and random texts with postal codes planted in them; the catalog, whose
// Name pattern continues with a letter, keeps the marks at the starts.
func TestScanAfterStarts(t *testing.T) {
	full, err := Compile(identifiers.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	if full.wholeGroups[0].afterStart {
		t.Error("the catalog's whole-text marks are after the starts")
	}
	d, err := Compile(testcorpus.CoreIdentifiers())
	if err != nil {
		t.Fatal(err)
	}
	if len(d.wholeGroups) == 0 || !d.wholeGroups[0].afterStart || !d.marked {
		t.Fatal("the core identifiers' whole-text marks are not after the starts")
	}
	var texts [][]byte
	if c, err := testcorpus.Loghub(""); err == nil {
		texts = append(texts, c.Lines...)
	} else {
		t.Logf("no loghub: %v", err)
	}
	rnd := rand.New(rand.NewPCG(14, 7))
	const alphabet = "K1A0B1M5V2H3X aK1-"
	planted := []string{"K1A 0B1", "M5V2H3", "H0H 0H0", "k1a 0b1"}
	for range 5000 {
		b := make([]byte, 0, 32)
		for n := 1 + rnd.IntN(24); len(b) < n; {
			if rnd.IntN(6) == 0 {
				b = append(b, planted[rnd.IntN(len(planted))]...)
				continue
			}
			b = append(b, alphabet[rnd.IntN(len(alphabet))])
		}
		texts = append(texts, b)
	}
	cands := func(text []byte, marked bool) []Finding {
		s := new(scratch)
		s.windows, s.unsorted = make([][]window, len(d.patterns)), make([]bool, len(d.patterns))
		s.gen = 1
		s.startMarks(len(text))
		d.collectWords(s, text)
		s.cands = s.cands[:0]
		for gi := range d.wholeGroups {
			g := &d.wholeGroups[gi]
			if marked {
				d.scanMarked(s, g, text)
			} else {
				d.scanEvery(s, g, text)
			}
		}
		return s.cands
	}
	found := 0
	for _, text := range texts {
		got, want := cands(text, true), cands(text, false)
		if !slices.Equal(got, want) {
			t.Fatalf("%q: marked %v, every byte %v", text, got, want)
		}
		found += len(got)
	}
	if found < 200 {
		t.Fatalf("only %d candidates", found)
	}
}
