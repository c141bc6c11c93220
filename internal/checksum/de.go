package checksum

// mod11x10 reports whether the digits in b end with their ISO/IEC 7064
// MOD 11,10 check digit.
func mod11x10(b []byte) bool {
	p := 10
	for _, c := range b[:len(b)-1] {
		s := (int(c-'0') + p) % 10
		if s == 0 {
			s = 10
		}
		p = s * 2 % 11
	}
	check := 11 - p
	if check == 10 {
		check = 0
	}
	return int(b[len(b)-1]-'0') == check
}

// SteuerID reports whether value is a German tax identification number
// (Steuer-IdNr, § 139b AO): 11 digits ending in an ISO/IEC 7064 MOD 11,10 check
// digit.
//
// The first digit is not 0. In the first 10 digits exactly one digit occurs
// twice or three times, three times not all adjacent, and every other digit at
// most once. Spaces, hyphens, dots and slashes are ignored.
func SteuerID(value []byte) bool {
	var d [11]byte
	if compact(d[:], value, space|hyphen|dot|slash) != len(d) || !allDigits(d[:]) || d[0] == '0' {
		return false
	}
	var count [10]int
	for _, c := range d[:10] {
		count[c-'0']++
	}
	repeated := 0
	for i, k := range count {
		switch k {
		case 0, 1:
		case 2, 3:
			repeated++
			if k == 3 {
				for j := 0; j+2 < 10; j++ {
					if d[j] == byte('0'+i) && d[j+1] == d[j] && d[j+2] == d[j] {
						return false
					}
				}
			}
		default:
			return false
		}
	}
	return repeated == 1 && mod11x10(d[:])
}

// germanDocChar reports the value of a character of a German ID card or
// passport number: digits, and the letters C F G H J K L M N P R T V W X Y Z
// valued A=10 ... Z=35 (ICAO Doc 9303).
func germanDocChar(c byte) (int, bool) {
	if isDigit(c) {
		return int(c - '0'), true
	}
	switch c {
	case 'C', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'R', 'T', 'V', 'W', 'X', 'Y', 'Z':
		return int(c-'A') + 10, true
	}
	return 0, false
}

// GermanDocumentNumber reports whether value is a German identity card or
// passport number: 9 characters and an ICAO 9303 check digit (weights 7, 3, 1).
//
// The characters are digits and the letters C F G H J K L M N P R T V W X Y Z,
// valued A=10 ... Z=35; the check digit is the weighted sum mod 10. The
// nationality letter D may follow, as in T220001293 or C01X00T478D. Spaces are
// ignored.
func GermanDocumentNumber(value []byte) bool {
	var buf [11]byte
	n := compact(buf[:], value, space)
	if n == 11 && buf[10] == 'D' {
		n = 10
	}
	if n != 10 {
		return false
	}
	sum := 0
	for i, c := range buf[:9] {
		v, ok := germanDocChar(c)
		if !ok {
			return false
		}
		sum += v * [3]int{7, 3, 1}[i%3]
	}
	return isDigit(buf[9]) && int(buf[9]-'0') == sum%10
}

// GermanDriversLicence reports whether value is a German Führerscheinnummer:
// 11 letters or digits, at least one of the first 9 a letter (the authority
// code or serial), the tenth the check character of the first 9 (valued 0-9
// and A=10 ... Z=35, weighted 9 to 1, mod 11, 10 written X).
//
// Letters are accepted in either case; every byte that is not an ASCII
// letter or digit is ignored.
func GermanDriversLicence(value []byte) bool {
	var buf [11]byte
	b := alnumOf(buf[:], value)
	if len(b) != 11 {
		return false
	}
	sum, letters := 0, 0
	for i, c := range b[:9] {
		d := int(c - '0')
		if c >= 'A' {
			d = int(c-'A') + 10
			letters++
		}
		sum += d * (9 - i)
	}
	check := byte('0' + sum%11)
	if sum%11 == 10 {
		check = 'X'
	}
	return letters > 0 && b[9] == check
}
