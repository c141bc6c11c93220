package identifiers

import "github.com/piiguard/piiguard/internal/checksum"

const (
	day   = `(?:3[01]|[12][0-9]|0?[1-9])`
	month = `(?:1[0-2]|0?[1-9])`
	year4 = `(?:19|20)[0-9]{2}`
)

var personal = []*Identifier{
	{
		Name:     "DateOfBirth",
		Category: Personal,
		Patterns: []Pattern{
			{Expr: year4 + `[-/. ]` + month + `[-/. ]` + day},
			{Expr: `[0-9]{1,2}[-/. ][0-9]{1,2}[-/. ](?:19|20)?[0-9]{2}`},
			{Expr: day + `(?:st|nd|rd|th)?[ -]` + monthNames + `\.?,?[ -]` + year4},
			{Expr: monthNames + `\.? ` + day + `(?:st|nd|rd|th)?,? ` + year4},
		},
		Keywords:        []string{"dob", "date of birth", "birthdate", "birth date", "birthday", "b-day", "bday"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "calendar date", Check: checksum.Date},
		Format:          "a calendar date: Y-M-D, D/M/Y, M/D/Y (two- or four-digit years), D Month Y, Month D, Y; separators space, / . or -",
	},
	{
		Name:       "EmailAddress",
		Category:   Personal,
		Patterns:   []Pattern{{Expr: `[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}(?:xn--[A-Za-z0-9-]{0,58}[A-Za-z0-9]|[A-Za-z]{2,24})`}},
		Confidence: 0.9,
		Format:     "local-part@domain with a top-level domain of 2-24 letters or an internationalized (xn--) one",
	},
	{
		Name:            "LatLong",
		Category:        Personal,
		Patterns:        []Pattern{{Expr: `[-+]?[0-9]{1,2}\.[0-9]{1,10}(?: ?, ?| )[-+]?[0-9]{1,3}\.[0-9]{1,10}`}},
		Keywords:        []string{"coordinate", "coordinates", "lat long", "latitude longitude", "location", "position"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "latitude in [-90, 90], longitude in [-180, 180]", Check: checksum.LatLong},
		Format:          "decimal-degree pair lat,lon (comma or space) with decimals, in range",
	},
	{
		Name:     "PhoneNumber-GB",
		Category: Personal,
		Country:  "GB",
		Patterns: []Pattern{
			{Expr: `\+44[ -]?(?:\(0\)[ -]?)?[1-9](?:[ -]?[0-9]){8,9}`},
			{Expr: `0[1-9](?:[ -]?[0-9]){8,9}`, NeedsKeyword: true},
			{Expr: `\(0[1-9][0-9]{1,3}\)[ -]?[0-9]{3,4}[ -]?[0-9]{3,4}`, NeedsKeyword: true},
		},
		Keywords:   []string{"cell", "contact", "fax", "fax number", "mobile", "phone", "phone number", "tel", "telephone", "telephone number"},
		Confidence: 0.7,
		Format:     "+44 and 9-10 digits, or, near a keyword, a national number 0 + 9-10 digits; spaces, hyphens, (0) and (area code) allowed",
	},
	{
		Name:     "PhoneNumber-US",
		Category: Personal,
		Country:  "US",
		Patterns: []Pattern{
			{Expr: `\+1[ .-]?\(?[2-9][0-9]{2}\)?[ .-]?[2-9][0-9]{2}[ .-]?[0-9]{4}`},
			{Expr: `(?:1[ .-]?)?\(?[2-9][0-9]{2}\)?[ .-]?[2-9][0-9]{2}[ .-]?[0-9]{4}`, NeedsKeyword: true},
		},
		Keywords:   []string{"cell", "contact", "fax", "fax number", "mobile", "phone", "phone number", "tel", "telephone", "telephone number"},
		Validator:  &Validator{Name: "NANP numbering plan", Check: checksum.NANP},
		Confidence: 0.65,
		Format:     "+1 and a 10-digit NANP number, or, near a keyword, the 10-digit number alone (toll-free and fax included); area and exchange codes start with 2-9",
	},
	{
		Name:     "PostalCode-CA",
		Category: Personal,
		Country:  "CA",
		Patterns: []Pattern{
			{Expr: `[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] ?[0-9][ABCEGHJ-NPRSTV-Z][0-9]`},
			// In lower case only with the space between the halves and
			// beside a keyword: the postal words, or the country or a
			// province written in the address. Trying every lower-case
			// letter followed by a digit in all text costs the whole
			// catalog 8-10% of its speed on loghub (measured).
			{Expr: `[abceghj-nprstvxy][0-9][abceghj-nprstv-z] [0-9][abceghj-nprstv-z][0-9]`, NeedsKeyword: true},
		},
		// The words written beside a Canadian postal code: the postal words,
		// Canada Post's own name, and the country and province names that
		// come before it in an address (Canada Post's Addressing Guidelines:
		// municipality, province, postal code, country). Province
		// abbreviations (ON, QC, ...) are not among them: "on" is an English
		// word.
		Keywords:   []string{"postal code", "postcode", "code postal", "zip", "zip code", "canada post", "postes canada", "canada", "alberta", "british columbia", "colombie-britannique", "manitoba", "new brunswick", "nouveau-brunswick", "newfoundland", "terre-neuve", "nova scotia", "nouvelle-écosse", "ontario", "prince edward island", "île-du-prince-édouard", "quebec", "québec", "saskatchewan", "northwest territories", "territoires du nord-ouest", "nunavut", "yukon"},
		Confidence: 0.6,
		Format:     "A1A 1A1 (Canada Post letters: no D F I O Q U; W and Z not first), the space optional; in lower case only with the space and beside a keyword (postal words, Canada, a province)",
	},
	{
		Name:            "PassportNumber-US",
		Category:        Personal,
		Country:         "US",
		Patterns:        []Pattern{{Expr: `[A-Z][0-9]{8}|[0-9]{9}`, Standalone: true}},
		Keywords:        []string{"passport", "travel document"},
		KeywordRequired: true,
		Format:          "9 digits, or a letter and 8 digits (Next Generation passport)",
	},
	{
		Name:     "DriversLicense-US",
		Category: Personal,
		Country:  "US",
		Patterns: []Pattern{
			// A letter or two and digits (CA, FL, IL, MD, MI, MN, NJ, WI, ...),
			// digits (TX, PA, NY, GA, NC, ...), as the states print them.
			{Expr: `[A-Z]{1,2}[0-9]{5,14}`},
			{Expr: `[0-9]{11,12}|` + tenDigitsNotUnixTime + `|[0-9]{7,9}`, Standalone: true, WordChars: "-"},
			{Expr: `[A-Z][0-9]{3}-[0-9]{3}-[0-9]{2}-[0-9]{3}-[0-9]|[A-Z][0-9]{3}(?:[ -][0-9]{4}){2}(?:[ -][0-9]{2})?|[A-Z][0-9]{3}(?:[ -][0-9]{3,4}){2,3}|[A-Z]-[0-9]{3}-[0-9]{3}-[0-9]{3}-[0-9]{3}|[A-Z] [0-9]{3} [0-9]{3} [0-9]{3} [0-9]{3}|[A-Z][0-9]{4} [0-9]{5} [0-9]{5}|K[0-9]{2}-[0-9]{2}-[0-9]{4}`},
			{Expr: `[0-9]{3} [0-9]{3} [0-9]{3}|[0-9]{6}-[0-9]{3}|[0-9]{2}-[0-9]{3}-[0-9]{4}`, Standalone: true},
			{Expr: `NHL[0-9]{8}|[0-9]{2}[A-Z]{3}[0-9]{5}|[0-9]{3}[A-Z]{2}[0-9]{4}|[A-Z]{2}[0-9]{6}[A-Z]|[A-Z]{3}[0-9]{6}|[0-9]{7}A|[0-9]{9}[A-Z]|[0-9]{8}[A-Z]{2}|[A-Z][0-9]{6}R|WDL[0-9A-Z]{9}|[0-9]{3}[A-Z][0-9]{6}`},
		},
		Keywords:        []string{"dl#", "dl:", "dlno#", "driver licence", "driver licences", "driver license", "driver licenses", "driver permit", "drivers lic.", "drivers licence", "driver's licence", "drivers licences", "driver's licences", "drivers license", "driver's license", "drivers licenses", "driver's licenses", "drivers permit", "driver's permit", "drivers permit number", "driving licence", "driving license", "driving permit"},
		KeywordRequired: true,
		Format:          "state formats (the usual per-state table): 1-2 letters and 5-14 digits, 7-12 digits (not a Unix time of late 2020 to 2035), the grouped forms states print (FL A123-456-78-901-2, IL A123-4567-8901, WI A123-4567-8901-23, MD A-123-456-789-012, MI A 123 456 789 012, NJ A1234 56789 01234, KS K12-34-5678, NY 123 456 789, WY 123456-789, CO 12-345-6789), NH 12ABC34567, IA 123AB4567, ID AB123456C, ND ABC123456, VT 1234567A, MO 123456789A / 12345678AB / A123456R / 123A456789, NH NHL12345678, WA WDL and 9 letters or digits",
	},
	{
		Name:            "Ssn-US",
		Category:        Personal,
		Country:         "US",
		Patterns:        []Pattern{{Expr: `[0-9]{3}-[0-9]{2}-[0-9]{4}|[0-9]{3} [0-9]{2} [0-9]{4}|[0-9]{9}`, Standalone: true}},
		Keywords:        []string{"social security", "ss#", "ssn"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "SSA area, group and serial rules", Check: checksum.SSN},
		Format:          "AAA-GG-SSSS (hyphens, spaces or none); area not 000, 666 or 900-999, group not 00, serial not 0000",
	},
	{
		Name:            "VehicleIdentificationNumber",
		Category:        Personal,
		Patterns:        []Pattern{{Expr: `[A-HJ-NPR-Z0-9]{17}`}},
		Keywords:        []string{"Fahrgestellnummer", "niv", "numarul de identificare", "numarul seriei de sasiu", "serie sasiu", "numer VIN", "Número de Identificação do Veículo", "Número de Identificación de Automóviles", "numéro d'identification du véhicule", "vehicle identification number", "vin", "VIN numeris"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "ISO 3779 check digit", Check: checksum.VIN},
		Format:          "17 characters of A-Z and 0-9 without I, O, Q (ISO 3779), check digit in position 9",
	},
	{
		Name:            "ZipCode-US",
		Category:        Personal,
		Country:         "US",
		Patterns:        []Pattern{{Expr: `[0-9]{5}(?:-[0-9]{4})?`, Standalone: true}},
		Keywords:        []string{"zip code", "zip+4"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "not 00000", Check: checksum.ZIPCode},
		Format:          "ZIP or ZIP+4: 5 digits, optionally -4 digits",
	},
}
