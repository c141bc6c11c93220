//go:build rure && cgo

package regex

import (
	"regexp"
	"slices"
	"sync"
	"testing"

	"github.com/piiguard/piiguard/internal/pattern"
)

// translate parses expr with Go's syntax (as regexp.Compile does) and
// rewrites it for rure.
func translate(expr string) (rurePattern, error) {
	p, err := pattern.Parse(expr)
	if err != nil {
		return rurePattern{}, err
	}
	return translateTree(p.Syntax()), nil
}

func TestRureIsDefault(t *testing.T) {
	if Default.Name() != "rure" || Rure().Name() != "rure" || Go().Name() != "go" {
		t.Fatalf("Default %q, Rure() %q, Go() %q", Default.Name(), Rure().Name(), Go().Name())
	}
}

func TestRureUnicodeFlag(t *testing.T) {
	for _, c := range []struct {
		expr          string
		unicode, fffd bool
	}{
		{`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`, false, false},
		{`\b\d{3}-\d{2}-\d{4}\b`, false, false},
		{`\w+\s*[:=]\s*[[:alnum:]]+`, false, false},
		{`(?i)[a-j]+`, false, false},
		{`(?i)k`, true, false}, // U+212A KELVIN SIGN
		{`é`, true, false},
		{`\pN`, true, false},
		{`\S+`, true, true},
		{`.`, true, true},
		{`[^"]*`, true, true},
	} {
		pat, err := translate(c.expr)
		if err != nil {
			t.Fatal(err)
		}
		if pat.unicode != c.unicode || pat.matchesFFFD != c.fffd {
			t.Errorf("translate(%q): unicode %v, matchesFFFD %v; want %v, %v (rewritten %q)",
				c.expr, pat.unicode, pat.matchesFFFD, c.unicode, c.fffd, pat.expr)
		}
	}
}

func TestRureFindAllNoAlloc(t *testing.T) {
	for _, expr := range []string{`\b(?:\d{1,3}\.){3}\d{1,3}\b`, `(?i)user=\S+`, ``, `x*`} {
		re, err := Compile(expr)
		if err != nil {
			t.Fatal(err)
		}
		dst := make([]int, 0, 4096)
		n := testing.AllocsPerRun(100, func() {
			dst = re.FindAll(dst[:0], logLine)
			_ = re.Match(logLine)
			_, _, _ = re.Find(logLine)
		})
		if n != 0 {
			t.Errorf("%q: %v allocations per FindAll+Match+Find", expr, n)
		}
	}
}

func TestRureConcurrent(t *testing.T) {
	re, err := Compile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)
	if err != nil {
		t.Fatal(err)
	}
	want := re.FindAll(nil, logLine)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 200 {
				if got := re.FindAll(nil, logLine); !slices.Equal(got, want) {
					t.Errorf("concurrent FindAll = %v, want %v", got, want)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestSet(t *testing.T) {
	set, err := CompileSet(diffPatterns)
	if err != nil {
		t.Fatal(err)
	}
	if set.Len() != len(diffPatterns) || !slices.Equal(set.Patterns(), diffPatterns) {
		t.Fatalf("Len %d, Patterns %q", set.Len(), set.Patterns())
	}
	std := make([]*regexp.Regexp, len(diffPatterns))
	for i, p := range diffPatterns {
		std[i] = regexp.MustCompile(p)
	}
	dst := make([]bool, set.Len()+1)
	for _, in := range append(diffInputs, string(logLine)) {
		b := []byte(in)
		dst[len(dst)-1] = true // beyond Len: left alone
		any := set.Matches(b, dst)
		wantAny := false
		for i, re := range std {
			if want := re.Match(b); dst[i] != want {
				t.Errorf("Matches(%q)[%d] (%q) = %v, want %v", in, i, diffPatterns[i], dst[i], want)
			} else {
				wantAny = wantAny || want
			}
		}
		if any != wantAny || set.Match(b) != wantAny {
			t.Errorf("Matches(%q) = %v, Match = %v, want %v", in, any, set.Match(b), wantAny)
		}
		if !dst[len(dst)-1] {
			t.Errorf("Matches(%q) wrote past Len()", in)
		}
	}
}

func TestSetASCII(t *testing.T) {
	pats := []string{`\b\d{3}-\d{2}-\d{4}\b`, `[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`, `\bpassword=`, `\bfoo\b`}
	set, err := CompileSet(pats)
	if err != nil {
		t.Fatal(err)
	}
	dst := make([]bool, len(pats))
	for _, c := range []struct {
		in   string
		want []bool
	}{
		{"ssn=123-45-6789 mail=a@b.io", []bool{true, true, false, false}},
		{"xpassword=1 foobar", []bool{false, false, false, false}},
		{"éfoo password=", []bool{false, false, true, true}},
		{"", []bool{false, false, false, false}},
	} {
		any := set.Matches([]byte(c.in), dst)
		if !slices.Equal(dst, c.want) || any != slices.Contains(c.want, true) {
			t.Errorf("Matches(%q) = %v, %v; want %v", c.in, dst, any, c.want)
		}
	}
	n := testing.AllocsPerRun(100, func() {
		set.Matches(logLine, dst)
		set.Match(logLine)
	})
	if n != 0 {
		t.Errorf("%v allocations per Matches+Match", n)
	}
}

func TestSetEdges(t *testing.T) {
	empty, err := CompileSet(nil)
	if err != nil {
		t.Fatal(err)
	}
	if empty.Len() != 0 || empty.Match([]byte("x")) || empty.Matches([]byte("x"), nil) {
		t.Error("empty set matched")
	}
	if _, err := CompileSet([]string{`a`, `(`}); err == nil {
		t.Error("CompileSet with a bad pattern: no error")
	}
	set, err := CompileSet([]string{`a`, `b`})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if recover() == nil {
			t.Error("Matches with a short dst did not panic")
		}
	}()
	set.Matches([]byte("a"), make([]bool, 1))
}

func BenchmarkSetMatches(b *testing.B) {
	pats := make([]string, len(benchPatterns))
	for i, p := range benchPatterns {
		pats[i] = p.expr
	}
	set, err := CompileSet(pats)
	if err != nil {
		b.Fatal(err)
	}
	dst := make([]bool, set.Len())
	b.SetBytes(int64(len(logLine)))
	b.ReportAllocs()
	for b.Loop() {
		set.Matches(logLine, dst)
	}
}
