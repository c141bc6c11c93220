package piiguard_test

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"github.com/piiguard/piiguard"
)

// FuzzMask checks the masking guarantees on arbitrary text: the output,
// scanned again, has no findings; it has as many characters and lines as the
// input; every character is kept or replaced by '*'.
func FuzzMask(f *testing.F) {
	for _, s := range fragments {
		f.Add([]byte(s))
	}
	f.Add([]byte("2001:db8::1:2jane@example.com"))
	s, err := piiguard.NewScanner(piiguard.Config{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		masked := s.Mask(text)
		if found := s.Scan(masked); len(found) > 0 {
			t.Fatalf("masked output %q of %q still has findings %v", masked, text, found)
		}
		if bytes.Count(masked, []byte("\n")) != bytes.Count(text, []byte("\n")) {
			t.Fatalf("line count changed: %q -> %q", text, masked)
		}
		if utf8.RuneCount(masked) != utf8.RuneCount(text) {
			t.Fatalf("character count changed: %q -> %q", text, masked)
		}
		orig, got := []rune(string(text)), []rune(string(masked))
		for k := range orig {
			if k < len(got) && got[k] != orig[k] && got[k] != '*' {
				t.Fatalf("character %d changed to %q: %q -> %q", k, got[k], text, masked)
			}
		}
	})
}
