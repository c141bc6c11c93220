package mask

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/piiguard/piiguard/internal/jsonwalk"
)

// TestDeepPathStateAsPath: on random events nested up to 60 deep, what
// walk keeps along the path step by step (the distinct names in a
// nameStack, and whether a name of the path was masked), brought up
// to date at some leaves only, is what reading the whole path gives.
func TestDeepPathStateAsPath(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	gen := randomJSON{r: r, keys: []string{"a", "b", "c", "", " a", "aB", "a B", "ssn"},
		kinds: 12, maxDepth: 60,
		arrayLen:  func(r *rand.Rand) int { return r.IntN(3) },
		objectLen: func(r *rand.Rand) int { return 1 + r.IntN(5)/4 }}
	deep := 0
	for iter := range 200 {
		event := gen.event()
		s := new(jsonScratch)
		s.deep.reset()
		err := jsonwalk.WalkOptions(event, jsonwalk.Options{Names: true}, func(l *jsonwalk.Leaf) error {
			s.follow(l)
			n := len(l.Path)
			if l.Kind == jsonwalk.Name {
				for len(s.nameMasked) <= n {
					s.nameMasked = append(s.nameMasked, false)
				}
				s.nameMasked[n] = r.IntN(8) == 0
			}
			if r.IntN(3) > 0 {
				return nil
			}
			if n > shallowPath {
				deep++
			}
			want := false
			for d := 1; d < n && d < len(s.nameMasked); d++ {
				want = want || !l.Path[d-1].IsIndex() && s.nameMasked[d]
			}
			if got := s.pathMasked(l, n-1); got != want {
				return fmt.Errorf("iter %d, %s: pathMasked %v, want %v", iter, l.Path, got, want)
			}
			ctx := l.Path[:max(n-1, 0)]
			var names []string
			for i := len(ctx) - 1; i >= 0 && len(names) < maxFieldPhrases; i-- {
				if p := phrase(ctx[i].Key); !ctx[i].IsIndex() && p != "" && !slices.Contains(names, p) {
					names = append(names, p)
				}
			}
			slices.Reverse(names)
			s.deep.sync(ctx, s.nameMasked)
			if got := s.deep.appendNames(nil); !slices.Equal(got, names) {
				return fmt.Errorf("iter %d, %s: names %q, want %q", iter, l.Path, got, names)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if deep < 1000 {
		t.Errorf("%d leaves deeper than %d: too few", deep, shallowPath)
	}
}
