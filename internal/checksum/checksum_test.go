package checksum

import (
	"strings"
	"testing"
)

// validatorCase lists values a validator must accept and reject. Unless a
// comment says otherwise, values are published examples or were computed
// with an independent implementation of the documented algorithm.
type validatorCase struct {
	fn      func([]byte) bool
	valid   []string
	invalid []string
}

var validatorCases = map[string]validatorCase{
	"Luhn": {Luhn,
		[]string{
			"79927398713", // Wikipedia example
			"4111 1111 1111 1111",
			"046 454 286", // Service Canada SIN example
			"1234-5678-1234-5670",
			"00",
			"378282246310005",
		},
		[]string{
			"79927398710", // check digit
			"4111111111111112",
			"0", // too short
			"",
			"7992739871a",
			"79927398713 ",  // trailing separator
			"7992.7398.713", // dots are not separators
			"７９９２７３９８７１３",   // full-width digits
		}},
	"CreditCard": {CreditCard,
		[]string{
			"378282246310005",     // American Express test number
			"340000000000009",     // American Express 34
			"4111 1111 1111 1111", // Visa test number
			"4222222222222",       // Visa, 13 digits
			"4000000000000000006", // Visa, 19 digits
			"4026000000000002",    // Visa Electron
			"4175000000000001",    // Visa Electron
			"5555-5555-5555-4444", // Mastercard test number
			"2221000000000009",    // Mastercard 2-series, low end
			"2720000000000005",    // Mastercard 2-series, high end
			"6011111111111117",    // Discover test number
			"6221260000000000",    // Discover 622126
			"6229250000000000006", // Discover 622925, 19 digits
			"6440000000000005",    // Discover 644
			"6500000000000002",    // Discover 65
			"3530111333300000",    // JCB test number
			"3589000000000000009", // JCB, 19 digits
			"30569309025904",      // Diners Club test number
			"36000000000008",      // Diners Club 36
			"3800000000000006",    // Diners Club 38
			"6200000000000005",    // UnionPay test number
			"5019717010103742",    // Dankort test number
			"4571000000000001",    // Visa/Dankort
		},
		[]string{
			"4111111111111112",    // Luhn
			"3400000000000000",    // American Express with 16 digits
			"40000000000002",      // Visa with 14 digits
			"51000000000000003",   // Mastercard with 17 digits
			"601100000000001",     // Discover with 15 digits
			"620000000000000",     // UnionPay with 15 digits
			"50190000000000005",   // Dankort with 17 digits
			"2220000000000000",    // below the Mastercard 2-series
			"2721000000000004",    // above the Mastercard 2-series
			"3527000000000008",    // below JCB
			"3590000000000000",    // above JCB
			"30600000000001",      // Diners Club stops at 305
			"5610591081018250",    // Australian Bankcard: not a listed issuer
			"6331101999990016",    // Switch/Solo: not a listed issuer
			"6759000000000000",    // Maestro UK: not a listed issuer
			"1000000000000008",    // UATP-like prefix
			"9000000000000001",    // no issuer
			"4111.1111.1111.1111", // dots are not separators
			"4111 1111 1111 1111 ",
			"4111111111111111111111", // too long
			"",
		}},
	"IBAN": {IBAN,
		[]string{
			"GB29NWBK60161331926819", // IBAN registry example
			"GB29 NWBK 6016 1331 9268 19",
			"GB29-NWBK-6016-1331-9268-19",
			"gb29nwbk60161331926819",
			"DE89370400440532013000",
			"DE89 3704 0044 0532 0130 00",
			"FR1420041010050500013M02606",
			"NO9386011117947",                  // shortest (15)
			"LC55HEMM000100010012001200023015", // longest (32)
			"RU0204452560040702810412345678901",
			"GB97NWBK60161310000006", // check digits 97
			"GB98NWBK60161310000085", // check digits 98
		},
		[]string{
			"GB29NWBK60161331926818",  // checksum
			"GB28NWBK60161331926819",  // checksum
			"GB29NWBK6016133192681",   // too short for GB
			"GB29NWBK601613319268190", // too long for GB
			"GB18NWBK6016133192681X",  // letter in the numeric account (checksum passes)
			"GB321WBK60161331926819",  // digit in the alphabetic bank code (checksum passes)
			"DE0537040044053201300A",  // letter in a numeric BBAN (checksum passes)
			"XX361234567890",          // no such IBAN country (checksum passes)
			"GB00NWBK60161310000006",  // check digits 00 alias 97
			"GB01NWBK60161310000085",  // check digits 01 alias 98
			"GB29.NWBK.6016.1331.9268.19",
			" GB29NWBK60161331926819",
			"GB2",
			"",
		}},
	"SortCodeAccount": {SortCodeAccount,
		[]string{
			"60-16-13 31926819", // Macie documentation example
			"60 16 13 31926819",
			"601613 31926819",
			"60-16-13-31926819",
			"60161331926819",
		},
		[]string{
			"60-16 13 31926819", // mixed sort-code separators
			"60-16-13 3192681",  // 7-digit account
			"60-16-13 319268190",
			"6-016-13 31926819",
			"00-00-00 31926819",
			"60-16-13 00000000",
			"60-16-13 3192 6819",
			"60-16-13 31926819 ",
		}},
	"SSN": {SSN,
		[]string{
			"536-90-4399",
			"536 90 4399",
			"536904399",
			"001-01-0001",
			"665-99-9999",
			"899-99-9999",
			"078-05-1121",
		},
		[]string{
			"000-12-3456", // area 000
			"666-12-3456", // area 666
			"900-12-3456", // area 9xx (ITIN range)
			"987-65-4320", // advertising range
			"536-00-4399", // group 00
			"536-90-0000", // serial 0000
			"078-05-1120", // Woolworth wallet card
			"219-09-9999", // Social Security Board pamphlet
			"123-45-6789",
			"536-90 4399", // mixed separators
			"53-690-4399", // wrong grouping
			"536.90.4399",
			"5369043990",
			"536-90-439a",
		}},
	"ITIN": {ITIN,
		[]string{
			"912-70-1234",
			"912 50 1234",
			"912651234",
			"999-88-0001",
			"900-90-5678",
			"900-94-5678",
		},
		[]string{
			"912-93-1234", // 93 not in the ranges
			"912-89-1234",
			"912-66-1234",
			"912-49-1234",
			"812-70-1234", // does not start with 9
			"912-70-12345",
			"912_70_1234",
		}},
	"MBI": {MBI,
		[]string{
			"1EG4-TE5-MK73", // CMS example
			"1EG4TE5MK73",
			"1eg4-te5-mk73",
			"9AA0A00AA00",
			"5K13N72PJ49",
		},
		[]string{
			"0EG4TE5MK73",  // position 1 is 0
			"1SG4TE5MK73",  // S is excluded
			"1EG4TE5MO73",  // O is excluded
			"1EGATE5MK73",  // position 4 must be a digit
			"1EG4TE5M173",  // position 9 must be a letter
			"1EG4TE5MK7L",  // position 11 must be a digit
			"1EG4TE5MK7",   // 10 characters
			"1EG4TE5MK733", // 12 characters
			"1EG4_TE5_MK73",
		}},
	"DEA": {DEA,
		[]string{
			"BJ6125341",
			"A91234563", // second character 9
			"XS7654329", // X: buprenorphine waiver
			"MJ0000012",
			"GZ3141594",
			"bj6125341",
		},
		[]string{
			"BJ6125342", // check digit
			"IB1234563", // I is not a registrant type
			"1B1234563",
			"A11234563", // second character digit other than 9
			"BJ612534",
			"BJ61253411",
			"BJ 6125341",
		}},
	"NPI": {NPI,
		[]string{
			"1234567893", // CMS example
			"1245319599",
			"1987654328",
			"2999999990",
			"1620 305 064",
		},
		[]string{
			"1234567890",
			"1234567894",
			"123456789",
			"12345678931",
			"123456789a",
			"1234567893-",
		}},
	"ABARouting": {ABARouting,
		[]string{
			"021000021", // JPMorgan Chase, New York
			"011000015", // Federal Reserve Bank of Boston
			"121000248", // Wells Fargo
			"026009593", // Bank of America
			"322271627", // Chase, California
			"800000006", // prefix 80 (traveler's cheques)
		},
		[]string{
			"021000022", // checksum
			"131000021", // prefix 13 unassigned (checksum passes)
			"990000026", // prefix 99 unassigned (checksum passes)
			"000000000",
			"02100002",
			"0210000210",
			"021-000-021",
		}},
	"NANP": {NANP,
		[]string{
			"(206) 266-1000",
			"+1 206 266 1000",
			"+1 (206) 266-1000",
			"206-266-1000",
			"206.266.1000",
			"2062661000",
			"12062661000",
			"1-800-555-0199", // fictional 555-01XX numbers are not rejected
		},
		[]string{
			"(106) 266-1000", // area code starts with 1
			"(911) 266-1000", // N11 area code
			"(296) 266-1000", // N9X area code
			"(206) 166-1000", // exchange starts with 1
			"(206) 411-1000", // N11 exchange
			"206-266-100",
			"22062661000",
			"+2062661000",
			"+44 20 7946 0958",
			"2(06) 266-1000",
			"(206 266-1000",
			"206-266-1000-",
			"206/266/1000",
		}},
	"NDC": {NDC,
		[]string{
			"0777-3105-02",  // 4-4-2
			"68180-512-01",  // 5-3-2
			"55154-4506-0",  // 5-4-1
			"00777-3105-02", // 5-4-2 billing form
			"0777310502",
			"00777310502",
		},
		[]string{
			"0777-3105-2",
			"00777-310-502",
			"077731050",
			"007773105022",
			"0000-0000-00",
			"0777-3105-02-",
			"0777 3105 02",
			"0777--3105-02",
		}},
	"VIN": {VIN,
		[]string{
			"1M8GDM9AXKP042788", // ISO 3779 / Wikipedia example, check digit X
			"1HGCM82633A004352",
			"JH4KA7561PC008269",
			"5YJSA1DG9DFP14705",
			"1G1JC5444R7252367",
			"3VWFE21C04M000001",
			"1m8gdm9axkp042788",
		},
		[]string{
			"1M8GDM9A1KP042788",  // check digit
			"1HGCM82633A00435",   // 16 characters
			"1HGCM82633A0043521", // 18 characters
			"1HGCM8263IA004352",  // I is not allowed
			"WP0ZZZ99ZTS392124",  // European VIN without a check digit
			"1FTFW1ETXZFC10312",  // model year Z (check digit right)
			"1FTFW1ET9UFC10312",  // model year U (check digit right)
			"1FTFW1ET60FC10312",  // model year 0 (check digit right)
			"11111111111111111",  // a single repeated character
			"1HGCM-82633A004352",
		}},
	"LatLong": {LatLong,
		[]string{
			"41.948614,-87.655311", // CloudWatch documentation example
			"41.948614, -87.655311",
			"-33.8688 151.2093",
			"0.0,0.0",
			"90.0,180.0",
			"-90.000,-180.0",
			"+48.8584,+2.2945",
		},
		[]string{
			"91.0,0.0",
			"90.1,0.0",
			"0.0,180.5",
			"0.0,1000.0",
			"41,87",
			"41.948614",
			"41.948614;-87.655311",
			"41°56.9168'N 87°39.3187'W",
			"41.948614,-87.655311,",
			" 41.9,87.6",
			"41.,87.6",
		}},
	"NHS": {NHS,
		[]string{
			"943 476 5919", // NHS Digital example
			"9434765919",
			"943-476-5919",
			"4010232137",
			"4505577104",
			"4857773457",
		},
		[]string{
			"9434765918", // check digit
			"4000000080", // check digit would be 10
			"943476591",
			"94347659190",
			"1111111111", // repeated digit (passes the check)
			"0000000000",
			"943.476.5919",
		}},
	"NINO": {NINO,
		[]string{
			"AB123456C",
			"AB 12 34 56 C",
			"ab123456c",
			"ZY999999D",
			"CE000000A",
			"JG-10-37-59-B",
		},
		[]string{
			"QQ123456C", // HMRC's dummy prefix
			"DA123456A", // invalid first letter
			"AO123456A", // invalid second letter
			"GB123456A", // unallocated prefix
			"NT123456A",
			"AB123456E", // suffix
			"AB12345C",
			"AB1234567C",
			"A1123456C",
			"AB123456",
		}},
	"UTR": {UTR,
		[]string{
			"1123456789",
			"112 345 678 9",
			"9987654321",
			"5555555555",
			"1314159265K",
			"K1314159265",
			"0001314159265", // 13-digit form
		},
		[]string{
			"1123456788",
			"3419210344",
			"112345678",
			"11234567890",
			"K1314159265K",
			"1314159265KK",
			"112-345-678-9",
		}},
	"CPF": {CPF,
		[]string{
			"111.444.777-35",
			"529.982.247-25",
			"123.456.789-09",
			"000.000.001-91",
			"12345678909",
		},
		[]string{
			"123.456.789-00",
			"123.456.789-19",
			"111.111.111-11", // repeated digit (passes the check)
			"123.456.789-0",
			"123.456.789-091",
			"123.456.789_09",
		}},
	"CNPJ": {CNPJ,
		[]string{
			"11.222.333/0001-81",
			"11.444.777/0001-61",
			"00.000.000/0001-91", // Banco do Brasil
			"12.ABC.345/01DE-35", // Receita Federal alphanumeric example
			"12abc34501de35",
			"11222333000181",
		},
		[]string{
			"11.222.333/0001-82",
			"12.ABC.345/01DE-36",
			"00.000.000/0000-00",
			"11.222.333/0001-8",
			"11.222.333/00001-81",
			"11.222.333/0001-8A",
			"11_222_333_0001_81",
		}},
	"DNI": {DNI,
		[]string{
			"12345678Z",
			"23456789D",
			"87654321X",
			"00000001R",
			"12.345.678-Z",
			"12345678z",
		},
		[]string{
			"12345678A",
			"1234567Z",
			"123456789Z",
			"12345678",
			"X1234567L", // an NIE
			"12345678-",
		}},
	"NIE": {NIE,
		[]string{
			"X1234567L",
			"Y1234567X",
			"Z1234567R",
			"X0000000T",
			"y-7654321-g",
		},
		[]string{
			"X1234567A",
			"A1234567L",
			"X123456L",
			"X12345678L",
			"12345678Z", // a DNI
		}},
	"CIF": {CIF,
		[]string{
			"A58818501",
			"B12345674",
			"B1234567D", // letter control accepted too
			"Q2826000H",
			"P0800000B",
			"G00000000",
			"a-58818501",
		},
		[]string{
			"A58818502",
			"A5881850B",
			"I58818501", // I is not an entity type
			"K1234567D", // K is a personal NIF
			"A5881850",
			"A588185011",
			"A58818 50X",
		}},
	"NAF": {NAF,
		[]string{
			"281234567840",
			"28/12345678/40",
			"28 12345678 40",
			"080123456774", // number below 10^7
			"469999999923",
			"532000000080",
		},
		[]string{
			"281234567841",
			"080123456717", // control computed without the below-10^7 rule
			"28123456784",
			"2812345678401",
			"28123456784A",
			"28_12345678_40",
		}},
	"NIR": {NIR,
		[]string{
			"2 55 08 14 168 025 38", // French Wikipedia example
			"255081416802538",
			"185077512345608",
			"299011305500147",
			"178079999999940", // foreign-born code 99
			"289042A34216390", // Corsica 2A
			"289042B34216320", // Corsica 2B
			"352059912345669",
		},
		[]string{
			"255081416802539",
			"555081416802538",  // sex digit 5
			"289042C34216390",  // not 2A or 2B
			"2890A2034216363",  // letter outside the department
			"25508141680253",   // 14 characters
			"2550814168025381", // 16 characters
			"2/55/08/14/168/025/38",
		}},
	"CodiceFiscale": {CodiceFiscale,
		[]string{
			"RSSMRA85T10A562S", // common example (Mario Rossi)
			"MRTMTT91D08F205J",
			"BNCGNN80A41H501X", // woman (day + 40)
			"RSSMRA85T10A56NH", // omocodia
			"RSSMRAURT10A562B", // omocodia in the year
			"rssmra85t10a562s",
			"RSS MRA 85T10 A562S",
		},
		[]string{
			"RSSMRA85T10A562T", // check letter
			"RSSMRA85T32A562Y", // day 32 (check letter right)
			"RSSMRA85X10A562S", // X is not a month
			"RSSMRA85T1OA562S", // O is not an omocodia letter
			"RSSMRA85T10A562",
			"RSSMRA85T10A562SS",
			"R5SMRA85T10A562S",
		}},
	"SteuerID": {SteuerID,
		[]string{
			"86095742719", // BZSt test number
			"47036892816",
			"65929970489",
			"57549285017",
			"25768131411",
			"11234567890", // one digit twice, adjacent
			"86 095 742 719",
		},
		[]string{
			"86095742718", // check digit
			"06095742719", // leading 0
			"11145678908", // a digit three times in a row (check digit right)
			"12345678903", // no repeated digit (check digit right)
			"8609574271",
			"860957427190",
			"86_095_742_719",
		}},
	"GermanDocumentNumber": {GermanDocumentNumber,
		[]string{
			"T220001293",  // identity card sample
			"L01X00T471",  // identity card sample
			"C01X00T478D", // passport sample with nationality
			"LZ6311T475",
			"CFGHJKLMN7",
			"1234567897",
			"t220001293d",
		},
		[]string{
			"T220001294",
			"C01X00T47",   // no check digit
			"A220001290",  // A is not used (check digit right)
			"TB20001290",  // B is not used (check digit right)
			"T220001293X", // only D may follow
			"T2200012930",
			"T22000129",
		}},
	"SIN": {SIN,
		[]string{
			"130 692 544", // Service Canada example
			"123 456 782",
			"276-543-212",
			"512345679",
			"900000001", // temporary residents
		},
		[]string{
			"123 456 789",
			"046 454 286", // fictitious (first digit 0)
			"800000002",   // first digit 8 (Luhn passes)
			"12345678",
			"1234567820",
			"123.456.782",
		}},
	"BCPHN": {BCPHN,
		[]string{
			"9698 658 215", // python-stdnum example
			"9000000018",
			"9876543218",
			"9111111117",
			"9555555552",
		},
		[]string{
			"9698648215", // checksum
			"5736504210", // does not start with 9
			"9000000000", // remainder 0 has no check digit in BC's rule
			"9736A04212",
			"969865821",
			"96986582150",
		}},
	"Verhoeff": {Verhoeff,
		[]string{
			"2363", // Wikipedia example
			"12340",
			"123451",
			"987654321012",
			"5000 0000 0006",
		},
		[]string{
			"2364",
			"12341",
			"987654321013",
			"3",
			"",
			"2363-",
			"23a63",
		}},
}

