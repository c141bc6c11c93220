package identifiers

import "github.com/piiguard/piiguard/internal/checksum"

// health holds protected health information (PHI).
var health = []*Identifier{
	{
		Name:            "DrugEnforcementAgencyNumber-US",
		Category:        Health,
		Country:         "US",
		Patterns:        []Pattern{{Expr: `[A-Z][A-Z9][0-9]{7}`}},
		Keywords:        []string{"dea number", "dea registration"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "DEA check digit", Check: checksum.DEA},
		Format:          "registrant type letter, a letter (or 9) and 7 digits, the last (d1+d3+d5 + 2(d2+d4+d6)) mod 10",
	},
	{
		Name:     "HealthInsuranceCardNumber-EU",
		Category: Health,
		Country:  "EU",
		Patterns: []Pattern{
			{Expr: `80[0-9]{18}|80[0-9]{2}(?: [0-9]{4}){4}`, Standalone: true},
		},
		Keywords:        []string{"assicurazione sanitaria numero", "carta assicurazione numero", "carte d’assurance maladie", "carte européenne d'assurance maladie", "ceam", "ehic", "ehic#", "finlandehicnumber#", "gesundheitskarte", "hälsokort", "health card", "health card number", "health insurance card", "health insurance number", "insurance card number", "krankenversicherungskarte", "krankenversicherungsnummer", "medical account number", "numero conto medico", "numéro d’assurance maladie", "numéro de carte d’assurance", "numéro de compte medical", "número de cuenta médica", "número de seguro de salud", "número de tarjeta de seguro", "sairaanhoitokortin", "sairausvakuutuskortti", "sairausvakuutusnumero", "sjukförsäkring nummer", "sjukförsäkringskort", "suomi ehic-numero", "tarjeta de salud", "terveyskortti", "tessera sanitaria assicurazione numero", "versicherungsnummer"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "ISO/IEC 7812 health card prefix 80 and an EHIC country", Check: checksum.EHIC},
		Format:          "EHIC card number (field 8): 20 digits, ISO/IEC 7812 prefix 80 and the ISO 3166 numeric code of an EU/EEA country, Switzerland or the UK (80276... for Germany), plain or in groups of 4",
	},
	{
		Name:     "HealthInsuranceClaimNumber-US",
		Category: Health,
		Country:  "US",
		Patterns: []Pattern{
			{Expr: `[0-9]{3}-[0-9]{2}-[0-9]{4}[ -]?[A-Z][0-9A-Z]?|[0-9]{3} [0-9]{2} [0-9]{4} ?[A-Z][0-9A-Z]?|[0-9]{9}[A-Z][0-9A-Z]?`, Validator: &Validator{Name: "SSN rules and beneficiary identification code", Check: checksum.HICN}},
			{Expr: `(?:WCA|WCD|WCH|MA|WA|CA|WD|MD|MH|WH|PA|PD|PH|JA|A|H)[0-9]{6}(?:[0-9]{3})?`},
		},
		Keywords:        []string{"health insurance claim number", "hic no", "hic no.", "hic number", "hic#", "hicn", "hicn#", "hicno#"},
		KeywordRequired: true,
		Format:          "HICN: the beneficiary's SSN (9 digits, SSA rules) and a beneficiary identification code (A-H, J, K, M, T, W, optionally a digit or letter: 123-45-6789A, 123456789C1); or a Railroad Retirement Board number (prefix A, MA, WA, CA, WD, ... and 6 or 9 digits)",
	},
	{
		Name:            "HealthInsuranceNumber-FR",
		Category:        Health,
		Country:         "FR",
		Patterns:        []Pattern{{Expr: nirExpr, Standalone: true}},
		Keywords:        []string{"carte d'assuré social", "carte vitale", "insurance card"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "NIR key (97 - n mod 97)", Check: checksum.NIR},
		Format:          "carte Vitale number, the holder's " + nirFormat,
	},
	{
		Name:     "HealthcareProcedureCode-US",
		Category: Health,
		Country:  "US",
		Patterns: []Pattern{
			{Expr: `[ABCEGHJ-MP-V][0-9]{4}|[0-9]{4}[FTU]`},
			{Expr: `[0-9]{5}`, Standalone: true, Validator: &Validator{Name: "CPT range 00100-99607", Check: checksum.CPT}},
		},
		Keywords:        []string{"current procedural terminology", "hcpcs", "healthcare common procedure coding system"},
		KeywordRequired: true,
		Format:          "HCPCS Level II: a letter (A-C E G-H J-M P-V) and 4 digits; CPT: 5 digits 00100-99607, or 4 digits and F (Category II), T (Category III) or U (PLA)",
	},
	{
		Name:            "MedicareBeneficiaryNumber-US",
		Category:        Health,
		Country:         "US",
		Patterns:        []Pattern{{Expr: `(?i:[1-9][A-Z][0-9A-Z][0-9][ -]?[A-Z][0-9A-Z][0-9][ -]?[A-Z]{2}[0-9]{2})`}},
		Keywords:        []string{"mbi", "medicare beneficiary"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "CMS MBI character positions", Check: checksum.MBI},
		Format:          "MBI: 11 characters C A AN N A AN N A A N N (1EG4-TE5-MK73), letters other than S L O I B Z; spaces or hyphens allowed",
	},
	{
		Name:            "NationalDrugCode-US",
		Category:        Health,
		Country:         "US",
		Patterns:        []Pattern{{Expr: `[0-9]{4}-[0-9]{4}-[0-9]{2}|[0-9]{5}-[0-9]{3,4}-[0-9]{1,2}|[0-9]{10,11}`, Standalone: true}},
		Keywords:        []string{"national drug code", "ndc"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "FDA NDC segment shapes", Check: checksum.NDC},
		Format:          "labeler-product-package 4-4-2, 5-3-2, 5-4-1 or 5-4-2 with hyphens, or 10 or 11 digits; not all zeros",
	},
	{
		Name:            "NationalProviderId-US",
		Category:        Health,
		Country:         "US",
		Patterns:        []Pattern{{Expr: `[12][0-9]{9}|[12][0-9]{3}[ -][0-9]{3}[ -][0-9]{3}`, Standalone: true}},
		Keywords:        []string{"hipaa", "n.p.i.", "national provider", "npi"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "Luhn with prefix 80840", Check: checksum.NPI},
		Format:          "10 digits starting 1 or 2 (plain or 4-3-3), Luhn check digit over 80840 and the first 9",
	},
	{
		Name:            "NhsNumber-GB",
		Category:        Health,
		Country:         "GB",
		Patterns:        []Pattern{{Expr: `[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{4}`, Standalone: true}},
		Keywords:        []string{"national health service", "NHS"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "NHS modulus 11", Check: checksum.NHS},
		Format:          "10 digits (NNN NNN NNNN; spaces or hyphens optional), modulus 11 check digit (weights 10 to 2), one repeated digit rejected",
	},
	{
		Name:     "PersonalHealthNumber-CA",
		Category: Health,
		Country:  "CA",
		Patterns: []Pattern{
			{Expr: `9[0-9]{3} ?[0-9]{3} ?[0-9]{3}`, Standalone: true, Validator: &Validator{Name: "BC PHN mod 11", Check: checksum.BCPHN}},
			{Expr: `[1-9][0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{3}(?:[ -]?[A-Z]{2})?`, Standalone: true, Validator: &Validator{Name: "Ontario health number Luhn", Check: checksum.OntarioHealthNumber}},
			{Expr: `[A-Z]{4} ?[0-9]{4} ?[0-9]{4}`, Validator: &Validator{Name: "RAMQ birth date", Check: checksum.RAMQ}},
			{Expr: `[1-9][0-9]{2}[ -]?[0-9]{3}[ -]?[0-9]{3}|[1-9][0-9]{4}-[0-9]{4}`, Standalone: true},
		},
		Keywords:        []string{"canada healthcare number", "msp number", "care number", "phn", "soins de santé", "personal health number", "health card number", "health card no", "health number", "ohip", "ohip number", "ramq", "carte soleil", "phin", "ahcip"},
		KeywordRequired: true,
		// A bare 9-digit number near these keywords is a health number of
		// Alberta, Saskatchewan, Manitoba or New Brunswick, which carry no
		// published check digit.
		Format: "British Columbia PHN (10 digits starting 9, mod 11), Ontario health number (10 digits, Luhn, optional 2-letter version code), Quebec RAMQ number (4 letters, birth year, month +50 for women, day, 2 digits), or the 9-digit numbers of Alberta (NNNNN-NNNN), Saskatchewan, Manitoba and New Brunswick",
	},
}
