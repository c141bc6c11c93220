package wasmhost

import (
	"context"

	"github.com/tetratelabs/wazero/experimental"
)

// Linear memory. A Go module grows its memory a few megabytes at a time
// as its heap grows (compiling the catalog takes it from a few to about
// 20 MB); wazero's own memory grows each time by appending to a []byte,
// which copies the whole memory whenever the slice's spare capacity runs
// out. doublingMemory reserves twice what is asked instead, so that the
// memory is copied a few times in all, not at every step (start-up,
// issue 14 item 4).

// withMemoryAllocator returns ctx with doublingMemory as the allocator of
// the linear memories instantiated under it.
func withMemoryAllocator(ctx context.Context) context.Context {
	return experimental.WithMemoryAllocator(ctx, experimental.MemoryAllocatorFunc(newDoublingMemory))
}

// minMemoryCapacity is the smallest capacity doublingMemory reserves.
const minMemoryCapacity = 32 << 20

// A doublingMemory is a linear memory whose capacity at least doubles
// when it grows, up to its maximum.
type doublingMemory struct {
	buf []byte
	max uint64
}

func newDoublingMemory(capacity, max uint64) experimental.LinearMemory {
	return &doublingMemory{buf: make([]byte, 0, min(max, capacity)), max: max}
}

// Reallocate returns the memory grown to size bytes, its contents kept;
// nil when size is more than the maximum.
func (m *doublingMemory) Reallocate(size uint64) []byte {
	if size > m.max {
		return nil
	}
	if size <= uint64(cap(m.buf)) {
		m.buf = m.buf[:size]
		return m.buf
	}
	capacity := min(max(size, 2*uint64(cap(m.buf)), minMemoryCapacity), m.max)
	buf := make([]byte, size, capacity)
	copy(buf, m.buf)
	m.buf = buf
	return buf
}

// Free drops the memory.
func (m *doublingMemory) Free() { m.buf = nil }
