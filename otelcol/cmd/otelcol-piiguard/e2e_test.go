package main

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/pdata/plog"
)

// runMainEnv makes the test binary run the distribution's main instead of
// the tests: the end-to-end test starts the distribution as a process
// without linking a second 60 MB binary.
const runMainEnv = "OTELCOL_PIIGUARD_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// sensitive lists the values of testdata/input.log that must be masked,
// by line (0-based).
var sensitive = map[int][]string{
	0: {"alice@example.com", "10.1.2.3"},
	1: {"4539148803436467"},
	2: {"536-22-1234"},
	3: {"+1 206 555 0142"},
	5: {"bob.smith@example.org"},
	6: {"192.168.10.77"},
	7: {"carol@example.net"},
}

// e2eLoghubLines is how many loghub lines (when the corpus is present)
// join the test's input.
const e2eLoghubLines = 400

// TestEndToEnd starts the distribution with a filelog receiver reading a
// file of log lines, the piiguard processor and a file exporter, and
// checks that every line comes out masked exactly as `piiguard mask`
// masks it: every sensitive value masked, every other byte unchanged.
func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a collector")
	}
	dir := t.TempDir()
	lines := readLines(t, filepath.Join("testdata", "input.log"))
	crafted := len(lines)
	lines = append(lines, loghubLines(t, e2eLoghubLines)...)
	in := filepath.Join(dir, "in.log")
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.json")

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	// The module README's example configuration, with the collector's own
	// metrics off and the OTLP receiver on a free port, as other tests and
	// collectors may run beside this one.
	exited, stop := startCollector(t, ctx, []string{"PIIGUARD_INPUT=" + in, "PIIGUARD_OUTPUT=" + out},
		"--config", filepath.Join("..", "..", "config.example.yaml"),
		"--set", "service::telemetry::metrics::level=none",
		"--set", "receivers::otlp::protocols::grpc::endpoint=localhost:0")
	defer stop()

	got := waitForBodies(t, ctx, exited, out, len(lines))
	want := cliMask(t, in)
	if len(want) != len(lines) {
		t.Fatalf("piiguard mask gave %d lines for %d", len(want), len(lines))
	}
	masked := 0
	for i, line := range lines {
		if got[i] != want[i] {
			t.Errorf("line %d: collector and piiguard mask differ:\ncollector %q\ncli       %q", i+1, got[i], want[i])
		}
		if !onlyAsterisks(line, got[i]) {
			t.Errorf("line %d: bytes other than masked values changed:\nin  %q\nout %q", i+1, line, got[i])
		}
		if got[i] != line {
			masked++
		}
		if i >= crafted {
			continue
		}
		exp := line
		for _, v := range sensitive[i] {
			exp = strings.Replace(exp, v, strings.Repeat("*", len(v)), 1)
		}
		if got[i] != exp {
			t.Errorf("line %d:\ngot  %q\nwant %q", i+1, got[i], exp)
		}
	}
	t.Logf("%d lines (%d crafted), %d masked", len(lines), crafted, masked)
	if rest := cliScan(t, got); rest != "" {
		t.Errorf("piiguard scan still finds values in the output:\n%s", rest)
	}
}

// startCollector starts the distribution (this test binary, running
// main) with args, and env added to its environment. It returns a channel
// closed when the process exits, and stop, which interrupts it (and kills
// it after 20 seconds) and logs its output when the test failed.
func startCollector(t *testing.T, ctx context.Context, env []string, args ...string) (exited <-chan struct{}, stop func()) {
	t.Helper()
	col := exec.CommandContext(ctx, os.Args[0], args...)
	col.Env = append(append(os.Environ(), runMainEnv+"=1"), env...)
	var logs bytes.Buffer
	col.Stdout, col.Stderr = &logs, &logs
	if err := col.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { _ = col.Wait(); close(done) }()
	return done, func() {
		_ = col.Process.Signal(os.Interrupt)
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			_ = col.Process.Kill()
			<-done
		}
		if t.Failed() {
			t.Logf("collector output:\n%s", logs.String())
		}
	}
}

