package main

import (
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/mask"
)

// writeKey writes a hex key file and returns its path.
func writeKey(t *testing.T, fill byte) string {
	t.Helper()
	key := make([]byte, 32)
	for i := range key {
		key[i] = fill + byte(i)
	}
	path := filepath.Join(t.TempDir(), "key")
	if err := os.WriteFile(path, []byte(hex.EncodeToString(key)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

const styleIn = "ssn 536-22-1234 mail a@example.com\nnothing\n"

func TestMaskStyles(t *testing.T) {
	key := writeKey(t, 1)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"mask"}, "ssn *********** mail *************\nnothing\n"},
		{[]string{"mask", "--style", "asterisk"}, "ssn *********** mail *************\nnothing\n"},
		{[]string{"mask", "--style", "partial"}, "ssn ***-**-1234 mail *@******e.com\nnothing\n"},
		{[]string{"mask", "--style", "placeholder"}, "ssn {Ssn-US} mail {EmailAddress}\nnothing\n"},
		{[]string{"mask", "--style", "redact"}, "ssn  mail \nnothing\n"},
		{[]string{"mask", "--style", "fixed"}, "ssn ******** mail ********\nnothing\n"},
	}
	for _, tt := range tests {
		code, out, errs := runCLI(t, styleIn, tt.args...)
		if code != 0 || out != tt.want {
			t.Errorf("%v: exit %d (%s)\n got %q\nwant %q", tt.args, code, errs, out, tt.want)
		}
	}
	for _, style := range []string{"hash", "token"} {
		code, out, errs := runCLI(t, styleIn, "mask", "--style", style, "--key-file", key)
		prefix := map[string]string{"hash": "<hash:", "token": "<pii:v2:"}[style]
		if code != 0 || strings.Count(out, prefix) != 2 || strings.Contains(out, "536-22-1234") || !strings.HasSuffix(out, "\nnothing\n") {
			t.Errorf("--style %s: exit %d (%s), out %q", style, code, errs, out)
		}
		// The same key from the environment gives the same output.
		t.Setenv(keyFileEnv, key)
		_, out2, _ := runCLI(t, styleIn, "mask", "--style", style)
		if out2 != out {
			t.Errorf("--style %s with $%s: %q, want %q", style, keyFileEnv, out2, out)
		}
		t.Setenv(keyFileEnv, "")
	}
}

func TestMaskStyleErrors(t *testing.T) {
	dir := t.TempDir()
	short := filepath.Join(dir, "short")
	os.WriteFile(short, []byte("0123456789abcdef"), 0o600)
	key := writeKey(t, 1)
	tests := []struct {
		args []string
		env  string
		want string
	}{
		{[]string{"mask", "--style", "stars"}, "", `unknown --style "stars"`},
		{[]string{"mask", "--style", "hash"}, "", "--key-file FILE or set " + keyFileEnv},
		{[]string{"mask", "--style", "token"}, filepath.Join(dir, "missing"), "environment variable " + keyFileEnv},
		{[]string{"mask", "--style", "token", "--key-file", short}, "", "too short"},
		{[]string{"mask", "--style", "hash", "--key-file", filepath.Join(dir, "missing")}, "", "cannot open"},
		{[]string{"mask", "--key-file", key}, "", "--key-file is used only with"},
		{[]string{"scan", "--style", "hash"}, "", "unknown flag --style"},
	}
	for _, tt := range tests {
		t.Setenv(keyFileEnv, tt.env)
		code, out, errs := runCLI(t, styleIn, tt.args...)
		if code != 2 || !strings.Contains(errs, tt.want) || out != "" {
			t.Errorf("%v ($%s=%q): exit %d, stderr %q, stdout %q; want exit 2 and %q", tt.args, keyFileEnv, tt.env, code, errs, out, tt.want)
		}
		if strings.Contains(errs, "secret-key-material") {
			t.Errorf("%v: the key file's content is in the error", tt.args)
		}
	}
}

