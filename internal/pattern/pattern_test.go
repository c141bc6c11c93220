package pattern_test

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/internal/pattern"
)

// TestParse: the three stages agree with regexp/syntax run by hand, and
// Parses counts each call once.
func TestParse(t *testing.T) {
	tests := []string{
		`[0-9]{3}-[0-9]{2}-[0-9]{4}`,
		`(?i)\bssn[: ]*[0-9]{3}`,
		`[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}`,
		`(?:AKIA|ASIA)[A-Z0-9]{16}`,
	}
	for _, expr := range tests {
		before := pattern.Parses()
		p, err := pattern.Parse(expr)
		if err != nil {
			t.Fatalf("Parse(%q): %v", expr, err)
		}
		if n := pattern.Parses() - before; n != 1 {
			t.Errorf("Parse(%q) counted %d parses, want 1", expr, n)
		}
		re, err := syntax.Parse(expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		simple := re.Simplify()
		prog, err := syntax.Compile(simple)
		if err != nil {
			t.Fatal(err)
		}
		if p.String() != expr {
			t.Errorf("String() = %q, want %q", p.String(), expr)
		}
		if !p.Syntax().Equal(re) {
			t.Errorf("%q: Syntax() = %v, want %v", expr, p.Syntax(), re)
		}
		if !p.Simplified().Equal(simple) {
			t.Errorf("%q: Simplified() = %v, want %v", expr, p.Simplified(), simple)
		}
		got, err := p.Prog()
		if err != nil || got.String() != prog.String() {
			t.Errorf("%q: Prog() = %v, %v; want\n%v", expr, got, err, prog)
		}
		if again, _ := p.Prog(); again != got {
			t.Errorf("%q: Prog() compiled twice", expr)
		}
	}
}

// TestParseErrors: an invalid pattern is refused with the error
// regexp.Compile gives, which names the problem and the offending part of
// the pattern.
func TestParseErrors(t *testing.T) {
	tests := []struct{ expr, want string }{
		{`[0-9`, "missing closing ]"},
		{`a{1001}`, "invalid repeat count"},
		{`(?P<x`, "invalid named capture"},
		{`a**`, "invalid nested repetition operator"},
	}
	for _, tt := range tests {
		p, err := pattern.Parse(tt.expr)
		if err == nil || p != nil {
			t.Errorf("Parse(%q) = %v, %v; want an error", tt.expr, p, err)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q): %v; want %q", tt.expr, err, tt.want)
		}
		if _, rerr := regexp.Compile(tt.expr); rerr == nil || rerr.Error() != err.Error() {
			t.Errorf("Parse(%q): %v; regexp.Compile: %v", tt.expr, err, rerr)
		}
	}
}

// TestConcurrentProg: goroutines asking for the program at once all get
// the same one (run under -race in CI).
func TestConcurrentProg(t *testing.T) {
	p := pattern.MustParse(`[0-9]{3}-[0-9]{2}-[0-9]{4}`)
	progs := make(chan *syntax.Prog, 8)
	for range cap(progs) {
		go func() {
			prog, _ := p.Prog()
			progs <- prog
		}()
	}
	first := <-progs
	for range cap(progs) - 1 {
		if prog := <-progs; prog != first {
			t.Fatal("two programs for one pattern")
		}
	}
}
