package mask

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/piiguard/piiguard/identifiers"
)

// TestKeywordReach checks that keywordReach, which a stream's windows keep
// and see around each cut, is at least how far a keyword of the catalog
// can lie from a value it counts for: its identifier's window of
// characters, 4 bytes each, its longest form in bytes (the detector also
// matches upper-cased forms of keywords with non-ASCII letters, which can
// be longer), and 16 bytes. Package mask does not link the catalog, so
// the bound is a constant, and this test keeps it true as the catalog
// grows.
func TestKeywordReach(t *testing.T) {
	caseLen := func(s string, f func(rune) rune) int {
		n := 0
		for _, r := range s {
			n += utf8.RuneLen(f(r))
		}
		return n
	}
	longest, need, name := 0, 0, ""
	for _, id := range identifiers.Catalog() {
		for _, k := range id.Keywords {
			for _, v := range identifiers.KeywordVariants(k) {
				n := max(len(v), caseLen(v, unicode.ToUpper), caseLen(v, unicode.ToLower))
				longest = max(longest, n)
				if r := utf8.UTFMax*id.ProximityWindow() + n + 16; r > need {
					need, name = r, id.Name+" "+v
				}
			}
		}
	}
	if need > keywordReach {
		t.Errorf("keywordReach is %d bytes; %s needs %d", keywordReach, name, need)
	}
	if longest > 80 {
		t.Errorf("the catalog's longest keyword form takes %d bytes; the documentation of StreamOptions and Writer says 80", longest)
	}
}
