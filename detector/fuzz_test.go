package detector_test

import (
	"fmt"
	"testing"
)

// FuzzFind checks the detector's invariants on arbitrary text: findings are
// sorted, within the text, non-overlapping, scored in (0, 1], and the same
// on a second call.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"ssn 536-22-1234", "card 4929 3812 6548 1006", "jane@example.com", "10.0.0.1", "fe80::1ff:fe23:4567:890a",
		"+1 415 555 2671", "iban GB29 NWBK 6016 1331 9268 19", "dob 1985-07-23", "K1A 0B1", "\xff\xfe", "",
		"-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----",
	} {
		f.Add([]byte(s))
	}
	d := catalogDetector(f)
	f.Fuzz(func(t *testing.T, text []byte) {
		got := d.Find(text)
		end := 0
		for _, x := range got {
			if x.Start < end || x.End <= x.Start || x.End > len(text) || x.Score <= 0 || x.Score > 1 {
				t.Fatalf("bad finding %v in %v on %q", x, got, text)
			}
			end = x.End
		}
		if again := d.Find(text); fmt.Sprint(again) != fmt.Sprint(got) {
			t.Fatalf("not deterministic on %q: %v then %v", text, got, again)
		}
	})
}
