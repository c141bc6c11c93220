package piiguardprocessor

import (
	"os"
	"runtime"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/piiguard/piiguard/mask"
)

// processCPU returns the CPU time of the process so far: the scanning
// goroutine's and the garbage collector's, which other load on a shared
// machine disturbs far less than wall-clock time.
func processCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// cpuRounds is how many rounds TestCPUTimeRatio alternates.
const cpuRounds = 9

// TestCPUTimeRatio measures, in CPU time, the processor's throughput on
// the loghub lines (string bodies, batches of benchBatch) beside the
// library's on the same lines (mask.AppendMasked with the same Scanner,
// as `piiguard mask` masks them), alternating the two for cpuRounds
// rounds, with GOMAXPROCS=1 so that one core does all the work; it logs
// the medians and the spread of the per-round ratio, and fails when the
// median ratio is below 0.8 (the target). Opt in, it takes a minute:
//
//	PIIGUARD_CPUTIME=1 GOMAXPROCS=1 go test ./piiguardprocessor/ -run CPUTimeRatio -v
func TestCPUTimeRatio(t *testing.T) {
	if os.Getenv("PIIGUARD_CPUTIME") == "" {
		t.Skip("set PIIGUARD_CPUTIME=1")
	}
	c := loghub(t)
	e, err := newEngine(&Config{})
	if err != nil {
		t.Fatal(err)
	}
	size := c.Bytes()
	for _, attr := range []bool{false, true} {
		r := newReplay(e, c.Lines, attr)
		library := func() time.Duration {
			var dst []byte
			runtime.GC()
			t0 := processCPU()
			for _, l := range c.Lines {
				dst = mask.AppendMasked(dst[:0], l, e.scanner, e.masker)
			}
			return processCPU() - t0
		}
		processor := func() time.Duration {
			r.refill()
			runtime.GC() // the copies' garbage is not the processor's
			t0 := processCPU()
			r.process(t)
			return processCPU() - t0
		}
		library() // warm up
		processor()
		var lib, proc, ratio []float64
		for range cpuRounds {
			l, pr := library().Seconds(), processor().Seconds()
			lib, proc, ratio = append(lib, l), append(proc, pr), append(ratio, l/pr)
		}
		slices.Sort(lib)
		slices.Sort(proc)
		slices.Sort(ratio)
		med := func(x []float64) float64 { return x[len(x)/2] }
		name := "string bodies"
		if attr {
			name = "string bodies + log.file.name attribute"
		}
		mb := float64(size) / 1e6
		n := float64(len(c.Lines))
		t.Logf("%s: %d records, %.1f MB", name, len(c.Lines), mb)
		t.Logf("  library   %6.1f MB/cpu-s %8.0f records/cpu-s", mb/med(lib), n/med(lib))
		t.Logf("  processor %6.1f MB/cpu-s %8.0f records/cpu-s", mb/med(proc), n/med(proc))
		t.Logf("  processor/library: median %.2f (min %.2f, max %.2f, %d rounds)", med(ratio), ratio[0], ratio[len(ratio)-1], cpuRounds)
		if !attr && med(ratio) < 0.8 {
			t.Errorf("the processor runs at %.2f of the library's throughput, below the 0.8 target", med(ratio))
		}
	}
}
