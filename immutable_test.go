package piiguard_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/identifiers"
)

// TestIssue12_ScannerOwnsItsInputs (issue 12 item 5, issue 13 item 1):
// every input a Scanner is compiled from is changed after NewScanner
// (custom identifiers, the policy and its extensions, the identifiers the
// Scanner hands out) while other goroutines scan; the findings and masks
// stay what they were. Under -race this also shows that no scan reads
// memory the caller writes.
func TestIssue12_ScannerOwnsItsInputs(t *testing.T) {
	const text = "EMP-123456 ssn 536-22-1234 card 4111 1111 1111 1111 mail jane@example.com TKT-777"
	newCustom := func() []*identifiers.Identifier {
		emp, err := identifiers.NewCustom("Emp", `EMP-[0-9]{6}`)
		if err != nil {
			t.Fatal(err)
		}
		tkt, err := identifiers.NewCustom("Tkt", `TKT-[0-9]{3}`)
		if err != nil {
			t.Fatal(err)
		}
		return []*identifiers.Identifier{emp, tkt}
	}
	policyJSON := `{"Name":"p","Version":"2021-06-01","Statement":[
	 {"Sid":"audit","DataIdentifier":["arn:aws:dataprotection::aws:data-identifier/Ssn-US","arn:aws:dataprotection::aws:data-identifier/EmailAddress","Emp"],
	  "Operation":{"Audit":{"FindingsDestination":{}}}},
	 {"Sid":"redact","DataIdentifier":["arn:aws:dataprotection::aws:data-identifier/Ssn-US","arn:aws:dataprotection::aws:data-identifier/EmailAddress","Emp"],
	  "Operation":{"Deidentify":{"MaskConfig":{}}}}],
	 "Configuration":{"CustomDataIdentifier":[{"Name":"Emp","Regex":"EMP-[0-9]{6}"}]},
	 "PiiGuard":{"AllowList":{"Values":["jane@example.com"]},"Identifiers":{"Ssn-US":{"Keywords":["ssn"]}}}}`

	mutate := func(ids []*identifiers.Identifier) {
		for _, id := range ids {
			id.Name = "Changed"
			id.NeverReported = append(id.NeverReported[:0], "536221234", "EMP-123456", "4111111111111111")
			id.Confidence = 0.01
			id.KeywordRequired = true
			id.Keywords = append(id.Keywords[:0], "nothing-like-this")
			id.Window = 1
			for i := range id.Patterns {
				id.Patterns[i].Expr = "zzz"
				id.Patterns[i].NeedsKeyword = true
				if v := id.Patterns[i].Validator; v != nil {
					v.Check = func([]byte) bool { return false }
				}
			}
			if id.Validator != nil {
				id.Validator.Check = func([]byte) bool { return false }
			}
			id.Validator = &identifiers.Validator{Name: "none", Check: func([]byte) bool { return false }}
		}
	}

	tests := []struct {
		name   string
		config func() (piiguard.Config, func())
	}{
		{"custom identifiers", func() (piiguard.Config, func()) {
			custom := newCustom()
			return piiguard.Config{Identifiers: []string{"Ssn-US", "EmailAddress", "CreditCardNumber"}, Custom: custom},
				func() { mutate(custom) }
		}},
		{"policy", func() (piiguard.Config, func()) {
			p, err := piiguard.ParsePolicy([]byte(policyJSON))
			if err != nil {
				t.Fatal(err)
			}
			return piiguard.Config{Policy: p}, func() {
				mutate(p.Custom)
				p.Managed = append(p.Managed[:0], "CreditCardNumber")
				p.Extensions.AllowList.Values[0] = "nothing"
				p.Extensions.AllowList.Values = append(p.Extensions.AllowList.Values, "536-22-1234")
				for name, st := range p.Extensions.Identifiers {
					st.Keywords = append(st.Keywords[:0], "zzz")
					p.Extensions.Identifiers[name] = st
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, change := tt.config()
			s := newScanner(t, cfg)
			want := fmt.Sprint(s.ScanString(text))
			wantMask := s.MaskString(text)
			if !strings.Contains(want, "Ssn-US") || !strings.Contains(want, "Emp") {
				t.Fatalf("findings before the change miss the values under test: %s", want)
			}
			var wg sync.WaitGroup
			stop := make(chan struct{})
			errs := make(chan string, 4)
			for range 2 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for {
						select {
						case <-stop:
							return
						default:
						}
						if got := fmt.Sprint(s.ScanString(text)); got != want {
							select {
							case errs <- got:
							default:
							}
							return
						}
					}
				}()
			}
			change()
			mutate(s.Identifiers())
			close(stop)
			wg.Wait()
			close(errs)
			for got := range errs {
				t.Errorf("a concurrent scan changed: %s, want %s", got, want)
			}
			if got := fmt.Sprint(s.ScanString(text)); got != want {
				t.Errorf("findings after changing the inputs: %s, want %s", got, want)
			}
			if got := s.MaskString(text); got != wantMask {
				t.Errorf("mask after changing the inputs: %q, want %q", got, wantMask)
			}
			for _, id := range s.Identifiers() {
				if id.Name == "Changed" {
					t.Errorf("Identifiers returns the changed copy")
				}
			}
		})
	}
}

// TestIssue12_NilCustomIdentifier: a nil custom identifier is an error
// naming its index, not a panic.
func TestIssue12_NilCustomIdentifier(t *testing.T) {
	emp, err := identifiers.NewCustom("Emp", `EMP-[0-9]{6}`)
	if err != nil {
		t.Fatal(err)
	}
	for _, custom := range [][]*identifiers.Identifier{{nil}, {emp, nil}} {
		_, err := piiguard.NewScanner(piiguard.Config{Custom: custom})
		if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("Custom[%d] is nil", len(custom)-1)) {
			t.Errorf("NewScanner with a nil custom identifier: %v", err)
		}
	}
}

// TestIssue11_EveryIdentifierAuditedAndMasked: a value that two enabled
// identifiers match is audited under both, counted in the metrics of both,
// and masked once.
func TestIssue11_EveryIdentifierAuditedAndMasked(t *testing.T) {
	s := newScanner(t, piiguard.Config{Identifiers: []string{"PassportNumber-US", "PassportNumber-GB"}})
	const event = "passport number 912803456 checked"
	r := s.Audit([]byte(event))
	if r == nil || len(r.DataIdentifiers) != 2 {
		t.Fatalf("audit report %+v, want two identifiers", r)
	}
	for _, d := range r.DataIdentifiers {
		if d.Count != 1 || d.Detections[0].Start != 16 || d.Detections[0].End != 25 {
			t.Errorf("%s: %+v", d.Name, d)
		}
	}
	m := s.Metrics()
	if m.ByIdentifier["PassportNumber-US"] != 1 || m.ByIdentifier["PassportNumber-GB"] != 1 {
		t.Errorf("metrics %+v", m)
	}
	if got, want := s.MaskString(event), "passport number ********* checked"; got != want {
		t.Errorf("mask %q, want %q", got, want)
	}
}
