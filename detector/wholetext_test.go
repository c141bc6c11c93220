package detector

import (
	"encoding/binary"
	"fmt"
	"testing"

	"github.com/piiguard/piiguard/identifiers"
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

// TestWordThenSpace checks the Name pattern's precheck on word runs that
// do and do not end in a space and a possible next word.
func TestWordThenSpace(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"John Smith", true},
		{"Jean-Luc Picard", true},
		{"O'Brien van Dyke", true},
		{"Nguyễn Văn", true},
		{"D’Angelo Russo", true},
		{"Anna K. Berg", true},
		{"John ÉMILE", true},
		{"John", false},
		{"John ", false},
		{"John  Smith", false},
		{"John\tSmith", false},
		{"John: Smith", false},
		{"John_Smith Doe", false},
		{"John2 Smith", false},
		{"John 2nd", false},
		{"John -Smith", false},
		{"PacketResponder: terminating", false},
		// Longer than wordRunMax: let through to the automaton.
		{"Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:", true},
		{"Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:", false},
	} {
		if got := wordThenSpace([]byte(tc.text), 0); got != tc.want {
			t.Errorf("wordThenSpace(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestWordThenSpaceFindingsUnchanged checks that the precheck is set for
// the catalog's Name pattern and changes no finding: the catalog detector
// with it and with it cleared find the same on names and name-like runs.
func TestWordThenSpaceFindingsUnchanged(t *testing.T) {
	with, err := Compile(identifiers.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	without, err := Compile(identifiers.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	var set uint64
	for gi := range with.wholeGroups {
		set |= with.wholeGroups[gi].wordSpace
		without.wholeGroups[gi].wordSpace = 0
	}
	if set == 0 {
		t.Fatal("no whole-text pattern has the word-then-space precheck; the Name pattern should")
	}
	found := 0
	for _, text := range []string{
		"customer_name=John Smith, phone 555-0100",
		"Dear Jean-Luc Picard, your order shipped",
		"Signed-off-by: Ludwig van Beethoven <lvb@example.com>",
		"approved by Oscar de la Hoya Jr. yesterday",
		"author: Nguyễn Văn An; reviewer: D’Angelo Russo",
		"my name is Anna K. Berg and I live in Oslo",
		"INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block terminating",
		"Created MRAppMaster for application appattempt_1445144423722_0020",
		"John\tSmith John_Smith Doe John2 Smith Mary-Ann O'Neil",
		"Mary Jones",
		"Mary",
		"by Mary Jones",
	} {
		fs := with.AppendFindings(nil, []byte(text))
		found += len(fs)
		a := fmt.Sprint(fs)
		b := fmt.Sprint(without.AppendFindings(nil, []byte(text)))
		if a != b {
			t.Errorf("%q: with the precheck %s, without %s", text, a, b)
		}
	}
	if found == 0 {
		t.Error("no findings at all: the texts no longer exercise the Name pattern")
	}
}
