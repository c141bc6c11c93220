package precompiled

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/dfa"
	"github.com/piiguard/piiguard/internal/pattern"
	"github.com/piiguard/piiguard/internal/prefilter"
)

var built = sync.OnceValues(func() ([]byte, error) { return Build(identifiers.Catalog()) })

func form(t *testing.T) []byte {
	t.Helper()
	f, err := built()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestInfoFields fails when prefilter.Info gains a field, which appendInfo
// would then not write: update appendInfo, decodeInfo and this count.
func TestInfoFields(t *testing.T) {
	if n := reflect.TypeOf(prefilter.Info{}).NumField(); n != 11 {
		t.Fatalf("prefilter.Info has %d fields; appendInfo writes 11", n)
	}
}

// TestEntriesMatchSource: every entry's description is what
// prefilter.Analyze returns, and its automaton what dfa.Compile builds.
func TestEntriesMatchSource(t *testing.T) {
	c, err := Open(form(t))
	if err != nil {
		t.Fatal(err)
	}
	if c.Hash() != CatalogHash(identifiers.Catalog()) {
		t.Error("hash differs from CatalogHash")
	}
	seen := 0
	for _, id := range identifiers.Catalog() {
		for _, p := range id.Patterns {
			e := c.Lookup(p.Expr)
			if e == nil {
				t.Fatalf("%s: pattern not in the form", id.Name)
			}
			seen++
			got, err := e.Info()
			if err != nil {
				t.Fatal(err)
			}
			parsed := pattern.MustParse(p.Expr)
			want := prefilter.Analyze(parsed)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: description\n got %+v\nwant %+v", id.Name, got, want)
			}
			switch e.Kind {
			case KindDFA:
				got, err := e.DFA()
				want, werr := dfa.Compile(parsed, dfa.Options{})
				if err != nil || werr != nil || !reflect.DeepEqual(got, want) {
					t.Errorf("%s: automaton differs (%v, %v)", id.Name, err, werr)
				}
			case KindLazy:
				if _, err := e.Lazy(); err != nil {
					t.Errorf("%s: %v", id.Name, err)
				}
			case KindRegexp:
				if _, err := dfa.CompileLazy(parsed, dfa.Options{}); err == nil {
					t.Errorf("%s: package dfa compiles it", id.Name)
				}
			}
		}
	}
	if c.Lookup("[0-9]{123}x") != nil {
		t.Error("found a pattern the catalog does not hold")
	}
	var none *Catalog
	if none.Lookup("x") != nil {
		t.Error("nil Catalog found something")
	}
}

// TestBuildDeterministic: the same catalog builds the same bytes.
func TestBuildDeterministic(t *testing.T) {
	again, err := Build(identifiers.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, form(t)) {
		t.Error("two builds differ")
	}
}

// reseal recomputes the header's checksum over the whole body, for forms
// Open cannot index (Reseal needs one it can), which it refuses before it
// compares the checksum: the damage, not the checksum, is refused.
func reseal(f []byte) []byte {
	if len(f) >= headerLen {
		binary.LittleEndian.PutUint32(f[len(magic)+4:], crc32.Checksum(f[headerLen:], crcTable))
	}
	return f
}

// TestOpenRefuses: every damage Open can see is refused with ErrCorrupt,
// even under a valid checksum; a truncated form at any length too.
func TestOpenRefuses(t *testing.T) {
	good := form(t)
	if _, err := Open(good); err != nil {
		t.Fatal(err)
	}
	body := good[headerLen:]
	_, k := binary.Uvarint(body)
	first := headerLen + k // the first entry's kind
	for _, tc := range []struct {
		name string
		form []byte
	}{
		{"empty", nil},
		{"magic", append([]byte("x"), good[1:]...)},
		{"version", func() []byte { f := bytes.Clone(good); f[len(magic)]++; return f }()},
		{"checksum", func() []byte { f := bytes.Clone(good); f[len(f)-1]++; return f }()},
		{"trailing byte", reseal(append(bytes.Clone(good), 0))},
		{"bad kind", reseal(func() []byte { f := bytes.Clone(good); f[first] = 9; return f }())},
		{"count too high", reseal(func() []byte {
			f := bytes.Clone(good[:headerLen])
			f = binary.AppendUvarint(f, uint64(len(body)))
			return append(f, body[k:]...)
		}())},
	} {
		if _, err := Open(tc.form); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: err = %v, want ErrCorrupt", tc.name, err)
		}
	}
	for n := 0; n < len(good); n += 1 + n/50 {
		if _, err := Open(reseal(bytes.Clone(good[:max(n, headerLen)]))); n >= headerLen && !errors.Is(err, ErrCorrupt) {
			t.Fatalf("truncated to %d bytes: err = %v", n, err)
		}
	}
}

