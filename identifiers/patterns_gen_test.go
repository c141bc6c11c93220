package identifiers

import (
	"strings"
	"testing"

	"github.com/piiguard/piiguard/identifiers/internal/names"
	"github.com/piiguard/piiguard/identifiers/internal/sepa"
)

// TestGeneratedPatternsUpToDate assembles the patterns of patterns_gen.go
// as they were assembled at start-up before they were generated, and
// compares them with the constants.
func TestGeneratedPatternsUpToDate(t *testing.T) {
	const stale = "patterns_gen.go is stale: run go generate ./identifiers/"
	for _, c := range []struct{ name, got, want string }{
		{"sepaIBANExpr", sepaIBANExpr, sepa.IBANPattern()},
		{"sepaCountryList", sepaCountryList, strings.Join(sepa.Countries(), " ")},
	} {
		if c.got != c.want {
			t.Errorf("%s: %s\n got %q\nwant %q", c.name, stale, c.got, c.want)
		}
	}
	want := names.AddressPatterns(addressWordsData)
	if len(addressExprs) != len(want) || len(want) != len(names.Forms) {
		t.Fatalf("%s: %d Address patterns, want %d (forms: %d)", stale, len(addressExprs), len(want), len(names.Forms))
	}
	for i := range want {
		if addressExprs[i] != want[i] {
			t.Errorf("addressExprs[%d] (%s form): %s\n got %q\nwant %q", i, names.Forms[i], stale, addressExprs[i], want[i])
		}
	}
	for _, id := range namesAndAddresses {
		if id.Name != "Address" {
			continue
		}
		for i, p := range id.Patterns {
			if p.Expr != want[i] {
				t.Errorf("Address pattern %d is not addressExprs[%d]", i, i)
			}
		}
	}
}
