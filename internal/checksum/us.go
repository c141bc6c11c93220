package checksum

// SSN reports whether value is a US Social Security number (SSA): 9 digits in
// 3-2-4 grouping, area not 000, 666 or 900-999, group not 00, serial not 0000.
//
// The digits are written 123456789, 123-45-6789 or 123 45 6789. The well-known
// example numbers 078-05-1120, 219-09-9999 and 123-45-6789 are rejected. SSNs
// have no check digit.
func SSN(value []byte) bool {
	var d [9]byte
	if !grouped324(&d, value) {
		return false
	}
	area, group, serial := atoi(d[0:3]), atoi(d[3:5]), atoi(d[5:9])
	if area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0 {
		return false
	}
	switch string(d[:]) {
	case "078051120", "219099999", "123456789":
		return false
	}
	return true
}

// ITIN reports whether value is a US Individual Taxpayer Identification Number
// (IRS): 9 digits starting with 9, digits 4-5 in 50-65, 70-88, 90-92 or 94-99.
//
// The digits are grouped like an SSN: 912345678, 912-70-1234 or 912 70 1234.
// ITINs have no check digit.
func ITIN(value []byte) bool {
	var d [9]byte
	if !grouped324(&d, value) || d[0] != '9' {
		return false
	}
	switch g := atoi(d[3:5]); {
	case 50 <= g && g <= 65, 70 <= g && g <= 88, 90 <= g && g <= 92, 94 <= g && g <= 99:
		return true
	}
	return false
}

// mbiAlpha reports whether c is one of the letters a Medicare Beneficiary
// Identifier uses: A-Z without S, L, O, I, B and Z.
func mbiAlpha(c byte) bool {
	switch c {
	case 'S', 'L', 'O', 'I', 'B', 'Z':
		return false
	}
	return isUpper(c)
}

// MBI reports whether value is a US Medicare Beneficiary Identifier (CMS): 11
// characters in the positions C A AN N A AN N A A N N; no check digit.
//
// C is a digit 1-9, N a digit, A a letter other than S, L, O, I, B and Z, and
// AN either. Spaces and hyphens, as in 1EG4-TE5-MK73, are ignored.
func MBI(value []byte) bool {
	var b [11]byte
	if compact(b[:], value, space|hyphen) != len(b) {
		return false
	}
	if b[0] < '1' || b[0] > '9' {
		return false
	}
	for _, i := range [...]int{1, 4, 7, 8} {
		if !mbiAlpha(b[i]) {
			return false
		}
	}
	for _, i := range [...]int{3, 6, 9, 10} {
		if !isDigit(b[i]) {
			return false
		}
	}
	for _, i := range [...]int{2, 5} {
		if !isDigit(b[i]) && !mbiAlpha(b[i]) {
			return false
		}
	}
	return true
}

// DEA reports whether value is a US DEA registration number: 2 letters and 7
// digits, the last equal to (d1+d3+d5 + 2*(d2+d4+d6)) mod 10.
//
// The first letter is a registrant type (A B C D E F G H J K L M P R S T U X);
// the second is a letter or 9. No separators are allowed.
func DEA(value []byte) bool {
	var b [9]byte
	if len(value) != len(b) || compact(b[:], value, 0) != len(b) {
		return false
	}
	switch b[0] {
	case 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'P', 'R', 'S', 'T', 'U', 'X':
	default:
		return false
	}
	if !isUpper(b[1]) && b[1] != '9' {
		return false
	}
	d := b[2:]
	if !allDigits(d) {
		return false
	}
	v := func(i int) int { return int(d[i] - '0') }
	return (v(0)+v(2)+v(4)+2*(v(1)+v(3)+v(5)))%10 == v(6)
}

// NPI reports whether value is a US National Provider Identifier (CMS): 10
// digits passing the Luhn check (ISO/IEC 7812-1) with the prefix 80840.
//
// Spaces and hyphens are ignored.
func NPI(value []byte) bool {
	var d [10]byte
	if compact(d[:], value, space|hyphen) != len(d) || !allDigits(d[:]) {
		return false
	}
	// The prefix 80840 adds 24 to the Luhn sum of the 10 digits.
	return (luhnSum(d[:])+24)%10 == 0
}

