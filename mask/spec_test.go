package mask_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/mask"
	"github.com/piiguard/piiguard/pii"
)

func TestSpecValidate(t *testing.T) {
	tests := []struct {
		spec mask.Spec
		err  string // "" for valid
	}{
		{mask.Spec{}, ""},
		{mask.Spec{Style: mask.StyleAsterisk, Char: "#"}, ""},
		{mask.Spec{Style: mask.StyleFixed, Char: "•", Length: 12}, ""},
		{mask.Spec{Style: mask.StylePartial, KeepLast: 4}, ""},
		{mask.Spec{Style: mask.StylePlaceholder, Text: "<{name}>"}, ""},
		{mask.Spec{Style: mask.StyleRedact}, ""},
		{mask.Spec{Style: mask.StyleHash, Length: mask.MaxHashLength}, ""},
		{mask.Spec{Style: mask.StyleToken}, ""},
		{mask.Spec{Style: "blur"}, `unknown mask style "blur" (styles: asterisk, fixed, partial, placeholder, redact, hash, token)`},
		{mask.Spec{Style: "Redact"}, `unknown mask style "Redact"`},
		{mask.Spec{Style: mask.StyleRedact, Char: "#"}, "Char is not one of its parameters"},
		{mask.Spec{Style: mask.StyleAsterisk, Length: 3}, "Length is not one of its parameters"},
		{mask.Spec{Style: mask.StyleHash, Text: "x"}, "Text is not one of its parameters"},
		{mask.Spec{Style: mask.StyleFixed, Char: "##"}, "Char must be exactly one visible character"},
		{mask.Spec{Style: mask.StyleFixed, Char: " "}, "Char must be exactly one visible character"},
		{mask.Spec{Style: mask.StyleFixed, Length: mask.MaxFixedLength + 1}, "Length must be 1 to 256"},
		{mask.Spec{Style: mask.StyleFixed, Length: -1}, "Length must be 1 to 256"},
		{mask.Spec{Style: mask.StyleHash, Length: mask.MinHashLength - 1}, "Length must be 8 to 64"},
		{mask.Spec{Style: mask.StylePartial}, "partial needs KeepFirst or KeepLast"},
		{mask.Spec{Style: mask.StylePartial, KeepFirst: mask.MaxKeep + 1}, "KeepFirst must be 0 to 64"},
		{mask.Spec{Style: mask.StylePartial, KeepLast: -2}, "KeepLast must be 0 to 64"},
		{mask.Spec{Style: mask.StylePlaceholder, Text: strings.Repeat("x", mask.MaxTextLength+1)}, "Text must be 1 to 256 characters"},
	}
	for _, tt := range tests {
		err := tt.spec.Validate()
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("%+v: %v, want no error", tt.spec, err)
		case tt.err != "" && err == nil:
			t.Errorf("%+v: no error, want %q", tt.spec, tt.err)
		case tt.err != "" && !strings.Contains(err.Error(), tt.err):
			t.Errorf("%+v: %v, want %q", tt.spec, err, tt.err)
		}
	}
}

// TestSpecNewMasker checks that each style's masker writes what the
// masker of the same name does.
func TestSpecNewMasker(t *testing.T) {
	key := []byte("spec test key: 32+ bytes, not real")
	hash, err := mask.NewHash(key, mask.HashOptions{})
	if err != nil {
		t.Fatal(err)
	}
	hash12, err := mask.NewHash(key, mask.HashOptions{Length: 12})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		spec mask.Spec
		same mask.Masker
		want string // "" when same decides
	}{
		{mask.Spec{}, mask.Asterisk, ""},
		{mask.Spec{Style: mask.StyleAsterisk, Char: "#"}, mask.Fixed('#'), ""},
		{mask.Spec{Style: mask.StyleFixed}, nil, "********"},
		{mask.Spec{Style: mask.StyleFixed, Char: "x", Length: 3}, nil, "xxx"},
		{mask.Spec{Style: mask.StylePartial, KeepLast: 4}, mask.Partial{KeepLast: 4}, ""},
		{mask.Spec{Style: mask.StylePlaceholder}, mask.Placeholder(""), ""},
		{mask.Spec{Style: mask.StylePlaceholder, Text: "<{identifier}>"}, nil, "<Ssn-US>"},
		{mask.Spec{Style: mask.StylePlaceholder, Text: "<{name}>"}, nil, "<Ssn-US>"}, // deprecated spelling
		{mask.Spec{Style: mask.StyleRedact}, mask.Redact, ""},
		{mask.Spec{Style: mask.StyleHash}, hash, ""},
		{mask.Spec{Style: mask.StyleHash, Length: 12}, hash12, ""},
	}
	const value = "536-22-1234"
	f := pii.Finding{Identifier: "Ssn-US", End: len(value)}
	for _, tt := range tests {
		m, err := tt.spec.NewMasker(key)
		if err != nil {
			t.Errorf("%+v: %v", tt.spec, err)
			continue
		}
		got := string(m.AppendMask(nil, []byte(value), f))
		want := tt.want
		if tt.same != nil {
			want = string(tt.same.AppendMask(nil, []byte(value), f))
		}
		if got != want {
			t.Errorf("%+v: %q, want %q", tt.spec, got, want)
		}
	}
	tok, err := mask.Spec{Style: mask.StyleToken}.NewMasker(key)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(tok.AppendMask(nil, []byte(value), f)); !strings.HasPrefix(got, "<pii:v2:Ssn-US:") {
		t.Errorf("token: %q", got)
	}
	for _, st := range []mask.Style{mask.StyleHash, mask.StyleToken} {
		s := mask.Spec{Style: st}
		if !s.NeedsKey() {
			t.Errorf("%s: NeedsKey false", st)
		}
		if _, err := s.NewMasker(nil); err == nil || !strings.Contains(err.Error(), "needs a key") {
			t.Errorf("%s without a key: %v", st, err)
		}
	}
	if (mask.Spec{Style: mask.StyleRedact}).NeedsKey() {
		t.Error("redact: NeedsKey true")
	}
	if _, err := (mask.Spec{Style: "blur"}).NewMasker(nil); err == nil {
		t.Error("unknown style: no error")
	}
}

