package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// A cliPipe runs the CLI on pipes, for the tests of streaming: each line
// of output must be written as soon as its input line is read.
type cliPipe struct {
	t    *testing.T
	args []string
	in   *io.PipeWriter
	out  *bufio.Reader
	done chan int
}

// startCLI runs the CLI with args, its input and output pipes.
func startCLI(t *testing.T, args ...string) *cliPipe {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	p := &cliPipe{t: t, args: args, in: inW, out: bufio.NewReader(outR), done: make(chan int, 1)}
	go func() {
		code := run(args, inR, outW, io.Discard)
		outW.Close()
		p.done <- code
	}()
	return p
}

// line writes in to the CLI's input and returns the next line of its
// output; the test fails when that line is not written within 10 seconds
// (the input has not ended).
func (p *cliPipe) line(in string) string {
	p.t.Helper()
	if _, err := io.WriteString(p.in, in); err != nil {
		p.t.Fatalf("%v: writing %q: %v", p.args, in, err)
	}
	got := make(chan string, 1)
	go func() {
		s, _ := p.out.ReadString('\n')
		got <- s
	}()
	select {
	case s := <-got:
		return s
	case <-time.After(10 * time.Second):
		p.t.Fatalf("%v: the output of %q was not written before the input ended", p.args, in)
		return ""
	}
}

// end writes in, ends the input, and returns the rest of the output and
// the exit status.
func (p *cliPipe) end(in string) (rest string, code int) {
	io.WriteString(p.in, in)
	p.in.Close()
	b, _ := io.ReadAll(p.out)
	return string(b), <-p.done
}

func TestScanOutputFormat(t *testing.T) {
	in := "nothing here\nretry ssn 536-22-1234 ok\n"
	code, out, _ := runCLI(t, in, "scan")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	want := `{"line":2,"start":10,"end":21,"identifier":"Ssn-US","score":0.94}` + "\n"
	if out != want {
		t.Errorf("scan output\n got %q\nwant %q", out, want)
	}
	_, out, _ = runCLI(t, in, "scan", "--show-values")
	var rec map[string]any
	if err := json.Unmarshal([]byte(out), &rec); err != nil || rec["value"] != "536-22-1234" {
		t.Errorf("--show-values output %q (%v)", out, err)
	}
}

func TestMaskKeepsLines(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a@example.com\n\nno newline at end ssn 536-22-1234", "*************\n\nno newline at end ssn ***********"},
		{"crlf a@example.com\r\nnext\r\n", "crlf *************\r\nnext\r\n"},
		{"lone\rcr a@example.com\n", "lone\rcr *************\n"},
		{"bad utf8 \xff\xfe a@example.com \x00\n", "bad utf8 \xff\xfe ************* \x00\n"},
		{"", ""},
	}
	for _, tt := range tests {
		code, out, errs := runCLI(t, tt.in, "mask", "--binary", "scan")
		if code != 0 || out != tt.want {
			t.Errorf("mask %q: exit %d, out %q (stderr %q), want %q", tt.in, code, out, errs, tt.want)
		}
	}
}

func TestMaskLongLine(t *testing.T) {
	long := strings.Repeat("x", 300000) + " a@example.com " + strings.Repeat("y", 300000)
	_, out, _ := runCLI(t, long+"\nshort\n", "mask")
	want := strings.Repeat("x", 300000) + " ************* " + strings.Repeat("y", 300000) + "\nshort\n"
	if out != want {
		t.Errorf("long line: got %d bytes, want %d", len(out), len(want))
	}
}

func TestIdentifiersAndCustomFlags(t *testing.T) {
	in := "EMP-004211 a@example.com ssn 536-22-1234\n"
	_, out, _ := runCLI(t, in, "mask", "--identifiers", "EmailAddress", "--custom", "EmployeeId=EMP-[0-9]{6}")
	if want := "********** ************* ssn 536-22-1234\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{nil, "usage"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"scan", "--nope"}, "unknown flag --nope"},
		{[]string{"scan", "--identifiers", "Ssn-UK"}, `unknown identifier "Ssn-UK" (did you mean Ssn-US?)`},
		{[]string{"mask", "--custom", "bad name=x"}, "custom identifier name"},
		{[]string{"mask", "--custom", "Ssn-US=x"}, "name of a managed identifier"},
		{[]string{"mask", "--custom", "A=("}, "regex is invalid"},
		{[]string{"mask", "--custom", "noequals"}, "want NAME=REGEX"},
		{[]string{"identifiers", "extra"}, "unexpected argument"},
	}
	for _, tt := range tests {
		code, out, errs := runCLI(t, "", tt.args...)
		if code != 2 || !strings.Contains(errs, tt.want) || strings.Count(strings.TrimSpace(errs), "\n") > 0 && tt.args != nil {
			t.Errorf("%v: exit %d, stderr %q, want exit 2 and %q", tt.args, code, errs, tt.want)
		}
		if out != "" {
			t.Errorf("%v: wrote %q to stdout", tt.args, out)
		}
	}
}

func TestFilesInOrder(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.log"), filepath.Join(dir, "b.log")
	os.WriteFile(a, []byte("one a@example.com\n"), 0o600)
	os.WriteFile(b, []byte("two b@example.com\n"), 0o600)
	_, out, _ := runCLI(t, "", "mask", a, b)
	if want := "one *************\ntwo *************\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

func TestIdentifiersCommand(t *testing.T) {
	_, out, _ := runCLI(t, "", "identifiers", "--json")
	var list []struct {
		Name            string   `json:"name"`
		KeywordRequired bool     `json:"keywordRequired"`
		Keywords        []string `json:"keywords"`
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range list {
		if e.Name == "Ssn-US" && e.KeywordRequired && len(e.Keywords) == 3 {
			found = true
		}
	}
	if !found || len(list) < 20 {
		t.Errorf("identifiers --json: %d entries, Ssn-US found %v", len(list), found)
	}
	_, text, _ := runCLI(t, "", "identifiers")
	if !strings.Contains(text, "Ssn-US") || !strings.HasPrefix(text, "NAME") {
		t.Errorf("identifiers text output: %q", text[:min(len(text), 200)])
	}
}

// TestExampleLog checks the README's first command on the shipped sample.
func TestExampleLog(t *testing.T) {
	code, out, errs := runCLI(t, "", "mask", "../../examples/logs/app.log")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, secret := range []string{"maria.garcia@example.org", "536-22-1234", "4929 3812 6548 1006", "GB29 NWBK", "Zx9kQ2mN8pL4vR7tY1wB3cE6fH0jS5uA9dG2iK4o", "1M8GDM9AXKP042788"} {
		if strings.Contains(out, secret) {
			t.Errorf("masked sample still contains %q", secret)
		}
	}
	if !strings.Contains(out, "build 1.4.2") || strings.Count(out, "\n") != 11 {
		t.Errorf("masked sample lost text or lines:\n%s", out)
	}
}
