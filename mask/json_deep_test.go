package mask_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/piiguard/piiguard/internal/cputime"
	"github.com/piiguard/piiguard/mask"
)

// TestJSONDeepNamesLinear is the regression test of an event nested
// deeply under distinct member names: each name, and each value, was
// scanned with every name around it, and packing those names into groups
// compared each with all before it, so that a 39 KB event of 4000 nested
// objects took about a minute to mask (time cubic in the depth). Names
// further out than the groups can hold do not count, so the time is now
// linear in the depth.
func TestJSONDeepNamesLinear(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("timing: not under -short or the race detector")
	}
	build := func(depth int) []byte {
		var b strings.Builder
		for i := range depth {
			fmt.Fprintf(&b, `{"k%d":`, i)
		}
		b.WriteString(`["a@example.com","x",`)
		b.WriteString(`{"ssn":"536-22-1234"}]`)
		b.WriteString(strings.Repeat("}", depth))
		return []byte(b.String())
	}
	j := newJSON(t, nil, mask.JSONOptions{})
	const n = 600
	ratio, out := maskGrowth(t, j, build(n), build(4*n))
	if ratio > 8 {
		t.Errorf("time at 4n / time at n = %.1f, want at most 8", ratio)
	}
	if strings.Contains(string(out), "a@example.com") || strings.Contains(string(out), "536-22-1234") {
		t.Errorf("values left in clear")
	}
}

// TestJSONFindingPathsBounded is the regression test of JSONFinding.Path
// written out whole for each finding: under a 200 KB member name (or
// 9000 levels deep), 20000 values with findings made 20000 paths of
// 200 KB, about 4 GB for a 380 KB event, which AppendFindings (and the
// OpenTelemetry processor, which calls it on every JSON body) allocated.
// A path longer than maxPathLength bytes is abbreviated, and remains a
// pattern that covers the value.
func TestJSONFindingPathsBounded(t *testing.T) {
	long := strings.Repeat("n", 200000)
	var deep strings.Builder
	for i := range 9000 {
		fmt.Fprintf(&deep, `{"k%d":`, i)
	}
	deep.WriteString(`["a@b.co","a@b.co"]` + strings.Repeat("}", 9000))
	tests := []struct {
		name  string
		event string
		want  []string // paths, in order
	}{
		{"short paths stay exact", `{"a":{"b c":["x","a@b.co"]}}`, []string{`$.a["b c"][1]`}},
		{"a long name", `{"` + long + `":["a@b.co","x","a@b.co"]}`, []string{`$.*[0]`, `$.*[2]`}},
		{"a long name further in", `{"ok":{"` + long + `":{"mail":"a@b.co"}}}`, []string{`$.ok.*.mail`}},
		{"deep", deep.String(), nil},
	}
	j := newJSON(t, nil, mask.JSONOptions{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := j.AppendFindings(nil, []byte(tt.event))
			if err != nil {
				t.Fatal(err)
			}
			if len(f) == 0 {
				t.Fatal("no finding")
			}
			for i, jf := range f {
				if len(jf.Path) > 1024 {
					t.Errorf("finding %d: path of %d bytes", i, len(jf.Path))
				}
				if tt.want != nil && (i >= len(tt.want) || jf.Path != tt.want[i]) {
					t.Errorf("finding %d: path %.80q, want %v", i, jf.Path, tt.want)
				}
				// The path, as an Include rule, selects the value.
				inc := newJSON(t, nil, mask.JSONOptions{Include: []string{jf.Path}, FieldsOnly: true})
				got, err := inc.AppendFindings(nil, []byte(tt.event))
				if err != nil || !containsFinding(got, jf) {
					t.Errorf("finding %d: Include %.80q does not find it again (%v)", i, jf.Path, err)
				}
			}
		})
	}
}

func containsFinding(fs []mask.JSONFinding, f mask.JSONFinding) bool {
	for _, g := range fs {
		if g.Start == f.Start && g.End == f.End {
			return true
		}
	}
	return false
}

