package main

import (
	"fmt"
	"io"
)

// The start-up and whole-process benchmarks (bench/startup_test.go).

// findRow returns the row of engine and corpus (sub-benchmark name).
func findRow(res *results, engine, corpus string) *row {
	for _, r := range res.rows {
		if r.engine == engine && r.corpus == corpus {
			return r
		}
	}
	return nil
}

// ms formats a median time in ns/op as milliseconds with its spread.
func ms(r *row) (median float64, text string) {
	m, _ := r.median("ns/op")
	lo, hi := r.span("ns/op")
	return m / 1e6, fmt.Sprintf("%s ms | %s–%s ms", num(m/1e6), num(lo/1e6), num(hi/1e6))
}

func writeStartup(w io.Writer, res *results) {
	type item struct{ engine, corpus, label string }
	inProcess := []item{
		{"StartupNewScanner", "", "`piiguard.NewScanner(piiguard.Config{})`: every managed identifier"},
		{"StartupCompile", "", "`detector.Compile(identifiers.Catalog())`: the whole catalog, extensions included"},
	}
	processes := []item{
		{"StartupProcess", "piiguard-scan", "`piiguard scan empty.log` (compiles every managed identifier)"},
		{"StartupProcess", "naive20", "`naive20 empty.log`: a Go program that compiles 20 regexps (bench/internal/naive20)"},
		{"StartupFirstScanProcess", "piiguard-scan/no-name", "`piiguard scan` of one line without a name (`mail jane@example.com`)"},
		{"StartupFirstScanProcess", "piiguard-scan/name", "`piiguard scan` of one line with a name (`Contact: John Smith, 1 Main St`): the Name word lists load too"},
	}
	wasm := []item{
		{"StartupWASM", "wazero", "wazero (Go host, wasm/wasmhost), default options (not interruptible during a call), warm compilation cache"},
		{"StartupWASM", "wazero-interrupt", "wazero, `Options{Interrupt: true}`, warm compilation cache"},
		{"StartupWASM", "node", "Node.js (wasm/js), a whole `node` process"},
		{"StartupFirstScanWASM", "wazero/no-name", "wazero, warm compilation cache, first scan of a line without a name"},
		{"StartupFirstScanWASM", "wazero/name", "wazero, warm compilation cache, first scan of a line with a name (the Name word lists load too)"},
		{"StartupFirstScanWASM", "node/no-name", "Node.js, first scan of a line without a name"},
		{"StartupFirstScanWASM", "node/name", "Node.js, first scan of a line with a name (the Name word lists load too)"},
	}
	found := false
	for _, list := range [][]item{inProcess, processes, wasm} {
		for _, it := range list {
			found = found || findRow(res, it.engine, it.corpus) != nil
		}
	}
	if !found {
		return
	}
	fmt.Fprintln(w, "## Start-up")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "What a program pays before its first scan (bench/startup_test.go). Times are medians per op, with the")
	fmt.Fprintln(w, "lowest and highest run.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| what | time | range | allocated | allocs | runs |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|")
	for _, list := range [][]item{inProcess, processes} {
		for _, it := range list {
			r := findRow(res, it.engine, it.corpus)
			if r == nil {
				continue
			}
			_, t := ms(r)
			alloc, allocs := "–", "–"
			if b, ok := r.median("B/op"); ok && it.engine != "StartupProcess" {
				alloc = fmt.Sprintf("%s MB", num(b/1e6))
			}
			if a, ok := r.median("allocs/op"); ok && it.engine != "StartupProcess" {
				allocs = fmt.Sprintf("%.0f", a)
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s | %d |\n", it.label, t, alloc, allocs, len(r.samples))
		}
	}
	fmt.Fprintln(w)
	if p, n := findRow(res, "StartupProcess", "piiguard-scan"), findRow(res, "StartupProcess", "naive20"); p != nil && n != nil {
		pm, _ := ms(p)
		nm, _ := ms(n)
		fmt.Fprintf(w, "`piiguard scan` on an empty file takes %s× the start-up of the 20-regexp Go program.\n\n", num(pm/nm))
	}
	wrote := false
	for _, it := range wasm {
		r := findRow(res, it.engine, it.corpus)
		if r == nil {
			continue
		}
		if !wrote {
			fmt.Fprintln(w, "WebAssembly time to first scan: load wasm/piiguard.wasm, compile every managed identifier, scan one line.")
			fmt.Fprintln(w)
			fmt.Fprintln(w, "| host | time | range | inside the process | runs |")
			fmt.Fprintln(w, "|---|---:|---:|---:|---:|")
			wrote = true
		}
		_, t := ms(r)
		inside := "–"
		if v, ok := r.median("ms/first-scan"); ok {
			inside = fmt.Sprintf("%s ms", num(v))
		}
		fmt.Fprintf(w, "| %s | %s | %s | %d |\n", it.label, t, inside, len(r.samples))
	}
	if wrote {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Under Node.js, \"inside the process\" is from before loading the module to after the first scan, without")
		fmt.Fprintln(w, "Node.js's own start-up; the time column is the whole `node` process.")
		fmt.Fprintln(w)
	}
	p, n := findRow(res, "Process", "loghub/piiguard-scan"), findRow(res, "Process", "loghub/naive20")
	if p == nil && n == nil {
		return
	}
	fmt.Fprintln(w, "## Whole process on loghub")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "BenchmarkProcess: the binaries above over the 16 loghub files, output discarded, start to exit;")
	fmt.Fprintln(w, "MB/s of input (medians, with the lowest and highest run).")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| process | MB/s | MB/s range | time | runs |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|")
	for _, r := range []*row{p, n} {
		if r == nil {
			continue
		}
		mb, _ := r.median("MB/s")
		lo, hi := r.span("MB/s")
		t, _ := ms(r)
		fmt.Fprintf(w, "| %s | %s | %s–%s | %s ms | %d |\n", r.corpus, num(mb), num(lo), num(hi), num(t), len(r.samples))
	}
	fmt.Fprintln(w)
}

