package detector

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/testcorpus"
)

// nameSlot returns the catalog detector's whole-text group and slot of the
// Name pattern.
func nameSlot(t *testing.T, d *Detector) (*wholeGroup, int) {
	t.Helper()
	for gi := range d.wholeGroups {
		g := &d.wholeGroups[gi]
		for k := range g.patterns {
			if g.name&(1<<k) != 0 {
				return g, k
			}
		}
	}
	t.Fatal("no whole-text pattern has the Name precheck; the catalog's Name pattern should")
	return nil, 0
}

// TestNameParticlesOfPattern checks that isNameParticle accepts every
// particle of the catalog's Name pattern: namePatternParticles is the
// pattern's alternation of particles, every word of its language is
// accepted, and (in the other direction, which only costs speed) every
// accepted word of up to four letters is one.
func TestNameParticlesOfPattern(t *testing.T) {
	if !strings.Contains(namePattern, `\.?|`+namePatternParticles+`) )*`) {
		t.Fatalf("the Name pattern no longer holds namePatternParticles as its particles:\n%s", namePattern)
	}
	re, err := syntax.Parse(namePatternParticles, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	words, ok := finiteLanguage(re)
	if !ok || len(words) < 20 {
		t.Fatalf("namePatternParticles: language %v (finite %v)", words, ok)
	}
	longest := 0
	for _, w := range words {
		if !isNameParticle([]byte(w)) {
			t.Errorf("isNameParticle(%q) = false; %q is a particle of the Name pattern", w, w)
		}
		longest = max(longest, len(w))
	}
	if longest != maxParticle {
		t.Errorf("the longest particle has %d letters, maxParticle is %d", longest, maxParticle)
	}
	var w []byte
	var each func(n int)
	each = func(n int) {
		if len(w) > 0 && isNameParticle(w) && !slices.Contains(words, string(w)) {
			t.Errorf("isNameParticle(%q) = true; it is no particle of the pattern", w)
		}
		if n == 0 {
			return
		}
		for c := byte('a'); c <= 'z'; c++ {
			w = append(w, c)
			each(n - 1)
			w = w[:len(w)-1]
		}
	}
	each(4)
}

// finiteLanguage lists the strings a regular expression of literals,
// character classes, concatenations, alternations and ? matches.
func finiteLanguage(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{string(re.Rune)}, true
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				out = append(out, string(r))
			}
		}
		return out, true
	case syntax.OpCapture:
		return finiteLanguage(re.Sub[0])
	case syntax.OpQuest:
		in, ok := finiteLanguage(re.Sub[0])
		return append([]string{""}, in...), ok
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			in, ok := finiteLanguage(sub)
			if !ok {
				return nil, false
			}
			out = append(out, in...)
		}
		return out, true
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range re.Sub {
			in, ok := finiteLanguage(sub)
			if !ok {
				return nil, false
			}
			var next []string
			for _, a := range out {
				for _, b := range in {
					next = append(next, a+b)
				}
			}
			out = next
		}
		return out, true
	}
	return nil, false
}

