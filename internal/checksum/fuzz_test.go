package checksum

import (
	"strings"
	"testing"
)

func FuzzValidators(f *testing.F) {
	for _, c := range validatorCases {
		for _, s := range c.valid {
			f.Add([]byte(s))
		}
		for _, s := range c.invalid {
			f.Add([]byte(s))
		}
	}
	f.Add([]byte(strings.Repeat("9", 1<<12)))
	f.Add([]byte("\xff\xfe\x00"))
	f.Fuzz(func(t *testing.T, value []byte) {
		orig := string(value)
		for _, v := range validators {
			first := v.fn(value)
			if second := v.fn(value); first != second {
				t.Errorf("%s(%q) = %v, then %v", v.name, value, first, second)
			}
			if string(value) != orig {
				t.Fatalf("%s modified its input", v.name)
			}
		}
		country, ok := IBANCountry(value)
		if ok != IBAN(value) || (ok && !IBANFor(country)(value)) {
			t.Errorf("IBANCountry(%q) = %q, %v; IBAN = %v", value, country, ok, IBAN(value))
		}
	})
}
