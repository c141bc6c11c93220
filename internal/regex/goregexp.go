package regex

import (
	"regexp"

	"github.com/piiguard/piiguard/internal/pattern"
)

// Go returns the engine backed by Go's regexp package, whatever the default.
func Go() Engine { return goEngine{} }

type goEngine struct{}

func (goEngine) Name() string { return "go" }

func (goEngine) Compile(expr string) (Regexp, error) {
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, err
	}
	return goRegexp{re}, nil
}

func (e goEngine) CompilePattern(p *pattern.Pattern) (Regexp, error) { return e.Compile(p.String()) }

type goRegexp struct{ re *regexp.Regexp }

func (r goRegexp) String() string { return r.re.String() }

func (r goRegexp) Find(b []byte) (int, int, bool) {
	loc := r.re.FindIndex(b)
	if loc == nil {
		return 0, 0, false
	}
	return loc[0], loc[1], true
}

func (r goRegexp) FindValid(b []byte) (int, int, bool) { return r.Find(b) }

func (r goRegexp) Match(b []byte) bool { return r.re.Match(b) }

func (r goRegexp) FindAll(dst []int, b []byte) []int {
	for _, m := range r.re.FindAllIndex(b, -1) {
		dst = append(dst, m[0], m[1])
	}
	return dst
}
