package aho

import (
	"errors"
	"io/fs"
	"math/rand/v2"
	"testing"

	"github.com/piiguard/piiguard/internal/testcorpus"
)

// checkNearBlocks fails when nearBlocks and its Go form disagree on text
// t, with carry and limit, for n blocks, with marks (or without).
func checkNearBlocks(t *testing.T, near *pairTable, f *filters, text []byte, carry uint8, limit, n int, marks bool) {
	t.Helper()
	type result struct {
		n      int
		out    []blockStarts
		m0, m1 []uint64
	}
	// Both start the same, so that the words neither writes compare equal
	// too.
	run := func(blocks func(*pairTable, *filters, []byte, uint8, int, []uint64, []uint64, []blockStarts) int) result {
		r := result{out: make([]blockStarts, n)}
		for i := range r.out {
			r.out[i] = blockStarts{1, 2}
		}
		if marks {
			r.m0, r.m1 = make([]uint64, n), make([]uint64, n)
			for i := range n {
				r.m0[i], r.m1[i] = 3, 4
			}
		}
		r.n = blocks(near, f, text, carry, limit, r.m0, r.m1, r.out)
		return r
	}
	got, want := run(nearBlocks), run(nearBlocksGo)
	if got.n != want.n {
		t.Fatalf("text %q, carry %#x, limit %d, %d blocks: nearBlocks found %d, nearBlocksGo %d", text, carry, limit, n, got.n, want.n)
	}
	for b := range n {
		if got.out[b] != want.out[b] || marks && (got.m0[b] != want.m0[b] || got.m1[b] != want.m1[b]) {
			t.Fatalf("text %q, carry %#x, limit %d, %d blocks: block %d: nearBlocks %x, nearBlocksGo %x", text, carry, limit, n, b, got, want)
		}
	}
}

// TestNearBlocksAgainstGo: the starts and marks of blocks of 64 offsets
// (assembly on amd64) are those the Go form finds: for random tables and
// filters on random text of every length up to 300 bytes (every bit, every
// byte, the filter's edge at the end of the text), every carry bit and
// number of blocks; for sparse tables (a single set byte, each bit alone);
// and for a Matcher's tables with marks on loghub's text.
func TestNearBlocksAgainstGo(t *testing.T) { testNearBlocksAgainstGo(t) }

func testNearBlocksAgainstGo(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 3))
	for range 8 {
		near, f := randomFilters(r)
		for n := range 301 {
			text := make([]byte, n)
			for range 4 {
				for i := range text {
					text[i] = byte(r.Uint32())
				}
				checkNearBlocks(t, near, f, text, uint8(r.Uint32()), r.IntN(n+80)-10, r.IntN(7), r.IntN(2) == 0)
			}
		}
	}
	var w [65]byte
	for bit := range 8 {
		for range 50 {
			near, f := new(pairTable), new(filters)
			for i := range w {
				w[i] = byte(r.Uint32())
			}
			j := r.IntN(64)
			near[int(w[j])|int(w[j+1])<<8] = 1 << bit
			checkNearBlocks(t, near, f, w[:], 0, 65, 1, true)
			checkNearBlocks(t, near, f, w[:], 1<<bit, 64, 1, true)
		}
	}

	files, err := testcorpus.LoghubFiles("")
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("loghub corpus absent:", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	m := testMatcher()
	for _, file := range files {
		for p := 1; p < len(file.Data); p += 64 * 7 {
			checkNearBlocks(t, &m.near, &m.filters, file.Data[p:], m.near[uint16(file.Data[p-1])|uint16(file.Data[p])<<8], 64*7, 7, true)
		}
	}
}

