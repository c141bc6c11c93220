package aho_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/cloudflare/ahocorasick"

	"github.com/piiguard/piiguard/internal/aho"
	"github.com/piiguard/piiguard/internal/cputime"
)

type occ struct{ word, start, end int }

func lower(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			c += 32
		}
		out[i] = c
	}
	return out
}

// naive finds every occurrence of every word in the lower-cased text.
func naive(words [][]byte, text []byte) []occ {
	l := lower(text)
	var out []occ
	for wi, w := range words {
		if len(w) == 0 {
			continue
		}
		for i := 0; i+len(w) <= len(l); i++ {
			if bytes.Equal(l[i:i+len(w)], w) {
				out = append(out, occ{wi, i, i + len(w)})
			}
		}
	}
	return out
}

func sorted(o []occ) []occ {
	slices.SortFunc(o, func(a, b occ) int {
		if a.start != b.start {
			return a.start - b.start
		}
		if a.end != b.end {
			return a.end - b.end
		}
		return a.word - b.word
	})
	return o
}

// randomText returns n bytes drawn from alphabet.
func randomText(r *rand.Rand, alphabet []byte, n int) []byte {
	text := make([]byte, n)
	for i := range text {
		text[i] = alphabet[r.IntN(len(alphabet))]
	}
	return text
}

// randomWords returns n words of 1 to maxLen bytes drawn from alphabet,
// lower-cased; when distinct, a word drawn again is dropped (so there may
// be fewer).
func randomWords(r *rand.Rand, alphabet []byte, n, maxLen int, distinct bool) [][]byte {
	var words [][]byte
	seen := map[string]bool{}
	for range n {
		w := lower(randomText(r, alphabet, 1+r.IntN(maxLen)))
		if distinct && seen[string(w)] {
			continue
		}
		seen[string(w)] = true
		words = append(words, w)
	}
	return words
}

// TestAgainstNaiveAndCloudflare: every occurrence, as a naive search finds
// them; the set of words found, as cloudflare's automaton reports it.
func TestAgainstNaiveAndCloudflare(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("abcAB -_#@+1é\xff")
	for round := range 300 {
		words := randomWords(r, alphabet, 1+r.IntN(30), 5, true)
		m := aho.New(words)
		cf := ahocorasick.NewMatcher(words)
		for range 20 {
			text := randomText(r, alphabet, r.IntN(60))
			var got []occ
			m.Scan(text, func(w, s, e int) { got = append(got, occ{w, s, e}) })
			want := naive(words, text)
			if fmt.Sprint(sorted(got)) != fmt.Sprint(sorted(want)) {
				t.Fatalf("round %d: words %q text %q:\n got %v\nwant %v", round, words, text, got, want)
			}
			var gotWords []int
			for _, o := range got {
				gotWords = append(gotWords, o.word)
			}
			slices.Sort(gotWords)
			gotWords = slices.Compact(gotWords)
			cfWords := cf.MatchThreadSafe(lower(text))
			slices.Sort(cfWords)
			if fmt.Sprint(gotWords) != fmt.Sprint(cfWords) {
				t.Fatalf("words %q text %q: found %v, cloudflare %v", words, text, gotWords, cfWords)
			}
		}
	}
}

func TestNoAllocations(t *testing.T) {
	m := aho.New([][]byte{[]byte("ssn"), []byte("card"), []byte("@")})
	text := []byte("SSN 536-22-1234 card x@y")
	n := 0
	if a := testing.AllocsPerRun(100, func() { m.Scan(text, func(w, s, e int) { n++ }) }); a != 0 {
		t.Errorf("%v allocations", a)
	}
}

