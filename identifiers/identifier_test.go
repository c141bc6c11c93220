package identifiers_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/identifiers"
)

func TestKeywordVariants(t *testing.T) {
	tests := []struct {
		keyword string
		want    []string
	}{
		{"secret key", []string{"secret key", "secretkey", "secret_key", "secret-key"}},
		{"secret access key", []string{"secret access key", "secretaccesskey", "secret_access_key", "secret-access-key"}},
		{"SSN", []string{"ssn"}},
		{"  Social Security ", []string{"social security", "socialsecurity", "social_security", "social-security"}},
		{"aws_secret_access_key", []string{"aws_secret_access_key"}},
		{"set-awscredential", []string{"set-awscredential"}},
		{"dl#", []string{"dl#"}},
		{"cc #", []string{"cc #", "cc#", "cc_#", "cc-#"}},
		{"Número de Identificação do Veículo", []string{
			"número de identificação do veículo", "númerodeidentificaçãodoveículo",
			"número_de_identificação_do_veículo", "número-de-identificação-do-veículo"}},
		{"", nil},
		{"   ", nil},
	}
	for _, tt := range tests {
		if got := identifiers.KeywordVariants(tt.keyword); !slices.Equal(got, tt.want) {
			t.Errorf("KeywordVariants(%q) = %q, want %q", tt.keyword, got, tt.want)
		}
	}
}

// validIdentifier returns a well-formed identifier to break one field at a
// time.
func validIdentifier() *identifiers.Identifier {
	return &identifiers.Identifier{
		Name:            "Test",
		Category:        identifiers.Custom,
		Patterns:        []identifiers.Pattern{{Expr: `T-[0-9]{4}`}},
		Keywords:        []string{"test"},
		KeywordRequired: true,
		Confidence:      0.5,
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		desc   string
		change func(*identifiers.Identifier)
		want   string // part of the error; "" means valid
	}{
		{"well formed", func(*identifiers.Identifier) {}, ""},
		{"confidence 0 (default)", func(id *identifiers.Identifier) { id.Confidence = 0 }, ""},
		{"confidence 1", func(id *identifiers.Identifier) { id.Confidence = 1 }, ""},
		{"window 0 (default)", func(id *identifiers.Identifier) { id.Window = 0 }, ""},
		{"no keywords, none required", func(id *identifiers.Identifier) { id.Keywords, id.KeywordRequired = nil, false }, ""},
		{"no name", func(id *identifiers.Identifier) { id.Name = "" }, "no name"},
		{"no pattern", func(id *identifiers.Identifier) { id.Patterns = nil }, "no pattern"},
		{"empty pattern", func(id *identifiers.Identifier) {
			id.Patterns = append(id.Patterns, identifiers.Pattern{})
		}, "pattern 1 is empty"},
		{"negative confidence", func(id *identifiers.Identifier) { id.Confidence = -0.1 }, "confidence"},
		{"confidence above 1", func(id *identifiers.Identifier) { id.Confidence = 1.5 }, "confidence"},
		{"negative window", func(id *identifiers.Identifier) { id.Window = -1 }, "window"},
		{"keyword required, none given", func(id *identifiers.Identifier) { id.Keywords = nil }, "requires a keyword"},
		{"pattern needs a keyword, none given", func(id *identifiers.Identifier) {
			id.Keywords, id.KeywordRequired = nil, false
			id.Patterns[0].NeedsKeyword = true
		}, "needs a keyword"},
	}
	for _, tt := range tests {
		id := validIdentifier()
		tt.change(id)
		err := id.Validate()
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: Validate = %v, want nil", tt.desc, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: Validate = %v, want an error about %q", tt.desc, err, tt.want)
		case tt.want != "" && id.Name != "" && !strings.Contains(err.Error(), id.Name):
			t.Errorf("%s: Validate = %v, which does not name the identifier", tt.desc, err)
		}
		// The detector refuses what Validate refuses.
		if _, cerr := detector.Compile([]*identifiers.Identifier{id}); (cerr != nil) != (err != nil) {
			t.Errorf("%s: Validate = %v but Compile = %v", tt.desc, err, cerr)
		}
	}
}

func TestIdentifierDefaults(t *testing.T) {
	id := validIdentifier()
	id.Confidence, id.Window = 0, 0
	if got := id.BaseConfidence(); got != 0.5 {
		t.Errorf("BaseConfidence with Confidence 0 = %v, want 0.5", got)
	}
	if got := id.ProximityWindow(); got != identifiers.DefaultWindow || identifiers.DefaultWindow != 30 {
		t.Errorf("ProximityWindow with Window 0 = %v, want 30", got)
	}
	id.Confidence, id.Window = 0.8, 12
	if id.BaseConfidence() != 0.8 || id.ProximityWindow() != 12 {
		t.Errorf("BaseConfidence, ProximityWindow = %v, %v; want 0.8, 12", id.BaseConfidence(), id.ProximityWindow())
	}
}

