package policy

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/mask"
)

func ptr(f float64) *float64 { return &f }

func TestExtendedExample(t *testing.T) {
	data := readTestdata(t, "extended.json")
	p, err := ParseExtended(data)
	if err != nil {
		t.Fatal(err)
	}
	want := &Extensions{
		Mask:      &Mask{Style: mask.StyleAsterisk},
		Threshold: ptr(0.5),
		AllowList: AllowList{Values: []string{"noreply@example.com"}},
		Identifiers: map[string]IdentifierSettings{
			"CreditCardNumber": {
				Mask:      &Mask{Style: mask.StylePartial, KeepLast: 4, Char: "#"},
				Threshold: ptr(0.8),
				Keywords:  []string{"card on file"},
				AllowList: AllowList{Patterns: []string{"4111-?1111-?1111-?1111"}},
			},
			"EmailAddress": {
				Mask:      &Mask{Style: mask.StyleHash, Length: 12},
				AllowList: AllowList{Patterns: []string{`[a-z]+@example\.com`}},
			},
			"EmployeeId": {
				Mask:            &Mask{Style: mask.StylePlaceholder, Text: "<{name}>"},
				Keywords:        []string{"employee", "emp id"},
				KeywordRequired: true,
				Window:          40,
			},
		},
	}
	if !reflect.DeepEqual(p.Extensions, want) {
		t.Errorf("Extensions =\n%+v\nwant\n%+v", p.Extensions, want)
	}
	emp := p.CustomIdentifier("EmployeeId")
	if !reflect.DeepEqual(emp.Keywords, []string{"employee", "emp id"}) || !emp.KeywordRequired || emp.Window != 40 {
		t.Errorf("custom identifier settings not applied: %+v", emp)
	}
	if err := emp.Validate(); err != nil {
		t.Error(err)
	}

	// Accessors.
	if m := p.MaskFor("CreditCardNumber"); m.Style != mask.StylePartial || m.MaskChar() != "#" || m.KeepLast != 4 {
		t.Errorf("MaskFor(CreditCardNumber) = %+v", m)
	}
	if m := p.MaskFor("EmployeeId"); m.Placeholder("EmployeeId") != "<EmployeeId>" {
		t.Errorf("MaskFor(EmployeeId) = %+v", m)
	}
	if m := p.MaskFor("EmailAddress"); m.HashLength() != 12 {
		t.Errorf("MaskFor(EmailAddress) = %+v", m)
	}
	if th, ok := p.ThresholdFor("CreditCardNumber"); !ok || th != 0.8 {
		t.Errorf("ThresholdFor(CreditCardNumber) = %v %v", th, ok)
	}
	if th, ok := p.ThresholdFor("EmailAddress"); !ok || th != 0.5 {
		t.Errorf("ThresholdFor(EmailAddress) = %v %v", th, ok)
	}
	if a := p.AllowListFor("EmailAddress"); !reflect.DeepEqual(a, AllowList{Values: []string{"noreply@example.com"}, Patterns: []string{`[a-z]+@example\.com`}}) {
		t.Errorf("AllowListFor(EmailAddress) = %+v", a)
	}
	if k := p.KeywordsFor("CreditCardNumber"); !reflect.DeepEqual(k, []string{"card on file"}) {
		t.Errorf("KeywordsFor = %v", k)
	}

	// Without extensions: CloudWatch's behaviour.
	plain, err := Parse(readTestdata(t, "loggroup-custom.json"))
	if err != nil {
		t.Fatal(err)
	}
	if m := plain.MaskFor("Ssn-US"); m != (Mask{Style: mask.StyleAsterisk}) || m.MaskChar() != "*" {
		t.Errorf("default mask %+v", m)
	}
	if _, ok := plain.ThresholdFor("Ssn-US"); ok {
		t.Error("threshold without extensions")
	}
	if !plain.AllowListFor("Ssn-US").IsZero() || plain.KeywordsFor("Ssn-US") != nil {
		t.Error("allow list or keywords without extensions")
	}

	roundTrip(t, p)

	// The CloudWatch document has no extension and parses strictly.
	cw, err := p.CloudWatchJSON()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(cw), ExtensionKey) {
		t.Errorf("CloudWatchJSON has extensions:\n%s", cw)
	}
	if _, err := Parse(data); err == nil {
		t.Error("Parse accepted an extended document")
	}
}

