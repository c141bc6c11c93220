package bench

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/piiguard/piiguard/wasm/wasmhost"
)

// TestCPUTimeStartupWASM: the CPU time of a WebAssembly time to first scan
// (load the module, compile every managed identifier, scan one line), as
// BenchmarkStartupWASM does it, which other load on a shared machine
// disturbs far less than the wall-clock time: under wazero, the calling
// thread's CPU time with a warm compilation cache; under Node.js, the
// whole `node` process's (user and system, every thread: V8 compiles and
// optimises on threads of its own), beside the wall-clock time from
// before loading the module to after the first scan, measured inside the
// process. Median, lowest and highest of 7 runs. Opt in with
// PIIGUARD_CPUTIME=1 (and make wasm):
//
//	PIIGUARD_CPUTIME=1 go test ./bench -run CPUTimeStartupWASM -v
func TestCPUTimeStartupWASM(t *testing.T) {
	if os.Getenv("PIIGUARD_CPUTIME") == "" {
		t.Skip("set PIIGUARD_CPUTIME=1")
	}
	path, err := wasmhost.FindModule()
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	const runs = 7
	ctx := context.Background()
	cache := t.TempDir()
	for _, w := range []struct {
		name string
		opts wasmhost.Options
	}{
		{"wazero", wasmhost.Options{CacheDir: cache}},
		{"wazero-interrupt", wasmhost.Options{CacheDir: cache, Interrupt: true}},
	} {
		firstScan := func() time.Duration {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			start := cpuTime()
			m, err := wasmhost.Load(ctx, path, w.opts)
			if err != nil {
				t.Fatal(err)
			}
			defer m.Close(ctx)
			s, err := m.Compile(ctx, wasmhost.Config{})
			if err != nil {
				t.Fatal(err)
			}
			if fs, err := s.ScanString(ctx, "mail jane@example.com"); err != nil || len(fs) != 1 {
				t.Fatalf("first scan: %v, %v", fs, err)
			}
			return cpuTime() - start
		}
		firstScan() // warms the compilation cache
		times := make([]time.Duration, runs)
		for i := range times {
			times[i] = firstScan()
		}
		med, lo, hi := medianSpread(times)
		t.Logf("%s, warm cache: CPU time to first scan %v (%v–%v)", w.name, med.Round(time.Millisecond), lo.Round(time.Millisecond), hi.Round(time.Millisecond))
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skipf("skipping Node.js: %v", err)
	}
	module, err := filepath.Abs(filepath.Join("..", "wasm", "js", "node.js"))
	if err != nil {
		t.Fatal(err)
	}
	script := fmt.Sprintf(`import { load } from %q;
const t0 = performance.now();
const mod = await load({ path: %q });
const found = mod.compile().scan('mail jane@example.com');
if (found.length !== 1) throw new Error('first scan: ' + JSON.stringify(found));
console.log((performance.now() - t0).toFixed(3));`, "file://"+filepath.ToSlash(module), path)
	cpu := make([]time.Duration, runs)
	inside := make([]time.Duration, runs)
	for i := range cpu {
		cmd := exec.Command(node, "--no-warnings", "--input-type=module", "-e", script)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("node: %v\n%s", err, stderr.String())
		}
		ms, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
		if err != nil {
			t.Fatalf("node printed %q", out)
		}
		inside[i] = time.Duration(ms * float64(time.Millisecond))
		cpu[i] = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	med, lo, hi := medianSpread(cpu)
	imed, ilo, ihi := medianSpread(inside)
	t.Logf("node, whole process: CPU time %v (%v–%v); wall-clock time to first scan inside the process %v (%v–%v)",
		med.Round(time.Millisecond), lo.Round(time.Millisecond), hi.Round(time.Millisecond),
		imed.Round(time.Millisecond), ilo.Round(time.Millisecond), ihi.Round(time.Millisecond))
}
