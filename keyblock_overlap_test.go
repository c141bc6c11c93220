package piiguard_test

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/mask"
)

// Key material of the tests below: base64 text that no other identifier
// finds on its own.
const (
	rsaBody   = "MIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9OiMIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi"
	osshBody  = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW"
	pgpBody   = "lQOYBF5ZgUYBCAC7m3x5k2Jv0vY6gq3j1Qk9nY8d2d0O5QJmZxqTQeGmPzL0cZ3q"
	certBody  = "MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ"
	tailBody  = "QyNTUxOQAAACBxc2VjcmV0dGFpbG9mdGhlb3BlbnNzaGtleWxlZnRpbmNsZWFy"
	tailBody2 = "AAAAC3NzaC1lZDI1NTE5AAAAIHRoZXNlY29uZHRhaWxvZnRoZWtleWxlZnQ"
)

// armour returns the BEGIN or END line of a PEM block.
func armour(kind, label string) string { return "-----" + kind + " " + label + "-----" }

// overlappingKeyCases are texts whose private key blocks overlap without
// one holding the other, or nest; secret is material of a key that must
// not be left in clear.
var overlappingKeyCases = []keyBlockCase{
	{"OpenSSH key begun inside an RSA key, ending after it",
		armour("BEGIN", "RSA PRIVATE KEY") + "\n" + rsaBody + "\n" + rsaBody + "\n" +
			armour("BEGIN", "OPENSSH PRIVATE KEY") + "\n" + osshBody + "\n" +
			armour("END", "RSA PRIVATE KEY") + "\n" + tailBody + "\n" +
			armour("END", "OPENSSH PRIVATE KEY") + "\nok\n",
		tailBody},
	{"RSA key begun inside an OpenSSH key, ending after it",
		"log " + armour("BEGIN", "OPENSSH PRIVATE KEY") + "\n" + osshBody + "\n" + osshBody + "\n" +
			armour("BEGIN", "RSA PRIVATE KEY") + "\n" + rsaBody + "\n" +
			armour("END", "OPENSSH PRIVATE KEY") + "\n" + tailBody + "\n" +
			armour("END", "RSA PRIVATE KEY") + "\n",
		tailBody},
	{"the later key the longer",
		armour("BEGIN", "RSA PRIVATE KEY") + "\n" + rsaBody + "\n" +
			armour("BEGIN", "OPENSSH PRIVATE KEY") + "\n" + osshBody + "\n" +
			armour("END", "RSA PRIVATE KEY") + "\n" + tailBody + "\n" + tailBody2 + "\n" + tailBody + "\n" +
			armour("END", "OPENSSH PRIVATE KEY") + "\n",
		tailBody2},
	{"PGP key begun inside a PKCS #8 key",
		armour("BEGIN", "PRIVATE KEY") + "\n" + rsaBody + "\n" + rsaBody + "\n" +
			armour("BEGIN", "PGP PRIVATE KEY BLOCK") + "\n\n" + pgpBody + "\n" +
			armour("END", "PRIVATE KEY") + "\n" + tailBody + "\n" +
			armour("END", "PGP PRIVATE KEY BLOCK") + "\n",
		tailBody},
	{"RSA key begun inside a PKCS #8 key, ending after it",
		armour("BEGIN", "PRIVATE KEY") + "\n" + rsaBody + "\n" + rsaBody + "\n" +
			armour("BEGIN", "RSA PRIVATE KEY") + "\n" + rsaBody + "\n" +
			armour("END", "PRIVATE KEY") + "\n" + tailBody + "\n" +
			armour("END", "RSA PRIVATE KEY") + "\n",
		tailBody},
	{"PKCS #8 key past an RSA key's END",
		armour("BEGIN", "PRIVATE KEY") + "\n" + rsaBody + "\n" +
			armour("END", "RSA PRIVATE KEY") + "\n" + tailBody + "\n" +
			armour("END", "PRIVATE KEY") + "\n",
		tailBody},
	{"a chain of three keys",
		armour("BEGIN", "RSA PRIVATE KEY") + "\n" + rsaBody + "\n" + rsaBody + "\n" + rsaBody + "\n" +
			armour("BEGIN", "OPENSSH PRIVATE KEY") + "\n" + osshBody + "\n" +
			armour("END", "RSA PRIVATE KEY") + "\n" + osshBody + "\n" +
			armour("BEGIN", "EC PRIVATE KEY") + "\n" + tailBody + "\n" +
			armour("END", "OPENSSH PRIVATE KEY") + "\n" + tailBody2 + "\n" +
			armour("END", "EC PRIVATE KEY") + "\n",
		tailBody2},
	{"overlapping keys on one line, line breaks escaped",
		`msg="` + armour("BEGIN", "RSA PRIVATE KEY") + `\n` + rsaBody + `\n` + rsaBody + `\n` +
			armour("BEGIN", "OPENSSH PRIVATE KEY") + `\n` + osshBody + `\n` +
			armour("END", "RSA PRIVATE KEY") + `\n` + tailBody + `\n` +
			armour("END", "OPENSSH PRIVATE KEY") + `" ok` + "\n",
		tailBody},
	{"a key nested whole inside another",
		armour("BEGIN", "RSA PRIVATE KEY") + "\n" + rsaBody + "\n" +
			armour("BEGIN", "OPENSSH PRIVATE KEY") + "\n" + osshBody + "\n" +
			armour("END", "OPENSSH PRIVATE KEY") + "\n" + tailBody + "\n" +
			armour("END", "RSA PRIVATE KEY") + "\n",
		tailBody},
	{"a certificate nested inside a key",
		armour("BEGIN", "EC PRIVATE KEY") + "\n" + rsaBody + "\n" +
			armour("BEGIN", "CERTIFICATE") + "\n" + certBody + "\n" +
			armour("END", "CERTIFICATE") + "\n" + tailBody + "\n" +
			armour("END", "EC PRIVATE KEY") + "\n",
		tailBody},
	{"a key with no END overlapping a closed one",
		armour("BEGIN", "OPENSSH PRIVATE KEY") + "\n" + osshBody + "\n" +
			armour("BEGIN", "RSA PRIVATE KEY") + "\n" + rsaBody + "\n" +
			armour("END", "RSA PRIVATE KEY") + "\n" + tailBody + "\n",
		rsaBody},
}