func TestMaskDefaults(t *testing.T) {
	m := Mask{Style: mask.StyleFixed}
	if m.FixedLength() != mask.DefaultFixedLength || m.MaskChar() != "*" {
		t.Error(m)
	}
	if (Mask{}).Placeholder("Ssn-US") != "{Ssn-US}" || (Mask{}).HashLength() != mask.DefaultHashLength {
		t.Error("Placeholder/HashLength defaults")
	}
}

// TestExtensionsValid accepts each mask style and setting.
func TestExtensionsValid(t *testing.T) {
	tests := []struct {
		ext  string
		want *Extensions
	}{
		{`{}`, &Extensions{}},
		{`{"Mask": "redact"}`, &Extensions{Mask: &Mask{Style: mask.StyleRedact}}},
		{`{"Mask": {"Style": "redact"}}`, &Extensions{Mask: &Mask{Style: mask.StyleRedact}}},
		{`{"Mask": {"Style": "asterisk", "Char": "x"}}`, &Extensions{Mask: &Mask{Style: mask.StyleAsterisk, Char: "x"}}},
		{`{"Mask": {"Style": "fixed", "Length": 4, "Char": "•"}}`, &Extensions{Mask: &Mask{Style: mask.StyleFixed, Length: 4, Char: "•"}}},
		{`{"Mask": {"Style": "partial", "KeepFirst": 2, "KeepLast": 0}}`, &Extensions{Mask: &Mask{Style: mask.StylePartial, KeepFirst: 2}}},
		{`{"Mask": {"Style": "placeholder"}}`, &Extensions{Mask: &Mask{Style: mask.StylePlaceholder}}},
		{`{"Mask": {"Style": "hash", "Length": 64}}`, &Extensions{Mask: &Mask{Style: mask.StyleHash, Length: 64}}},
		{`{"Mask": {"Style": "token"}}`, &Extensions{Mask: &Mask{Style: mask.StyleToken}}},
		{`{"Threshold": 0}`, &Extensions{Threshold: ptr(0)}},
		{`{"Threshold": 1e0}`, &Extensions{Threshold: ptr(1)}},
		{`{"AllowList": {"Values": [], "Patterns": []}}`, &Extensions{}},
		{`{"Identifiers": {}}`, &Extensions{}},
		{`{"Identifiers": {"Ssn-US": {}}}`, &Extensions{Identifiers: map[string]IdentifierSettings{"Ssn-US": {}}}},
		{`{"Identifiers": {"EmployeeId": {"Keywords": ["emp"], "KeywordRequired": false, "Window": 1000}}}`,
			&Extensions{Identifiers: map[string]IdentifierSettings{"EmployeeId": {Keywords: []string{"emp"}, Window: 1000}}}},
	}
	for _, tt := range tests {
		t.Run(tt.ext, func(t *testing.T) {
			p, err := ParseExtended([]byte(withExt(tt.ext)))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(p.Extensions, tt.want) {
				t.Errorf("got %+v, want %+v", p.Extensions, tt.want)
			}
			roundTrip(t, p)
			// The same extensions as a sidecar.
			q, err := ParseWithSidecar([]byte(base), []byte(tt.ext))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(p, q) {
				t.Errorf("sidecar gives %+v", q)
			}
		})
	}
}

