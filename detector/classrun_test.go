package detector

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/testcorpus"
)

// TestMayHold: the test of every lane at once (mayHold) accepts a union run
// exactly when one of runSlots' lanes would look at its slots: a count at
// least the lane's least count, and its least count apart when no two
// triggers are in a row, and the run long enough. For the catalog's and
// the core identifiers' class runs, on random counts, doubled lanes and
// lengths up to maxMayHold, and on the catalog's IPv6 times and addresses.
func TestMayHold(t *testing.T) {
	for _, ids := range [][]*identifiers.Identifier{identifiers.Catalog(), testcorpus.CoreIdentifiers()} {
		d, err := Compile(ids)
		if err != nil {
			t.Fatal(err)
		}
		r := &d.runs
		lanes := func(n int, counts, doubled uint64) bool {
			for k := range maxLanes {
				got, apart := uint8(counts>>(8*k)), uint8(doubled>>(8*k)) == 0
				if len(r.byLane[k]) > 0 && got > 0 && got >= r.minCounts[k] && (!apart || got >= r.minAparts[k]) && n >= r.minLens[k] {
					return true
				}
			}
			return false
		}
		rnd := rand.New(rand.NewPCG(14, 3))
		for range 200000 {
			n := 1 + rnd.IntN(maxMayHold)
			var counts, doubled uint64
			for k := range maxLanes {
				c := uint64(rnd.IntN(min(n, 10) + 1))
				if rnd.IntN(8) == 0 {
					c = uint64(rnd.IntN(n + 1))
				}
				counts |= c << (8 * k)
				if c >= 2 && rnd.IntN(2) == 0 {
					doubled |= 1 << (8 * k)
				}
			}
			if got, want := r.mayHold(n, counts, doubled), lanes(n, counts, doubled); got != want {
				t.Fatalf("n %d counts %x doubled %x: mayHold %v, lanes %v", n, counts, doubled, got, want)
			}
		}
	}
	d, err := Compile(identifiers.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		run  string
		want bool
	}{
		{"18:01:47", false},   // two colons, none in a row: no IPv6 address
		{"::1", true},         // in a row
		{"fe80::1", true},     // in a row
		{"1:2:3:4:5:6", true}, // six apart: MAC and IPv6 may
		{"2015-10-18", false}, // two dashes
		{"10.0.0.1", true},    // three dots
		{"1.2", false},        // one dot
	} {
		lo, hi, counts, doubled := runCounts(&d.runs, []byte(tc.run))
		if got := d.runs.mayHold(hi-lo, counts, doubled); got != tc.want {
			t.Errorf("%q: mayHold %v, want %v", tc.run, got, tc.want)
		}
	}
}

// runCounts returns the lanes' counts and doubled of run, a union run, as
// unionRun reads them.
func runCounts(r *classRuns, run []byte) (lo, hi int, counts, doubled uint64) {
	var prev uint64
	for _, c := range run {
		u := r.trig[c]
		counts += u
		doubled |= u & prev
		prev = u
	}
	return 0, len(run), counts, doubled
}

// TestClassRunsInUnionRun: a class pattern's runs inside a longer union
// run (an address with a port, between hex words or dashes, two addresses
// in one run, a time before one) give the reference's findings, whether
// one run of the class or several hold enough trigger bytes (classRuns
// skips the second walk only for the one).
func TestClassRunsInUnionRun(t *testing.T) {
	d, err := Compile(identifiers.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"connect 10.1.2.3:8080 ok",
		"id ab-10.1.2.3-cd end",
		"pair 1.2.3.4-5.6.7.8 end",
		"at 12:34:56-10.0.0.1 from",
		"mac 00:1b:63:84:45:e6-10.0.0.1 x",
		"v6 fe80::1:10.0.0.1 and ::1-2001:db8::1",
		"not 1.2.3-4.5 here",
		"dead-beef.10.20.30.400-1.1.1.1",
	} {
		got := d.AppendFindings(nil, []byte(text))
		want := d.referenceFind([]byte(text))
		if !slices.Equal(got, want) {
			t.Errorf("%q: %v, reference %v", text, got, want)
		}
		if len(got) == 0 && !strings.HasPrefix(text, "not ") {
			t.Errorf("%q: no finding", text)
		}
	}
}

