package names

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
)

// TestSortedLinesFind checks the in-place search against a plain search of
// the lines, on the shipped lists (which it also checks are sorted, with
// comments only at the top) and on small lists with edge cases (a
// duplicate word, comments and blank lines, no data after the word, no
// final newline, an empty list).
func TestSortedLinesFind(t *testing.T) {
	read := func(name string) string {
		data, err := os.ReadFile("../../data/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if len(data) == 0 {
			t.Fatalf("%s: empty", name)
		}
		return string(data)
	}
	stats, common := read("name_stats.txt"), read("common_words.txt")
	// More lines than 65,535 samples at sampleStride cover: a longer stride.
	var long strings.Builder
	for i := range 600_000 {
		fmt.Fprintf(&long, "w%07d %d\n", i, i%10)
	}
	// Words that share their first eight bytes (equal keys), and words of
	// seven, eight and nine bytes around them: the binary search reads
	// the lines where keys are equal.
	var shared strings.Builder
	shared.WriteString("abcdefg 1\nabcdefgh 2\n")
	for i := range 5000 {
		fmt.Fprintf(&shared, "abcdefgh%05d %d\n", i, i%10)
	}
	shared.WriteString("abcdefgi 3\nabcdefgia 4\nabcdefh 5\n")
	for _, tc := range []struct {
		name, text string
		probes     []string
	}{
		{"small", "# comment\nann 54\nanna 65w\nbob\nbob 11\nzoe 70\n", []string{"ann", "anna", "bob", "zoe", "an", "annas", "", "# comment", "zo"}},
		{"empty", "", []string{"ann", ""}},
		{"leading blank and comment lines", "\n# a\n\n# b\nann 54\nzoe\n", []string{"ann", "zoe", "", "a", "zoey", "\n", "# a"}},
		{"no final newline", "ann 54\nbob 11", []string{"ann", "bob", "bo", "bobb", "\xff"}},
		{"one line", "ann", []string{"ann", "an", "anna", "b"}},
		{"non-ASCII", "ann\nzoe\n\xc3\xa9lodie 50\n\xc3\xa9mile 50\n", []string{"élodie", "émile", "é", "émilie", "zoe"}},
		{"name_stats", stats, []string{"smith", "maria", "zz", "nguyen", "ruiz-ortega", "é"}},
		{"common_words", common, []string{"aardvark", "zzz", "table", "a"}},
		{"long", long.String(), []string{"w0000000", "w0599999", "w0312345", "w", "w1", "x"}},
		{"shared eight bytes", shared.String(), []string{"abcdefg", "abcdefgh", "abcdefgh0", "abcdefgh00000", "abcdefgh04999",
			"abcdefgh05000", "abcdefgh02500x", "abcdefgi", "abcdefgia", "abcdefgib", "abcdefh", "abcdef", "abcdefghz"}},
	} {
		l := newSortedLines(tc.text)
		want := map[string]string{}
		prev := ""
		for _, line := range strings.Split(strings.TrimSuffix(tc.text, "\n"), "\n") {
			if line == "" || line[0] == '#' {
				if len(want) > 0 {
					t.Fatalf("%s: a blank or comment line after the first word: the lines are searched in place and must be sorted", tc.name)
				}
				continue
			}
			w, rest, _ := strings.Cut(line, " ")
			if w < prev {
				t.Fatalf("%s: %q after %q: not sorted", tc.name, w, prev)
			}
			prev = w
			if _, dup := want[w]; !dup {
				want[w] = rest
			}
		}
		probes := tc.probes
		for w := range want {
			if len(probes) > len(tc.probes)+2000 {
				break
			}
			probes = append(probes, w, w+"x")
		}
		for _, p := range probes {
			rest, ok := l.find([]byte(p))
			wrest, wok := want[p]
			if ok != wok || rest != wrest {
				t.Errorf("%s: find(%q) = %q, %v; want %q, %v", tc.name, p, rest, ok, wrest, wok)
			}
		}
		// Every line is in the index of its first byte, in order, and a
		// search indexed only the bytes it was asked for.
		asked := map[byte]bool{}
		for _, p := range probes {
			if p != "" {
				asked[p[0]] = true
			}
		}
		sampled := 0
		for b := range 256 {
			x := l.index[b]
			if x == nil {
				if asked[byte(b)] {
					t.Errorf("%s: byte %#x was searched and has no index", tc.name, b)
				}
				continue
			}
			if !asked[byte(b)] {
				t.Errorf("%s: byte %#x was indexed, never searched", tc.name, b)
			}
			if len(x.samples) >= 1<<16 {
				t.Errorf("%s: byte %#x: %d samples; the index holds 65,535 at most", tc.name, b, len(x.samples))
			}
			for k, i := range x.samples {
				if tc.text[i] != byte(b) || i > 0 && tc.text[i-1] != '\n' {
					t.Fatalf("%s: byte %#x: sample %d at %d is not a line of that byte", tc.name, b, k, i)
				}
			}
			sampled += len(x.samples)
		}
		if len(want) > 0 && sampled == 0 {
			t.Errorf("%s: nothing indexed", tc.name)
		}
	}
}

