package jsonwalk

import (
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// TestAppendQuoteHTMLAsMarshal checks that AppendQuoteHTML writes the
// bytes json.Marshal writes for the same string, for strings and byte
// slices alike, and that AppendQuote differs only in leaving '<', '>' and
// '&' as they are.
func TestAppendQuoteHTMLAsMarshal(t *testing.T) {
	cases := []string{
		"", "plain", `quote " and \ backslash`, "<a&b>", "tab\there\nnewline\r\b\f",
		"\x00\x01\x1f\x7f", "café ☕ 𝄞", "line\u2028sep\u2029", "bad \xff byte", "cut \xe2\x82",
		"\xed\xa0\x80 surrogate half",
	}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("ab<>&\"\\\n\x00\x7f\xc3\xa9\xe2\x80\xa8\xff ")
	for range 500 {
		b := make([]byte, r.IntN(24))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := AppendQuoteHTML(nil, s); string(got) != string(want) {
			t.Errorf("AppendQuoteHTML(%q) = %s, want %s", s, got, want)
		}
		if got := AppendQuoteHTML(nil, []byte(s)); string(got) != string(want) {
			t.Errorf("AppendQuoteHTML([]byte(%q)) = %s, want %s", s, got, want)
		}
		var back string
		if err := json.Unmarshal(AppendQuote(nil, []byte(s)), &back); err != nil {
			t.Errorf("AppendQuote(%q) is not valid JSON: %v", s, err)
		}
		var backHTML string
		if err := json.Unmarshal(want, &backHTML); err != nil || back != backHTML {
			t.Errorf("AppendQuote(%q) reads back as %q, AppendQuoteHTML as %q", s, back, backHTML)
		}
	}
}
