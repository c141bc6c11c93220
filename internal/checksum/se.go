package checksum

// Personnummer reports whether value is a Swedish personal identity number
// (personnummer) or coordination number (samordningsnummer), as Skatteverket
// issues them: [CC]YYMMDD, an optional - or + and 4 digits, the last a Luhn
// check digit over the 10 digits YYMMDDNNN.
//
// The date must exist; a coordination number adds 60 to the day and may
// leave the month or the day unknown (00). With the
// century (12 digits) the date is checked in that year; without it, 29
// February is accepted in any leap year of the two centuries it could be.
// The separator, when present, stands before the last 4 digits.
func Personnummer(value []byte) bool {
	var d [12]byte
	n := 0
	for i, c := range value {
		switch {
		case isDigit(c):
			if n == len(d) {
				return false
			}
			d[n] = c
			n++
		case (c == '-' || c == '+') && i == len(value)-5 && i > 0:
		default:
			return false
		}
	}
	var year int
	b := d[:n]
	switch n {
	case 12:
		year = int(atoi(b[0:4]))
		if year < 1800 {
			return false
		}
		b = b[2:]
	case 10:
		year = 2000 + int(atoi(b[0:2])) // leap years repeat every 4 years; 1900 is the only exception, and 2000 is leap
	default:
		return false
	}
	month, day := int(atoi(b[2:4])), int(atoi(b[4:6]))
	switch {
	case day >= 60:
		// A coordination number: the month or the day (00) may be unknown.
		day -= 60
		if month > 12 || day > 31 || month != 0 && day != 0 && !validDate(year, month, day) && !(n == 10 && month == 2 && day == 29) {
			return false
		}
	case !validDate(year, month, day) && !(n == 10 && month == 2 && day == 29 && year%4 == 0):
		return false
	}
	return Luhn(b)
}
