package policy

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/piiguard/piiguard/identifiers"
)

// TestReferenceExamples loads the three example documents of the
// CloudWatch reference (testdata) and checks what they hold.
func TestReferenceExamples(t *testing.T) {
	tests := []struct {
		file    string
		name    string
		managed []string
		custom  map[string]string // name → regex
		dest    Destinations
	}{
		{"loggroup-managed.json", "data-protection-policy", []string{"EmailAddress", "DriversLicense-US"}, nil,
			Destinations{CloudWatchLogs: "EXISTING_LOG_GROUP_IN_YOUR_ACCOUNT", Firehose: "EXISTING_STREAM_IN_YOUR_ACCOUNT", S3: "EXISTING_BUCKET"}},
		{"loggroup-custom.json", "example_data_protection_policy", []string{"Ssn-US", "CreditCardNumber"},
			map[string]string{"EmployeeId": `EmployeeId-\d{9}`, "Internal_Ticket": `TKT-[A-Z]{3}-\d{6}`},
			Destinations{S3: "EXISTING_BUCKET"}},
		{"account.json", "CloudWatchLogs-PersonalInformation-Protection",
			[]string{"AwsSecretKey", "OpenSshPrivateKey", "PgpPrivateKey", "PkcsPrivateKey", "PuttyPrivateKey", "Address", "EmailAddress", "PhoneNumber-US"},
			nil, Destinations{}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p, err := Parse(readTestdata(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if p.Name != tt.name || p.Partition != "aws" || !p.Deidentify || p.Extensions != nil {
				t.Errorf("got %+v", p)
			}
			if !reflect.DeepEqual(p.Managed, tt.managed) {
				t.Errorf("Managed = %v, want %v", p.Managed, tt.managed)
			}
			if len(p.Custom) != len(tt.custom) {
				t.Errorf("Custom = %v", p.Custom)
			}
			for _, c := range p.Custom {
				if len(c.Patterns) != 1 || c.Patterns[0].Expr != tt.custom[c.Name] || c.Category != identifiers.Custom {
					t.Errorf("custom %+v", c)
				}
				if err := c.Validate(); err != nil {
					t.Error(err)
				}
			}
			if len(p.Audits) != 1 || p.Audits[0].Destinations != tt.dest || p.Audits[0].Policy != tt.name || p.Audits[0].Sid != "audit-policy" {
				t.Errorf("Audits = %+v", p.Audits)
			}
			if p.DeidentifySid != "redact-policy" {
				t.Errorf("DeidentifySid = %q", p.DeidentifySid)
			}
			roundTrip(t, p)
		})
	}
}

// roundTrip checks that p encodes and parses back equal, both ways.
func roundTrip(t *testing.T, p *Policy) {
	t.Helper()
	b, err := p.MarshalJSON()
	if err != nil {
		t.Fatalf("MarshalJSON: %v", err)
	}
	q, err := ParseExtended(b)
	if err != nil {
		t.Fatalf("re-parse: %v\n%.2000s", err, b)
	}
	if !reflect.DeepEqual(p, q) {
		t.Fatalf("round trip changed the policy:\n%+v\n%+v\n%.2000s", p, q, b)
	}
	cw, err := p.CloudWatchJSON()
	if err != nil {
		t.Fatalf("CloudWatchJSON: %v", err)
	}
	r, err := Parse(cw)
	if err != nil {
		t.Fatalf("CloudWatchJSON does not parse strictly: %v\n%.2000s", err, cw)
	}
	want := p.Clone()
	want.Extensions = nil
	for _, c := range want.Custom {
		c.Keywords, c.KeywordRequired, c.Window = nil, false, 0
	}
	if !reflect.DeepEqual(want, r) {
		t.Fatalf("CloudWatchJSON changed the policy:\n%+v\n%+v", want, r)
	}
}

// TestParseValid accepts documents CloudWatch accepts, at the edges of its
// rules.
func TestParseValid(t *testing.T) {
	pad := func(doc string, n int, r string) string {
		k := n - utf8.RuneCountInString(doc)
		return rep(t, doc, description, `"Description": "d`+strings.Repeat(r, k)+`",`)
	}
	managedOnly := rep(t, rep(t, rep(t, base, `,
  "Configuration": {
    "CustomDataIdentifier": [
      `+cdi+`
    ]
  }`, ""), list0End, "],"), `, "EmployeeId"],`, "],")
	managedOnly = strings.Replace(managedOnly, `/Ssn-US",`+"\n", `/Ssn-US"`+"\n", 1)
	var allARNs []string
	for _, n := range identifiers.ManagedNames() {
		allARNs = append(allARNs, `"`+ManagedARN("aws", n)+`"`)
	}
	all := fmt.Sprintf(`{"Name":"all","Version":"2021-06-01","Statement":[
		{"DataIdentifier":[%[1]s],"Operation":{"Audit":{"FindingsDestination":{}}}},
		{"DataIdentifier":[%[1]s],"Operation":{"Deidentify":{"MaskConfig":{}}}}]}`, strings.Join(allARNs, ","))
	name128 := strings.Repeat("N", 128)

	tests := []struct {
		name  string
		doc   string
		check func(t *testing.T, p *Policy)
	}{
		{"base", base, func(t *testing.T, p *Policy) {
			if got := p.Names(); !reflect.DeepEqual(got, []string{"EmailAddress", "Ssn-US", "EmployeeId"}) {
				t.Errorf("Names = %v", got)
			}
			if !p.Has("Ssn-US") || !p.Has("EmployeeId") || p.Has("IpAddress") || p.CustomIdentifier("EmployeeId") == nil {
				t.Error("Has/CustomIdentifier")
			}
		}},
		{"managed only, no Configuration", managedOnly, func(t *testing.T, p *Policy) {
			if len(p.Custom) != 0 || len(p.Managed) != 2 {
				t.Errorf("%+v", p)
			}
		}},
		{"aws-cn partition", repAll(t, base, "arn:aws:", "arn:aws-cn:"), func(t *testing.T, p *Policy) {
			if p.Partition != "aws-cn" {
				t.Errorf("Partition = %q", p.Partition)
			}
		}},
		{"aws-us-gov partition", repAll(t, base, "arn:aws:", "arn:aws-us-gov:"), func(t *testing.T, p *Policy) {
			if p.Partition != "aws-us-gov" {
				t.Errorf("Partition = %q", p.Partition)
			}
		}},
		{"second list in another order", rep(t, base, list1End[:0]+`["arn:aws:dataprotection::aws:data-identifier/EmailAddress", "arn:aws:dataprotection::aws:data-identifier/Ssn-US", "EmployeeId"]`,
			`["EmployeeId", "arn:aws:dataprotection::aws:data-identifier/Ssn-US", "arn:aws:dataprotection::aws:data-identifier/EmailAddress"]`), func(t *testing.T, p *Policy) {
			if !reflect.DeepEqual(p.Managed, []string{"EmailAddress", "Ssn-US"}) {
				t.Errorf("Managed = %v (want the Audit statement's order)", p.Managed)
			}
		}},
		{"no Sid, no Description", repAll(t, rep(t, base, description, ""), `"Sid": "audit",`, ""), func(t *testing.T, p *Policy) {
			if p.Description != "" || p.Audits[0].Sid != "" || p.DeidentifySid != "redact" {
				t.Errorf("%+v", p)
			}
		}},
		{"custom identifiers only", repAll(t, rep(t, base, `"arn:aws:dataprotection::aws:data-identifier/EmailAddress",
        "arn:aws:dataprotection::aws:data-identifier/Ssn-US",`, ""), `"arn:aws:dataprotection::aws:data-identifier/EmailAddress", "arn:aws:dataprotection::aws:data-identifier/Ssn-US", `, ""),
			func(t *testing.T, p *Policy) {
				if len(p.Managed) != 0 || len(p.Custom) != 1 || p.Partition != "aws" {
					t.Errorf("%+v", p)
				}
			}},
		{"empty Configuration and custom list", rep(t, managedOnly, `"Version": "2021-06-01",`, `"Version": "2021-06-01", "Configuration": {"CustomDataIdentifier": []},`), nil},
		{"empty FindingsDestination", rep(t, base, findings, `{}`), func(t *testing.T, p *Policy) {
			if !p.Audits[0].Destinations.IsZero() {
				t.Errorf("%+v", p.Audits)
			}
		}},
		{"CloudWatch Logs destination only", rep(t, base, findings, `{"CloudWatchLogs": {"LogGroup": "/audit/findings"}}`), func(t *testing.T, p *Policy) {
			if p.Audits[0].Destinations != (Destinations{CloudWatchLogs: "/audit/findings"}) {
				t.Errorf("%+v", p.Audits)
			}
		}},
		{"10 custom identifiers", withCustoms(t, 9), func(t *testing.T, p *Policy) {
			if len(p.Custom) != 10 {
				t.Errorf("%d custom", len(p.Custom))
			}
		}},
		{"128-character name, 200-character regex", repAll(t, rep(t, base, `"EmployeeId-\\d{9}"`, `"`+strings.Repeat("a", 199)+`."`), `"EmployeeId"`, `"`+name128+`"`), func(t *testing.T, p *Policy) {
			if p.Custom[0].Name != name128 || utf8.RuneCountInString(p.Custom[0].Patterns[0].Expr) != 200 {
				t.Errorf("%+v", p.Custom[0])
			}
		}},
		{"every allowed regex character", rep(t, base, `"EmployeeId-\\d{9}"`, `"^[aZ09_#=@/;,\\- ]{1,3}?\\.x+|y*$"`), nil},
		{"exactly 30720 characters", pad(base, MaxDocumentChars, "x"), nil},
		{"30720 characters, more bytes", pad(base, MaxDocumentChars, "é"), func(t *testing.T, p *Policy) {
			if !strings.HasSuffix(p.Description, "é") {
				t.Error(p.Description)
			}
		}},
		{"DateOfBirth and CreditCardMagneticStripe", repAll(t, repAll(t, base, "/EmailAddress", "/DateOfBirth"), "/Ssn-US", "/CreditCardMagneticStripe"), nil},
		{"all managed identifiers", all, func(t *testing.T, p *Policy) {
			if !reflect.DeepEqual(p.Managed, identifiers.ManagedNames()) {
				t.Errorf("Managed = %v", p.Managed)
			}
		}},
		{"escapes and Unicode in strings", rep(t, base, `"Description": "d"`, `"Description": "line\nnext \u00e9 \"q\" \\ \u2028 日本"`), func(t *testing.T, p *Policy) {
			if p.Description != "line\nnext é \"q\" \\ \u2028 日本" {
				t.Errorf("%q", p.Description)
			}
		}},
		{"CDK style", `{"Name":"data-protection-policy-cdk","Description":"cdk generated data protection policy","Version":"2021-06-01",
			"Configuration":{"CustomDataIdentifier":[{"Name":"EmployeeId","Regex":"EmployeeId-\\d{9}"}]},
			"Statement":[{"Sid":"audit-statement-cdk","DataIdentifier":["arn:aws:dataprotection::aws:data-identifier/EmailAddress","EmployeeId"],"Operation":{"Audit":{"FindingsDestination":{}}}},
			{"Sid":"redact-statement-cdk","DataIdentifier":["arn:aws:dataprotection::aws:data-identifier/EmailAddress","EmployeeId"],"Operation":{"Deidentify":{"MaskConfig":{}}}}]}`, nil},
	}
	if len(tests) < 10 {
		t.Fatalf("only %d cases", len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse([]byte(tt.doc))
			if err != nil {
				t.Fatalf("%v\n%.2000s", err, tt.doc)
			}
			if !p.Deidentify || len(p.Audits) != 1 || p.Name == "" {
				t.Errorf("%+v", p)
			}
			if tt.check != nil {
				tt.check(t, p)
			}
			q, err := ParseExtended([]byte(tt.doc))
			if err != nil || !reflect.DeepEqual(p, q) {
				t.Errorf("ParseExtended differs: %v", err)
			}
			roundTrip(t, p)
		})
	}
}

func TestMarshalRefusesInvalidPolicies(t *testing.T) {
	p, err := Parse([]byte(base))
	if err != nil {
		t.Fatal(err)
	}
	bad := p.Clone()
	bad.Managed = append(bad.Managed, "Ssn-UK")
	if _, err := bad.MarshalJSON(); err == nil || !strings.Contains(err.Error(), `unknown managed identifier "Ssn-UK"`) {
		t.Errorf("unknown managed name: %v", err)
	}
	bad = p.Clone()
	bad.Audits = nil
	if _, err := bad.MarshalJSON(); err == nil {
		t.Error("no Audit accepted")
	}
	bad = p.Clone()
	bad.Deidentify = false
	if _, err := bad.CloudWatchJSON(); err == nil {
		t.Error("no Deidentify accepted")
	}
	if _, err := (*Policy)(nil).MarshalJSON(); err == nil {
		t.Error("nil accepted")
	}
}