// startupTargets are the start-up and whole-process targets.
func startupTargets(res *results, check func(bool) string) []target {
	var ts []target
	if r := findRow(res, "StartupNewScanner", ""); r != nil {
		m, _ := ms(r)
		ts = append(ts, target{"NewScanner with every managed identifier", "≤ 10 ms", fmt.Sprintf("%s ms — %s", num(m), check(m <= 10))})
	}
	if p, n := findRow(res, "StartupProcess", "piiguard-scan"), findRow(res, "StartupProcess", "naive20"); p != nil && n != nil {
		pm, _ := ms(p)
		nm, _ := ms(n)
		ts = append(ts, target{"`piiguard scan` on an empty file vs a Go program compiling 20 regexps", "≤ 3×",
			fmt.Sprintf("%s× — %s", num(pm/nm), check(pm/nm <= 3))})
	}
	if r := findRow(res, "StartupWASM", "node"); r != nil {
		if v, ok := r.median("ms/first-scan"); ok {
			ts = append(ts, target{"WASM time to first scan, Node.js (inside the process)", "≤ 150 ms", fmt.Sprintf("%s ms — %s", num(v), check(v <= 150))})
		}
	}
	if r := findRow(res, "StartupWASM", "wazero"); r != nil {
		m, _ := ms(r)
		ts = append(ts, target{"WASM time to first scan, wazero, warm cache", "≤ 300 ms", fmt.Sprintf("%s ms — %s", num(m), check(m <= 300))})
	}
	if p, n := findRow(res, "Process", "loghub/piiguard-scan"), findRow(res, "Process", "loghub/naive20"); p != nil && n != nil {
		pm, _ := p.median("MB/s")
		nm, _ := n.median("MB/s")
		if nm > 0 {
			ts = append(ts, target{"`piiguard scan` whole process on loghub vs naive20", "≥ 150×", fmt.Sprintf("%s× — %s", num(pm/nm), check(pm/nm >= 150))})
		}
	}
	return ts
}
