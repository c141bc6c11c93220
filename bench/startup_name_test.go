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

// The first scan that meets a name. The Name and Address identifiers load
// their word lists on the first candidate, so a program that scans one line
// with a person's name in it pays for that load on top of its start-up.
// These benchmarks time the same first scan as the start-up ones twice: of
// a line without a Name candidate and of one with a name, and the
// difference is the load.

// firstScanLines are the lines of the first scans: one without a Name
// candidate and one with a name, and what each finds.
var firstScanLines = []struct {
	name, line, want string
}{
	{"no-name", "mail jane@example.com", "EmailAddress"},
	{"name", "Contact: John Smith, 1 Main St", "Name"},
}

// BenchmarkStartupFirstScanProcess: the whole `piiguard scan` process on a
// file of one line, without a name and with one (cpu-ms/op: user and
// system time).
func BenchmarkStartupFirstScanProcess(b *testing.B) {
	buildBinaries(b)
	dir := b.TempDir()
	for _, l := range firstScanLines {
		file := filepath.Join(dir, l.name+".log")
		if err := os.WriteFile(file, []byte(l.line+"\n"), 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run("piiguard-scan/"+l.name, func(b *testing.B) {
			var cpu time.Duration
			for b.Loop() {
				cpu += runProcess(b, binaries.piiguard, "scan", file)
			}
			reportCPU(b, cpu)
		})
	}
}

// wazeroFirstScan loads the WebAssembly module, compiles every managed
// identifier, scans line, checks that it finds one want, and closes.
func wazeroFirstScan(tb testing.TB, path string, opts wasmhost.Options, line, want string) {
	ctx := context.Background()
	m, err := wasmhost.Load(ctx, path, opts)
	if err != nil {
		tb.Fatal(err)
	}
	defer m.Close(ctx)
	s, err := m.Compile(ctx, wasmhost.Config{})
	if err != nil {
		tb.Fatal(err)
	}
	if fs, err := s.ScanString(ctx, line); err != nil || len(fs) != 1 || fs[0].Identifier != want {
		tb.Fatalf("first scan of %q: %v, %v; want one %s", line, fs, err, want)
	}
}

// nodeFirstScan runs a `node` process that loads the WebAssembly module,
// compiles every managed identifier and scans line (checking that it finds
// one want), and returns the wall-clock time from before the load to after
// the scan, measured inside the process, and the process's CPU time.
func nodeFirstScan(tb testing.TB, node, path, line, want string) (inside, cpu time.Duration) {
	module, err := filepath.Abs(filepath.Join("..", "wasm", "js", "node.js"))
	if err != nil {
		tb.Fatal(err)
	}
	script := fmt.Sprintf(`import { load } from %q;
const t0 = performance.now();
const mod = await load({ path: %q });
const found = mod.compile().scan(%q);
if (found.length !== 1 || found[0].identifier !== %q) throw new Error('first scan: ' + JSON.stringify(found));
console.log((performance.now() - t0).toFixed(3));`, "file://"+filepath.ToSlash(module), path, line, want)
	cmd := exec.Command(node, "--no-warnings", "--input-type=module", "-e", script)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		tb.Fatalf("node: %v\n%s", err, stderr.String())
	}
	ms, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
	if err != nil {
		tb.Fatalf("node printed %q", out)
	}
	return time.Duration(ms * float64(time.Millisecond)), cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}

// BenchmarkStartupFirstScanWASM: BenchmarkStartupWASM's time to first scan
// (wazero with a warm compilation cache, interruption off; Node.js, inside
// the process), of a line without a name and of one with a name.
func BenchmarkStartupFirstScanWASM(b *testing.B) {
	path, err := wasmhost.FindModule()
	if err != nil {
		b.Skipf("skipping: %v", err)
	}
	opts := wasmhost.Options{CacheDir: b.TempDir()}
	for _, l := range firstScanLines {
		b.Run("wazero/"+l.name, func(b *testing.B) {
			wazeroFirstScan(b, path, opts, l.line, l.want) // warms the compilation cache
			for b.Loop() {
				wazeroFirstScan(b, path, opts, l.line, l.want)
			}
		})
	}
	node, err := exec.LookPath("node")
	if err != nil {
		b.Skipf("skipping Node.js: node not found: %v", err)
	}
	for _, l := range firstScanLines {
		b.Run("node/"+l.name, func(b *testing.B) {
			var inside time.Duration
			for b.Loop() {
				d, _ := nodeFirstScan(b, node, path, l.line, l.want)
				inside += d
			}
			b.ReportMetric(float64(inside.Microseconds())/1e3/float64(b.N), "ms/first-scan")
		})
	}
}

// TestCPUTimeStartupFirstScanWASM is TestCPUTimeStartupWASM for a line
// without a name and for one with a name: the CPU time to first scan under
// wazero (the calling thread's, warm compilation cache) and the whole node
// process's with the wall-clock time inside it; median, lowest and highest
// of 7 runs, the runs of the two lines alternating. Opt in with
// PIIGUARD_CPUTIME=1 (and make wasm):
//
//	PIIGUARD_CPUTIME=1 go test ./bench -run CPUTimeStartupFirstScanWASM -v
func TestCPUTimeStartupFirstScanWASM(t *testing.T) {
	if os.Getenv("PIIGUARD_CPUTIME") == "" {
		t.Skip("set PIIGUARD_CPUTIME=1")
	}
	path, err := wasmhost.FindModule()
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	const runs = 7
	opts := wasmhost.Options{CacheDir: t.TempDir()}
	wazeroFirstScan(t, path, opts, firstScanLines[0].line, firstScanLines[0].want) // warms the compilation cache
	wazero := make([][]time.Duration, len(firstScanLines))
	for range runs {
		for i, l := range firstScanLines {
			runtime.LockOSThread()
			start := cpuTime()
			wazeroFirstScan(t, path, opts, l.line, l.want)
			wazero[i] = append(wazero[i], cpuTime()-start)
			runtime.UnlockOSThread()
		}
	}
	for i, l := range firstScanLines {
		med, lo, hi := medianSpread(wazero[i])
		t.Logf("wazero, warm cache, %s line: CPU time to first scan %v (%v–%v)", l.name, med.Round(time.Millisecond), lo.Round(time.Millisecond), hi.Round(time.Millisecond))
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skipf("skipping Node.js: %v", err)
	}
	inside := make([][]time.Duration, len(firstScanLines))
	cpu := make([][]time.Duration, len(firstScanLines))
	for range runs {
		for i, l := range firstScanLines {
			d, c := nodeFirstScan(t, node, path, l.line, l.want)
			inside[i] = append(inside[i], d)
			cpu[i] = append(cpu[i], c)
		}
	}
	for i, l := range firstScanLines {
		med, lo, hi := medianSpread(cpu[i])
		imed, ilo, ihi := medianSpread(inside[i])
		t.Logf("node, %s line, whole process: CPU time %v (%v–%v); wall-clock time to first scan inside the process %v (%v–%v)", l.name,
			med.Round(time.Millisecond), lo.Round(time.Millisecond), hi.Round(time.Millisecond),
			imed.Round(time.Millisecond), ilo.Round(time.Millisecond), ihi.Round(time.Millisecond))
	}
}
