package detector

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/precompiled"
	"github.com/piiguard/piiguard/internal/regex"
	"github.com/piiguard/piiguard/internal/testcorpus"
)

// managedIdentifiers returns the catalog's identifiers that are not
// extensions: NewScanner's default set.
func managedIdentifiers() []*identifiers.Identifier {
	var out []*identifiers.Identifier
	for _, id := range identifiers.Catalog() {
		if !id.Extension {
			out = append(out, id)
		}
	}
	return out
}

// wordsTestLines returns synthetic lines, every fourth loghub line (when
// the corpus is there) and random lines made of keyword and value
// fragments.
func wordsTestLines(t *testing.T) [][]byte {
	t.Helper()
	lines := testcorpus.Synthetic(2000, 0.1, 77).Lines
	if lh, err := testcorpus.Loghub(""); err == nil {
		lines = append(lines, sampleLines(lh.Lines, 4)...)
	} else if !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(14, 14))
	pieces := []string{"ssn", "SSN:", "passport", "Führerschein", "ШОФЬОРСКА книжка", "card", "iban", "DE89 3704 0044 0532 0130 00",
		"536-22-1234", "4929 3812 6548 1006", "jane@example.com", "@", "Street", " Avenue", "10.1.2.3", "x", "userSsn", "é", "\xff", " ", "=", ":", "-"}
	for range 2000 {
		var b []byte
		for range 1 + r.IntN(12) {
			b = append(b, pieces[r.IntN(len(pieces))]...)
			if r.IntN(2) == 0 {
				b = append(b, ' ')
			}
		}
		lines = append(lines, b)
	}
	return lines
}

// TestStoredWordsSameAsBuilt: for the two sets the precompiled catalog
// stores (the catalog, the managed identifiers), the detector decodes its
// words and automaton, and they are those it builds without them, word for
// word and table for table; both find the same on real, synthetic and
// random lines.
func TestStoredWordsSameAsBuilt(t *testing.T) {
	cat := precompiledCatalog()
	if cat == nil {
		t.Fatal("the embedded form does not open")
	}
	if cat.Setups() != 2 {
		t.Fatalf("the embedded form stores %d setups, want 2", cat.Setups())
	}
	lines := wordsTestLines(t)
	for _, set := range []struct {
		name string
		ids  []*identifiers.Identifier
	}{
		{"catalog", identifiers.Catalog()},
		{"managed", managedIdentifiers()},
	} {
		t.Run(set.name, func(t *testing.T) {
			stored, err := compile(set.ids, Options{}, regex.Default, cat)
			if err != nil {
				t.Fatal(err)
			}
			if cat.KeywordSetup(stored.keywordKey(stored.entries(cat))) == nil {
				t.Fatal("no stored setup for this set")
			}
			built, err := compile(set.ids, Options{}, regex.Default, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(built.keywordKey(built.entries(cat)), stored.keywordKey(stored.entries(cat))) {
				t.Fatal("the key differs with the patterns' automata compiled from source")
			}
			if len(stored.words) != len(built.words) || stored.maxWordLen != built.maxWordLen || stored.marked != built.marked {
				t.Fatalf("%d words (longest %d), want %d (%d)", len(stored.words), stored.maxWordLen, len(built.words), built.maxWordLen)
			}
			for i := range stored.words {
				if !reflect.DeepEqual(stored.words[i], built.words[i]) {
					t.Fatalf("word %d: %+v, want %+v", i, stored.words[i], built.words[i])
				}
			}
			if !reflect.DeepEqual(stored.ac, built.ac) {
				t.Fatal("the decoded automaton differs from the built one")
			}
			n := 0
			for i, line := range lines {
				got, want := stored.Find(line), built.Find(line)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("line %d %q:\n stored %v\n built  %v", i, line, got, want)
				}
				n += len(got)
			}
			if n < 500 {
				t.Errorf("only %d findings on %d lines", n, len(lines))
			}
		})
	}
}

// TestStoredWordsOtherSets: a subset of the catalog, the catalog with a
// custom identifier, and the catalog with one keyword changed have keys
// of their own and build their words; each finds what it finds compiled
// without any precompiled form, and the changed keyword counts.
func TestStoredWordsOtherSets(t *testing.T) {
	cat := precompiledCatalog()
	all := identifiers.Catalog()
	custom, err := identifiers.NewCustom("EmployeeId", `EMP-[0-9]{6}`)
	if err != nil {
		t.Fatal(err)
	}
	custom.Keywords = []string{"staff number"}
	renamed := slices.Clone(all)
	var ssnAt int
	for i, id := range renamed {
		if id.Name == "Ssn-US" {
			c := *id
			c.Keywords = append(slices.Clone(id.Keywords), "tax ident xyz")
			renamed[i], ssnAt = &c, i
		}
	}
	sets := []struct {
		name string
		ids  []*identifiers.Identifier
	}{
		{"first ten", all[:10]},
		{"every other", func() (out []*identifiers.Identifier) {
			for i := 0; i < len(all); i += 2 {
				out = append(out, all[i])
			}
			return out
		}()},
		{"catalog and a custom identifier", append(slices.Clone(all), custom)},
		{"one keyword more", renamed},
		{"reordered", append(slices.Clone(all[1:]), all[0])},
	}
	lines := append(wordsTestLines(t)[:3000],
		[]byte("staff number EMP-123456"), []byte("tax ident xyz 536-22-1234"), []byte("tax ident xyz: 536221234"))
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			d, err := compile(set.ids, Options{}, regex.Default, cat)
			if err != nil {
				t.Fatal(err)
			}
			if cat.KeywordSetup(d.keywordKey(d.entries(cat))) != nil {
				t.Fatal("a stored setup has this set's key")
			}
			ref, err := compile(set.ids, Options{}, regex.Default, nil)
			if err != nil {
				t.Fatal(err)
			}
			for i, line := range lines {
				if got, want := d.Find(line), ref.Find(line); !reflect.DeepEqual(got, want) {
					t.Fatalf("line %d %q:\n %v\n want %v", i, line, got, want)
				}
			}
		})
	}
	d, err := compile(renamed, Options{}, regex.Default, cat)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range d.Find([]byte("tax ident xyz: 536221234")) {
		found = found || f.Identifier == renamed[ssnAt].Name
	}
	if !found {
		t.Error("the added keyword does not trigger Ssn-US")
	}
}

