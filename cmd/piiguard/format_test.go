package main

import (
	"bytes"
	"errors"
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/internal/testcorpus"
	"github.com/piiguard/piiguard/mask"
)

// formatInputs are the inputs of TestFormatOnWorkers: real logs (loghub,
// when present), synthetic lines with values, and private keys spanning
// lines among values.
func formatInputs(t *testing.T) map[string]string {
	t.Helper()
	join := func(c *testcorpus.Corpus, max int) string {
		var b strings.Builder
		for _, l := range c.Lines {
			if b.Len() >= max {
				break
			}
			b.Write(l)
			b.WriteByte('\n')
		}
		return b.String()
	}
	size := 1 << 20
	if raceEnabled || testing.Short() {
		size = 300 << 10
	}
	body := "MIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9OiMIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi"
	key := "-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n" + body + "\n-----END RSA PRIVATE KEY-----\n"
	in := map[string]string{
		"synthetic": join(testcorpus.Synthetic(20000, 0.10, 7), size),
		"keys":      strings.Repeat("mail a@example.com é→😀 ssn 536-22-1234\n"+key+"ip 203.0.113.42 -----BEGIN OPENSSH PRIVATE KEY-----\n"+body+"\n-----END OPENSSH PRIVATE KEY----- card 4929 3812 6548 1006\n", size/400),
	}
	lh, err := testcorpus.Loghub("")
	if errors.Is(err, fs.ErrNotExist) {
		t.Logf("loghub corpus absent, not compared: %v", err)
	} else if err != nil {
		t.Fatal(err)
	} else {
		in["loghub"] = join(lh, 2*size)
	}
	return in
}

// TestFormatOnWorkers: scan's jsonl and text and audit format findings on
// the workers (LinesOptions.Format), SARIF in order; whatever the number
// of workers, the output is byte for byte one worker's, and scan's jsonl
// is what the findings of one mask.Writer, formatted in order, make.
func TestFormatOnWorkers(t *testing.T) {
	s, err := piiguard.NewScanner(piiguard.Config{})
	if err != nil {
		t.Fatal(err)
	}
	stamp := regexp.MustCompile(`"auditTimestamp":"[^"]*"`)
	for name, in := range formatInputs(t) {
		// The oracle: one stream, its findings formatted one by one.
		var want []byte
		w := mask.NewWriter(&bytes.Buffer{}, s, mask.Asterisk, mask.StreamOptions{Segment: segmentFindings(func(lf *lineFinding) {
			want = appendJSONL(want, lf, false, "", false)
		}, nil, true)})
		w.Write([]byte(in))
		w.Close()
		if len(want) < 1000 {
			t.Fatalf("%s: only %d bytes of findings", name, len(want))
		}
		for _, args := range [][]string{
			{"scan"},
			{"scan", "--format", "text", "--show-values"},
			{"scan", "--format", "sarif"},
			{"audit"},
		} {
			var one string
			for _, n := range []string{"1", "2", "4"} {
				code, out, errs := runCLI(t, in, append(args, "--workers", n)...)
				if code != 0 || errs != "" {
					t.Fatalf("%s: %v --workers %s: exit %d: %s", name, args, n, code, errs)
				}
				out = stamp.ReplaceAllString(out, "")
				if n == "1" {
					one = out
					if len(args) == 1 && args[0] == "scan" && out != string(want) {
						t.Errorf("%s: scan: %d bytes, one stream's findings %d; first difference at %d", name, len(out), len(want), firstDiffString(out, string(want)))
					}
					continue
				}
				if out != one {
					t.Errorf("%s: %v --workers %s: %d bytes, one worker %d; first difference at %d", name, args, n, len(out), len(one), firstDiffString(out, one))
				}
			}
		}
	}
}
