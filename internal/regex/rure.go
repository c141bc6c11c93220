//go:build rure && cgo

package regex

// The rure backend: Rust's regex crate through its C API (librure.a, built
// by `make librure` from internal/rurecapi) and rure-go.
//
// Build with -tags rure (and cgo); the linker must find librure.a, e.g.
//
//	make librure
//	CGO_LDFLAGS="-L$PWD/build/rure -lrure -lm -ldl -lpthread" go test -tags rure ./...
//
// (`make test-rure` does both). The #cgo line below also looks in build/rure
// of this checkout, so a plain `go test -tags rure` works after make librure.
//
// Matching Go's semantics. Both engines are leftmost-first with RE2 syntax,
// but Rust's regex differs from Go's regexp in ways that this backend hides,
// so that Find, FindAll and Match give what regexp's FindIndex, FindAllIndex
// and Match give:
//
//  1. Syntax and classes: \d \w \s \b are ASCII in Go and Unicode in Rust
//     (`\bfoo\b` does not match "éfoo" in Rust, `\w+` takes all of "café",
//     `\s` matches U+00A0, `\d` Arabic-Indic digits); Rust's ASCII \s also
//     matches \v. (?i)k matches U+212A KELVIN SIGN in Go, in Rust only in
//     Unicode mode. In Rust's ASCII mode . and negated classes match one byte
//     (`a.b` does not match "aéb"). Patterns are therefore parsed with Go's
//     regexp/syntax and rewritten with explicit classes (rurePattern in
//     rure_syntax.go). Patterns whose rewritten classes and literals are all
//     ASCII (most PII patterns) are compiled with the Unicode flag off,
//     others with it on; for the rewritten pattern both give the same
//     matches, Go's.
//  2. Invalid UTF-8: Go reads each invalid byte as U+FFFD, so ., [^x], \S
//     etc. match it; Rust in Unicode mode never matches invalid UTF-8 with
//     them (`\S+` on "ab\xffcd": Go [0 5], Rust [0 2 3 5], which would leave
//     the end of a secret unmasked). For patterns that can match U+FFFD,
//     inputs that are not valid UTF-8 (utf8.Valid) are matched with Go's
//     regexp instead, which allocates. Patterns that cannot match U+FFFD
//     (all-ASCII ones among them) need no such check.
//  3. Empty matches: both drop an empty match right after a match, but
//     after an empty match rure's iterator steps one byte and Go one code
//     point (`` on "é": rure [0 0 1 1 2 2], Go [0 0 2 2]). FindAll runs Go's
//     loop (regexp's allMatches) over rure_find. Rust's bytes engine can also
//     find an empty match inside a UTF-8 sequence where Go never looks (`\B`
//     between two continuation bytes): findFrom skips those.
//  4. Start offsets: rure_find takes the whole input and a start offset, so
//     ^, \A and \b at the offset see the bytes before it, as in Go's
//     FindAllIndex (searching b[pos:] would not).
//
// The differential test in regex_test.go checks all of these against Go's
// regexp.

/*
#cgo CFLAGS: -I${SRCDIR}/../rurecapi/include
#cgo LDFLAGS: -L${SRCDIR}/../../build/rure -lrure -lm -ldl -lpthread
#cgo noescape rure_find
#cgo nocallback rure_find
#cgo noescape piiguard_rure_find_all
#cgo nocallback piiguard_rure_find_all
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include "rure.h"

// piiguard_rure_find_all stores the successive matches of re in hay from
// start on as start, end pairs in out, at most max_pairs of them, and returns
// how many; *next is where to go on from. Only for a pattern that cannot
// match the empty string: each search starts where the last match ended.
// One cgo call for many matches.
static size_t piiguard_rure_find_all(rure *re, const uint8_t *hay, size_t len,
                                     size_t start, size_t *out, size_t max_pairs,
                                     size_t *next) {
	rure_match m;
	size_t n = 0;
	while (n < max_pairs && start < len && rure_find(re, hay, len, start, &m)) {
		out[2 * n] = m.start;
		out[2 * n + 1] = m.end;
		n++;
		start = m.end;
	}
	*next = start;
	return n;
}
*/
import "C"

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"unicode/utf8"
	"unsafe"

	rure "github.com/BurntSushi/rure-go"

	"github.com/piiguard/piiguard/internal/pattern"
)