// startsWord is the rule for bounded words.
func startsWord(text []byte, i int) bool {
	if i == 0 {
		return true
	}
	p, c := text[i-1], text[i]
	isWord := func(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' }
	return !isWord(p) || p >= 'a' && p <= 'z' && c >= 'A' && c <= 'Z'
}

// checkScan scans text and fails the test unless Scan reports only
// occurrences (as a naive search finds them), each once, and reports every
// occurrence of a free word and every occurrence of a bounded word that
// starts a word. It returns what Scan reported.
func checkScan(t *testing.T, m *aho.Matcher, words [][]byte, bounded []bool, text []byte) map[occ]bool {
	t.Helper()
	all := map[occ]bool{}
	for _, o := range naive(words, text) {
		all[o] = true
	}
	got := map[occ]bool{}
	m.Scan(text, func(w, s, e int) {
		o := occ{w, s, e}
		if got[o] {
			t.Fatalf("words %q text %q: %v reported twice", words, text, o)
		}
		if !all[o] {
			t.Fatalf("words %q text %q: %v is no occurrence", words, text, o)
		}
		got[o] = true
	})
	for o := range all {
		if (!bounded[o.word] || startsWord(text, o.start)) && !got[o] {
			t.Fatalf("words %q bounded %v text %q: missed %v (%q)", words, bounded, text, o, words[o.word])
		}
	}
	return got
}

// TestBounded: bounded words are reported at least wherever they start a
// word, and only where they occur; free words everywhere.
func TestBounded(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []byte("abcsnABCSN1 -_#.é\xff")
	for range 500 {
		words := randomWords(r, alphabet, 1+r.IntN(40), 6, true)
		var bounded []bool
		for range words {
			bounded = append(bounded, r.IntN(4) != 0)
		}
		m := aho.NewBounded(words, bounded)
		for range 30 {
			checkScan(t, m, words, bounded, randomText(r, alphabet, r.IntN(80)))
		}
	}
}

// TestScanRangeResumes: scanning a text range by range, resuming from the
// returned state, reports what one Scan does.
func TestScanRangeResumes(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	alphabet := []byte("abcsAB -_#.1é\xc3\xa9\xff")
	for round := range 300 {
		words := randomWords(r, alphabet, 1+r.IntN(30), 5, false)
		var bounded []bool
		for range words {
			bounded = append(bounded, r.IntN(2) == 0)
		}
		m := aho.NewBounded(words, bounded)
		text := randomText(r, alphabet, r.IntN(200))
		var want, got []occ
		m.Scan(text, func(w, s, e int) { want = append(want, occ{w, s, e}) })
		st := 0
		for lo := 0; lo < len(text); {
			hi := min(len(text), lo+1+r.IntN(20))
			st = m.ScanRange(text, lo, hi, st, func(w, s, e int) { got = append(got, occ{w, s, e}) })
			lo = hi
		}
		if fmt.Sprint(sorted(got)) != fmt.Sprint(sorted(want)) {
			t.Fatalf("round %d: words %q text %q:\n by ranges %v\n at once   %v", round, words, text, got, want)
		}
	}
}

// TestLongBoundedWords: bounded words longer than the trie holds are
// found where they start a word, as shorter ones are.
func TestLongBoundedWords(t *testing.T) {
	for _, n := range []int{1, 2, 3, 127, 128, 129, 200} {
		word := bytes.Repeat([]byte("ab "), n)[:n]
		if word[n-1] == ' ' {
			word[n-1] = 'c'
		}
		other := []byte("zz")
		m := aho.NewBounded([][]byte{word, other}, []bool{true, true})
		text := append(append([]byte("-"), bytes.ToUpper(word)...), " zz yx"...)
		var got []occ
		m.Scan(text, func(w, s, e int) { got = append(got, occ{w, s, e}) })
		want := []occ{{0, 1, 1 + n}, {1, n + 2, n + 4}}
		if fmt.Sprint(sorted(got)) != fmt.Sprint(want) {
			t.Errorf("word of %d bytes: got %v, want %v", n, got, want)
		}
	}
}

// FuzzScan: on arbitrary words and text, Scan reports what a naive search
// finds (bounded words where they start a word at least), and a scan range
// by range reports what one Scan does.
func FuzzScan(f *testing.F) {
	f.Add([]byte("ssn\ncard\n@\n-----begin \nstrasse"), []byte("SSN: 1 card@x Hauptstrasse -----BEGIN x"), uint8(7))
	f.Add([]byte("a\nab\nabc\nb"), []byte("abcabAbcAB a b"), uint8(3))
	f.Fuzz(func(t *testing.T, blob, text []byte, split uint8) {
		var words [][]byte
		var bounded []bool
		for i, w := range bytes.Split(blob, []byte("\n")) {
			words = append(words, lower(w))
			bounded = append(bounded, i%3 != 2)
		}
		m := aho.NewBounded(words, bounded)
		got := checkScan(t, m, words, bounded, text)
		step := 1 + int(split)
		ranged := map[occ]bool{}
		resume := 0
		for lo := 0; lo < len(text); lo += step {
			resume = m.ScanRange(text, lo, min(lo+step, len(text)), resume, func(w, s, e int) {
				o := occ{w, s, e}
				if ranged[o] {
					t.Fatalf("%v reported twice by ranges of %d", o, step)
				}
				ranged[o] = true
			})
		}
		if fmt.Sprint(ranged) != fmt.Sprint(got) {
			t.Fatalf("by ranges of %d %v, at once %v", step, ranged, got)
		}
	})
}

// TestLinear: on texts built to make walks long (every word start begins
// the longest anchored word; the free automaton held at a deep state), a
// scan at 4n costs about four times one at n.
func TestLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing: not under -short")
	}
	long := bytes.Repeat([]byte("x "), 64)[:127]
	free := append(bytes.Repeat([]byte("a"), 200), 'b')
	m := aho.NewBounded([][]byte{long, []byte("x y"), free, []byte("aa")}, []bool{true, true, false, false})
	for _, unit := range []string{"x ", "X-", "a", "aA x "} {
		build := func(n int) []byte { return bytes.Repeat([]byte(unit), n/len(unit)) }
		small, large := build(64<<10), build(256<<10)
		scan := func(text []byte) func() {
			return func() { m.Scan(text, func(_, _, _ int) {}) }
		}
		best := 0.0
		for range 3 {
			r := float64(cputime.PerRun(scan(large))) / float64(cputime.PerRun(scan(small)))
			if best == 0 || r < best {
				best = r
			}
			if best <= 6 {
				break
			}
		}
		if best > 6 {
			t.Errorf("%q: time(4n)/time(n) = %.1f, want about 4", unit, best)
		}
	}
}
