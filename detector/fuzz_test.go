package detector_test

import (
	"fmt"
	"testing"

	"github.com/piiguard/piiguard/detector"
)

// FuzzFind checks the detector's invariants on arbitrary text: findings are
// sorted, within the text, non-overlapping except for one finding per
// identifier on a shared span, scored in (0, 1], the same on a second call
// and the same as the reference detector's.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"ssn 536-22-1234", "card 4929 3812 6548 1006", "jane@example.com", "10.0.0.1", "fe80::1ff:fe23:4567:890a",
		"+1 415 555 2671", "passport number 912803456", "iban GB29 NWBK 6016 1331 9268 19", "dob 1985-07-23", "K1A 0B1", "\xff\xfe", "",
		"-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----",
		"-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END RSA PRIVATE KEY-----\nQyNT\n-----END OPENSSH PRIVATE KEY-----",
		"mac 00:1A:2B:3C:4D:5E 00-1a-2b-3c-4d-5e 001a.2b3c.4d5e at 18:01:50,353 from ::ffff:10.1.2.3:5060",
	} {
		f.Add([]byte(s))
	}
	d := catalogDetector(f)
	f.Fuzz(func(t *testing.T, text []byte) {
		got := d.Find(text)
		if err := detector.CheckFindings(got, len(text)); err != nil {
			t.Fatalf("%v in %v on %q", err, got, text)
		}
		if again := d.Find(text); fmt.Sprint(again) != fmt.Sprint(got) {
			t.Fatalf("not deterministic on %q: %v then %v", text, got, again)
		}
		if ref := detector.ReferenceFind(d, text); fmt.Sprint(ref) != fmt.Sprint(got) {
			t.Fatalf("differs from the reference on %q:\n detector  %v\n reference %v", text, got, ref)
		}
	})
}
