package detector_test

import (
	"fmt"
	"testing"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/identifiers"
)

// TestIssue13_DetectorOwnsItsInputs (issue 13 item 1): changing the
// identifiers after Compile, or those Identifiers returns, changes no scan.
func TestIssue13_DetectorOwnsItsInputs(t *testing.T) {
	const text = "ssn 536-22-1234 card 4929 3812 6548 1006 EMP-123456"
	ssn, _ := identifiers.Lookup("Ssn-US")
	card, _ := identifiers.Lookup("CreditCardNumber")
	emp, err := identifiers.NewCustom("Emp", `EMP-[0-9]{6}`)
	if err != nil {
		t.Fatal(err)
	}
	ids := []*identifiers.Identifier{ssn, card, emp}
	d, err := detector.Compile(ids)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprint(d.FindString(text))
	if len(d.FindString(text)) != 3 {
		t.Fatalf("findings before the change: %s", want)
	}
	for _, set := range [][]*identifiers.Identifier{ids, d.Identifiers()} {
		for _, id := range set {
			id.Name = "Changed"
			id.NeverReported = append(id.NeverReported, "536221234", "4929381265481006", "EMP-123456")
			id.Confidence, id.KeywordRequired, id.Window = 0.01, true, 1
			id.Keywords = append(id.Keywords[:0], "zzz")
			if id.Validator != nil {
				id.Validator.Check = func([]byte) bool { return false }
			}
			for i := range id.Patterns {
				id.Patterns[i].Expr, id.Patterns[i].Standalone = "zzz", true
			}
		}
		if got := fmt.Sprint(d.FindString(text)); got != want {
			t.Errorf("findings after the change: %s, want %s", got, want)
		}
	}
	for _, id := range d.Identifiers() {
		if id.Name == "Changed" {
			t.Error("Identifiers returns the detector's own identifier")
		}
	}
}
