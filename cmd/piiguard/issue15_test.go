package main

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/piiguard/piiguard/mask"
)

// Tests for issue 15: the CLI as people use it.

const repoRoot = "../.."

// TestExitStatuses checks the exit status table: 0, 1 for I/O and
// invalid input, 2 for usage, 3 for --fail with findings.
func TestExitStatuses(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.log")
	found, clean := "mail a@example.com\n", "nothing here\n"
	tests := []struct {
		stdin string
		args  []string
		code  int
	}{
		{found, []string{"scan"}, exitOK},
		{found, []string{"scan", "--fail"}, exitFound},
		{clean, []string{"scan", "--fail"}, exitOK},
		{found, []string{"scan", "--fail", "--format", "sarif"}, exitFound},
		{found, []string{"audit", "--fail"}, exitFound},
		{clean, []string{"audit", "--fail"}, exitOK},
		{found, []string{"scan", "--fail", missing}, exitIO},
		{found, []string{"mask", missing}, exitIO},
		{found, []string{"audit", dir}, exitIO},
		{found, []string{"scan", "--nope"}, exitUsage},
		{found, []string{"scan", "--format", "xml"}, exitUsage},
		{found, []string{"scan", "--identifiers", "Nope"}, exitUsage},
		{found, []string{"scan", "--policy", missing}, exitUsage},
		{found, []string{"frobnicate"}, exitUsage},
		{"", []string{"policy", "validate", missing}, exitIO},
		{"", []string{"policy", "validate"}, exitUsage},
	}
	for _, tt := range tests {
		code, _, errs := runCLI(t, tt.stdin, tt.args...)
		if code != tt.code {
			t.Errorf("%v: exit %d (%s), want %d", tt.args, code, errs, tt.code)
		}
	}
}

