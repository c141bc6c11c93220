package piiguard_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/mask"
)

// TestMaskLinesKeyPastForeignEnd is the regression test of a private key
// whose block holds the END line of another label: the stream (and so
// MaskLines and the command line) closed the block it held at any
// "-----END " line, masked the key's first part alone, and wrote the rest
// of its material in clear, where masking the text whole (Scanner.Mask)
// masks the key from its BEGIN line to its own END line.
func TestMaskLinesKeyPastForeignEnd(t *testing.T) {
	s := newLinesScanner(t)
	body := "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW"
	rsa := "MIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9OiMIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi"
	tests := []keyBlockCase{
		{"OpenSSH key past a certificate's END",
			"-----BEGIN OPENSSH PRIVATE KEY-----\n" + body + "\n-----END CERTIFICATE-----\n" + body + "x\n-----END OPENSSH PRIVATE KEY-----\nok\n", body + "x"},
		{"OpenSSH key past an RSA key's END",
			"log -----BEGIN OPENSSH PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----\n" + body + "x\n-----END OPENSSH PRIVATE KEY-----\n", body + "x"},
		{"RSA key past a certificate's END",
			"-----BEGIN RSA PRIVATE KEY-----\n" + rsa + "\n-----END CERTIFICATE-----\n" + rsa + "x\n-----END RSA PRIVATE KEY-----\n", rsa + "x"},
		{"PGP key past an RSA key's END",
			"-----BEGIN PGP PRIVATE KEY BLOCK-----\n" + rsa + "\n-----END RSA PRIVATE KEY-----\n" + rsa + "x\n-----END PGP PRIVATE KEY BLOCK-----\n", rsa + "x"},
		{"a foreign END on the BEGIN line",
			"-----BEGIN OPENSSH PRIVATE KEY----- -----END CERTIFICATE-----\n" + body + "x\n-----END OPENSSH PRIVATE KEY-----\n", body + "x"},
	}
	checkKeyBlocksAsWhole(t, s, tests)
}

// TestMaskLinesKeyOpenInsideClosedBlock is the regression test of a held
// block closed while another key opened inside it was still open: on the
// line that closed the block, the stream (and so MaskLines) took the next
// closer from that line only, not from the BEGIN lines held inside the
// block whose END had not come, and wrote the rest of the inner key and
// its END line in clear. A line holding two BEGIN lines whose ENDs have
// not come kept only the last one's closer likewise.
func TestMaskLinesKeyOpenInsideClosedBlock(t *testing.T) {
	s := newLinesScanner(t)
	rsa := "MIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9OiMIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi"
	ossh := "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW"
	tests := []keyBlockCase{
		{"OpenSSH key opened inside a PRIVATE KEY block",
			"-----BEGIN PRIVATE KEY-----\n" + rsa + "\n-----END RSA PRIVATE KEY-----\n-----BEGIN OPENSSH PRIVATE KEY-----\n" + ossh + "\n-----END PRIVATE KEY-----\n" + ossh + "x\n-----END OPENSSH PRIVATE KEY-----\n", ossh + "x"},
		{"OpenSSH key opened inside, text after",
			"log -----BEGIN PRIVATE KEY-----\n" + rsa + "\n-----BEGIN OPENSSH PRIVATE KEY-----\n" + ossh + "\n-----END PRIVATE KEY-----\n" + ossh + "x\n" + ossh + "y\n-----END OPENSSH PRIVATE KEY-----\nok\n", ossh + "y"},
		{"two BEGIN lines on one line, the first closed last",
			"-----BEGIN OPENSSH PRIVATE KEY----- -----BEGIN RSA PRIVATE KEY-----\n" + rsa + "\n-----END RSA PRIVATE KEY-----\n" + ossh + "x\n-----END OPENSSH PRIVATE KEY-----\nok\n", ossh + "x"},
	}
	checkKeyBlocksAsWhole(t, s, tests)
}

// keyBlockCase is a text holding private key blocks, and material of a key
// that must not be written in clear.
type keyBlockCase struct{ name, in, secret string }

// checkKeyBlocksAsWhole checks that MaskLines (1 and 2 workers) and
// mask.Writer (7 bytes a write, and all at once) mask each case as
// Scanner.Mask masks its text whole, with no key material in clear and
// nothing found when the output is scanned again.
func checkKeyBlocksAsWhole(t *testing.T, s *piiguard.Scanner, tests []keyBlockCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			whole := s.MaskString(tt.in)
			if strings.Contains(whole, tt.secret) {
				t.Fatalf("Scanner.Mask leaves the key in clear: %q", whole)
			}
			check := func(who, out string) {
				t.Helper()
				if strings.Contains(out, tt.secret) {
					t.Errorf("%s: key material in clear: %q", who, out)
				}
				if f := s.ScanString(out); len(f) != 0 {
					t.Errorf("%s: the output re-scanned finds %v: %q", who, f, out)
				}
				if out != whole {
					t.Errorf("%s: %q, masking the text whole gives %q", who, out, whole)
				}
			}
			for _, workers := range []int{1, 2} {
				var out bytes.Buffer
				if err := s.MaskLines(context.Background(), &out, strings.NewReader(tt.in), piiguard.LinesOptions{Workers: workers}); err != nil {
					t.Fatal(err)
				}
				check("MaskLines", out.String())
			}
			for _, step := range []int{7, len(tt.in)} {
				var out bytes.Buffer
				w := mask.NewWriter(&out, s, nil, mask.StreamOptions{})
				for i := 0; i < len(tt.in); i += step {
					if _, err := w.Write([]byte(tt.in[i:min(i+step, len(tt.in))])); err != nil {
						t.Fatal(err)
					}
				}
				if err := w.Close(); err != nil {
					t.Fatal(err)
				}
				check("mask.Writer", out.String())
			}
		})
	}
}
