package aho_test

import (
	"errors"
	"io/fs"
	"math/rand/v2"
	"testing"

	"github.com/piiguard/piiguard/internal/aho"
	"github.com/piiguard/piiguard/internal/testcorpus"
)

// randomTable returns a table of byte pairs with every bit random.
func randomTable(r *rand.Rand) *[1 << 16]uint8 {
	t := new([1 << 16]uint8)
	for i := range t {
		t[i] = uint8(r.Uint32())
	}
	return t
}

// checkNearBlocks fails when nearBlock and its Go form disagree on a
// block of text (65 bytes) for the table near.
func checkNearBlocks(t *testing.T, near *[1 << 16]uint8, w *[65]byte) {
	t.Helper()
	if got, want := aho.NearBlock(near, w), aho.NearBlockGo(near, w); got != want {
		t.Fatalf("text %q: nearBlock %x, nearBlockGo %x", w[:], got, want)
	}
}

// TestNearBlockAgainstGo: the masks of a block of 64 pairs (assembly on
// amd64) are those the Go form finds: for random tables on random text
// (every bit, every byte), and for a Matcher's table with marks on
// loghub's lines.
func TestNearBlockAgainstGo(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 3))
	var w [65]byte
	for range 20 {
		near := randomTable(r)
		for range 200 {
			for i := range w {
				w[i] = byte(r.Uint32())
			}
			checkNearBlocks(t, near, &w)
		}
	}
	// Sparse tables: a single set byte, each bit alone.
	for bit := range 8 {
		for range 50 {
			near := new([1 << 16]uint8)
			for i := range w {
				w[i] = byte(r.Uint32())
			}
			j := r.IntN(64)
			near[int(w[j])|int(w[j+1])<<8] = 1 << bit
			checkNearBlocks(t, near, &w)
		}
	}

	files, err := testcorpus.LoghubFiles("")
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("loghub corpus absent:", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	words := [][]byte{[]byte("ssn"), []byte("card"), []byte("user"), []byte("@"), []byte("strasse"),
		[]byte("pass"), []byte("id"), []byte("key"), []byte("-----begin "), []byte("error")}
	bounded := []bool{true, true, true, false, false, true, true, true, false, true}
	m := aho.NewMarked(words, bounded, [2]func(b, c byte) bool{
		func(b, c byte) bool { return c >= '0' && c <= '9' && !(b >= '0' && b <= '9') },
		func(_, c byte) bool { return c == '.' || c == ':' || c == '-' },
	})
	for _, f := range files {
		for p := 0; p+65 <= len(f.Data); p += 64 {
			checkNearBlocks(t, m.Near(), (*[65]byte)(f.Data[p:p+65]))
		}
	}
}

// FuzzNearBlock: on arbitrary text and one of a few random tables,
// nearBlock finds what its Go form does.
func FuzzNearBlock(f *testing.F) {
	r := rand.New(rand.NewPCG(14, 4))
	var tables [8]*[1 << 16]uint8
	for i := range tables {
		tables[i] = randomTable(r)
	}
	f.Add([]byte("user=alice ssn: 123-45-6789 card 4111 1111 1111 1111 at 10.0.0.1:80"), uint8(1))
	f.Add([]byte("\x00\xff\x80\x7f"), uint8(2))
	f.Fuzz(func(t *testing.T, text []byte, table uint8) {
		near := tables[table%8]
		var w [65]byte
		for p := 0; p == 0 || p < len(text); p += 64 {
			copy(w[:], text[p:])
			checkNearBlocks(t, near, &w)
		}
	})
}

// BenchmarkNearBlock: nearBlock (assembly on amd64) and its Go form over
// the blocks of loghub's files, with a Matcher's table.
func BenchmarkNearBlock(b *testing.B) {
	files, err := testcorpus.LoghubFiles("")
	if err != nil {
		b.Skip("loghub corpus absent:", err)
	}
	var text []byte
	for _, f := range files {
		text = append(text, f.Data...)
	}
	m := aho.NewMarked([][]byte{[]byte("ssn"), []byte("user"), []byte("@")}, []bool{true, true, false},
		[2]func(b, c byte) bool{func(_, c byte) bool { return c == '.' }, nil})
	for _, form := range []struct {
		name  string
		block func(*[1 << 16]uint8, *[65]byte) [5]uint64
	}{{"block", aho.NearBlock}, {"go", aho.NearBlockGo}} {
		b.Run(form.name, func(b *testing.B) {
			b.SetBytes(int64(len(text) / 64 * 64))
			var sink uint64
			for b.Loop() {
				for p := 0; p+65 <= len(text); p += 64 {
					sink += form.block(m.Near(), (*[65]byte)(text[p:p+65]))[0]
				}
			}
			_ = sink
		})
	}
}
