package bench

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/piiguard/piiguard/identifiers"
)

// CatalogPatterns returns the expression of every pattern of every
// identifier, in catalog order.
func CatalogPatterns(ids []*identifiers.Identifier) []string {
	var out []string
	for _, id := range ids {
		for _, p := range id.Patterns {
			out = append(out, p.Expr)
		}
	}
	return out
}

// Naive is the baseline most Go libraries implement: one Go regexp per
// pattern, each run over the whole text in turn. It finds matches; it does
// not validate them, check keywords or resolve overlaps.
type Naive struct {
	res []*regexp.Regexp
}

// NewNaive compiles every pattern, as written, with Go's regexp.
func NewNaive(patterns []string) (*Naive, error) {
	n := &Naive{}
	for _, p := range patterns {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("bench: naive: %w", err)
		}
		n.res = append(n.res, re)
	}
	return n, nil
}

// AppendMatches appends the matches of every pattern in text to dst as
// [start, end) pairs, pattern after pattern.
func (n *Naive) AppendMatches(dst [][2]int, text []byte) [][2]int {
	for _, re := range n.res {
		for _, m := range re.FindAllIndex(text, -1) {
			dst = append(dst, [2]int{m[0], m[1]})
		}
	}
	return dst
}

// Alternation is the one-regexp baseline: every pattern as one alternative
// of a single Go regexp.
type Alternation struct {
	re *regexp.Regexp
}

// AlternationExpr joins patterns into one alternation, each in a
// non-capturing group.
func AlternationExpr(patterns []string) string {
	parts := make([]string, len(patterns))
	for i, p := range patterns {
		parts[i] = "(?:" + p + ")"
	}
	return strings.Join(parts, "|")
}

// NewAlternation compiles the patterns as one Go regexp alternation.
func NewAlternation(patterns []string) (*Alternation, error) {
	re, err := regexp.Compile(AlternationExpr(patterns))
	if err != nil {
		return nil, fmt.Errorf("bench: alternation: %w", err)
	}
	return &Alternation{re: re}, nil
}

// AppendMatches appends the non-overlapping leftmost-first matches of the
// alternation in text to dst.
func (a *Alternation) AppendMatches(dst [][2]int, text []byte) [][2]int {
	for _, m := range a.re.FindAllIndex(text, -1) {
		dst = append(dst, [2]int{m[0], m[1]})
	}
	return dst
}
