package piiguardprocessor

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/mask"
	"github.com/piiguard/piiguard/pii"

	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/confmap/confmaptest"
)

func TestLoadConfig(t *testing.T) {
	cm, err := confmaptest.LoadConf(filepath.Join("testdata", "config.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id   string
		want *Config
	}{
		{"piiguard", &Config{Mode: ModeMask, MaxRecordBytes: DefaultMaxRecordBytes}},
		{"piiguard/full", &Config{
			Identifiers:    []string{"EmailAddress", "Ssn-US"},
			Custom:         []CustomIdentifier{{Name: "EmployeeId", Regex: `EMP-\d{6}`}},
			MinScore:       0.5,
			Mask:           MaskConfig{Style: "placeholder"},
			Fields:         FieldsConfig{Include: []string{`^user\.`}, Exclude: []string{`^trace_id$`}, MaskWhole: []string{`(?i)password`, `(?i)^authorization$`}},
			Mode:           ModeBoth,
			JSONBodies:     true,
			MaxRecordBytes: 65536,
		}},
		{"piiguard/policies", &Config{
			Policies: []string{"testdata/account.json", "testdata/loggroup.json"},
			Mode:     ModeMask, MaxRecordBytes: DefaultMaxRecordBytes,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			sub, err := cm.Sub(tt.id)
			if err != nil {
				t.Fatal(err)
			}
			cfg := NewFactory().CreateDefaultConfig().(*Config)
			if err := sub.Unmarshal(cfg); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(cfg, tt.want) {
				t.Errorf("got %+v\nwant %+v", cfg, tt.want)
			}
			if err := cfg.Validate(); err != nil {
				t.Errorf("Validate: %v", err)
			}
		})
	}
}

func TestLoadConfigUnknownKey(t *testing.T) {
	cfg := NewFactory().CreateDefaultConfig().(*Config)
	err := confmap.NewFromStringMap(map[string]any{"mask": map[string]any{"stlye": "hash"}}).Unmarshal(cfg)
	if err == nil || !strings.Contains(err.Error(), "stlye") {
		t.Fatalf("want an error naming the unknown key, got %v", err)
	}
}

func TestValidate(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "key")
	if err := os.WriteFile(key, []byte("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"), 0o600); err != nil {
		t.Fatal(err)
	}
	short := filepath.Join(dir, "short")
	if err := os.WriteFile(short, []byte("tooshort"), 0o600); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"Name": "x"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		cfg  Config
		want string // "" means valid; else a substring of the error
	}{
		{"zero", Config{}, ""},
		{"identifiers", Config{Identifiers: []string{"EmailAddress", "GitHubToken"}}, ""},
		{"custom", Config{Custom: []CustomIdentifier{{Name: "Emp", Regex: `EMP-\d+`}}}, ""},
		{"one policy", Config{Policies: []string{"testdata/account.json"}}, ""},
		{"two policies", Config{Policies: []string{"testdata/account.json", "testdata/loggroup.json"}}, ""},
		{"every style", Config{Mask: MaskConfig{Style: "redact"}}, ""},
		{"hash with key", Config{Mask: MaskConfig{Style: "hash", KeyFile: key}}, ""},
		{"token with key", Config{Mask: MaskConfig{Style: "token", KeyFile: key}}, ""},
		{"policy with key", Config{Policies: []string{"testdata/hashpolicy.json"}, Mask: MaskConfig{KeyFile: key}}, ""},
		{"modes", Config{Mode: ModeAudit}, ""},
		{"fields", Config{Fields: FieldsConfig{Include: []string{"a"}, Exclude: []string{"b"}, MaskWhole: []string{"(?i)password"}}}, ""},

		{"bad mode", Config{Mode: "redact"}, `mode: unknown mode "redact"`},
		{"negative score", Config{MinScore: -0.1}, "min_score: -0.1 is not in [0, 1]"},
		{"score above one", Config{MinScore: 1.5}, "min_score: 1.5"},
		{"negative size", Config{MaxRecordBytes: -1}, "max_record_bytes: -1 is negative"},
		{"unknown identifier", Config{Identifiers: []string{"EmailAddress", "Nope"}}, `identifiers::1: unknown managed identifier "Nope"`},
		{"bad custom regex", Config{Custom: []CustomIdentifier{{Name: "X", Regex: "("}}}, "custom::0: X:"},
		{"bad custom name", Config{Custom: []CustomIdentifier{{Name: "a b", Regex: "x"}}}, "custom::0:"},
		{"duplicate custom", Config{Custom: []CustomIdentifier{{Name: "X", Regex: "x"}, {Name: "X", Regex: "y"}}}, "custom: "},
		{"policy and identifiers", Config{Policies: []string{"testdata/account.json"}, Identifiers: []string{"EmailAddress"}}, "policies: a policy chooses the identifiers"},
		{"three policies", Config{Policies: []string{"testdata/account.json", "testdata/account.json", "testdata/account.json"}}, "policies: at most 2 files"},
		{"missing policy", Config{Policies: []string{filepath.Join(dir, "absent.json")}}, "policies::0: "},
		{"invalid policy", Config{Policies: []string{"testdata/account.json", bad}}, "policies::1: " + bad},
		{"unknown style", Config{Mask: MaskConfig{Style: "stars"}}, `mask::style: unknown style "stars"`},
		{"hash without key", Config{Mask: MaskConfig{Style: "hash"}}, "mask::key_file: style hash needs a key file"},
		{"key without use", Config{Mask: MaskConfig{Style: "partial", KeyFile: key}}, "mask::key_file: a key is used only with"},
		{"missing key", Config{Mask: MaskConfig{Style: "token", KeyFile: filepath.Join(dir, "absent")}}, "mask::key_file: "},
		{"short key", Config{Mask: MaskConfig{Style: "token", KeyFile: short}}, "mask::key_file: "},
		{"bad include", Config{Fields: FieldsConfig{Include: []string{"ok", "("}}}, "fields::include::1: invalid pattern"},
		{"bad exclude", Config{Fields: FieldsConfig{Exclude: []string{"["}}}, "fields::exclude::0: invalid pattern"},
		{"bad mask_whole", Config{Fields: FieldsConfig{MaskWhole: []string{"*"}}}, "fields::mask_whole::0: invalid pattern"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.cfg.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("Validate: %v", err)
			case tt.want != "" && err == nil:
				t.Fatalf("Validate: no error, want one with %q", tt.want)
			case tt.want != "" && !strings.Contains(err.Error(), tt.want):
				t.Fatalf("Validate: %v\nwant an error with %q", err, tt.want)
			}
		})
	}
}