func TestValidators(t *testing.T) {
	for _, v := range validators {
		c, ok := validatorCases[v.name]
		if !ok {
			t.Errorf("%s: no test cases", v.name)
			continue
		}
		t.Run(v.name, func(t *testing.T) {
			if len(c.valid) < 5 || len(c.invalid) < 5 {
				t.Errorf("want at least 5 valid and 5 invalid cases, have %d and %d", len(c.valid), len(c.invalid))
			}
			for _, s := range c.valid {
				if !c.fn([]byte(s)) {
					t.Errorf("%s(%q) = false, want true", v.name, s)
				}
			}
			for _, s := range c.invalid {
				if c.fn([]byte(s)) {
					t.Errorf("%s(%q) = true, want false", v.name, s)
				}
			}
		})
	}
	if len(validatorCases) != len(validators) {
		t.Errorf("%d case sets for %d validators", len(validatorCases), len(validators))
	}
}

// ibanRegistryExamples holds one example IBAN per registry country, from
// the SWIFT IBAN registry.
var ibanRegistryExamples = []string{
	"AD1200012030200359100100", "AE070331234567890123456", "AL47212110090000000235698741",
	"AT611904300234573201", "AZ21NABZ00000000137010001944", "BA391290079401028494",
	"BE68539007547034", "BG80BNBG96611020345678", "BH67BMAG00001299123456",
	"BI4210000100010000332045181", "BR1800360305000010009795493C1", "BY13NBRB3600900000002Z00AB00",
	"CH9300762011623852957", "CR05015202001026284066", "CY17002001280000001200527600",
	"CZ6508000000192000145399", "DE89370400440532013000", "DJ2100010000000154000100186",
	"DK5000400440116243", "DO28BAGR00000001212453611324", "EE382200221020145685",
	"EG380019000500000000263180002", "ES9121000418450200051332", "FI2112345600000785",
	"FK88SC123456789012", "FO6264600001631634", "FR1420041010050500013M02606",
	"GB29NWBK60161331926819", "GE29NB0000000101904917", "GI75NWBK000000007099453",
	"GL8964710001000206", "GR1601101250000000012300695", "GT82TRAJ01020000001210029690",
	"HN88CABF00000000000250005469", "HR1210010051863000160", "HU42117730161111101800000000",
	"IE29AIBK93115212345678", "IL620108000000099999999", "IQ98NBIQ850123456789012",
	"IS140159260076545510730339", "IT60X0542811101000000123456", "JO94CBJO0010000000000131000302",
	"KW81CBKU0000000000001234560101", "KZ86125KZT5004100100", "LB62099900000001001901229114",
	"LC55HEMM000100010012001200023015", "LI21088100002324013AA", "LT121000011101001000",
	"LU280019400644750000", "LV80BANK0000435195001", "LY83002048000020100120361",
	"MC5811222000010123456789030", "MD24AG000225100013104168", "ME25505000012345678951",
	"MK07250120000058984", "MN121234123456789123", "MR1300020001010000123456753",
	"MT84MALT011000012345MTLCAST001S", "MU17BOMM0101101030300200000MUR", "NI45BAPR00000013000003558124",
	"NL91ABNA0417164300", "NO9386011117947", "OM810180000001299123456",
	"PK36SCBL0000001123456702", "PL61109010140000071219812874", "PS92PALS000000000400123456702",
	"PT50000201231234567890154", "QA58DOHB00001234567890ABCDEFG", "RO49AAAA1B31007593840000",
	"RS35260005601001611379", "RU0204452560040702810412345678901", "SA0380000000608010167519",
	"SC18SSCB11010000000000001497USD", "SD2129010501234001", "SE4550000000058398257466",
	"SI56263300012039086", "SK3112000000198742637541", "SM86U0322509800000000270100",
	"SO211000001001000100141", "ST23000100010051845310146", "SV62CENR00000000000000700025",
	"TL380080012345678910157", "TN5910006035183598478831", "TR330006100519786457841326",
	"UA213223130000026007233566001", "VA59001123000012345678", "VG96VPVG0000012345678901",
	"XK051212012345678906", "YE15CBYE0001018861234567891234",
}

