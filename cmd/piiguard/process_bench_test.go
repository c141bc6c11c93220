package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"testing"

	"github.com/piiguard/piiguard/internal/testcorpus"
)

// BenchmarkScanCommand runs `piiguard scan` (the command's function, as
// main runs it) over the loghub files, one after another, output
// discarded, on 1 worker and on GOMAXPROCS; MB/s is of input. With
// -cpuprofile it shows where a whole scan spends its time beside the
// engine (reading, cutting, formatting, writing). The whole process,
// start-up included, is bench's BenchmarkProcess.
func BenchmarkScanCommand(b *testing.B) {
	files, err := testcorpus.LoghubFiles("")
	if errors.Is(err, fs.ErrNotExist) {
		b.Skipf("loghub corpus absent: %v", err)
	}
	if err != nil {
		b.Fatal(err)
	}
	var paths []string
	var total int64
	for _, f := range files {
		paths = append(paths, f.Path)
		total += int64(len(f.Data))
	}
	for _, format := range []string{"jsonl", "text", "sarif"} {
		for _, w := range []int{1, 0} {
			name := fmt.Sprintf("%s/workers=%d", format, w)
			if w == 0 {
				name = format + "/workers=default"
			}
			b.Run(name, func(b *testing.B) {
				args := []string{"scan", "--format", format}
				if w > 0 {
					args = append(args, "--workers", fmt.Sprint(w))
				}
				args = append(args, paths...)
				b.SetBytes(total)
				for b.Loop() {
					if code := run(args, os.Stdin, io.Discard, io.Discard); code != exitOK {
						b.Fatalf("exit status %d", code)
					}
				}
			})
		}
	}
}
