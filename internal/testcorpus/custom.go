package testcorpus

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/piiguard/piiguard/identifiers"
)

// CustomIdentifiers returns n realistic custom identifiers, the same for
// the same n and seed, for measuring how the detector's cost grows with the
// number of identifiers. Of every ten: five are literal-prefixed
// (EMP-[0-9]{6}, TKT-[A-Z]{3}-[0-9]{6}, ...), two require a keyword
// ("badge number" near [0-9]{7}), one has an optional keyword, and two are
// class-only (no literal, no keyword: [0-9]{3}/[0-9]{4}/[0-9]{2},
// [A-Z]{2}[0-9]{7}[A-Z]).
func CustomIdentifiers(n int, seed uint64) []*identifiers.Identifier {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	upper := func(k int) string {
		b := make([]byte, k)
		for i := range b {
			b[i] = byte('A' + r.IntN(26))
		}
		return string(b)
	}
	nouns := []string{"badge", "member", "employee", "ticket", "order", "policy", "claim", "case", "customer",
		"patient", "student", "vendor", "contract", "invoice", "device", "license", "loyalty", "tracking"}
	suffixes := []string{"number", "no", "id", "code", "ref"}
	keyword := func() string { return nouns[r.IntN(len(nouns))] + " " + suffixes[r.IntN(len(suffixes))] }
	var out []*identifiers.Identifier
	for i := range n {
		var expr string
		var kws []string
		required := false
		switch i % 10 {
		case 0:
			expr = fmt.Sprintf(`%s-[0-9]{%d}`, upper(3), 5+r.IntN(4))
		case 1:
			expr = fmt.Sprintf(`%s-[A-Z]{3}-[0-9]{6}`, upper(3))
		case 2:
			expr = fmt.Sprintf(`%s[0-9]{8}`, upper(4))
		case 3:
			expr = fmt.Sprintf(`%s_[A-Z0-9]{10}`, upper(2))
		case 4:
			expr = fmt.Sprintf(`(?:%s|%s)-[0-9]{4}-[0-9]{4}`, upper(3), upper(3))
		case 5, 6:
			expr = fmt.Sprintf(`[0-9]{%d}`, 6+r.IntN(5))
			kws, required = []string{keyword(), keyword()}, true
		case 7:
			expr = fmt.Sprintf(`[A-Z]{2}[0-9]{%d}`, 6+r.IntN(4))
			kws = []string{keyword()}
		case 8:
			expr = fmt.Sprintf(`[0-9]{3}/[0-9]{%d}/[0-9]{2}`, 3+r.IntN(3))
		case 9:
			expr = fmt.Sprintf(`[A-Z]{2}[0-9]{%d}[A-Z]`, 6+r.IntN(3))
		}
		id, err := identifiers.NewCustom(fmt.Sprintf("Custom-%03d", i), expr)
		if err != nil {
			panic(fmt.Sprintf("testcorpus: custom identifier %q: %v", expr, err))
		}
		id.Keywords = kws
		id.KeywordRequired = required
		out = append(out, id)
	}
	return out
}

// CustomValue returns a value that custom identifier id matches, for
// planting in tests; "" when the generator does not know the pattern.
func CustomValue(r *rand.Rand, id *identifiers.Identifier) string {
	expr := id.Patterns[0].Expr
	var b strings.Builder
	for i := 0; i < len(expr); i++ {
		c := expr[i]
		switch {
		case c == '[':
			j := strings.IndexByte(expr[i:], ']') + i
			class := expr[i+1 : j]
			k := 1
			if j+1 < len(expr) && expr[j+1] == '{' {
				e := strings.IndexByte(expr[j:], '}') + j
				fmt.Sscanf(expr[j+2:e], "%d", &k)
				j = e
			}
			for range k {
				switch class {
				case "0-9":
					b.WriteByte(byte('0' + r.IntN(10)))
				case "A-Z":
					b.WriteByte(byte('A' + r.IntN(26)))
				default:
					b.WriteByte("ABCDEFGHJK0123456789"[r.IntN(20)])
				}
			}
			i = j
		case c == '(' || c == '?' || c == ':' && i > 0 && expr[i-1] == '?':
			if strings.HasPrefix(expr[i:], "(?:") {
				j := strings.IndexByte(expr[i:], '|') + i
				b.WriteString(expr[i+3 : j])
				i = strings.IndexByte(expr[i:], ')') + i
			}
		case c == '\\':
			i++
			b.WriteByte(expr[i])
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