// TestScanFormats checks the three formats on text with non-ASCII
// characters before the values: columns count characters.
func TestScanFormats(t *testing.T) {
	in := "héllo wörld mail a@example.com\nnothing\n😀 ssn 536-22-1234\n"
	code, out, errs := runCLI(t, in, "scan", "--format", "text")
	want := "(standard input):1:18: EmailAddress (0.90)\n(standard input):3:7: Ssn-US (0.94)\n"
	if code != 0 || out != want {
		t.Errorf("text: exit %d (%s)\n got %q\nwant %q", code, errs, out, want)
	}
	_, out, _ = runCLI(t, in, "scan", "--format", "text", "--show-values")
	if !strings.Contains(out, `:1:18: EmailAddress (0.90): "a@example.com"`) {
		t.Errorf("text --show-values: %q", out)
	}

	// jsonl names the file when there are several.
	dir := t.TempDir()
	a := filepath.Join(dir, "a.log")
	os.WriteFile(a, []byte(in), 0o600)
	_, out, _ = runCLI(t, in, "scan", a, "-")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], `{"file":`+strconv.Quote(a)+`,"line":1,"start":19,"end":32,`) || !strings.HasPrefix(lines[3], `{"file":"standard input","line":3,`) {
		t.Errorf("jsonl with two inputs:\n%s", out)
	}

	// SARIF: rules from the catalog, results with columns, no values.
	_, out, _ = runCLI(t, in, "scan", "--format", "sarif", a)
	var log struct {
		Version string
		Runs    []struct {
			ColumnKind string
			Tool       struct {
				Driver struct {
					Name  string
					Rules []struct {
						ID               string
						ShortDescription struct{ Text string }
						FullDescription  struct{ Text string }
						Help             struct{ Text string }
					}
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct {
							StartLine, StartColumn, EndColumn int
							Snippet                           *struct{ Text string }
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("sarif: %v\n%s", err, out)
	}
	run := log.Runs[0]
	if log.Version != "2.1.0" || run.ColumnKind != "unicodeCodePoints" || run.Tool.Driver.Name != "piiguard" || len(run.Results) != 2 || len(run.Tool.Driver.Rules) != 2 {
		t.Fatalf("sarif: %s", out)
	}
	ssn := run.Tool.Driver.Rules[1]
	if ssn.ID != "Ssn-US" || !strings.Contains(ssn.ShortDescription.Text, "Personal") || !strings.Contains(ssn.FullDescription.Text, "area not 000") || !strings.Contains(ssn.Help.Text, "ssn") {
		t.Errorf("sarif rule for Ssn-US: %+v", ssn)
	}
	r := run.Results[1]
	loc := r.Locations[0].PhysicalLocation
	if r.RuleID != "Ssn-US" || r.RuleIndex != 1 || loc.Region.StartLine != 3 || loc.Region.StartColumn != 7 || loc.Region.EndColumn != 18 || loc.Region.Snippet != nil || !strings.HasSuffix(loc.ArtifactLocation.URI, "/a.log") {
		t.Errorf("sarif result: %+v", r)
	}
	if strings.Contains(out, "536-22-1234") || strings.Contains(out, "a@example.com") {
		t.Error("sarif holds a value without --show-values")
	}
	_, out, _ = runCLI(t, in, "scan", "--format", "sarif", "--show-values")
	if !strings.Contains(out, `"snippet":{"text":"536-22-1234"}`) {
		t.Error("sarif --show-values: no snippet")
	}
}

// sarifMultitool returns the path of Microsoft's SARIF multitool: the
// PIIGUARD_SARIF_MULTITOOL environment variable (make test-sarif sets it;
// then the tool must be there), else build/sarif's, where make test-sarif
// installs it. It skips the test when there is none.
func sarifMultitool(t *testing.T) string {
	if p := os.Getenv("PIIGUARD_SARIF_MULTITOOL"); p != "" {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("PIIGUARD_SARIF_MULTITOOL: %v", err)
		}
		return p
	}
	p, err := filepath.Abs(filepath.Join(repoRoot, "build/sarif/node_modules/.bin/sarif-multitool"))
	if err == nil {
		if _, err = os.Stat(p); err == nil {
			if _, err = exec.LookPath("node"); err == nil {
				return p
			}
		}
	}
	t.Skip("the SARIF multitool is not installed (make test-sarif installs it with npm and runs this test)")
	return ""
}

// TestSARIFValidates runs Microsoft's SARIF validator (npm
// @microsoft/sarif-multitool, its validate verb) on scan's output: no
// error and no warning.
func TestSARIFValidates(t *testing.T) {
	tool := sarifMultitool(t)
	dir := t.TempDir()
	app := filepath.Join(repoRoot, "examples/logs/app.log")
	cases := map[string][]string{
		"app.sarif":    {"scan", "--format", "sarif", app},
		"values.sarif": {"scan", "--format", "sarif", "--show-values", "--identifiers", "EmailAddress,Iban", "--custom", "EmployeeId=EMP-[0-9]{6}", app, "-"},
		"empty.sarif":  {"scan", "--format", "sarif", "--identifiers", "Ssn-US"},
	}
	for name, args := range cases {
		_, out, errs := runCLI(t, "héllo EMP-004211 a@example.com DE89 3704 0044 0532 0130 00\n", args...)
		if out == "" {
			t.Fatalf("%s: no output (%s)", name, errs)
		}
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(out), 0o600)
		cmd := exec.Command(tool, "validate", path)
		res, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("sarif-multitool validate %s: %v\n%s", name, err, res)
		}
		// validate exits 0 whatever it finds: read its report.
		for _, l := range strings.Split(string(res), "\n") {
			if strings.Contains(l, ": error ") || strings.Contains(l, ": warning ") {
				t.Errorf("%s: %s", name, l)
			}
		}
		if !strings.Contains(string(res), "Analysis completed successfully") {
			t.Errorf("%s: validator output:\n%s", name, res)
		}
	}
}

// TestHelpEveryCommand: every command's --help prints its flags to
// standard output and exits 0.
func TestHelpEveryCommand(t *testing.T) {
	for _, c := range commands {
		for _, args := range [][]string{{c.name, "--help"}, {c.name, "-h"}, {"help", c.name}} {
			code, out, errs := runCLI(t, "", args...)
			if code != 0 || errs != "" || !strings.HasPrefix(out, "usage: piiguard "+c.name) {
				t.Errorf("%v: exit %d, stderr %q, stdout %q", args, code, errs, out)
				continue
			}
			// The flags the synopsis names are all described.
			for _, f := range regexp.MustCompile(`--[a-z-]+`).FindAllString(c.synopsis, -1) {
				if !strings.Contains(out, "\n  "+f) {
					t.Errorf("%v: %s not described:\n%s", args, f, out)
				}
			}
		}
	}
	code, out, _ := runCLI(t, "", "--help")
	if code != 0 || out != usage() {
		t.Errorf("--help: exit %d", code)
	}
}