// testMatcher returns a Matcher with anchored and free words of every
// length the filters tell apart, and marks.
func testMatcher() *Matcher {
	words := [][]byte{[]byte("ssn"), []byte("card"), []byte("user"), []byte("@"), []byte("strasse"),
		[]byte("pass"), []byte("id"), []byte("key"), []byte("-----begin "), []byte("error"), []byte("weg"), []byte("+1")}
	bounded := []bool{true, true, true, false, false, true, true, true, false, true, false, false}
	return NewMarked(words, bounded, [2]func(b, c byte) bool{
		func(b, c byte) bool { return c >= '0' && c <= '9' && !(b >= '0' && b <= '9') },
		func(_, c byte) bool { return c == '.' || c == ':' || c == '-' },
	})
}

// FuzzNearBlocks: on arbitrary text and carry and one of a few random
// tables, nearBlocks finds what its Go form does.
func FuzzNearBlocks(f *testing.F) {
	r := rand.New(rand.NewPCG(14, 4))
	type tables struct {
		near *pairTable
		f    *filters
	}
	var ts [8]tables
	for i := range ts {
		ts[i].near, ts[i].f = randomFilters(r)
	}
	m := testMatcher()
	ts[0] = tables{&m.near, &m.filters}
	f.Add([]byte("user=alice ssn: 123-45-6789 card 4111 1111 1111 1111 at 10.0.0.1:80, strasse 4, weg"), uint8(0), uint8(1), uint16(90))
	f.Add([]byte("\x00\xff\x80\x7f"), uint8(0xff), uint8(10), uint16(3))
	f.Fuzz(func(t *testing.T, text []byte, carry, table uint8, limit uint16) {
		tb := ts[table%8]
		checkNearBlocks(t, tb.near, tb.f, text, carry, int(limit), (len(text)+63)/64, table&8 == 0)
	})
}

// BenchmarkNearBlocks: nearBlocks (assembly on amd64) and its Go form over
// loghub's text, with a Matcher's tables.
func BenchmarkNearBlocks(b *testing.B) {
	files, err := testcorpus.LoghubFiles("")
	if err != nil {
		b.Skip("loghub corpus absent:", err)
	}
	var text []byte
	for _, f := range files {
		text = append(text, f.Data...)
	}
	m := testMatcher()
	var out [blocksPerCall]blockStarts
	var marks [2][blocksPerCall]uint64
	for _, form := range []struct {
		name   string
		blocks func(*pairTable, *filters, []byte, uint8, int, []uint64, []uint64, []blockStarts) int
	}{{"blocks", nearBlocks}, {"go", nearBlocksGo}} {
		b.Run(form.name, func(b *testing.B) {
			b.SetBytes(int64(len(text) - 1))
			for b.Loop() {
				for p := 0; p+64*blocksPerCall < len(text); p += 64 * blocksPerCall {
					form.blocks(&m.near, &m.filters, text[p:], 0, 64*blocksPerCall, marks[0][:], marks[1][:], out[:])
				}
			}
		})
	}
}

// TestNearBlockAgainstGo: nearBlock, the kernel of one block (written
// out under WebAssembly: run it natively with -tags purego,nearunrolled),
// gives the masks nearBlockGo gives, for random tables on random blocks
// and for each bit of a table alone.
func TestNearBlockAgainstGo(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 4))
	near := new([1 << 16]uint8)
	var w [65]byte
	check := func() {
		t.Helper()
		s, f, p, m0, m1 := nearBlock(near, &w)
		gs, gf, gp, gm0, gm1 := nearBlockGo(near, &w)
		if s != gs || f != gf || p != gp || m0 != gm0 || m1 != gm1 {
			t.Fatalf("block %q: nearBlock %x %x %x %x %x, nearBlockGo %x %x %x %x %x", w, s, f, p, m0, m1, gs, gf, gp, gm0, gm1)
		}
	}
	for range 200 {
		for i := range near {
			near[i] = byte(r.Uint32())
		}
		for i := range w {
			w[i] = byte(r.Uint32())
		}
		check()
	}
	for bit := range 8 {
		for range 50 {
			clear(near[:])
			for i := range w {
				w[i] = byte(r.Uint32())
			}
			j := r.IntN(64)
			near[int(w[j])|int(w[j+1])<<8] = 1 << bit
			check()
		}
	}
}
