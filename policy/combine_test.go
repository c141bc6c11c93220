package policy

import (
	"errors"
	"reflect"
	"testing"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/mask"
)

func mustParse(t *testing.T, doc string) *Policy {
	t.Helper()
	p, err := ParseExtended([]byte(doc))
	if err != nil {
		t.Fatalf("%v\n%s", err, doc)
	}
	return p
}

// doc builds a policy document with the given name, identifiers (managed
// names or custom names), custom declarations, findings and extensions.
func doc(name string, ids []string, customs map[string]string, findings, ext string) string {
	list := ""
	for i, id := range ids {
		if i > 0 {
			list += ","
		}
		if identifiers.IsManagedName(id) {
			id = ManagedARN("aws", id)
		}
		list += `"` + id + `"`
	}
	cfg := ""
	if len(customs) > 0 {
		cfg = `"Configuration":{"CustomDataIdentifier":[`
		first := true
		for _, id := range ids { // in ids order, for a stable document
			re, ok := customs[id]
			if !ok {
				continue
			}
			if !first {
				cfg += ","
			}
			first = false
			cfg += `{"Name":"` + id + `","Regex":"` + re + `"}`
		}
		cfg += `]},`
	}
	if findings == "" {
		findings = "{}"
	}
	out := `{"Name":"` + name + `","Version":"2021-06-01",` + cfg + `"Statement":[
		{"DataIdentifier":[` + list + `],"Operation":{"Audit":{"FindingsDestination":` + findings + `}}},
		{"DataIdentifier":[` + list + `],"Operation":{"Deidentify":{"MaskConfig":{}}}}]`
	if ext != "" {
		out += `,"PiiGuard":` + ext
	}
	return out + "}"
}

func TestCombine(t *testing.T) {
	account := mustParse(t, doc("account", []string{"EmailAddress", "AwsSecretKey", "Ticket"},
		map[string]string{"Ticket": `TKT-\\d{6}`}, `{"S3":{"Bucket":"acct"}}`, ""))
	group := mustParse(t, doc("group", []string{"Ssn-US", "EmailAddress", "EmployeeId"},
		map[string]string{"EmployeeId": `E-\\d{9}`}, `{"CloudWatchLogs":{"LogGroup":"findings"}}`, ""))
	c := Combine(account, group)

	if !reflect.DeepEqual(c.Managed, []string{"EmailAddress", "AwsSecretKey", "Ssn-US"}) {
		t.Errorf("Managed = %v", c.Managed)
	}
	if !reflect.DeepEqual(c.Names(), []string{"EmailAddress", "AwsSecretKey", "Ssn-US", "Ticket", "EmployeeId"}) {
		t.Errorf("Names = %v", c.Names())
	}
	wantAudits := []Audit{
		{Policy: "account", Identifiers: []string{"EmailAddress", "AwsSecretKey", "Ticket"}, Destinations: Destinations{S3: "acct"}},
		{Policy: "group", Identifiers: []string{"Ssn-US", "EmailAddress", "EmployeeId"}, Destinations: Destinations{CloudWatchLogs: "findings"}},
	}
	if !reflect.DeepEqual(c.Audits, wantAudits) {
		t.Errorf("Audits = %+v", c.Audits)
	}
	if c.Name != "group" || !c.Deidentify || c.Extensions != nil {
		t.Errorf("%+v", c)
	}
	if _, err := c.MarshalJSON(); !errors.Is(err, ErrNotEncodable) {
		t.Errorf("MarshalJSON of a combined policy: %v", err)
	}

	// The result shares nothing with the inputs.
	before := account.Clone()
	c.Managed[0] = "X"
	c.Custom[0].Patterns[0].Expr = "X"
	c.Audits[0].Identifiers[0] = "X"
	if !reflect.DeepEqual(account, before) {
		t.Error("Combine result aliases the account policy")
	}
}

func TestCombineNil(t *testing.T) {
	p := mustParse(t, base)
	if Combine(nil, nil) != nil {
		t.Error("Combine(nil, nil) != nil")
	}
	for _, c := range []*Policy{Combine(nil, p), Combine(p, nil)} {
		if c == p || !reflect.DeepEqual(c, p) {
			t.Errorf("not an equal copy: %+v", c)
		}
		if c.Custom[0] == p.Custom[0] {
			t.Error("custom identifier shared")
		}
		roundTrip(t, c)
	}
}