// TestClassMarksNecessary: with pairs (every class pattern's match holds
// two or more of its trigger byte, so the marks are the bytes after a
// trigger byte that continue its run), every match of every class
// pattern, from every start, lies in a union run that holds a mark, on
// loghub's lines and on random texts of the union's bytes with addresses
// planted in them; and a run whose only trigger bytes end it has none.
func TestClassMarksNecessary(t *testing.T) {
	texts := classRunTexts(t)
	for _, ids := range [][]*identifiers.Identifier{identifiers.Catalog(), testcorpus.CoreIdentifiers()} {
		d, err := Compile(ids)
		if err != nil {
			t.Fatal(err)
		}
		r := &d.runs
		if !r.pairs {
			t.Fatal("the class patterns' matches all hold two trigger bytes, but pairs is off")
		}
		matches := 0
		for _, text := range texts {
			for _, sl := range r.slots {
				for i := range text {
					e := sl.cp.dfa.EndAt(text, i)
					if e <= i {
						continue
					}
					matches++
					lo, hi := i, e
					for lo > 0 && r.union[text[lo-1]] {
						lo--
					}
					for hi < len(text) && r.union[text[hi]] {
						hi++
					}
					marked := false
					for j := max(lo, 1); j < hi && !marked; j++ {
						marked = d.isTrigger(text[j-1], text[j])
					}
					if !marked {
						t.Fatalf("%q: a match of %s at [%d, %d) in a run without a mark", text, sl.cp.ident.id.Name, i, e)
					}
				}
			}
		}
		if matches < 1000 {
			t.Fatalf("only %d matches checked", matches)
		}
		for _, run := range []string{"9-", "host.", "e:", "x 12. y", "ab-"} {
			for j := 1; j < len(run); j++ {
				if d.isTrigger(run[j-1], run[j]) {
					t.Errorf("%q: marked at %d", run, j)
				}
			}
		}
	}
}

// TestClassRunsMarkedAgainstUnionRun: the marked pass (classRunsMarked,
// which reads each union run itself) adds the same windows as the simple
// form, unionRun at every trigger byte of the text, for the catalog's and
// the core identifiers' class patterns, on loghub's lines, on random texts
// of the union's bytes with addresses planted in them, and on long runs
// that span several words of marks.
func TestClassRunsMarkedAgainstUnionRun(t *testing.T) {
	texts := classRunTexts(t)
	texts = append(texts,
		[]byte(strings.Repeat("1.2.3.4:", 40)+" "+strings.Repeat("a", 70)+"::1"),
		[]byte(strings.Repeat("9", 300)+".1.2.3 x"),
		[]byte(strings.Repeat(":", 130)+"1"),
	)
	windows := func(d *Detector, s *scratch) []window {
		var out []window
		for _, p := range s.touched {
			if d.patterns[p].trigger == byClass {
				out = append(out, s.windows[p]...)
			}
		}
		return out
	}
	for _, ids := range [][]*identifiers.Identifier{identifiers.Catalog(), testcorpus.CoreIdentifiers()} {
		d, err := Compile(ids)
		if err != nil {
			t.Fatal(err)
		}
		if !d.marked {
			t.Fatal("the detector has no marks")
		}
		fresh := func(text []byte) *scratch {
			s := new(scratch)
			s.windows, s.unsorted = make([][]window, len(d.patterns)), make([]bool, len(d.patterns))
			s.gen = 1
			return s
		}
		nonEmpty := 0
		for _, text := range texts {
			if len(text) == 0 {
				continue
			}
			s := fresh(text)
			s.startMarks(len(text))
			d.collectWords(s, text)
			d.collectClassRuns(s, text)
			got := windows(d, s)

			simple := fresh(text)
			for i := 0; i < len(text); i++ {
				if d.runs.trig[text[i]] != 0 {
					i = d.unionRun(simple, text, i) - 1
				}
			}
			for _, cp := range d.wholeTextClass {
				simple.addWindow(cp.index, 0, len(text))
			}
			want := windows(d, simple)
			if !slices.Equal(got, want) {
				t.Fatalf("%q: marked pass %v, unionRun at every trigger %v", text, got, want)
			}
			if len(got) > 0 {
				nonEmpty++
			}
		}
		if nonEmpty < 100 {
			t.Fatalf("only %d texts with class windows", nonEmpty)
		}
	}
}

// classRunTexts returns loghub's lines (when the corpus is there) and
// random texts of the class patterns' bytes with addresses planted in
// them.
func classRunTexts(t *testing.T) [][]byte {
	texts := [][]byte{
		[]byte("fe80::1 ::1 1::2 10.0.0.1 00:1b:63:84:45:e6 00-1B-63-84-45-E6 0123.4567.89ab"),
		[]byte("::"), []byte("1.2.3.4"), []byte("a:b::c:d"),
	}
	if c, err := testcorpus.Loghub(""); err == nil {
		texts = append(texts, c.Lines...)
	} else {
		t.Logf("no loghub: %v", err)
	}
	rnd := rand.New(rand.NewPCG(14, 5))
	const alphabet = "0123456789abcdefABCDEF.:-- x/"
	planted := []string{"10.1.2.3", "::1", "fe80::2", "00:1b:63:84:45:e6", "0a-1b-2c-3d-4e-5f", "abcd.ef01.2345", "2001:db8::8a2e:370:7334"}
	for range 3000 {
		b := make([]byte, 0, 48)
		for n := rnd.IntN(40); len(b) < n; {
			if rnd.IntN(12) == 0 {
				b = append(b, planted[rnd.IntN(len(planted))]...)
				continue
			}
			b = append(b, alphabet[rnd.IntN(len(alphabet))])
		}
		texts = append(texts, b)
	}
	return texts
}
