package wasmconfig

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/internal/testcorpus"
	"github.com/piiguard/piiguard/wasm/internal/abi"
)

func names(s *piiguard.Scanner) []string {
	var out []string
	for _, id := range s.Identifiers() {
		out = append(out, id.Name)
	}
	return out
}

func readPolicy(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "policy", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestParseStrict(t *testing.T) {
	for _, bad := range []string{`{"identifier":[]}`, `[]`, `{} x`, `{"min_score":"1"}`, `{"custom":[{"name":"a","regex":"b","x":1}]}`, strings.Repeat(" ", MaxConfigBytes+1)} {
		if _, err := Parse([]byte(bad)); err == nil || Code(err) != abi.ErrConfig {
			t.Errorf("Parse(%.40q) = %v", bad, err)
		}
	}
	c, err := Parse([]byte(` {"identifiers":["EmailAddress"],"min_score":0.5} `))
	if err != nil || c.MinScore != 0.5 || !slices.Equal(c.Identifiers, []string{"EmailAddress"}) {
		t.Errorf("Parse = %+v, %v", c, err)
	}
}

func TestNewScanner(t *testing.T) {
	pol := readPolicy(t, "loggroup-custom.json")
	tests := []struct {
		config string
		want   []string // identifier names; nil: don't check
		text   string
		masked string
	}{
		{`{}`, nil, "ssn 536-22-1234 jane@example.com", "ssn *********** ****************"},
		{`{"identifiers":["EmailAddress"],"custom":[{"name":"Emp","regex":"EMP-\\d{6}"}]}`, []string{"EmailAddress", "Emp"},
			"EMP-123456 jane@example.com ssn 536-22-1234", "********** **************** ssn 536-22-1234"},
		{`{"policy":` + pol + `}`, []string{"Ssn-US", "CreditCardNumber", "EmployeeId", "Internal_Ticket"},
			"TKT-ABC-123456 jane@example.com", "************** jane@example.com"},
		{`{"policy":` + testcorpus.ExtendedPolicy + `}`, nil,
			"card on file 4929 3812 6548 1006 mail jane@example.com from 10.1.2.3, noreply@example.com",
			"card on file #### #### #### 1006 mail  from <IpAddress>, noreply@example.com"},
		{`{"policy":null}`, nil, "jane@example.com", "****************"},
	}
	for _, tt := range tests {
		s, err := NewScanner([]byte(tt.config))
		if err != nil {
			t.Errorf("NewScanner(%.60s): %v", tt.config, err)
			continue
		}
		if tt.want != nil && !slices.Equal(names(s), tt.want) {
			t.Errorf("NewScanner(%.60s): identifiers %q, want %q", tt.config, names(s), tt.want)
		}
		if got := s.MaskString(tt.text); got != tt.masked {
			t.Errorf("NewScanner(%.60s): mask %q, want %q", tt.config, got, tt.masked)
		}
	}
}

// TestSameAsFacade: a policy compiles to what piiguard.NewScanner makes of
// it.
func TestSameAsFacade(t *testing.T) {
	for _, doc := range []string{readPolicy(t, "loggroup-custom.json"), testcorpus.ExtendedPolicy} {
		s, err := NewScanner([]byte(`{"policy":` + doc + `}`))
		if err != nil {
			t.Fatal(err)
		}
		p, err := piiguard.ParsePolicy([]byte(doc))
		if err != nil {
			t.Fatal(err)
		}
		n, err := piiguard.NewScanner(piiguard.Config{Policy: p})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(names(s), names(n)) {
			t.Errorf("identifiers %q, facade %q", names(s), names(n))
		}
		for _, l := range testcorpus.Dense(9, 300) {
			if a, b := s.MaskString(l), n.MaskString(l); a != b {
				t.Fatalf("mask %q, facade %q", a, b)
			}
		}
	}
}

func TestPolicyAsString(t *testing.T) {
	pol := readPolicy(t, "loggroup-custom.json")
	q := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(pol)
	s, err := NewScanner([]byte(`{"policy":"` + q + `"}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := names(s); len(got) != 4 {
		t.Errorf("identifiers %q", got)
	}
}

func TestErrors(t *testing.T) {
	pol := readPolicy(t, "loggroup-custom.json")
	for _, tt := range []struct {
		config string
		code   int32
	}{
		{`{"identifiers":["Nope"]}`, abi.ErrConfig},
		{`{"custom":[{"name":"bad name","regex":"x"}]}`, abi.ErrConfig},
		{`{"custom":[{"name":"A","regex":"("}]}`, abi.ErrConfig},
		{`{"policy":5}`, abi.ErrConfig},
		{`{"policy":"{"}`, abi.ErrPolicy},
		{`{"policy":{"Name":"x"}}`, abi.ErrPolicy},
		{`{"policy":` + pol + `,"identifiers":["EmailAddress"]}`, abi.ErrConfig},
		{`{"policy":` + readPolicy(t, "extended.json") + `}`, abi.ErrUnsupported}, // hash mask style: needs a key
	} {
		_, err := NewScanner([]byte(tt.config))
		if err == nil || Code(err) != tt.code {
			t.Errorf("NewScanner(%.50s) = %v (code %d), want code %d", tt.config, err, Code(err), tt.code)
		}
	}
	if Code(errors.New("x")) != abi.ErrConfig {
		t.Error("Code of a plain error")
	}
}

// TestEveryNativeFieldMapped: every field of piiguard.Config is either set
// by one member of the JSON configuration (or by the key of
// piiguard_compile_keyed), or listed as not offered over WASM; and each
// member sets its field and no other.
func TestEveryNativeFieldMapped(t *testing.T) {
	members := map[string]bool{}
	ct := reflect.TypeFor[Config]()
	for i := range ct.NumField() {
		name, _, _ := strings.Cut(ct.Field(i).Tag.Get("json"), ",")
		members[name] = true
	}
	covered := map[string]bool{}
	nt := reflect.TypeFor[piiguard.Config]()
	for i := range nt.NumField() {
		f := nt.Field(i).Name
		member, isMapped := mapped[f]
		_, isNot := notOffered[f]
		switch {
		case isMapped == isNot:
			t.Errorf("piiguard.Config.%s: listed %s in mapped and notOffered; list it in one (config.go)", f, map[bool]string{true: "both", false: "neither"}[isMapped])
		case isMapped && member != "" && !members[member]:
			t.Errorf("piiguard.Config.%s: mapped from %q, not a member of the JSON configuration", f, member)
		}
		covered[member] = true
	}
	for m := range members {
		if !covered[m] {
			t.Errorf("member %q of the JSON configuration sets no field of piiguard.Config", m)
		}
	}

	pol := readPolicy(t, "loggroup-custom.json")
	key := []byte("wasmconfig test key, 32+ bytes long")
	tests := []struct {
		config string
		key    []byte
		field  string
	}{
		{`{"identifiers":["EmailAddress"]}`, nil, "Identifiers"},
		{`{"custom":[{"name":"Emp","regex":"EMP-\\d{6}"}]}`, nil, "Custom"},
		{`{"min_score":0.5}`, nil, "MinScore"},
		{`{"style":"redact"}`, nil, "Masker"},
		{`{"policy":` + pol + `}`, nil, "Policy"},
		{`{"resource_arn":"arn:aws:logs:us-east-1:111122223333:log-group:app"}`, nil, "ResourceArn"},
		{`{}`, key, "Key"},
	}
	tested := map[string]bool{}
	for _, tt := range tests {
		c, err := Parse([]byte(tt.config))
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := c.Native(tt.key)
		if err != nil {
			t.Errorf("Native(%.40s): %v", tt.config, err)
			continue
		}
		v := reflect.ValueOf(cfg)
		for i := range v.NumField() {
			f := nt.Field(i).Name
			if set := !v.Field(i).IsZero(); set != (f == tt.field) {
				t.Errorf("Native(%.40s): %s set %v", tt.config, f, set)
			}
		}
		tested[tt.field] = true
	}
	for f := range mapped {
		if !tested[f] {
			t.Errorf("no test sets piiguard.Config.%s", f)
		}
	}
}