func TestMaskJSONLines(t *testing.T) {
	in := `{"user":{"ssn":"536-22-1234","n":536221234},"tags":["a@example.com",1]}` + "\n" +
		"plain ssn 536-22-1234\n" +
		`{"broken": "a@example.com"` + "\n" +
		`{"ssn":536221234}`
	want := `{"user":{"ssn":"***********","n":"*********"},"tags":["*************",1]}` + "\n" +
		"plain ssn ***********\n" +
		`{"broken": "*************"` + "\n" +
		`{"ssn":"*********"}`
	code, out, errs := runCLI(t, in, "mask", "--json")
	if code != 0 || out != want {
		t.Errorf("exit %d (%s)\n got %q\nwant %q", code, errs, out, want)
	}
	lines := strings.Split(out, "\n")
	if !json.Valid([]byte(lines[0])) || !json.Valid([]byte(lines[3])) {
		t.Errorf("masked JSON lines are not valid: %q", out)
	}
	// Placeholders keep JSON valid; quotes in masks are escaped.
	_, out, _ = runCLI(t, `{"ssn":"536-22-1234"}`+"\n", "mask", "--json", "--style", "placeholder")
	if out != `{"ssn":"{Ssn-US}"}`+"\n" {
		t.Errorf("placeholder: %q", out)
	}
}

// TestMaskFlushesEachLine feeds mask through a pipe, as tail -f does: each
// line comes out before the input ends.
func TestMaskFlushesEachLine(t *testing.T) {
	p := startCLI(t, "mask")
	for _, l := range []struct{ in, want string }{
		{"first a@example.com\n", "first *************\n"},
		{"second ssn 536-22-1234\n", "second ssn ***********\n"},
	} {
		if s := p.line(l.in); s != l.want {
			t.Errorf("got %q, want %q", s, l.want)
		}
	}
	rest, code := p.end("last line without newline b@example.org")
	if rest != "last line without newline *************" {
		t.Errorf("last line %q", rest)
	}
	if code != 0 {
		t.Errorf("exit %d", code)
	}
}

// TestMaskPolicyKey gives a policy's hash style its key with --key-file.
func TestMaskPolicyKey(t *testing.T) {
	key := writeKey(t, 3)
	code, out, errs := runCLI(t, event, "mask", "--policy", testdata+"loggroup-managed.json", "--key-file", key)
	if code != 0 || out != "EmployeeId-123456789 mail *************** ssn 536-22-1234 card 4929 3812 6548 1006\n" {
		t.Errorf("exit %d (%s), out %q", code, errs, out)
	}
	// --style overrides the policy's styles.
	_, out, _ = runCLI(t, event, "mask", "--policy", testdata+"loggroup-managed.json", "--style", "placeholder")
	if out != "EmployeeId-123456789 mail {EmailAddress} ssn 536-22-1234 card 4929 3812 6548 1006\n" {
		t.Errorf("--style with --policy: %q", out)
	}
}

// TestMaskPolicyStyles masks with a policy's own mask styles (its
// extensions): the output is the Scanner's.
func TestMaskPolicyStyles(t *testing.T) {
	keyPath := writeKey(t, 7)
	data, err := os.ReadFile(testdata + "extended.json")
	if err != nil {
		t.Fatal(err)
	}
	p, err := piiguard.ParsePolicy(data)
	if err != nil {
		t.Fatal(err)
	}
	key, err := mask.LoadKey(keyPath)
	if err != nil {
		t.Fatal(err)
	}
	s, err := piiguard.NewScanner(piiguard.Config{Policy: p, Key: key})
	if err != nil {
		t.Fatal(err)
	}
	in := event + "phone +1 415 555 2671 mail ops@example.com\n"
	want := s.MaskString(in)
	if want == in {
		t.Fatal("the policy masks nothing in the test input")
	}
	code, out, errs := runCLI(t, in, "mask", "--policy", testdata+"extended.json", "--key-file", keyPath)
	if code != 0 || out != want {
		t.Errorf("exit %d (%s)\n got %q\nwant %q", code, errs, out, want)
	}
}