func TestIBANRegistry(t *testing.T) {
	if len(ibanRegistryExamples) != len(ibanFormats) {
		t.Errorf("%d examples for %d registry countries", len(ibanRegistryExamples), len(ibanFormats))
	}
	for i := 1; i < len(ibanFormats); i++ {
		if ibanFormats[i-1].country >= ibanFormats[i].country {
			t.Errorf("ibanFormats not sorted at %s", ibanFormats[i].country)
		}
	}
	for _, f := range ibanFormats {
		n := 4
		for j := 0; j < len(f.bban); j++ {
			k := 0
			for ; isDigit(f.bban[j]); j++ {
				k = k*10 + int(f.bban[j]-'0')
			}
			n += k
		}
		if n != f.length {
			t.Errorf("%s: BBAN %s gives length %d, table says %d", f.country, f.bban, n, f.length)
		}
	}
	for _, s := range ibanRegistryExamples {
		cc, ok := IBANCountry([]byte(s))
		if !ok || cc != s[:2] {
			t.Errorf("IBANCountry(%q) = %q, %v; want %q, true", s, cc, ok, s[:2])
		}
	}
}

func TestIBANCountry(t *testing.T) {
	tests := []struct {
		in      string
		country string
		ok      bool
	}{
		{"GB29 NWBK 6016 1331 9268 19", "GB", true},
		{"de89370400440532013000", "DE", true},
		{"ES9121000418450200051332", "ES", true},
		{"IT60X0542811101000000123456", "IT", true},
		{"FR1420041010050500013M02606", "FR", true},
		{"GB29NWBK60161331926818", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		country, ok := IBANCountry([]byte(tt.in))
		if country != tt.country || ok != tt.ok {
			t.Errorf("IBANCountry(%q) = %q, %v; want %q, %v", tt.in, country, ok, tt.country, tt.ok)
		}
	}
}

func TestIBANFor(t *testing.T) {
	gb, de := IBANFor("GB"), IBANFor("DE")
	tests := []struct {
		in     string
		gb, de bool
	}{
		{"GB29NWBK60161331926819", true, false},
		{"DE89370400440532013000", false, true},
		{"ES9121000418450200051332", false, false},
		{"GB29NWBK60161331926818", false, false},
	}
	for _, tt := range tests {
		if got := gb([]byte(tt.in)); got != tt.gb {
			t.Errorf("IBANFor(GB)(%q) = %v, want %v", tt.in, got, tt.gb)
		}
		if got := de([]byte(tt.in)); got != tt.de {
			t.Errorf("IBANFor(DE)(%q) = %v, want %v", tt.in, got, tt.de)
		}
	}
	if IBANFor("gb")([]byte("GB29NWBK60161331926819")) {
		t.Error(`IBANFor("gb") accepted a GB IBAN; country codes are upper case`)
	}
}

// TestLuhnAgreement checks that CreditCard, SIN and NPI accept only
// Luhn-valid digit strings.
func TestLuhnAgreement(t *testing.T) {
	for _, name := range []string{"CreditCard", "SIN"} {
		for _, s := range validatorCases[name].valid {
			if !Luhn([]byte(s)) {
				t.Errorf("%s accepts %q, which fails Luhn", name, s)
			}
		}
	}
	for _, s := range validatorCases["NPI"].valid {
		if !Luhn([]byte("80840" + strings.ReplaceAll(s, " ", ""))) {
			t.Errorf("NPI accepts %q, which fails Luhn with prefix 80840", s)
		}
	}
}

func TestNoAllocations(t *testing.T) {
	for _, v := range validators {
		for _, s := range validatorCases[v.name].valid {
			b := []byte(s)
			if n := testing.AllocsPerRun(10, func() { v.fn(b) }); n != 0 {
				t.Errorf("%s(%q) allocates %v times", v.name, s, n)
			}
		}
	}
	b := []byte("GB29NWBK60161331926819")
	if n := testing.AllocsPerRun(10, func() { IBANCountry(b) }); n != 0 {
		t.Errorf("IBANCountry allocates %v times", n)
	}
}
