// Command results turns the output of the bench package's benchmarks into
// bench/RESULTS.md: per corpus, each engine's throughput, time per line and
// allocations, and the detector's speed-up over the baselines; start-up
// times; whole processes; the scaling curves (with PNG plots) and the
// performance targets, each a ratio of figures from the same run.
//
// It is a module of its own (bench/cmd/results/go.mod) so that its plotting
// dependencies stay out of the library's go.mod. `make bench` runs it; by
// hand, from the repository root:
//
//	go test -run '^$' -bench . -benchmem -count 5 ./bench/ > bench/out/go.txt
//	go -C bench/cmd/results run . < bench/out/go.txt > bench/RESULTS.md
//
// Runs built with the rure tag (after `make librure`) may follow in the
// same input: a run that holds rure benchmarks has its BenchmarkDetector
// rows counted as the detector on the rure backend. Runs built with the
// vectorscan tag add the Vectorscan baseline; -vectorscan names the output
// of `go test -tags vectorscan -run VectorscanPatterns -v ./bench/`, which
// lists the patterns Vectorscan rejects.
//
// Every figure is the median over the runs (-count), with the spread
// (lowest–highest) beside it; ratios are of medians. The machine (CPU
// model, cores, Go version, load average) and the date are those of the
// machine that runs the command; -loadstart names a copy of /proc/loadavg
// taken when the benchmarks started.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

func main() {
	title := flag.String("title", "piiguard benchmark results", "the document's title")
	plots := flag.String("plots", "", "directory to write the scaling plots (PNG) to; none when empty")
	benchstat := flag.String("benchstat", "", "file with benchstat output to include")
	command := flag.String("command", "make bench", "the command that produced the input, quoted in the document")
	commit := flag.String("commit", "", "the commit measured, named in the document")
	note := flag.String("note", "", "a note on the run (such as other load on the machine), quoted in the document")
	loadStart := flag.String("loadstart", "", "file with /proc/loadavg as it was when the benchmarks started")
	vectorscan := flag.String("vectorscan", "", "file with the output of go test -tags vectorscan -run VectorscanPatterns -v ./bench/")
	flag.Parse()
	res, err := parse(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "results:", err)
		os.Exit(1)
	}
	if len(res.rows) == 0 {
		fmt.Fprintln(os.Stderr, "results: no benchmark results on stdin")
		os.Exit(1)
	}
	m := machine()
	m.command, m.note, m.commit = *command, *note, *commit
	if *loadStart != "" {
		data, err := os.ReadFile(*loadStart)
		if err != nil {
			fmt.Fprintln(os.Stderr, "results:", err)
			os.Exit(1)
		}
		if f := strings.Fields(string(data)); len(f) >= 3 {
			m.loadStart = strings.Join(f[:3], " ")
		}
	}
	var vsNotes []string
	if *vectorscan != "" {
		data, err := os.ReadFile(*vectorscan)
		if err != nil {
			fmt.Fprintln(os.Stderr, "results:", err)
			os.Exit(1)
		}
		vsNotes = vectorscanNotes(string(data))
	}
	var buf bytes.Buffer
	write(&buf, *title, res, m, vsNotes)
	writeStartup(&buf, res)
	writeWASMThroughput(&buf, res)
	writeScaling(&buf, res)
	if *plots != "" {
		names, err := writePlots(res, *plots)
		if err != nil {
			fmt.Fprintln(os.Stderr, "results: plots:", err)
			os.Exit(1)
		}
		if len(names) > 0 {
			fmt.Fprintln(&buf, "## Plots")
			fmt.Fprintln(&buf)
			for _, n := range names {
				fmt.Fprintf(&buf, "![%s](%s)\n\n", strings.TrimSuffix(n, ".png"), n)
			}
		}
	}
	if *benchstat != "" {
		data, err := os.ReadFile(*benchstat)
		if err != nil {
			fmt.Fprintln(os.Stderr, "results:", err)
			os.Exit(1)
		}
		fmt.Fprintln(&buf, "## benchstat: the Go regexp backend (go) beside the rure backend (rure)")
		fmt.Fprintln(&buf)
		fmt.Fprintln(&buf, "Every benchmark run with -count, compared by benchstat (`bench/out/benchstat.txt`).")
		fmt.Fprintln(&buf)
		fmt.Fprintln(&buf, "```")
		buf.Write(bytes.TrimSpace(data))
		fmt.Fprintln(&buf)
		fmt.Fprintln(&buf, "```")
		fmt.Fprintln(&buf)
	}
	os.Stdout.Write(buf.Bytes())
}

