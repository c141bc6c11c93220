package main

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// The scaling benchmarks (bench/scaling_test.go): the detector with more
// identifiers, on larger inputs, on more goroutines; and the targets of
// the performance work, each a ratio measured in the same run.

// series is one scaling curve: x values and MB/s (medians).
type series struct {
	label string
	xs    []float64
	ys    []float64
	names []string // the sub-benchmark name of each point
}

// curve collects the rows of engine whose corpus starts with prefix, with x
// parsed from the rest of the name by parseX, sorted by x.
func curve(res *results, engine, prefix, label string, parseX func(string) (float64, bool)) *series {
	s := &series{label: label}
	type pt struct {
		x    float64
		y    float64
		name string
	}
	var pts []pt
	for _, r := range res.rows {
		if r.engine != engine || !strings.HasPrefix(r.corpus, prefix) {
			continue
		}
		x, ok := parseX(strings.TrimPrefix(r.corpus, prefix))
		if !ok {
			continue
		}
		y, ok := r.median("MB/s")
		if !ok {
			continue
		}
		pts = append(pts, pt{x, y, r.corpus})
	}
	if len(pts) == 0 {
		return nil
	}
	sort.Slice(pts, func(i, j int) bool { return pts[i].x < pts[j].x })
	for _, p := range pts {
		s.xs, s.ys, s.names = append(s.xs, p.x), append(s.ys, p.y), append(s.names, p.name)
	}
	return s
}

func parseAfterEq(s string) (float64, bool) {
	_, v, ok := strings.Cut(s, "=")
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(v, 64)
	return f, err == nil
}

// parseSize parses 1KB, 10MB, ... into bytes.
func parseSize(s string) (float64, bool) {
	mult := 1.0
	switch {
	case strings.HasSuffix(s, "MB"):
		mult, s = 1<<20, strings.TrimSuffix(s, "MB")
	case strings.HasSuffix(s, "KB"):
		mult, s = 1<<10, strings.TrimSuffix(s, "KB")
	case strings.HasSuffix(s, "B"):
		s = strings.TrimSuffix(s, "B")
	}
	f, err := strconv.ParseFloat(s, 64)
	return f * mult, err == nil
}

// identifierCurves, sizeCurves and goroutineCurves return the curves of
// both backends that are present.
func identifierCurves(res *results) []*series {
	var out []*series
	for _, b := range []struct{ engine, label string }{{"DetectorIdentifiers", "Go regexp backend"}, {"DetectorIdentifiersRure", "rure backend"}} {
		for _, c := range []string{"loghub", "synthetic-1pct", "synthetic-10pct"} {
			if s := curve(res, b.engine, c+"/", c+", "+b.label, parseAfterEq); s != nil {
				out = append(out, s)
			}
		}
	}
	return out
}

func sizeCurves(res *results) []*series {
	var out []*series
	for _, b := range []struct{ engine, label string }{{"DetectorInputSize", "Go regexp backend"}, {"DetectorInputSizeRure", "rure backend"}} {
		if s := curve(res, b.engine, "", b.label, parseSize); s != nil {
			out = append(out, s)
		}
	}
	return out
}

func goroutineCurves(res *results) []*series {
	var out []*series
	for _, b := range []struct{ engine, label string }{{"DetectorGoroutines", "Go regexp backend"}, {"DetectorGoroutinesRure", "rure backend"},
		{"ControlGoroutines", "control: pure CPU loop"}} {
		if s := curve(res, b.engine, "", b.label, parseAfterEq); s != nil {
			out = append(out, s)
		}
	}
	return out
}

// at returns the y of the point with x, if any.
func (s *series) at(x float64) (float64, bool) {
	for i, v := range s.xs {
		if v == x {
			return s.ys[i], true
		}
	}
	return 0, false
}