// TestFlagsMatchSynopsis: each command accepts exactly the flags its
// synopsis names (so that --help, the usage and the README agree).
func TestFlagsMatchSynopsis(t *testing.T) {
	for _, c := range commands {
		_, out, _ := runCLI(t, "", c.name, "--help")
		described := regexp.MustCompile(`(?m)^  (--[a-z-]+)`).FindAllStringSubmatch(out, -1)
		var got []string
		for _, d := range described {
			got = append(got, d[1])
		}
		want := regexp.MustCompile(`--[a-z-]+`).FindAllString(c.synopsis, -1)
		if strings.Join(sortedUnique(got), " ") != strings.Join(sortedUnique(want), " ") {
			t.Errorf("%s: --help describes %v, the synopsis names %v", c.name, got, want)
		}
	}
}

func sortedUnique(s []string) []string {
	m := map[string]bool{}
	for _, x := range s {
		m[x] = true
	}
	var out []string
	for x := range m {
		out = append(out, x)
	}
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// TestREADMESynopsis compares the README's CLI synopsis with the usage
// text, so that they cannot drift apart.
func TestREADMESynopsis(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(readme), "## The CLI")
	if ok {
		_, block, ok = strings.Cut(block, "```text\n")
	}
	if ok {
		block, _, ok = strings.Cut(block, "```")
	}
	if !ok {
		t.Fatal("README.md: no ```text block under ## The CLI")
	}
	var want []string
	for _, l := range strings.Split(usage(), "\n") {
		if strings.HasPrefix(l, "  piiguard ") {
			want = append(want, strings.TrimSpace(l))
		}
	}
	if got := strings.Split(strings.TrimSpace(block), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("README synopsis:\n%s\nusage:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestVersion: --version and version print the module version; a binary
// built from a checkout names its commit.
func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"version"}} {
		code, out, _ := runCLI(t, "", args...)
		if code != 0 || !strings.HasPrefix(out, "piiguard ") || !strings.Contains(out, " go1.") {
			t.Errorf("%v: exit %d, %q", args, code, out)
		}
	}
	bin := buildCLI(t)
	rev, err := exec.Command("git", "-C", repoRoot, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skip("not a git checkout: no commit to compare with")
	}
	if st, err := os.Stat(filepath.Join(repoRoot, ".git")); err != nil || !st.IsDir() {
		// The go command finds a repository by its .git directory: a git
		// worktree's .git is a file, and builds there carry no commit.
		t.Skip("a git worktree: go build records no commit here")
	}
	out, err := exec.Command(bin, "--version").Output()
	if err != nil || !strings.Contains(string(out), "(commit "+strings.TrimSpace(string(rev))) {
		t.Errorf("piiguard --version = %q, %v; want commit %s", out, err, rev)
	}
}

var (
	buildOnce sync.Once
	builtCLI  string
	buildErr  error
)

// buildCLI builds the piiguard binary once (with VCS stamping) and
// returns its path.
func buildCLI(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "piiguard-cli")
		if err != nil {
			buildErr = err
			return
		}
		builtCLI = filepath.Join(dir, "piiguard")
		out, err := exec.Command("go", "build", "-buildvcs=true", "-o", builtCLI, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtCLI
}

// TestSuggestions: unknown commands, flags, identifiers, formats and
// styles get the nearest name.
func TestSuggestions(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"scna"}, `unknown command "scna" (did you mean scan?)`},
		{[]string{"scan", "--show-value"}, "unknown flag --show-value (did you mean --show-values?)"},
		{[]string{"mask", "--stlye", "hash"}, "unknown flag --stlye (did you mean --style?)"},
		{[]string{"scan", "--identifiers", "EmailAdress"}, `unknown identifier "EmailAdress" (did you mean EmailAddress?)`},
		{[]string{"scan", "--identifiers", "ssn-uk"}, `unknown identifier "ssn-uk" (did you mean Ssn-US?)`},
		{[]string{"scan", "--format", "sarf"}, `unknown --format "sarf" (did you mean sarif?)`},
		{[]string{"mask", "--style", "tokn"}, `unknown --style "tokn" (did you mean token?)`},
		{[]string{"scan", "--identifiers", "Zzzzzzzz"}, `unknown identifier "Zzzzzzzz" (piiguard identifiers lists them)`},
	}
	for _, tt := range tests {
		code, _, errs := runCLI(t, "", tt.args...)
		if code != exitUsage || !strings.Contains(errs, tt.want) {
			t.Errorf("%v: exit %d, %q; want %q", tt.args, code, errs, tt.want)
		}
	}
}

