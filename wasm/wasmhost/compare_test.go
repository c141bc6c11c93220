package wasmhost

import (
	"bytes"
	"context"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/piiguard/piiguard/internal/cputime"
)

// TestCompareModules measures builds of the module against each other
// under wazero in one process: for each operation and granularity, passes
// over the loghub corpus alternate between the modules (so that other
// load on a shared machine falls on each alike), timed in CPU time of the
// calling thread, which runs the module; it prints the median and the
// spread of 7 passes after a warm-up, in MB of input per CPU-second. The
// modules are the files in $PIIGUARD_WASM_COMPARE (separated by
// commas):
//
//	PIIGUARD_WASM_COMPARE=before.wasm,after.wasm go test -run CompareModules -v ./wasm/wasmhost/
func TestCompareModules(t *testing.T) {
	list := os.Getenv("PIIGUARD_WASM_COMPARE")
	if list == "" {
		t.Skip("set PIIGUARD_WASM_COMPARE=a.wasm,b.wasm")
	}
	files := loghub(t)
	total := 0
	var perFile, perLine [][]byte
	for _, n := range sortedNames(files) {
		f := files[n]
		total += len(f)
		perFile = append(perFile, f)
		perLine = append(perLine, bytes.SplitAfter(f, []byte("\n"))...)
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
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	const passes = 7
	for _, g := range []struct {
		name   string
		inputs [][]byte
	}{{"per file", perFile}, {"per line", perLine}} {
		for _, op := range []string{"scan", "mask"} {
			times := make([][]time.Duration, len(paths))
			var buf []byte
			for pass := 0; pass <= passes; pass++ {
				for i, s := range scanners {
					d := cputime.Of(func() {
						for _, in := range g.inputs {
							var err error
							if op == "scan" {
								_, err = s.Scan(ctx, in)
							} else {
								buf, err = s.AppendMask(ctx, buf[:0], in)
							}
							if err != nil {
								t.Fatal(err)
							}
						}
					})
					if pass > 0 { // the first warms up
						times[i] = append(times[i], d)
					}
				}
			}
			for i, p := range paths {
				slices.Sort(times[i])
				rate := func(d time.Duration) float64 { return float64(total) / 1e6 / d.Seconds() }
				t.Logf("%s, %s: %s: %.1f MB/CPU-s (%.1f–%.1f)", op, g.name, p, rate(times[i][passes/2]), rate(times[i][passes-1]), rate(times[i][0]))
			}
		}
	}
}
