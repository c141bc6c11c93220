package checksum

// ehicCountries are the ISO 3166 numeric codes of the countries that issue
// the European Health Insurance Card: the EU, Iceland, Liechtenstein,
// Norway, Switzerland and the United Kingdom.
var ehicCountries = [...]string{
	"040", "056", "100", "191", "196", "203", "208", "233", "246", "250", "276", "300", "348", "352", "372",
	"380", "428", "438", "440", "442", "470", "528", "578", "616", "620", "642", "703", "705", "724", "752", "756", "826",
}

// EHIC reports whether value is a European Health Insurance Card number: 20
// digits, the ISO/IEC 7812 health card prefix 80, the ISO 3166 numeric code
// of a country that issues the card, and not all zeros after it.
//
// Every byte that is not a digit is ignored.
func EHIC(value []byte) bool {
	var buf [20]byte
	d := digitsOf(buf[:], value)
	if len(d) != 20 || d[0] != '8' || d[1] != '0' || allZero(d[5:]) {
		return false
	}
	for _, c := range ehicCountries {
		if string(d[2:5]) == c {
			return true
		}
	}
	return false
}