// TestJSONManyEqualMaskedNamesLinear is the regression test of member
// names that mask alike: each was given the first free suffix by trying
// "~b", "~c", ... from the start, so that an object of 8000 addresses of
// one length as names (192 KB) took 13 s to mask (time quadratic in the
// names). Each name's search now goes on from where it stopped
// (internal/uniquename).
func TestJSONManyEqualMaskedNamesLinear(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("timing: not under -short or the race detector")
	}
	build := func(n int) []byte {
		var b strings.Builder
		b.WriteString("{")
		for i := range n {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `"u%06d@example.com":1`, i)
		}
		b.WriteString("}")
		return []byte(b.String())
	}
	j := newJSON(t, nil, mask.JSONOptions{})
	const n = 1000
	ratio, out := maskGrowth(t, j, build(n), build(4*n))
	if ratio > 8 {
		t.Errorf("time at 4n / time at n = %.1f, want at most 8", ratio)
	}
	if !strings.Contains(string(out), `"*******************~fxv":1`) { // the 4000th: 3999 in base 26
		t.Errorf("names not made unique as UniqueName does: ...%s", out[len(out)-60:])
	}
}

// TestJSONDeepArraysLinear is the regression test of leaves deep in
// nested arrays: each leaf's names, and in a rescan whether one of them
// was masked, were gathered from its whole path, so that 100000 strings
// in arrays nested 8000 deep (416 KB) took 1.4 s to mask, time in depth
// times leaves. The leaves of one array or object now share what their
// path gives them.
func TestJSONDeepArraysLinear(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("timing: not under -short or the race detector")
	}
	build := func(depth int) []byte {
		return []byte(`{"ssn":` + strings.Repeat("[", depth) + `"536-22-1234","a@b.co"` + strings.Repeat(`,"x"`, 20000) + strings.Repeat("]", depth) + "}")
	}
	j := newJSON(t, nil, mask.JSONOptions{})
	const n = 2000
	ratio, out := maskGrowth(t, j, build(n), build(4*n))
	if ratio > 2 { // the leaves are most of the text: about 1
		t.Errorf("time at 4n / time at n = %.1f, want at most 2", ratio)
	}
	if strings.Contains(string(out), "536-22-1234") || strings.Contains(string(out), "a@b.co") {
		t.Errorf("values left in clear")
	}
}

// TestJSONIncludeDeepLinear is the regression test of Include and
// Exclude patterns matched against each leaf's whole path: deep in nested
// objects, time was depth times leaves times pattern steps (an 80 KB event
// 9000 levels deep took 26 s with a 62-step Include pattern). The leaves
// of one object or array now share the match of their path but for its
// last step ("one wide array").
//
// It is also the regression test of that match compared with the last
// one from the root for every container: an event with a container at
// every level took time quadratic in its depth with a rule (nested
// arrays: 16 times as long at 4n, objects about 7.5 times, with a value
// per level to scan besides). Matching now steps on from the steps the
// walk left unchanged, and time is linear in the event's size (about 4).
func TestJSONIncludeDeepLinear(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("timing: not under -short or the race detector")
	}
	tests := []struct {
		name     string
		build    func(depth int) []byte
		n        int
		maxRatio float64
	}{
		{"one wide array", func(depth int) []byte {
			var b strings.Builder
			for i := range depth {
				fmt.Fprintf(&b, `{"k%d":`, i%50)
			}
			b.WriteString(`["a@b.co"` + strings.Repeat(`,"x"`, 100000) + `]`)
			b.WriteString(strings.Repeat("}", depth))
			return []byte(b.String())
		}, 1000, 2.5}, // the leaves are most of the time: under 2
		{"an array per level", func(depth int) []byte {
			return []byte(strings.Repeat(`[0,`, depth) + `"a@b.co"` + strings.Repeat("]", depth))
		}, 2500, 8},
		{"an object per level", func(depth int) []byte {
			var b strings.Builder
			for i := range depth {
				fmt.Fprintf(&b, `{"v":"x","k%d":`, i%50)
			}
			b.WriteString(`"a@b.co"` + strings.Repeat("}", depth))
			return []byte(b.String())
		}, 2500, 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j := newJSON(t, nil, mask.JSONOptions{Include: []string{"$..k1.k2.k3.k4.*", "$..*"}, Exclude: []string{"$..k7.k8.k9.nothing"}})
			ratio, out := maskGrowth(t, j, tt.build(tt.n), tt.build(4*tt.n))
			if ratio > tt.maxRatio {
				t.Errorf("time at 4n / time at n = %.1f, want at most %.1f", ratio, tt.maxRatio)
			}
			if strings.Contains(string(out), "a@b.co") {
				t.Errorf("value left in clear")
			}
		})
	}
}

