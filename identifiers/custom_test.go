package identifiers_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/identifiers"
)

// TestNewCustomRules checks CloudWatch's rules on a custom identifier's name
// and regex: each violation returns the matching exported error.
func TestNewCustomRules(t *testing.T) {
	name128 := strings.Repeat("n", identifiers.MaxCustomNameLength)
	regex200 := strings.Repeat("a", identifiers.MaxCustomRegexLength)
	tests := []struct {
		desc, name, regex string
		err               error // nil: accepted
	}{
		{"plain", "EmployeeId", `EMP-[0-9]{6}`, nil},
		{"digits, '_' and '-'", "emp_id-2", `EMP-[0-9]{6}`, nil},
		{"128-character name", name128, `x`, nil},
		{"200-character regex", "R", regex200, nil},
		{"200 multi-byte characters", "R", strings.Repeat("é", identifiers.MaxCustomRegexLength), nil},
		{"managed name in another case", "emailaddress", `x`, nil}, // names are case-sensitive, as in ARNs

		{"empty name", "", `x`, identifiers.ErrCustomName},
		{"129-character name", name128 + "n", `x`, identifiers.ErrCustomName},
		{"name with a space", "Employee Id", `x`, identifiers.ErrCustomName},
		{"name with '.'", "employee.id", `x`, identifiers.ErrCustomName},
		{"name with '/'", "employee/id", `x`, identifiers.ErrCustomName},
		{"non-ASCII name", "Führerschein", `x`, identifiers.ErrCustomName},
		{"managed name in the catalog", "EmailAddress", `x`, identifiers.ErrCustomManaged},
		{"managed name not yet implemented", "DriversLicense-AT", `x`, identifiers.ErrCustomManaged},
		{"DateOfBirth (accepted by the service)", "DateOfBirth", `x`, identifiers.ErrCustomManaged},
		{"empty regex", "R", ``, identifiers.ErrCustomRegex},
		{"201-character regex", "R", regex200 + "a", identifiers.ErrCustomRegexLong},
		{"201 multi-byte characters", "R", strings.Repeat("é", identifiers.MaxCustomRegexLength+1), identifiers.ErrCustomRegexLong},
		{"unbalanced parenthesis", "R", `(EMP-[0-9]{6}`, identifiers.ErrCustomRegex},
		{"unbalanced bracket", "R", `[0-9`, identifiers.ErrCustomRegex},
		{"lookahead (not RE2)", "R", `EMP(?=-)`, identifiers.ErrCustomRegex},
		{"backreference (not RE2)", "R", `(a)\1`, identifiers.ErrCustomRegex},
		{"repeat count above 1000", "R", `a{1001}`, identifiers.ErrCustomRegex},
		{"bad escape", "R", `\q`, identifiers.ErrCustomRegex},
	}
	sentinels := []error{
		identifiers.ErrCustomName, identifiers.ErrCustomManaged, identifiers.ErrCustomRegex,
		identifiers.ErrCustomRegexLong, identifiers.ErrCustomRegexBig, identifiers.ErrCustomCount, identifiers.ErrCustomDuplicate,
	}
	for _, tt := range tests {
		id, err := identifiers.NewCustom(tt.name, tt.regex)
		if tt.err == nil {
			if err != nil || id == nil {
				t.Errorf("%s: NewCustom(%q, %q) = %v, %v; want an identifier", tt.desc, tt.name, tt.regex, id, err)
			}
			continue
		}
		if id != nil || !errors.Is(err, tt.err) {
			t.Errorf("%s: NewCustom(%q, %q) = %v, %v; want %v", tt.desc, tt.name, tt.regex, id, err, tt.err)
			continue
		}
		for _, s := range sentinels {
			if s != tt.err && errors.Is(err, s) {
				t.Errorf("%s: error %v also matches %v", tt.desc, err, s)
			}
		}
	}
}

// TestNewCustomIdentifier checks what NewCustom returns: a valid identifier
// with CloudWatch's semantics (no keyword), which a detector compiles and
// finds.
func TestNewCustomIdentifier(t *testing.T) {
	id, err := identifiers.NewCustom("EmployeeId", `EMP-[0-9]{6}`)
	if err != nil {
		t.Fatal(err)
	}
	if err := id.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
	if id.Name != "EmployeeId" || id.Category != identifiers.Custom || len(id.Patterns) != 1 ||
		id.Patterns[0].Expr != `EMP-[0-9]{6}` || len(id.Keywords) != 0 || id.KeywordRequired || id.Validator != nil {
		t.Errorf("NewCustom = %+v", id)
	}
	if c := id.BaseConfidence(); c <= 0 || c > 1 {
		t.Errorf("BaseConfidence = %v", c)
	}
	d, err := detector.Compile([]*identifiers.Identifier{id})
	if err != nil {
		t.Fatal(err)
	}
	got := d.FindString("login by EMP-004211 from the VPN")
	if len(got) != 1 || got[0].Identifier != "EmployeeId" || got[0].Start != 9 || got[0].End != 19 {
		t.Errorf("Find = %v, want EmployeeId[9:19]", got)
	}
	// A custom identifier beside the managed catalog.
	all, err := detector.Compile(append(identifiers.Catalog(), id))
	if err != nil {
		t.Fatal(err)
	}
	got = all.FindString("EMP-004211 wrote to jane.doe@example.com")
	if len(got) != 2 || got[0].Identifier != "EmployeeId" || got[1].Identifier != "EmailAddress" {
		t.Errorf("Find with the catalog = %v", got)
	}
}

func customSet(t *testing.T, names ...string) []*identifiers.Identifier {
	t.Helper()
	var out []*identifiers.Identifier
	for _, n := range names {
		id, err := identifiers.NewCustom(n, `x`+n)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, id)
	}
	return out
}

// TestCheckCustomSet checks the per-policy rules: at most 10 custom
// identifiers, names unique.
func TestCheckCustomSet(t *testing.T) {
	names := func(n int) []string {
		var out []string
		for i := range n {
			out = append(out, fmt.Sprintf("Custom%d", i))
		}
		return out
	}
	tests := []struct {
		desc string
		set  []*identifiers.Identifier
		err  error
	}{
		{"none", nil, nil},
		{"one", customSet(t, "A"), nil},
		{"ten", customSet(t, names(identifiers.MaxCustomIdentifiers)...), nil},
		{"eleven", customSet(t, names(identifiers.MaxCustomIdentifiers+1)...), identifiers.ErrCustomCount},
		{"duplicate", customSet(t, "A", "B", "A"), identifiers.ErrCustomDuplicate},
		{"duplicate among ten", customSet(t, append(names(9), "Custom3")...), identifiers.ErrCustomDuplicate},
		{"names differing in case", customSet(t, "Abc", "abc"), nil},
	}
	for _, tt := range tests {
		err := identifiers.CheckCustomSet(tt.set)
		if tt.err == nil && err != nil || tt.err != nil && !errors.Is(err, tt.err) {
			t.Errorf("%s: CheckCustomSet = %v, want %v", tt.desc, err, tt.err)
		}
	}
}