func writeScaling(w io.Writer, res *results) {
	writeTargets(w, res)
	if cs := identifierCurves(res); len(cs) > 0 {
		fmt.Fprintln(w, "## Identifier count")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "BenchmarkDetectorIdentifiers: the catalog plus N custom identifiers (testcorpus.CustomIdentifiers: literal-prefixed")
		fmt.Fprintln(w, "such as `EMP-[0-9]{6}`, keyword-required, keyword-supported and class-only), MB/s and the share of the")
		fmt.Fprintln(w, "throughput without custom identifiers that remains.")
		fmt.Fprintln(w)
		writeCurves(w, cs, "custom identifiers", func(x float64) string { return strconv.Itoa(int(x)) }, true)
	}
	if cs := sizeCurves(res); len(cs) > 0 {
		fmt.Fprintln(w, "## Input size")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "BenchmarkDetectorInputSize: one AppendFindings call per op over a text of loghub lines of each size (each op")
		fmt.Fprintln(w, "the next text of that size cut from a shuffled stream of the corpus, so that no size is a text the branch")
		fmt.Fprintln(w, "predictors have learnt), MB/s and the share of the fastest size.")
		fmt.Fprintln(w)
		writeCurves(w, cs, "input", sizeLabel, false)
	}
	if cs := goroutineCurves(res); len(cs) > 0 {
		fmt.Fprintln(w, "## Goroutines")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "BenchmarkDetectorGoroutines: one Detector shared by g goroutines, each taking the next 64 KiB chunk of")
		fmt.Fprintln(w, "loghub's lines in turn; aggregate MB/s and the speed-up over one goroutine. The machine has the cores")
		fmt.Fprintln(w, "listed above, and other load on it takes from the second goroutine first.")
		fmt.Fprintln(w)
		writeCurves(w, cs, "goroutines", func(x float64) string { return strconv.Itoa(int(x)) }, true)
	}
}

func sizeLabel(x float64) string {
	switch {
	case x >= 1<<20:
		return fmt.Sprintf("%g MB", x/(1<<20))
	case x >= 1<<10:
		return fmt.Sprintf("%g KB", x/(1<<10))
	}
	return fmt.Sprintf("%g B", x)
}

