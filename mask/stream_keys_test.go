package mask_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/mask"
)

// TestWriterKeyClosedAndOpenedOnOneLine is the regression test of a leak:
// a line that closes one private key and opens another ("-----END RSA
// PRIVATE KEY----- -----BEGIN RSA PRIVATE KEY-----") closed the held block
// without opening a new one, so the second key's body lines were masked one
// by one, without their armour, and written in clear.
func TestWriterKeyClosedAndOpenedOnOneLine(t *testing.T) {
	body := "MIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9OiMIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi"
	for _, in := range []string{
		"-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY----- -----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----\nafter\n",
		"-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----  -----BEGIN OPENSSH PRIVATE KEY-----\n" + body + "\n" + body + "\n-----END OPENSSH PRIVATE KEY-----\n",
	} {
		var out bytes.Buffer
		w := mask.NewWriter(&out, allScanner(), mask.Asterisk, mask.StreamOptions{})
		if _, err := w.Write([]byte(in)); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(out.String(), body[:20]) || strings.Count(out.String(), "\n") != strings.Count(in, "\n") {
			t.Errorf("masked:\n%s", out.String())
		}
	}
}
