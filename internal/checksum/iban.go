package checksum

// ibanFormat is one country's entry in the SWIFT IBAN registry (ISO 13616):
// the total IBAN length and the BBAN structure in the registry's notation
// without the '!' (fixed length) marks: a count followed by n (digits),
// a (upper-case letters) or c (letters and digits).
type ibanFormat struct {
	country string
	length  int
	bban    string
}

// ibanFormats lists the IBAN countries of the SWIFT IBAN registry as of
// December 2024 (all SEPA countries and the other registered countries),
// sorted by country code. Territories that use a parent's code (GF, JE, AX,
// ...) have no entry of their own.
var ibanFormats = [...]ibanFormat{
	{"AD", 24, "4n4n12c"},
	{"AE", 23, "3n16n"},
	{"AL", 28, "8n16c"},
	{"AT", 20, "5n11n"},
	{"AZ", 28, "4a20c"},
	{"BA", 20, "3n3n8n2n"},
	{"BE", 16, "3n7n2n"},
	{"BG", 22, "4a4n2n8c"},
	{"BH", 22, "4a14c"},
	{"BI", 27, "5n5n11n2n"},
	{"BR", 29, "8n5n10n1a1c"},
	{"BY", 28, "4c4n16c"},
	{"CH", 21, "5n12c"},
	{"CR", 22, "4n14n"},
	{"CY", 28, "3n5n16c"},
	{"CZ", 24, "4n6n10n"},
	{"DE", 22, "8n10n"},
	{"DJ", 27, "5n5n11n2n"},
	{"DK", 18, "4n9n1n"},
	{"DO", 28, "4c20n"},
	{"EE", 20, "2n2n11n1n"},
	{"EG", 29, "4n4n17n"},
	{"ES", 24, "4n4n1n1n10n"},
	{"FI", 18, "3n11n"},
	{"FK", 18, "2a12n"},
	{"FO", 18, "4n9n1n"},
	{"FR", 27, "5n5n11c2n"},
	{"GB", 22, "4a6n8n"},
	{"GE", 22, "2a16n"},
	{"GI", 23, "4a15c"},
	{"GL", 18, "4n9n1n"},
	{"GR", 27, "3n4n16c"},
	{"GT", 28, "4c20c"},
	{"HN", 28, "4a20n"},
	{"HR", 21, "7n10n"},
	{"HU", 28, "3n4n1n15n1n"},
	{"IE", 22, "4a6n8n"},
	{"IL", 23, "3n3n13n"},
	{"IQ", 23, "4a3n12n"},
	{"IS", 26, "4n2n6n10n"},
	{"IT", 27, "1a5n5n12c"},
	{"JO", 30, "4a4n18c"},
	{"KW", 30, "4a22c"},
	{"KZ", 20, "3n13c"},
	{"LB", 28, "4n20c"},
	{"LC", 32, "4a24c"},
	{"LI", 21, "5n12c"},
	{"LT", 20, "5n11n"},
	{"LU", 20, "3n13c"},
	{"LV", 21, "4a13c"},
	{"LY", 25, "3n3n15n"},
	{"MC", 27, "5n5n11c2n"},
	{"MD", 24, "2c18c"},
	{"ME", 22, "3n13n2n"},
	{"MK", 19, "3n10c2n"},
	{"MN", 20, "4n12n"},
	{"MR", 27, "5n5n11n2n"},
	{"MT", 31, "4a5n18c"},
	{"MU", 30, "4a2n2n12n3n3a"},
	{"NI", 28, "4a20n"},
	{"NL", 18, "4a10n"},
	{"NO", 15, "4n6n1n"},
	{"OM", 23, "3n16c"},
	{"PK", 24, "4a16c"},
	{"PL", 28, "8n16n"},
	{"PS", 29, "4a21c"},
	{"PT", 25, "4n4n11n2n"},
	{"QA", 29, "4a21c"},
	{"RO", 24, "4a16c"},
	{"RS", 22, "3n13n2n"},
	{"RU", 33, "9n5n15c"},
	{"SA", 24, "2n18c"},
	{"SC", 31, "4a2n2n16n3a"},
	{"SD", 18, "2n12n"},
	{"SE", 24, "3n16n1n"},
	{"SI", 19, "5n8n2n"},
	{"SK", 24, "4n6n10n"},
	{"SM", 27, "1a5n5n12c"},
	{"SO", 23, "4n3n12n"},
	{"ST", 25, "4n4n11n2n"},
	{"SV", 28, "4a20n"},
	{"TL", 23, "3n14n2n"},
	{"TN", 24, "2n3n13n2n"},
	{"TR", 26, "5n1n16c"},
	{"UA", 29, "6n19c"},
	{"VA", 22, "3n15n"},
	{"VG", 24, "4a16n"},
	{"XK", 20, "4n10n2n"},
	{"YE", 30, "4a4n18c"},
}

const ibanMaxLength = 34