// keySpan is the span of a private key block in a text, and whether the
// block has its END line.
type keySpan struct {
	start, end int
	closed     bool
}

// keyBlockSpans returns the spans of the private key blocks in text, each
// from its BEGIN line to its own END line; a block with no END line runs
// to the next armour's dashes, white space and escaped line breaks before
// them left out (where the catalog's pattern for a cut block ends).
func keyBlockSpans(text string) []keySpan {
	var spans []keySpan
	for at := 0; ; {
		i := strings.Index(text[at:], "-----BEGIN ")
		if i < 0 {
			return spans
		}
		start := at + i
		at = start + 1
		rest := text[start+len("-----BEGIN "):]
		j := strings.Index(rest, "-----")
		if j < 0 || !strings.Contains(rest[:j], "PRIVATE KEY") {
			continue
		}
		material := start + len("-----BEGIN ") + j + len("-----")
		if end := armour("END", rest[:j]); strings.Contains(text[material:], end) {
			spans = append(spans, keySpan{start, material + strings.Index(text[material:], end) + len(end), true})
			continue
		}
		e := len(text)
		if k := strings.Index(text[material:], "-----"); k >= 0 {
			e = material + k
		}
		for e > material && (text[e-1] == ' ' || text[e-1] == '\n' || text[e-1] == '"') {
			e--
		}
		for e > material+1 && text[e-2:e] == `\n` {
			e -= 2
		}
		spans = append(spans, keySpan{start, e, false})
	}
}

