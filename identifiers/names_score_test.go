package identifiers_test

import (
	"testing"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/identifiers"
)

// TestNameScoreThreshold checks that a Name finding's score reflects its
// evidence (a common name with a cue scores higher than a rare one without)
// and that a minimum score, as a policy's Threshold for Name sets it, keeps
// only the better-supported names.
func TestNameScoreThreshold(t *testing.T) {
	id, _ := identifiers.Lookup("Name")
	lines := []struct {
		text   string
		strong bool
	}{
		{`{"customer_name":"Maria Garcia","order":12}`, true},
		{"Signed-off-by: John Smith <js@example.org>", true},
		{"booking confirmed for Dario Savella, 2 guests", false},
		{"2024-01-02,4411,Tadeusz Wróbel,ACTIVE", false},
		{"2024-01-02,4411,Nuno Ferreira,ACTIVE", false},
	}
	all, err := detector.Compile([]*identifiers.Identifier{id})
	if err != nil {
		t.Fatal(err)
	}
	strict, err := detector.CompileOptions([]*identifiers.Identifier{id}, detector.Options{MinScore: 0.9})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lines {
		fa := all.FindString(l.text)
		if len(fa) != 1 {
			t.Fatalf("%q: %d names, want 1", l.text, len(fa))
		}
		fs := strict.FindString(l.text)
		t.Logf("%q: %s score %.2f", l.text, l.text[fa[0].Start:fa[0].End], fa[0].Score)
		if got := len(fs) == 1; got != l.strong {
			t.Errorf("%q: kept at 0.9 = %v (score %.2f), want %v", l.text, got, fa[0].Score, l.strong)
		}
	}
}

// TestScoredIdentifierKeywordRequired checks that an identifier whose
// validator scores its matches still needs its keyword when it requires one.
func TestScoredIdentifierKeywordRequired(t *testing.T) {
	id := &identifiers.Identifier{
		Name: "Ref", Category: identifiers.Custom,
		Patterns:        []identifiers.Pattern{{Expr: `R[0-9]{6}`}},
		Keywords:        []string{"ticket"},
		KeywordRequired: true,
		Validator: &identifiers.Validator{
			Name:  "scored",
			Check: func([]byte) bool { return true },
			Score: func(_ []byte, s, e int) (int, int, float64, bool) { return s, e, 0.7, true },
		},
	}
	d, err := detector.Compile([]*identifiers.Identifier{id})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		text string
		want int
	}{
		{"ticket R123456 closed", 1},
		{"order R123456 closed", 0},
	} {
		fs := d.FindString(tt.text)
		if len(fs) != tt.want {
			t.Errorf("%q: %d findings, want %d", tt.text, len(fs), tt.want)
		}
		if len(fs) == 1 && (fs[0].Score != 0.7 || fs[0].Keyword != "ticket") {
			t.Errorf("%q: %+v", tt.text, fs[0])
		}
	}
}
