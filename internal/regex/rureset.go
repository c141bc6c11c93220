//go:build rure && cgo

package regex

// A binding of rure's regex sets (rure_compile_set), which rure-go lacks.

/*
#cgo CFLAGS: -I${SRCDIR}/../rurecapi/include
#cgo noescape rure_set_matches
#cgo nocallback rure_set_matches
#cgo noescape rure_set_is_match
#cgo nocallback rure_set_is_match
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include "rure.h"
*/
import "C"

import (
	"fmt"
	"runtime"
	"unicode/utf8"
	"unsafe"

	"github.com/piiguard/piiguard/internal/pattern"
)

// Set is a list of patterns matched together in one pass over the input
// (Rust's RegexSet): it tells which patterns match somewhere in the input,
// not where. It gives the same answers as each pattern's Match, with Go's
// semantics (see rure.go). It is safe for concurrent use.
type Set struct {
	p     *C.rure_set // nil for an empty set
	exprs []string
	// exact holds, for the patterns for which rure's set may answer
	// differently from Go (patterns that can match the empty string, and on
	// invalid UTF-8 those that can match U+FFFD), the single regex that
	// answers for them.
	exact []setExact
	fffd  bool // some pattern of exact can match U+FFFD
}

type setExact struct {
	i          int
	re         *rureRegexp
	canBeEmpty bool
}

// CompileSet compiles patterns (RE2 syntax, as Compile) into a Set, whose
// pattern i is patterns[i].
func CompileSet(patterns []string) (*Set, error) {
	s := &Set{exprs: append([]string(nil), patterns...)}
	if len(patterns) == 0 {
		return s, nil
	}
	n := len(patterns)
	exprs := make([]string, n)
	var flags C.uint32_t
	for i, expr := range patterns {
		parsed, err := pattern.Parse(expr)
		if err != nil {
			return nil, fmt.Errorf("regex: set pattern %d: %w", i, err)
		}
		pat := translateTree(parsed.Syntax())
		exprs[i] = pat.expr
		if pat.unicode {
			flags = C.RURE_FLAG_UNICODE
		}
		if pat.canBeEmpty || pat.matchesFFFD {
			re, err := compileRure(parsed)
			if err != nil {
				return nil, fmt.Errorf("regex: set pattern %d: %w", i, err)
			}
			s.exact = append(s.exact, setExact{i: i, re: re, canBeEmpty: pat.canBeEmpty})
			s.fffd = s.fffd || pat.matchesFFFD
		}
	}

	// The pattern pointers live in C memory: cgo forbids passing Go memory
	// that holds Go pointers.
	ptrs := unsafe.Slice((**C.uint8_t)(C.malloc(C.size_t(n)*C.size_t(unsafe.Sizeof((*C.uint8_t)(nil))))), n)
	lens := unsafe.Slice((*C.size_t)(C.malloc(C.size_t(n)*C.size_t(unsafe.Sizeof(C.size_t(0))))), n)
	defer C.free(unsafe.Pointer(&ptrs[0]))
	defer C.free(unsafe.Pointer(&lens[0]))
	for i, expr := range exprs {
		ptrs[i] = (*C.uint8_t)(C.CBytes([]byte(expr)))
		lens[i] = C.size_t(len(expr))
	}
	defer func() {
		for _, p := range ptrs {
			C.free(unsafe.Pointer(p))
		}
	}()

	opts := C.rure_options_new()
	defer C.rure_options_free(opts)
	C.rure_options_dfa_size_limit(opts, rureDFASizeLimit)
	cerr := C.rure_error_new()
	defer C.rure_error_free(cerr)
	s.p = C.rure_compile_set(&ptrs[0], &lens[0], C.size_t(n), flags, opts, cerr)
	if s.p == nil {
		return nil, fmt.Errorf("regex: set: rure: %s", C.GoString(C.rure_error_message(cerr)))
	}
	runtime.SetFinalizer(s, func(s *Set) { C.rure_set_free(s.p) })
	return s, nil
}

// Len returns the number of patterns.
func (s *Set) Len() int { return len(s.exprs) }

// Patterns returns the patterns, in order.
func (s *Set) Patterns() []string { return append([]string(nil), s.exprs...) }

// Match reports whether any pattern matches b.
func (s *Set) Match(b []byte) bool {
	if s.p == nil {
		return false
	}
	if len(s.exact) == 0 {
		ok := bool(C.rure_set_is_match(s.p, bytesPtr(b), C.size_t(len(b)), 0))
		runtime.KeepAlive(s)
		return ok
	}
	// Rare: patterns that can match the empty string. Take the long way.
	var buf [64]bool
	dst := buf[:0]
	if len(s.exprs) > len(buf) {
		dst = make([]bool, len(s.exprs))
	}
	return s.Matches(b, dst[:len(s.exprs)])
}

// Matches sets dst[i] to whether pattern i matches b, for i < Len(), and
// reports whether any does. dst must have at least Len() elements. It does
// not allocate.
func (s *Set) Matches(b []byte, dst []bool) bool {
	n := len(s.exprs)
	if len(dst) < n {
		panic(fmt.Sprintf("regex: Set.Matches: len(dst) = %d < %d patterns", len(dst), n))
	}
	if s.p == nil {
		return false
	}
	any := bool(C.rure_set_matches(s.p, bytesPtr(b), C.size_t(len(b)), 0, (*C.bool)(unsafe.Pointer(&dst[0]))))
	runtime.KeepAlive(s)
	if len(s.exact) == 0 {
		return any
	}
	valid := !s.fffd || utf8.Valid(b)
	for _, x := range s.exact {
		if x.canBeEmpty || !valid {
			dst[x.i] = x.re.Match(b)
		}
	}
	any = false
	for _, m := range dst[:n] {
		any = any || m
	}
	return any
}
