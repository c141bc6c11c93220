package detector

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/piiguard/piiguard/identifiers"
)

// lineSpan widens a match to its line.
func lineSpan(text []byte, s, e int) (int, int) {
	lo := bytes.LastIndexByte(text[:s], '\n') + 1
	hi := bytes.IndexByte(text[e:], '\n')
	if hi < 0 {
		return lo, len(text)
	}
	return lo, e + hi
}

// TestVerifySpansKeywordTies: two patterns of one identifier whose matches
// a Validator.Span widens to the same span, with the same score and
// specificity but each near its own keyword, tie in strength; the finding
// kept (and its Keyword) must not depend on the order the candidates were
// found in, so spans of 64 bytes give the findings of the whole text.
func TestVerifySpansKeywordTies(t *testing.T) {
	v := &identifiers.Validator{Name: "line", Check: func([]byte) bool { return true }, Span: lineSpan}
	id := &identifiers.Identifier{
		Name:     "Dup",
		Category: identifiers.Custom,
		Patterns: []identifiers.Pattern{
			{Expr: `AAA[0-9]{3}`, Validator: v},
			{Expr: `BBB[0-9]{3}`, Validator: v},
		},
		Keywords: []string{"kwone", "kwtwo"},
	}
	d, err := Compile([]*identifiers.Identifier{id})
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	var b []byte
	b = append(b, "kwone AAA123 xx BBB456 kwtwo\n"...)
	for len(b) < 64<<10 {
		pad := make([]byte, r.IntN(40))
		for i := range pad {
			pad[i] = 'x'
		}
		if r.IntN(2) == 0 {
			b = fmt.Appendf(b, "kwone AAA%03d %s BBB%03d kwtwo\n", r.IntN(1000), pad, r.IntN(1000))
		} else {
			b = fmt.Appendf(b, "kwtwo BBB%03d %s AAA%03d kwone\n", r.IntN(1000), pad, r.IntN(1000))
		}
	}
	checkSpansSameFindings(t, d, "keyword ties", b, []int{64, 100, 1000})
}