// TestExtensionsInvalid breaks one extension rule per case.
func TestExtensionsInvalid(t *testing.T) {
	tests := []struct{ ext, want string }{
		{`[]`, "PiiGuard: must be an object, not an array"},
		{`{"Masks": "redact"}`, "PiiGuard.Masks: unknown field (allowed: Mask, Threshold, AllowList, Identifiers)"},
		{`{"Mask": "blur"}`, `PiiGuard.Mask: unknown mask style "blur" (styles: asterisk, fixed, partial, placeholder, redact, hash, token)`},
		{`{"Mask": 3}`, "PiiGuard.Mask: must be a mask style name or an object, not a number"},
		{`{"Mask": "partial"}`, "PiiGuard.Mask: partial needs KeepFirst or KeepLast; write it as an object"},
		{`{"Mask": {"KeepLast": 4}}`, "PiiGuard.Mask.Style: required"},
		{`{"Mask": {"Style": "Redact"}}`, `PiiGuard.Mask.Style: unknown mask style "Redact" (styles: asterisk, fixed, partial, placeholder, redact, hash, token)`},
		{`{"Mask": {"Style": "partial"}}`, "PiiGuard.Mask: partial needs KeepFirst or KeepLast greater than 0"},
		{`{"Mask": {"Style": "hash", "KeepLast": 4}}`, `PiiGuard.Mask.KeepLast: not a parameter of mask style "hash" (its parameters: Length)`},
		{`{"Mask": {"Style": "redact", "Char": "#"}}`, `PiiGuard.Mask.Char: not a parameter of mask style "redact" (it has none)`},
		{`{"Mask": {"Style": "asterisk", "Color": "red"}}`, "PiiGuard.Mask.Color: unknown field (allowed: Style, Char, Length, KeepFirst, KeepLast, Text)"},
		{`{"Mask": {"Style": "asterisk", "Char": "##"}}`, "PiiGuard.Mask.Char: must be exactly one visible character"},
		{`{"Mask": {"Style": "asterisk", "Char": " "}}`, "PiiGuard.Mask.Char: must be exactly one visible character"},
		{`{"Mask": {"Style": "asterisk", "Char": "0"}}`, "PiiGuard.Mask.Char: must be exactly one visible character, not a digit (a mask of digits can be a value itself)"},
		{`{"Mask": {"Style": "fixed", "Length": 0}}`, "PiiGuard.Mask.Length: must be an integer from 1 to 256"},
		{`{"Mask": {"Style": "hash", "Length": 4}}`, "PiiGuard.Mask.Length: must be an integer from 8 to 64"},
		{`{"Mask": {"Style": "fixed", "Length": 2.5}}`, "PiiGuard.Mask.Length: must be an integer from 1 to 256"},
		{`{"Mask": {"Style": "partial", "KeepFirst": -1}}`, "PiiGuard.Mask.KeepFirst: must be an integer from 0 to 64"},
		{`{"Mask": {"Style": "placeholder", "Text": ""}}`, "PiiGuard.Mask.Text: must be 1 to 256 characters"},
		{`{"Mask": {"Style": "token", "Prefix": "x"}}`, "PiiGuard.Mask.Prefix: unknown field (allowed: Style, Char, Length, KeepFirst, KeepLast, Text)"},
		{`{"Threshold": 1.5}`, "PiiGuard.Threshold: must be a number from 0 to 1"},
		{`{"Threshold": "high"}`, "PiiGuard.Threshold: must be a number from 0 to 1"},
		{`{"AllowList": ["x"]}`, "PiiGuard.AllowList: must be an object, not an array"},
		{`{"AllowList": {"Regex": ["x"]}}`, "PiiGuard.AllowList.Regex: unknown field (allowed: Values, Patterns)"},
		{`{"AllowList": {"Values": [""]}}`, "PiiGuard.AllowList.Values[0]: must not be empty"},
		{`{"AllowList": {"Values": ["a", "a"]}}`, "PiiGuard.AllowList.Values[1]: duplicate of PiiGuard.AllowList.Values[0]"},
		{`{"AllowList": {"Patterns": ["a("]}}`, "PiiGuard.AllowList.Patterns[0]: invalid regular expression: missing closing )"},
		{`{"AllowList": {"Values": ["` + strings.Repeat("v", 1001) + `"]}}`, "PiiGuard.AllowList.Values[0]: is longer than 1000 characters"},
		{`{"Identifiers": []}`, "PiiGuard.Identifiers: must be an object, not an array"},
		{`{"Identifiers": {"Ssn-UK": {}}}`, `PiiGuard.Identifiers.Ssn-UK: "Ssn-UK" is not an identifier of this policy (not in its DataIdentifier lists)`},
		{`{"Identifiers": {"IpAddress": {}}}`, `PiiGuard.Identifiers.IpAddress: "IpAddress" is not an identifier of this policy (not in its DataIdentifier lists)`},
		{`{"Identifiers": {"arn:aws:dataprotection::aws:data-identifier/Ssn-US": {}}}`, `PiiGuard.Identifiers["arn:aws:dataprotection::aws:data-identifier/Ssn-US"]: identifiers are named by their bare name ("EmailAddress", or a custom Name), not by ARN`},
		{`{"Identifiers": {"Ssn-US": {}, "Ssn-US": {}}}`, "PiiGuard.Identifiers.Ssn-US: duplicate key"},
		{`{"Identifiers": {"Ssn-US": "redact"}}`, "PiiGuard.Identifiers.Ssn-US: must be an object, not a string"},
		{`{"Identifiers": {"Ssn-US": {"Mask": "blur"}}}`, `PiiGuard.Identifiers.Ssn-US.Mask: unknown mask style "blur" (styles: asterisk, fixed, partial, placeholder, redact, hash, token)`},
		{`{"Identifiers": {"Ssn-US": {"Threshold": -0.1}}}`, "PiiGuard.Identifiers.Ssn-US.Threshold: must be a number from 0 to 1"},
		{`{"Identifiers": {"Ssn-US": {"KeywordRequired": true, "Keywords": ["ssn"]}}}`, "PiiGuard.Identifiers.Ssn-US.KeywordRequired: only custom identifiers take KeywordRequired; managed identifiers keep CloudWatch's keyword rules"},
		{`{"Identifiers": {"Ssn-US": {"Window": 50}}}`, "PiiGuard.Identifiers.Ssn-US.Window: only custom identifiers take Window; managed identifiers keep CloudWatch's 30-character window"},
		{`{"Identifiers": {"Ssn-US": {"Keywords": "ssn"}}}`, "PiiGuard.Identifiers.Ssn-US.Keywords: must be an array, not a string"},
		{`{"Identifiers": {"Ssn-US": {"Keywords": ["SSN", "ssn "]}}}`, "PiiGuard.Identifiers.Ssn-US.Keywords[1]: duplicate of PiiGuard.Identifiers.Ssn-US.Keywords[0] (keywords are case-insensitive)"},
		{`{"Identifiers": {"Ssn-US": {"Keywords": ["  "]}}}`, "PiiGuard.Identifiers.Ssn-US.Keywords[0]: must not be empty or blank"},
		{`{"Identifiers": {"EmployeeId": {"KeywordRequired": true}}}`, "PiiGuard.Identifiers.EmployeeId.KeywordRequired: is true but Keywords is empty"},
		{`{"Identifiers": {"EmployeeId": {"KeywordRequired": "yes", "Keywords": ["e"]}}}`, "PiiGuard.Identifiers.EmployeeId.KeywordRequired: must be true or false, not a string"},
		{`{"Identifiers": {"EmployeeId": {"Window": 0}}}`, "PiiGuard.Identifiers.EmployeeId.Window: must be an integer from 1 to 1000"},
		{`{"Identifiers": {"EmployeeId": {"Window": 1001}}}`, "PiiGuard.Identifiers.EmployeeId.Window: must be an integer from 1 to 1000"},
		{`{"Identifiers": {"EmployeeId": {"Scope": "all"}}}`, "PiiGuard.Identifiers.EmployeeId.Scope: unknown field (allowed: Mask, Threshold, Keywords, KeywordRequired, Window, AllowList)"},
	}
	for _, tt := range tests {
		t.Run(tt.ext, func(t *testing.T) {
			_, err := ParseExtended([]byte(withExt(tt.ext)))
			if err == nil {
				t.Fatal("accepted")
			}
			if got := strings.Join(errorLines(t, err), "\n"); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			// The sidecar gives the same paths and messages.
			_, err = ParseWithSidecar([]byte(base), []byte(tt.ext))
			if got := strings.Join(errorLines(t, err), "\n"); got != tt.want {
				t.Errorf("sidecar: got %s", got)
			}
		})
	}
}

