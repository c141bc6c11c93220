package main

import (
	"fmt"
	"io"
	"strings"
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
	writeProcesses(w, res)
}

// wholeProcess is one input of the whole-process benchmarks: the rows of
// `piiguard scan` and of naive20 on it.
type wholeProcess struct {
	engine, prefix string // benchmark (without "Benchmark") and sub-benchmark prefix
	input          string // what the input is
	note           string // how to read the ratio
}

// wholeProcesses: the 44 MB measure first.
var wholeProcesses = []wholeProcess{
	{"ProcessLoghubX10", "", "loghub ×10: the 16 loghub files concatenated ten times into one file (BenchmarkProcessLoghubX10)",
		"the issue's measure: start-up is a few percent of it"},
	{"Process", "loghub/", "the 16 loghub files (BenchmarkProcess)",
		"start-up weighs here: it is not the issue's measure"},
}

// rows returns the rows of `piiguard scan` and naive20 on the input (nil
// when absent).
func (wp wholeProcess) rows(res *results) (scan, naive *row) {
	return findRow(res, wp.engine, wp.prefix+"piiguard-scan"), findRow(res, wp.engine, wp.prefix+"naive20")
}

// inputMB is the size of the row's input in MB (MB/s × time of its first
// run; go test prints MB/s with two decimals), 0 when unknown.
func inputMB(r *row) float64 {
	if r == nil || len(r.samples) == 0 {
		return 0
	}
	s := r.samples[0]
	return s["MB/s"] * s["ns/op"] / 1e9
}

// speedUp returns the ratio of the two rows' median MB/s, and its range
// over the runs: scan's slowest run over naive's fastest, and scan's
// fastest over naive's slowest.
func speedUp(scan, naive *row) (median, lo, hi float64, ok bool) {
	sm, ok1 := scan.median("MB/s")
	nm, ok2 := naive.median("MB/s")
	if !ok1 || !ok2 || nm <= 0 {
		return 0, 0, 0, false
	}
	slo, shi := scan.span("MB/s")
	nlo, nhi := naive.span("MB/s")
	return sm / nm, slo / nhi, shi / nlo, true
}

// seconds formats a time in ms, in seconds from 10 s.
func seconds(msec float64) string {
	if msec >= 10000 {
		return num(msec/1000) + " s"
	}
	return num(msec) + " ms"
}

func writeProcesses(w io.Writer, res *results) {
	found := false
	for _, wp := range wholeProcesses {
		s, n := wp.rows(res)
		found = found || s != nil || n != nil
	}
	if !found {
		return
	}
	fmt.Fprintln(w, "## Whole process on loghub")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "The binaries above (`piiguard scan`, default workers: GOMAXPROCS; naive20) run start to exit over")
	fmt.Fprintln(w, "loghub, output discarded. MB/s is of input, wall-clock; CPU is the processes' user and system time.")
	fmt.Fprintln(w, "Medians, with the lowest and highest run. `make bench` runs naive20 on 44 MB in its first")
	fmt.Fprintln(w, "BENCH_PROC_BASE_COUNT rounds only (half a minute a run), `piiguard scan` in every round.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| input | process | MB/s | MB/s range | time | CPU | runs |")
	fmt.Fprintln(w, "|---|---|---:|---:|---:|---:|---:|")
	for _, wp := range wholeProcesses {
		scan, naive := wp.rows(res)
		// The size from `piiguard scan`'s row: its MB/s has more digits.
		size := inputMB(scan)
		if size == 0 {
			size = inputMB(naive)
		}
		for _, r := range []*row{scan, naive} {
			if r == nil {
				continue
			}
			mb, _ := r.median("MB/s")
			lo, hi := r.span("MB/s")
			t, _ := ms(r)
			cpu := "–"
			if c, ok := r.median("cpu-ms/op"); ok {
				cpu = seconds(c)
			}
			name := strings.TrimPrefix(r.corpus, wp.prefix)
			fmt.Fprintf(w, "| %s, %s MB | %s | %s | %s–%s | %s | %s | %d |\n", wp.input, num(size), name,
				num(mb), num(lo), num(hi), seconds(t), cpu, len(r.samples))
		}
	}
	fmt.Fprintln(w)
	for _, wp := range wholeProcesses {
		scan, naive := wp.rows(res)
		if scan == nil || naive == nil {
			continue
		}
		if m, lo, hi, ok := speedUp(scan, naive); ok {
			fmt.Fprintf(w, "- %s MB: `piiguard scan` is %s× naive20 (ratio of medians; %s–%s× from the slowest to the fastest runs); %s.\n",
				num(inputMB(scan)), num(m), num(lo), num(hi), wp.note)
		}
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
	if scan, naive := wholeProcesses[0].rows(res); scan != nil && naive != nil {
		if m, lo, hi, ok := speedUp(scan, naive); ok {
			ts = append(ts, target{fmt.Sprintf("`piiguard scan` whole process on %s MB of loghub (loghub ×10, one file) vs naive20", num(inputMB(scan))),
				"≥ 150×", fmt.Sprintf("%s× (runs: %s–%s×) — %s", num(m), num(lo), num(hi), check(m >= 150))})
		}
	}
	return ts
}
