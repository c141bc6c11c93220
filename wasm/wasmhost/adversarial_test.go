package wasmhost

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// adversarialLines are texts the synthetic corpus lacks: values at the
// edges of a text, beside invalid UTF-8, NUL and line breaks, in JSON
// escapes, repeated without separators.
func adversarialLines() []string {
	return []string{
		"536-22-1234",
		"ssn 536-22-1234",
		"jane@example.com",
		"\xffjane@example.com\xfe",
		"ssn\x00536-22-1234\x00",
		"card 4929 3812 6548 1006\r\nssn 536-22-1234\r\n",
		"mail jane@example.com" + strings.Repeat("\xe2\x82", 3) + "X",
		"ssn: 536-22-1234ssn: 536-22-1234ssn: 536-22-1234",
		strings.Repeat("jane@example.com,", 50),
		"é→😀 jane@example.com \xed\xa0\x80 ssn 536-22-1234",
		`{"ssn":"536-22-1234"}`,
		`ssn \u0035\u0033\u0036-22-1234 jane\u0040example.com`,
		"AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
		"-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAK\n-----END RSA PRIVATE KEY-----",
	}
}

// TestDifferentialAdversarial: the builds agree on adversarial texts, on
// long lines (no line break in 256 KB), and on JSON events holding the
// texts in member names, nested under keyword names, as numbers and with
// escapes; with a token key, what the module masks unmasks to the text as
// natively.
func TestDifferentialAdversarial(t *testing.T) {
	ctx := context.Background()
	lines := append(adversarialLines(), syntheticCorpus(5, 60)...)
	var long strings.Builder
	for long.Len() < 256<<10 {
		for _, l := range lines {
			long.WriteString(l)
			long.WriteByte(' ')
		}
	}
	for _, cname := range []string{"all", "named+custom", "extended", "token", "keyed-policy"} {
		p := newPair(t, configs(t)[cname])
		for i, l := range lines {
			p.checkAll(t, fmt.Sprintf("%s/line %d", cname, i), []byte(l))
			for j, ev := range jsonEvents(l) {
				name := fmt.Sprintf("%s/line %d/event %d", cname, i, j)
				want, werr := p.json.Mask([]byte(ev))
				got, gerr := p.wasm.MaskJSON(ctx, []byte(ev))
				if (werr != nil) != (gerr != nil) || string(want) != string(got) {
					t.Fatalf("%s: JSON masking differs: native err %v, wasm err %v\n%s", name, werr, gerr, diffText(want, got))
				}
				if werr == nil && p.tk != nil {
					wantU, werr := p.tk.Unmask(want)
					gotU, gerr := p.wasm.Unmask(ctx, got)
					if (werr != nil) != (gerr != nil) || string(wantU) != string(gotU) {
						t.Fatalf("%s: unmasking the masked event differs: native err %v, wasm err %v", name, werr, gerr)
					}
				}
			}
			if p.tk != nil {
				masked, err := p.wasm.Mask(ctx, []byte(l))
				if err != nil {
					t.Fatal(err)
				}
				wantU, werr := p.tk.Unmask(p.native.AppendMask(nil, []byte(l)))
				gotU, gerr := p.wasm.Unmask(ctx, masked)
				if (werr != nil) != (gerr != nil) || string(wantU) != string(gotU) {
					t.Fatalf("%s/line %d: round trip differs: native err %v, wasm err %v", cname, i, werr, gerr)
				}
				if cname == "token" && string(gotU) != l {
					t.Errorf("%s/line %d: unmask(mask(text)) = %q, want the text", cname, i, gotU)
				}
			}
		}
		p.check(t, cname+"/long line", []byte(long.String()))
	}
}

// jsonEvents returns JSON events holding text as a value, a member name,
// a nested value under keyword names, an array element, a top-level
// string, and with every character escaped.
func jsonEvents(text string) []string {
	marshal := func(v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			panic(err)
		}
		return string(b)
	}
	var esc strings.Builder
	esc.WriteString(`{"msg":"`)
	for _, r := range text {
		if r == 0xfffd {
			esc.WriteString(`\ufffd`)
			continue
		}
		if r > 0xffff {
			r1, r2 := (r-0x10000)>>10+0xd800, (r-0x10000)&0x3ff+0xdc00
			fmt.Fprintf(&esc, `\u%04x\u%04x`, r1, r2)
			continue
		}
		fmt.Fprintf(&esc, `\u%04x`, r)
	}
	esc.WriteString(`"}`)
	return []string{
		marshal(map[string]any{"msg": text}),
		marshal(map[string]any{text: "x", "ok": map[string]any{text: text}}),
		marshal(map[string]any{"user": map[string]any{"ssn": text, "email": text, "credit card": []any{text, 42}}}),
		marshal([]any{text, map[string]any{"ssn": 536221234, "card": 4929381265481006}}),
		marshal(text),
		esc.String(),
		`{"raw":"` + text + `"}`, // not escaped: may be invalid JSON, both must agree
	}
}
