package main

import (
	"fmt"
	"io"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"
)

// workersInput is several batches of varied lines: values, multi-byte
// characters, CRLF, empty lines, JSON lines, a line longer than the
// stream's limit, and a last line without a newline.
func workersInput() string {
	r := rand.New(rand.NewPCG(3, 4))
	var b strings.Builder
	values := []string{"jane.doe@example.com", "ssn 536-22-1234", "card 4929 3812 6548 1006", "ip 203.0.113.42", "é→😀", "nothing"}
	size := 3 << 20
	if raceEnabled || testing.Short() {
		size = 1 << 20
	}
	for i := 0; b.Len() < size; i++ {
		switch i % 50 {
		case 7:
			fmt.Fprintf(&b, `{"user":{"email":"u%d@example.com","ssn":"536-22-1234"},"n":%d}`+"\n", i, i)
		case 13:
			b.WriteString("\r\n\n")
		case 29:
			if i < 50 && !raceEnabled { // the race detector makes it slow
				b.WriteString(strings.Repeat("x ", 700<<10) + "a@example.com\n") // 1.4 MB
			}
		}
		fmt.Fprintf(&b, "line %d %s %s\n", i, values[r.IntN(len(values))], values[r.IntN(len(values))])
	}
	b.WriteString("last line mail z@example.com")
	return b.String()
}

// TestWorkersSameOutput is issue 14 item 2: --workers N gives the output
// of one worker, byte for byte, in input order, for every command and
// format.
func TestWorkersSameOutput(t *testing.T) {
	in := workersInput()
	key := writeKey(t, 9)
	stamp := regexp.MustCompile(`"auditTimestamp":"[^"]*"`)
	counts := []string{"2", "4"}
	cases := [][]string{
		{"scan"},
		{"scan", "--format", "text", "--show-values"},
		{"scan", "--format", "sarif"},
		{"mask"},
		{"mask", "--json"},
		{"mask", "--style", "token", "--key-file", key},
		{"audit"},
	}
	if raceEnabled { // for data races, fewer runs suffice
		counts, cases = counts[1:], [][]string{cases[0], cases[4], cases[6]}
	}
	for _, args := range cases {
		_, one, errs := runCLI(t, in, append(args, "--workers", "1")...)
		if errs != "" {
			t.Fatalf("%v: %s", args, errs)
		}
		for _, n := range counts {
			code, many, errs := runCLI(t, in, append(args, "--workers", n)...)
			if args[0] == "audit" {
				one, many = stamp.ReplaceAllString(one, ""), stamp.ReplaceAllString(many, "")
			}
			if code != 0 || errs != "" || many != one {
				t.Errorf("%v --workers %s: exit %d (%s), %d bytes, differs from one worker (%d bytes) at byte %d", args, n, code, errs, len(many), len(one), firstDiffString(many, one))
			}
		}
		if len(one) < 1000 {
			t.Errorf("%v: only %d bytes of output", args, len(one))
		}
	}
}

// TestWorkersStream: with several workers, a slow stream is still written
// line by line.
func TestWorkersStream(t *testing.T) {
	for _, cmd := range []string{"scan", "mask", "audit"} {
		p := startCLI(t, cmd, "--workers", "4")
		for _, l := range []string{"first a@example.com\n", "second ssn 536-22-1234\n"} {
			if s := p.line(l); s == "" || strings.Contains(s, "a@example.com") || strings.Contains(s, "536-22-1234") {
				t.Errorf("%s: %q", cmd, s)
			}
		}
		if _, code := p.end(""); code != 0 {
			t.Errorf("%s: exit %d", cmd, code)
		}
	}
}

// TestWorkersKeepBlocksWhole: input that comes in pieces is cut into
// batches as it comes, but never inside a multi-line private key, which
// the stream must see whole to mask it.
func TestWorkersKeepBlocksWhole(t *testing.T) {
	body := "MIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9OiMIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi"
	parts := []string{"before a@example.com\n-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n", body + "\n", "-----END RSA PRIVATE KEY-----\nafter\n"}
	for _, w := range []string{"1", "3"} {
		inR, inW := io.Pipe()
		go func() {
			for _, p := range parts {
				io.WriteString(inW, p)
				time.Sleep(50 * time.Millisecond) // separate reads
			}
			inW.Close()
		}()
		var out strings.Builder
		code := run([]string{"mask", "--workers", w}, inR, &out, io.Discard)
		if code != 0 || strings.Contains(out.String(), body[:20]) || strings.Count(out.String(), "\n") != 6 {
			t.Errorf("mask --workers %s of a key sent in pieces: exit %d\n%s", w, code, out.String())
		}
	}
}
