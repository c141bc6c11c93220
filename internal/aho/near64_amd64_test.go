//go:build !purego

package aho

import (
	"bytes"
	"os"
	"testing"
)

// TestNearBlocksSSE2: nearBlocks' SSE2 path finds what the Go form does
// too, on a processor where it takes the AVX2 path (TestNearBlocksAgainstGo
// tests the path the processor takes).
func TestNearBlocksSSE2(t *testing.T) {
	if !useAVX2 {
		t.Skip("no AVX2: TestNearBlocksAgainstGo tests the SSE2 path")
	}
	useAVX2 = false
	defer func() { useAVX2 = true }()
	testNearBlocksAgainstGo(t)
}

// TestHasAVX2: hasAVX2 agrees with the flags Linux lists for the processor
// (which also require the system to save the registers).
func TestHasAVX2(t *testing.T) {
	info, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		t.Skip("no /proc/cpuinfo:", err)
	}
	var flags []byte
	for line := range bytes.Lines(info) {
		if bytes.HasPrefix(line, []byte("flags")) {
			flags = line
			break
		}
	}
	if flags == nil {
		t.Skip("no flags in /proc/cpuinfo")
	}
	want := bytes.Contains(flags, []byte(" avx2 ")) || bytes.HasSuffix(bytes.TrimSpace(flags), []byte(" avx2"))
	if got := hasAVX2(); got != want {
		t.Errorf("hasAVX2() = %v, /proc/cpuinfo lists avx2: %v", got, want)
	}
}
