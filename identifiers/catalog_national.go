package identifiers

import "github.com/piiguard/piiguard/internal/checksum"

// national holds national identifiers: driver's licences, passports,
// national and tax ids, bank accounts and phones by country.
// It also holds CreditCardMagneticStripe (category Financial), added with
// them. Where the reference gives no format, the format is the issuing
// authority's (for EU driver's licences, as Microsoft Purview documents
// them), written in each Format.
var national = []*Identifier{
	// ---- Bank accounts (docs/cloudwatch-reference.md, Bank account numbers) ----
	{
		Name:     "BankAccountNumber-ES",
		Category: Financial,
		Country:  "ES",
		Patterns: []Pattern{
			{Expr: `ES[0-9]{2}(?:[ -]?[0-9]{4}){5}`, Validator: ibanValidator("ES")},
			{Expr: `[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{2}[ -]?[0-9]{10}|[0-9]{4}(?:[ -][0-9]{4}){4}`, Validator: &Validator{Name: "CCC control digits (mod 11)", Check: checksum.CCC}},
		},
		Keywords:        []string{"account code", "account number", "accountno#", "accountnumber#", "bban", "código cuenta", "código cuenta bancaria", "cuenta cliente id", "customer account ID", "customer account number", "customer bank account id", "iban", "número cuenta bancaria cliente", "número cuenta cliente"},
		KeywordRequired: true,
		Format:          "IBAN ESkk + 20 digits (ISO 7064 mod 97-10), or BBAN (código cuenta cliente) bank 4 + branch 4 + 2 control digits (mod 11) + account 10; spaces or hyphens allowed",
	},
	{
		Name:     "BankAccountNumber-FR",
		Category: Financial,
		Country:  "FR",
		Patterns: []Pattern{
			{Expr: `FR[0-9]{2}(?:[ -]?[0-9A-Z]{4}){5}[ -]?[0-9A-Z]{3}`, Validator: ibanValidator("FR")},
			{Expr: `[0-9]{5}[ -]?[0-9]{5}[ -]?[0-9A-Z]{11}[ -]?[0-9]{2}`, Validator: &Validator{Name: "RIB key (mod 97)", Check: checksum.RIB}},
		},
		Keywords:        []string{"account code", "account number", "accountno#", "accountnumber#", "bban", "code bancaire", "compte bancaire", "customer account id", "customer account number", "customer bank account id", "iban", "numéro de compte"},
		KeywordRequired: true,
		Format:          "IBAN FRkk + 23 characters (ISO 7064 mod 97-10), or BBAN (RIB) bank 5 + branch 5 + account 11 + RIB key 2 (mod 97); spaces or hyphens allowed",
	},
	{
		Name:     "BankAccountNumber-IT",
		Category: Financial,
		Country:  "IT",
		Patterns: []Pattern{
			{Expr: `IT[0-9]{2}(?:[ -]?[0-9A-Z]{4}){5}[ -]?[0-9A-Z]{3}`, Validator: ibanValidator("IT")},
			{Expr: `[A-Z][ -]?[0-9]{5}[ -]?[0-9]{5}[ -]?[0-9A-Z]{12}`, Validator: &Validator{Name: "CIN check letter", Check: checksum.CIN}},
		},
		Keywords:        []string{"account code", "account number", "accountno#", "accountnumber#", "bban", "codice bancario", "conto bancario", "customer account id", "customer account number", "customer bank account id", "iban", "numero di conto"},
		KeywordRequired: true,
		Format:          "IBAN ITkk + 23 characters (ISO 7064 mod 97-10), or BBAN CIN letter + ABI 5 + CAB 5 + account 12 (CIN check letter); spaces or hyphens allowed",
	},

	// ---- Brazil ----
	{
		Name:            "CepCode-BR",
		Category:        Personal,
		Country:         "BR",
		Patterns:        []Pattern{{Expr: `[0-9]{5}-[0-9]{3}|[0-9]{2}\.[0-9]{3}-[0-9]{3}|[0-9]{8}`, Standalone: true}},
		Keywords:        []string{"cep", "código de endereçamento postal", "codigo de endereçamento postal"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "CEP range 01000-000 to 99999-999", Check: checksum.CEP},
		Format:          "NNNNN-NNN, NN.NNN-NNN or 8 digits, from 01000-000",
	},
	{
		Name:     "Cnpj-BR",
		Category: Personal,
		Country:  "BR",
		Patterns: []Pattern{
			{Expr: `[0-9A-Z]{2}\.[0-9A-Z]{3}\.[0-9A-Z]{3}/[0-9A-Z]{4}-[0-9]{2}`},
			{Expr: `[0-9]{14}`, Standalone: true},
			{Expr: `[0-9A-Z]{12}[0-9]{2}`},
		},
		Keywords:        []string{"cadastro nacional da pessoa jurídica", "cadastro nacional da pessoa juridica", "cnpj"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "two mod 11 check digits", Check: checksum.CNPJ},
		Format:          "NN.NNN.NNN/NNNN-NN or 14 characters (the first 12 may be letters, the alphanumeric CNPJ of 2026); two mod 11 check digits",
	},
	{
		Name:            "CpfCode-BR",
		Category:        Personal,
		Country:         "BR",
		Patterns:        []Pattern{{Expr: `[0-9]{3}\.[0-9]{3}\.[0-9]{3}-[0-9]{2}|[0-9]{9}-[0-9]{2}|[0-9]{11}`, Standalone: true}},
		Keywords:        []string{"Cadastro de pessoas fisicas", "cadastro de pessoas físicas", "cadastro de pessoa física", "cadastro de pessoa fisica", "cpf"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "two mod 11 check digits", Check: checksum.CPF},
		Format:          "NNN.NNN.NNN-NN, NNNNNNNNN-NN or 11 digits; two mod 11 check digits, one repeated digit rejected",
	},
	{
		Name:     "RgNumber-BR",
		Category: Personal,
		Country:  "BR",
		Patterns: []Pattern{
			{Expr: `[0-9]{2}\.[0-9]{3}\.[0-9]{3}-[0-9Xx]|[0-9]{8}-?[0-9Xx]`, Standalone: true, Validator: &Validator{Name: "RG check digit (mod 11, 10 written X)", Check: checksum.RG}},
			{Expr: `(?:AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|PB|PR|PE|PI|RJ|RN|RS|RO|RR|SC|SP|SE|TO)[ -]?[0-9]{1,2}\.?[0-9]{3}\.?[0-9]{3}(?:-[0-9Xx])?`, Standalone: true},
		},
		Keywords:        []string{"registro geral", "rg", "cédula de identidade", "cedula de identidade", "carteira de identidade", "registro de identidade", "ric"},
		KeywordRequired: true,
		Format:          "RG as São Paulo issues it: NN.NNN.NNN-D or 9 characters, D the mod 11 check digit (weights 2-9, 10 written X); or, from any state, the state's code and 7-8 digits (MG-12.345.678)",
	},

	// ---- Driver's licences (docs/cloudwatch-reference.md, Driver's licences). Formats are the issuing
	// authorities' (as Microsoft Purview documents them for the EU); a
	// keyword is required for all of them.
	{
		Name:            "DriversLicense-AT",
		Category:        Personal,
		Country:         "AT",
		Patterns:        []Pattern{{Expr: `[0-9]{8}`, Standalone: true}},
		Keywords:        []string{"führerschein", "fuhrerschein", "führerschein republik österreich", "fuhrerschein republik osterreich"},
		KeywordRequired: true,
		Format:          "8 digits",
	},
	{
		Name:     "DriversLicense-AU",
		Category: Personal,
		Country:  "AU",
		Patterns: []Pattern{
			{Expr: tenDigitsNotUnixTime + `|[0-9]{6,9}`, Standalone: true, WordChars: "-"},
			{Expr: `[0-9]{3}[ -][0-9]{3}[ -][0-9]{3,4}|[0-9][ -][0-9]{3}[ -][0-9]{3}[ -][0-9]{3}|[0-9]{2}[ -][0-9]{2}[ -][0-9]{4}`, Standalone: true},
			{Expr: `[A-Z][0-9]{5}|[A-Z]{2}[0-9]{4}|[0-9]{4}[A-Z]{2}`},
		},
		Keywords:        []string{"dl#", "dl:", "dl :", "dlno#", "driver licence", "driver license", "driver permit", "drivers lic.", "drivers licence", "driver's licence", "drivers license", "driver's license", "drivers permit", "driver's permit", "drivers permit number", "driving licence", "driving license", "driving permit"},
		KeywordRequired: true,
		// Near the English keywords it shares with DriversLicense-US, a bare
		// number goes to the US licence.
		Confidence: 0.45,
		Format:     "state formats (as Microsoft Purview documents them): 6-10 digits (NSW, VIC, QLD, WA, TAS, NT, ACT; not a Unix time of late 2020 to 2035), also grouped NN NN NNNN, NNN NNN NNN[N] or N NNN NNN NNN; a letter and 5 digits (SA); 2 letters and 4 digits, or 4 digits and 2 letters (TAS)",
	},
	{
		Name:            "DriversLicense-BE",
		Category:        Personal,
		Country:         "BE",
		Patterns:        []Pattern{{Expr: `[0-9]{10}`, Standalone: true}},
		Keywords:        []string{"fuehrerschein", "fuehrerschein- nr", "fuehrerscheinnummer", "fuhrerschein", "führerschein", "fuhrerschein- nr", "führerschein- nr", "fuhrerscheinnummer", "führerscheinnummer", "numéro permis conduire", "permis de conduire", "rijbewijs", "rijbewijsnummer"},
		KeywordRequired: true,
		Format:          "10 digits",
	},
	{
		Name:            "DriversLicense-BG",
		Category:        Personal,
		Country:         "BG",
		Patterns:        []Pattern{{Expr: `[0-9]{9}`, Standalone: true}},
		Keywords:        []string{"превозно средство", "свидетелство за управление на моторно", "свидетелство за управление на мпс", "сумпс", "шофьорска книжка"},
		KeywordRequired: true,
		Format:          "9 digits",
	},
	{
		Name:     "DriversLicense-CA",
		Category: Personal,
		Country:  "CA",
		Patterns: []Pattern{
			{Expr: `[A-Z][0-9]{4}[ -]?[0-9]{5}[ -]?[0-9]{5}`, Validator: &Validator{Name: "Ontario birth month and day", Check: checksum.OntarioDriversLicence}},
			{Expr: `[A-Z][0-9]{4}[ -]?[0-9]{6}[ -]?[0-9]{2}|[A-Z][0-9]{9}`},
			{Expr: `[A-Z]{2}-?[A-Z]{2}-?[A-Z]{2}-?[A-Z][0-9]{3}[A-Z]{2}|[A-Z]{5}-?[0-3][0-9][01][0-9]{6}`},
			{Expr: `[0-9]{6}-[0-9]{3}`, Standalone: true},
			{Expr: `[0-9]{7,9}`, Standalone: true, WordChars: "-"},
		},
		Keywords:        []string{"dl#", "dl:", "dlno#", "driver licence", "driver licences", "driver license", "driver licenses", "driver permit", "drivers lic.", "drivers licence", "driver's licence", "drivers licences", "driver's licences", "drivers license", "driver's license", "drivers licenses", "driver's licenses", "drivers permit", "driver's permit", "drivers permit number", "driving licence", "driving license", "driving permit", "permis de conduire"},
		KeywordRequired: true,
		// Near the English keywords it shares with DriversLicense-US, a bare
		// number goes to the US licence.
		Confidence: 0.45,
		Format:     "provincial formats (as Microsoft Purview documents them): Ontario A1234-56789-01234 whose last 4 digits are a birth month (+50 for women) and day (first digits 0 1 5 6 and 0-3), Quebec A1234-567890-12 (hyphens or spaces optional), Newfoundland and Labrador a letter and 9 digits, Manitoba AA-AA-AA-A123AA, Nova Scotia 5 letters and 9 digits (day, month, year, 3 digits), Alberta 123456-789, or 7-9 digits (BC, SK, AB)",
	},
	{
		Name:            "DriversLicense-CY",
		Category:        Personal,
		Country:         "CY",
		Patterns:        []Pattern{{Expr: `[0-9]{12}`, Standalone: true}},
		Keywords:        []string{"άδεια οδήγησης"},
		KeywordRequired: true,
		Format:          "12 digits",
	},
	{
		Name:            "DriversLicense-CZ",
		Category:        Personal,
		Country:         "CZ",
		Patterns:        []Pattern{{Expr: `E[A-Z] ?[0-9]{6}`}},
		Keywords:        []string{"číslo licence", "císlo licence řidiče", "číslo řidičského průkazu", "ovladače lic.", "povolení k jízdě", "povolení řidiče", "řidiči povolení", "řidičský prúkaz", "řidičský průkaz"},
		KeywordRequired: true,
		Format:          "E, a letter and 6 digits (EA 123456)",
	},
	{
		Name:            "DriversLicense-DE",
		Category:        Personal,
		Country:         "DE",
		Patterns:        []Pattern{{Expr: `[0-9A-Z]{9}[0-9X][0-9A-Z]`}},
		Keywords:        []string{"fuehrerschein", "fuehrerschein- nr", "fuehrerscheinnummer", "fuhrerschein", "führerschein", "fuhrerschein- nr", "führerschein- nr", "fuhrerscheinnummer", "führerscheinnummer", "fahrerlaubnis", "fahrerlaubnisnummer", "dl#", "dl:", "dlno#", "driver licence", "driver licences", "driver license", "driver licenses", "driver permit", "drivers lic.", "drivers licence", "driver's licence", "drivers licences", "driver's licences", "drivers license", "driver's license", "drivers licenses", "driver's licenses", "drivers permit", "driver's permit", "drivers permit number", "driving licence", "driving license", "driving permit", "german driving licence", "german driver's license"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "Führerscheinnummer check character (weights 9-1, mod 11)", Check: checksum.GermanDriversLicence},
		Format:          "11 characters (Führerscheinnummer): authority code and serial (9 letters or digits, at least one letter), check character (weights 9 to 1, mod 11, 10 written X), issue counter",
	},
	{
		Name:            "DriversLicense-DK",
		Category:        Personal,
		Country:         "DK",
		Patterns:        []Pattern{{Expr: `[0-9]{8}`, Standalone: true}},
		Keywords:        []string{"kørekort", "kørekortnummer"},
		KeywordRequired: true,
		Format:          "8 digits",
	},
	{
		Name:            "DriversLicense-EE",
		Category:        Personal,
		Country:         "EE",
		Patterns:        []Pattern{{Expr: `[A-Z]{2}[0-9]{6}`}},
		Keywords:        []string{"juhi litsentsi number", "juhiloa number", "juhiluba", "juhiluba number"},
		KeywordRequired: true,
		Format:          "2 letters and 6 digits",
	},
	{
		Name:     "DriversLicense-ES",
		Category: Personal,
		Country:  "ES",
		Patterns: []Pattern{
			{Expr: `[0-9]{8}[ -]?[A-Z]`, Validator: &Validator{Name: "DNI control letter (mod 23)", Check: checksum.DNI}},
			{Expr: `[XYZ][ -]?[0-9]{7}[ -]?[A-Z]`, Validator: &Validator{Name: "NIE control letter (mod 23)", Check: checksum.NIE}},
		},
		Keywords:        []string{"carnet conducer", "el carnet de conducer", "licencia conducer", "licencia de manejo", "número carnet conducer", "número de carnet de conducer", "número de permiso conducer", "número de permiso de conducer", "número licencia conducer", "número permiso conducer", "permiso conducción", "permiso conducer", "permiso de conducción"},
		KeywordRequired: true,
		Format:          "the holder's DNI (8 digits and the mod 23 control letter) or NIE (X, Y or Z, 7 digits and the control letter)",
	},
	{
		Name:            "DriversLicense-FI",
		Category:        Personal,
		Country:         "FI",
		Patterns:        []Pattern{{Expr: `[0-9]{6}[-+A-FU-Y][0-9]{3}[0-9A-Y]`}},
		Keywords:        []string{"ajokortin numero", "ajokortti", "förare lic.", "körkort", "körkort nummer", "kuljettaja lic.", "permis de conduire", "ajokorttinumero", "ajokortin nro", "dl#", "dl:", "dlno#", "driver licence", "driver licences", "driver license", "driver licenses", "driver permit", "drivers lic.", "drivers licence", "driver's licence", "drivers licences", "driver's licences", "drivers license", "driver's license", "drivers licenses", "driver's licenses", "drivers permit", "driver's permit", "drivers permit number", "driving licence", "driving license", "driving permit", "finnish driving licence", "finnish driver's license"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "henkilötunnus date and check character (mod 31)", Check: checksum.HETU},
		Format:          "the holder's personal identity code DDMMYY, century sign (- + A-F U-Y), 3 digits and a mod 31 check character; the date must exist",
	},
	{
		Name:            "DriversLicense-FR",
		Category:        Personal,
		Country:         "FR",
		Patterns:        []Pattern{{Expr: `[0-9]{12}`, Standalone: true}},
		Keywords:        []string{"permis de conduire"},
		KeywordRequired: true,
		Format:          "12 digits",
	},
	{
		Name:            "DriversLicense-GB",
		Category:        Personal,
		Country:         "GB",
		Patterns:        []Pattern{{Expr: `[A-Z][A-Z9]{4}[0-9](?:[05][1-9]|[16][0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9][A-Z][A-Z9][0-9][A-Z]{2}`}},
		Keywords:        []string{"dl#", "dl:", "dlno#", "driver licence", "driver licences", "driver license", "driver licenses", "driver permit", "drivers lic.", "drivers licence", "driver's licence", "drivers licences", "driver's licences", "drivers license", "driver's license", "drivers licenses", "driver's licenses", "drivers permit", "driver's permit", "drivers permit number", "driving licence", "driving license", "driving permit"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "DVLA structure (surname padding, birth month and day)", Check: checksum.DVLALicence},
		Format:          "16 characters (DVLA): 5 of surname padded with 9, decade digit, birth month (+50 for women), day, year digit, 2 initials (9 padding), a digit and 2 check letters",
	},
	{
		Name:            "DriversLicense-GR",
		Category:        Personal,
		Country:         "GR",
		Patterns:        []Pattern{{Expr: `[0-9]{9}`, Standalone: true}},
		Keywords:        []string{"δεια οδήγησης", "adeia odigisis"},
		KeywordRequired: true,
		Format:          "9 digits",
	},
	{
		Name:            "DriversLicense-HR",
		Category:        Personal,
		Country:         "HR",
		Patterns:        []Pattern{{Expr: `[0-9]{8}`, Standalone: true}},
		Keywords:        []string{"vozačka dozvola"},
		KeywordRequired: true,
		Format:          "8 digits",
	},
	{
		Name:            "DriversLicense-HU",
		Category:        Personal,
		Country:         "HU",
		Patterns:        []Pattern{{Expr: `[A-Z]{2}[0-9]{6}`}},
		Keywords:        []string{"illesztőprogramok lic", "jogosítvány", "jogsi", "licencszám", "vezető engedély", "vezetői engedély"},
		KeywordRequired: true,
		Format:          "2 letters and 6 digits",
	},
	{
		Name:            "DriversLicense-IE",
		Category:        Personal,
		Country:         "IE",
		Patterns:        []Pattern{{Expr: `[0-9]{6}[A-Z]{4}`}},
		Keywords:        []string{"ceadúnas tiomána"},
		KeywordRequired: true,
		Format:          "6 digits and 4 letters",
	},
	{
		Name:            "DriversLicense-IT",
		Category:        Personal,
		Country:         "IT",
		Patterns:        []Pattern{{Expr: `U1[0-9A-Z]{7}[A-Z]|[A-Z][A-Z0-9][0-9]{7}[A-Z]`}},
		Keywords:        []string{"patente di guida", "patente di guida numero", "patente guida", "patente guida numero"},
		KeywordRequired: true,
		Format:          "10 characters: U1, 7 letters or digits and a letter (card since 2013), or a letter, a letter or digit, 7 digits and a letter",
	},
	{
		Name:            "DriversLicense-LT",
		Category:        Personal,
		Country:         "LT",
		Patterns:        []Pattern{{Expr: `[0-9]{8}`, Standalone: true}},
		Keywords:        []string{"vairuotojo pažymėjimas"},
		KeywordRequired: true,
		Format:          "8 digits",
	},
	{
		Name:            "DriversLicense-LU",
		Category:        Personal,
		Country:         "LU",
		Patterns:        []Pattern{{Expr: `[0-9]{6}`, Standalone: true}},
		Keywords:        []string{"fahrerlaubnis", "führerschäin"},
		KeywordRequired: true,
		Format:          "6 digits",
	},
	{
		Name:            "DriversLicense-LV",
		Category:        Personal,
		Country:         "LV",
		Patterns:        []Pattern{{Expr: `[A-Z]{3}[0-9]{6}`}},
		Keywords:        []string{"autovadītāja apliecība", "licences numurs", "vadītāja apliecība", "vadītāja apliecības numurs", "vadītāja atļauja", "vadītāja licences numurs", "vadītāji lic."},
		KeywordRequired: true,
		Format:          "3 letters and 6 digits",
	},
	{
		Name:            "DriversLicense-MT",
		Category:        Personal,
		Country:         "MT",
		Patterns:        []Pattern{{Expr: `[0-9A-Z]{2} ?[0-9]{3} ?[0-9]{3}`, Standalone: true}},
		Keywords:        []string{"liċenzja tas-sewqan"},
		KeywordRequired: true,
		Format:          "2 letters or digits and 6 digits, optionally grouped 3-3",
	},
	{
		Name:            "DriversLicense-NL",
		Category:        Personal,
		Country:         "NL",
		Patterns:        []Pattern{{Expr: tenDigitsNotUnixTime, Standalone: true, WordChars: "-"}},
		Keywords:        []string{"permis de conduire", "rijbewijs", "rijbewijsnummer", "rijbewijsnr", "dutch driving licence", "dutch driver's license", "dutch drivers license"},
		KeywordRequired: true,
		Format:          "10 digits (RDW), not a Unix time of late 2020 to 2035",
	},
	{
		Name:            "DriversLicense-PL",
		Category:        Personal,
		Country:         "PL",
		Patterns:        []Pattern{{Expr: `[0-9]{5}/[0-9]{2}/[0-9]{7}|[0-9]{5}/[0-9]{2}/[0-9]{4}`}},
		Keywords:        []string{"numer licencyjny", "prawo jazdy", "zezwolenie na prowadzenie"},
		KeywordRequired: true,
		Format:          "NNNNN/YY/NNNN or NNNNN/YY/NNNNNNN (number, year, issuing office)",
	},
	{
		Name:            "DriversLicense-PT",
		Category:        Personal,
		Country:         "PT",
		Patterns:        []Pattern{{Expr: `[A-Z]{2}-[0-9]{5,6} [0-9]|[A-Z]-[0-9]{8} [0-9]|[A-Z]-[0-9]{6} [0-9]`}},
		Keywords:        []string{"carta de condução", "carteira de habilitação", "carteira de motorist", "carteira habilitação", "carteira motorist", "licença condução", "licença de condução", "número de licença", "número licença", "permissão condução", "permissão de condução"},
		KeywordRequired: true,
		Format:          "district letters, hyphen, number and control digit: AA-NNNNN[N] N or A-NNNNNN[NN] N",
	},
	{
		Name:            "DriversLicense-RO",
		Category:        Personal,
		Country:         "RO",
		Patterns:        []Pattern{{Expr: `[0-9A-Z][0-9]{8}`, Standalone: true}},
		Keywords:        []string{"numărul permisului de conducere", "permis de conducere"},
		KeywordRequired: true,
		Format:          "a letter or digit and 8 digits",
	},
	{
		Name:     "DriversLicense-SE",
		Category: Personal,
		Country:  "SE",
		Patterns: []Pattern{
			{Expr: `(?:19|20)[0-9]{6}[-+]?[0-9]{4}`, Standalone: true},
			{Expr: `[0-9]{6}[-+]?[0-9]{4}`, Standalone: true},
		},
		Keywords:        []string{"ajokortin numero", "dlno# ajokortti", "drivere lic.", "förare lic.", "körkort", "körkort nummer", "körkortsnummer", "kuljettajat lic.", "körkortsnr", "dl#", "dl:", "dlno#", "driver licence", "driver licences", "driver license", "driver licenses", "driver permit", "drivers lic.", "drivers licence", "driver's licence", "drivers licences", "driver's licences", "drivers license", "driver's license", "drivers licenses", "driver's licenses", "drivers permit", "driver's permit", "drivers permit number", "driving licence", "driving license", "driving permit", "swedish driving licence", "swedish driver's license"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "personnummer date and Luhn check digit", Check: checksum.Personnummer},
		Format:          "the holder's personnummer [CC]YYMMDD-NNNN (- or + or none), a date that exists (day +60 for coordination numbers) and a Luhn check digit",
	},
	{
		Name:            "DriversLicense-SI",
		Category:        Personal,
		Country:         "SI",
		Patterns:        []Pattern{{Expr: `[0-9]{9}`, Standalone: true}},
		Keywords:        []string{"vozniško dovoljenje"},
		KeywordRequired: true,
		Format:          "9 digits",
	},
	{
		Name:            "DriversLicense-SK",
		Category:        Personal,
		Country:         "SK",
		Patterns:        []Pattern{{Expr: `[0-9A-Z][0-9]{7}`, Standalone: true}},
		Keywords:        []string{"číslo licencie", "číslo vodičského preukazu", "ovládače lic.", "povolenia vodičov", "povolenie jazdu", "povolenie na jazdu", "povolenie vodiča", "vodičský preukaz"},
		KeywordRequired: true,
		Format:          "a letter or digit and 7 digits",
	},

	// ---- Identity, tax and social security numbers ----
	{
		Name:            "ElectoralRollNumber-GB",
		Category:        Personal,
		Country:         "GB",
		Patterns:        []Pattern{{Expr: `[A-Z]{2,3}[ /-]?[0-9]{1,4}(?:/[0-9]{1,2})?`}},
		Keywords:        []string{"electoral #", "electoral number", "electoral roll #", "electoral roll no.", "electoral roll number", "electoralrollno"},
		KeywordRequired: true,
		Format:          "polling district letters (2-3) and elector number (1-4 digits), optionally separated by a space, hyphen or slash, with an optional /suffix",
	},
	{
		Name:            "IndividualTaxIdentificationNumber-US",
		Category:        Personal,
		Country:         "US",
		Patterns:        []Pattern{{Expr: `9[0-9]{2}-[0-9]{2}-[0-9]{4}|9[0-9]{2} [0-9]{2} [0-9]{4}|9[0-9]{8}`, Standalone: true}},
		Keywords:        []string{"individual taxpayer identification number", "itin", "i.t.i.n."},
		KeywordRequired: true,
		Validator:       &Validator{Name: "IRS ITIN ranges", Check: checksum.ITIN},
		Format:          "9XX-XX-XXXX (hyphens, spaces or none), digits 4-5 in 50-65, 70-88, 90-92 or 94-99",
	},
	{
		Name:            "InseeCode-FR",
		Category:        Personal,
		Country:         "FR",
		Patterns:        []Pattern{{Expr: nirExpr, Standalone: true}},
		Keywords:        []string{"assurance sociale", "carte nationale d’identité", "cni", "code sécurité sociale", "French social security number", "fssn#", "insee", "insurance number", "national id number", "nationalid#", "numéro d'assurance", "sécurité sociale", "sécurité sociale non.", "sécurité sociale numéro", "social", "social security", "social security number", "socialsecuritynumber", "ss#", "ssn", "ssn#"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "NIR key (97 - n mod 97)", Check: checksum.NIR},
		Format:          nirFormat,
	},
	{
		Name:     "NationalIdentificationNumber-DE",
		Category: Personal,
		Country:  "DE",
		Patterns: []Pattern{
			{Expr: germanDocExpr + `[0-9]D?`, Validator: &Validator{Name: "ICAO 9303 check digit (7-3-1)", Check: checksum.GermanDocumentNumber}},
			{Expr: germanDocExpr},
		},
		Keywords:        []string{"ausweisnummer", "id number", "identification number", "identity number", "insurance number", "personal id", "personalausweis"},
		KeywordRequired: true,
		Confidence:      0.45,
		Format:          "identity card number (since 2010): 9 characters of digits and C F G H J K L M N P R T V W X Y Z, the first a letter; with the machine-readable check digit (ICAO 9303, 7-3-1) when it follows, and then an optional D",
	},
	{
		Name:     "NationalIdentificationNumber-ES",
		Category: Personal,
		Country:  "ES",
		Patterns: []Pattern{
			{Expr: `[0-9]{2}\.[0-9]{3}\.[0-9]{3}[ -]?[A-Za-z]|[0-9]{7,8}[ -]?[A-Za-z]`},
		},
		Keywords:        []string{"dni", "dni#", "dninúmero#", "documento nacional de identidad", "identidad único", "identidadúnico#", "insurance number", "national identification number", "national identity", "nationalid#", "nationalidno#", "número nacional identidad", "personal identification number", "personal identity no", "unique identity number", "uniqueid#"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "DNI control letter (mod 23)", Check: checksum.DNIShort},
		Format:          "DNI: 8 digits (7 when the leading zero is dropped; dots allowed, 12.345.678) and the control letter TRWAGMYFPDXBNJZSQVHLCKE[n mod 23]; Macie's examples 99999999 and 00000000 rejected",
	},
	{
		Name:            "NationalIdentificationNumber-IT",
		Category:        Personal,
		Country:         "IT",
		Patterns:        []Pattern{{Expr: `(?i:[A-Z]{6}[0-9LMNP-V]{2}[ABCDEHLMPRST][0-9LMNP-V]{2}[A-Z][0-9LMNP-V]{3}[A-Z])`}},
		Keywords:        []string{"codice fiscal", "dati anagrafici", "ehic", "health card", "health insurance card", "p. iva", "partita i.v.a.", "personal data", "tax code", "tessera sanitaria"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "codice fiscale check letter", Check: checksum.CodiceFiscale},
		Format:          "codice fiscale: 6 letters, year, month letter, day (+40 for women), place code, check letter (odd/even tables, mod 26); omocodia letters accepted",
	},
	{
		Name:            "NationalInsuranceNumber-GB",
		Category:        Personal,
		Country:         "GB",
		Patterns:        []Pattern{{Expr: `(?i:[A-Z]{2}[ -]?[0-9]{2}[ -]?[0-9]{2}[ -]?[0-9]{2}[ -]?[A-D])`}},
		Keywords:        []string{"insurance no.", "insurance number", "insurance#", "national insurance number", "nationalinsurance#", "nationalinsurancenumber", "nin", "nino"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "HMRC prefix and suffix rules", Check: checksum.NINO},
		Format:          "2 prefix letters, 6 digits and a suffix A-D (AB 12 34 56 C); prefixes D F I Q U V, second letter O and BG GB KN NK NT TN ZZ not allocated",
	},
	{
		Name:            "NieNumber-ES",
		Category:        Personal,
		Country:         "ES",
		Patterns:        []Pattern{{Expr: `(?i:[XYZ][ -]?[0-9]{7}[ -]?[A-Z])`}},
		Keywords:        []string{"cif", "cif número", "cifnúmero#", "nie", "nif", "número de contribuyente", "número de identidad de extranjero", "número de identificación fiscal", "número de impuesto corporativo", "personal tax number", "tax id", "tax identification number", "tax number", "tin", "tin#"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "NIE control letter (mod 23)", Check: checksum.NIE},
		Format:          "X, Y or Z, 7 digits and the control letter (mod 23 with X, Y, Z read as 0, 1, 2)",
	},
	{
		Name:     "NifNumber-ES",
		Category: Personal,
		Country:  "ES",
		Patterns: []Pattern{
			{Expr: `[0-9]{2}\.[0-9]{3}\.[0-9]{3}[ -]?[A-Za-z]|[0-9]{7,8}[ -]?[A-Za-z]`, Validator: &Validator{Name: "DNI control letter (mod 23)", Check: checksum.DNIShort}},
			{Expr: `[KLMklm][ -]?[0-9]{7}[ -]?[A-Za-z]`, Validator: &Validator{Name: "control letter (mod 23)", Check: checksum.NIFKLM}},
			{Expr: `[XYZxyz][ -]?[0-9]{7}[ -]?[A-Za-z]`, Validator: &Validator{Name: "NIE control letter (mod 23)", Check: checksum.NIE}},
		},
		Keywords:        []string{"cif", "cif número", "cifnúmero#", "nie", "nif", "número de contribuyente", "número de identidad de extranjero", "número de identificación fiscal", "número de impuesto corporativo", "personal tax number", "tax id", "tax identification number", "tax number", "tin", "tin#"},
		KeywordRequired: true,
		Format:          "NIF of individuals (AEAT): the DNI (8 digits, 7 without the leading zero, and the mod 23 control letter), K, L or M, 7 digits and the control letter, or a foreigner's NIE (X, Y or Z, 7 digits and the control letter)",
	},
	{
		Name:     "SocialInsuranceNumber-CA",
		Category: Personal,
		Country:  "CA",
		Patterns: []Pattern{
			{Expr: `[0-9]{3} [0-9]{3} [0-9]{3}|[0-9]{3}-[0-9]{3}-[0-9]{3}|[0-9]{9}`, Standalone: true},
		},
		Keywords:        []string{"canadian id", "numéro d'assurance sociale", "social insurance number", "sin"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "Luhn, first digit not 0 or 8", Check: checksum.SIN},
		Format:          "9 digits, plain or grouped 3-3-3 by spaces or hyphens; Luhn; first digit not 0 or 8",
	},
	{
		Name:            "PermanentResidenceNumber-CA",
		Category:        Personal,
		Country:         "CA",
		Patterns:        []Pattern{{Expr: `[A-Z]{2}[0-9]{7}|[0-9]{4}-[0-9]{4}|[0-9]{2}-[0-9]{4}-[0-9]{4}|[0-9]{8}|[0-9]{10}`, Standalone: true}},
		Keywords:        []string{"carte résident permanent", "numéro carte résident permanent", "numéro résident permanent", "permanent resident card", "permanent resident card number", "permanent resident no", "permanent resident no.", "permanent resident number", "pr no", "pr no.", "pr non", "pr number", "résident permanent no.", "résident permanent non"},
		KeywordRequired: true,
		Format:          "PR card number (2 letters and 7 digits) or client ID (UCI): 8 digits (NNNN-NNNN) or 10 digits (NN-NNNN-NNNN)",
	},
	{
		Name:            "Ssn-ES",
		Category:        Personal,
		Country:         "ES",
		Patterns:        []Pattern{{Expr: `[0-9]{2}[ /-]?[0-9]{8}[ /-]?[0-9]{2}|[0-9]{2}[ /-][0-9]{7}[ /-][0-9]{3}`, Standalone: true}},
		Keywords:        []string{"número de la seguridad social", "social security no.", "social security no", "social security number", "socialsecurityno#", "ssn", "ssn#"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "NAF control (mod 97)", Check: checksum.NAF},
		Format:          "número de afiliación (NUSS): province 2 + number 8 + control 2 (mod 97), plain or separated by spaces, slashes or hyphens",
	},
	{
		Name:     "TaxId-DE",
		Category: Personal,
		Country:  "DE",
		Patterns: []Pattern{
			{Expr: `[1-9][0-9] ?[0-9]{3} ?[0-9]{3} ?[0-9]{3}`, Standalone: true, Validator: &Validator{Name: "Steuer-IdNr digit rule and ISO 7064 MOD 11,10", Check: checksum.SteuerID}},
			{Expr: `[0-9]{2,3}/[0-9]{3}/[0-9]{5}|[0-9]{3}/[0-9]{4}/[0-9]{4}|[0-9]{5}/[0-9]{5}|0[0-9]{2} [0-9]{3} [0-9]{5}`, Standalone: true},
			// The 13-digit form of ELSTER (bundeseinheitliche Steuernummer):
			// the Land's 2-digit prefix (or 5 NW, 9 BY) and office, 0, district,
			// serial and check digit (BZSt; python-stdnum's de.stnr table).
			{Expr: `(?:1[01]|2[1-8]|3[0-2]|4[01]|[59][0-9])[0-9]{2}0[0-9]{8}`, Standalone: true},
		},
		Keywords:        []string{"identifikationsnummer", "steuer id", "steueridentifikationsnummer", "steuernummer", "tax id", "tax identification number", "tax number", "steuer-idnr", "idnr", "st.-nr."},
		KeywordRequired: true,
		Format:          "Steuer-IdNr: 11 digits (NN NNN NNN NNN), first not 0, one digit repeated in the first 10, ISO 7064 MOD 11,10 check digit; or a Steuernummer as the Länder write it (FF/BBB/UUUUP, FFF/BBB/UUUUP, FFF/BBBB/UUUP, FFBBB/UUUUP, 0FF BBB UUUUP) or in ELSTER's 13-digit form (Land and office, 0, district, serial, check digit)",
	},
	{
		Name:            "TaxId-ES",
		Category:        Personal,
		Country:         "ES",
		Patterns:        []Pattern{{Expr: `[ABCDEFGHJNPQRSUVW][ -]?[0-9]{7}[ -]?[0-9A-J]`}},
		Keywords:        []string{"cif", "cif número", "cifnúmero#", "nie", "nif", "número de contribuyente", "número de identidad de extranjero", "número de identificación fiscal", "número de impuesto corporativo", "personal tax number", "tax id", "tax identification number", "tax number", "tin", "tin#"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "CIF control digit or letter", Check: checksum.CIF},
		Format:          "CIF: entity letter (A-H J N P Q R S U V W), 7 digits and a control digit or letter",
	},
	{
		Name:            "TaxId-FR",
		Category:        Personal,
		Country:         "FR",
		Patterns:        []Pattern{{Expr: `[0-3][0-9] ?[0-9]{2} ?[0-9]{3} ?[0-9]{3} ?[0-9]{3}`, Standalone: true}},
		Keywords:        []string{"numéro d'identification fiscale", "tax id", "tax identification number", "tax number", "tin", "tin#"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "SPI key (first 10 digits mod 511)", Check: checksum.SPI},
		Format:          "numéro fiscal (SPI): 13 digits (NN NN NNN NNN NNN), first 0-3, the last 3 equal to the first 10 mod 511",
	},
	{
		Name:     "TaxId-GB",
		Category: Personal,
		Country:  "GB",
		Patterns: []Pattern{
			{Expr: `[0-9]{3} ?[0-9]{5} ?[0-9]{5}|K?[0-9]{10}K?|K?[0-9]{5} [0-9]{5}K?`, Standalone: true, Validator: &Validator{Name: "UTR check digit (mod 11)", Check: checksum.UTR}},
			{Expr: `[0-9]{2}[A-Z][0-9]{5}`},
		},
		Keywords:        []string{"paye", "tax id", "tax id no.", "tax id number", "tax identification", "tax identification#", "tax no.", "tax number", "tax reference", "tax#", "taxid#", "temporary reference number", "tin", "trn", "unique tax reference", "unique taxpayer reference", "utr"},
		KeywordRequired: true,
		Format:          "UTR: 10 digits (NNNNN NNNNN, optional K before or after, or the 13-digit online form) with a leading mod 11 check digit; or TRN: 2 digits, a letter and 5 digits",
	},

	// ---- Passports (docs/cloudwatch-reference.md, Passports) ----
	{
		Name:            "PassportNumber-CA",
		Category:        Personal,
		Country:         "CA",
		Patterns:        []Pattern{{Expr: `[A-Z]{2}[0-9]{6}`}},
		Keywords:        []string{"passeport", "passeport#", "passport", "passport#", "passportno", "passportno#"},
		KeywordRequired: true,
		Format:          "2 letters and 6 digits",
	},
	{
		Name:     "PassportNumber-DE",
		Category: Personal,
		Country:  "DE",
		Patterns: []Pattern{
			{Expr: germanPassportExpr + `[0-9]D?`, Validator: &Validator{Name: "ICAO 9303 check digit (7-3-1)", Check: checksum.GermanDocumentNumber}},
			{Expr: germanPassportExpr},
		},
		Keywords:        []string{"ausstellungsdatum", "ausstellungsort", "geburtsdatum", "passport", "passports", "reisepass", "reisepass–nr", "reisepassnummer"},
		KeywordRequired: true,
		// A plain letter and 8 digits near "passport" is a US passport
		// first; the German check-digit form still wins.
		Confidence: 0.45,
		Format:     "9 characters of digits and C F G H J K L M N P R T V W X Y Z, the first C F G H J or K; with the machine-readable check digit (ICAO 9303, 7-3-1) when it follows, and then an optional D",
	},
	{
		Name:            "PassportNumber-ES",
		Category:        Personal,
		Country:         "ES",
		Patterns:        []Pattern{{Expr: `[A-Z]{3}[0-9]{6}`}},
		Keywords:        []string{"españa pasaporte", "libreta pasaporte", "número pasaporte", "pasaporte", "passport", "passport book", "passport no", "passport number", "spain passport"},
		KeywordRequired: true,
		Format:          "3 letters and 6 digits",
	},
	{
		Name:            "PassportNumber-FR",
		Category:        Personal,
		Country:         "FR",
		Patterns:        []Pattern{{Expr: `[0-9]{2}[A-Z]{2}[0-9]{5}`}},
		Keywords:        []string{"numéro de passeport", "passeport", "passeport#", "passeport #", "passeportn °", "passeport n °", "passeportNon", "passeport non"},
		KeywordRequired: true,
		Format:          "2 digits, 2 letters and 5 digits",
	},
	{
		Name:            "PassportNumber-GB",
		Category:        Personal,
		Country:         "GB",
		Patterns:        []Pattern{{Expr: `[0-9]{9}`, Standalone: true}},
		Keywords:        []string{"passeport #", "passeport n °", "passeportNon", "passeport non", "passeportn °", "passport #", "passport no", "passport number", "passport#", "passportid"},
		KeywordRequired: true,
		Format:          "9 digits (HM Passport Office)",
	},
	{
		Name:            "PassportNumber-IT",
		Category:        Personal,
		Country:         "IT",
		Patterns:        []Pattern{{Expr: `[A-Z]{2}[0-9]{7}`}},
		Keywords:        []string{"italian passport number", "numéro passeport", "numéro passeport italien", "passaporto", "passaporto italiana", "passaporto numero", "passport number", "repubblica italiana passaporto"},
		KeywordRequired: true,
		Format:          "2 letters and 7 digits",
	},

	// ---- Phone numbers (docs/cloudwatch-reference.md, Phone numbers): with the country code no keyword
	// is needed; the national form needs one. The phone keywords are the
	// same for every country, so the national forms are kept apart by
	// shape where they can be, and by confidence where they cannot (GB and
	// FR 0.7 before DE, ES and IT 0.6).
	{
		Name:     "PhoneNumber-BR",
		Category: Personal,
		Country:  "BR",
		Patterns: []Pattern{
			{Expr: `(?:\+55|0055)[ -]?(?:\(0?[1-9][1-9]\)|0?[1-9][1-9])[ -]?(?:9[ -]?[0-9]{4}|[2-5][0-9]{3})[ -]?[0-9]{4}`},
			// Non-geographic numbers (Anatel; libphonenumber's BR metadata):
			// 0800 toll-free, 0300/0500/0900, and the 8-digit shared-cost
			// numbers 300N, 400N, 4020, 4370, 4864.
			{Expr: `(?:\+55|0055)[ -]?(?:[3589]00[ -]?[0-9]{2,3}[ -]?[0-9]{4}|(?:300[0-9]|400[0-9]|4020|4370|4864)[ -]?[0-9]{4})`},
			{Expr: `0[3589]00[ -]?[0-9]{2,3}[ -]?[0-9]{4}|(?:300[0-9]|400[0-9]|4020|4370|4864)-[0-9]{4}`, NeedsKeyword: true, Standalone: true},
			{Expr: `55[ -](?:\([1-9][1-9]\)|[1-9][1-9])[ -](?:9[ -]?[0-9]{4}|[2-5][0-9]{3})[ -]?[0-9]{4}`, NeedsKeyword: true, Standalone: true},
			{Expr: `\(0?[1-9][1-9]\) ?(?:9[ -]?[0-9]{4}|[2-5][0-9]{3})[ -]?[0-9]{4}|0?[1-9][1-9][ -](?:9[ -]?[0-9]{4}|[2-5][0-9]{3})[ -]?[0-9]{4}`, NeedsKeyword: true, Standalone: true},
		},
		Keywords:   []string{"cell", "contact", "fax", "fax number", "mobile", "phone", "phone number", "tel", "telephone", "telephone number", "cel", "celular", "fone", "móvel", "número residencial", "numero residencial", "telefone", "whatsapp"},
		Confidence: 0.7,
		Format:     "+55 or 0055, area code (DDD, 2 digits 1-9, in parentheses or not, optionally after a trunk 0) and 8 digits (landline, 2-5 first) or 9 (mobile, 9 first; 9 NNNN-NNNN also); near a keyword, the same without +55 ((DDD) NNNNN-NNNN, DDD NNNNN-NNNN, 0DDD NNNN-NNNN) or with 55 and no plus; non-geographic numbers 0800, 0300, 0500, 0900 (+55 800 …) and shared-cost 4004-NNNN, 3003-NNNN",
	},
	{
		Name:     "PhoneNumber-DE",
		Category: Personal,
		Country:  "DE",
		Patterns: []Pattern{
			{Expr: `(?:\+49|0049)[ -]?(?:\(0\)[ -]?)?[1-9][0-9]{1,4}(?:[ /-]?[0-9]{1,8}){1,4}`, Validator: &Validator{Name: "6-11 digits after +49", Check: checksum.PhoneDE}},
			{Expr: `\(0[1-9][0-9]{1,4}\) ?[1-9][0-9]{2,7}(?:[ -][0-9]{1,5}){0,3}|0(?:[2-9][0-9]{1,4}|1[5-7][0-9]{1,2})(?: / |[ /-])[1-9][0-9]{2,7}(?:[ -][0-9]{1,5}){0,3}|01[5-7][0-9]{8,9}`, NeedsKeyword: true, Standalone: true},
			// Service numbers (BNetzA; libphonenumber's DE metadata): 0800
			// toll-free, 0900 premium, 0180 shared cost.
			{Expr: `0800[ /-]?[0-9](?:[ -]?[0-9]){6,11}|0900[ /-]?[0-9](?:[ -]?[0-9]){6,7}|0180[ /-]?[1-7](?:[ -]?[0-9]){4,10}`, NeedsKeyword: true, Standalone: true},
		},
		Keywords:   []string{"cell", "contact", "fax", "fax number", "mobile", "phone", "phone number", "tel", "telephone", "telephone number", "telefon", "telefonnummer", "tel.", "handy", "handynummer", "mobilnummer", "rufnummer"},
		Confidence: 0.6,
		Format:     "+49 or 0049 (optionally (0)) and 6-11 digits; near a keyword, 0 + area code (2-5 digits, mobile 015x-017x), a space, slash or hyphen, and the subscriber number in groups (DIN 5008, optional -extension), (0area) subscriber, or a mobile number unseparated; service numbers 0800 (up to 12 digits after it, also after +49), 0900, 0180",
	},
	{
		Name:     "PhoneNumber-ES",
		Category: Personal,
		Country:  "ES",
		Patterns: []Pattern{
			{Expr: `\+34[ -]?[6-9][0-9](?:[ -]?[0-9]){7}`},
			{Expr: `[6-9][0-9]{2}[ .-]?[0-9]{3}[ .-]?[0-9]{3}|[6-9][0-9]{2}[ .-]?[0-9]{2}[ .-]?[0-9]{2}[ .-]?[0-9]{2}|[6-9][0-9][ .-]?[0-9]{3}[ .-]?[0-9]{2}[ .-]?[0-9]{2}`, NeedsKeyword: true, Standalone: true},
		},
		Keywords:   []string{"cell", "contact", "fax", "fax number", "mobile", "phone", "phone number", "tel", "telephone", "telephone number"},
		Confidence: 0.6,
		Format:     "+34 and 9 digits starting 6-9; near a keyword, the 9 digits alone (NNN NNN NNN, NNN NN NN NN, NN NNN NN NN; spaces, dots or hyphens)",
	},
	{
		Name:     "PhoneNumber-FR",
		Category: Personal,
		Country:  "FR",
		Patterns: []Pattern{
			{Expr: `\+33[ .-]?(?:\(0\)[ .-]?)?[1-9](?:[ .-]?[0-9]{2}){4}`},
			{Expr: `0[1-9](?:[ .-]?[0-9]{2}){4}`, NeedsKeyword: true, Standalone: true},
		},
		Keywords:   []string{"cell", "contact", "fax", "fax number", "mobile", "phone", "phone number", "tel", "telephone", "telephone number"},
		Confidence: 0.7,
		Format:     "+33 (optionally (0)) and 9 digits; near a keyword, 0 and 9 digits (01 42 68 53 00; spaces, dots or hyphens between pairs)",
	},
	{
		Name:     "PhoneNumber-IT",
		Category: Personal,
		Country:  "IT",
		Patterns: []Pattern{
			{Expr: `(?:\(\+39\)|\+39|0039)[ .-]?(?:0[0-9]{1,3}|3[0-9]{2}|80[03]|84[078]|89[2-9]|178|199|55)(?:[ ./-]?[0-9]{2,8}){1,3}`, Validator: &Validator{Name: "6-11 digits after +39", Check: checksum.PhoneIT}},
			{Expr: `\(0[1-9][0-9]{0,2}\) ?[0-9]{4,8}|0[1-9][0-9]{0,2}[ ./-]?(?:[0-9]{2,4}[ .-][0-9]{3,4}|[0-9]{5,8})|3[0-9]{2}[ ./-]?(?:[0-9]{3}[ .-]?[0-9]{3,4}|[0-9]{6,7})`, NeedsKeyword: true, Standalone: true},
			// Non-geographic numbers (AGCOM numbering plan; libphonenumber's IT
			// metadata): 800/803 toll-free, 840/847/848 shared cost, 892-899
			// premium, 178/199 personal; 55 (VoIP) only after +39, since
			// "55 4004-1234" is also the end of "+55 4004-1234".
			{Expr: `(?:80[03]|84[078])[ ./-]?[0-9]{3}[ .-]?[0-9]{3}|(?:89[2-9]|178|199)[ ./-]?[0-9]{3}[ .-]?[0-9]{3,4}`, NeedsKeyword: true, Standalone: true},
		},
		Keywords:   []string{"cell", "contact", "fax", "fax number", "mobile", "phone", "phone number", "tel", "telephone", "telephone number", "telefono", "cellulare", "cell.", "numero di telefono"},
		Confidence: 0.6,
		Format:     "+39, (+39) or 0039 and 6-11 digits, landline with its leading 0 or mobile starting 3; near a keyword, the national number alone (06 678 4343, (06) 6784343, 055/664751, 347 123 4567; spaces, dots, slashes or hyphens); non-geographic numbers 800/803, 84x, 89x, 178 and 199, with +39 or near a keyword, and 55 (VoIP) with +39",
	},

	// ---- Payment card magnetic stripe (docs/cloudwatch-reference.md, Magnetic stripe: Macie's rule) ----
	{
		Name:     "CreditCardMagneticStripe",
		Category: Financial,
		Patterns: []Pattern{
			{Expr: `%?B[0-9]{12,19}\^[A-Za-z0-9 /.'-]{2,26}\^[0-9]{2}(?:0[1-9]|1[0-2])[0-9]{3}[A-Za-z0-9 ]{0,40}\??`},
			{Expr: `;?[0-9]{12,19}=[0-9]{2}(?:0[1-9]|1[0-2])[0-9]{3}[0-9]{0,20}\??`},
		},
		Keywords:        []string{"card data", "iso7813", "mag", "magstripe", "stripe", "swipe"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "PAN Luhn", Check: checksum.StripePAN},
		Confidence:      0.8,
		Format:          "ISO/IEC 7813 track 1 (%B PAN ^ NAME ^ YYMM service code discretionary ?) or track 2 (;PAN = YYMM service code discretionary ?), sentinels optional; PAN of 12-19 digits passing Luhn",
	},
}

