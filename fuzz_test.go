package piiguard_test

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/mask"
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

// fuzzKey is the key of the fuzz targets' hash and token maskers.
var fuzzKey = []byte("piiguard fuzz key, 32 bytes long")

// everyIdentifier names every identifier of the catalog, extensions
// included.
func everyIdentifier() []string {
	var names []string
	for _, id := range identifiers.Catalog() {
		names = append(names, id.Name)
	}
	return names
}

// FuzzTokenRoundTrip checks the reversible masking end to end, with every
// identifier enabled: masking arbitrary text with tokens and unmasking the
// result gives the text back exactly (no token is ever masked again, and
// what rescans find is tokenized too); the masked text, scanned again,
// has no finding. Text that already holds "<pii:" is masked but not
// required to round-trip (unmasking would open that text too).
func FuzzTokenRoundTrip(f *testing.F) {
	for _, s := range fragments {
		f.Add([]byte(s))
	}
	f.Add([]byte("aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzz9AmpLe7q secret key"))
	f.Add([]byte("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHC\n-----END RSA PRIVATE KEY-----"))
	tk, err := mask.NewTokenizer(fuzzKey)
	if err != nil {
		f.Fatal(err)
	}
	s, err := piiguard.NewScanner(piiguard.Config{Identifiers: everyIdentifier(), Masker: tk})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		masked := s.Mask(text)
		if found := s.Scan(masked); len(found) > 0 {
			t.Fatalf("masked output %q of %q still has findings %v", masked, text, found)
		}
		if bytes.Contains(text, []byte(mask.TokenPrefix)) {
			return
		}
		back, err := tk.Unmask(masked)
		if err != nil || !bytes.Equal(back, text) {
			t.Fatalf("unmask(mask(%q)) = %q, %v (masked %q)", text, back, err, masked)
		}
	})
}

// FuzzMaskStyles checks that the output of every mask style, scanned
// again with every identifier enabled, has no finding: no style writes
// something a scan takes for a value (hash and token digests are letters
// only), and the rescans leave none beside the masks.
func FuzzMaskStyles(f *testing.F) {
	for i, s := range fragments {
		f.Add([]byte(s), uint8(i))
	}
	tk, err := mask.NewTokenizer(fuzzKey)
	if err != nil {
		f.Fatal(err)
	}
	h, err := mask.NewHash(fuzzKey, mask.HashOptions{})
	if err != nil {
		f.Fatal(err)
	}
	h8, err := mask.NewHash(fuzzKey, mask.HashOptions{Length: mask.MinHashLength})
	if err != nil {
		f.Fatal(err)
	}
	maskers := []mask.Masker{mask.Asterisk, tk, h, h8, mask.Placeholder(""), mask.Redact,
		mask.Partial{KeepLast: 4}, mask.Partial{KeepFirst: 6, KeepLast: 4, Char: 'X'}}
	scanners := make([]*piiguard.Scanner, len(maskers))
	for i, m := range maskers {
		if scanners[i], err = piiguard.NewScanner(piiguard.Config{Identifiers: everyIdentifier(), Masker: m}); err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, text []byte, style uint8) {
		s := scanners[int(style)%len(scanners)]
		masked := s.Mask(text)
		if found := s.Scan(masked); len(found) > 0 {
			t.Fatalf("style %d: masked output %q of %q still has findings %v", int(style)%len(scanners), masked, text, found)
		}
	})
}
