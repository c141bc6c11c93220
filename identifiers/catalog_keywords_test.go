package identifiers

import (
	"slices"
	"strings"
	"testing"
)

// The catalog writes its keyword lists as []string literals, which the
// compiler lays out as data: split from comma-separated text, they were
// code that every program ran at start-up. Some lists are shared by several
// identifiers; TestSharedKeywordLists keeps them shared.

// phoneKeywords are shared by the phone numbers of every country
// (docs/cloudwatch-reference.md, Phone numbers).
const phoneKeywords = "cell, contact, fax, fax number, mobile, phone, phone number, tel, telephone, telephone number"

// driversLicenseKeywordsGB are shared by US and UK driver's licences
// (docs/cloudwatch-reference.md, Driver's licences). They are also the
// English words for a driver's licence, which Microsoft Purview accepts
// beside every EU country's own (its Keywords_eu_driver's_license_number);
// only identifiers whose check characters tell them apart from other
// countries' numbers use them.
const driversLicenseKeywordsGB = "dl#, dl:, dlno#, driver licence, driver licences, driver license, driver licenses, driver permit, drivers lic., drivers licence, driver's licence, drivers licences, driver's licences, drivers license, driver's license, drivers licenses, driver's licenses, drivers permit, driver's permit, drivers permit number, driving licence, driving license, driving permit"

// spanishTaxKeywords are shared by Spain's tax and foreigner numbers.
const spanishTaxKeywords = "cif, cif número, cifnúmero#, nie, nif, número de contribuyente, número de identidad de extranjero, número de identificación fiscal, número de impuesto corporativo, personal tax number, tax id, tax identification number, tax number, tin, tin#"

// splitKeywords splits a comma-separated keyword list, as the reference
// writes them, trimming spaces.
func splitKeywords(list string) []string {
	var out []string
	for _, k := range strings.Split(list, ",") {
		if k = strings.Trim(k, " "); k != "" {
			out = append(out, k)
		}
	}
	return out
}

func TestSharedKeywordLists(t *testing.T) {
	for _, c := range []struct {
		list string
		ids  []string
	}{
		{phoneKeywords, []string{"PhoneNumber-BR", "PhoneNumber-DE", "PhoneNumber-ES", "PhoneNumber-FR", "PhoneNumber-GB", "PhoneNumber-IT", "PhoneNumber-US"}},
		{driversLicenseKeywordsGB, []string{"DriversLicense-CA", "DriversLicense-DE", "DriversLicense-FI", "DriversLicense-GB", "DriversLicense-SE", "DriversLicense-US"}},
		{spanishTaxKeywords, []string{"NieNumber-ES", "NifNumber-ES", "TaxId-ES"}},
	} {
		shared := splitKeywords(c.list)
		for _, name := range c.ids {
			id, ok := Lookup(name)
			if !ok {
				t.Errorf("%s: not in the catalog", name)
				continue
			}
			if !containsRun(id.Keywords, shared) {
				t.Errorf("%s: keywords %q do not hold the shared list %q in order", name, id.Keywords, shared)
			}
		}
	}
}

// containsRun reports whether run occurs in list as consecutive elements.
func containsRun(list, run []string) bool {
	for i := 0; i+len(run) <= len(list); i++ {
		if slices.Equal(list[i:i+len(run)], run) {
			return true
		}
	}
	return false
}