// nameTexts returns texts to check the prechecks on: loghub, the synthetic
// corpora, the Name evaluation's texts and people (bench/testdata),
// generated runs of name-like words, particles, initials and separators,
// and generated lines of IBANs, Canadian postal codes and near misses.
func nameTexts(t *testing.T) map[string][][]byte {
	t.Helper()
	out := map[string][][]byte{}
	if c, err := testcorpus.Loghub(""); err == nil {
		out["loghub"] = c.Lines
	} else if !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	for _, density := range []float64{0.01, 0.1, 0.5} {
		c := testcorpus.Synthetic(4000, density, 42)
		out[c.Name] = c.Lines
	}
	for _, f := range []string{"dev.jsonl", "heldout.jsonl", "people.tsv"} {
		data, err := os.ReadFile("../bench/testdata/names-eval/" + f)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		for sc.Scan() {
			line := sc.Bytes()
			var rec struct{ Text string }
			if strings.HasSuffix(f, ".jsonl") && json.Unmarshal(line, &rec) == nil {
				line = []byte(rec.Text)
			}
			out[f] = append(out[f], bytes.Clone(line))
		}
	}
	for _, s := range []string{
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
		out["fixed"] = append(out["fixed"], []byte(s))
	}
	out["generated"] = generatedNameTexts(20000, 1)
	// The other whole-text patterns' values (Iban, PostalCode-CA) and
	// strings close to them, for the third-byte check.
	r := rand.New(rand.NewPCG(2, 3))
	values := []string{
		"DE89 3704 0044 0532 0130 00", "DE89370400440532013000", "GB82WEST12345698765432", "GB82 WEST 1234 5698 7654 32",
		"FR1420041010050500013M02606", "NL91ABNA0417164300", "K1A 0B1", "M5V3L9", "H0H 0H0", "V6B-1A1", "DEX9", "GB8",
		"K1", "K1A", "M5V 3", "J12-U11", "HTTPS", "RAS KERNEL",
	}
	for range 4000 {
		var b []byte
		for k := r.IntN(6) + 1; k > 0; k-- {
			b = append(b, [...]string{"iban: ", "postal code ", "to ", "", " ", ", "}[r.IntN(6)]...)
			b = append(b, values[r.IntN(len(values))]...)
		}
		out["values"] = append(out["values"], b)
	}
	return out
}

// generatedNameTexts returns n texts made of name-like pieces: capitalised
// words (ASCII and beyond, with hyphens and apostrophes), particles and
// words that are almost particles, initials, capitals, small words and the
// bytes around words that the pattern does and does not allow.
func generatedNameTexts(n int, seed uint64) [][]byte {
	pieces := []string{
		"Ann", "Jean-Luc", "O'Brien", "D’Angelo", "McDonald", "Nguyễn", "Văn", "Émile", "ÉMILE", "Łukasz",
		"Ærø", "Ḍavid", "Björn", "Zoë", "Ann's", "JOHN", "Aa", "A", "K.", "K", "Éa",
		"van", "von", "vander", "de", "del", "der", "den", "des", "dei", "degli", "della", "da", "di", "do",
		"du", "dos", "das", "la", "le", "los", "las", "te", "ten", "ter", "y", "e", "bin", "ibn", "ben",
		"al", "el", "zu", "af", "av", "dela", "vanx", "d", "va", "deg", "tex", "bi", "z",
		"smith", "ßmith", "ωmega", "2nd", "x1", "_", "-", "'", "’", ".", ":", ",", "\t", "  ", "ß", "ÿ",
		"\xc3", "\xe1\xb8", "\x80",
	}
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := make([][]byte, n)
	for i := range out {
		var b []byte
		for k := r.IntN(10) + 1; k > 0; k-- {
			b = append(b, pieces[r.IntN(len(pieces))]...)
			if r.IntN(5) != 0 {
				b = append(b, ' ')
			}
		}
		out[i] = b
	}
	return out
}

