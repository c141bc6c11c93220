package detector_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/identifiers"
)

// TestFindOverlappingKeyBlocks is the detector's side of the regression
// test of overlapping private keys (TestMaskOverlappingKeyBlocks in the
// root package): candidates of Block identifiers that overlap take the
// span of their union, one finding per identifier, so that no key's
// material past another is left out of every finding (keys of two labels
// of one identifier included: each label's block is a pattern of its own,
// closed by its own END line); keys that do not overlap, and a key alone,
// are found as before.
func TestFindOverlappingKeyBlocks(t *testing.T) {
	d := catalogDetector(t)
	const (
		rsa  = "MIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9OiMIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi"
		ossh = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW"
	)
	line := func(kind, label string) string { return "-----" + kind + " " + label + "-----\n" }
	rsaBegin, rsaEnd := line("BEGIN", "RSA PRIVATE KEY"), line("END", "RSA PRIVATE KEY")
	osshBegin, osshEnd := line("BEGIN", "OPENSSH PRIVATE KEY"), line("END", "OPENSSH PRIVATE KEY")
	crossed := rsaBegin + rsa + "\n" + osshBegin + ossh + "\n" + rsaEnd + ossh + "\n" + osshEnd
	nested := rsaBegin + rsa + "\n" + osshBegin + ossh + "\n" + osshEnd + rsa + "\n" + rsaEnd
	single := rsaBegin + rsa + "\n" + rsaEnd
	pkcs8 := line("BEGIN", "PRIVATE KEY") + rsa + "\n" + rsaBegin + rsa + "\n" + line("END", "PRIVATE KEY") + rsa + "\n" + rsaEnd
	pastForeignEnd := line("BEGIN", "PRIVATE KEY") + rsa + "\n" + rsaEnd + rsa + "\n" + line("END", "PRIVATE KEY")
	trim := func(s string) string { return strings.TrimSuffix(s, "\n") }
	tests := []struct {
		name, text string
		want       []want
	}{
		{"crossed", "log " + crossed + "ok",
			[]want{{"OpenSshPrivateKey", trim(crossed)}, {"PkcsPrivateKey", trim(crossed)}}},
		{"nested", nested,
			[]want{{"OpenSshPrivateKey", trim(nested)}, {"PkcsPrivateKey", trim(nested)}}},
		{"crossed, two labels of one identifier", pkcs8, []want{{"PkcsPrivateKey", trim(pkcs8)}}},
		{"a PKCS #8 key past an RSA key's END", pastForeignEnd, []want{{"PkcsPrivateKey", trim(pastForeignEnd)}}},
		{"a key alone", single + "ok", []want{{"PkcsPrivateKey", trim(single)}}},
		{"keys one after the other", single + osshBegin + ossh + "\n" + osshEnd,
			[]want{{"PkcsPrivateKey", trim(single)}, {"OpenSshPrivateKey", trim(osshBegin + ossh + "\n" + osshEnd)}}},
		{"a key with no END before a closed one", osshBegin + ossh + "\n" + single,
			[]want{{"OpenSshPrivateKey", osshBegin + ossh}, {"PkcsPrivateKey", trim(single)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := findings(d, tt.text); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("findings\n got  %q\n want %q", got, tt.want)
			}
			if ref := detector.ReferenceFind(d, []byte(tt.text)); fmt.Sprint(ref) != fmt.Sprint(d.FindString(tt.text)) {
				t.Errorf("reference %v, detector %v", ref, d.FindString(tt.text))
			}
		})
	}
}

// TestBlockIdentifiersJoined: two custom identifiers whose values overlap
// are resolved as any others (the stronger, here the longer, kept alone)
// unless both are Block identifiers, whose values then take the span of
// their union; a Block identifier's value is not widened over a value of
// an identifier that is not one.
func TestBlockIdentifiersJoined(t *testing.T) {
	const text = "x <a>11<b>22</a>33</b> y"
	tests := []struct {
		blockA, blockB bool
		want           []want
	}{
		{false, false, []want{{"B", "<b>22</a>33</b>"}}},
		{true, false, []want{{"B", "<b>22</a>33</b>"}}},
		{false, true, []want{{"B", "<b>22</a>33</b>"}}},
		{true, true, []want{{"A", "<a>11<b>22</a>33</b>"}, {"B", "<a>11<b>22</a>33</b>"}}},
	}
	for _, tt := range tests {
		a := &identifiers.Identifier{Name: "A", Patterns: []identifiers.Pattern{{Expr: `<a>.*?</a>`}}, Block: tt.blockA}
		b := &identifiers.Identifier{Name: "B", Patterns: []identifiers.Pattern{{Expr: `<b>.*?</b>`}}, Block: tt.blockB}
		d, err := detector.Compile([]*identifiers.Identifier{a, b})
		if err != nil {
			t.Fatal(err)
		}
		if got := findings(d, text); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Block A %v, B %v: findings %q, want %q", tt.blockA, tt.blockB, got, tt.want)
		}
	}
}
