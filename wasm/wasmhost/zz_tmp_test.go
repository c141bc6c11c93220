package wasmhost

import (
	"context"
	"testing"
)

func BenchmarkTmpCallOverhead(b *testing.B) {
	m := loadFastModule(b)
	s, err := m.Compile(context.Background(), Config{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	sl, _ := s.acquire(ctx)
	in := sl.in
	b.Run("version", func(b *testing.B) {
		for b.Loop() {
			in.call(ctx, fnVersion)
		}
	})
	b.Run("resultptr", func(b *testing.B) {
		for b.Loop() {
			in.call(ctx, fnResultPtr)
		}
	})
	b.Run("alloc-free", func(b *testing.B) {
		for b.Loop() {
			p, _ := in.call(ctx, fnAlloc, 16)
			in.call(ctx, fnFree, p)
		}
	})
	b.Run("scan-empty", func(b *testing.B) {
		for b.Loop() {
			in.callText(ctx, fnScan, sl.handle, nil)
		}
	})
	b.Run("scan-x", func(b *testing.B) {
		x := []byte("x")
		for b.Loop() {
			in.callText(ctx, fnScan, sl.handle, x)
		}
	})
	line := []byte("081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating\n")
	b.Run("scan-line", func(b *testing.B) {
		for b.Loop() {
			in.callText(ctx, fnScan, sl.handle, line)
		}
	})
	s.release(ctx, sl, true)
	b.Run("Scanner.Scan-line", func(b *testing.B) {
		for b.Loop() {
			s.Scan(ctx, line)
		}
	})
}
