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
	tests := []struct {
		name, in, secret string
	}{
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
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			whole := s.MaskString(tt.in)
			if strings.Contains(whole, tt.secret) {
				t.Fatalf("Scanner.Mask leaves the key in clear: %q", whole)
			}
			for _, workers := range []int{1, 2} {
				var out bytes.Buffer
				if err := s.MaskLines(context.Background(), &out, strings.NewReader(tt.in), piiguard.LinesOptions{Workers: workers}); err != nil {
					t.Fatal(err)
				}
				if strings.Contains(out.String(), tt.secret) {
					t.Errorf("%d workers: key material in clear: %q", workers, out.String())
				}
				if out.String() != whole {
					t.Errorf("%d workers: %q, masking the text whole gives %q", workers, out.String(), whole)
				}
			}
			var out bytes.Buffer
			w := mask.NewWriter(&out, s, nil, mask.StreamOptions{})
			for i := 0; i < len(tt.in); i += 7 {
				w.Write([]byte(tt.in[i:min(i+7, len(tt.in))]))
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if out.String() != whole {
				t.Errorf("mask.Writer: %q, masking the text whole gives %q", out.String(), whole)
			}
		})
	}
}
