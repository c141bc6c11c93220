//go:build rure && cgo

package bench

// Baselines on Rust's regex crate, through internal/regex's rure backend.
// Build with the rure tag and cgo after `make librure`:
//
//	go test -tags rure -run '^$' -bench . -benchmem ./bench/
//
// Under the tag internal/regex's default engine is rure, so
// BenchmarkDetector measures the detector on the rure backend too.

import (
	"sync"
	"testing"

	"github.com/piiguard/piiguard/internal/regex"
)

var (
	rureOnce sync.Once
	rureAlt  regex.Regexp
	rureErr  error
)

// BenchmarkRureAlternation: every catalog pattern in one alternation
// compiled by Rust's regex crate (rure), FindAll per line into a reused
// slice; no validation.
func BenchmarkRureAlternation(b *testing.B) {
	setup(b)
	rureOnce.Do(func() { rureAlt, rureErr = regex.Rure().Compile(AlternationExpr(patterns)) })
	if rureErr != nil {
		b.Fatal(rureErr)
	}
	eachCorpus(b, func() func([]byte) int {
		var ms []int
		return func(line []byte) int {
			ms = rureAlt.FindAll(ms[:0], line)
			return len(ms) / 2
		}
	})
}

var (
	rureCoreOnce sync.Once
	rureCoreAlt  regex.Regexp
	rureCoreErr  error
)

// BenchmarkRureAlternationCore: the rure alternation of the core
// identifiers' patterns (CoreNames).
func BenchmarkRureAlternationCore(b *testing.B) {
	setupCore(b)
	rureCoreOnce.Do(func() { rureCoreAlt, rureCoreErr = regex.Rure().Compile(AlternationExpr(corePatterns)) })
	if rureCoreErr != nil {
		b.Fatal(rureCoreErr)
	}
	eachCorpus(b, func() func([]byte) int {
		var ms []int
		return func(line []byte) int {
			ms = rureCoreAlt.FindAll(ms[:0], line)
			return len(ms) / 2
		}
	})
}
