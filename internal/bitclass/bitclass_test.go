package bitclass_test

import (
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/piiguard/piiguard/internal/bitclass"
)

// reference classifies text[start:start+64] one byte at a time.
func reference(set *[256]bool, keys []byte, text []byte, start int) bitclass.Block {
	var b bitclass.Block
	for i := 0; i < bitclass.BlockSize && start+i < len(text); i++ {
		c := text[start+i]
		if set[c] {
			b.In |= 1 << i
		}
		for k, key := range keys {
			if c == key {
				b.Keys[k] |= 1 << i
			}
		}
	}
	return b
}

// setOf returns the set of the bytes in s.
func setOf(s string) *[256]bool {
	var set [256]bool
	for i := range len(s) {
		set[s[i]] = true
	}
	return &set
}

// check fails when Classify (assembly on amd64), its Go form and the
// byte-by-byte reference disagree on any block of text, at every start.
func check(t *testing.T, set *[256]bool, keys []byte, text []byte) {
	t.Helper()
	cl, err := bitclass.New(set, keys)
	if err != nil {
		t.Fatal(err)
	}
	for start := range len(text) {
		want := reference(set, keys, text, start)
		if got := cl.Classify(text, start); got != want {
			t.Fatalf("set %v keys %q text %q start %d: Classify %x, want %x", set, keys, text, start, got, want)
		}
		if got := cl.ClassifyGo(text, start); got != want {
			t.Fatalf("set %v keys %q text %q start %d: Go form %x, want %x", set, keys, text, start, got, want)
		}
	}
}

// TestClassify: the class runs' set on log-like text, sets crossing 0x80,
// every byte, single bytes at the ends, and random sets on random text.
func TestClassify(t *testing.T) {
	logLine := []byte("2015-10-18 18:01:47,978 INFO [main] 10.190.173.232:8030 fe80::1%eth0 00:1b:63:84:45:e6 \xe2\x80\x94 done. 0123456789abcdefABCDEF-.:")
	var all [256]bool
	for c := range all {
		all[c] = true
	}
	var every []byte
	for c := range 256 {
		every = append(every, byte(c))
	}
	every = append(every, every...)
	var high [256]bool
	for c := 0x70; c < 0x90; c++ {
		high[c] = true
	}
	high[0xff], high[0] = true, true
	for _, tc := range []struct {
		name string
		set  *[256]bool
		keys []byte
		text []byte
	}{
		{"class runs", setOf("-.0123456789:ABCDEFabcdef"), []byte(".:-"), logLine},
		{"class runs, short", setOf("-.0123456789:ABCDEFabcdef"), []byte(".:-"), logLine[:40]},
		{"one key", setOf("0123456789."), []byte("."), logLine},
		{"no keys", setOf("0123456789."), nil, logLine},
		{"four keys", setOf("-.0123456789:ABCDEFabcdef/"), []byte(".:-/"), every},
		{"every byte", &all, []byte{0, 0xff, 0x80, 0x7f}, every},
		{"empty set", &[256]bool{}, []byte{'a'}, every},
		{"around 0x80", &high, []byte{0x80, 0x7f}, every},
		{"empty text", setOf("a"), []byte("a"), nil},
	} {
		t.Run(tc.name, func(t *testing.T) { check(t, tc.set, tc.keys, tc.text) })
	}
	r := rand.New(rand.NewPCG(14, 64))
	for range 300 {
		var set [256]bool
		nr := 1 + r.IntN(4)
		for range nr {
			lo := r.IntN(256)
			hi := min(255, lo+r.IntN(40))
			for c := lo; c <= hi; c++ {
				set[c] = true
			}
		}
		var keys []byte
		for k := range r.IntN(bitclass.MaxKeys + 1) {
			keys = append(keys, byte(r.IntN(256)|k)) // may repeat: allowed
		}
		text := make([]byte, r.IntN(200))
		for i := range text {
			text[i] = byte(r.IntN(256))
		}
		if _, err := bitclass.New(&set, keys); errors.Is(err, bitclass.ErrTooMany) {
			continue
		}
		check(t, &set, keys, text)
	}
}

