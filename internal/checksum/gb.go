package checksum

// NHS reports whether value is an NHS number (NHS Data Dictionary): 10 digits
// whose last is the modulus 11 check digit of the first nine, weighted 10 to 2.
//
// The check digit is 11 - (sum mod 11), 11 becoming 0; numbers whose check
// would be 10 are never issued. Numbers of one repeated digit are rejected.
// Spaces and hyphens, as in "943 476 5919", are ignored.
func NHS(value []byte) bool {
	var d [10]byte
	if compact(d[:], value, space|hyphen) != len(d) || !allDigits(d[:]) || allSame(d[:]) {
		return false
	}
	sum := 0
	for i := 0; i < 9; i++ {
		sum += int(d[i]-'0') * (10 - i)
	}
	check := 11 - sum%11
	if check == 11 {
		check = 0
	}
	return check != 10 && int(d[9]-'0') == check
}

// NINO reports whether value is a UK National Insurance number (HMRC NIM39110):
// 2 allowed prefix letters, 6 digits and a suffix A-D; no check character.
//
// The first letter is not D, F, I, Q, U or V, the second not D, F, I, O, Q, U
// or V, and the prefixes BG, GB, KN, NK, NT, TN and ZZ are not allocated.
// Spaces and hyphens, as in "AB 12 34 56 C", are ignored.
func NINO(value []byte) bool {
	var b [9]byte
	if compact(b[:], value, space|hyphen) != len(b) {
		return false
	}
	if !isUpper(b[0]) || !isUpper(b[1]) || !allDigits(b[2:8]) || b[8] < 'A' || b[8] > 'D' {
		return false
	}
	switch b[0] {
	case 'D', 'F', 'I', 'Q', 'U', 'V':
		return false
	}
	switch b[1] {
	case 'D', 'F', 'I', 'O', 'Q', 'U', 'V':
		return false
	}
	switch string(b[:2]) {
	case "BG", "GB", "KN", "NK", "NT", "TN", "ZZ":
		return false
	}
	return true
}

// UTR reports whether value is a UK Unique Taxpayer Reference (HMRC): 10
// digits, the first a mod 11 check digit of the rest (weights
// 6,7,8,9,10,5,4,3,2).
//
// The check digit is "21987654321"[sum mod 11]. A single K before or after the
// digits (as in payment references) is allowed, and in the 13-digit form shown
// in HMRC online accounts the last 10 digits are the UTR. Spaces are ignored.
func UTR(value []byte) bool {
	var buf [14]byte
	n := compact(buf[:], value, space)
	if n < 10 {
		return false
	}
	b := buf[:n]
	if b[0] == 'K' {
		b = b[1:]
	} else if b[len(b)-1] == 'K' {
		b = b[:len(b)-1]
	}
	if (len(b) != 10 && len(b) != 13) || !allDigits(b) {
		return false
	}
	b = b[len(b)-10:]
	sum := 0
	for i, w := range [9]int{6, 7, 8, 9, 10, 5, 4, 3, 2} {
		sum += int(b[i+1]-'0') * w
	}
	return b[0] == "21987654321"[sum%11]
}

// DVLALicence checks what a pattern for a UK (DVLA) driving licence number
// cannot: of its 16 characters, the first 5 (the surname) are letters then
// only 9s as padding, and characters 7-10 are a birth month (plus 50 for
// women, read mod 5 on the tens) and a day that exists in it.
//
// value must have exactly 16 bytes; the character classes of the other
// positions are the pattern's to check.
func DVLALicence(value []byte) bool {
	if len(value) != 16 {
		return false
	}
	padding := false
	for _, c := range value[:5] {
		if c == '9' {
			padding = true
		} else if padding {
			return false
		}
	}
	month := int(value[6]-'0')%5*10 + int(value[7]-'0')
	day := int(value[8]-'0')*10 + int(value[9]-'0')
	days := [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	return month >= 1 && month <= 12 && day >= 1 && day <= days[month]
}