// TestFolderFold checks Load's folder against FoldString: the source text
// itself when it is folded already, a copy in the arena when not, and no
// key changed by the words folded after it.
func TestFolderFold(t *testing.T) {
	words := []string{"ann", "Ann", "ÉLODIE", "straße", "o’neil", "van", "ZOE", "", "a-b", "Ørsted", "plain words"}
	fo := newFolder(0) // a buffer too small: it must grow without changing earlier keys
	var got []string
	for _, w := range words {
		got = append(got, fo.fold(w))
	}
	for i, w := range words {
		if want := FoldString(w); got[i] != want {
			t.Errorf("fold(%q) = %q, want %q", w, got[i], want)
		}
	}
}

// TestLoadAllocations: loading the lists allocates per list, not per
// word or line (26,659 allocations when every word was folded into a
// string of its own and every line indexed; about 400 now).
func TestLoadAllocations(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	read := func(name string) string {
		data, err := os.ReadFile("../../data/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	src := Sources{
		GivenNames: read("given_names.txt"), Surnames: read("surnames.txt"), Stopwords: read("name_stopwords.txt"),
		Places: read("places.txt"), AddressWords: read("address_words.txt"),
		NameStats: read("name_stats.txt"), CommonWords: read("common_words.txt"),
	}
	if n := testing.AllocsPerRun(2, func() { Load(src) }); n > 1000 {
		t.Errorf("Load: %.0f allocations, want at most 1,000", n)
	}
}

// TestEndingSet checks the indexed ending lists against a plain scan of
// each list, on every word of common_words.txt and on words exactly one
// and two bytes longer than each ending (the least with an ending).
func TestEndingSet(t *testing.T) {
	data, err := os.ReadFile("../../data/common_words.txt")
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"", "a", "ing", "xing", "xxing", "sen", "hansen", "ova", "novakova"}
	for _, line := range strings.Split(string(data), "\n") {
		if w, _, _ := strings.Cut(line, " "); w != "" && w[0] != '#' {
			words = append(words, w)
		}
	}
	for _, list := range [][]string{commonEndings, surnameEndings} {
		for _, suf := range list {
			words = append(words, "x"+suf, "xy"+suf)
		}
	}
	for name, tc := range map[string]struct {
		set  *endingSet
		list []string
	}{"common": {commonEndingSet, commonEndings}, "surname": {surnameEndingSet, surnameEndings}} {
		found := 0
		for _, w := range words {
			want := false
			for _, suf := range tc.list {
				if len(w) > len(suf)+1 && strings.HasSuffix(w, suf) {
					want = true
				}
			}
			if got := tc.set.endsWith([]byte(w)); got != want {
				t.Errorf("%s: endsWith(%q) = %v, want %v", name, w, got, want)
			}
			if want {
				found++
			}
		}
		if found < len(tc.list) {
			t.Errorf("%s: %d words with an ending; every ending should have one", name, found)
		}
	}
}

// TestSortedLinesConcurrent: goroutines that search a new list at once
// index each byte once and find the same lines (run with -race).
func TestSortedLinesConcurrent(t *testing.T) {
	data, err := os.ReadFile("../../data/name_stats.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	want := newSortedLines(text)
	words := []string{"smith", "maria", "nguyen", "john", "zz", "é", "anna", "bob", "li", "x"}
	l := newSortedLines(text)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range words {
				w := words[(k+g)%len(words)]
				got, gok := l.find([]byte(w))
				exp, eok := want.find([]byte(w))
				if got != exp || gok != eok {
					t.Errorf("find(%q) = %q, %v concurrently; want %q, %v", w, got, gok, exp, eok)
				}
			}
		}()
	}
	wg.Wait()
}