// TestJSONRepeatedNamesKeepOuterKeyword is the regression test of the
// innermost 128 member names counted as keywords before equal names were
// merged: under {"ssn": ...} and 130 levels of {"a": ...}, the social
// security number was left in clear by AppendMask and AppendFindings
// (which found it at 100 levels, and before the bound at any depth). The
// names that count are now the innermost distinct ones that the scans'
// groups can hold, however often a name repeats.
func TestJSONRepeatedNamesKeepOuterKeyword(t *testing.T) {
	const ssn = "536-22-1234"
	build := func(open, close string, depth int) string {
		return `{"ssn":` + strings.Repeat(open, depth) + `"` + ssn + `"` + strings.Repeat(close, depth) + "}"
	}
	cases := []struct {
		name  string
		event string
	}{
		{"100 a", build(`{"a":`, "}", 100)},
		{"130 a", build(`{"a":`, "}", 130)},
		{"300 a", build(`{"a":`, "}", 300)},
		{"2000 a in arrays", build(`{"a":[`, "]}", 2000)},
		{"300 a, b", build(`{"a":{"b":`, "}}", 150)},
		{"300 empty names", build(`{"":`, "}", 300)},
		{"300 spaced a", build(`{"a":{" a ":`, "}}", 150)},
		{"300 a with siblings", build(`{"x":"y","a":`, "}", 300)},
	}
	j := newJSON(t, nil, mask.JSONOptions{})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, err := j.AppendMask(nil, []byte(c.event))
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(out), ssn) {
				t.Errorf("AppendMask left the number in clear")
			}
			fs, err := j.AppendFindings(nil, []byte(c.event))
			if err != nil {
				t.Fatal(err)
			}
			start := strings.Index(c.event, ssn)
			found := false
			for _, f := range fs {
				found = found || f.Start == start && f.End == start+len(ssn)
			}
			if !found {
				t.Errorf("AppendFindings did not find the number: %v", fs)
			}
		})
	}
}

// TestFieldFindingsRepeatedNamesKeepOuterKeyword: FieldFindings, given
// the names of a field, counts a keyword name however many repeated names
// follow it, as JSON masking does.
func TestFieldFindingsRepeatedNamesKeepOuterKeyword(t *testing.T) {
	const ssn = "536-22-1234"
	for _, n := range []int{10, 130, 5000} {
		names := append([]string{"ssn"}, slices.Repeat([]string{"a", "b", "a"}, n)...)
		fs := mask.FieldFindings(nil, allScanner(), names, []byte(ssn))
		if len(fs) == 0 || fs[0].Start != 0 || fs[0].End != len(ssn) {
			t.Errorf("%d repeated names: findings %v, want the number", 3*n, fs)
		}
	}
}

// TestJSONDeepRepeatedNamesLinear: with the names that count bounded by
// distinct names, a path of repeated names, each level with values of its
// own, still takes time linear in its depth; so do the rescans, which ask
// of each object whether a name of its path was masked (that walked the
// whole path: time quadratic in the depth).
func TestJSONDeepRepeatedNamesLinear(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("timing: not under -short or the race detector")
	}
	build := func(depth int) []byte {
		return []byte(`{"ssn":` + strings.Repeat(`{"a":"x","b":["y"],"a":`, depth) + `"536-22-1234"` + strings.Repeat("}", depth) + "}")
	}
	j := newJSON(t, nil, mask.JSONOptions{})
	const n = 2000
	ratio, out := maskGrowth(t, j, build(n), build(4*n))
	if ratio > 6 { // about 4; 8 when whether a name of the path was masked was looked up along the whole path for each object
		t.Errorf("time at 4n / time at n = %.1f, want at most 6", ratio)
	}
	if strings.Contains(string(out), "536-22-1234") {
		t.Errorf("value left in clear")
	}
}

// maskGrowth masks small and then large (the same event, 4 times as
// large) with j, after a warm-up, and returns the time at 4n over the time
// at n, each the best of 3 CPU times, and the masked large event; it logs
// both times.
func maskGrowth(t *testing.T, j *mask.JSON, small, large []byte) (ratio float64, out []byte) {
	t.Helper()
	measure := func(event []byte) time.Duration {
		best := time.Hour
		for range 3 {
			best = min(best, cputime.PerRun(func() {
				var err error
				if out, err = j.AppendMask(out[:0], event); err != nil {
					t.Fatal(err)
				}
			}))
		}
		return best
	}
	measure(small)
	ts, tl := measure(small), measure(large)
	ratio = float64(tl) / float64(max(ts, time.Microsecond))
	t.Logf("time at 4n / time at n = %.1f (%v at n, %v at 4n)", ratio, ts, tl)
	return ratio, out
}