// TestDecodeInfoRefuses: truncated descriptions are refused.
func TestDecodeInfoRefuses(t *testing.T) {
	info := prefilter.Analyze(pattern.MustParse(`(?i)\bssn[: ]*[0-9]{3}-[0-9]{2}-[0-9]{4}`))
	b := appendInfo(nil, info)
	if got, err := decodeInfo(b); err != nil || !reflect.DeepEqual(got, info) {
		t.Fatalf("round trip: %v, %+v", err, got)
	}
	for n := range len(b) {
		if _, err := decodeInfo(b[:n]); !errors.Is(err, ErrCorrupt) {
			t.Fatalf("truncated to %d: err = %v", n, err)
		}
	}
}

// TestSetups: Build stores the setups of the registered builder, sorted by
// key, each found by its key and no other; a damaged setup section is
// refused with ErrCorrupt even under a valid checksum.
func TestSetups(t *testing.T) {
	ids := identifiers.Catalog()
	// Keys of 32 bytes: each takes 1+32+4+1 bytes of the index below.
	key := func(b byte) []byte { k := make([]byte, 32); k[0], k[31] = b, b; return k }
	want := []Setup{{key(9), []byte("nine")}, {key(3), []byte("three")}, {key(5), nil}}
	var gotAutomata *Catalog
	RegisterSetups(func(got []*identifiers.Identifier, automata *Catalog) ([]Setup, error) {
		if len(got) != len(ids) {
			t.Errorf("builder given %d identifiers, want %d", len(got), len(ids))
		}
		gotAutomata = automata
		return want, nil
	})
	defer RegisterSetups(nil)
	f, err := Build(ids)
	if err != nil {
		t.Fatal(err)
	}
	if gotAutomata == nil || gotAutomata.Len() == 0 || gotAutomata.Setups() != 0 {
		t.Fatal("the builder was not given the automata without setups")
	}
	c, err := Open(f)
	if err != nil {
		t.Fatal(err)
	}
	if c.Setups() != 3 {
		t.Fatalf("%d setups", c.Setups())
	}
	for _, su := range want {
		if got := c.KeywordSetup(su.Key); !bytes.Equal(got, su.Form) || got == nil {
			t.Errorf("setup %x: %q, want %q", su.Key[0], got, su.Form)
		}
	}
	if c.KeywordSetup(key(4)) != nil {
		t.Error("found a setup under a key not stored")
	}
	var none *Catalog
	if none.KeywordSetup(key(3)) != nil {
		t.Error("nil Catalog found a setup")
	}
	without, err := Open(form(t))
	if err != nil {
		t.Fatal(err)
	}
	if without.Setups() != 0 || !bytes.Equal(f[headerLen:len(form(t))-1], form(t)[headerLen:len(form(t))-1]) {
		t.Error("a build without builder stores setups, or other entries")
	}
	// The section starts where the form without setups has its count 0:
	// count, then per setup a key (its length, 32, and its bytes), a
	// checksum and a length; the forms (nine, three, five: sorted by key,
	// "three" first) follow.
	at := len(form(t)) - 1
	index := at + 1 + 3*(1+32+4+1)
	for _, tc := range []struct {
		name   string
		change func(f []byte) []byte
	}{
		{"count too high", func(f []byte) []byte { f[at] = 4; return f }},
		{"count far too high", func(f []byte) []byte { f[at] = 0x7f; return f }},
		{"keys out of order", func(f []byte) []byte { f[at+2] = 0xff; return f }},
		{"empty key", func(f []byte) []byte { f[at+1] = 0; return f }},
		{"key length", func(f []byte) []byte { f[at+1] = 0x7f; return f }},
		{"form length", func(f []byte) []byte { f[at+1+1+32+4] = 0x7f; return f }},
		{"cut in a key", func(f []byte) []byte { return f[:at+10] }},
		{"cut in a form", func(f []byte) []byte { return f[:len(f)-1] }},
		{"trailing byte", func(f []byte) []byte { return append(f, 0) }},
	} {
		// Open indexes the form before it compares the header's checksum:
		// these are refused whatever the checksum says.
		g := tc.change(bytes.Clone(f))
		if _, err := Open(g); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: err = %v, want ErrCorrupt", tc.name, err)
		}
	}
	// A damaged form under a valid header is not returned: its own
	// checksum fails; the others still are.
	g := bytes.Clone(f)
	g[index] ^= 1 // the first form's first byte ("three")
	c, err = Open(g)
	if err != nil {
		t.Fatal(err)
	}
	if c.KeywordSetup(key(3)) != nil || c.KeywordSetup(key(9)) == nil {
		t.Error("a damaged setup is returned, or an intact one is not")
	}
	if err := Reseal(g); err != nil {
		t.Fatal(err)
	}
	if c, err = Open(g); err != nil || string(c.KeywordSetup(key(3))) != "uhree" {
		t.Errorf("resealed: %v, %q", err, c.KeywordSetup(key(3)))
	}
}

