package bench

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/piiguard/piiguard"
)

// BenchmarkDenseFindings: a text in which nearly every token is a value
// (8 MiB of "user jane@example.com ok\n", one finding per 25 bytes),
// scanned and masked by a Scanner of the whole catalog in one call. Its
// cost is per finding, not per byte: B/finding is what the call allocates
// for each (its candidates, windows, findings and masks), which sets how
// much memory a huge dense text needs.
func BenchmarkDenseFindings(b *testing.B) {
	s, err := piiguard.NewScanner(piiguard.Config{})
	if err != nil {
		b.Fatal(err)
	}
	size := 8 << 20
	if smoke() {
		size = 1 << 20
	}
	line := []byte("user jane@example.com ok\n")
	text := bytes.Repeat(line, size/len(line))
	findings := len(s.Scan(text))
	if findings != len(text)/len(line) {
		b.Fatalf("%d findings, want one a line (%d)", findings, len(text)/len(line))
	}
	run := func(b *testing.B, op func()) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		for b.Loop() {
			op()
		}
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/float64(findings), "B/finding")
	}
	b.Run("scan", func(b *testing.B) {
		run(b, func() { s.Scan(text) })
	})
	b.Run("mask", func(b *testing.B) {
		run(b, func() { s.Mask(text) })
	})
}
