package piiguard_test

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/mask"
)

// TestHostileInput feeds the scanner inputs built to hurt: each must give
// correct output in time linear in its size (the detector's work is the
// input plus its candidates; every rejected candidate advances the search)
// and memory proportional to it (the scanner copies the input once, to
// lower-case it, plus its findings). The bounds checked here: the masked
// output keeps every line and character, has no findings when re-scanned,
// and allocations stay proportional to the input (under maxAllocFactor
// times its size, findings included).
func TestHostileInput(t *testing.T) {
	// maxAllocFactor bounds the bytes allocated (garbage included) per byte
	// of input, over a Mask and its re-scan.
	const maxAllocFactor = 32
	s := newScanner(t, piiguard.Config{})
	big := 50 << 20
	many := 1_000_000
	if raceEnabled || testing.Short() {
		big, many = 4<<20, 100_000
	}
	tests := []struct {
		name  string
		input func() []byte
	}{
		{"invalid UTF-8", func() []byte {
			return []byte("ssn \xff536-22-1234\xfe a@example.com \xc3\x28 \xed\xa0\x80 card 4929381265481006\x80")
		}},
		{"NUL bytes", func() []byte { return []byte("a@example.com\x00ssn\x00536-22-1234\x00\x00") }},
		{"CRLF and lone CR", func() []byte { return []byte("ssn 536-22-1234\r\na@example.com\rnext\r\n\r") }},
		{"50 MB single line", func() []byte {
			b := bytes.Repeat([]byte("lorem ipsum 10.0.0.1 dolor sit amet consectetur "), big/48)
			return append(b, "ssn 536-22-1234"...)
		}},
		{"a million tiny lines", func() []byte { return bytes.Repeat([]byte("a\n"), many) }},
		{"huge numbers", func() []byte { return []byte(strings.Repeat("9", 100_000) + " card " + strings.Repeat("4", 5000)) }},
		{"keyword flood", func() []byte { return bytes.Repeat([]byte("ssn card cvv phone passport iban dob "), 30000) }},
		{"digit flood", func() []byte { return bytes.Repeat([]byte("0123456789"), 100_000) }},
		{"digits with separators", func() []byte { return bytes.Repeat([]byte("12-34 56.78/90 "), 60000) }},
		{"colon and dot flood", func() []byte { return bytes.Repeat([]byte("a:1.b::2."), 100_000) }},
		{"values back to back", func() []byte { return bytes.Repeat([]byte(strings.Join(fragments, "")), 300) }},
		{"at signs", func() []byte { return bytes.Repeat([]byte("@a.b@"), 200_000) }},
		{"unterminated private key", func() []byte {
			return append([]byte("-----BEGIN RSA PRIVATE KEY-----"), bytes.Repeat([]byte("MIIB\\n"), 200_000)...)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.input()
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			out := s.Mask(in)
			runtime.ReadMemStats(&after)
			if grew := after.TotalAlloc - before.TotalAlloc; grew > uint64(maxAllocFactor*len(in)+1<<20) {
				t.Errorf("allocated %d bytes for %d bytes of input", grew, len(in))
			}
			if utf8.RuneCount(out) != utf8.RuneCount(in) || bytes.Count(out, []byte("\n")) != bytes.Count(in, []byte("\n")) ||
				bytes.Count(out, []byte("\r")) != bytes.Count(in, []byte("\r")) {
				t.Fatalf("masking changed the shape of the input")
			}
			if f := s.Scan(out); len(f) > 0 {
				t.Fatalf("masked output still has %d findings, first %v", len(f), f[0])
			}
		})
	}
}

// countingWriter counts what is written to it and keeps the last bytes.
type countingWriter struct {
	n, lines int
	tail     []byte
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += len(p)
	c.lines += bytes.Count(p, []byte("\n"))
	c.tail = append(c.tail[:0], p[max(0, len(p)-64):]...)
	return len(p), nil
}

// TestHostileStreamBlocks feeds the stream masker multi-line key armour
// meant to make it hold everything: a BEGIN line that never closes, and
// many blocks opened and closed. The stream holds at most the block bound
// (output keeps coming while the input goes on), keeps every line, and
// masks every held key line.
func TestHostileStreamBlocks(t *testing.T) {
	s := newScanner(t, piiguard.Config{})
	lines := 200_000
	if raceEnabled || testing.Short() {
		lines = 20_000
	}
	body := []byte("MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n")
	t.Run("never closes", func(t *testing.T) {
		var out countingWriter
		w := mask.NewWriter(&out, s, nil, mask.StreamOptions{})
		w.Write([]byte("-----BEGIN RSA PRIVATE KEY-----\n"))
		for i := range lines {
			w.Write(body)
			if i == 2*mask.DefaultMaxBlockLength/len(body) && out.n == 0 {
				t.Fatalf("nothing written after %d bytes of an open block", i*len(body))
			}
		}
		w.Close()
		if out.lines != lines+1 || out.n != len("-----BEGIN RSA PRIVATE KEY-----\n")+lines*len(body) {
			t.Errorf("wrote %d lines, %d bytes", out.lines, out.n)
		}
	})
	t.Run("many blocks", func(t *testing.T) {
		var out countingWriter
		w := mask.NewWriter(&out, s, nil, mask.StreamOptions{})
		block := []byte("-----BEGIN PRIVATE KEY-----\n" + string(body) + "-----END PRIVATE KEY-----\n")
		n := lines / 3
		for range n {
			w.Write(block)
		}
		w.Close()
		if out.lines != 3*n || out.n != n*len(block) || strings.Trim(string(out.tail), "*\n") != "" {
			t.Errorf("wrote %d lines, %d bytes, ending %q", out.lines, out.n, out.tail)
		}
	})
}
