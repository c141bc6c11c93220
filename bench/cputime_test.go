package bench

import (
	"os"
	"runtime"
	"slices"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/internal/testcorpus"
)

// cpuTime returns the CPU time of the calling thread (lock it).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_THREAD, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// medianSpread returns the median, lowest and highest of times (sorted in
// place).
func medianSpread(times []time.Duration) (median, lo, hi time.Duration) {
	slices.Sort(times)
	return times[len(times)/2], times[0], times[len(times)-1]
}

// The CPU-time measurements: throughput in MB per CPU-second of the
// scanning thread (getrusage), which other load on a shared machine
// disturbs far less than the wall-clock time go test -bench reports. Opt
// in with PIIGUARD_CPUTIME=1:
//
//	PIIGUARD_CPUTIME=1 go test ./bench -run CPUTime -v
//
// PIIGUARD_CPUTIME_SIZE=N restricts TestCPUTimeInputSize to one size.

// TestCPUTimeCorpora: the detector, full and core catalog, on each corpus.
func TestCPUTimeCorpora(t *testing.T) {
	if os.Getenv("PIIGUARD_CPUTIME") == "" {
		t.Skip("set PIIGUARD_CPUTIME=1")
	}
	setup(t)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	ds := map[string]*detector.Detector{"full": det}
	cd, _ := detector.Compile(testcorpus.CoreIdentifiers())
	ds["core"] = cd
	for _, name := range []string{"full", "core"} {
		d := ds[name]
		for ci, c := range corpora {
			if c == nil {
				continue
			}
			var fs []detector.Finding
			for _, l := range c.Lines { // warm up
				fs = d.AppendFindings(fs[:0], l)
			}
			times := make([]time.Duration, 5)
			for i := range times {
				t0 := cpuTime()
				for _, l := range c.Lines {
					fs = d.AppendFindings(fs[:0], l)
				}
				times[i] = cpuTime() - t0
			}
			med, lo, hi := medianSpread(times)
			mb := float64(c.Bytes()) / 1e6
			t.Logf("%s %-16s %6.1f MB/cpu-s (median of %d; %.1f–%.1f)", name, corpusNames[ci], mb/med.Seconds(), len(times),
				mb/hi.Seconds(), mb/lo.Seconds())
		}
	}
}

// TestCPUTimeInputSize: one call over texts of each size.
func TestCPUTimeInputSize(t *testing.T) {
	if os.Getenv("PIIGUARD_CPUTIME") == "" {
		t.Skip("set PIIGUARD_CPUTIME=1")
	}
	setup(t)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	sizes := InputSizes
	if v := os.Getenv("PIIGUARD_CPUTIME_SIZE"); v != "" {
		n, _ := strconv.Atoi(v)
		sizes = []int{n}
	}
	c := corpora[0]
	if c == nil {
		c = corpora[1]
	}
	stream := textOf(c, 16<<20)
	for _, n := range sizes {
		texts := sizedTexts(stream, c, n)
		var fs []detector.Finding
		fs = det.AppendFindings(fs[:0], texts[0])
		reps := max(1, (40<<20)/n)
		times := make([]time.Duration, 3)
		for i := range times {
			t0 := cpuTime()
			for r := range reps {
				fs = det.AppendFindings(fs[:0], texts[r%len(texts)])
			}
			times[i] = (cpuTime() - t0) / time.Duration(reps)
		}
		med, lo, hi := medianSpread(times)
		mb := float64(n) / 1e6
		t.Logf("%-6s %6.1f MB/cpu-s (median of %d; %.1f–%.1f)", sizeName(n), mb/med.Seconds(), len(times), mb/hi.Seconds(), mb/lo.Seconds())
	}
}
