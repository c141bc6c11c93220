package mask_test

import (
	"fmt"
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