// TestIdentifierNamesAnyCase: identifier names match without regard to
// case.
func TestIdentifierNamesAnyCase(t *testing.T) {
	in := "ssn 536-22-1234 mail a@example.com 4929 3812 6548 1006\n"
	_, want, _ := runCLI(t, in, "mask", "--identifiers", "Ssn-US,EmailAddress")
	for _, list := range []string{"ssn-us,emailaddress", "SSN-US, EMAILADDRESS", "sSn-Us,EmailAddress,ssn-US"} {
		code, out, errs := runCLI(t, in, "mask", "--identifiers", list)
		if code != 0 || out != want {
			t.Errorf("--identifiers %q: exit %d (%s), %q; want %q", list, code, errs, out, want)
		}
	}
}

// TestMessages: one "piiguard:" prefix, one line, no Go identifiers.
func TestMessages(t *testing.T) {
	dir := t.TempDir()
	keyless := filepath.Join(repoRoot, "policy/testdata/extended.json")
	for _, args := range [][]string{
		{"scan", "--identifiers", "Ssn-UK"},
		{"scan", "--custom", "Ssn-US=x"},
		{"scan", "--custom", "A=("},
		{"mask", "--policy", keyless},
		{"mask", "--style", "hash"},
		{"scan", filepath.Join(dir, "missing")},
		{"scan", "--policy", filepath.Join(dir, "missing")},
		{"mask", "--identifiers", "EmailAddress", "--policy", keyless},
		{"audit", "--resource-arn"},
	} {
		t.Setenv(keyFileEnv, "")
		code, _, errs := runCLI(t, "", args...)
		if code == 0 || !strings.HasPrefix(errs, "piiguard: ") || strings.Count(errs, "piiguard:") != 1 || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, message %q: want one line with one prefix", args, code, errs)
		}
		if m := regexp.MustCompile(`\b(Config|Scanner|Policy)\.[A-Z]\w*`).FindString(errs); m != "" {
			t.Errorf("%v: message names Go API %s: %q", args, m, errs)
		}
	}
}

// TestAuditNeedsNoKey: a policy that masks with hash needs a key to mask,
// not to audit.
func TestAuditNeedsNoKey(t *testing.T) {
	t.Setenv(keyFileEnv, "")
	code, out, errs := runCLI(t, "", "audit", "--policy", filepath.Join(repoRoot, "policy/testdata/extended.json"), filepath.Join(repoRoot, "examples/logs/app.log"))
	if code != 0 || !strings.Contains(out, `"name":"EmailAddress"`) {
		t.Errorf("audit with a hash policy and no key: exit %d (%s), %q", code, errs, out)
	}
	code, _, errs = runCLI(t, "x\n", "mask", "--policy", filepath.Join(repoRoot, "policy/testdata/extended.json"))
	if code != exitUsage || !strings.Contains(errs, "need a key") {
		t.Errorf("mask with a hash policy and no key: exit %d, %q", code, errs)
	}
}

// TestScanAndAuditStream: scan and audit write each line's findings as
// soon as the line is read (tail -f app.log | piiguard scan).
func TestScanAndAuditStream(t *testing.T) {
	for _, cmd := range []string{"scan", "audit"} {
		p := startCLI(t, cmd)
		for _, l := range []string{"first a@example.com\n", "nothing\nsecond ssn 536-22-1234\n"} {
			if s := p.line(l); !strings.Contains(s, "Email") && !strings.Contains(s, "Ssn") {
				t.Errorf("%s: %q", cmd, s)
			}
		}
		if _, code := p.end(""); code != 0 {
			t.Errorf("%s: exit %d", cmd, code)
		}
	}
}

