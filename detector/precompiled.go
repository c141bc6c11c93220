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

// automaton returns the automaton of a pattern: a full DFA, or a lazily
// built one (shared, created on first use), or neither, when only a regexp
// engine runs the pattern. near says the pattern runs only near its
// keywords or literals. The precompiled catalog answers for the patterns
// it holds; the others, and any entry that fails to decode, are compiled
// from source: a DFA when package dfa builds one in full, else a lazy one.
func automaton(cat *precompiled.Catalog, expr string, near bool) (*dfa.DFA, *lazyDFA) {
	if cat != nil {
		if e := cat.Lookup(expr); e != nil {
			switch e.Kind {
			case precompiled.KindDFA:
				if d, err := e.DFA(); err == nil {
					return d, nil
				}
			case precompiled.KindLazy:
				if near {
					return nil, &lazyDFA{entry: e}
				}
			case precompiled.KindRegexp:
				return nil, nil
			}
		}
	}
	if d := compileDFA(expr); d != nil {
		return d, nil
	}
	if l, err := dfa.CompileLazy(expr, 0); err == nil {
		return nil, &lazyDFA{lazy: l}
	}
	return nil, nil
}

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
