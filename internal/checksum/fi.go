package checksum

// HETU reports whether value is a Finnish personal identity code
// (henkilötunnus): DDMMYY, a century sign, a 3-digit individual number and a
// check character.
//
// The century sign is + (1800s), - or U V W X Y (1900s), or A B C D E F
// (2000s), the signs of the Digital and Population Data Services Agency
// since 2023. The date must exist (29 February only in a leap year), the
// individual number is 002-999 (900-999 are temporary codes, which hospitals
// and authorities give people without one, and which the DVV's own examples
// use: still a person's identifier), and the check character is
// "0123456789ABCDEFHJKLMNPRSTUVWXY"[n mod 31] of the 9 digits read as one
// number. Letters are accepted in either case; there are no separators.
func HETU(value []byte) bool {
	if len(value) != 11 {
		return false
	}
	var b [11]byte
	for i, c := range value {
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		b[i] = c
	}
	if !allDigits(b[0:6]) || !allDigits(b[7:10]) {
		return false
	}
	var century int
	switch b[6] {
	case '+':
		century = 1800
	case '-', 'U', 'V', 'W', 'X', 'Y':
		century = 1900
	case 'A', 'B', 'C', 'D', 'E', 'F':
		century = 2000
	default:
		return false
	}
	day, month, year := int(atoi(b[0:2])), int(atoi(b[2:4])), century+int(atoi(b[4:6]))
	if !validDate(year, month, day) {
		return false
	}
	if atoi(b[7:10]) < 2 {
		return false
	}
	n := atoi(b[0:6])*1000 + atoi(b[7:10])
	return b[10] == "0123456789ABCDEFHJKLMNPRSTUVWXY"[n%31]
}

// validDate reports whether day exists in month of year (Gregorian).
func validDate(year, month, day int) bool {
	if month < 1 || month > 12 || day < 1 {
		return false
	}
	days := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month]
	if month == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		days = 29
	}
	return day <= days
}
