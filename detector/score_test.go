package detector

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// TestNegativeContext checks negativeContext against its definition: one
// of the negative words, in any ASCII case, within the 12 bytes before the
// match.
func TestNegativeContext(t *testing.T) {
	words := []string{"version", "uuid", "build", "id=", "ver=", "v="}
	want := func(text []byte, ms int) bool {
		before := bytes.ToLower(text[max(0, ms-12):ms])
		for _, w := range words {
			if bytes.Contains(before, []byte(w)) {
				return true
			}
		}
		return false
	}
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Version 1.2.3.4", true},
		{"uuid: 1.2.3.4", true},
		{"BUILD=1.2.3.4", true},
		{"host id=1.2.3.4", true},
		{"ver 1.2.3.4", false},
		{"ip 1.2.3.4", false},
		{"v", false},
		{"a long prefix version and more than twelve 1.2.3.4", false},
	} {
		ms := bytes.IndexByte([]byte(tc.text), '1')
		if ms < 0 {
			ms = len(tc.text)
		}
		if got := negativeContext([]byte(tc.text), ms); got != tc.want {
			t.Errorf("negativeContext(%q, %d) = %v, want %v", tc.text, ms, got, tc.want)
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	const alphabet = "versionVERSIONuidbl=d V-_ 0"
	for range 50000 {
		b := make([]byte, r.IntN(20))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		ms := r.IntN(len(b) + 1)
		if got, w := negativeContext(b, ms), want(b, ms); got != w {
			t.Fatalf("negativeContext(%q, %d) = %v, want %v", b, ms, got, w)
		}
	}
}
