package wasmhost

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"testing"
	"time"
)

func BenchmarkScanLine(b *testing.B) {
	p := newPair(b, Config{})
	line := []byte(syntheticCorpus(5, 1)[0])
	ctx := context.Background()
	b.Run("native", func(b *testing.B) {
		for b.Loop() {
			p.native.Scan(line)
		}
	})
	b.Run("wazero", func(b *testing.B) {
		for b.Loop() {
			if _, err := p.wasm.Scan(ctx, line); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkThroughput scans and masks the loghub corpus with every managed
// identifier, natively and with the module under wazero (with and without
// interruption, see Options.Interrupt), one call per file and one call
// per line; MB/s is of input.
func BenchmarkThroughput(b *testing.B) {
	files := loghub(b)
	var total int64
	var perFile, perLine [][]byte
	for _, n := range sortedNames(files) {
		f := files[n]
		total += int64(len(f))
		perFile = append(perFile, f)
		perLine = append(perLine, bytes.SplitAfter(f, []byte("\n"))...)
	}
	native := newPair(b, Config{})
	interrupt := newPairOn(b, loadModule(b), Config{})
	ctx := context.Background()
	for _, gran := range []struct {
		name   string
		inputs [][]byte
	}{{"file", perFile}, {"line", perLine}} {
		for _, op := range []string{"scan", "mask"} {
			b.Run(op+"/"+gran.name+"/native", func(b *testing.B) {
				b.SetBytes(total)
				var buf []byte
				for _, in := range gran.inputs { // warm up (lazily built automata)
					native.native.Scan(in)
				}
				for b.Loop() {
					for _, in := range gran.inputs {
						if op == "scan" {
							native.native.Scan(in)
						} else {
							buf = native.native.AppendMask(buf[:0], in)
						}
					}
				}
			})
			for _, w := range []struct {
				name string
				s    *Scanner
			}{{"wazero", native.wasm}, {"wazero-interrupt", interrupt.wasm}} {
				b.Run(op+"/"+gran.name+"/"+w.name, func(b *testing.B) {
					b.SetBytes(total)
					var buf []byte
					for _, in := range gran.inputs { // warm up (one instance)
						if _, err := w.s.Scan(ctx, in); err != nil {
							b.Fatal(err)
						}
					}
					for b.Loop() {
						for _, in := range gran.inputs {
							var err error
							if op == "scan" {
								_, err = w.s.Scan(ctx, in)
							} else {
								buf, err = w.s.AppendMask(ctx, buf[:0], in)
							}
							if err != nil {
								b.Fatal(err)
							}
						}
					}
				})
			}
		}
	}
}

// TestThroughputReport prints the throughput table of wasm/BENCH.md: the
// best of 5 passes over the loghub corpus for each runtime, operation and
// granularity (best, not mean: the machine is shared). It runs only with
// PIIGUARD_WASM_BENCH=1:
//
//	PIIGUARD_WASM_BENCH=1 go test -run ThroughputReport -v ./wasm/wasmhost/
func TestThroughputReport(t *testing.T) {
	if os.Getenv("PIIGUARD_WASM_BENCH") == "" {
		t.Skip("set PIIGUARD_WASM_BENCH=1 to measure")
	}
	files := loghub(t)
	var total int
	var perFile, perLine [][]byte
	for _, n := range sortedNames(files) {
		f := files[n]
		total += len(f)
		perFile = append(perFile, f)
		perLine = append(perLine, bytes.SplitAfter(f, []byte("\n"))...)
	}
	fast := newPair(t, Config{})
	interrupt := newPairOn(t, loadModule(t), Config{})
	ctx := context.Background()
	type runner struct {
		name       string
		scan, mask func([]byte)
	}
	runners := []runner{
		{"native", func(b []byte) { fast.native.Scan(b) }, func(b []byte) { fast.native.Mask(b) }},
		{"wazero (default)", func(b []byte) { fast.wasm.Scan(ctx, b) }, func(b []byte) { fast.wasm.Mask(ctx, b) }},
		{"wazero (Interrupt)", func(b []byte) { interrupt.wasm.Scan(ctx, b) }, func(b []byte) { interrupt.wasm.Mask(ctx, b) }},
	}
	t.Logf("corpus: %d files, %d lines, %.2f MB", len(perFile), len(perLine), float64(total)/1e6)
	for _, r := range runners {
		row := r.name
		for _, g := range []struct {
			inputs [][]byte
			fn     func([]byte)
		}{{perFile, r.scan}, {perFile, r.mask}, {perLine, r.scan}, {perLine, r.mask}} {
			best := time.Duration(1 << 62)
			for pass := 0; pass < 6; pass++ { // the first warms up
				t0 := time.Now()
				for _, in := range g.inputs {
					g.fn(in)
				}
				if d := time.Since(t0); pass > 0 && d < best {
					best = d
				}
			}
			row += fmt.Sprintf(" | %.1f", float64(total)/1e6/best.Seconds())
		}
		t.Logf("| %s |", row)
	}
}
