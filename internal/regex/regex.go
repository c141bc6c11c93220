// Package regex is the one small seam between the detector and a regular
// expression engine.
//
// Two backends implement it: Go's regexp package (the default, pure Go, also
// used by the WASM build) and Rust's regex crate through rure-go (build tag
// "rure", cgo). The detector never imports an engine directly; it compiles
// patterns through Compile and asks the Regexp for matches.
package regex

import (
	"fmt"

	"github.com/piiguard/piiguard/internal/pattern"
)

// Regexp is a compiled pattern. Implementations are safe for concurrent use.
type Regexp interface {
	// FindAll appends to dst the start and end byte offsets of the
	// successive non-overlapping leftmost-first matches of the pattern in b,
	// as pairs (start0, end0, start1, end1, ...), and returns the extended
	// slice. It does not allocate when dst has room.
	FindAll(dst []int, b []byte) []int
	// Find returns the start and end byte offsets of the leftmost-first match
	// in b, if any.
	Find(b []byte) (start, end int, ok bool)
	// FindValid is Find for b that the caller knows to be valid UTF-8.
	// Find checks b's encoding first where the engine's answer depends
	// on it (rure, for a pattern that can match U+FFFD); FindValid skips
	// that check, whose cost is b's length, so that a caller searching
	// many suffixes of one long text checks the text once.
	FindValid(b []byte) (start, end int, ok bool)
	// Match reports whether b contains a match.
	Match(b []byte) bool
	// String returns the source pattern.
	String() string
}

// Engine compiles patterns for one backend.
type Engine interface {
	// Name identifies the backend ("go" or "rure").
	Name() string
	// Compile compiles an RE2-syntax pattern.
	Compile(expr string) (Regexp, error)
	// CompilePattern compiles a pattern already parsed (package pattern),
	// as Compile compiles its source: rure rewrites the parsed tree
	// without parsing the source again; Go's regexp, which cannot start
	// from a tree, compiles the source.
	CompilePattern(p *pattern.Pattern) (Regexp, error)
}

// Default is the engine used by Compile: Go's regexp, or rure when the
// program is built with the "rure" tag and cgo.
var Default Engine = goEngine{}

// Compile compiles expr with the default engine.
func Compile(expr string) (Regexp, error) {
	re, err := Default.Compile(expr)
	if err != nil {
		return nil, fmt.Errorf("regex: %w", err)
	}
	return re, nil
}
