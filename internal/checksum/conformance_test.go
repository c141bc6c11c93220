package checksum

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"testing"
)

// datadogPath is the DataDog SDS validator test data shared beside the
// repository (see its README for provenance, licence and caveats).
const datadogPath = "../../../shared/conformance/datadog-validators.json"

// datadogEquivalents maps a DataDog validator to the functions of this
// package that implement the same check. Validators not listed have no
// equivalent here.
var datadogEquivalents = map[string][]string{
	"AbaRtnChecksum":            {"ABARouting"},
	"BrazilianCnpjChecksum":     {"CNPJ"},
	"BrazilianCpfChecksum":      {"CPF"},
	"FranceSsnChecksum":         {"NIR"},
	"GermanIdsChecksum":         {"GermanDocumentNumber"},
	"IbanChecker":               {"IBAN"},
	"ItalianNationalIdChecksum": {"CodiceFiscale"},
	"LuhnChecksum":              {"Luhn", "CreditCard"},
	"Mod11_10checksum":          {"SteuerID"},
	"NhsCheckDigit":             {"NHS"},
	"NirChecksum":               {"NIR"},
	"SpanishDniChecksum":        {"DNI"},
	"SpanishNussChecksum":       {"NAF"},
	"UkNinoFormatCheck":         {"NINO"},
	"UkTrnChecksum":             {"UTR"},
	"UsDeaChecksum":             {"DEA"},
	"UsNpiChecksum":             {"NPI"},
	"VerhoeffChecksum":          {"Verhoeff"},
}

// datadogException is a DataDog test value that we judge differently.
type datadogException struct {
	validator, function, value string
	ours                       bool // our verdict
	reason                     string
}

// datadogExceptions lists every DataDog verdict we do not share, with the
// reason. The test checks our verdict for each and fails on unused entries.
var datadogExceptions = []datadogException{
	// All zeros passes the 3-7-1 checksum trivially but is no routing
	// number; ABARouting rejects it as a lookalike.
	{"AbaRtnChecksum", "ABARouting", "000000000", false,
		"all-zero value, not an issued routing number"},
	// DataDog skips every non-digit. Underscores are not separators of a
	// CPF or a Steuer-ID, and no pattern hands such a string to a validator.
	{"BrazilianCpfChecksum", "CPF", "083---358___948_____25", false,
		"underscore is not a CPF separator"},
	{"Mod11_10checksum", "SteuerID", "15-203_607/809", false,
		"underscore is not a Steuer-ID separator"},
	// DataDog accepts a German document number without its check digit;
	// the check digit is the only thing GermanDocumentNumber can verify, so
	// it is required.
	{"GermanIdsChecksum", "GermanDocumentNumber", "C01X00T47", false,
		"no check digit"},
	{"GermanIdsChecksum", "GermanDocumentNumber", "C01X00T47D", false,
		"no check digit (D is the nationality)"},
	{"GermanIdsChecksum", "GermanDocumentNumber", "👍lz6311t475", false,
		"non-ASCII bytes before the number; only spaces are ignored"},
	// DataDog's Luhn skips every non-digit, including letters, commas and
	// emoji; Luhn and CreditCard ignore only spaces and hyphens.
	{"LuhnChecksum", "Luhn", "3 7 8 2 8 2 2 4ABC, 6 3 1 🎅0 0 0 5", false,
		"letters, comma and emoji between the digits"},
	{"LuhnChecksum", "CreditCard", "3 7 8 2 8 2 2 4ABC, 6 3 1 🎅0 0 0 5", false,
		"letters, comma and emoji between the digits"},
	// Luhn-valid test numbers of schemes outside CloudWatch's issuer list
	// (American Express, Dankort, Diners Club, Discover, Electron, JCB,
	// Mastercard, UnionPay, Visa). Luhn accepts both.
	{"LuhnChecksum", "CreditCard", "5610591081018250", false,
		"Australian Bankcard (5610): not a listed issuer"},
	{"LuhnChecksum", "CreditCard", "6331101999990016", false,
		"Switch/Solo (6331): not a listed issuer"},
}

type datadogFile struct {
	Validators []struct {
		Validator      string   `json:"validator"`
		Valid          []string `json:"valid"`
		Invalid        []string `json:"invalid"`
		InvalidDerived []string `json:"invalid_derived"`
	} `json:"validators"`
}

func TestDatadogConformance(t *testing.T) {
	data, err := os.ReadFile(datadogPath)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s not found; conformance data is not available", datadogPath)
	}
	if err != nil {
		t.Fatal(err)
	}
	var file datadogFile
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	funcs := make(map[string]func([]byte) bool)
	for _, v := range validators {
		funcs[v.name] = v.fn
	}
	type key struct{ validator, function, value string }
	exceptions := make(map[key]datadogException)
	for _, e := range datadogExceptions {
		exceptions[key{e.validator, e.function, e.value}] = e
	}
	used := make(map[key]bool)
	seen := make(map[string]bool)
	for _, v := range file.Validators {
		names, ok := datadogEquivalents[v.Validator]
		if !ok {
			continue
		}
		seen[v.Validator] = true
		for _, name := range names {
			fn := funcs[name]
			if fn == nil {
				t.Fatalf("%s: no function %s", v.Validator, name)
			}
			check := func(value string, want bool) {
				k := key{v.Validator, name, value}
				note := ""
				if e, ok := exceptions[k]; ok {
					used[k] = true
					want = e.ours
					note = " (exception: " + e.reason + ")"
				}
				if got := fn([]byte(value)); got != want {
					t.Errorf("%s: %s(%q) = %v, want %v%s", v.Validator, name, value, got, want, note)
				}
			}
			for _, s := range v.Valid {
				check(s, true)
			}
			for _, s := range v.Invalid {
				check(s, false)
			}
			for _, s := range v.InvalidDerived {
				check(s, false)
			}
		}
	}
	for name := range datadogEquivalents {
		if !seen[name] {
			t.Errorf("validator %s not found in %s", name, datadogPath)
		}
	}
	for _, e := range datadogExceptions {
		if !used[key{e.validator, e.function, e.value}] {
			t.Errorf("unused exception %s/%s %q", e.validator, e.function, e.value)
		}
	}
}
