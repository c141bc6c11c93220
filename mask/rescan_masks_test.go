package mask_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/mask"
)

// ssnChainEvent is a JSON event in which only the first social security
// number is near a keyword ("ssn"): each of the others is too far from
// every keyword of the event, but near the place of the value before it,
// so that a mask naming its identifier there ("{Ssn-US}",
// "<hash:Ssn-US:...>") is the keyword that the next one needs. Masking
// such an event uncovers one more value per rescan. sep is what separates
// two values.
func ssnChainEvent(n int, sep string) (event string, values []string) {
	var b strings.Builder
	b.WriteString(`{"note":"the ssn","a":"`)
	for i := range n {
		if i > 0 {
			b.WriteString(`","` + string(rune('b'+i%24)) + string(rune('a'+i/24)) + `":"` + sep)
		}
		v := "536-22-" + string(rune('1'+i%9)) + "23" + string(rune('1'+i/9%9))
		values = append(values, v)
		b.WriteString(v)
	}
	b.WriteString(`"}`)
	return b.String(), values
}

// TestJSONChainOutrunsRounds is the regression test of a JSON event whose
// masks, each naming its identifier, are the keywords of the values after
// them: JSON.AppendMask rescanned the masked event at most four times and
// returned it with the rest of the chain in clear, where AppendFindings
// found it.
func TestJSONChainOutrunsRounds(t *testing.T) {
	hash := testHash(t, mask.HashOptions{})
	tests := []struct {
		name string
		m    mask.Masker
		sep  string
		n    int
	}{
		{"placeholder, 3 values", mask.Placeholder(""), "and some words ", 3},
		{"placeholder, 7 values", mask.Placeholder(""), "and some words ", 7},
		{"placeholder, 60 values", mask.Placeholder(""), "and some words ", 60},
		{"hash, 12 values", hash, "", 12},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			event, values := ssnChainEvent(tt.n, tt.sep)
			j := newJSON(t, tt.m, mask.JSONOptions{})
			out, err := j.Mask([]byte(event))
			if err != nil {
				t.Fatal(err)
			}
			// The last step masks member names too: compare the members
			// by place.
			var in, got map[string]any
			if err := json.Unmarshal(out, &got); err != nil || json.Unmarshal([]byte(event), &in) != nil || len(got) != len(in) {
				t.Fatalf("not an object of %d members: %v\n out %s", len(in), err, out)
			}
			for i, v := range values {
				if strings.Contains(string(out), v) {
					t.Errorf("value %d of %d left in clear", i, len(values))
					break
				}
			}
			if f, err := j.AppendFindings(nil, out); err != nil || len(f) > 0 {
				t.Fatalf("a scan of the output finds %v (%v)\n out %s", f, err, out)
			}
		})
	}
}

// TestPartialKeptPartRescans is the regression test of a partial mask
// whose characters kept in clear are a value themselves: the last four
// letters of the address "9372745917a@b.co" are those of "a@b.co", which a
// scan of the output found. The rescans ignored every finding that lay
// inside a mask (so that a token is never damaged), partial masks
// included, which hold the value's own bytes.
func TestPartialKeptPartRescans(t *testing.T) {
	tests := []struct {
		name string
		p    mask.Partial
		text string
	}{
		{"kept suffix is an address", mask.Partial{KeepLast: 4}, "mail 9372745917a@b.co ok"},
		{"kept suffix after other text", mask.Partial{KeepLast: 4}, "x1229192911ssn iban 536-22-1234a@b.co465017426739751a@b.co"},
		{"kept prefix and suffix", mask.Partial{KeepFirst: 6, KeepLast: 4, Char: '#'}, "to 574835a@b.co 564798578833tel:  192.168.1.10 a@b.co8a@b.co9673"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := allScanner()
			check := func(how, got string) {
				t.Helper()
				if f := s.ScanString(got); len(f) > 0 {
					t.Errorf("%s: a scan of the output finds %v\n got %q", how, f, got)
				}
				if len(got) != len(tt.text) {
					t.Errorf("%s: length changed: %q", how, got)
				}
			}
			check("AppendMasked", string(mask.AppendMasked(nil, []byte(tt.text), s, tt.p)))
			check("AppendMaskedField", string(mask.AppendMaskedField(nil, s, tt.p, []string{"note"}, []byte(tt.text))))
			check("stream", maskLines(tt.text, tt.p))
		})
	}
}

// TestMaskCharDigit is the regression test of a digit as the mask
// character: every character of a value becoming '1' wrote values
// ("zip code 11111", "passport number 111111111"), which a scan of the
// output found. Spec.Validate (and so policies and the command line)
// refuses a digit, and Fixed and Partial take one as '*'.
func TestMaskCharDigit(t *testing.T) {
	for _, st := range []mask.Style{mask.StyleAsterisk, mask.StyleFixed, mask.StylePartial} {
		spec := mask.Spec{Style: st, Char: "1"}
		if st == mask.StylePartial {
			spec.KeepLast = 2
		}
		if err := spec.Validate(); err == nil || !strings.Contains(err.Error(), "digit") {
			t.Errorf("%s: Validate of Char %q: %v, want an error naming the digit", st, spec.Char, err)
		}
	}
	if err := (mask.Spec{Char: "٣"}).Validate(); err == nil {
		t.Errorf("Validate of an Arabic-Indic digit: no error")
	}
	s := allScanner()
	for _, m := range []mask.Masker{mask.Fixed('1'), mask.Partial{KeepLast: 1, Char: '7'}} {
		for _, text := range []string{"zip code 62704", "passport number 123456789"} {
			got := string(mask.AppendMasked(nil, []byte(text), s, m))
			if f := s.ScanString(got); len(f) > 0 {
				t.Errorf("%q -> %q: a scan of the output finds %v", text, got, f)
			}
		}
	}
}
