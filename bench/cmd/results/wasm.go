package main

import (
	"fmt"
	"io"
)

// The WebAssembly throughput benchmark (bench/wasm_throughput_test.go):
// the module under wazero and Node.js beside native Go, in the same run.

// wasmModes are its inputs: a call per file, and batches of 100 lines.
var wasmModes = []struct{ corpus, label string }{
	{"per-file", "scan, a call per file"},
	{"batches", "scan, batches of 100 lines (natively a call per line)"},
}

// wasmHosts are its runtimes and the share of native each should reach
// (issue 14, per file).
var wasmHosts = []struct {
	name, label string
	target      float64
}{
	{"wazero", "wazero (wasm/wasmhost, default options)", 0.30},
	{"node", "Node.js (wasm/js)", 0.50},
}

func writeWASMThroughput(w io.Writer, res *results) {
	wrote := false
	for _, m := range wasmModes {
		native := findRow(res, "WASMThroughput", "native/"+m.corpus)
		if native == nil {
			continue
		}
		nm, _ := native.median("MB/s")
		rows := []struct {
			label string
			r     *row
		}{{"native Go", native}}
		for _, h := range wasmHosts {
			if r := findRow(res, "WASMThroughput", h.name+"/"+m.corpus); r != nil {
				rows = append(rows, struct {
					label string
					r     *row
				}{h.label, r})
			}
		}
		if !wrote {
			fmt.Fprintln(w, "## WebAssembly throughput")
			fmt.Fprintln(w)
			fmt.Fprintln(w, "BenchmarkWASMThroughput: scans of the loghub files with every managed identifier, natively and by")
			fmt.Fprintln(w, "wasm/piiguard.wasm in the same run; MB/s of input, median and range of the runs, and the share of native.")
			fmt.Fprintln(w, "Why the module is slower, phase by phase: wasm/BENCH.md.")
			fmt.Fprintln(w)
			fmt.Fprintln(w, "| input | runtime | MB/s | range | of native | runs |")
			fmt.Fprintln(w, "|---|---|---:|---:|---:|---:|")
			wrote = true
		}
		for _, x := range rows {
			v, _ := x.r.median("MB/s")
			lo, hi := x.r.span("MB/s")
			share := "–"
			if x.r != native && nm > 0 {
				share = fmt.Sprintf("%.0f%%", 100*v/nm)
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s–%s | %s | %d |\n", m.label, x.label, num(v), num(lo), num(hi), share, len(x.r.samples))
		}
	}
	if wrote {
		fmt.Fprintln(w)
	}
}

// wasmTargets are the WebAssembly throughput targets: per file, each
// runtime's median against native's.
func wasmTargets(res *results, check func(bool) string) []target {
	native := findRow(res, "WASMThroughput", "native/per-file")
	if native == nil {
		return nil
	}
	nm, _ := native.median("MB/s")
	var ts []target
	for _, h := range wasmHosts {
		r := findRow(res, "WASMThroughput", h.name+"/per-file")
		if r == nil || nm <= 0 {
			continue
		}
		v, _ := r.median("MB/s")
		ts = append(ts, target{fmt.Sprintf("WASM throughput, %s, loghub a call per file, vs native", h.label),
			fmt.Sprintf("≥ %.0f%%", 100*h.target), fmt.Sprintf("%.0f%% (%s of %s MB/s) — %s", 100*v/nm, num(v), num(nm), check(v >= h.target*nm))})
	}
	return ts
}
