package detector

import (
	"testing"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/pattern"
	"github.com/piiguard/piiguard/internal/precompiled"
	"github.com/piiguard/piiguard/internal/regex"
	"github.com/piiguard/piiguard/internal/testcorpus"
)

// TestEachPatternParsedOnce (issue 13 item 2): compiling parses each
// pattern source once, whatever uses it (the prefilter description, the
// full and the lazy automaton, rure's rewrite, several identifiers), and
// not at all when the precompiled form answers for it with Go's engine.
// Package prefilter and package dfa take only a parsed pattern, so every
// consumer shares the one parse that package pattern counts.
func TestEachPatternParsedOnce(t *testing.T) {
	catalog := identifiers.Catalog()
	custom := testcorpus.CustomIdentifiers(100, 1)
	twin := func(name, expr string) *identifiers.Identifier {
		id, err := identifiers.NewCustom(name, expr)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	// Two identifiers with one pattern, which package dfa builds only
	// lazily (too many states in full): parsed once for both and for both
	// automata.
	const big = `[a-z]{1,40}x[a-z]{1,40}y[a-z]{10}`
	twins := []*identifiers.Identifier{twin("Twin-A", big), twin("Twin-B", big)}
	tests := []struct {
		name   string
		ids    []*identifiers.Identifier
		engine regex.Engine
		cat    *precompiled.Catalog
		// want is the number of parses; -1: one per distinct pattern
		// source, except, with Go's engine, those the form holds.
		want int
	}{
		{"catalog from source, Go", catalog, regex.Go(), nil, -1},
		{"catalog from source, default engine", catalog, regex.Default, nil, -1},
		{"catalog and custom from source", append(catalog, custom...), regex.Default, nil, -1},
		{"custom with the form", custom, regex.Default, precompiledCatalog(), -1},
		{"one pattern, two identifiers", twins, regex.Default, nil, 1},
		{"catalog with the form, Go", catalog, regex.Go(), precompiledCatalog(), 0},
	}
	for _, tt := range tests {
		want := tt.want
		if want < 0 {
			distinct := map[string]bool{}
			for _, id := range tt.ids {
				for _, p := range id.Patterns {
					if tt.engine.Name() != regex.Go().Name() || tt.cat.Lookup(p.Expr) == nil {
						distinct[p.Expr] = true
					}
				}
			}
			want = len(distinct)
		}
		before := pattern.Parses()
		d, err := compile(tt.ids, Options{}, tt.engine, tt.cat)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := int(pattern.Parses() - before); got != want {
			t.Errorf("%s: %d parses, want %d", tt.name, got, want)
		}
		if tt.name == "one pattern, two identifiers" {
			a, b := d.patterns[0], d.patterns[1]
			if a.dfa != nil || a.lazy == nil || b.lazy == nil {
				t.Fatalf("%s: want lazy automata, got dfa %v lazy %v", tt.name, a.dfa != nil, a.lazy != nil)
			}
		}
	}
}