// sample is one benchmark result line: its metrics by unit.
type sample map[string]float64

// row is one engine on one corpus, over all its runs.
type row struct {
	engine, corpus string
	samples        []sample
}

type results struct {
	rows    []*row // in order of first appearance
	cpu     string // from go test's "cpu:" line
	skipped []string
}

// Engines, in table order, with their descriptions.
var engines = []struct{ key, label, desc string }{
	{"Detector", "detector", "piiguard's detector, every catalog identifier (validation, keywords, overlaps included)"},
	{"DetectorRure", "detector (rure)", "the same detector built with -tags rure: its regexes run on Rust's regex crate"},
	{"Naive", "naive (Go regexp)", "every catalog pattern compiled with Go's regexp, run one after another over each line (FindAllIndex); no validation"},
	{"Alternation", "alternation (Go regexp)", "all catalog patterns as one Go regexp alternation, FindAllIndex per line; no validation"},
	{"RureAlternation", "alternation (rure)", "the same alternation compiled by Rust's regex crate through internal/regex (-tags rure); no validation"},
	{"Vectorscan", "Vectorscan", "every catalog pattern Vectorscan takes in one Vectorscan (Hyperscan) database, block mode, leftmost start of match, one hs_scan per line (-tags vectorscan, cgo); matches counted (every match end Vectorscan reports), no validation"},
	{"DetectorCore", "detector, core", "the detector with the core identifiers only (testcorpus.CoreNames: the first catalog's 23 number, key and address identifiers)"},
	{"DetectorCoreRure", "detector (rure), core", "the same on the rure backend"},
	{"NaiveCore", "naive (Go regexp), core", "the naive baseline on the core identifiers' patterns"},
	{"RureAlternationCore", "alternation (rure), core", "the rure alternation of the core identifiers' patterns"},
	{"VectorscanCore", "Vectorscan, core", "the Vectorscan baseline on the core identifiers' patterns"},
}

var corpusDesc = map[string]string{
	"loghub":          "loghub: 16 systems × 2k lines of real logs (../shared/corpus/loghub)",
	"synthetic-1pct":  "synthetic, 1% of lines carrying a planted sensitive value (testcorpus.Synthetic, 20k lines, seed 2024)",
	"synthetic-10pct": "synthetic, 10% of lines carrying a planted sensitive value (testcorpus.Synthetic, 20k lines, seed 2024)",
}

// parse reads go test -bench output. A run (one go test invocation, which
// starts with its goos: header) that holds rure benchmarks was built with
// the rure tag: its BenchmarkDetector rows become DetectorRure.
func parse(r io.Reader) (*results, error) {
	res := &results{}
	byKey := map[[2]string]*row{}
	type line struct {
		engine, corpus string
		s              sample
	}
	var run []line
	rure := false
	flush := func() {
		for _, l := range run {
			if rure && strings.HasPrefix(l.engine, "Detector") {
				l.engine += "Rure" // the detector on the rure backend
			}
			k := [2]string{l.engine, l.corpus}
			rw := byKey[k]
			if rw == nil {
				rw = &row{engine: l.engine, corpus: l.corpus}
				byKey[k] = rw
				res.rows = append(res.rows, rw)
			}
			rw.samples = append(rw.samples, l.s)
		}
		run, rure = nil, false
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		text := sc.Text()
		switch {
		case strings.HasPrefix(text, "goos:"):
			flush()
		case strings.HasPrefix(text, "cpu:"):
			res.cpu = strings.TrimSpace(strings.TrimPrefix(text, "cpu:"))
		case strings.Contains(text, "--- SKIP: Benchmark"):
			res.skipped = append(res.skipped, strings.TrimSpace(text))
		case strings.HasPrefix(text, "Benchmark"):
			name, s, ok := parseLine(text)
			if !ok {
				continue
			}
			engine, corpus, _ := strings.Cut(strings.TrimPrefix(name, "Benchmark"), "/")
			if strings.HasPrefix(engine, "Rure") {
				rure = true
			}
			run = append(run, line{engine, corpus, s})
		}
	}
	flush()
	return res, sc.Err()
}

