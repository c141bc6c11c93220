package wasmhost

import "testing"

// TestDoublingMemory: growing keeps the contents, reserves at least twice
// the old capacity (so that growing page by page copies the memory a
// logarithmic number of times), and refuses more than the maximum.
func TestDoublingMemory(t *testing.T) {
	const page = 64 << 10
	const max = 1 << 30
	m := newDoublingMemory(0, max).(*doublingMemory)
	copies := 0
	for size := uint64(page); size <= 256<<20; size += page {
		old := m.buf
		b := m.Reallocate(size)
		if uint64(len(b)) != size {
			t.Fatalf("Reallocate(%d) returned %d bytes", size, len(b))
		}
		if len(old) > 0 && &old[:1][0] != &b[:1][0] {
			copies++
		}
		// Each earlier page still holds its mark (the last byte of the
		// page, written when the page was added); checking one byte per
		// page keeps the test linear in the pages, not in the bytes.
		for p := uint64(1); p < size/page; p++ {
			if b[p*page-1] != byte(p) {
				t.Fatalf("Reallocate(%d) lost the contents of page %d", size, p)
			}
		}
		b[size-1] = byte(size / page)
	}
	if copies > 5 { // 32 MiB, 64, 128, 256: 3 copies
		t.Errorf("growing to 256 MiB page by page copied the memory %d times", copies)
	}
	if b := m.Reallocate(max + page); b != nil {
		t.Errorf("Reallocate beyond the maximum returned %d bytes", len(b))
	}
	if b := m.Reallocate(page); len(b) != page {
		t.Errorf("shrinking returned %d bytes", len(b))
	}
	m.Free()
	if m.buf != nil {
		t.Error("Free kept the memory")
	}
}
