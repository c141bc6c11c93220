package piiguard_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/piiguard/piiguard"
)

func loadPolicy(t *testing.T, path string) *piiguard.Policy {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := piiguard.ParsePolicy(data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return p
}

const policyEvent = "EmployeeId-123456789 TKT-ABC-123456 mail ops@example.com ssn 536-22-1234 card 4929 3812 6548 1006 call +1 415 555 2671"

// TestReferencePolicies loads the reference's example policies and checks
// that each masks exactly the identifiers it names.
func TestReferencePolicies(t *testing.T) {
	tests := []struct {
		path string
		want string
	}{
		{"policy/testdata/loggroup-managed.json", // EmailAddress, DriversLicense-US
			"EmployeeId-123456789 TKT-ABC-123456 mail *************** ssn 536-22-1234 card 4929 3812 6548 1006 call +1 415 555 2671"},
		{"policy/testdata/loggroup-custom.json", // CreditCardNumber, Ssn-US, EmployeeId, Internal_Ticket
			"******************** ************** mail ops@example.com ssn *********** card ******************* call +1 415 555 2671"},
		{"policy/testdata/account.json",
			"EmployeeId-123456789 TKT-ABC-123456 mail *************** ssn 536-22-1234 card 4929 3812 6548 1006 call ***************"},
	}
	for _, tt := range tests {
		p := loadPolicy(t, tt.path)
		s, err := piiguard.NewScanner(piiguard.Config{Policy: p, ResourceArn: "arn:aws:logs:us-east-1:111122223333:log-group:app:*"})
		if err != nil {
			t.Fatalf("%s: %v", tt.path, err)
		}
		if got := s.MaskString(policyEvent); got != tt.want {
			t.Errorf("%s: mask\n got %q\nwant %q", tt.path, got, tt.want)
		}
		r := s.Audit([]byte(policyEvent))
		if r == nil {
			t.Fatalf("%s: no audit report", tt.path)
		}
		for _, d := range r.DataIdentifiers {
			if !p.Has(d.Name) {
				t.Errorf("%s: audit reports %s, which the policy does not name", tt.path, d.Name)
			}
		}
		if m := s.Metrics(); m.LogEventsWithFindings != 1 {
			t.Errorf("%s: metrics %+v", tt.path, m)
		}
	}
}

func TestCombinedPolicies(t *testing.T) {
	account := loadPolicy(t, "policy/testdata/loggroup-custom.json")
	group := loadPolicy(t, "policy/testdata/loggroup-managed.json")
	s, err := piiguard.NewScanner(piiguard.Config{Policy: piiguard.CombinePolicies(account, group)})
	if err != nil {
		t.Fatal(err)
	}
	want := "******************** ************** mail *************** ssn *********** card ******************* call +1 415 555 2671"
	if got := s.MaskString(policyEvent); got != want {
		t.Errorf("combined mask\n got %q\nwant %q", got, want)
	}
}

const extendedPolicy = `{
  "Name": "ext", "Version": "2021-06-01",
  "Statement": [
    {"Sid": "a", "DataIdentifier": ["arn:aws:dataprotection::aws:data-identifier/EmailAddress", "arn:aws:dataprotection::aws:data-identifier/CreditCardNumber", "arn:aws:dataprotection::aws:data-identifier/Ssn-US"],
     "Operation": {"Audit": {"FindingsDestination": {}}}},
    {"Sid": "d", "DataIdentifier": ["arn:aws:dataprotection::aws:data-identifier/EmailAddress", "arn:aws:dataprotection::aws:data-identifier/CreditCardNumber", "arn:aws:dataprotection::aws:data-identifier/Ssn-US"],
     "Operation": {"Deidentify": {"MaskConfig": {}}}}
  ],
  "PiiGuard": {
    "AllowList": {"Values": ["noreply@example.com"]},
    "Identifiers": {
      "CreditCardNumber": {"Mask": {"Style": "partial", "KeepLast": 4}},
      "EmailAddress": {"Mask": "placeholder", "AllowList": {"Patterns": ["[a-z]+@internal\\.example"]}},
      "Ssn-US": {"Threshold": 0.99, "Keywords": ["taxpayer"]}
    }
  }
}`

func TestPolicyExtensions(t *testing.T) {
	p, err := piiguard.ParsePolicy([]byte(extendedPolicy))
	if err != nil {
		t.Fatal(err)
	}
	s, err := piiguard.NewScanner(piiguard.Config{Policy: p})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{"card 4929 3812 6548 1006", "card **** **** **** 1006"},
		{"mail ops@example.com", "mail {EmailAddress}"},
		{"mail noreply@example.com", "mail noreply@example.com"},
		{"mail bob@internal.example", "mail bob@internal.example"},
		{"ssn 536-22-1234", "ssn 536-22-1234"}, // below the 0.99 threshold
	}
	for _, tt := range tests {
		if got := s.MaskString(tt.in); got != tt.want {
			t.Errorf("Mask(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// Hash and token styles need a key.
	hashed := strings.Replace(extendedPolicy, `"Mask": "placeholder"`, `"Mask": "hash"`, 1)
	p, err = piiguard.ParsePolicy([]byte(hashed))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := piiguard.NewScanner(piiguard.Config{Policy: p}); err == nil || !strings.Contains(err.Error(), "needs a key") {
		t.Errorf("hash without a key: error %v", err)
	}
	s, err = piiguard.NewScanner(piiguard.Config{Policy: p, Key: []byte("0123456789abcdef0123456789abcdef")})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.MaskString("mail ops@example.com"); !strings.HasPrefix(got, "mail <hash:EmailAddress:") || strings.Contains(got, "ops@") {
		t.Errorf("hash mask: %q", got)
	}
}

func TestPolicyExcludesOtherConfig(t *testing.T) {
	p := loadPolicy(t, "policy/testdata/loggroup-managed.json")
	if _, err := piiguard.NewScanner(piiguard.Config{Policy: p, Identifiers: []string{"EmailAddress"}}); err == nil {
		t.Error("Policy with Identifiers: no error")
	}
}

func TestAuditReportShape(t *testing.T) {
	s := newScanner(t, piiguard.Config{Identifiers: []string{"EmailAddress"}, ResourceArn: "arn:aws:logs:us-west-2:111122223333:log-group:/aws/lambda/MyLogGroup:*"})
	reports := s.AuditBatch([][]byte{[]byte("nothing"), []byte("from a@example.com to b@example.com"), []byte("c@example.com")})
	if len(reports) != 2 {
		t.Fatalf("%d reports, want 2", len(reports))
	}
	b, _ := json.Marshal(reports[0])
	var generic map[string]any
	json.Unmarshal(b, &generic)
	ids := generic["dataIdentifiers"].([]any)
	first := ids[0].(map[string]any)
	if first["name"] != "EmailAddress" || first["count"].(float64) != 2 || len(first["detections"].([]any)) != 2 {
		t.Errorf("report %s", b)
	}
	if m := s.Metrics(); m.LogEvents != 3 || m.LogEventsWithFindings != 2 || m.ByIdentifier["EmailAddress"] != 2 {
		t.Errorf("metrics %+v", m)
	}
}

func TestPolicyOfCustomIdentifiersOnly(t *testing.T) {
	doc := `{"Name": "custom-only", "Version": "2021-06-01",
	  "Configuration": {"CustomDataIdentifier": [{"Name": "EmployeeId", "Regex": "EmployeeId-\\d{9}"}]},
	  "Statement": [
	    {"Sid": "a", "DataIdentifier": ["EmployeeId"], "Operation": {"Audit": {"FindingsDestination": {}}}},
	    {"Sid": "d", "DataIdentifier": ["EmployeeId"], "Operation": {"Deidentify": {"MaskConfig": {}}}}]}`
	p, err := piiguard.ParsePolicy([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	s, err := piiguard.NewScanner(piiguard.Config{Policy: p})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := s.MaskString("EmployeeId-123456789 mail a@example.com"), "******************** mail a@example.com"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestPlaceholderSpellingsInPolicies: a policy's placeholder Text names
// the identifier with "{identifier}", and documents written with "{name}",
// its deprecated spelling, mask the same.
func TestPlaceholderSpellingsInPolicies(t *testing.T) {
	const doc = `{
  "Name": "p", "Version": "2021-06-01",
  "Statement": [
    {"Sid": "audit", "DataIdentifier": ["arn:aws:dataprotection::aws:data-identifier/EmailAddress", "arn:aws:dataprotection::aws:data-identifier/Ssn-US"],
     "Operation": {"Audit": {"FindingsDestination": {}}}},
    {"Sid": "redact", "DataIdentifier": ["arn:aws:dataprotection::aws:data-identifier/EmailAddress", "arn:aws:dataprotection::aws:data-identifier/Ssn-US"],
     "Operation": {"Deidentify": {"MaskConfig": {}}}}
  ],
  "PiiGuard": {"Mask": {"Style": "placeholder", "Text": "<VAR>"}}
}`
	const want = "mail <EmailAddress> ssn <Ssn-US>"
	for _, v := range []string{"{identifier}", "{name}"} {
		p, err := piiguard.ParsePolicy([]byte(strings.ReplaceAll(doc, "VAR", v)))
		if err != nil {
			t.Fatalf("%s: %v", v, err)
		}
		s, err := piiguard.NewScanner(piiguard.Config{Policy: p})
		if err != nil {
			t.Fatal(err)
		}
		if got := s.MaskString("mail ops@example.com ssn 536-22-1234"); got != want {
			t.Errorf("Text <%s>: %q, want %q", v, got, want)
		}
	}
}
