package detector

import (
	_ "embed"
	"sync"

	"github.com/piiguard/piiguard/internal/dfa"
	"github.com/piiguard/piiguard/internal/pattern"
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

// storedDFA is a precompiled entry's DFA, decoded on first use (the
// entry's decoding is shared by every detector). Should the entry be
// damaged, the DFA is compiled from the pattern's source instead, once;
// should that fail too (it cannot: the generator compiled the same
// source), the pattern's regular expression runs it. Safe for concurrent
// use.
type storedDFA struct {
	entry *precompiled.Entry
	expr  string
	once  sync.Once
	dfa   *dfa.DFA
}

// get returns the DFA, or nil when there is none.
func (s *storedDFA) get() *dfa.DFA {
	s.once.Do(func() {
		if d, err := s.entry.DFA(); err == nil {
			s.dfa = d
			return
		}
		if p, err := pattern.Parse(s.expr); err == nil {
			s.dfa, _ = dfa.Compile(p, dfa.Options{})
		}
	})
	return s.dfa
}

// automaton returns the pattern's full DFA, decoding a stored one on
// first use, or nil when the pattern has none (a lazy automaton or its
// regular expression runs it).
func (cp *compiledPattern) automaton() *dfa.DFA {
	if cp.stored != nil {
		return cp.stored.get()
	}
	return cp.dfa
}
