package wasmhost

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/internal/cputime"
)

// TestCompareModules measures builds of the module against each other,
// and against native Go, under wazero in one process: for each operation
// (scan, mask) and granularity (a call per file, a call per line, a call
// per batch of 100 lines: ScanBatch and MaskBatch, natively a call per
// line), passes over the loghub corpus alternate between native Go and
// the modules (so that other load on a shared machine falls on each
// alike), timed in CPU time of the calling thread, which runs the module;
// it prints the median and the spread of 7 passes after a warm-up, in MB
// of input per CPU-second, and each module's median as a share of
// native's. The modules are the files in $PIIGUARD_WASM_COMPARE
// (separated by commas); $PIIGUARD_WASM_COMPARE_RUN, if set, keeps only
// the rows whose name ("scan, batches of 100") contains it:
//
//	PIIGUARD_WASM_COMPARE=before.wasm,after.wasm go test -run CompareModules -v ./wasm/wasmhost/
func TestCompareModules(t *testing.T) {
	list := os.Getenv("PIIGUARD_WASM_COMPARE")
	if list == "" {
		t.Skip("set PIIGUARD_WASM_COMPARE=a.wasm,b.wasm")
	}
	only := os.Getenv("PIIGUARD_WASM_COMPARE_RUN")
	files := loghub(t)
	total := 0
	var perFile, perLine [][]byte
	for _, n := range sortedNames(files) {
		f := files[n]
		total += len(f)
		perFile = append(perFile, f)
		perLine = append(perLine, bytes.SplitAfter(f, []byte("\n"))...)
	}
	var batches [][][]byte
	for i := 0; i < len(perLine); i += 100 {
		batches = append(batches, perLine[i:min(i+100, len(perLine))])
	}
	ctx := context.Background()
	paths := strings.Split(list, ",")
	scanners := make([]*Scanner, len(paths))
	for i, p := range paths {
		m, err := Load(ctx, p, Options{CacheDir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { m.Close(ctx) })
		if scanners[i], err = m.Compile(ctx, Config{}); err != nil {
			t.Fatal(err)
		}
	}
	native, err := piiguard.NewScanner(piiguard.Config{})
	if err != nil {
		t.Fatal(err)
	}
	check := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	// pass returns one pass of op at granularity gran: natively when s is
	// nil, else with the module's scanner s.
	pass := func(s *Scanner, op, gran string) func() {
		var buf []byte
		var findings []piiguard.Finding
		one := func(in []byte) {
			var err error
			switch {
			case s == nil && op == "scan":
				findings = native.AppendFindings(findings[:0], in)
			case s == nil:
				buf = native.AppendMask(buf[:0], in)
			case op == "scan":
				_, err = s.Scan(ctx, in)
			default:
				buf, err = s.AppendMask(ctx, buf[:0], in)
			}
			check(err)
		}
		each := func(inputs [][]byte) func() {
			return func() {
				for _, in := range inputs {
					one(in)
				}
			}
		}
		switch {
		case gran == "per file":
			return each(perFile)
		case gran == "per line" || s == nil:
			return each(perLine)
		case op == "scan":
			return func() {
				for _, b := range batches {
					_, err := s.ScanBatch(ctx, b)
					check(err)
				}
			}
		default:
			return func() {
				for _, b := range batches {
					_, err := s.MaskBatch(ctx, b)
					check(err)
				}
			}
		}
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	const passes = 7
	names := append([]string{"native"}, paths...)
	for _, gran := range []string{"per file", "per line", "batches of 100"} {
		for _, op := range []string{"scan", "mask"} {
			row := op + ", " + gran
			if !strings.Contains(row, only) {
				continue
			}
			runs := []func(){pass(nil, op, gran)}
			for _, s := range scanners {
				runs = append(runs, pass(s, op, gran))
			}
			times := make([][]time.Duration, len(runs))
			for p := 0; p <= passes; p++ {
				for i, run := range runs {
					if d := cputime.Of(run); p > 0 { // the first warms up
						times[i] = append(times[i], d)
					}
				}
			}
			rate := func(d time.Duration) float64 { return float64(total) / 1e6 / d.Seconds() }
			var nativeRate float64
			for i, name := range names {
				slices.Sort(times[i])
				med := rate(times[i][passes/2])
				if i == 0 {
					nativeRate = med
					t.Logf("%s: %s: %.1f MB/CPU-s (%.1f–%.1f)", row, name, med, rate(times[i][passes-1]), rate(times[i][0]))
					continue
				}
				t.Logf("%s: %s: %.1f MB/CPU-s (%.1f–%.1f), %.0f%% of native", row, name, med, rate(times[i][passes-1]), rate(times[i][0]), 100*med/nativeRate)
			}
		}
	}
}

// TestScanPasses runs $PIIGUARD_WASM_PASSES passes of ScanBatch over the
// loghub corpus in batches of 100 lines with the module $PIIGUARD_WASM
// (natively, a scan per line, when it is "native"), and nothing else: for
// counting instructions, which other load does not disturb, as the
// difference between two numbers of passes under valgrind (a warm
// compilation cache keeps the module's compilation out of it):
//
//	go test -c -o wh.test ./wasm/wasmhost
//	PIIGUARD_WASM_PASSES=2 PIIGUARD_WASM=m.wasm valgrind --tool=cachegrind --cache-sim=no --smc-check=all-non-file ./wh.test -test.run ScanPasses
func TestScanPasses(t *testing.T) {
	n, err := strconv.Atoi(os.Getenv("PIIGUARD_WASM_PASSES"))
	if err != nil {
		t.Skip("set PIIGUARD_WASM_PASSES=n")
	}
	files := loghub(t)
	var lines [][]byte
	for _, name := range sortedNames(files) {
		lines = append(lines, bytes.SplitAfter(files[name], []byte("\n"))...)
	}
	if os.Getenv(ModulePathEnv) == "native" {
		s, err := piiguard.NewScanner(piiguard.Config{})
		if err != nil {
			t.Fatal(err)
		}
		var f []piiguard.Finding
		for range n {
			for _, l := range lines {
				f = s.AppendFindings(f[:0], l)
			}
		}
		return
	}
	path, err := FindModule()
	if err != nil {
		t.Skip(err)
	}
	ctx := context.Background()
	dir, err := os.UserCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	m, err := Load(ctx, path, Options{CacheDir: filepath.Join(dir, "piiguard", "wazero-passes")})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close(ctx)
	s, err := m.Compile(ctx, Config{})
	if err != nil {
		t.Fatal(err)
	}
	for range n {
		for i := 0; i < len(lines); i += 100 {
			if _, err := s.ScanBatch(ctx, lines[i:min(i+100, len(lines))]); err != nil {
				t.Fatal(err)
			}
		}
	}
}
