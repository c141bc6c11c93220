package piiguard_test

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/identifiers"
)

func newScanner(t testing.TB, cfg piiguard.Config) *piiguard.Scanner {
	t.Helper()
	s, err := piiguard.NewScanner(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// fragments from which random texts are built: values, keywords, separators
// and noise, so that values meet keywords and each other in many ways.
var fragments = []string{
	"ssn ", "536-22-1234", " card ", "4929 3812 6548 1006", "4929381265481006", "jane@example.com", " 10.0.0.1",
	" +1 415 555 2671", " phone ", "(212) 555-0199", "dob ", "1985-07-23", " vin ", "1M8GDM9AXKP042788",
	"K1A 0B1", " ", "-", ".", ":", "@", "é", "\xff", "\x00", "\r\n", "0", "12", "2001:db8::1:2", " iban ",
	"GB29 NWBK 6016 1331 9268 19", "aws_secret_access_key=", "Zx9kQ2mN8pL4vR7tY1wB3cE6fH0jS5uA9dG2iK4o",
	" cvv ", "381", " zip code ", "94105", "position ", "41.948614,-87.655311", "+44 20 7946 0958",
	"-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAK\n-----END RSA PRIVATE KEY-----",
}

func randomText(r *rand.Rand) string {
	var b strings.Builder
	for n := r.IntN(16); n >= 0; n-- {
		b.WriteString(fragments[r.IntN(len(fragments))])
	}
	return b.String()
}

// TestMaskedOutputHasNoFindings is the masking property: masking any text
// and scanning the result with the same identifiers finds nothing, and
// asterisk masking changes only the bytes of findings.
func TestMaskedOutputHasNoFindings(t *testing.T) {
	s := newScanner(t, piiguard.Config{})
	r := rand.New(rand.NewPCG(7, 11))
	for i := 0; i < 5000; i++ {
		text := randomText(r)
		masked := s.MaskString(text)
		if f := s.ScanString(masked); len(f) > 0 {
			t.Fatalf("masked output still has findings %v\n text: %q\n mask: %q", f, text, masked)
		}
		if strings.Count(masked, "\n") != strings.Count(text, "\n") {
			t.Fatalf("line count changed: %q -> %q", text, masked)
		}
		// Every character is kept or masked, one for one, and the values
		// found in the text are masked whole.
		orig, got := []rune(text), []rune(masked)
		if len(orig) != len(got) {
			t.Fatalf("rune count changed: %q -> %q", text, masked)
		}
		for k := range orig {
			if got[k] != orig[k] && got[k] != '*' {
				t.Fatalf("character %d changed to %q: %q -> %q", k, got[k], text, masked)
			}
		}
		for _, f := range s.ScanString(text) {
			start := utf8.RuneCountInString(text[:f.Start])
			for k := start; k < start+utf8.RuneCountInString(text[f.Start:f.End]); k++ {
				if got[k] != '*' && got[k] != '\n' && got[k] != '\r' {
					t.Fatalf("finding %v not masked: %q -> %q", f, text, masked)
				}
			}
		}
	}
}

func TestNewScannerErrors(t *testing.T) {
	c1, _ := identifiers.NewCustom("A", "a+")
	tests := []struct {
		cfg  piiguard.Config
		want string
	}{
		{piiguard.Config{Identifiers: []string{"Ssn-UK"}}, `unknown managed identifier "Ssn-UK"`},
		{piiguard.Config{Custom: []*identifiers.Identifier{c1, c1}}, "duplicate custom identifier"},
		{piiguard.Config{Custom: make11()}, "more than 10 custom identifiers"},
	}
	for _, tt := range tests {
		_, err := piiguard.NewScanner(tt.cfg)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("NewScanner: error %v, want %q", err, tt.want)
		}
	}
}

func make11() []*identifiers.Identifier {
	var out []*identifiers.Identifier
	for i := 0; i < 11; i++ {
		c, _ := identifiers.NewCustom("C"+string(rune('a'+i)), "x")
		out = append(out, c)
	}
	return out
}

func TestScanOnlyNamedIdentifiers(t *testing.T) {
	s := newScanner(t, piiguard.Config{Identifiers: []string{"EmailAddress"}})
	got := s.MaskString("ssn 536-22-1234 mail a@example.com")
	if want := "ssn 536-22-1234 mail *************"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