// TestBinaryInput: as grep does, an input with a NUL byte in its first 8
// KiB is skipped by scan and audit and copied unchanged by mask, saying
// so; --binary scan treats it as text.
func TestBinaryInput(t *testing.T) {
	bin := "\x7fELF\x02\x01\x00\x00 mail a@example.com ssn 536-22-1234\n" + strings.Repeat("\x00\x01", 100)
	for _, cmd := range []string{"scan", "audit"} {
		code, out, errs := runCLI(t, bin, cmd)
		if code != 0 || out != "" || errs != "piiguard: "+cmd+": standard input: binary file skipped (--binary scan to scan it)\n" {
			t.Errorf("%s: exit %d, out %q, stderr %q", cmd, code, out, errs)
		}
		code, out, _ = runCLI(t, bin, cmd, "--binary", "scan")
		if code != 0 || !strings.Contains(out, "EmailAddress") {
			t.Errorf("%s --binary scan: exit %d, out %q", cmd, code, out)
		}
	}
	code, out, errs := runCLI(t, bin, "mask", "--binary", "skip")
	if code != 0 || out != bin || !strings.Contains(errs, "binary file passed through unmasked") {
		t.Errorf("mask --binary skip: exit %d, changed %v, stderr %q", code, out != bin, errs)
	}
	for _, args := range [][]string{{"mask"}, {"mask", "--binary", "scan"}} {
		_, out, _ = runCLI(t, bin, args...)
		if strings.Contains(out, "a@example.com") || len(out) != len(bin) {
			t.Errorf("%v: %q", args, out)
		}
	}
	// A NUL after the first 8 KiB is text.
	late := strings.Repeat("x", 9000) + "\x00 mail a@example.com\n"
	if _, out, _ := runCLI(t, late, "scan"); !strings.Contains(out, "EmailAddress") {
		t.Errorf("NUL after 8 KiB: %q", out)
	}
	// A real binary: the test binary itself.
	self, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	code, out, errs = runCLI(t, "", "scan", self)
	if code != 0 || out != "" || !strings.Contains(errs, "binary file skipped") {
		t.Errorf("scan of an ELF file: exit %d, %d bytes of output, %q", code, len(out), errs)
	}
}

// fakeClock advances by step at each reading.
type fakeClock struct {
	t    time.Time
	step time.Duration
}

func (c *fakeClock) now() time.Time { c.t = c.t.Add(c.step); return c.t }

// TestProgress: on a terminal, with input over 64 MiB, a progress line at
// most 4 times a second; nothing otherwise.
func TestProgress(t *testing.T) {
	var b bytes.Buffer
	var findings int64 = 7
	clock := &fakeClock{t: time.Unix(0, 0), step: 10 * time.Millisecond}
	p := &progress{w: &b, total: 200 << 20, findings: &findings, now: clock.now}
	for range 2000 { // 20 s of fake time, 100 reads a second
		p.add(100 << 10)
	}
	p.end()
	updates := strings.Count(b.String(), "\rpiiguard: ")
	if updates < 40 || updates > 4*20+1 {
		t.Errorf("%d updates in 20 s, want about 4 a second and at most 81", updates)
	}
	if !strings.Contains(b.String(), "7 findings") || !strings.HasSuffix(b.String(), "\r\033[K") || !regexp.MustCompile(`\d+ MiB of 200 MiB \(\d+%\), \d+ MB/s`).MatchString(b.String()) {
		t.Errorf("progress line: %q", b.String()[:min(200, b.Len())])
	}

	// Through the CLI: a terminal (pretend) and, the threshold lowered
	// to 1 MiB, 24 MiB of unknown size, read at a pace that makes the
	// reading itself last over a second (progress counts bytes read, so
	// an input read faster than it is scanned may show no update at all,
	// however long the scan then takes).
	defer func(f func(io.Writer) bool, min int64) { isTerminal, progressMin = f, min }(isTerminal, progressMin)
	progressMin = 1 << 20
	var errb bytes.Buffer
	isTerminal = func(w io.Writer) bool { return w == &errb }
	start := time.Now()
	code := run([]string{"scan"}, &pacedReader{r: &endless{n: 24 << 20}, chunk: 64 << 10, pause: 3 * time.Millisecond}, io.Discard, &errb)
	secs := time.Since(start).Seconds()
	n := strings.Count(errb.String(), "\rpiiguard: ")
	// Updates are at least 250 ms apart; reading alone took over 1.1 s
	// (384 reads, 3 ms apart), past the 1 MiB threshold from the
	// 17th read on.
	if code != 0 || float64(n) > 4*secs+1 || n < 2 {
		t.Errorf("scan of 24 MiB in %.1f s: exit %d, %d progress updates", secs, code, n)
	}
	// Not a terminal: nothing.
	isTerminal = func(io.Writer) bool { return false }
	errb.Reset()
	run([]string{"scan"}, &endless{n: 24 << 20}, io.Discard, &errb)
	if errb.Len() != 0 {
		t.Errorf("not a terminal: stderr %q", errb.String())
	}
	// A small input on a terminal: nothing.
	isTerminal = func(io.Writer) bool { return true }
	errb.Reset()
	run([]string{"scan", filepath.Join(repoRoot, "examples/logs/app.log")}, nil, io.Discard, &errb)
	if errb.Len() != 0 {
		t.Errorf("small input: stderr %q", errb.String())
	}
}