// waitForBodies polls the file exporter's output until it holds n log
// records, and returns their bodies in order.
func waitForBodies(t *testing.T, ctx context.Context, exited <-chan struct{}, path string, n int) []string {
	t.Helper()
	var bodies []string
	for {
		bodies = bodies[:0]
		data, _ := os.ReadFile(path)
		var u plog.JSONUnmarshaler
		for line := range bytes.SplitSeq(data, []byte("\n")) {
			if len(bytes.TrimSpace(line)) == 0 {
				continue
			}
			ld, err := u.UnmarshalLogs(line)
			if err != nil {
				break // a line being written
			}
			rls := ld.ResourceLogs()
			for i := range rls.Len() {
				sls := rls.At(i).ScopeLogs()
				for j := range sls.Len() {
					lrs := sls.At(j).LogRecords()
					for k := range lrs.Len() {
						bodies = append(bodies, lrs.At(k).Body().Str())
					}
				}
			}
		}
		if len(bodies) >= n {
			if len(bodies) > n {
				t.Fatalf("%d records out for %d lines in", len(bodies), n)
			}
			return bodies
		}
		select {
		case <-ctx.Done():
			t.Fatalf("timed out with %d of %d records written", len(bodies), n)
		case <-exited:
			t.Fatalf("the collector exited with %d of %d records written", len(bodies), n)
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// onlyAsterisks reports whether out is in with some bytes replaced by
// '*' (the asterisk style keeps the length of ASCII values).
func onlyAsterisks(in, out string) bool {
	if len(in) != len(out) {
		return false
	}
	for i := range len(in) {
		if in[i] != out[i] && out[i] != '*' {
			return false
		}
	}
	return true
}

// cli builds the piiguard command of the root module.
func cli(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "piiguard")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/piiguard/piiguard/cmd/piiguard")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building piiguard: %v\n%s", err, out)
	}
	return bin
}

var cliPath string

func cliBin(t *testing.T) string {
	if cliPath == "" {
		cliPath = cli(t)
	}
	return cliPath
}

// cliMask runs `piiguard mask` on a file.
func cliMask(t *testing.T, path string) []string {
	t.Helper()
	out, err := exec.Command(cliBin(t), "mask", path).Output()
	if err != nil {
		t.Fatalf("piiguard mask: %v", err)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
}

// cliScan runs `piiguard scan` on lines and returns what it finds.
func cliScan(t *testing.T, lines []string) string {
	t.Helper()
	cmd := exec.Command(cliBin(t), "scan")
	cmd.Stdin = strings.NewReader(strings.Join(lines, "\n") + "\n")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("piiguard scan: %v", err)
	}
	return string(out)
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

// loghubLines returns up to n non-empty lines of the loghub corpus, taken
// evenly from its files, or none when the corpus is absent
// ($PIIGUARD_LOGHUB, or /work/shared/corpus/loghub beside the checkout).
func loghubLines(t *testing.T, n int) []string {
	dir := os.Getenv("PIIGUARD_LOGHUB")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "..", "shared", "corpus", "loghub")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.log"))
	if len(files) == 0 {
		t.Logf("no loghub corpus in %s: crafted lines only", dir)
		return nil
	}
	per := n / len(files)
	var lines []string
	for _, f := range files {
		k := 0
		for _, l := range readLines(t, f) {
			l = strings.TrimRight(l, "\r")
			if strings.TrimSpace(l) == "" || k >= per {
				continue
			}
			lines = append(lines, l)
			k++
		}
	}
	return lines
}

// TestBadConfig checks that the distribution refuses a bad piiguard
// configuration at start, naming the key.
func TestBadConfig(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for _, tc := range []struct{ set, want string }{
		{"processors::piiguard::mode=redact", `processors::piiguard: mode: unknown mode "redact"`},
		{"processors::piiguard::mask::style=stars", `processors::piiguard: mask::style: unknown style "stars"`},
		{"processors::piiguard::identifiers=[Nope]", `processors::piiguard: identifiers::0: unknown managed identifier "Nope"`},
	} {
		cmd := exec.CommandContext(ctx, os.Args[0], "validate", "--config", filepath.Join("..", "..", "config.example.yaml"), "--set", tc.set)
		cmd.Env = append(os.Environ(), runMainEnv+"=1", "PIIGUARD_INPUT=in.log", "PIIGUARD_OUTPUT=out.json")
		out, err := cmd.CombinedOutput()
		if err == nil {
			t.Errorf("--set %s: validate passed", tc.set)
			continue
		}
		if !strings.Contains(string(out), tc.want) {
			t.Errorf("--set %s: want %q in:\n%s", tc.set, tc.want, out)
		}
	}
}

// TestExampleConfigValid checks that the README's example configuration
// validates.
func TestExampleConfigValid(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "validate", "--config", filepath.Join("..", "..", "config.example.yaml"))
	cmd.Env = append(os.Environ(), runMainEnv+"=1", "PIIGUARD_INPUT=in.log", "PIIGUARD_OUTPUT=out.json")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("validate: %v\n%s", err, out)
	}
}

// TestComponents checks the distribution's components and their modules.
func TestComponents(t *testing.T) {
	f, err := components()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"receivers":  {"file_log", "otlp"},
		"processors": {"batch", "piiguard"},
		"exporters":  {"debug", "file", "otlp"},
	}
	got := map[string]map[component.Type]string{
		"receivers": f.ReceiverModules, "processors": f.ProcessorModules, "exporters": f.ExporterModules,
	}
	for kind, names := range want {
		if len(got[kind]) != len(names) {
			t.Errorf("%s: %v, want %v", kind, got[kind], names)
		}
		for _, n := range names {
			if m := got[kind][component.MustNewType(n)]; m == "" {
				t.Errorf("%s %s: no module", kind, n)
			}
		}
	}
	if f.Telemetry == nil {
		t.Error("no telemetry factory: the collector would exit at start")
	}
}