// TestValidateKeepsSecretsOut checks that a key file's content never
// appears in an error.
func TestValidateKeepsSecretsOut(t *testing.T) {
	dir := t.TempDir()
	short := filepath.Join(dir, "short")
	const secret = "s3cr3t-k3y"
	if err := os.WriteFile(short, []byte(secret), 0o600); err != nil {
		t.Fatal(err)
	}
	err := (&Config{Mask: MaskConfig{Style: "hash", KeyFile: short}}).Validate()
	if err == nil || strings.Contains(err.Error(), secret) {
		t.Fatalf("want an error without the key, got %v", err)
	}
}

// TestPolicyNeedsKey checks that a policy whose mask style is keyed fails
// to start without mask::key_file, naming policies.
func TestPolicyNeedsKey(t *testing.T) {
	_, err := newEngine(&Config{Policies: []string{"testdata/hashpolicy.json"}})
	if err == nil || !strings.HasPrefix(err.Error(), "policies: ") {
		t.Fatalf("want an error naming policies, got %v", err)
	}
}

// TestStyleIsMaskSpec: mask::style names a style as mask.ParseStyle reads
// it, and masks with the masker of that Spec.
func TestStyleIsMaskSpec(t *testing.T) {
	keyFile := filepath.Join(t.TempDir(), "key")
	if err := os.WriteFile(keyFile, []byte("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"), 0o600); err != nil {
		t.Fatal(err)
	}
	key, err := mask.LoadKey(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	const value = "536-22-1234"
	f := pii.Finding{Identifier: "Ssn-US", End: len(value)}
	for _, st := range append([]mask.Style{""}, mask.Styles()...) {
		spec, err := mask.ParseStyle(string(st))
		if err != nil {
			t.Fatal(err)
		}
		mc := MaskConfig{Style: string(st)}
		if spec.NeedsKey() {
			mc.KeyFile = keyFile
		}
		c := Config{Mask: mc}
		cfg, err := c.settings()
		if err != nil {
			t.Errorf("style %q: %v", st, err)
			continue
		}
		want, err := spec.NewMasker(key)
		if err != nil {
			t.Fatal(err)
		}
		if g, w := string(cfg.Masker.AppendMask(nil, []byte(value), f)), string(want.AppendMask(nil, []byte(value), f)); g != w {
			t.Errorf("style %q: %q, mask.ParseStyle's masker: %q", st, g, w)
		}
	}
}