func TestExtensionSizeLimit(t *testing.T) {
	// The CloudWatch limit does not count the extension member.
	big := `{"AllowList": {"Values": ["` + strings.Repeat("v", 1000) + `"`
	for i := range 40 {
		big += `, "` + strings.Repeat("v", 998) + string(rune('a'+i%26)) + string(rune('a'+i/26)) + `"`
	}
	big += `]}}`
	doc := withExt(big)
	if len(doc) <= MaxDocumentChars {
		t.Fatalf("document of %d bytes is too small for the test", len(doc))
	}
	p, err := ParseExtended([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	roundTrip(t, p)

	// The rest of the document still counts.
	pad := strings.Repeat("x", MaxDocumentChars)
	_, err = ParseExtended([]byte(rep(t, withExt(`{}`), `"Description": "d"`, `"Description": "`+pad+`"`)))
	if got := errorLines(t, err); len(got) != 1 || !strings.HasPrefix(got[0], "document without its PiiGuard member is ") {
		t.Errorf("got %v", got)
	}
}

func TestParseWithSidecar(t *testing.T) {
	doc := readTestdata(t, "loggroup-custom.json")
	side := []byte(`{"Mask": "redact", "Identifiers": {"EmployeeId": {"Keywords": ["emp"], "KeywordRequired": true}}}`)
	p, err := ParseWithSidecar(doc, side)
	if err != nil {
		t.Fatal(err)
	}
	if p.MaskFor("Ssn-US").Style != mask.StyleRedact || !p.CustomIdentifier("EmployeeId").KeywordRequired {
		t.Errorf("%+v", p.Extensions)
	}
	// The sidecar re-encodes alone.
	b, err := p.Extensions.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	q, err := ParseWithSidecar(doc, b)
	if err != nil || !reflect.DeepEqual(p, q) {
		t.Errorf("sidecar round trip: %v\n%s", err, b)
	}
	// No sidecar: no extensions.
	for _, empty := range [][]byte{nil, []byte(" \n")} {
		if p, err := ParseWithSidecar(doc, empty); err != nil || p.Extensions != nil {
			t.Errorf("empty sidecar: %v %+v", err, p)
		}
	}
	// The document must be a CloudWatch document.
	if _, err := ParseWithSidecar(readTestdata(t, "extended.json"), side); err == nil {
		t.Error("extended document accepted with a sidecar")
	}
	// A sidecar syntax error names the sidecar.
	_, err = ParseWithSidecar(doc, []byte(`{"Mask": }`))
	var se *SyntaxError
	if !errors.As(err, &se) || se.Source != "sidecar" || se.Offset != 9 || !strings.HasPrefix(err.Error(), "sidecar: invalid JSON at line 1, column 10") {
		t.Errorf("got %v", err)
	}
}

// TestMaskRulesAreSpecValidate: a policy accepts a mask object exactly
// when mask.Spec.Validate accepts the Spec it describes, so that the
// document's checks (which name JSON paths) and the Spec's are one set of
// rules.
func TestMaskRulesAreSpecValidate(t *testing.T) {
	var objects []string
	for _, st := range mask.Styles() {
		for _, params := range []string{
			``,
			`,"Char":"#"`, `,"Char":"••"`, `,"Char":" "`,
			`,"Length":1`, `,"Length":0`, `,"Length":8`, `,"Length":64`, `,"Length":65`, `,"Length":256`, `,"Length":257`, `,"Length":-1`,
			`,"KeepFirst":2`, `,"KeepLast":4`, `,"KeepFirst":64,"KeepLast":64`, `,"KeepLast":65`, `,"KeepFirst":-1,"KeepLast":4`,
			`,"Text":"<{identifier}>"`, `,"Text":"` + strings.Repeat("x", mask.MaxTextLength) + `"`, `,"Text":"` + strings.Repeat("x", mask.MaxTextLength+1) + `"`,
		} {
			objects = append(objects, `{"Style":"`+string(st)+`"`+params+`}`)
		}
	}
	accepted := 0
	for _, obj := range objects {
		var fields map[string]any
		if err := json.Unmarshal([]byte(obj), &fields); err != nil {
			t.Fatal(err)
		}
		spec := mask.Spec{Style: mask.Style(fields["Style"].(string))}
		if v, ok := fields["Char"].(string); ok {
			spec.Char = v
		}
		num := func(k string) int {
			v, _ := fields[k].(float64)
			return int(v)
		}
		spec.Length, spec.KeepFirst, spec.KeepLast = num("Length"), num("KeepFirst"), num("KeepLast")
		if v, ok := fields["Text"].(string); ok {
			spec.Text = v
		}
		specErr := spec.Validate()
		// "Length": 0 is out of a policy's range (a document omits a
		// default), where a Spec's zero means the default.
		if _, ok := fields["Length"]; ok && spec.Length == 0 && specErr == nil {
			specErr = errors.New("Length 0")
		}
		p, policyErr := ParseExtended([]byte(withExt(`{"Mask":` + obj + `}`)))
		if (policyErr == nil) != (specErr == nil) {
			t.Errorf("mask %.80s: policy error %v, Spec.Validate error %v", obj, policyErr, specErr)
			continue
		}
		if policyErr == nil {
			accepted++
			if *p.Extensions.Mask != spec {
				t.Errorf("mask %.80s: policy parsed %+v, want %+v", obj, *p.Extensions.Mask, spec)
			}
		}
	}
	if accepted < 20 || accepted > len(objects)-20 {
		t.Errorf("%d of %d masks accepted: the table tests too little of one side", accepted, len(objects))
	}
}
