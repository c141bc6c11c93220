package detector

import (
	_ "embed"
	"sync"

	"github.com/piiguard/piiguard/internal/dfa"
	"github.com/piiguard/piiguard/internal/precompiled"
	"github.com/piiguard/piiguard/internal/prefilter"
	"github.com/piiguard/piiguard/internal/regex"
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

// source returns a pattern's regular expression and its description. For
// a pattern the precompiled catalog holds (e, when not nil), the
// description is the catalog's and, with Go's engine, the expression is
// compiled on first use (the catalog was built only from patterns Go's
// regexp compiles); otherwise the engine compiles it and package prefilter
// analyses it, and an invalid pattern is reported here.
func source(e *precompiled.Entry, engine regex.Engine, expr string) (regex.Regexp, *prefilter.Info, error) {
	if e != nil {
		if info, err := e.Info(); err == nil {
			if engine.Name() == regex.Go().Name() {
				return &onDemand{expr: expr, engine: engine}, info, nil
			}
			re, err := engine.Compile(expr)
			return re, info, err
		}
	}
	re, err := engine.Compile(expr)
	if err != nil {
		return nil, nil, err
	}
	info, err := prefilter.Analyze(expr)
	if err != nil {
		return nil, nil, err
	}
	return re, info, nil
}

// onDemand is a regular expression compiled on first use: most patterns
// have a DFA and never need it. Should the compilation fail (it cannot for
// a pattern of the precompiled catalog, which Go's regexp compiled when
// the catalog was built), it matches nothing.
type onDemand struct {
	expr   string
	engine regex.Engine
	once   sync.Once
	re     regex.Regexp
}

func (r *onDemand) get() regex.Regexp {
	r.once.Do(func() {
		if re, err := r.engine.Compile(r.expr); err == nil {
			r.re = re
		}
	})
	return r.re
}

func (r *onDemand) String() string { return r.expr }

func (r *onDemand) Find(b []byte) (int, int, bool) {
	if re := r.get(); re != nil {
		return re.Find(b)
	}
	return 0, 0, false
}

func (r *onDemand) FindAll(dst []int, b []byte) []int {
	if re := r.get(); re != nil {
		return re.FindAll(dst, b)
	}
	return dst
}

func (r *onDemand) Match(b []byte) bool {
	if re := r.get(); re != nil {
		return re.Match(b)
	}
	return false
}

// automaton returns the automaton of a pattern: a full DFA, or a lazily
// built one (shared, created on first use), or neither, when only a regexp
// engine runs the pattern. near says the pattern runs only near its
// keywords or literals. The precompiled catalog answers for the patterns
// it holds; the others, and any entry that fails to decode, are compiled
// from source: a DFA when package dfa builds one in full, else a lazy one.
func automaton(e *precompiled.Entry, expr string, near bool) (*dfa.DFA, *lazyDFA) {
	if e != nil {
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
