package checksum

// cfOdd is the value of the characters in odd positions of a codice fiscale
// (digits 0-9 take the values of the letters A-J).
var cfOdd = [26]uint8{1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23}

// cfDigit reports whether c can stand in a digit position of a codice
// fiscale: a digit, or one of the letters LMNPQRSTUV that replace digits
// 0-9 in omocodia cases.
func cfDigit(c byte) (int, bool) {
	if isDigit(c) {
		return int(c - '0'), true
	}
	for i := 0; i < 10; i++ {
		if "LMNPQRSTUV"[i] == c {
			return i, true
		}
	}
	return 0, false
}

// CodiceFiscale reports whether value is an Italian codice fiscale (DM
// 23/12/1976): 16 characters ending in a check letter (odd/even tables, mod
// 26).
//
// The structure is 6 letters, year (2 digits), month letter (A B C D E H L M P
// R S T), day (01-31, or 41-71 for women), a letter and 3 digits (place of
// birth). Digits may be replaced by L M N P Q R S T U V (omocodia). Spaces,
// hyphens, dots and slashes are ignored.
func CodiceFiscale(value []byte) bool {
	var b [16]byte
	if compact(b[:], value, space|hyphen|dot|slash) != len(b) {
		return false
	}
	for _, i := range [...]int{0, 1, 2, 3, 4, 5, 8, 11, 15} {
		if !isUpper(b[i]) {
			return false
		}
	}
	for _, i := range [...]int{6, 7, 10, 12, 13, 14} {
		if _, ok := cfDigit(b[i]); !ok {
			return false
		}
	}
	switch b[8] {
	case 'A', 'B', 'C', 'D', 'E', 'H', 'L', 'M', 'P', 'R', 'S', 'T':
	default:
		return false
	}
	d1, ok1 := cfDigit(b[9])
	d2, _ := cfDigit(b[10])
	if day := d1*10 + d2; !ok1 || day < 1 || day > 71 || (day > 31 && day < 41) {
		return false
	}
	sum := 0
	for i, c := range b[:15] {
		var v int
		if isDigit(c) {
			v = int(c - '0')
		} else {
			v = int(c - 'A')
		}
		if i%2 == 0 { // odd positions, counting from 1
			v = int(cfOdd[v])
		}
		sum += v
	}
	return b[15] == byte('A'+sum%26)
}

// CIN reports whether value is an Italian BBAN (CIN letter, ABI 5 digits,
// CAB 5 digits, account 12 letters or digits, not all zero) whose CIN is
// right: the 22 characters after it valued like a codice fiscale's (odd
// positions by its odd table, even positions 0-25), summed mod 26.
//
// Letters are accepted in either case; every byte that is not an ASCII
// letter or digit is ignored.
func CIN(value []byte) bool {
	var buf [23]byte
	b := alnumOf(buf[:], value)
	if len(b) != 23 || !isUpper(b[0]) || !allDigits(b[1:11]) {
		return false
	}
	sum := 0
	for i, c := range b[1:] {
		var k int
		if c >= 'A' {
			k = int(c - 'A')
		} else {
			k = int(c - '0')
		}
		if i%2 == 0 {
			sum += int(cfOdd[k])
		} else {
			sum += k
		}
	}
	return b[0] == byte('A'+sum%26) && !allZero(b[11:])
}