// TestMaskOverlappingKeyBlocks is the regression test of private key
// blocks that overlap ("BEGIN RSA … BEGIN OPENSSH … END RSA … END
// OPENSSH"): the detector kept one finding of the two keys, the longer,
// Scanner.Mask masked it, and the other key's material past it stayed in
// clear; a scan of the output found nothing, its BEGIN line being masked.
// Every byte of every key block, from its BEGIN line to its own END line,
// is masked by Scanner.Mask, by MaskLines and mask.Writer, and in a JSON
// event by mask.JSON; the findings cover every block, and the output
// re-scanned finds nothing.
func TestMaskOverlappingKeyBlocks(t *testing.T) {
	s := newScanner(t, piiguard.Config{})
	for _, tt := range overlappingKeyCases {
		t.Run(tt.name, func(t *testing.T) {
			spans := keyBlockSpans(tt.in)
			if len(spans) == 0 || !strings.Contains(tt.in, tt.secret) {
				t.Fatalf("bad case: %d key blocks, secret in text %v", len(spans), strings.Contains(tt.in, tt.secret))
			}
			findings := s.ScanString(tt.in)
			covered := make([]bool, len(tt.in))
			for _, f := range findings {
				for k := f.Start; k < f.End; k++ {
					covered[k] = true
				}
			}
			masked := s.MaskString(tt.in)
			if len(masked) != len(tt.in) {
				t.Fatalf("length changed: %q -> %q", tt.in, masked)
			}
			for _, sp := range spans {
				for k := sp.start; k < sp.end; k++ {
					if !covered[k] {
						t.Fatalf("key block [%d:%d]: byte %d is in no finding %v", sp.start, sp.end, k, findings)
					}
					if c := masked[k]; c != '*' && c != '\n' {
						t.Fatalf("key block [%d:%d]: byte %d left in clear: %q", sp.start, sp.end, k, masked)
					}
				}
			}
			if f := s.ScanString(masked); len(f) != 0 {
				t.Errorf("the output re-scanned finds %v: %q", f, masked)
			}
			checkKeyBlocksAsWhole(t, s, []keyBlockCase{tt})
		})
	}
}

// TestMaskJSONOverlappingKeyBlocks is TestMaskOverlappingKeyBlocks for a
// JSON event whose string value holds the keys, line breaks escaped.
func TestMaskJSONOverlappingKeyBlocks(t *testing.T) {
	s := newScanner(t, piiguard.Config{})
	j, err := mask.NewJSON(s, s.Masker(), mask.JSONOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range overlappingKeyCases {
		t.Run(tt.name, func(t *testing.T) {
			value, err := json.Marshal(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			event := `{"level":"info","msg":` + string(value) + `}`
			out, err := j.Mask([]byte(event))
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(out), tt.secret) {
				t.Errorf("key material in clear: %s", out)
			}
			if f, err := j.AppendFindings(nil, out); err != nil || len(f) != 0 {
				t.Errorf("the output re-scanned finds %v (%v): %s", f, err, out)
			}
		})
	}
}

// keyFragments make random texts in which private key blocks of several
// labels open, close, overlap and nest, with their material, text between
// and line breaks real and escaped.
var keyFragments = []string{
	armour("BEGIN", "RSA PRIVATE KEY"), armour("END", "RSA PRIVATE KEY"),
	armour("BEGIN", "OPENSSH PRIVATE KEY"), armour("END", "OPENSSH PRIVATE KEY"),
	armour("BEGIN", "PRIVATE KEY"), armour("END", "PRIVATE KEY"),
	armour("BEGIN", "PGP PRIVATE KEY BLOCK"), armour("END", "PGP PRIVATE KEY BLOCK"),
	armour("BEGIN", "CERTIFICATE"), armour("END", "CERTIFICATE"),
	rsaBody, osshBody, tailBody, "\n", "\n", `\n`, " ", "ok ", "jane@example.com", "-",
}

// TestMaskKeyBlocksNeverInClear: on random texts of key blocks that open,
// close, overlap and nest, Scanner.Mask leaves no byte of a private key
// block, from its BEGIN line to its own END line, in clear, and the
// output re-scanned finds nothing.
func TestMaskKeyBlocksNeverInClear(t *testing.T) {
	s := newScanner(t, piiguard.Config{})
	r := rand.New(rand.NewPCG(5, 17))
	for range 3000 {
		var b strings.Builder
		for n := 2 + r.IntN(14); n > 0; n-- {
			b.WriteString(keyFragments[r.IntN(len(keyFragments))])
		}
		text := b.String()
		masked := s.MaskString(text)
		if f := s.ScanString(masked); len(f) != 0 {
			t.Fatalf("the output re-scanned finds %v\n text %q\n mask %q", f, text, masked)
		}
		for _, sp := range keyBlockSpans(text) {
			if !sp.closed {
				continue // no END line: where the key ends is a guess
			}
			for k := sp.start; k < sp.end; k++ {
				if c := masked[k]; c != '*' && c != '\n' {
					t.Fatalf("key block [%d:%d]: byte %d left in clear\n text %q\n mask %q", sp.start, sp.end, k, text, masked)
				}
			}
		}
	}
}
