package bench

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"testing"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/internal/testcorpus"
	"github.com/piiguard/piiguard/mask"
)

// BenchmarkMaskLines: piiguard.Scanner.MaskLines (every managed
// identifier) over the loghub files, one after another as one stream, on
// 1, 2 and 4 workers; "mask" writes the masked text, "scan" only passes
// each line's findings to a Segment callback, as `piiguard scan` does. An
// op is one pass over the corpus; MB/s is of input, newlines included.
// Issue 14's target: 2 workers ≥ 1.8× one (compare with
// BenchmarkControlGoroutines in the same run: the machine's own scaling).
func BenchmarkMaskLines(b *testing.B) {
	files, err := testcorpus.LoghubFiles("")
	if errors.Is(err, fs.ErrNotExist) {
		b.Skipf("loghub corpus absent: %v", err)
	}
	if err != nil {
		b.Fatal(err)
	}
	if smoke() {
		files = files[:min(2, len(files))]
	}
	var in []byte
	for _, f := range files {
		in = append(in, f.Data...)
	}
	s, err := piiguard.NewScanner(piiguard.Config{})
	if err != nil {
		b.Fatal(err)
	}
	for _, mode := range []string{"mask", "scan"} {
		for _, w := range Goroutines {
			b.Run(fmt.Sprintf("%s/workers=%d", mode, w), func(b *testing.B) {
				opts := piiguard.LinesOptions{Workers: w}
				found := 0
				if mode == "scan" {
					opts.Segment = func(sg *mask.Segment) error {
						found += len(sg.Findings)
						return nil
					}
				}
				b.SetBytes(int64(len(in)))
				b.ReportAllocs()
				for b.Loop() {
					found = 0
					if err := s.MaskLines(context.Background(), io.Discard, bytes.NewReader(in), opts); err != nil {
						b.Fatal(err)
					}
				}
				if mode == "scan" {
					b.ReportMetric(float64(found), "findings/op")
				}
			})
		}
	}
}
