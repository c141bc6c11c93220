package detector

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"testing"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/precompiled"
	"github.com/piiguard/piiguard/internal/regex"
	"github.com/piiguard/piiguard/internal/testcorpus"
)

// TestPrecompiledUpToDate builds the precompiled form from the catalog and
// compares it with the embedded one: it fails whenever a catalog pattern,
// or the automaton package dfa builds for one, changed since the form was
// generated.
func TestPrecompiledUpToDate(t *testing.T) {
	want, err := precompiled.Build(identifiers.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(precompiledForm, want) {
		t.Fatalf("detector/precompiled.bin is stale (%d bytes, want %d): run go generate ./detector/ (or make generate)", len(precompiledForm), len(want))
	}
	if precompiledCatalog() == nil {
		t.Fatal("the embedded form does not open")
	}
}

// TestPrecompiledCoversCatalog: every pattern of the catalog is in the
// embedded form, and a detector of the whole catalog takes each
// automaton from it.
func TestPrecompiledCoversCatalog(t *testing.T) {
	cat := precompiledCatalog()
	if cat == nil {
		t.Fatal("the embedded form does not open")
	}
	kinds := map[precompiled.Kind]int{}
	for _, id := range identifiers.Catalog() {
		for pi, p := range id.Patterns {
			e := cat.Lookup(p.Expr)
			if e == nil {
				t.Fatalf("%s pattern %d is not in the precompiled form", id.Name, pi)
			}
			kinds[e.Kind]++
		}
	}
	if kinds[precompiled.KindDFA] < 100 || kinds[precompiled.KindLazy] == 0 || kinds[precompiled.KindRegexp] == 0 {
		t.Errorf("kinds of entries: %v", kinds)
	}
	d, err := Compile(identifiers.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	for _, cp := range d.patterns {
		e := cat.Lookup(cp.re.String())
		switch {
		case e.Kind == precompiled.KindDFA && cp.automaton() == nil:
			t.Errorf("%s: no DFA", cp.ident.id.Name)
		case e.Kind == precompiled.KindLazy && (cp.lazy == nil || cp.lazy.entry != e):
			t.Errorf("%s: not the shared lazy automaton", cp.ident.id.Name)
		}
		if a := cp.automaton(); a != nil {
			got, _ := e.DFA()
			if got != a {
				t.Errorf("%s: not the shared DFA", cp.ident.id.Name)
			}
		}
	}
}

// TestPrecompiledSameFindings: a detector whose automata come from the
// precompiled form finds exactly what one compiled from source finds, on
// real and synthetic logs (the lazy automata grow as the texts need).
func TestPrecompiledSameFindings(t *testing.T) {
	ids := identifiers.Catalog()
	fromForm, err := compile(ids, Options{}, regex.Default, precompiledCatalog())
	if err != nil {
		t.Fatal(err)
	}
	fromSource, err := compile(ids, Options{}, regex.Default, nil)
	if err != nil {
		t.Fatal(err)
	}
	lines := testcorpus.Synthetic(3000, 0.1, 99).Lines
	if lh, err := testcorpus.Loghub(""); err == nil {
		lines = append(lines, sampleLines(lh.Lines, 4)...)
	} else if !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	n := 0
	for i, line := range lines {
		got, want := fromForm.Find(line), fromSource.Find(line)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("line %d %q:\n precompiled %v\n source      %v", i, line, got, want)
		}
		n += len(got)
	}
	if n < 1000 {
		t.Errorf("only %d findings on %d lines", n, len(lines))
	}
}

func sampleLines(lines [][]byte, step int) [][]byte {
	var out [][]byte
	for i := 0; i < len(lines); i += step {
		out = append(out, lines[i])
	}
	return out
}

// reseal recomputes the checksums of a form after a test changed it.
func reseal(form []byte) {
	if err := precompiled.Reseal(form); err != nil {
		panic(err)
	}
}

// TestPrecompiledDamaged: a damaged form is refused as a whole (checksum,
// version, header, index) or, when only one automaton is damaged (which
// its own checksum shows, or under valid checksums, dfa.Decode), that
// pattern is compiled from its source; the detector finds the same either
// way.
func TestPrecompiledDamaged(t *testing.T) {
	ids := identifiers.Catalog()
	text := []byte("ssn 536-22-1234 card 4929 3812 6548 1006 mail jane.doe@example.com ip 10.1.2.3 at 1600 Pennsylvania Avenue NW, Washington, DC 20500")
	ref, err := compile(ids, Options{}, regex.Default, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprint(ref.Find(text))
	if len(ref.Find(text)) < 4 {
		t.Fatalf("too few findings to compare: %s", want)
	}
	damage := func(at int, resealed bool) []byte {
		f := bytes.Clone(precompiledForm)
		f[at] ^= 0x5a
		if resealed {
			reseal(f)
		}
		return f
	}
	// The offset of the first transition byte of the SSN pattern's entry.
	cat := precompiledCatalog()
	var ssnExpr string
	for _, id := range ids {
		if id.Name == "Ssn-US" {
			ssnExpr = id.Patterns[0].Expr
		}
	}
	e := cat.Lookup(ssnExpr)
	if e == nil || e.Kind != precompiled.KindDFA {
		t.Fatalf("Ssn-US pattern %q is not a precompiled DFA", ssnExpr)
	}
	// The entry: kind, source length, source, description length,
	// description, automaton checksum, automaton length, automaton (whose
	// first byte is its version).
	key := binary.AppendUvarint([]byte{byte(precompiled.KindDFA)}, uint64(len(ssnExpr)))
	key = append(key, ssnExpr...)
	i := bytes.Index(precompiledForm, key)
	if i < 0 {
		t.Fatal("Ssn-US entry not found")
	}
	sourceAt := i + len(key) - 1
	at := i + len(key)
	n, k := binary.Uvarint(precompiledForm[at:])
	at += k + int(n) + 4
	n, k = binary.Uvarint(precompiledForm[at:])
	autoAt := at + k
	autoEnd := autoAt + int(n)
	for _, tc := range []struct {
		name     string
		form     []byte
		opens    bool
		fromForm bool // the SSN automaton still comes from the form
	}{
		{"intact", bytes.Clone(precompiledForm), true, true},
		{"magic", damage(0, false), false, false},
		{"version", damage(16, false), false, false},
		{"checksum", damage(21, false), false, false},
		{"a pattern's source", damage(sourceAt, false), false, false},
		{"last byte of an automaton", damage(autoEnd-1, false), true, false},
		// The stored words are checked apart (TestStoredWordsDamaged).
		{"a stored setup's last byte", damage(len(precompiledForm)-1, false), true, true},
		{"truncated", precompiledForm[:len(precompiledForm)-10], false, false},
		{"version byte of an automaton, resealed", damage(autoAt, true), true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := precompiled.Open(tc.form)
			if tc.opens != (err == nil) {
				t.Fatalf("Open: %v, want opened %v", err, tc.opens)
			}
			if err != nil && !errors.Is(err, precompiled.ErrCorrupt) {
				t.Fatalf("Open: %v, want ErrCorrupt", err)
			}
			d, err := compile(ids, Options{}, regex.Default, c)
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprint(d.Find(text)); got != want {
				t.Errorf("findings %s, want %s", got, want)
			}
			if c != nil {
				_, derr := c.Lookup(ssnExpr).DFA()
				if tc.fromForm != (derr == nil) {
					t.Errorf("SSN automaton from the form: %v, want %v", derr, tc.fromForm)
				}
			}
		})
	}
}