// lookupIBANFormat returns the registry entry for the upper-case country
// code c0 c1, or nil.
func lookupIBANFormat(c0, c1 byte) *ibanFormat {
	lo, hi := 0, len(ibanFormats)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		f := &ibanFormats[m]
		switch {
		case f.country[0] == c0 && f.country[1] == c1:
			return f
		case f.country[0] < c0 || (f.country[0] == c0 && f.country[1] < c1):
			lo = m + 1
		default:
			hi = m
		}
	}
	return nil
}

// matchBBAN reports whether b has the structure described by format.
func matchBBAN(b []byte, format string) bool {
	i := 0
	for j := 0; j < len(format); j++ {
		count := 0
		for ; isDigit(format[j]); j++ {
			count = count*10 + int(format[j]-'0')
		}
		if i+count > len(b) {
			return false
		}
		for _, c := range b[i : i+count] {
			switch format[j] {
			case 'n':
				if !isDigit(c) {
					return false
				}
			case 'a':
				if !isUpper(c) {
					return false
				}
			}
		}
		i += count
	}
	return i == len(b)
}

// ibanMod97 returns the ISO 7064 mod 97-10 remainder of the upper-case IBAN
// b after moving its first four characters to the end and replacing letters
// by 10 to 35.
func ibanMod97(b []byte) int {
	r := 0
	add := func(c byte) {
		if isDigit(c) {
			r = (r*10 + int(c-'0')) % 97
		} else {
			r = (r*100 + int(c-'A'+10)) % 97
		}
	}
	for _, c := range b[4:] {
		add(c)
	}
	for _, c := range b[:4] {
		add(c)
	}
	return r
}

// parseIBAN returns the registry entry of a valid IBAN, or nil.
func parseIBAN(value []byte) *ibanFormat {
	var buf [ibanMaxLength]byte
	n := compact(buf[:], value, space|hyphen)
	if n < 5 {
		return nil
	}
	b := buf[:n]
	if !isUpper(b[0]) || !isUpper(b[1]) || !isDigit(b[2]) || !isDigit(b[3]) {
		return nil
	}
	f := lookupIBANFormat(b[0], b[1])
	if f == nil || n != f.length || !matchBBAN(b[4:], f.bban) {
		return nil
	}
	// Check digits 00, 01 and 99 are never issued (they alias 97, 98, 02).
	if check := atoi(b[2:4]); check < 2 || check > 98 {
		return nil
	}
	if ibanMod97(b) != 1 {
		return nil
	}
	return f
}

// IBAN reports whether value is an International Bank Account Number (ISO
// 13616): a country's registered length and BBAN structure, passing the ISO
// 7064 mod 97-10 check.
//
// The country code must be in the SWIFT IBAN registry (all SEPA countries and
// the other registered countries), the BBAN must match the registry's character
// classes, and the check digits 00, 01 and 99 are rejected. Spaces and hyphens
// are ignored; letters may be in either case.
func IBAN(value []byte) bool {
	return parseIBAN(value) != nil
}

// IBANCountry returns the upper-case ISO 3166-1 alpha-2 country code of a
// valid IBAN (see IBAN), and whether value is one.
func IBANCountry(value []byte) (country string, ok bool) {
	f := parseIBAN(value)
	if f == nil {
		return "", false
	}
	return f.country, true
}

// IBANFor returns a validator that accepts the valid IBANs (see IBAN) of
// the given country, such as "GB" or "DE". For a code that has no IBAN
// format, the validator rejects every value.
func IBANFor(country string) func(value []byte) bool {
	return func(value []byte) bool {
		f := parseIBAN(value)
		return f != nil && f.country == country
	}
}

// SortCodeAccount reports whether value has the shape of a UK domestic bank
// account, a 6-digit sort code and an 8-digit account number: shape only.
//
// The sort code is written 601613, 60-16-13 or 60 16 13, and spaces or hyphens
// may separate it from the account number, as in "60-16-13 31926819". UK
// account numbers have no public check digit; all-zero parts are rejected.
func SortCodeAccount(value []byte) bool {
	var d [14]byte
	n := 0
	i := 0
	digit := func() bool {
		if i < len(value) && isDigit(value[i]) && n < len(d) {
			d[n] = value[i]
			n++
			i++
			return true
		}
		return false
	}
	pair := func() bool {
		for k := 0; k < 2; k++ {
			if !digit() {
				return false
			}
		}
		return true
	}
	sep := func() byte {
		if i < len(value) && (value[i] == ' ' || value[i] == '-') {
			i++
			return value[i-1]
		}
		return 0
	}
	// Sort code: three pairs, with one separator style between them or none.
	if !pair() {
		return false
	}
	s1 := sep()
	if !pair() {
		return false
	}
	if sep() != s1 {
		return false
	}
	if !pair() {
		return false
	}
	// Between the sort code and the account number: any spaces and hyphens.
	for sep() != 0 {
	}
	for k := 0; k < 8; k++ {
		if !digit() {
			return false
		}
	}
	if i != len(value) {
		return false
	}
	return !allZero(d[:6]) && !allZero(d[6:])
}