// TestREADMEExamples runs the README's shell examples as written, from a
// directory that holds the repository's examples and policies, with the
// piiguard binary first on $PATH. A line's comment "exit N" gives its
// expected status.
func TestREADMEExamples(t *testing.T) {
	bin := buildCLI(t)
	readme, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, d := range []string{"examples", "policy"} {
		abs, _ := filepath.Abs(filepath.Join(repoRoot, d))
		if err := os.Symlink(abs, filepath.Join(dir, d)); err != nil {
			t.Fatal(err)
		}
	}
	env := append(os.Environ(), "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"), keyFileEnv+"=")
	if _, err := exec.LookPath("openssl"); err != nil {
		// The README makes its key with openssl; without it, make one.
		k := make([]byte, 32)
		rand.Read(k)
		os.WriteFile(filepath.Join(dir, "piiguard.key"), []byte(hex.EncodeToString(k)+"\n"), 0o600)
	}
	ran := 0
	for _, block := range regexp.MustCompile("(?s)```sh\n(.*?)```").FindAllStringSubmatch(string(readme), -1) {
		for _, line := range strings.Split(block[1], "\n") {
			cmdline, comment, _ := strings.Cut(line, "#")
			cmdline = strings.TrimSpace(cmdline)
			if !strings.HasPrefix(cmdline, "piiguard ") && !strings.HasPrefix(cmdline, "openssl rand") {
				continue
			}
			if strings.HasPrefix(cmdline, "openssl") {
				if _, err := exec.LookPath("openssl"); err != nil {
					continue
				}
			}
			want := 0
			if m := regexp.MustCompile(`\bexit (\d)\b`).FindStringSubmatch(comment); m != nil {
				want, _ = strconv.Atoi(m[1])
			}
			cmd := exec.Command("sh", "-c", cmdline)
			if bash, err := exec.LookPath("bash"); err == nil {
				cmd = exec.Command(bash, "-o", "pipefail", "-c", cmdline)
			}
			cmd.Dir, cmd.Env = dir, env
			out, err := cmd.CombinedOutput()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != want {
				t.Errorf("README: %s\nexit %d, want %d:\n%s", cmdline, code, want, out)
			}
			ran++
		}
	}
	if ran < 10 {
		t.Errorf("ran %d README examples; the README has more", ran)
	}
}

// TestLineCharsOverlapping: character offsets stay right when findings
// overlap or repeat a span (two identifiers on one value).
func TestLineCharsOverlapping(t *testing.T) {
	text := []byte("é→ 643-54-2485 ü x")
	var lc lineChars
	seg := &mask.Segment{Text: text, End: true}
	lc.start(seg)
	for _, c := range []struct{ b, want int64 }{{6, 3}, {17, 14}, {6, 3}, {17, 14}, {21, 17}} {
		if got := lc.at(c.b); got != c.want {
			t.Errorf("at(%d) = %d, want %d", c.b, got, c.want)
		}
	}
	lc.end(seg)
}

// pacedReader reads at most chunk bytes from r per call and pauses before
// each read.
type pacedReader struct {
	r     io.Reader
	chunk int
	pause time.Duration
}

func (p *pacedReader) Read(b []byte) (int, error) {
	time.Sleep(p.pause)
	return p.r.Read(b[:min(len(b), p.chunk)])
}
