package checksum

import "slices"

// The validators that the catalog of package identifiers once held in its
// tables, added to the package's tables so that TestValidators,
// TestNoAllocations and FuzzValidators cover them. Unless a comment says
// otherwise, values are the catalog's conformance vectors
// (identifiers/vectors_data_test.go) for the identifier named in the
// comment; "computed" values were computed with an independent
// implementation of the documented algorithm.
func init() {
	validators = append(validators, []struct {
		name string
		fn   func([]byte) bool
	}{
		{"Bearer", Bearer},
		{"CCC", CCC},
		{"CEP", CEP},
		{"CIN", CIN},
		{"CPT", CPT},
		{"CiscoMAC", CiscoMAC},
		{"DNIShort", DNIShort},
		{"DVLALicence", DVLALicence},
		{"Date", Date},
		{"EHIC", EHIC},
		{"GermanDriversLicence", GermanDriversLicence},
		{"GitHubToken", GitHubToken},
		{"HICN", HICN},
		{"LettersAndDigits", LettersAndDigits},
		{"MAC", MAC},
		{"MixedCase", MixedCase},
		{"NIFKLM", NIFKLM},
		{"OntarioHealthNumber", OntarioHealthNumber},
		{"PhoneDE", PhoneDE},
		{"PhoneIT", PhoneIT},
		{"RAMQ", RAMQ},
		{"RG", RG},
		{"RIB", RIB},
		{"SPI", SPI},
		{"SlackToken", SlackToken},
		{"StripePAN", StripePAN},
		{"ZIPCode", ZIPCode},
	}...)
	for name, c := range map[string]validatorCase{
		"Bearer": {Bearer,
			[]string{
				"2YotnFZFEjr1zCsicMWpAA",           // BearerToken: RFC 6749 example access token
				"ya29.a0AfH6SMBx3kQpLz9Wm2Vr7NcT",  // BearerToken: Google OAuth style
				"gAAAAABh7xK2p9LmQ4rT8vW1zY3bN6cD", // BearerToken: opaque token
				"tGzv3JOkF0XG5Qx2TlKWIA==",         // BearerToken: base64 with padding
				"a8f5f167f44f4964e6c998dee827110c", // BearerToken: hex
			},
			[]string{
				"short123",               // BearerToken: too short
				"abcdefghijklmnopqrstuv", // BearerToken: letters only
				"12345678901234567890",   // BearerToken: digits only
				"realm",                  // BearerToken: a WWW-Authenticate parameter
				"token-expired-for-user", // BearerToken: words
			}},
		"CCC": {CCC,
			[]string{
				"2100 0418 45 0200051332",  // BankAccountNumber-ES: CCC of the registry example, 4-4-2-10
				"01822370440201234567",     // BankAccountNumber-ES: CCC without spaces, computed
				"0049 1500 0512 3456 7892", // BankAccountNumber-ES: CCC in groups of 4
				"0049 1500 01 0512345678",  // computed (weights 1 2 4 8 5 10 9 7 3 6)
				"2085-0103-91-9876543210",  // computed, hyphens
			},
			[]string{
				"ES91 2100 0418 4502 0005 1333", // BankAccountNumber-ES: IBAN failing mod 97
				"ES91 A100 0418 4502 0005 1332", // BankAccountNumber-ES: letter in the bank code
				"ES9121000418450200051",         // BankAccountNumber-ES: IBAN too short
				"2100 0418 46 0200051332",       // BankAccountNumber-ES: CCC with wrong control digits
				"2100041845020005133",           // BankAccountNumber-ES: 19 digits
				"GB29 NWBK 6016 1331 9268 19",   // BankAccountNumber-ES: a UK IBAN
			}},
		"CEP": {CEP,
			[]string{
				"01310-100",  // CepCode-BR: Avenida Paulista, São Paulo
				"20040-020",  // CepCode-BR: Rio de Janeiro
				"70.040-010", // CepCode-BR: dotted form
				"04538132",   // CepCode-BR: 8 digits
				"30130-110",  // CepCode-BR: Belo Horizonte
			},
			[]string{
				"00999-999", // CepCode-BR: below 01000-000
				"1310-100",  // CepCode-BR: 4 digits before the hyphen
				"01310-10",  // CepCode-BR: 2 digits after the hyphen
				"",          // empty
				"00999-999", // below 01000-000
			}},
		"CIN": {CIN,
			[]string{
				"X 05428 11101 000000123456", // BankAccountNumber-IT: BBAN of the registry example
				"T0306909606100000063624",    // BankAccountNumber-IT: BBAN without spaces, CIN computed
				"C-01005-03382-000000218020", // BankAccountNumber-IT: BBAN with hyphens
				"O0306909606100000012345",    // computed
				"R 01005 03200 000000001234", // computed
			},
			[]string{
				"IT60 X054 2811 1010 0000 0123 457", // BankAccountNumber-IT: IBAN failing mod 97
				"IT60 XW54 2811 1010 0000 0123 456", // BankAccountNumber-IT: letter in the ABI
				"Y 05428 11101 000000123456",        // BankAccountNumber-IT: BBAN with a wrong CIN
				"X 05428 11101 00000012345",         // BankAccountNumber-IT: account of 11 characters
				"IT60X054281110100000012345",        // BankAccountNumber-IT: IBAN too short
				"ES91 2100 0418 4502 0005 1332",     // BankAccountNumber-IT: a Spanish IBAN
			}},
		"CPT": {CPT,
			[]string{
				"99213", // HealthcareProcedureCode-US: CPT Category I
				"00100", // lowest Category I code
				"99607", // highest Category I code
				"99213", // office visit
				"12345", // in range
			},
			[]string{
				"D1234",  // HealthcareProcedureCode-US: letter D
				"00099",  // HealthcareProcedureCode-US: below 00100
				"99999",  // HealthcareProcedureCode-US: above 99607
				"J123",   // HealthcareProcedureCode-US: 3 digits
				"123456", // HealthcareProcedureCode-US: 6 digits
			}},
		"CiscoMAC": {CiscoMAC, macValid,
			append(slices.Clip(macInvalid),
				"0012.3456.7890", // MacAddress: dotted digits: a counter, not an address
			)},
		"DNIShort": {DNIShort,
			[]string{
				"12345678Z",    // NationalIdentificationNumber-ES: DNI
				"12.345.678-Z", // NationalIdentificationNumber-ES: dots and hyphen
				"00000001R",    // NationalIdentificationNumber-ES: leading zeros
				"1111111G",     // NationalIdentificationNumber-ES: 7 digits, leading zero dropped
				"55555555k",    // NationalIdentificationNumber-ES: lower-case letter
				"12345678Z",    // NifNumber-ES: DNI form
				"55555555-K",   // NifNumber-ES: hyphen (Presidio's test value)
				"01111111G",    // NifNumber-ES: leading zero
				"1111111-G",    // NifNumber-ES: 7 digits
			},
			[]string{
				"12345678A",  // NationalIdentificationNumber-ES: wrong control letter
				"99999999R",  // NationalIdentificationNumber-ES: Macie's example, not reported
				"00000000T",  // NationalIdentificationNumber-ES: all zeros, not reported
				"123456Z",    // NationalIdentificationNumber-ES: 6 digits
				"123456789Z", // NationalIdentificationNumber-ES: 9 digits
				"12345678A",  // NifNumber-ES: wrong control letter
				"K1234567A",  // NifNumber-ES: K form with a wrong letter
				"99999999R",  // NifNumber-ES: Macie's example, not reported
				"123456789",  // NifNumber-ES: no letter
				"A58818501",  // NifNumber-ES: a CIF
			}},
		"DVLALicence": {DVLALicence,
			[]string{
				"MORGA657054SM9IJ", // DriversLicense-GB: DVLA example, female (month +50)
				"MORGA607054SM9IJ", // DriversLicense-GB: male form
				"FO999512018AA1AB", // DriversLicense-GB: short surname padded with 9
				"JONES710153J99EF", // DriversLicense-GB: one initial padded with 9
				"SMITH862310AB1CD", // DriversLicense-GB: 31 December, female
			},
			[]string{
				"MORGA613054SM9IJ", // DriversLicense-GB: month 13
				"MORGA601324SM9IJ", // DriversLicense-GB: day 32
				"MORGA602304SM9IJ", // DriversLicense-GB: 30 February
				"MO9G9657054SM9IJ", // DriversLicense-GB: letter after the 9 padding
				"MORGA65705SM9IJ",  // DriversLicense-GB: 15 characters
			}},
		"Date": {Date,
			[]string{
				"1990-05-17",     // DateOfBirth: Y-M-D
				"17/05/1990",     // DateOfBirth: D/M/Y
				"05/17/1990",     // DateOfBirth: M/D/Y
				"17 May 1990",    // DateOfBirth: D Month Y
				"May 17, 1990",   // DateOfBirth: Month D, Y
				"29.02.2000",     // DateOfBirth: leap day, dots
				"3rd March 1985", // DateOfBirth: ordinal day
			},
			[]string{
				"1990-02-30",  // DateOfBirth: 30 February
				"31/04/1990",  // DateOfBirth: 31 April
				"29.02.2001",  // DateOfBirth: 29 February of a common year
				"13/13/1990",  // DateOfBirth: month 13 in either order
				"32 May 1990", // DateOfBirth: day 32
				"1899-12-31",  // DateOfBirth: year before 1900
				"2024-06-31",  // DateOfBirth: 31 June
			}},
		"EHIC": {EHIC,
			[]string{
				"80276001234567890123",     // HealthInsuranceCardNumber-EU: Germany (276)
				"80250123456789012345",     // HealthInsuranceCardNumber-EU: France (250)
				"8038 0001 2345 6789 0123", // HealthInsuranceCardNumber-EU: Italy (380), groups of 4
				"80724001122334455667",     // HealthInsuranceCardNumber-EU: Spain (724)
				"80826000000000000042",     // HealthInsuranceCardNumber-EU: United Kingdom (826)
			},
			[]string{
				"81276001234567890123", // HealthInsuranceCardNumber-EU: not starting 80
				"80999001234567890123", // HealthInsuranceCardNumber-EU: country 999
				"8027600123456789012",  // HealthInsuranceCardNumber-EU: 19 digits
				"80276000000000000000", // HealthInsuranceCardNumber-EU: all zeros after the country
				"",                     // empty
			}},
		"GermanDriversLicence": {GermanDriversLicence,
			[]string{
				"B072RRE2I55", // DriversLicense-DE: specimen licence
				"J010000SD51", // DriversLicense-DE: specimen licence
				"N0704578035", // DriversLicense-DE: sample number, check digit verified
				"F0100LQUA01", // DriversLicense-DE: sample number, check digit verified
				"F01335916X1", // DriversLicense-DE: check character X (10)
			},
			[]string{
				"B072RRE2I45", // DriversLicense-DE: wrong check character
				"B020EN83622", // DriversLicense-DE: wrong check character
				"BO12345678A", // DriversLicense-DE: Presidio's made-up value, wrong check character
				"B072RRE2I5",  // DriversLicense-DE: 10 characters
				"30000000000", // DriversLicense-DE: 11 digits, no letter
			}},
		"GitHubToken": {GitHubToken,
			[]string{
				"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", // GitHubToken: classic personal access token, checksum computed
				"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", // GitHubToken: OAuth token
				"ghu_ZyXwVuTsRqPoNmLkJiHgFeDcBa98761AaaSE", // GitHubToken: user-to-server token
				"ghs_0123456789abcdefghijABCDEFGHIJ3mpbCX", // GitHubToken: server-to-server token
				"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", // GitHubToken: refresh token
			},
			[]string{
				"ghp_Xk3vQ9mZp2LrT8cW5dN7bY4hJ1fS0a2qvdW1", // GitHubToken: wrong checksum
				"ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", // GitHubToken: placeholder
				"ghp_Xk3vQ9mZp2LrT8cW5dN7bY4hJ1fS0a2qvdW",  // GitHubToken: 35 characters
				"github_pat_short",                         // GitHubToken: fine-grained prefix alone
				"",                                         // empty
			}},
		"HICN": {HICN,
			[]string{
				"536221234A",     // HealthInsuranceClaimNumber-US: SSN and code A
				"536-22-1234A",   // HealthInsuranceClaimNumber-US: hyphens
				"536 22 1234 C1", // HealthInsuranceClaimNumber-US: spaces, code C1
				"536221234T",     // HealthInsuranceClaimNumber-US: code T
				"536-22-1234A",   // SSN rules, code A
			},
			[]string{
				"536221234Z", // HealthInsuranceClaimNumber-US: code Z
				"000221234A", // HealthInsuranceClaimNumber-US: SSN area 000
				"53622123A",  // HealthInsuranceClaimNumber-US: 8 digits
				"536221234",  // HealthInsuranceClaimNumber-US: no code
				"XY123456",   // HealthInsuranceClaimNumber-US: unknown RRB prefix
			}},
		"LettersAndDigits": {LettersAndDigits,
			[]string{
				"AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI",                                                       // GoogleApiKey: API key
				"AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q",                                                       // GoogleApiKey: API key
				"AIzaSyBx_yZ9-8wV7uT6sR5qP4oN3mL2kJ1iH0g",                                                       // GoogleApiKey: with - and _
				"AIzaSyC00000000000000000000000000000000",                                                       // GoogleApiKey: digits
				"AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe",                                                       // GoogleApiKey: API key
				"sk_live_4eC39HqLyjWDarjtT1zdp7dc",                                                              // StripeApiKey: secret key
				"rk_live_51H8kLmN2oPqRsTuVwXyZ0123456789abcd",                                                   // StripeApiKey: restricted key
				"pk_live_TYooMQauvdEDq54NiTphI7jx",                                                              // StripeApiKey: publishable key
				"sk_live_51HqLyjWDarjtT1zdp7dc4eC39HqLyjWDarjtT1zdp7dc4eC39",                                    // StripeApiKey: long secret key
				"sk_live_a1b2c3d4e5f6g7h8i9j0k1l2",                                                              // StripeApiKey: 24 characters
				"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",                                                      // GitHubToken: classic personal access token, checksum computed
				"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",                                                      // GitHubToken: OAuth token
				"ghu_ZyXwVuTsRqPoNmLkJiHgFeDcBa98761AaaSE",                                                      // GitHubToken: user-to-server token
				"ghs_0123456789abcdefghijABCDEFGHIJ3mpbCX",                                                      // GitHubToken: server-to-server token
				"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",                                                      // GitHubToken: refresh token
				"github_pat_11ABCDEFG0123456789abc_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", // GitHubToken: fine-grained token
			},
			[]string{
				"AIza",                             // GoogleApiKey: prefix alone
				"sk_live_abcdefghijklmnopqrstuvwx", // StripeApiKey: letters only
				"sk_live",                          // StripeApiKey: prefix alone
				"ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", // GitHubToken: placeholder
				"github_pat_short",                         // GitHubToken: fine-grained prefix alone
			}},
		"MAC": {MAC,
			append(slices.Clip(macValid),
				"0012.3456.7890", // dotted digits: CiscoMAC's pattern asks for a letter, MAC's does not
			),
			append(slices.Clip(macInvalid),
				"FF-FF-FF-FF-FF-FF", // broadcast, upper case
			)},
		"MixedCase": {MixedCase,
			[]string{
				"PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA+", // AwsSecretKey: 40 base64 characters ending in +
				"2O76UMFxFkM+R5Kjp1vRt/1fjORS+6ilI8ihN5KX", // AwsSecretKey: with / and +
				"Sc7Tvo+hBKqFYY+kv5ZJr3J1TWDtkwtDDb/xHKas", // AwsSecretKey: with / and +
				"1VOqg6YYZYn9ZhyiA4uoRgnatmUdjAWtGSU8po/7", // AwsSecretKey: ending in /7
				"99NksnRH9ucAUsdMlHUvTCQCyEZDz+TddJ8HyS5S", // AwsSecretKey: starting with digits
				"UkCnD8zRA9a9SkpXz9w3QlY7Zkuvqdt7s8Stqcbn", // AwsSecretKey: letters and digits only
			},
			[]string{
				"7i1mnbqns6puq80idw3706i8j76b2lajlj4h9du7", // AwsSecretKey: no upper-case letter
				"HJEYXgJdpmrcXgGCJbWeCuNGMGmSrCGIZEGpSHqJ", // AwsSecretKey: no digit
				"da39a3ee5e6b4b0d3255bfef95601890afd80709", // AwsSecretKey: a SHA-1 digest (lower-case hex)
				"",           // empty
				"abcdefghij", // letters only
			}},
		"NIFKLM": {NIFKLM,
			[]string{
				"01111111G", // NifNumber-ES: leading zero
				"K1234567L", // NifNumber-ES: K form, letter computed
				"K1234567L", // computed
				"M7654321J", // computed
				"l0012345v", // computed, lower case
			},
			[]string{
				"12345678A", // NifNumber-ES: wrong control letter
				"K1234567A", // NifNumber-ES: K form with a wrong letter
				"99999999R", // NifNumber-ES: Macie's example, not reported
				"123456789", // NifNumber-ES: no letter
				"A58818501", // NifNumber-ES: a CIF
			}},
		"OntarioHealthNumber": {OntarioHealthNumber,
			[]string{
				"1234-567-897-AB", // PersonalHealthNumber-CA: Ontario, with version code
				"4512345671",      // PersonalHealthNumber-CA: Ontario, Luhn computed
				"1234-567-897",    // computed Luhn
				"9876543217",      // computed Luhn
				"4561 237 894 AB", // computed Luhn, version code
			},
			[]string{
				"9698 658 216",   // PersonalHealthNumber-CA: BC PHN with a wrong check digit
				"1234-567-890",   // PersonalHealthNumber-CA: Ontario failing Luhn
				"TREM 8513 1512", // PersonalHealthNumber-CA: Quebec, month 13
				"12345678",       // PersonalHealthNumber-CA: 8 digits
				"TRE 8501 1512",  // PersonalHealthNumber-CA: Quebec, 3 letters
			}},
		"PhoneDE": {PhoneDE,
			[]string{
				"+49 30 1234567",     // PhoneNumber-DE: +49, Berlin (Presidio's test value)
				"+49 171 1234567",    // PhoneNumber-DE: +49, mobile
				"+49 (0)89 123456",   // PhoneNumber-DE: +49 (0)
				"+4922812345",        // PhoneNumber-DE: +49 without separators
				"030/12345678",       // PhoneNumber-DE: national number with a slash
				"0171/1234567",       // PhoneNumber-DE: national mobile number with a slash
				"089 123456",         // PhoneNumber-DE: short national number (DIN 5008)
				"+49 800 1234567890", // PhoneNumber-DE: toll-free, 13 digits (libphonenumber's example)
				"+49 800 1234567",    // PhoneNumber-DE: toll-free, 10 digits
			},
			[]string{
				"+49 30 123",              // PhoneNumber-DE: too short
				"+49 30 1234567890",       // PhoneNumber-DE: too long
				"+49 30 123456789012",     // PhoneNumber-DE: too long, not toll-free
				"+49 800 123456789012345", // PhoneNumber-DE: toll-free, too long
				"030 12",                  // PhoneNumber-DE: national number too short
				"",                        // empty
				"+49 30 12",               // too few digits
			}},
		"PhoneIT": {PhoneIT,
			[]string{
				"+39 06 678 4343",  // PhoneNumber-IT: +39, Rome (Presidio's test value)
				"+39 347 123 4567", // PhoneNumber-IT: +39, mobile
				"+390212345678",    // PhoneNumber-IT: +39 without separators, Milan
				"+39 02 1234 5678", // PhoneNumber-IT: +39, Milan
				"06 678 4343",      // PhoneNumber-IT: national number, Rome
				"347 123 4567",     // PhoneNumber-IT: national mobile number
			},
			[]string{
				"+39 06 12",             // PhoneNumber-IT: too short
				"+39 06 1234 5678 9012", // PhoneNumber-IT: too long
				"06 12",                 // PhoneNumber-IT: national number too short
				"",                      // empty
				"+39 06 12",             // too few digits
			}},
		"RAMQ": {RAMQ,
			[]string{
				"TREM 8551 1512", // PersonalHealthNumber-CA: Quebec RAMQ, woman born 1985
				"TREM 8501 0112", // 1 January 1985
				"ABCD 9562 3099", // woman, 30 December
				"ABCD11111111",   // 11 November
				"XYZW 0007 3101", // 31 July
			},
			[]string{
				"9698 658 216",   // PersonalHealthNumber-CA: BC PHN with a wrong check digit
				"1234-567-890",   // PersonalHealthNumber-CA: Ontario failing Luhn
				"TREM 8513 1512", // PersonalHealthNumber-CA: Quebec, month 13
				"12345678",       // PersonalHealthNumber-CA: 8 digits
				"",               // empty
			}},
		"RG": {RG,
			[]string{
				"31.203.131-2", // RgNumber-BR: São Paulo format, check computed
				"24.678.131-2", // RgNumber-BR: check computed
				"39.177.324-0", // RgNumber-BR: check 0
				"421003571",    // RgNumber-BR: 9 digits, check computed
				"10.000.009-5", // RgNumber-BR: check computed
			},
			[]string{
				"31.203.131-3", // RgNumber-BR: wrong check digit
				"11.111.111-1", // RgNumber-BR: one repeated digit
				"31.203.131",   // RgNumber-BR: no check digit
				"3120313124",   // RgNumber-BR: 10 digits
				"31.203.131-Y", // RgNumber-BR: check letter other than X
			}},
		"RIB": {RIB,
			[]string{
				"20041 01005 0500013M026 06", // BankAccountNumber-FR: RIB of the registry example
				"30004 00003 00010544300 70", // BankAccountNumber-FR: RIB, key computed
				"30006000011234567890189",    // BankAccountNumber-FR: RIB without spaces
				"20041 01005 0500013M026 06", // RIB of the SWIFT registry FR IBAN example
				"30004 00823 00010756321 55", // computed
			},
			[]string{
				"FR14 2004 1010 0505 0001 3M02 607", // BankAccountNumber-FR: IBAN failing mod 97
				"FR14 A004 1010 0505 0001 3M02 606", // BankAccountNumber-FR: letter in the bank code
				"20041 01005 0500013M026 07",        // BankAccountNumber-FR: RIB with a wrong key
				"20041 01005 0500013M02 06",         // BankAccountNumber-FR: account of 10 characters
				"FR142004101005050001",              // BankAccountNumber-FR: IBAN too short
				"DE89 3704 0044 0532 0130 00",       // BankAccountNumber-FR: a German IBAN
			}},
		"SPI": {SPI,
			[]string{
				"30 23 217 600 053", // TaxId-FR: DataDog's test value
				"07 01 987 765 493", // TaxId-FR: DataDog's test value
				"3023217600053",     // TaxId-FR: plain
				"1234567890066",     // TaxId-FR: key computed
				"2999999999248",     // TaxId-FR: key computed
			},
			[]string{
				"30 23 217 600 054", // TaxId-FR: wrong key
				"4023217600053",     // TaxId-FR: starting 4
				"302321760005",      // TaxId-FR: 12 digits
				"0000000000000",     // TaxId-FR: all zeros
				"",                  // empty
			}},
		"SlackToken": {SlackToken,
			[]string{
				"xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",                     // SlackToken: bot token
				"xoxp-123456789012-123456789012-123456789012-0123456789abcdef0123456789abcdef", // SlackToken: user token
				"xoxa-2-123456789012-123456789012-0123456789abcdef",                            // SlackToken: app token
				"xoxr-123456789012-AbCdEfGhIjKlMnOpQrSt",                                       // SlackToken: refresh token
				"xoxs-123456789012-123456789012-abcdef012345",                                  // SlackToken: session token
			},
			[]string{
				"xoxb-not-a-real-token", // SlackToken: too short
				"xoxb-abcdefghijkl-abcdefghijklm-AbCdEfGhIjKlMnOpQrStUvWx", // SlackToken: no numeric ID
				"xoxb123456789012", // SlackToken: no hyphen
				"xoxb-1234567",     // SlackToken: prefix and a short number
				"",                 // empty
			}},
		"StripePAN": {StripePAN,
			[]string{
				"%B4539148803436467^DOE/JOHN^2512101000000000000000?", // CreditCardMagneticStripe: track 1
				";4539148803436467=25121010000000000000?",             // CreditCardMagneticStripe: track 2
				"B5500005555555559^SMITH/JANE A^27081200000?",         // CreditCardMagneticStripe: track 1 without sentinels
				"4012000033330026=29061010000?",                       // CreditCardMagneticStripe: track 2 without start sentinel
				"%B371449635398431^AMEX TEST^2604201123456?",          // CreditCardMagneticStripe: track 1, 15-digit PAN
			},
			[]string{
				"%B4539148803436468^DOE/JOHN^2512101000000000000000?", // CreditCardMagneticStripe: PAN fails Luhn
				";45391488034=25121010000?",                           // CreditCardMagneticStripe: 11-digit PAN
				"",                                                    // empty
				"%B4111111111111112^DOE/JOHN^2512101",                 // PAN fails Luhn
				";41111111111=2512",                                   // PAN too short
			}},
		"ZIPCode": {ZIPCode,
			[]string{
				"98109",      // ZipCode-US: ZIP
				"98109-5210", // ZipCode-US: ZIP+4
				"10001",      // ZipCode-US: ZIP
				"02134",      // ZipCode-US: leading zero
				"90210-1234", // ZipCode-US: ZIP+4
			},
			[]string{
				"00000",      // ZipCode-US: all zero
				"00000-1234", // ZipCode-US: all-zero ZIP with +4
				"9810",       // ZipCode-US: 4 digits
				"",           // empty
				"0000",       // too short
			}},
	} {
		validatorCases[name] = c
	}
}

// macValid are the MAC addresses that MAC and CiscoMAC accept, and
// macInvalid what both reject; CiscoMAC is MAC asking for a hex letter.
var (
	macValid = []string{
		"00:1A:2B:3C:4D:5E", // MacAddress: colons, upper case
		"3c:22:fb:12:ab:cd", // MacAddress: colons, lower case
		"00-1a-2b-3c-4d-5e", // MacAddress: hyphens
		"F0-18-98-AA-BB-CC", // MacAddress: hyphens, upper case
		"001a.2b3c.4d5e",    // MacAddress: Cisco dotted
	}
	macInvalid = []string{
		"00:00:00:00:00:00", // MacAddress: all zero
		"ff:ff:ff:ff:ff:ff", // MacAddress: broadcast
		"00:1a:2B:3c:4D:5e", // MacAddress: mixed case
		"",                  // empty
	}
)