func TestIsNeverReported(t *testing.T) {
	id := lookup(t, "CreditCardNumber")
	for _, s := range []string{"4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "3782 822463 10005"} {
		if !id.IsNeverReported([]byte(s)) {
			t.Errorf("IsNeverReported(%q) = false", s)
		}
	}
	for _, s := range []string{"4539148803436467", "4111.1111.1111.1111", "411111111111111", ""} {
		if id.IsNeverReported([]byte(s)) {
			t.Errorf("IsNeverReported(%q) = true", s)
		}
	}
	if lookup(t, "EmailAddress").IsNeverReported([]byte("4111111111111111")) {
		t.Error("an identifier without never-reported values reports one")
	}
}

// TestCatalog checks the catalog's invariants: sorted, valid, named after
// CloudWatch's managed identifiers, and handed out as copies.
func TestCatalog(t *testing.T) {
	cat := identifiers.Catalog()
	if len(cat) == 0 {
		t.Fatal("empty catalog")
	}
	var names []string
	for _, id := range cat {
		names = append(names, id.Name)
		if err := id.Validate(); err != nil {
			t.Errorf("%s: %v", id.Name, err)
		}
		if !id.Extension && !identifiers.IsManagedName(id.Name) {
			t.Errorf("%s is not a CloudWatch managed identifier name and not marked Extension", id.Name)
		}
		if id.Category == "" || id.Format == "" {
			t.Errorf("%s: Category %q, Format %q", id.Name, id.Category, id.Format)
		}
		if i := strings.LastIndexByte(id.Name, '-'); i > 0 && id.Country != id.Name[i+1:] {
			t.Errorf("%s: Country %q, want the name's suffix", id.Name, id.Country)
		}
		for _, k := range id.Keywords {
			if k == "" || strings.TrimSpace(k) != k {
				t.Errorf("%s: keyword %q is empty or padded", id.Name, k)
			}
		}
		for _, v := range id.NeverReported {
			if strings.ContainsAny(v, " -") {
				t.Errorf("%s: never-reported value %q holds a space or hyphen, which are removed before comparing", id.Name, v)
			}
		}
		got, ok := identifiers.Lookup(id.Name)
		if !ok || got.Name != id.Name {
			t.Errorf("Lookup(%q) = %v, %v", id.Name, got, ok)
		}
	}
	if !slices.IsSorted(names) {
		t.Errorf("Catalog not sorted by name: %v", names)
	}
	if _, err := detector.Compile(cat); err != nil {
		t.Errorf("Compile(Catalog()): %v", err)
	}

	// Copies: changing one changes neither the catalog nor Lookup's result.
	cat[0].Name = "Changed"
	cat[0].Keywords = append(cat[0].Keywords[:0], "changed")
	cat[0].Patterns = append(cat[0].Patterns[:0], identifiers.Pattern{Expr: "changed"})
	again := identifiers.Catalog()
	if again[0].Name != names[0] || slices.Contains(again[0].Keywords, "changed") || again[0].Patterns[0].Expr == "changed" {
		t.Errorf("changing a Catalog() copy changed the catalog: %+v", again[0])
	}
	cc := lookup(t, "CreditCardNumber")
	cc.NeverReported[0] = "changed"
	if lookup(t, "CreditCardNumber").NeverReported[0] == "changed" {
		t.Error("changing a Lookup copy's NeverReported changed the catalog")
	}

	if id, ok := identifiers.Lookup("NoSuchIdentifier"); ok || id != nil {
		t.Errorf("Lookup(NoSuchIdentifier) = %v, %v", id, ok)
	}
	if _, ok := identifiers.Lookup("emailaddress"); ok {
		t.Error("Lookup is case-insensitive; names are case-sensitive")
	}
}

func TestManagedNames(t *testing.T) {
	names := identifiers.ManagedNames()
	// 98 ARN names, plus DateOfBirth and CreditCardMagneticStripe (docs/cloudwatch-reference.md, Managed identifiers).
	if len(names) != 100 {
		t.Errorf("%d managed names, want 100", len(names))
	}
	if !slices.IsSorted(names) {
		t.Error("ManagedNames not sorted")
	}
	if len(slices.Compact(slices.Clone(names))) != len(names) {
		t.Error("ManagedNames has duplicates")
	}
	for _, n := range []string{"DateOfBirth", "CreditCardMagneticStripe", "HealthInsuranceCardNumber-EU", "OpenSshPrivateKey", "Ssn-US"} {
		if !identifiers.IsManagedName(n) {
			t.Errorf("IsManagedName(%q) = false", n)
		}
	}
	for _, n := range []string{"OpenSSHPrivateKey", "PhoneNumber", "PhoneNumber-CA", "ssn-us", ""} {
		if identifiers.IsManagedName(n) {
			t.Errorf("IsManagedName(%q) = true", n)
		}
	}
	names[0] = "changed"
	if identifiers.ManagedNames()[0] == "changed" {
		t.Error("ManagedNames returns the package's array")
	}
}