func ExampleSpec() {
	spec := mask.Spec{Style: mask.StylePartial, KeepLast: 4, Char: "X"}
	if err := spec.Validate(); err != nil {
		fmt.Println(err)
		return
	}
	m, err := spec.NewMasker(nil) // only hash and token need a key
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(mask.String(exampleText, exampleFindings, m))
	// Output: ssn=XXX-XX-6789 card=XXXX XXXX XXXX 1234 ok
}

func TestParseStyle(t *testing.T) {
	tests := []struct {
		name string
		want mask.Spec
		err  string
	}{
		{"", mask.Spec{Style: mask.StyleAsterisk}, ""},
		{"asterisk", mask.Spec{Style: mask.StyleAsterisk}, ""},
		{"fixed", mask.Spec{Style: mask.StyleFixed}, ""},
		{"partial", mask.Spec{Style: mask.StylePartial, KeepLast: mask.DefaultKeepLast}, ""},
		{"placeholder", mask.Spec{Style: mask.StylePlaceholder}, ""},
		{"redact", mask.Spec{Style: mask.StyleRedact}, ""},
		{"hash", mask.Spec{Style: mask.StyleHash}, ""},
		{"token", mask.Spec{Style: mask.StyleToken}, ""},
		{"stars", mask.Spec{}, `unknown mask style "stars" (styles: asterisk, fixed, partial, placeholder, redact, hash, token)`},
		{"Partial", mask.Spec{}, `unknown mask style "Partial"`},
	}
	for _, tt := range tests {
		got, err := mask.ParseStyle(tt.name)
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("ParseStyle(%q) = %+v, %v; want error %q", tt.name, got, err, tt.err)
		case tt.err == "" && (err != nil || got != tt.want):
			t.Errorf("ParseStyle(%q) = %+v, %v; want %+v", tt.name, got, err, tt.want)
		case err == nil && got.Validate() != nil:
			t.Errorf("ParseStyle(%q) = %+v, invalid: %v", tt.name, got, got.Validate())
		}
	}
	// Every style has a name that parses.
	for _, st := range mask.Styles() {
		if _, err := mask.ParseStyle(string(st)); err != nil {
			t.Errorf("ParseStyle(%q): %v", st, err)
		}
	}
}

// TestPlaceholderSpellings: the canonical variable and its deprecated
// spelling give the same mask, through Spec as through Placeholder.
func TestPlaceholderSpellings(t *testing.T) {
	f := pii.Finding{Identifier: "Ssn-US", End: 11}
	for _, text := range []string{"", "{{identifier}}", "{{name}}", mask.DefaultPlaceholderText} {
		m, err := mask.Spec{Style: mask.StylePlaceholder, Text: text}.NewMasker(nil)
		if err != nil {
			t.Fatal(err)
		}
		for name, got := range map[string]string{
			"Spec.NewMasker":   string(m.AppendMask(nil, []byte("536-22-1234"), f)),
			"Placeholder":      string(mask.Placeholder(text).AppendMask(nil, []byte("536-22-1234"), f)),
			"Spec.Placeholder": mask.Spec{Style: mask.StylePlaceholder, Text: text}.Placeholder("Ssn-US"),
		} {
			if got != "{Ssn-US}" {
				t.Errorf("%s(%q) = %q, want {Ssn-US}", name, text, got)
			}
		}
	}
}

func ExampleParseStyle() {
	spec, err := mask.ParseStyle("partial") // as --style partial
	if err != nil {
		fmt.Println(err)
		return
	}
	m, err := spec.NewMasker(nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%+v\n", spec)
	fmt.Println(mask.String(exampleText, exampleFindings, m))
	_, err = mask.ParseStyle("stars")
	fmt.Println(err)
	// Output:
	// {Style:partial Char: Length:0 KeepFirst:0 KeepLast:4 Text:}
	// ssn=***-**-6789 card=**** **** **** 1234 ok
	// unknown mask style "stars" (styles: asterisk, fixed, partial, placeholder, redact, hash, token)
}
