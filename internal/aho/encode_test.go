package aho

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"reflect"
	"testing"
)

// encodeAlphabet mixes ASCII letters of both cases, word separators and
// bytes outside ASCII (UTF-8 and not), for words and texts.
var encodeAlphabet = []byte("abcsAB -_#.:1é\xc3\xa9\xff@")

var encodeMarks = [2]func(b, c byte) bool{
	func(b, c byte) bool { return c >= 'A' && c <= 'Z' && !(b >= 'a' && b <= 'z') },
	func(_, c byte) bool { return c == '.' || c == ':' },
}

// randomSet returns a random set of words (some bounded, some longer than
// the trie holds, some empty or not matchable) and the bounded flags.
func randomSet(r *rand.Rand) ([][]byte, []bool) {
	var words [][]byte
	var bounded []bool
	for range r.IntN(40) {
		n := r.IntN(7)
		if r.IntN(20) == 0 {
			n = maxAnchored + 1 + r.IntN(5)
		}
		w := make([]byte, n)
		for i := range w {
			w[i] = encodeAlphabet[r.IntN(len(encodeAlphabet))]
		}
		if r.IntN(10) > 0 {
			w = bytes.ToLower(w)
		}
		words = append(words, w)
		bounded = append(bounded, r.IntN(3) > 0)
	}
	return words, bounded
}

func randomBytes(r *rand.Rand, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = encodeAlphabet[r.IntN(len(encodeAlphabet))]
	}
	return b
}

type found struct{ word, start, end int }

func scanAll(m *Matcher, text []byte) []found {
	var out []found
	m.Scan(text, func(w, s, e int) { out = append(out, found{w, s, e}) })
	return out
}

// TestEncodeRoundTrip: Decode of AppendBinary's form is the Matcher
// NewMarked built, table for table, and finds the same words; encoding
// again gives the same bytes.
func TestEncodeRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 1))
	for round := range 400 {
		words, bounded := randomSet(r)
		marks := encodeMarks
		if round%3 == 0 {
			marks = [2]func(b, c byte) bool{}
		}
		m := NewMarked(words, bounded, marks)
		form, err := m.AppendBinary([]byte("prefix"))
		if err != nil {
			t.Fatal(err)
		}
		form = form[len("prefix"):]
		got, err := Decode(form)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if !reflect.DeepEqual(got, m) {
			t.Fatalf("round %d: the decoded matcher differs from the built one (words %q)", round, words)
		}
		again, _ := got.MarshalBinary()
		if !bytes.Equal(again, form) {
			t.Fatalf("round %d: encoding the decoded matcher gives other bytes", round)
		}
		text := randomBytes(r, r.IntN(300))
		if a, b := scanAll(m, text), scanAll(got, text); !reflect.DeepEqual(a, b) {
			t.Fatalf("round %d: built finds %v, decoded %v", round, a, b)
		}
	}
}

// TestDecodeRefuses: a form cut short anywhere, or with another version or
// trailing bytes, is refused with ErrCorrupt.
func TestDecodeRefuses(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 2))
	words, bounded := randomSet(r)
	words = append(words, []byte("key"), bytes.Repeat([]byte("x"), maxAnchored+3), []byte("é"))
	bounded = append(bounded, true, true, false)
	form, _ := NewMarked(words, bounded, encodeMarks).MarshalBinary()
	if _, err := Decode(form); err != nil {
		t.Fatal(err)
	}
	for n := range len(form) {
		if _, err := Decode(form[:n]); !errors.Is(err, ErrCorrupt) {
			t.Fatalf("cut to %d of %d bytes: err = %v", n, len(form), err)
		}
	}
	for name, f := range map[string][]byte{
		"version":       append([]byte{FormatVersion + 1}, form[1:]...),
		"trailing byte": append(bytes.Clone(form), 0),
	} {
		if _, err := Decode(f); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

// TestDecodeDamaged: a form with any one byte changed either is refused or
// gives a Matcher whose scans stay within the text (no panic, no word
// index or offset out of range).
func TestDecodeDamaged(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 3))
	words := [][]byte{[]byte("ab"), []byte("abc"), []byte("@"), []byte("é"), []byte("s.a"), bytes.Repeat([]byte("b"), maxAnchored+2), []byte("bc-1")}
	bounded := []bool{true, true, false, false, true, true, false}
	form, _ := NewMarked(words, bounded, encodeMarks).MarshalBinary()
	texts := [][]byte{[]byte("ab abc @é s.a bc-1 ABC"), randomBytes(r, 500)}
	refused := 0
	for i := range form {
		for _, x := range []byte{0x01, 0x80, 0xff} {
			f := bytes.Clone(form)
			f[i] ^= x
			if checkDecoded(t, f, texts) {
				refused++
			}
		}
	}
	if refused == 0 {
		t.Error("no damaged form was refused")
	}
}

// checkDecoded decodes f and, when it decodes, scans texts with it,
// failing when a scan reports a word or an offset out of range. It reports
// whether Decode refused f.
func checkDecoded(t *testing.T, f []byte, texts [][]byte) bool {
	t.Helper()
	m, err := Decode(f)
	if err != nil {
		if !errors.Is(err, ErrCorrupt) {
			t.Fatalf("err = %v, want ErrCorrupt", err)
		}
		return true
	}
	for _, text := range texts {
		m.Scan(text, func(w, s, e int) {
			if w < 0 || w >= m.Len() || s < 0 || s > e || e > len(text) {
				t.Fatalf("occurrence %d [%d, %d) out of range (%d words, %d bytes)", w, s, e, m.Len(), len(text))
			}
		})
		var marks [2][]uint64
		for k := range marks {
			marks[k] = make([]uint64, (len(text)+63)/64)
		}
		m.ScanRangeMarks(text, 0, len(text), 0, marks, func(int, int, int) {})
	}
	return false
}

// FuzzDecode: whatever Decode accepts scans without leaving the text, and
// encodes back to a form that decodes to the same Matcher.
func FuzzDecode(f *testing.F) {
	r := rand.New(rand.NewPCG(14, 4))
	for range 4 {
		words, bounded := randomSet(r)
		// Small sets, small forms: the fuzzer mutates them faster.
		words, bounded = words[:min(len(words), 5)], bounded[:min(len(words), 5)]
		form, _ := NewMarked(words, bounded, encodeMarks).MarshalBinary()
		f.Add(form)
	}
	empty, _ := New(nil).MarshalBinary()
	f.Add(empty)
	texts := [][]byte{[]byte("ab abc @é s.a bc-1 ABC key KEY"), randomBytes(r, 300)}
	f.Fuzz(func(t *testing.T, form []byte) {
		if checkDecoded(t, form, texts) {
			return
		}
		m, _ := Decode(form)
		again, err := m.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		m2, err := Decode(again)
		if err != nil || !reflect.DeepEqual(m, m2) {
			t.Fatalf("re-encoded form: %v", err)
		}
	})
}