// TestStoredWordsDamaged: a stored setup that is damaged under a valid
// checksum (its version, a count, an index, its automaton, cut short) is
// refused when decoded, and the detector builds its words instead: it
// finds what a detector compiled from source finds. A damaged form under
// its checksum is refused as a whole (TestPrecompiledDamaged).
func TestStoredWordsDamaged(t *testing.T) {
	ids := managedIdentifiers()
	ref, err := compile(ids, Options{}, regex.Default, nil)
	if err != nil {
		t.Fatal(err)
	}
	key := ref.keywordKey(ref.entries(precompiledCatalog()))
	setup := precompiledCatalog().KeywordSetup(key)
	at := bytes.Index(precompiledForm, setup)
	if setup == nil || at < 0 {
		t.Fatal("the managed identifiers' setup is not in the embedded form")
	}
	// The offsets of the first word's fields, and of the automaton.
	_, k := binary.Uvarint(setup[1:])
	firstText := 1 + k
	tl, k := binary.Uvarint(setup[firstText:])
	firstKeywords := firstText + k + int(tl)
	acAt := len(ref.appendWords(nil)) - len(mustAppend(t, ref))
	lines := wordsTestLines(t)[:2000]
	for _, tc := range []struct {
		name   string
		change func(f []byte) []byte // f is the whole form
	}{
		{"version", func(f []byte) []byte { f[at]++; return f }},
		{"word count", func(f []byte) []byte { f[at+1] = 0xff; return f }},
		{"text length", func(f []byte) []byte { f[at+firstText] = 0; return f }},
		{"keyword count", func(f []byte) []byte { f[at+firstKeywords] = 0x7f; return f }},
		{"automaton version", func(f []byte) []byte { f[at+acAt]++; return f }},
		{"automaton word count", func(f []byte) []byte { f[at+acAt+1] ^= 0x01; return f }},
		{"cut short", func(f []byte) []byte {
			// The setup's length (a uvarint after its key and checksum
			// in the catalog's index of setups) says 10 bytes less.
			n := binary.AppendUvarint(nil, uint64(len(setup)))
			m := binary.AppendUvarint(nil, uint64(len(setup)-10))
			i := bytes.Index(f, key[:])
			if len(n) != len(m) || i < 0 || i > at {
				t.Fatal("setup's length not found, or changes size")
			}
			copy(f[i+len(key)+4:], m)
			return append(f[:at+len(setup)-10], f[at+len(setup):]...)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := tc.change(bytes.Clone(precompiledForm))
			reseal(f)
			c, err := precompiled.Open(f)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			form := c.KeywordSetup(key)
			if form == nil {
				t.Fatal("the setup is not found")
			}
			probe := &Detector{idents: ref.idents, patterns: ref.patterns}
			if err := probe.decodeWords(form); err == nil {
				t.Fatal("the damaged setup decodes")
			}
			d, err := compile(ids, Options{}, regex.Default, c)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(d.ac, ref.ac) {
				t.Fatal("the automaton is not the one built from source")
			}
			for i, line := range lines {
				if got, want := fmt.Sprint(d.Find(line)), fmt.Sprint(ref.Find(line)); got != want {
					t.Fatalf("line %d: %s, want %s", i, got, want)
				}
			}
		})
	}
}

// TestStoredWordsChecksum: a stored setup with a byte changed (its own
// checksum not renewed) is not returned by the catalog, and the detector
// builds its words.
func TestStoredWordsChecksum(t *testing.T) {
	ids := managedIdentifiers()
	ref, err := compile(ids, Options{}, regex.Default, nil)
	if err != nil {
		t.Fatal(err)
	}
	key := ref.keywordKey(ref.entries(precompiledCatalog()))
	setup := precompiledCatalog().KeywordSetup(key)
	at := bytes.Index(precompiledForm, setup)
	if setup == nil || at < 0 {
		t.Fatal("the managed identifiers' setup is not in the embedded form")
	}
	f := bytes.Clone(precompiledForm)
	f[at+len(setup)/2] ^= 0x10
	c, err := precompiled.Open(f)
	if err != nil {
		t.Fatalf("Open: %v (the header's checksum does not cover the setups)", err)
	}
	if c.KeywordSetup(key) != nil {
		t.Fatal("a setup whose checksum fails is returned")
	}
	d, err := compile(ids, Options{}, regex.Default, c)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(d.ac, ref.ac) || !reflect.DeepEqual(d.words, ref.words) {
		t.Fatal("the words are not those built from source")
	}
}

// mustAppend returns the automaton's form.
func mustAppend(t *testing.T, d *Detector) []byte {
	t.Helper()
	b, err := d.ac.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
