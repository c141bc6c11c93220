package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const unmaskIn = "ssn 536-22-1234 mail a@example.com\n" +
	`{"msg":"key \"x\" a@example.com","ssn":"536-22-1234"}` + "\n" +
	"nothing\n" +
	"last ssn 536-22-1234"

func TestUnmaskRoundTrip(t *testing.T) {
	key := writeKey(t, 5)
	for _, asJSON := range []bool{false, true} {
		args := []string{"mask", "--style", "token", "--key-file", key}
		back := []string{"unmask", "--key-file", key}
		if asJSON {
			args = append(args, "--json")
			back = append(back, "--json")
		}
		code, masked, errs := runCLI(t, unmaskIn, args...)
		if code != 0 || strings.Contains(masked, "536-22-1234") || strings.Contains(masked, "example.com") {
			t.Fatalf("mask --json=%v: exit %d (%s), %q", asJSON, code, errs, masked)
		}
		code, out, errs := runCLI(t, masked, back...)
		if code != 0 || out != unmaskIn {
			t.Errorf("unmask --json=%v: exit %d (%s)\n got %q\nwant %q", asJSON, code, errs, out, unmaskIn)
		}
	}
	// From the environment, and from files.
	_, masked, _ := runCLI(t, unmaskIn, "mask", "--style", "token", "--key-file", key)
	path := filepath.Join(t.TempDir(), "masked.log")
	os.WriteFile(path, []byte(masked), 0o600)
	t.Setenv(keyFileEnv, key)
	if code, out, errs := runCLI(t, "", "unmask", path); code != 0 || out != unmaskIn {
		t.Errorf("unmask FILE with $%s: exit %d (%s), %q", keyFileEnv, code, errs, out)
	}
}

func TestUnmaskErrors(t *testing.T) {
	key, other := writeKey(t, 5), writeKey(t, 9)
	_, masked, _ := runCLI(t, unmaskIn, "mask", "--style", "token", "--key-file", key)
	lines := strings.SplitAfter(masked, "\n")

	// The wrong key: every line with a token fails; each is written
	// unchanged and reported by line and offset, without values.
	code, out, errs := runCLI(t, masked, "unmask", "--key-file", other)
	if code != 1 || out != masked {
		t.Errorf("wrong key: exit %d, out %q", code, out)
	}
	for _, want := range []string{"standard input:1: token at byte 4: ", "standard input:2: token at byte ", "standard input:4: token at byte 9: ", "3 line(s)"} {
		if !strings.Contains(errs, want) {
			t.Errorf("wrong key: stderr %q lacks %q", errs, want)
		}
	}
	if strings.Contains(errs, "standard input:3:") || strings.Contains(errs, "536-22-1234") || strings.Contains(errs, "<pii:") {
		t.Errorf("wrong key: stderr %q", errs)
	}

	// A damaged token on line 2: the other lines are restored, and so
	// is the other token on line 2; the damaged one is left as it was.
	damagedLine := strings.Replace(lines[1], "<pii:v2:EmailAddress:", "<pii:v2:EmailAddress:A", 1)
	damaged := lines[0] + damagedLine + lines[2] + lines[3]
	code, out, errs = runCLI(t, damaged, "unmask", "--key-file", key)
	bad := damagedLine[strings.Index(damagedLine, "<pii:v2:EmailAddress:"):]
	bad = bad[:strings.IndexByte(bad, '>')+1]
	if code != 1 || !strings.HasPrefix(out, "ssn 536-22-1234 mail a@example.com\n") || !strings.HasSuffix(out, "nothing\nlast ssn 536-22-1234") ||
		!strings.Contains(out, bad) || !strings.Contains(out, `"ssn":"536-22-1234"`) ||
		!strings.Contains(errs, "standard input:2: token at byte ") {
		t.Errorf("damaged token: exit %d, stderr %q, out %q", code, errs, out)
	}

	dir := t.TempDir()
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"unmask"}, "--key-file FILE or set " + keyFileEnv},
		{[]string{"unmask", "--key-file", filepath.Join(dir, "nope")}, "cannot open"},
		{[]string{"unmask", "--key", "abc"}, "unknown flag --key (did you mean --key-file?)"},
	} {
		t.Setenv(keyFileEnv, "")
		code, out, errs := runCLI(t, "", tt.args...)
		if code != 2 || !strings.Contains(errs, tt.want) || out != "" {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", tt.args, code, errs, tt.want)
		}
	}
}