// TestNameMayStartNecessary checks that the prechecks (nameMayStart, and
// nameMayStartBefore at marked offsets) reject no start where the Name
// pattern's automaton finds a match, on every start of every text of
// nameTexts and of every text "Ab w Cd" for each small word w of up to
// four letters.
func TestNameMayStartNecessary(t *testing.T) {
	d, err := Compile(identifiers.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	g, k := nameSlot(t, d)
	cp := g.patterns[k]
	var marks []uint64
	check := func(name string, text []byte) (matches int) {
		// The marks as scanMarked reads them: every offset i >= 1 where
		// mayStartWhole(text[i-1], text[i]).
		marks = append(marks[:0], make([]uint64, (len(text)+63)/64)...)
		for i := 1; i < len(text); i++ {
			if d.mayStartWhole(text[i-1], text[i]) {
				marks[i>>6] |= 1 << (i & 63)
			}
		}
		for i := range text {
			if g.starts[text[i]]&(1<<k) == 0 || cp.dfa.EndAt(text, i) < 0 {
				continue
			}
			matches++
			if !nameMayStart(text, i) {
				t.Errorf("%s: %q at %d: the Name pattern matches, nameMayStart rejects", name, text, i)
			}
			w := marks[i>>6] &^ (1<<(i&63) - 1)
			if w&(1<<(i&63)) != 0 && !nameMayStartBefore(text, i, nextMark(marks, i>>6, w)) {
				t.Errorf("%s: %q at %d: the Name pattern matches, nameMayStartBefore rejects", name, text, i)
			}
		}
		return matches
	}
	for name, texts := range nameTexts(t) {
		matches := 0
		for _, text := range texts {
			matches += check(name, text)
		}
		t.Logf("%s: %d texts, %d starts with a match", name, len(texts), matches)
		if matches == 0 && name != "loghub" {
			t.Errorf("%s: no start with a match: the texts no longer exercise the Name pattern", name)
		}
	}
	matches := 0
	w := []byte("Ab ")
	var each func(n int)
	each = func(n int) {
		if len(w) > 3 {
			matches += check("small words", append(w, " Cd"...))
		}
		if n == 0 {
			return
		}
		for c := byte('a'); c <= 'z'; c++ {
			w = append(w, c)
			each(n - 1)
			w = w[:len(w)-1]
		}
	}
	each(4)
	if matches < 30 {
		t.Errorf("small words: %d matches; every particle of up to four letters should match", matches)
	}
}

// TestWholeStartChecksFindingsUnchanged checks that the catalog detector
// with the whole-text pass's start checks (the Name prechecks, the third
// byte, no in-word check where no mark is inside a word) and with them
// cleared finds the same on every text of nameTexts.
func TestWholeStartChecksFindingsUnchanged(t *testing.T) {
	with, err := Compile(identifiers.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	without, err := Compile(identifiers.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	nameSlot(t, with)
	for gi := range without.wholeGroups {
		g := &without.wholeGroups[gi]
		g.name, g.outOfWord = 0, false
		for c := range g.thirds {
			g.thirds[c] = ^uint64(0)
		}
	}
	for name, texts := range nameTexts(t) {
		found := map[string]int{}
		var a, b []Finding
		for _, text := range texts {
			a = with.AppendFindings(a[:0], text)
			b = without.AppendFindings(b[:0], text)
			if fmt.Sprint(a) != fmt.Sprint(b) {
				t.Errorf("%s: %q: with the checks %v, without %v", name, text, a, b)
			}
			for _, f := range a {
				found[f.Identifier]++
			}
		}
		t.Logf("%s: %d Names, %d Ibans, %d PostalCode-CA", name, found["Name"], found["Iban"], found["PostalCode-CA"])
		switch {
		case name == "values" && (found["Iban"] == 0 || found["PostalCode-CA"] == 0):
			t.Errorf("%s: no Iban or no PostalCode-CA found: the texts no longer exercise them", name)
		case found["Name"] == 0 && name != "loghub" && name != "values" && !strings.HasPrefix(name, "synthetic"):
			t.Errorf("%s: no Name found: the texts no longer exercise the Name pattern", name)
		}
	}
}

// TestNameWordBytesIn checks the eight-byte word-byte test against
// nameBytes, for every byte in every lane, and nameWordEnd against a loop
// over the bytes on every offset of texts that mix word and other bytes.
func TestNameWordBytesIn(t *testing.T) {
	for lane := range 8 {
		for c := range 256 {
			var b [8]byte
			for k := range b {
				b[k] = byte(c + 53*k) // other lanes vary too
			}
			b[lane] = byte(c)
			r := nameWordBytesIn(binary.LittleEndian.Uint64(b[:]))
			for k, x := range b {
				want := nameBytes[x]&nameWordByte != 0
				if got := r>>(8*k+7)&1 == 1; got != want {
					t.Fatalf("byte %#x in lane %d: got %v, want %v", x, k, got, want)
				}
			}
		}
	}
	for _, text := range generatedNameTexts(2000, 3) {
		for i := range text {
			for _, lim := range []int{len(text), min(len(text), i+wordRunMax), min(len(text), i+3)} {
				want := i
				for want < lim && nameBytes[text[want]]&nameWordByte != 0 {
					want++
				}
				if got := nameWordEnd(text, i, lim); got != want {
					t.Fatalf("nameWordEnd(%q, %d, %d) = %d, want %d", text, i, lim, got, want)
				}
			}
		}
	}
}

// TestNameVetoedPairs checks nameVetoedPair's claim: at two words one of
// which the scorer vetoes (a day's abbreviation first, or a word that
// starts with two capitals), with nothing after them that continues a
// match, the Name pattern's matches end in the second word, the scorer
// finds no name in them, and the detector's findings are those without the
// start checks, for every day, second words that are months, given names
// and surnames, and contexts that introduce a name; and that other texts,
// where the scorer might find a name or a match is longer, are not taken
// for such a pair.
func TestNameVetoedPairs(t *testing.T) {
	d, err := Compile(identifiers.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	g, k := nameSlot(t, d)
	cp := g.patterns[k]
	if cp.validator == nil || cp.validator.Score == nil {
		t.Fatal("the Name pattern has no scorer")
	}
	ds := startCheckDetectors(t)
	var pairs [][2]string
	for _, day := range []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"} {
		for _, second := range []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
			"June", "August", "September", "Jones", "Smith", "Maria", "Garcia", "Nguyen", "Ab", "Zhangwei", "McDonald"} {
			pairs = append(pairs, [2]string{day, second})
		}
	}
	for _, w := range []string{"Mary", "John", "Smith", "Jones", "Allocator", "Information", "Maria", "McDonald", "Ab"} {
		for _, caps := range []string{"RMCommunicator", "IOPMPowerSource", "NSURLErrorDomain", "JOhn", "MAry", "SMith", "MCdonald", "DEla", "IIi", "IVan"} {
			pairs = append(pairs, [2]string{caps, w}, [2]string{w, caps})
		}
	}
	for _, pair := range pairs {
		for _, before := range []string{"", "[", "x ", "Dear ", "customer_name: ", "signed by ", "name=\""} {
			for _, after := range []string{" 04 04:47:44 2005", "  9 10:01", ": started", ", here", " and", " de 4", ""} {
				text := []byte(before + pair[0] + " " + pair[1] + after)
				i := len(before)
				if !nameVetoedPair(text, i) {
					t.Errorf("%q at %d: not taken for a vetoed pair", text, i)
					continue
				}
				second := i + len(pair[0]) + 1
				me := cp.dfa.EndAt(text, i)
				if me >= 0 && (me <= second+1 || me > second+len(pair[1])) {
					t.Errorf("%q at %d: the Name pattern's match ends at %d, not in the second word", text, i, me)
				}
				if me >= 0 {
					if s, e, _, ok := cp.validator.Score(text, i, me); ok {
						t.Errorf("%q: the scorer finds a name %q", text, text[s:e])
					}
				}
				if _, err := sameWithAndWithoutChecks(ds, text); err != nil {
					t.Error(err)
				}
			}
		}
	}
	for _, text := range []string{
		"Sam Dec 04", "sun Dec 04", "Sun dec 04", "Sun Dec Jones 04", "Sun Dec-Jones 04", "Sun Dec's",
		"Sun D 04", "Sun D. Jones", "Sunday Dec 04", "Sun Abcdefghijklmnopqrstuvwxyzabcdef 04", "Mon Ánna 04", "Mon Anna Ñ",
		"RMCommunicator A. Smith Jones", "RMCommunicator Jane Doe", "XY-Jane Doe", "Mary SendWorker:", "Mary Jones",
		"RMCommunicator de la Hoya", "RMCommunicator Jane van Doe", "Jane RMCommunicator Doe", "Jane MAry\u2019s",
	} {
		if nameVetoedPair([]byte(text), 0) {
			t.Errorf("%q: taken for a vetoed pair", text)
		}
		if _, err := sameWithAndWithoutChecks(ds, []byte(text)); err != nil {
			t.Error(err)
		}
	}
	// A name after the pair is still found.
	for _, text := range []string{"[Sun Dec 04 04:47:44 2005] approved by Mary Jones", "RMCommunicator Allocator: assigned to Mary Jones"} {
		if want, err := sameWithAndWithoutChecks(ds, []byte(text)); err != nil {
			t.Error(err)
		} else if !strings.Contains(want, "Name[") {
			t.Errorf("%q: no Name found: %s", text, want)
		}
	}
}
