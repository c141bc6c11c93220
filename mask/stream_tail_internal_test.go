package mask

import (
	"testing"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/pii"
)

// finderFunc is a Finder that reports no identifiers.
type finderFunc func(dst []pii.Finding, text []byte) []pii.Finding

func (f finderFunc) AppendFindings(dst []pii.Finding, text []byte) []pii.Finding { return f(dst, text) }

// TestKeywordReach checks the keyword reach a stream's windows honour:
// 30 characters of 4 bytes, the longest keyword form in bytes (the
// catalog's is 70 bytes of Cyrillic) and 16 bytes; none for a Finder that
// does not report its identifiers or whose identifiers have no keywords;
// at most maxKeywordReach for a custom window of thousands of characters;
// and the reach of the Finder asked, whichever was asked before.
func TestKeywordReach(t *testing.T) {
	compile := func(ids ...*identifiers.Identifier) Finder {
		t.Helper()
		d, err := detector.Compile(ids)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	custom := func(window int, keywords ...string) *identifiers.Identifier {
		t.Helper()
		id, err := identifiers.NewCustom("Order", `ORD-[0-9]{6}`)
		if err != nil {
			t.Fatal(err)
		}
		id.Keywords, id.KeywordRequired, id.Window = keywords, len(keywords) > 0, window
		return id
	}
	catalog := compile(identifiers.Catalog()...)
	noKeywords := compile(custom(0))
	wide := compile(custom(5000, "order"))
	turned := compile(custom(10, "ɐbc")) // upper case: "ⱯBC", a byte longer
	tests := []struct {
		name string
		fd   Finder
		want int
	}{
		{"catalog", catalog, 4*30 + len("свидетелство за управление на моторно") + 16},
		{"no identifiers", finderFunc(func(dst []pii.Finding, _ []byte) []pii.Finding { return dst }), 0},
		{"no keywords", noKeywords, 0},
		{"custom window of 5000 characters", wide, maxKeywordReach},
		{"upper case longer than lower", turned, 4*10 + len("ⱯBC") + 16},
		{"catalog again", catalog, 4*30 + len("свидетелство за управление на моторно") + 16},
	}
	for _, tt := range tests {
		if got := keywordReach(tt.fd); got != tt.want {
			t.Errorf("%s: keywordReach = %d, want %d", tt.name, got, tt.want)
		}
	}
}