// parseLine parses "BenchmarkX/y-2  10  123 ns/op  4.5 MB/s ...".
func parseLine(text string) (name string, s sample, ok bool) {
	f := strings.Fields(text)
	if len(f) < 4 || len(f)%2 != 0 {
		return "", nil, false
	}
	if _, err := strconv.Atoi(f[1]); err != nil {
		return "", nil, false
	}
	name = f[0]
	if i := strings.LastIndexByte(name, '-'); i > 0 {
		if _, err := strconv.Atoi(name[i+1:]); err == nil {
			name = name[:i] // the GOMAXPROCS suffix
		}
	}
	s = sample{}
	for i := 2; i+1 < len(f); i += 2 {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			return "", nil, false
		}
		s[f[i+1]] = v
	}
	return name, s, true
}

// median returns the median of the unit over the row's samples, and
// whether any sample has it.
func (r *row) median(unit string) (float64, bool) {
	var vs []float64
	for _, s := range r.samples {
		if v, ok := s[unit]; ok {
			vs = append(vs, v)
		}
	}
	if len(vs) == 0 {
		return 0, false
	}
	sort.Float64s(vs)
	if n := len(vs); n%2 == 0 {
		return (vs[n/2-1] + vs[n/2]) / 2, true
	}
	return vs[len(vs)/2], true
}

func (r *row) span(unit string) (lo, hi float64) {
	lo, hi = -1, -1
	for _, s := range r.samples {
		if v, ok := s[unit]; ok {
			if lo < 0 || v < lo {
				lo = v
			}
			if v > hi {
				hi = v
			}
		}
	}
	return lo, hi
}

type machineInfo struct {
	cpu, goVersion, load, loadStart, date string
	command, note, commit                 string
	cores                                 int
}

