package bench

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/trace"
	"slices"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/internal/testcorpus"
	"github.com/piiguard/piiguard/mask"
)

// BenchmarkMaskLines: piiguard.Scanner.MaskLines (every managed
// identifier) over the loghub files, one after another as one stream, on
// 1, 2 and 4 workers; "mask" writes the masked text, "scan" also passes
// each line's findings to a Segment callback, and "report" only passes
// them (LinesOptions.ReportOnly: nothing masked), as `piiguard scan` does. An
// op is one pass over the corpus; MB/s is of input, newlines included.
// Issue 14's target: 2 workers ≥ 1.8× one (compare with
// BenchmarkControlGoroutines in the same run: the machine's own scaling).
func BenchmarkMaskLines(b *testing.B) {
	files := 0 // every file
	if smoke() {
		files = 2
	}
	in, s := linesInput(b, files)
	for _, mode := range []string{"mask", "scan", "report"} {
		for _, w := range Goroutines {
			b.Run(fmt.Sprintf("%s/workers=%d", mode, w), func(b *testing.B) {
				opts := piiguard.LinesOptions{Workers: w}
				found := 0
				if mode != "mask" {
					opts.Segment = func(sg *mask.Segment) error {
						found += len(sg.Findings)
						return nil
					}
					opts.ReportOnly = mode == "report"
				}
				b.SetBytes(int64(len(in)))
				b.ReportAllocs()
				for b.Loop() {
					found = 0
					if err := s.MaskLines(context.Background(), io.Discard, bytes.NewReader(in), opts); err != nil {
						b.Fatal(err)
					}
				}
				if mode != "mask" {
					b.ReportMetric(float64(found), "findings/op")
				}
			})
		}
	}
}

// TestLinesScaling measures MaskLines' scaling from one worker to two on
// a shared machine: one pass over the loghub files with 1 worker, then one
// with 2, then the control loop of BenchmarkControlGoroutines on 1 and 2
// goroutines, 21 times in turn; it reports the median of the pairs' ratios
// (wall-clock time of 1 over 2), over every pair and over the pairs whose
// control scaled by 1.9× or more (the second core was free), and the CPU
// time two workers spend on a pass over what one spends (the parallel
// path's overhead, which bounds the scaling on free cores). Issue 14's
// target: two workers ≥ 1.8× one. It measures "report" (findings only,
// passed to a Segment callback) and "format" (findings only, formatted on
// the workers by LinesOptions.Format, as `piiguard scan` does);
// PIIGUARD_SCALING=all adds "mask" and "scan" of BenchmarkMaskLines. Opt
// in with PIIGUARD_SCALING=1:
//
//	PIIGUARD_SCALING=1 go test ./bench -run LinesScaling -v
func TestLinesScaling(t *testing.T) {
	if os.Getenv("PIIGUARD_SCALING") == "" {
		t.Skip("set PIIGUARD_SCALING=1")
	}
	in, s := linesInput(t, 0)
	timed := func(fn func()) time.Duration {
		start := time.Now()
		fn()
		return time.Since(start)
	}
	pass := func(mode string, workers int) time.Duration {
		opts := piiguard.LinesOptions{Workers: workers}
		switch mode {
		case "format":
			opts.ReportOnly = true
			opts.Format = func() func([]byte, *mask.Segment) []byte {
				return func(buf []byte, sg *mask.Segment) []byte { return append(buf, byte(len(sg.Findings))) }
			}
		case "scan", "report":
			opts.Segment = func(*mask.Segment) error { return nil }
			opts.ReportOnly = mode == "report"
		}
		return timed(func() {
			if err := s.MaskLines(context.Background(), io.Discard, bytes.NewReader(in), opts); err != nil {
				t.Fatal(err)
			}
		})
	}
	// "format" is what `piiguard scan` does; PIIGUARD_SCALING=all also
	// measures "mask" and "scan" (findings passed on, text masked).
	modes := []string{"report", "format"}
	if os.Getenv("PIIGUARD_SCALING") == "all" {
		modes = []string{"mask", "scan", "report", "format"}
	}
	control := func(g int) time.Duration {
		const work = 1 << 25
		return timed(func() { controlPass(work, g) })
	}
	for _, mode := range modes {
		pass(mode, 1) // warm up
		var all, quiet []float64
		var cpu [3]time.Duration // of the passes with 1 and 2 workers
		for range 21 {
			c0 := processCPU()
			one := pass(mode, 1)
			c1 := processCPU()
			two := pass(mode, 2)
			cpu[1] += c1 - c0
			cpu[2] += processCPU() - c1
			k1, k2 := control(1), control(2)
			r := float64(one) / float64(two)
			all = append(all, r)
			if float64(k1)/float64(k2) >= 1.9 {
				quiet = append(quiet, r)
			}
		}
		t.Logf("%s: 2 workers over 1: median %.2f× of %d pairs (%.2f–%.2f); %s of %d pairs whose control scaled ≥ 1.9×; CPU time of a pass with 2 workers over one with 1: %.2f",
			mode, median(all), len(all), slices.Min(all), slices.Max(all), medianOrNone(quiet), len(quiet), float64(cpu[2])/float64(cpu[1]))
	}
}