// ABARouting reports whether value is a US ABA routing transit number: 9 digits
// with weights 3, 7, 1 summing to 0 mod 10.
//
// The first two digits must be 00-12, 21-32, 61-72 or 80, and the all-zero
// number is rejected. No separators are allowed.
func ABARouting(value []byte) bool {
	if len(value) != 9 || !allDigits(value) || allZero(value) {
		return false
	}
	switch p := atoi(value[:2]); {
	case p <= 12, 21 <= p && p <= 32, 61 <= p && p <= 72, p == 80:
	default:
		return false
	}
	sum := 0
	for i, c := range value {
		sum += int(c-'0') * [3]int{3, 7, 1}[i%3]
	}
	return sum%10 == 0
}

// NANP reports whether value is a North American Numbering Plan telephone
// number: 10 digits, optionally after 1 or +1, with valid area and exchange
// codes.
//
// The area code starts with 2-9, has no 9 in the middle and is not N11; the
// exchange code starts with 2-9 and is not N11. Spaces, hyphens and dots may
// separate the parts and the area code may be in parentheses, as in "+1 (206)
// 266-1000". Numbers reserved for fiction (555-0100 to 555-0199) are not
// rejected.
func NANP(value []byte) bool {
	var d [11]byte
	n := 0
	open, closed := -1, -1 // digit counts at '(' and ')'
	for i, c := range value {
		switch {
		case isDigit(c):
			if n == len(d) {
				return false
			}
			d[n] = c
			n++
		case c == '+':
			if i != 0 {
				return false
			}
		case c == '(':
			if open >= 0 {
				return false
			}
			open = n
		case c == ')':
			if closed >= 0 || open < 0 {
				return false
			}
			closed = n
		case c == ' ' || c == '-' || c == '.':
			if i == 0 || i == len(value)-1 {
				return false
			}
		default:
			return false
		}
	}
	num := d[:n]
	switch {
	case n == 11 && d[0] == '1':
		num = d[1:11]
	case n == 10 && value[0] != '+':
	default:
		return false
	}
	if open >= 0 || closed >= 0 {
		// The parentheses must enclose exactly the area code.
		if closed < 0 || open != n-10 || closed != n-7 {
			return false
		}
	}
	area, exchange := num[0:3], num[3:6]
	if area[0] < '2' || area[1] == '9' || (area[1] == '1' && area[2] == '1') {
		return false
	}
	if exchange[0] < '2' || (exchange[1] == '1' && exchange[2] == '1') {
		return false
	}
	return true
}

// NDC reports whether value has the shape of a US National Drug Code (FDA):
// 4-4-2, 5-3-2, 5-4-1 or 5-4-2 hyphenated digits, or 10 or 11 plain digits.
//
// NDCs have no check digit: only the shape is checked, and all-zero values are
// rejected.
func NDC(value []byte) bool {
	var lens [3]int
	segs, run := 0, 0
	nonzero := false
	for i, c := range value {
		switch {
		case isDigit(c):
			run++
			nonzero = nonzero || c != '0'
		case c == '-':
			if run == 0 || segs == 2 || i == len(value)-1 {
				return false
			}
			lens[segs] = run
			segs++
			run = 0
		default:
			return false
		}
		if run > 11 {
			return false
		}
	}
	if !nonzero {
		return false
	}
	switch segs {
	case 0:
		return run == 10 || run == 11
	case 2:
		lens[2] = run
		switch lens {
		case [3]int{4, 4, 2}, [3]int{5, 3, 2}, [3]int{5, 4, 1}, [3]int{5, 4, 2}:
			return true
		}
	}
	return false
}

// HICN reports whether value is a Medicare Health Insurance Claim Number:
// 9 digits following the SSN rules (see SSN) and a beneficiary
// identification code of one or two characters starting with a letter CMS
// uses (A-H, J, K, M, T, W).
//
// Letters are accepted in either case; every byte that is not an ASCII
// letter or digit is ignored.
func HICN(value []byte) bool {
	var buf [11]byte
	b := alnumOf(buf[:], value)
	if len(b) < 10 || !allDigits(b[:9]) {
		return false
	}
	switch b[9] {
	case 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'M', 'T', 'W':
	default:
		return false
	}
	return SSN(b[:9])
}

// CPT reports whether value is a 5-digit CPT Category I code, 00100 to
// 99607.
func CPT(value []byte) bool {
	if len(value) != 5 || !allDigits(value) {
		return false
	}
	n := atoi(value)
	return n >= 100 && n <= 99607
}

// ZIPCode reports whether value, a US ZIP or ZIP+4 code, does not start
// with 00000, which is not allocated. The digits and the hyphen are the
// pattern's to check.
func ZIPCode(value []byte) bool {
	return len(value) >= 5 && string(value[:5]) != "00000"
}
