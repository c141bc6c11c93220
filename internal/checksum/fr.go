package checksum

// NIR reports whether value is a French social security number (NIR, INSEE
// code): 13 characters and a 2-digit key equal to 97 - (n mod 97).
//
// The first digit (sex) is 1, 2, 3, 4, 7 or 8. The department (characters 6-7)
// may be 2A or 2B for Corsica, read as 19 and 18 to compute the key. Spaces,
// hyphens and dots are ignored.
func NIR(value []byte) bool {
	var b [15]byte
	if compact(b[:], value, space|hyphen|dot) != len(b) {
		return false
	}
	switch b[0] {
	case '1', '2', '3', '4', '7', '8':
	default:
		return false
	}
	var dep int64
	switch {
	case b[5] == '2' && b[6] == 'A':
		dep = 19
	case b[5] == '2' && b[6] == 'B':
		dep = 18
	case isDigit(b[5]) && isDigit(b[6]):
		dep = atoi(b[5:7])
	default:
		return false
	}
	if !allDigits(b[0:5]) || !allDigits(b[7:15]) {
		return false
	}
	n := (atoi(b[0:5])*100+dep)*1000000 + atoi(b[7:13])
	return 97-n%97 == atoi(b[13:15])
}

// RIB reports whether value is a French RIB (bank 5 digits, branch 5
// digits, account 11 letters or digits, key 2 digits) whose key is 97 -
// ((89 bank + 15 branch + 3 account) mod 97), the account's letters read as
// digits (A J = 1, B K S = 2, ... I R Z = 9).
//
// Letters are accepted in either case; every byte that is not an ASCII
// letter or digit is ignored.
func RIB(value []byte) bool {
	var buf [23]byte
	b := alnumOf(buf[:], value)
	if len(b) != 23 {
		return false
	}
	bank, branch, account, key := ribMod97(b[0:5]), ribMod97(b[5:10]), ribMod97(b[10:21]), ribMod97(b[21:23])
	if bank < 0 || branch < 0 || account < 0 || key < 0 || !allDigits(b[0:10]) || !allDigits(b[21:23]) {
		return false
	}
	k := 97 - (89*bank+15*branch+3*account)%97
	return int(b[21]-'0')*10+int(b[22]-'0') == k
}

// ribMod97 returns the number s spells mod 97, letters read as RIB digits,
// or -1 when s holds another byte.
func ribMod97(s []byte) int {
	n := 0
	for _, c := range s {
		d := int(c - '0')
		if isUpper(c) {
			d = int("12345678912345678923456789"[c-'A'] - '0')
		} else if c > '9' {
			return -1
		}
		n = (n*10 + d) % 97
	}
	return n
}

// SPI reports whether value is a French numéro fiscal (SPI): 13 digits, the
// first 0 to 3, not all zero, the last 3 equal to the first 10 mod 511.
//
// Every byte that is not a digit is ignored.
func SPI(value []byte) bool {
	var buf [13]byte
	d := digitsOf(buf[:], value)
	if len(d) != 13 || d[0] > '3' || allZero(d) {
		return false
	}
	n := 0
	for _, c := range d[:10] {
		n = (n*10 + int(c-'0')) % 511
	}
	return n == int(d[10]-'0')*100+int(d[11]-'0')*10+int(d[12]-'0')
}
