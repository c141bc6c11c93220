package mask

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/piiguard/piiguard/internal/jsonwalk"
	"github.com/piiguard/piiguard/pii"
)

// noFinder finds nothing.
type noFinder struct{}

func (noFinder) AppendFindings(dst []pii.Finding, _ []byte) []pii.Finding { return dst }

// TestCoversAsPatternCovers: the rules' verdict on each leaf, from its
// container's shared match (JSON.covers), is that of matching each
// pattern against the leaf's whole path, and the container's distinct names are
// those of the path, on random events and rules.
func TestCoversAsPatternCovers(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	upTo3 := func(r *rand.Rand) int { return r.IntN(4) }
	gen := randomJSON{r: r, keys: []string{"a", "b", "c", "", " a", "aB", "a B"},
		kinds: 4, maxDepth: 5, arrayLen: upTo3, objectLen: upTo3}
	pats := []string{"$.a", "$..b", "$.a[*].b", "$..[1]", "$.*.c", "$..a..c", "$.b[0]", "$..*.b"}
	covered, uncovered := 0, 0
	for iter := range 400 {
		event := gen.event()
		var opts JSONOptions
		for range r.IntN(3) {
			opts.Include = append(opts.Include, pats[r.IntN(len(pats))])
		}
		for range r.IntN(3) {
			opts.Exclude = append(opts.Exclude, pats[r.IntN(len(pats))])
		}
		j, err := NewJSON(noFinder{}, nil, opts)
		if err != nil {
			t.Fatal(err)
		}
		s := new(jsonScratch)
		s.outerCtx.valid = false
		s.deep.reset()
		err = jsonwalk.WalkOptions(event, jsonwalk.Options{Names: true}, func(l *jsonwalk.Leaf) error {
			want := (len(j.include) == 0 || slices.ContainsFunc(j.include, func(p *jsonwalk.Pattern) bool { return p.Covers(l.Path) })) &&
				!slices.ContainsFunc(j.exclude, func(p *jsonwalk.Pattern) bool { return p.Covers(l.Path) })
			if want {
				covered++
			} else {
				uncovered++
			}
			// Every leaf is followed, as walk does, but covers is asked
			// at some only (walk skips empty strings, true, false and
			// null), so that the matches step on over leaves unasked.
			s.follow(l)
			if r.IntN(3) > 0 {
				if got := j.covers(s, l); got != want {
					return fmt.Errorf("iter %d, %s in %s, rules %v: covers %v, want %v", iter, l.Path, event, opts, got, want)
				}
			}
			// The container's distinct names, as kept step by step (and
			// brought up to date at some leaves only, as walk does): the
			// phrases of the path but its last step, each where it is
			// innermost, outermost first.
			if r.IntN(3) > 0 {
				return nil
			}
			ctx := l.Path[:max(len(l.Path)-1, 0)]
			var names []string
			for i := len(ctx) - 1; i >= 0 && len(names) < maxFieldPhrases; i-- {
				if p := phrase(ctx[i].Key); !ctx[i].IsIndex() && p != "" && !slices.Contains(names, p) {
					names = append(names, p)
				}
			}
			slices.Reverse(names)
			s.deep.sync(ctx, s.nameMasked)
			if got := s.deep.appendNames(nil); !slices.Equal(got, names) {
				return fmt.Errorf("iter %d, %s in %s: names %q, want %q", iter, l.Path, event, got, names)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if covered < 100 || uncovered < 100 {
		t.Errorf("%d leaves covered, %d not: too few of one kind to compare", covered, uncovered)
	}
}
