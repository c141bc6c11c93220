package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const testdata = "../../policy/testdata/"

func TestPolicyValidate(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"Name":"x","Version":"2021-06-01","Statement":[{"Sid":"a","DataIdentifier":["arn:aws:dataprotection::aws:data-identifier/Ssn-UK"],"Operation":{"Audit":{"FindingsDestination":{}}}},{"Sid":"b","DataIdentifier":["arn:aws:dataprotection::aws:data-identifier/Ssn-UK"],"Operation":{"Deidentify":{"MaskConfig":{}}}}]}`), 0o600)
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"policy", "validate", testdata + "loggroup-managed.json", testdata + "loggroup-custom.json"}, 0, ""},
		{[]string{"policy", "validate", bad}, 1, `Statement[0].DataIdentifier[0]: unknown managed identifier "Ssn-UK"`},
		{[]string{"policy", "validate"}, 2, "no policy file"},
		{[]string{"policy"}, 2, "policy validate FILE"},
		{[]string{"policy", "validate", filepath.Join(dir, "missing.json")}, 1, "no such file"},
	}
	for _, tt := range tests {
		code, _, errs := runCLI(t, "", tt.args...)
		if code != tt.code || !strings.Contains(errs, tt.stderr) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tt.args, code, errs, tt.code, tt.stderr)
		}
	}
}

const event = "EmployeeId-123456789 mail ops@example.com ssn 536-22-1234 card 4929 3812 6548 1006\n"

func TestMaskWithPolicy(t *testing.T) {
	tests := []struct {
		policies []string
		want     string
	}{
		{[]string{"loggroup-managed.json"}, "EmployeeId-123456789 mail *************** ssn 536-22-1234 card 4929 3812 6548 1006\n"},
		{[]string{"loggroup-custom.json"}, "******************** mail ops@example.com ssn *********** card *******************\n"},
		{[]string{"loggroup-custom.json", "loggroup-managed.json"}, "******************** mail *************** ssn *********** card *******************\n"},
	}
	for _, tt := range tests {
		args := []string{"mask"}
		for _, p := range tt.policies {
			args = append(args, "--policy", testdata+p)
		}
		code, out, errs := runCLI(t, event, args...)
		if code != 0 || out != tt.want {
			t.Errorf("%v: exit %d (%s)\n got %q\nwant %q", args, code, errs, out, tt.want)
		}
	}
}

func TestPolicyFlagErrors(t *testing.T) {
	p := testdata + "loggroup-managed.json"
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"mask", "--policy", p, "--identifiers", "EmailAddress"}, "drop --identifiers"},
		{[]string{"mask", "--policy", p, "--policy", p, "--policy", p}, "at most 2 --policy files"},
		{[]string{"scan", "--policy", "nope.json"}, "no such file"},
		{[]string{"audit", "--policy", "../../README.md"}, "invalid JSON"},
	}
	for _, tt := range tests {
		code, _, errs := runCLI(t, "", tt.args...)
		if code != 2 || !strings.Contains(errs, tt.want) || strings.Count(strings.TrimSpace(errs), "\n") > 0 {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q on one line", tt.args, code, errs, tt.want)
		}
	}
}

func TestAuditCommand(t *testing.T) {
	in := "nothing here\n" + event + "a@example.com b@example.com\n"
	code, out, errs := runCLI(t, in, "audit", "--identifiers", "EmailAddress,Ssn-US", "--resource-arn", "arn:aws:logs:us-east-1:1:log-group:app:*", "--metrics")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d reports, want 2:\n%s", len(lines), out)
	}
	var r struct {
		AuditTimestamp  string `json:"auditTimestamp"`
		ResourceArn     string `json:"resourceArn"`
		DataIdentifiers []struct {
			Name       string `json:"name"`
			Count      int    `json:"count"`
			Detections []struct{ Start, End int }
		} `json:"dataIdentifiers"`
	}
	if err := json.Unmarshal([]byte(lines[1]), &r); err != nil {
		t.Fatal(err)
	}
	if r.ResourceArn == "" || len(r.DataIdentifiers) != 1 || r.DataIdentifiers[0].Count != 2 || r.DataIdentifiers[0].Detections[1].Start != 14 {
		t.Errorf("report %s", lines[1])
	}
	var m struct {
		LogEvents             int            `json:"logEvents"`
		LogEventsWithFindings int            `json:"logEventsWithFindings"`
		ByIdentifier          map[string]int `json:"byIdentifier"`
	}
	if err := json.Unmarshal([]byte(errs), &m); err != nil || m.LogEvents != 3 || m.LogEventsWithFindings != 2 || m.ByIdentifier["EmailAddress"] != 2 {
		t.Errorf("metrics %q (%v)", errs, err)
	}
}
