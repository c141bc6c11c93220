// Package pattern parses a detector pattern once into the form every
// analysis of it shares, as package regexp/syntax does for Go's regexp.
//
// A pattern goes through three stages, each done at most once: Parse
// parses the source (RE2 syntax with Perl flags, as regexp.Compile parses
// it) and simplifies the tree (counted repetitions expanded); Prog compiles
// the simplified tree to a program on first use. The consumers read the
// stage they need and never parse the source again:
//
//   - package prefilter analyses the simplified tree (Simplified);
//   - package dfa determinises the program (Prog), in full or lazily, both
//     from the same program;
//   - package regex rewrites the tree as parsed (Syntax) for Rust's regex
//     crate; Go's regexp, which has no way to start from a parsed tree,
//     compiles the source (String) itself.
//
// A Pattern is immutable and safe for concurrent use. Its trees and
// program are shared: callers must not change them.
package pattern

import (
	"regexp/syntax"
	"strconv"
	"sync"
	"sync/atomic"
)

// Pattern is a parsed and simplified regular expression, and the program
// it compiles to.
type Pattern struct {
	expr   string
	parsed *syntax.Regexp
	simple *syntax.Regexp
	prog   func() (*syntax.Prog, error)
}

// parses counts the calls to Parse (see Parses).
var parses atomic.Uint64

// Parse parses expr (RE2 syntax with Perl flags) and simplifies it. It
// succeeds exactly when regexp.Compile does, with the same error, which
// names what is wrong and where in expr.
func Parse(expr string) (*Pattern, error) {
	parses.Add(1)
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil, err
	}
	p := &Pattern{expr: expr, parsed: re, simple: re.Simplify()}
	p.prog = sync.OnceValues(func() (*syntax.Prog, error) { return syntax.Compile(p.simple) })
	return p, nil
}

// MustParse is Parse for patterns known to be valid (tests, patterns in
// source code): it panics when expr does not parse.
func MustParse(expr string) *Pattern {
	p, err := Parse(expr)
	if err != nil {
		panic("pattern: Parse(" + quote(expr) + "): " + err.Error())
	}
	return p
}

// String returns the source of the pattern.
func (p *Pattern) String() string { return p.expr }

// Syntax returns the tree as parsed, before simplification: counted
// repetitions are still OpRepeat nodes.
func (p *Pattern) Syntax() *syntax.Regexp { return p.parsed }

// Simplified returns the simplified tree (syntax.Regexp.Simplify).
func (p *Pattern) Simplified() *syntax.Regexp { return p.simple }

// Prog returns the program the simplified tree compiles to, compiled on
// first use and shared.
func (p *Pattern) Prog() (*syntax.Prog, error) { return p.prog() }

// Parses returns how many times Parse has been called in this process.
// Tests use it to check that a compiler parses each of its patterns once.
func Parses() uint64 { return parses.Load() }

func quote(s string) string {
	if strconv.CanBackquote(s) {
		return "`" + s + "`"
	}
	return strconv.Quote(s)
}