func machine() machineInfo {
	m := machineInfo{
		cores:     runtime.NumCPU(),
		goVersion: runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH,
		date:      time.Now().UTC().Format("2006-01-02 15:04 MST"),
	}
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for l := range strings.SplitSeq(string(data), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	if data, err := os.ReadFile("/proc/loadavg"); err == nil {
		if f := strings.Fields(string(data)); len(f) >= 3 {
			m.load = strings.Join(f[:3], " ")
		}
	}
	return m
}

func write(w io.Writer, title string, res *results, m machineInfo, vectorscanNotes []string) {
	fmt.Fprintf(w, "# %s\n\n", title)
	fmt.Fprintf(w, "Generated by `bench/cmd/results` on %s from the output of:\n\n", m.date)
	fmt.Fprintln(w, "```sh")
	fmt.Fprintln(w, orDefault(m.command, "make bench"))
	fmt.Fprintln(w, "```")
	fmt.Fprintln(w)
	if m.commit != "" {
		fmt.Fprintf(w, "at commit %s, ", m.commit)
	}
	fmt.Fprintln(w, "run from the repository root, with ../shared/corpus/loghub beside it (raw output and benchstat in")
	fmt.Fprintln(w, "bench/out/, plots in bench/*.png). Anyone can repeat it: it needs Go, cargo (librure), Node.js for the")
	fmt.Fprintln(w, "WebAssembly start-up row, and `make bench-vectorscan` (Debian's libvectorscan-dev) for the Vectorscan rows.")
	fmt.Fprintln(w)
	cpu := m.cpu
	if cpu == "" {
		cpu = res.cpu
	}
	fmt.Fprintf(w, "- Machine: %s, %d logical cores", orUnknown(cpu), m.cores)
	switch {
	case m.loadStart != "" && m.load != "":
		fmt.Fprintf(w, "; load average %s when the benchmarks started, %s when the table was written", m.loadStart, m.load)
	case m.load != "":
		fmt.Fprintf(w, "; load average %s when the table was written", m.load)
	}
	fmt.Fprintf(w, "\n- Go: %s\n", m.goVersion)
	if m.note != "" {
		fmt.Fprintf(w, "- Note: %s\n", m.note)
	}
	runs := 0
	for _, r := range res.rows {
		runs = max(runs, len(r.samples))
	}
	fmt.Fprintf(w, "- Runs per benchmark: up to %d (the runs column); `make bench` runs them in rounds, each round every engine\n"+
		"  once in turn, so that load that comes and goes weighs on all engines alike. Every figure is the **median** of\n"+
		"  the runs; the range beside it is the lowest and highest run (the spread). Speed-ups and targets are ratios of\n"+
		"  medians from this one run: other load on a shared machine moves absolute figures far more than ratios.\n\n", runs)
	fmt.Fprintln(w, "Each throughput benchmark op scans a whole corpus line by line. MB/s counts the corpus bytes (without")
	fmt.Fprintln(w, "newlines) per op; allocs/op are per pass over the whole corpus; matches/op are the findings")
	fmt.Fprintln(w, "(detector) or raw regex matches (baselines, which neither validate nor check keywords) per pass.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Engines:")
	fmt.Fprintln(w)
	present := map[string]bool{}
	for _, r := range res.rows {
		present[r.engine] = true
	}
	for _, e := range engines {
		if present[e.key] {
			fmt.Fprintf(w, "- **%s**: %s\n", e.label, e.desc)
		}
	}
	fmt.Fprintln(w)
	if len(vectorscanNotes) > 0 {
		fmt.Fprintln(w, "Patterns and Vectorscan (`go test -tags vectorscan -run VectorscanPatterns -v ./bench/`):")
		fmt.Fprintln(w)
		for _, n := range vectorscanNotes {
			fmt.Fprintf(w, "    %s\n", n)
		}
		fmt.Fprintln(w)
	}

	corpora := corpusOrder(res)
	find := func(engine, corpus string) *row {
		for _, r := range res.rows {
			if r.engine == engine && r.corpus == corpus {
				return r
			}
		}
		return nil
	}
	mbps := func(engine, corpus string) (float64, bool) {
		if r := find(engine, corpus); r != nil {
			return r.median("MB/s")
		}
		return 0, false
	}

	// Speed-ups first: the headline.
	fmt.Fprintln(w, "## Speed-up of the detector")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Detector MB/s divided by the baseline's MB/s, on the same corpus (medians).")
	fmt.Fprintln(w)
	type ratio struct{ num, den, label string }
	var ratios []ratio
	for _, d := range []string{"Detector", "DetectorRure"} {
		if !present[d] {
			continue
		}
		for _, base := range []string{"Naive", "Alternation", "RureAlternation", "Vectorscan"} {
			if present[base] {
				ratios = append(ratios, ratio{d, base, labelOf(d) + " vs " + labelOf(base)})
			}
		}
	}
	for _, d := range []string{"DetectorCore", "DetectorCoreRure"} {
		if !present[d] {
			continue
		}
		for _, base := range []string{"NaiveCore", "RureAlternationCore", "VectorscanCore"} {
			if present[base] {
				ratios = append(ratios, ratio{d, base, labelOf(d) + " vs " + labelOf(base)})
			}
		}
	}
	if len(ratios) > 0 {
		fmt.Fprint(w, "| |")
		for _, c := range corpora {
			fmt.Fprintf(w, " %s |", c)
		}
		fmt.Fprint(w, "\n|---|")
		for range corpora {
			fmt.Fprint(w, "---:|")
		}
		fmt.Fprintln(w)
		for _, rt := range ratios {
			fmt.Fprintf(w, "| %s |", rt.label)
			for _, c := range corpora {
				a, ok1 := mbps(rt.num, c)
				b, ok2 := mbps(rt.den, c)
				if ok1 && ok2 && b > 0 {
					fmt.Fprintf(w, " %s× |", num(a/b))
				} else {
					fmt.Fprint(w, " – |")
				}
			}
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w)
	}

	for _, c := range corpora {
		fmt.Fprintf(w, "## %s\n\n", c)
		if d := corpusDesc[c]; d != "" {
			size := ""
			for _, r := range res.rows {
				if r.corpus != c {
					continue
				}
				if len(r.samples) == 0 {
					continue
				}
				s := r.samples[0]
				mb, ok1 := s["MB/s"]
				ns, ok2 := s["ns/op"]
				lines, ok3 := s["lines/op"]
				if ok1 && ok2 && ok3 {
					size = fmt.Sprintf(" — %.0f lines, %.2f MB", lines, mb*ns/1e9)
					break
				}
			}
			fmt.Fprintf(w, "%s%s\n\n", d, size)
		}
		fmt.Fprintln(w, "| engine | MB/s | MB/s range | ns/line | allocs/op | allocs/line | matches/op | runs |")
		fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|")
		for _, e := range engines {
			r := find(e.key, c)
			if r == nil {
				continue
			}
			mb, _ := r.median("MB/s")
			lo, hi := r.span("MB/s")
			nsl, _ := r.median("ns/line")
			al, okA := r.median("allocs/op")
			lines, okL := r.median("lines/op")
			m, _ := r.median("matches/op")
			allocs, perLine := "–", "–"
			if okA {
				allocs = fmt.Sprintf("%.0f", al)
				if okL && lines > 0 {
					perLine = fmt.Sprintf("%.2f", al/lines)
				}
			}
			fmt.Fprintf(w, "| %s | %s | %s–%s | %s | %s | %s | %.0f | %d |\n", e.label, num(mb), num(lo), num(hi),
				num(nsl), allocs, perLine, m, len(r.samples))
		}
		fmt.Fprintln(w)
	}

	for _, name := range []string{"DetectorNoFindings"} {
		r := find(name, "")
		if r == nil {
			continue
		}
		ns, _ := r.median("ns/op")
		lo, hi := r.span("ns/op")
		mb, _ := r.median("MB/s")
		al, _ := r.median("allocs/op")
		fmt.Fprintln(w, "## One line without findings")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "BenchmarkDetectorNoFindings: AppendFindings on one Hadoop line in which the catalog finds nothing.")
		fmt.Fprintln(w)
		fmt.Fprintf(w, "%s ns/op (range %s–%s), %s MB/s, %.0f allocs/op (medians of %d runs).\n\n", num(ns), num(lo), num(hi), num(mb), al, len(r.samples))
	}
	if len(res.skipped) > 0 {
		fmt.Fprintln(w, "## Skipped")
		fmt.Fprintln(w)
		for _, s := range res.skipped {
			fmt.Fprintf(w, "- `%s`\n", s)
		}
		fmt.Fprintln(w)
	}
}