// Expressions and keywords several identifiers share.
const (
	// nirExpr is a French NIR (INSEE code, carte Vitale number): sex,
	// year, month, department (2A/2B for Corsica), commune, order, key.
	nirExpr   = `[1-478][ .-]?[0-9]{2}[ .-]?[0-9]{2}[ .-]?(?:(?:[0-9]{2}|2[ABab])[ .-]?[0-9]{3}|9[78][0-9][ .-]?[0-9]{2})[ .-]?[0-9]{3}[ .-]?[0-9]{2}`
	nirFormat = "NIR: 15 characters (1 84 12 76 451 089 46; spaces, dots or hyphens optional; overseas departments 97x grouped 971 23), sex 1-4 7 8, department 2A/2B allowed, key 97 - (first 13 mod 97)"

	// germanDocExpr is a German identity card number without its check
	// digit; germanPassportExpr a passport number.
	germanDocExpr      = `[CFGHJKLMNPRTVWXYZ][0-9CFGHJKLMNPRTVWXYZ]{8}`
	germanPassportExpr = `[CFGHJK][0-9CFGHJKLMNPRTVWXYZ]{8}`

	// tenDigitsNotUnixTime is a 10-digit number that does not read as a
	// Unix time in seconds from September 2020 to 2035 (1600000000 to
	// 2089999999): structured logs put one beside every field
	// ("ts":1710148442), a licence number's too.
	tenDigitsNotUnixTime = `[03-9][0-9]{9}|1[0-5][0-9]{8}|2[1-9][0-9]{8}|20[89][0-9]{7}`
)
