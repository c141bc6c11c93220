package names

import (
	"os"
	"testing"
	"time"

	"github.com/piiguard/piiguard/internal/dfa"
)

func TestScratchStates(t *testing.T) {
	data, _ := os.ReadFile("../../data/address_words.txt")
	for i, p := range append(AddressPatterns(string(data)), NamePattern) {
		t0 := time.Now()
		d, err := dfa.Compile(p, dfa.Options{MaxStates: 200000})
		if err != nil {
			t.Logf("%d: %v", i, err)
			continue
		}
		t.Logf("%d: %d states, %v", i, d.States(), time.Since(t0))
	}
}
