package detector

import (
	_ "embed"
	"sync"

	"github.com/piiguard/piiguard/internal/dfa"
	"github.com/piiguard/piiguard/internal/precompiled"
)

// The managed catalog's automata, compiled ahead of time (package
// internal/precompiled). TestPrecompiledUpToDate fails when the file is
// stale; go generate ./detector/ (make generate) renews it.
//
//go:generate go run ../internal/precompiled/gen -o precompiled.bin
//go:embed precompiled.bin
var precompiledForm []byte

// precompiledCatalog opens the embedded form once; nil when it is damaged
// or of another version, and every pattern is then compiled from source.
var precompiledCatalog = sync.OnceValue(func() *precompiled.Catalog {
	c, err := precompiled.Open(precompiledForm)
	if err != nil {
		return nil
	}
	return c
})

// lazyDFA is a pattern's lazily built automaton: its own, or a
// precompiled entry's, created on first use and shared.
type lazyDFA struct {
	lazy  *dfa.Lazy
	entry *precompiled.Entry
}

// get returns the automaton, or nil when it cannot be created.
func (l *lazyDFA) get() *dfa.Lazy {
	if l == nil {
		return nil
	}
	if l.lazy != nil {
		return l.lazy
	}
	lz, err := l.entry.Lazy()
	if err != nil {
		return nil
	}
	return lz
}