// TestAutomatonChecksum: the header's checksum does not cover the automata
// (Open reads none of their bytes); a damaged automaton is refused when it
// is decoded, by its own checksum, and the others still decode. Reseal
// renews the automata's checksums too.
func TestAutomatonChecksum(t *testing.T) {
	good := form(t)
	c, err := Open(good)
	if err != nil {
		t.Fatal(err)
	}
	var e *Entry
	for i := range c.entries {
		if c.entries[i].Kind == KindDFA && len(c.entries[i].auto) > 16 {
			e = &c.entries[i]
			break
		}
	}
	if e == nil {
		t.Fatal("no stored automaton")
	}
	at := headerLen + e.crcAt + 4 + uvarintLen(len(e.auto)) + len(e.auto) - 1 // its last byte
	g := bytes.Clone(good)
	g[at] ^= 0x5a
	d, err := Open(g)
	if err != nil {
		t.Fatalf("Open of a form with a damaged automaton: %v", err)
	}
	if _, err := d.entries[e.index].DFA(); !errors.Is(err, ErrCorrupt) {
		t.Errorf("damaged automaton: err = %v, want ErrCorrupt", err)
	}
	for i := range d.entries {
		if o := &d.entries[i]; o.Kind == KindDFA && i != e.index {
			if _, err := o.DFA(); err != nil {
				t.Fatalf("intact automaton %d: %v", i, err)
			}
		}
	}
	// A damaged checksum of an automaton is covered by the header's.
	h := bytes.Clone(good)
	h[headerLen+e.crcAt] ^= 1
	if _, err := Open(h); !errors.Is(err, ErrCorrupt) {
		t.Errorf("damaged automaton checksum: err = %v, want ErrCorrupt", err)
	}
	if err := Reseal(g); err != nil {
		t.Fatal(err)
	}
	if d, err = Open(g); err != nil {
		t.Fatal(err)
	}
	if _, err := d.entries[e.index].DFA(); errors.Is(err, ErrCorrupt) && strings.Contains(err.Error(), "checksum") {
		t.Errorf("resealed automaton still fails its checksum: %v", err)
	}
}

func uvarintLen(n int) int { return len(binary.AppendUvarint(nil, uint64(n))) }