func labelOf(key string) string {
	for _, e := range engines {
		if e.key == key {
			return e.label
		}
	}
	return key
}

// corpusOrder lists the corpora: the known ones first, in their order.
func corpusOrder(res *results) []string {
	known := []string{"loghub", "synthetic-1pct", "synthetic-10pct"}
	var out []string
	seen := map[string]bool{}
	for _, r := range res.rows {
		if r.corpus != "" && labelOf(r.engine) != r.engine {
			seen[r.corpus] = true
		}
	}
	for _, c := range known {
		if seen[c] {
			out = append(out, c)
			delete(seen, c)
		}
	}
	var rest []string
	for c := range seen {
		rest = append(rest, c)
	}
	slices.Sort(rest)
	return append(out, rest...)
}

// num formats a figure with three significant digits (more for large ones).
func num(v float64) string {
	switch {
	case v >= 100:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case v >= 10:
		return strconv.FormatFloat(v, 'f', 1, 64)
	case v >= 1:
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
	return strconv.FormatFloat(v, 'g', 3, 64)
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// vectorscanNotes returns the log lines of TestVectorscanPatterns in go
// test -v output, without their file:line prefixes.
func vectorscanNotes(out string) []string {
	var notes []string
	for l := range strings.SplitSeq(out, "\n") {
		t := strings.TrimSpace(l)
		if !strings.HasPrefix(t, "vectorscan_test.go:") {
			continue
		}
		if _, rest, ok := strings.Cut(t, ": "); ok {
			notes = append(notes, rest)
		}
	}
	return notes
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown CPU"
	}
	return s
}
