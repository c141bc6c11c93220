package checksum

// vinValue returns the ISO 3779 transliteration of an upper-case VIN
// character, or -1 for I, O, Q and non-alphanumerics.
func vinValue(c byte) int {
	if isDigit(c) {
		return int(c - '0')
	}
	if !isUpper(c) {
		return -1
	}
	//                    ABCDEFGHIJKLMNOPQRSTUVWXYZ
	v := int("12345678-12345-7-923456789"[c-'A']) - '0'
	if v < 0 {
		return -1
	}
	return v
}

var vinWeights = [17]int{8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2}

// VIN reports whether value is a vehicle identification number (ISO 3779): 17
// characters without I, O and Q, with the check digit in position 9 (49 CFR
// 565).
//
// The check digit is the sum of the transliterated characters weighted
// 8,7,6,5,4,3,2,10,0,9,8,7,6,5,4,3,2, mod 11, with 10 written X. The model-year
// character (position 10) must not be U, Z or 0, and a single repeated
// character is rejected. VINs of vehicles made for markets that do not use the
// check digit (much of Europe) are rejected. No separators are allowed.
func VIN(value []byte) bool {
	var b [17]byte
	if len(value) != len(b) || compact(b[:], value, 0) != len(b) || allSame(b[:]) {
		return false
	}
	sum := 0
	for i, c := range b {
		v := vinValue(c)
		if v < 0 {
			return false
		}
		sum += v * vinWeights[i]
	}
	switch b[9] {
	case 'U', 'Z', '0':
		return false
	}
	check := byte('0' + sum%11)
	if sum%11 == 10 {
		check = 'X'
	}
	return b[8] == check
}
