package detector

import (
	"sync"

	"github.com/piiguard/piiguard/internal/dfa"
	"github.com/piiguard/piiguard/internal/pattern"
	"github.com/piiguard/piiguard/internal/precompiled"
	"github.com/piiguard/piiguard/internal/prefilter"
	"github.com/piiguard/piiguard/internal/regex"
)

// sources turns the patterns of one compilation into what the scan runs:
// a regular expression, a description (prefilter.Info) and an automaton.
// The precompiled catalog answers for the patterns it holds. Any other
// pattern is parsed once (package pattern), and its one parsed form feeds
// every consumer: the description, the full or lazy automaton and, with
// rure, the regular expression (Go's regexp compiles the source itself,
// on first use). Patterns with the same source share their parsed form.
type sources struct {
	engine regex.Engine
	cat    *precompiled.Catalog
	parsed map[string]*pattern.Pattern
}

func newSources(engine regex.Engine, cat *precompiled.Catalog) *sources {
	return &sources{engine: engine, cat: cat, parsed: map[string]*pattern.Pattern{}}
}

// parse returns expr parsed, parsing it on first use.
func (s *sources) parse(expr string) (*pattern.Pattern, error) {
	if p, ok := s.parsed[expr]; ok {
		return p, nil
	}
	p, err := pattern.Parse(expr)
	if err != nil {
		return nil, err
	}
	s.parsed[expr] = p
	return p, nil
}

// source returns a pattern's regular expression and its description. The
// description of a pattern the precompiled catalog holds (e, when not nil)
// is the catalog's; otherwise package prefilter analyses the parsed
// pattern, and an invalid pattern is reported here. With Go's engine the
// expression is compiled on first use: it compiles whenever the pattern
// parses, and most patterns have an automaton and never need it.
func (s *sources) source(e *precompiled.Entry, expr string) (regex.Regexp, *prefilter.Info, error) {
	var info *prefilter.Info
	if e != nil {
		if i, err := e.Info(); err == nil {
			info = i
		}
	}
	goEngine := s.engine.Name() == regex.Go().Name()
	var p *pattern.Pattern
	if info == nil || !goEngine {
		var err error
		if p, err = s.parse(expr); err != nil {
			return nil, nil, err
		}
	}
	if info == nil {
		info = prefilter.Analyze(p)
	}
	if goEngine {
		return &onDemand{expr: expr, engine: s.engine}, info, nil
	}
	re, err := s.engine.CompilePattern(p)
	if err != nil {
		return nil, nil, err
	}
	return re, info, nil
}

// automaton returns the automaton of a pattern: a full DFA, or a lazily
// built one (shared, created on first use), or neither, when only a regexp
// engine runs the pattern. near says the pattern runs only near its
// keywords or literals. The precompiled catalog answers for the patterns
// it holds; the others, and any entry that fails to decode, are compiled
// from the parsed pattern: a DFA when package dfa builds one in full, else
// a lazy one from the same program.
func (s *sources) automaton(e *precompiled.Entry, expr string, near bool) (*dfa.DFA, *lazyDFA) {
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
	p, err := s.parse(expr)
	if err != nil {
		return nil, nil
	}
	if d, err := dfa.Compile(p, dfa.Options{}); err == nil {
		return d, nil
	}
	if l, err := dfa.CompileLazy(p, dfa.Options{}); err == nil {
		return nil, &lazyDFA{lazy: l}
	}
	return nil, nil
}

// onDemand is a regular expression compiled on first use: most patterns
// have a DFA and never need it. Should the compilation fail (it cannot:
// Go's regexp compiles every pattern that package pattern parses, and the
// detector parsed it, or the precompiled catalog's generator did), it
// matches nothing.
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

func (r *onDemand) FindValid(b []byte) (int, int, bool) {
	if re := r.get(); re != nil {
		return re.FindValid(b)
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