// writeCurves writes one table: a row per x, a column per curve, MB/s and
// the ratio to the first point (relFirst) or to the best point.
func writeCurves(w io.Writer, cs []*series, xname string, xlabel func(float64) string, relFirst bool) {
	var xs []float64
	seen := map[float64]bool{}
	for _, c := range cs {
		for _, x := range c.xs {
			if !seen[x] {
				seen[x] = true
				xs = append(xs, x)
			}
		}
	}
	sort.Float64s(xs)
	fmt.Fprintf(w, "| %s |", xname)
	for _, c := range cs {
		fmt.Fprintf(w, " %s MB/s | ratio |", c.label)
	}
	fmt.Fprint(w, "\n|---|")
	for range cs {
		fmt.Fprint(w, "---:|---:|")
	}
	fmt.Fprintln(w)
	for _, x := range xs {
		fmt.Fprintf(w, "| %s |", xlabel(x))
		for _, c := range cs {
			y, ok := c.at(x)
			if !ok {
				fmt.Fprint(w, " – | – |")
				continue
			}
			ref := c.ys[0]
			if !relFirst {
				for _, v := range c.ys {
					ref = max(ref, v)
				}
			}
			fmt.Fprintf(w, " %s | %.2f |", num(y), y/ref)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)
}

// target is one performance target and what this run measured.
type target struct{ name, want, got string }

// writeTargets checks the performance targets, each a ratio from this run.
func writeTargets(w io.Writer, res *results) {
	find := func(engine, corpus string) (float64, bool) {
		for _, r := range res.rows {
			if r.engine == engine && r.corpus == corpus {
				return r.median("MB/s")
			}
		}
		return 0, false
	}
	var ts []target
	check := func(ok bool) string {
		if ok {
			return "met"
		}
		return "**not met**"
	}
	for _, d := range []struct {
		key, label, naive, alt, vectorscan string
		aim                                float64 // MB/s on loghub
	}{
		{"Detector", "Go", "Naive", "RureAlternation", "Vectorscan", 250},
		{"DetectorRure", "rure", "Naive", "RureAlternation", "Vectorscan", 250},
		{"DetectorCore", "Go, core catalog", "NaiveCore", "RureAlternationCore", "VectorscanCore", 400},
		{"DetectorCoreRure", "rure, core catalog", "NaiveCore", "RureAlternationCore", "VectorscanCore", 400},
	} {
		for _, c := range []string{"loghub", "synthetic-1pct", "synthetic-10pct"} {
			dm, ok := find(d.key, c)
			if !ok {
				continue
			}
			if n, ok := find(d.naive, c); ok && n > 0 {
				ts = append(ts, target{fmt.Sprintf("detector (%s) vs naive, %s", d.label, c), "≥ 100×", fmt.Sprintf("%s× — %s", num(dm/n), check(dm/n >= 100))})
			}
			if a, ok := find(d.alt, c); ok && a > 0 {
				ts = append(ts, target{fmt.Sprintf("detector (%s) vs rure alternation, %s", d.label, c), "≥ 2×", fmt.Sprintf("%s× — %s", num(dm/a), check(dm/a >= 2))})
			}
			if v, ok := find(d.vectorscan, c); ok && v > 0 {
				ts = append(ts, target{fmt.Sprintf("detector (%s) vs Vectorscan, %s", d.label, c), "≥ 5×", fmt.Sprintf("%s× — %s", num(dm/v), check(dm/v >= 5))})
			}
			if c == "loghub" {
				ts = append(ts, target{fmt.Sprintf("detector (%s) on loghub, one goroutine", d.label), fmt.Sprintf("≥ %.0f MB/s", d.aim),
					fmt.Sprintf("%s MB/s — %s", num(dm), check(dm >= d.aim))})
			}
		}
	}
	for _, c := range identifierCurves(res) {
		base, ok := c.at(0)
		if !ok || base <= 0 {
			continue
		}
		if y, ok := c.at(10); ok {
			ts = append(ts, target{"+10 custom identifiers, " + c.label, "≥ 80%", fmt.Sprintf("%.0f%% — %s", 100*y/base, check(y/base >= 0.8))})
		}
		if y, ok := c.at(100); ok {
			ts = append(ts, target{"+100 custom identifiers, " + c.label, "≥ 50%", fmt.Sprintf("%.0f%% — %s", 100*y/base, check(y/base >= 0.5))})
		}
	}
	for _, c := range sizeCurves(res) {
		lo, hi := c.ys[0], c.ys[0]
		for _, y := range c.ys {
			lo, hi = min(lo, y), max(hi, y)
		}
		ts = append(ts, target{fmt.Sprintf("input size %s–%s, %s", sizeLabel(c.xs[0]), sizeLabel(c.xs[len(c.xs)-1]), c.label),
			"slowest ≥ 80% of fastest", fmt.Sprintf("%.0f%% — %s", 100*lo/hi, check(lo/hi >= 0.8))})
	}
	control := 0.0
	for _, c := range goroutineCurves(res) {
		one, ok1 := c.at(1)
		two, ok2 := c.at(2)
		if strings.HasPrefix(c.label, "control") && ok1 && ok2 && one > 0 {
			control = two / one
		}
	}
	for _, c := range goroutineCurves(res) {
		if strings.HasPrefix(c.label, "control") {
			continue
		}
		one, ok1 := c.at(1)
		two, ok2 := c.at(2)
		if ok1 && ok2 && one > 0 {
			got := fmt.Sprintf("%.2f× — %s", two/one, check(two/one >= 1.8))
			if control > 0 && control < 1.8 && two/one < 1.8 {
				got = fmt.Sprintf("%.2f× — not measurable in this run: the control loop scaled %.2f× (other load held the second core)", two/one, control)
			} else if control > 0 {
				got += fmt.Sprintf(" (control loop %.2f×)", control)
			}
			ts = append(ts, target{"2 goroutines vs 1, " + c.label, "≥ 1.8×", got})
		}
	}
	ts = append(ts, startupTargets(res, check)...)
	ts = append(ts, wasmTargets(res, check)...)
	for _, key := range []string{"DetectorNoFindings", "DetectorNoFindingsRure"} {
		for _, r := range res.rows {
			if r.engine == key {
				if a, ok := r.median("allocs/op"); ok {
					ts = append(ts, target{"allocations on a line without findings (" + key + ")", "0", fmt.Sprintf("%.0f — %s", a, check(a == 0))})
				}
			}
		}
	}
	if len(ts) == 0 {
		return
	}
	fmt.Fprintln(w, "## Targets")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Each a ratio of medians from this run (absolute figures are medians too; see the machine note above).")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| target | wanted | measured |")
	fmt.Fprintln(w, "|---|---|---|")
	for _, t := range ts {
		fmt.Fprintf(w, "| %s | %s | %s |\n", t.name, t.want, t.got)
	}
	fmt.Fprintln(w)
}
