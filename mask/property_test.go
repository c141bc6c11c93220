package mask_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/mask"
)

// randomValue returns a PII-like value of at least 8 data characters:
// digits with separators, an e-mail address, or a name.
func randomValue(r *rand.Rand) string {
	digits := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteByte(byte('0' + r.IntN(10)))
		}
		return b.String()
	}
	letters := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteByte(byte('a' + r.IntN(26)))
		}
		return b.String()
	}
	switch r.IntN(5) {
	case 0:
		return digits(3) + "-" + digits(2) + "-" + digits(4)
	case 1:
		return digits(4) + " " + digits(4) + " " + digits(4) + " " + digits(4)
	case 2:
		return letters(4+r.IntN(6)) + "." + letters(3+r.IntN(6)) + "@" + letters(5) + ".com"
	case 3:
		return strings.ToUpper(letters(1)) + letters(4+r.IntN(5)) + " Ö" + letters(3+r.IntN(5))
	default:
		return digits(8 + r.IntN(12))
	}
}

// propertyMaskers are the maskers the property covers.
func propertyMaskers(t *testing.T) map[string]mask.Masker {
	return map[string]mask.Masker{
		"Asterisk":    mask.Asterisk,
		"Fixed":       mask.Fixed('#'),
		"Placeholder": mask.Placeholder(""),
		"Template":    mask.Placeholder("[{identifier}]"),
		"Redact":      mask.Redact,
		"Hash":        testHash(t, mask.HashOptions{}),
		"Hash8":       testHash(t, mask.HashOptions{Length: 8}),
		"Tokenizer":   testTokenizer(t),
		"Partial":     mask.Partial{KeepFirst: 1, KeepLast: 2},
		"Partial4":    mask.Partial{KeepLast: 4},
		"ByIdentifier": mask.ByIdentifier{
			Default: mask.Redact,
			Maskers: map[string]mask.Masker{"Ssn-US": mask.Partial{KeepLast: 4}, "EmailAddress": testHash(t, mask.HashOptions{})},
		},
	}
}

// TestPropertyNoValueSurvives masks random texts with every masker and
// checks that no masked value appears in the output (Partial shows at most
// its kept characters, fewer than half of a value's), and that the text
// around the values is untouched.
func TestPropertyNoValueSurvives(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	ids := []string{"Ssn-US", "EmailAddress", "CreditCardNumber", "Name"}
	for name, m := range propertyMaskers(t) {
		for range 300 {
			var text strings.Builder
			var findings []detector.Finding
			var values []string
			for j := range 1 + r.IntN(4) {
				fmt.Fprintf(&text, " field%d=", j)
				v := randomValue(r)
				findings = append(findings, detector.Finding{Identifier: ids[r.IntN(len(ids))], Start: text.Len(), End: text.Len() + len(v)})
				values = append(values, v)
				text.WriteString(v)
			}
			text.WriteString(" end")
			out := mask.String(text.String(), findings, m)
			for _, v := range values {
				if strings.Contains(out, v) {
					t.Fatalf("%s: value %q survives in %q", name, v, out)
				}
			}
			if !strings.HasSuffix(out, " end") || !strings.HasPrefix(out, " field0=") {
				t.Fatalf("%s: text around the values changed: %q", name, out)
			}
		}
	}
}

// TestPropertyPartialShowsLessThanHalf checks Partial's limits on random
// values: the output has the value's length in runes, separators stay in
// place, at most KeepFirst+KeepLast data characters are shown, and fewer
// than half of them.
func TestPropertyPartialShowsLessThanHalf(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		p := mask.Partial{KeepFirst: r.IntN(4), KeepLast: r.IntN(6), Char: '#'}
		v := randomValue(r)
		out := maskOne(p, "X", v)
		vr, or := []rune(v), []rune(out)
		if len(vr) != len(or) {
			t.Fatalf("%+v on %q = %q: length changed", p, v, out)
		}
		data, shown := 0, 0
		for i, c := range vr {
			isData := unicode.IsLetter(c) || unicode.IsDigit(c)
			if isData {
				data++
			}
			switch {
			case or[i] == '#':
			case or[i] != c:
				t.Fatalf("%+v on %q = %q: character %d neither kept nor masked", p, v, out, i)
			case isData:
				shown++
			}
		}
		if shown > p.KeepFirst+p.KeepLast || (shown > 0 && 2*shown >= data) {
			t.Fatalf("%+v on %q = %q shows %d of %d characters", p, v, out, shown, data)
		}
		if data > 2*(p.KeepFirst+p.KeepLast) && shown != p.KeepFirst+p.KeepLast {
			t.Fatalf("%+v on %q = %q shows %d characters, want %d", p, v, out, shown, p.KeepFirst+p.KeepLast)
		}
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 output %q", out)
		}
	}
}

// TestPropertyTokenRoundTrip tokenizes random texts and unmasks them back.
func TestPropertyTokenRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	tk := testTokenizer(t)
	for range 500 {
		var text strings.Builder
		var findings []detector.Finding
		for j := range r.IntN(5) {
			fmt.Fprintf(&text, "k%d=", j)
			v := randomValue(r)
			findings = append(findings, detector.Finding{Identifier: "Name", Start: text.Len(), End: text.Len() + len(v)})
			text.WriteString(v)
			text.WriteString(";")
		}
		masked := mask.String(text.String(), findings, tk)
		back, err := tk.UnmaskString(masked)
		if err != nil || back != text.String() {
			t.Fatalf("round trip of %q via %q = %q, %v", text.String(), masked, back, err)
		}
	}
}