func TestCombineCustomSameName(t *testing.T) {
	ext := func(required bool, kw string, window string) string {
		r := "false"
		if required {
			r = "true"
		}
		return `{"Identifiers":{"Emp":{"Keywords":["` + kw + `"],"KeywordRequired":` + r + window + `}}}`
	}
	tests := []struct {
		name           string
		accRe, grpRe   string
		accExt, grpExt string
		wantPatterns   []identifiers.Pattern
		wantRequired   bool
		wantKeywords   []string
		wantWindow     int
	}{
		{"same regex", `E-\\d+`, `E-\\d+`, "", "",
			[]identifiers.Pattern{{Expr: `E-\d+`}}, false, nil, 0},
		{"different regexes", `E-\\d+`, `EMP\\d+`, "", "",
			[]identifiers.Pattern{{Expr: `E-\d+`}, {Expr: `EMP\d+`}}, false, nil, 0},
		{"both require keywords", `E-\\d+`, `EMP\\d+`, ext(true, "emp", ""), ext(true, "staff", `,"Window":50`),
			[]identifiers.Pattern{{Expr: `E-\d+`}, {Expr: `EMP\d+`}}, true, []string{"emp", "staff"}, 50},
		{"one requires keywords", `E-\\d+`, `EMP\\d+`, ext(true, "emp", `,"Window":10`), ext(false, "Emp", ""),
			[]identifiers.Pattern{{Expr: `E-\d+`, NeedsKeyword: true}, {Expr: `EMP\d+`}}, false, []string{"emp"}, identifiers.DefaultWindow},
		{"same regex, one requires keywords", `E-\\d+`, `E-\\d+`, ext(true, "emp", ""), "",
			[]identifiers.Pattern{{Expr: `E-\d+`}}, false, []string{"emp"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			acc := mustParse(t, doc("a", []string{"Emp"}, map[string]string{"Emp": tt.accRe}, "", tt.accExt))
			grp := mustParse(t, doc("g", []string{"Emp", "IpAddress"}, map[string]string{"Emp": tt.grpRe}, "", tt.grpExt))
			c := Combine(acc, grp)
			if len(c.Custom) != 1 {
				t.Fatalf("Custom = %v", c.Custom)
			}
			id := c.Custom[0]
			if !reflect.DeepEqual(id.Patterns, tt.wantPatterns) || id.KeywordRequired != tt.wantRequired ||
				!reflect.DeepEqual(id.Keywords, tt.wantKeywords) || id.Window != tt.wantWindow {
				t.Errorf("got %+v", id)
			}
			if err := id.Validate(); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestCombineExtensions(t *testing.T) {
	acc := mustParse(t, doc("a", []string{"EmailAddress", "Ssn-US"}, nil, "", `{
		"Mask": "redact", "Threshold": 0.4,
		"AllowList": {"Values": ["a@example.com"]},
		"Identifiers": {
			"Ssn-US": {"Mask": {"Style": "partial", "KeepLast": 4}, "Threshold": 0.9, "Keywords": ["ssn"], "AllowList": {"Values": ["078-05-1120"]}},
			"EmailAddress": {"Threshold": 0.3}
		}}`))
	grp := mustParse(t, doc("g", []string{"Ssn-US", "IpAddress"}, nil, "", `{
		"Mask": "asterisk",
		"AllowList": {"Values": ["a@example.com", "b@example.com"], "Patterns": ["10\\..*"]},
		"Identifiers": {
			"Ssn-US": {"Mask": "fixed", "Keywords": ["SSN", "social"], "AllowList": {"Values": ["219-09-9999"]}},
			"IpAddress": {"Mask": "token"}
		}}`))
	c := Combine(acc, grp)
	want := &Extensions{
		Mask:      &Mask{Style: mask.StyleAsterisk},
		Threshold: ptr(0.4),
		AllowList: AllowList{Values: []string{"a@example.com", "b@example.com"}, Patterns: []string{`10\..*`}},
		Identifiers: map[string]IdentifierSettings{
			"Ssn-US": {
				Mask:      &Mask{Style: mask.StyleFixed},
				Threshold: ptr(0.9),
				Keywords:  []string{"ssn", "social"},
				AllowList: AllowList{Values: []string{"078-05-1120", "219-09-9999"}},
			},
			"EmailAddress": {Threshold: ptr(0.3)},
			"IpAddress":    {Mask: &Mask{Style: mask.StyleToken}},
		},
	}
	if !reflect.DeepEqual(c.Extensions, want) {
		t.Errorf("got  %+v\nwant %+v", c.Extensions, want)
	}
	if m := c.MaskFor("EmailAddress"); m.Style != mask.StyleAsterisk {
		t.Errorf("MaskFor(EmailAddress) = %v", m)
	}
	if th, _ := c.ThresholdFor("IpAddress"); th != 0.4 {
		t.Errorf("ThresholdFor(IpAddress) = %v", th)
	}
	// Inputs unchanged.
	*c.Extensions.Threshold = 0
	if *acc.Extensions.Threshold != 0.4 {
		t.Error("threshold aliased")
	}
	// Only one side has extensions.
	plain := mustParse(t, doc("p", []string{"Ssn-US"}, nil, "", ""))
	if e := Combine(plain, grp).Extensions; !reflect.DeepEqual(e, grp.Extensions) || e == grp.Extensions {
		t.Errorf("one-sided extensions: %+v", e)
	}
}
