package mask_test

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"testing"

	"github.com/piiguard/piiguard/mask"
)

func TestUniqueName(t *testing.T) {
	taken := map[string]bool{"***": true, "***~b": true, "id": true}
	tests := []struct{ name, want string }{
		{"****", "****"},   // free
		{"***", "***~c"},   // "***" and "***~b" are taken
		{"****", "****~b"}, // taken by the first call
		{"id", "id~b"},
	}
	for _, tt := range tests {
		if got := mask.UniqueName(tt.name, taken); got != tt.want {
			t.Errorf("UniqueName(%q) = %q, want %q", tt.name, got, tt.want)
		}
		if !taken[tt.want] {
			t.Errorf("UniqueName(%q) did not add %q to taken", tt.name, tt.want)
		}
	}
	// Past 25 collisions the count takes two letters.
	many := map[string]bool{"k": true}
	var last string
	for range 26 {
		last = mask.UniqueName("k", many)
	}
	if last != "k~ba" {
		t.Errorf("27th name %q, want k~ba", last)
	}
}

func ExampleUniqueName() {
	taken := map[string]bool{"user": true}
	fmt.Println(mask.UniqueName("*****", taken))
	fmt.Println(mask.UniqueName("*****", taken))
	fmt.Println(mask.UniqueName("user", taken))
	// Output:
	// *****
	// *****~b
	// user~b
}

// TestUniqueNamesAsUniqueName: UniqueNames.Name gives what UniqueName
// gives, call after call, on names that collide with one another and
// with their own suffixed forms.
func TestUniqueNamesAsUniqueName(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	bases := []string{"*", "**", "*~b", "a", "a~b", "a~c", "{Ssn-US}"}
	for round := range 50 {
		start := map[string]bool{}
		for range r.IntN(4) {
			start[bases[r.IntN(len(bases))]] = true
		}
		a, b := maps.Clone(start), maps.Clone(start)
		u := mask.NewUniqueNames(b)
		for i := range 200 {
			name := bases[r.IntN(len(bases))]
			if got, want := u.Name(name), mask.UniqueName(name, a); got != want {
				t.Fatalf("round %d, name %d (%q): UniqueNames gives %q, UniqueName %q", round, i, name, got, want)
			}
		}
		if !maps.Equal(a, b) {
			t.Fatalf("round %d: the sets differ", round)
		}
	}
}

func ExampleUniqueNames() {
	u := mask.NewUniqueNames(map[string]bool{"user": true})
	for _, name := range []string{"*****", "*****", "*****", "user"} {
		fmt.Println(u.Name(name))
	}
	// Output:
	// *****
	// *****~b
	// *****~c
	// user~b
}