// rureDFASizeLimit bounds the lazy DFA's cache, per regex and thread
// (rure_options_dfa_size_limit; rure's default is 2 MB). When the cache
// fills up too often the lazy DFA gives up and the search falls back to
// slower engines, which long PII patterns over long lines can cause.
const rureDFASizeLimit = 32 << 20

func init() { Default = rureEngine{} }

// Rure returns the engine backed by Rust's regex crate (rure).
func Rure() Engine { return rureEngine{} }

type rureEngine struct{}

func (rureEngine) Name() string { return "rure" }

func (e rureEngine) Compile(expr string) (Regexp, error) {
	p, err := pattern.Parse(expr)
	if err != nil {
		return nil, err
	}
	return e.CompilePattern(p)
}

func (rureEngine) CompilePattern(p *pattern.Pattern) (Regexp, error) {
	re, err := compileRure(p)
	if err != nil {
		return nil, err // not a nil *rureRegexp in a non-nil Regexp
	}
	return re, nil
}

type rureRegexp struct {
	expr       string
	re         *rure.Regex // owns p (freed by its finalizer)
	p          *C.rure
	canBeEmpty bool
	// goRe matches inputs that are not valid UTF-8 when the pattern can
	// match U+FFFD (see 2. above); nil otherwise.
	goRe *regexp.Regexp
}