// processCPU returns the CPU time of the process (every thread), from
// clock_gettime(CLOCK_PROCESS_CPUTIME_ID): exact, where getrusage counts
// in scheduler ticks.
func processCPU() time.Duration {
	var ts syscall.Timespec
	const clockProcessCPUTime = 2
	if _, _, errno := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockProcessCPUTime, uintptr(unsafe.Pointer(&ts)), 0); errno == 0 {
		return time.Duration(ts.Nano())
	}
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func median(x []float64) float64 {
	s := slices.Clone(x)
	slices.Sort(s)
	return s[len(s)/2]
}

func medianOrNone(x []float64) string {
	if len(x) == 0 {
		return "none"
	}
	return fmt.Sprintf("median %.2f×", median(x))
}

// TestLinesTrace writes a runtime trace of five MaskLines passes over the
// loghub files on 2 workers in report mode, as TestLinesScaling's (a
// Segment callback) and as `piiguard scan`'s (a Format on the workers), to
// $PIIGUARD_SCALING_TRACE-segment.trace and -format.trace, and logs their
// wall-clock time. Where the goroutines waited (workers for a batch, the
// reader for room to read ahead, the writer for the oldest batch) does
// not depend on other load as wall-clock ratios do:
//
//	PIIGUARD_SCALING_TRACE=/tmp/lines go test ./bench -run LinesTrace -v
//	go tool trace -pprof=sync /tmp/lines-segment.trace > /tmp/sync.pprof
//	go tool pprof -top -lines /tmp/sync.pprof
func TestLinesTrace(t *testing.T) {
	out := os.Getenv("PIIGUARD_SCALING_TRACE")
	if out == "" {
		t.Skip("set PIIGUARD_SCALING_TRACE=/path/prefix")
	}
	in, s := linesInput(t, 0)
	for _, mode := range []string{"segment", "format"} {
		opts := piiguard.LinesOptions{Workers: 2, ReportOnly: true}
		if mode == "segment" {
			opts.Segment = func(*mask.Segment) error { return nil }
		} else {
			opts.Format = func() func([]byte, *mask.Segment) []byte {
				return func(buf []byte, sg *mask.Segment) []byte { return append(buf, byte(len(sg.Findings))) }
			}
		}
		pass := func() {
			if err := s.MaskLines(context.Background(), io.Discard, bytes.NewReader(in), opts); err != nil {
				t.Fatal(err)
			}
		}
		pass() // warm up
		f, err := os.Create(out + "-" + mode + ".trace")
		if err != nil {
			t.Fatal(err)
		}
		if err := trace.Start(f); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		for range 5 {
			pass()
		}
		wall := time.Since(start)
		trace.Stop()
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: 5 passes in %v; trace in %s", mode, wall, f.Name())
	}
}

// linesInput returns the loghub files joined (the first n, or all when n is
// 0) and a Scanner of every managed identifier; it skips tb when the corpus
// is absent.
func linesInput(tb testing.TB, n int) ([]byte, *piiguard.Scanner) {
	tb.Helper()
	files, err := testcorpus.LoghubFiles("")
	if errors.Is(err, fs.ErrNotExist) {
		tb.Skipf("loghub corpus absent: %v", err)
	}
	if err != nil {
		tb.Fatal(err)
	}
	if n > 0 {
		files = files[:min(n, len(files))]
	}
	var in []byte
	for _, f := range files {
		in = append(in, f.Data...)
	}
	s, err := piiguard.NewScanner(piiguard.Config{})
	if err != nil {
		tb.Fatal(err)
	}
	return in, s
}
