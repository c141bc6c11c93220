package names

import (
	"os"
	"testing"

	"github.com/piiguard/piiguard/internal/dfa"
	"github.com/piiguard/piiguard/internal/prefilter"
)

func TestScratchPrefilter(t *testing.T) {
	data, _ := os.ReadFile("../../data/address_words.txt")
	for i, p := range AddressPatterns(string(data)) {
		info, err := prefilter.Analyze(p)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%d: len %d min %d max %d all %v lits %d %q", i, len(p), info.MinLen, info.MaxLen, info.AllowedAll, len(info.Literals), info.Literals)
	}
	info, _ := prefilter.Analyze(NamePattern)
	t.Logf("name: min %d max %d all %v lits %q", info.MinLen, info.MaxLen, info.AllowedAll, info.Literals)
}

func TestScratchDFA(t *testing.T) {
	data, _ := os.ReadFile("../../data/address_words.txt")
	for i, p := range append(AddressPatterns(string(data)), NamePattern) {
		_, err := dfa.Compile(p, dfa.Options{})
		t.Logf("%d: %v", i, err)
	}
}
