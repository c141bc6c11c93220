package bench

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/internal/testcorpus"
	"github.com/piiguard/piiguard/wasm/wasmhost"
)

// TestCPUTimeWASMThroughput: the module's throughput under wazero beside
// native Go's, in MB of input per CPU-second of the calling thread
// (wazero runs the module on it), which other load on a shared machine
// disturbs far less than the wall-clock time: scan and mask of the loghub
// files, one call per file, one call per line and one call per batch of
// 100 lines (ScanBatch, MaskBatch: natively, a call per line), every
// managed identifier; median of 5 passes after a warm-up pass, and the wazero to
// native ratio (issue 14's target: ≥ 30%). Opt in with PIIGUARD_CPUTIME=1
// (and make wasm):
//
//	PIIGUARD_CPUTIME=1 go test ./bench -run CPUTimeWASMThroughput -v
func TestCPUTimeWASMThroughput(t *testing.T) {
	if os.Getenv("PIIGUARD_CPUTIME") == "" {
		t.Skip("set PIIGUARD_CPUTIME=1")
	}
	path, err := wasmhost.FindModule()
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	files, err := testcorpus.LoghubFiles("")
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("loghub corpus absent: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	var perFile, perLine [][]byte
	var batches [][][]byte
	total := 0
	for _, f := range files {
		perFile = append(perFile, f.Data)
		perLine = append(perLine, bytes.SplitAfter(f.Data, []byte("\n"))...)
		total += len(f.Data)
	}
	for i := 0; i < len(perLine); i += 100 {
		batches = append(batches, perLine[i:min(i+100, len(perLine))])
	}
	ctx := context.Background()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	m, err := wasmhost.Load(ctx, path, wasmhost.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close(ctx)
	ws, err := m.Compile(ctx, wasmhost.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ns, err := piiguard.NewScanner(piiguard.Config{})
	if err != nil {
		t.Fatal(err)
	}
	check := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	type op struct {
		name         string
		native, wasm func([]byte)
	}
	ops := []op{
		{"scan", func(b []byte) { ns.Scan(b) }, func(b []byte) { _, err := ws.Scan(ctx, b); check(err) }},
		{"mask", func(b []byte) { ns.Mask(b) }, func(b []byte) { _, err := ws.Mask(ctx, b); check(err) }},
	}
	rate := func(pass func()) float64 {
		times := make([]time.Duration, 6)
		for i := range times {
			start := cpuTime()
			pass()
			times[i] = cpuTime() - start
		}
		med, _, _ := medianSpread(times[1:]) // the first warms up
		return float64(total) / 1e6 / med.Seconds()
	}
	each := func(fn func([]byte), inputs [][]byte) func() {
		return func() {
			for _, in := range inputs {
				fn(in)
			}
		}
	}
	t.Logf("loghub: %d files, %d lines, %.2f MB; MB per CPU-second, median of 5 passes", len(perFile), len(perLine), float64(total)/1e6)
	for _, o := range ops {
		for _, g := range []struct {
			name   string
			inputs [][]byte
		}{{"per file", perFile}, {"per line", perLine}} {
			native, wasm := rate(each(o.native, g.inputs)), rate(each(o.wasm, g.inputs))
			t.Logf("%s, %s: native %.1f, wazero %.1f: %.0f%% of native", o.name, g.name, native, wasm, 100*wasm/native)
		}
	}
	for _, o := range []struct {
		name         string
		native, wasm func()
	}{
		{"scan", each(func(b []byte) { ns.Scan(b) }, perLine), func() {
			for _, b := range batches {
				_, err := ws.ScanBatch(ctx, b)
				check(err)
			}
		}},
		{"mask", each(func(b []byte) { ns.Mask(b) }, perLine), func() {
			for _, b := range batches {
				_, err := ws.MaskBatch(ctx, b)
				check(err)
			}
		}},
	} {
		native, wasm := rate(o.native), rate(o.wasm)
		t.Logf("%s, per line in batches of 100: native (a call per line) %.1f, wazero %.1f: %.0f%% of native", o.name, native, wasm, 100*wasm/native)
	}
}