// TestNewTooMany: a set of more than MaxRanges ranges, or more than
// MaxKeys keys, is refused; a range crossing 0x80 counts twice.
func TestNewTooMany(t *testing.T) {
	var set [256]bool
	for c := 0; c < 2*(bitclass.MaxRanges+1); c += 2 {
		set[c] = true
	}
	if _, err := bitclass.New(&set, nil); !errors.Is(err, bitclass.ErrTooMany) {
		t.Errorf("%d ranges: err %v, want ErrTooMany", bitclass.MaxRanges+1, err)
	}
	set[2*bitclass.MaxRanges] = false
	cl, err := bitclass.New(&set, nil)
	if err != nil || cl.Ranges() != bitclass.MaxRanges {
		t.Errorf("%d ranges: err %v", bitclass.MaxRanges, err)
	}
	if _, err := bitclass.New(setOf("a"), []byte("abcde")); !errors.Is(err, bitclass.ErrTooMany) {
		t.Errorf("5 keys: err %v, want ErrTooMany", err)
	}
	// The separators compared as keys leave three ranges, not four.
	if cl, err := bitclass.New(setOf("-.0123456789:ABCDEFabcdef"), []byte(".:-")); err != nil || cl.Ranges() != 3 {
		t.Errorf("class runs' set: %v ranges, err %v; want 3", cl.Ranges(), err)
	}
	var cross [256]bool
	cross[0x7f], cross[0x80] = true, true
	if cl, err := bitclass.New(&cross, nil); err != nil || cl.Ranges() != 2 {
		t.Errorf("0x7f-0x80: %v ranges, err %v; want 2", cl.Ranges(), err)
	}
}

// FuzzClassify: Classify, its Go form and the reference agree on any set
// of up to MaxRanges ranges, keys and text.
func FuzzClassify(f *testing.F) {
	f.Add([]byte("-.09:AFaf"), []byte(".:-"), []byte("2015-10-18 18:01:47,978 10.1.2.3 fe80::1"))
	f.Add([]byte{0x70, 0x90, 0xf0, 0xff}, []byte{0x80}, []byte("\x80\x7f\xff\x00abc"))
	f.Fuzz(func(t *testing.T, ranges, keys, text []byte) {
		var set [256]bool
		for i := 0; i+1 < len(ranges) && i < 2*bitclass.MaxRanges; i += 2 {
			for c := int(ranges[i]); c <= int(ranges[i+1]); c++ {
				set[c] = true
			}
		}
		if len(keys) > bitclass.MaxKeys {
			keys = keys[:bitclass.MaxKeys]
		}
		if _, err := bitclass.New(&set, keys); err != nil {
			return
		}
		if len(text) > 300 {
			text = text[:300]
		}
		check(t, &set, keys, text)
	})
}

// TestWord: Word's top bits are the reference's bits, on random sets, keys
// and words, and on the class runs' set over every byte.
func TestWord(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 8))
	for range 2000 {
		var set [256]bool
		for range 1 + r.IntN(4) {
			lo := r.IntN(256)
			for c := lo; c <= min(255, lo+r.IntN(40)); c++ {
				set[c] = true
			}
		}
		var keys []byte
		for range r.IntN(bitclass.MaxKeys + 1) {
			keys = append(keys, byte(r.IntN(256)))
		}
		cl, err := bitclass.New(&set, keys)
		if err != nil {
			continue
		}
		var b [8]byte
		for range 20 {
			for i := range b {
				b[i] = byte(r.IntN(256))
				if r.IntN(3) == 0 && len(keys) > 0 {
					b[i] = keys[r.IntN(len(keys))]
				}
			}
			checkWord(t, cl, &set, keys, b)
		}
	}
	set := setOf("-.0123456789:ABCDEFabcdef")
	cl, _ := bitclass.New(set, []byte(".:-"))
	for c := range 256 {
		checkWord(t, cl, set, []byte(".:-"), [8]byte{byte(c), '.', byte(c + 1), ':', byte(c + 7), '-', 0, 0xff})
	}
}

// checkWord fails when Word disagrees with the reference on b.
func checkWord(t *testing.T, cl *bitclass.Classifier, set *[256]bool, keys []byte, b [8]byte) {
	t.Helper()
	x := binary.LittleEndian.Uint64(b[:])
	in, got := cl.Word(x)
	want := reference(set, keys, b[:], 0)
	var spread bitclass.Block // want's bits moved to each byte's top
	for i := range 8 {
		spread.In |= want.In >> i & 1 << (8*i + 7)
		for k := range keys {
			spread.Keys[k] |= want.Keys[k] >> i & 1 << (8*i + 7)
		}
	}
	if in != spread.In || got != spread.Keys {
		t.Fatalf("keys %q word %q: Word %x %x, want %x %x", keys, b[:], in, got, spread.In, spread.Keys)
	}
}