func compileRure(parsed *pattern.Pattern) (*rureRegexp, error) {
	expr := parsed.String()
	pat := translateTree(parsed.Syntax())
	var flags uint32
	if pat.unicode {
		flags = rure.FlagUnicode
	}
	opts := rure.NewOptions()
	opts.SetDFASizeLimit(rureDFASizeLimit)
	re, err := rure.CompileOptions(pat.expr, flags, opts)
	if err != nil {
		return nil, fmt.Errorf("rure: %w (rewritten as %q)", err, pat.expr)
	}
	p, err := rureGoPointer(re)
	if err != nil {
		return nil, err
	}
	r := &rureRegexp{expr: expr, re: re, p: p, canBeEmpty: pat.canBeEmpty}
	if pat.matchesFFFD {
		if r.goRe, err = regexp.Compile(expr); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// rureGoPointer returns the C regex behind a rure-go Regex. rure-go has no
// search with a start offset (rure_find's start argument), which FindAll
// needs to run without allocating; its Regex keeps the *C.rure in the
// unexported field p. rure-go is pinned in go.mod, and this fails cleanly if
// a new version moves it.
func rureGoPointer(re *rure.Regex) (*C.rure, error) {
	f := reflect.ValueOf(re).Elem().FieldByName("p")
	if !f.IsValid() || f.Kind() != reflect.Pointer || f.IsNil() {
		return nil, errors.New("rure: unsupported rure-go version (no Regex.p)")
	}
	return (*C.rure)(f.UnsafePointer()), nil
}

func (r *rureRegexp) String() string { return r.expr }

func (r *rureRegexp) Match(b []byte) bool {
	if r.goRe != nil && !utf8.Valid(b) {
		return r.goRe.Match(b)
	}
	if r.canBeEmpty {
		_, _, ok := r.findFrom(b, 0)
		return ok
	}
	return r.re.IsMatchBytes(b)
}

func (r *rureRegexp) Find(b []byte) (start, end int, ok bool) {
	if r.goRe != nil && !utf8.Valid(b) {
		if loc := r.goRe.FindIndex(b); loc != nil {
			return loc[0], loc[1], true
		}
		return 0, 0, false
	}
	return r.findFrom(b, 0)
}

func (r *rureRegexp) FindValid(b []byte) (start, end int, ok bool) {
	return r.findFrom(b, 0)
}

// FindAll follows regexp's allMatches loop, so that empty matches come out
// as from FindAllIndex.
func (r *rureRegexp) FindAll(dst []int, b []byte) []int {
	if r.goRe != nil && !utf8.Valid(b) {
		for _, m := range r.goRe.FindAllIndex(b, -1) {
			dst = append(dst, m[0], m[1])
		}
		return dst
	}
	if !r.canBeEmpty && intIsSizeT {
		return r.findAllNonEmpty(dst, b)
	}
	prevEnd := -1
	for pos := 0; pos <= len(b); {
		s, e, ok := r.findFrom(b, pos)
		if !ok {
			break
		}
		accept := true
		if e == pos { // an empty match at pos
			if s == prevEnd { // right after the previous match: dropped
				accept = false
			}
			if _, w := utf8.DecodeRune(b[pos:]); w > 0 {
				pos += w
			} else {
				pos = len(b) + 1
			}
		} else {
			pos = e
		}
		prevEnd = e
		if accept {
			dst = append(dst, s, e)
		}
	}
	return dst
}

// intIsSizeT reports that an []int can hold C's size_t offsets.
const intIsSizeT = unsafe.Sizeof(int(0)) == unsafe.Sizeof(C.size_t(0))

// findAllNonEmpty is FindAll for a pattern that cannot match the empty
// string: its matches start at code point boundaries (they start with an
// ASCII byte or a valid UTF-8 sequence), and the next search starts where
// the last match ends. The matches go straight into dst's free capacity,
// several per cgo call; dst grows when full.
func (r *rureRegexp) findAllNonEmpty(dst []int, b []byte) []int {
	for start := 0; start < len(b); {
		if cap(dst)-len(dst) < 2 {
			dst = slices.Grow(dst, 16)
		}
		free := dst[len(dst):cap(dst)]
		var next C.size_t
		n := int(C.piiguard_rure_find_all(r.p, bytesPtr(b), C.size_t(len(b)), C.size_t(start),
			(*C.size_t)(unsafe.Pointer(unsafe.SliceData(free))), C.size_t(len(free)/2), &next))
		dst = dst[:len(dst)+2*n]
		if n < len(free)/2 {
			break // no more matches
		}
		start = int(next)
	}
	runtime.KeepAlive(r.re)
	return dst
}

// findFrom returns the leftmost-first match starting at from or later that
// Go would see: one that starts at a code point boundary as Go's regexp
// decodes b (which reads an invalid byte as one U+FFFD).
func (r *rureRegexp) findFrom(b []byte, from int) (s, e int, ok bool) {
	for {
		s, e, ok = r.find(b, from)
		if !ok {
			return 0, 0, false
		}
		next := runeEnd(b, s)
		if next == s {
			return
		}
		from = next // s is inside a UTF-8 sequence
	}
}

// find is rure_find: the leftmost-first match in b starting at start or
// later, with the bytes before start as context.
func (r *rureRegexp) find(b []byte, start int) (s, e int, ok bool) {
	var m C.rure_match
	ok = bool(C.rure_find(r.p, bytesPtr(b), C.size_t(len(b)), C.size_t(start), &m))
	runtime.KeepAlive(r.re)
	return int(m.start), int(m.end), ok
}

// runeEnd returns i if i is a code point boundary of b as Go's regexp
// decodes it, else the end of the UTF-8 sequence that holds i.
func runeEnd(b []byte, i int) int {
	if i <= 0 || i >= len(b) || utf8.RuneStart(b[i]) {
		return i // at an ends or a byte that no sequence continues
	}
	// b[i] is a continuation byte: inside a sequence if one of the 3 bytes
	// before it starts a valid sequence that reaches past it. (A valid
	// sequence always starts at a boundary: its first byte cannot continue
	// another.)
	for k := 1; k <= utf8.UTFMax-1 && i-k >= 0; k++ {
		if c := b[i-k]; utf8.RuneStart(c) {
			if c < utf8.RuneSelf {
				return i
			}
			if _, w := utf8.DecodeRune(b[i-k:]); w > k {
				return i - k + w
			}
			return i
		}
	}
	return i
}

// zeroByte gives rure a valid pointer for empty inputs (Rust's slices may
// not be built on a nil pointer, even empty ones).
var zeroByte [1]byte

func bytesPtr(b []byte) *C.uint8_t {
	if len(b) == 0 {
		return (*C.uint8_t)(unsafe.Pointer(&zeroByte[0]))
	}
	return (*C.uint8_t)(unsafe.Pointer(unsafe.SliceData(b)))
}
