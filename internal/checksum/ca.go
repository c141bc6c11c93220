package checksum

// SIN reports whether value is a Canadian Social Insurance Number (Service
// Canada): 9 digits passing the Luhn check, the first not 0 or 8.
//
// Numbers starting with 0 are fictitious and 8 is unused. Spaces and hyphens,
// as in 123 456 782, are ignored.
func SIN(value []byte) bool {
	var d [9]byte
	if compact(d[:], value, space|hyphen) != len(d) || !allDigits(d[:]) || d[0] == '0' || d[0] == '8' {
		return false
	}
	return luhnSum(d[:])%10 == 0
}

// BCPHN reports whether value is a British Columbia Personal Health Number: 10
// digits starting with 9, ending in a mod 11 check digit (weights
// 2,4,8,5,10,9,7,3).
//
// The check digit is 11 - (s mod 11) over digits 2-9, following the province's
// rule that sums leaving remainder 0 or 1 have no valid check digit. Spaces and
// hyphens, as in 9698 658 215, are ignored.
func BCPHN(value []byte) bool {
	var d [10]byte
	if compact(d[:], value, space|hyphen) != len(d) || !allDigits(d[:]) || d[0] != '9' {
		return false
	}
	sum := 0
	for i, w := range [8]int{2, 4, 8, 5, 10, 9, 7, 3} {
		sum += int(d[i+1]-'0') * w
	}
	return 11-sum%11 == int(d[9]-'0')
}

// OntarioHealthNumber reports whether value is an Ontario health number:
// 10 digits, not one repeated, passing the Luhn check.
//
// Every byte that is not a digit is ignored (the version code letters
// after the number among them).
func OntarioHealthNumber(value []byte) bool {
	var buf [10]byte
	d := digitsOf(buf[:], value)
	return len(d) == 10 && !allSame(d) && Luhn(d)
}

// RAMQ reports whether the birth date in a Quebec health insurance number
// (4 letters, YY, MM plus 50 for women, DD, 2 digits) is plausible: 8
// digits, a month 1-12 and a day 1-31.
//
// Every byte that is not a digit is ignored.
func RAMQ(value []byte) bool {
	var buf [12]byte
	d := digitsOf(buf[:], value)
	if len(d) != 8 {
		return false
	}
	month := int(d[2]-'0')*10 + int(d[3]-'0')
	if month > 50 {
		month -= 50
	}
	day := int(d[4]-'0')*10 + int(d[5]-'0')
	return month >= 1 && month <= 12 && day >= 1 && day <= 31
}
