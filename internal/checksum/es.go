package checksum

// dniLetters maps a DNI or NIE number mod 23 to its control letter.
const dniLetters = "TRWAGMYFPDXBNJZSQVHLCKE"

// DNI reports whether value is a Spanish DNI (Documento Nacional de Identidad,
// NIF of citizens): 8 digits and the letter "TRWAGMYFPDXBNJZSQVHLCKE"[n mod
// 23].
//
// Spaces, hyphens and dots, as in 12.345.678-Z, are ignored.
func DNI(value []byte) bool {
	var b [9]byte
	if compact(b[:], value, space|hyphen|dot) != len(b) || !allDigits(b[:8]) {
		return false
	}
	return b[8] == dniLetters[atoi(b[:8])%23]
}

// NIE reports whether value is a Spanish NIE (Número de Identidad de
// Extranjero): X, Y or Z, 7 digits and the DNI control letter (mod 23).
//
// The control letter is computed with X, Y and Z read as 0, 1 and 2, as in
// X1234567L. Spaces, hyphens and dots are ignored.
func NIE(value []byte) bool {
	var b [9]byte
	if compact(b[:], value, space|hyphen|dot) != len(b) || b[0] < 'X' || b[0] > 'Z' || !allDigits(b[1:8]) {
		return false
	}
	n := int64(b[0]-'X')*10000000 + atoi(b[1:8])
	return b[8] == dniLetters[n%23]
}

// CIF reports whether value is a Spanish CIF (Código de Identificación Fiscal
// of legal entities): an entity letter, 7 digits and a control digit or letter.
//
// The entity letter is one of A B C D E F G H J N P Q R S U V W. The control is
// c = (10 - s mod 10) mod 10, where s adds the digits in even positions and the
// digit sums of the doubled digits in odd positions; it is written as the digit
// c or the letter "JABCDEFGHI"[c], and either is accepted. Spaces, hyphens and
// dots are ignored.
func CIF(value []byte) bool {
	var b [9]byte
	if compact(b[:], value, space|hyphen|dot) != len(b) || !allDigits(b[1:8]) {
		return false
	}
	switch b[0] {
	case 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'N', 'P', 'Q', 'R', 'S', 'U', 'V', 'W':
	default:
		return false
	}
	sum := 0
	for i, c := range b[1:8] {
		d := int(c - '0')
		if i%2 == 0 { // positions 1, 3, 5, 7 of the number
			d *= 2
			d = d/10 + d%10
		}
		sum += d
	}
	c := (10 - sum%10) % 10
	return b[8] == byte('0'+c) || b[8] == "JABCDEFGHI"[c]
}

// NAF reports whether value is a Spanish social security number (número de
// afiliación, NUSS): 12 digits, a province, an 8-digit number and a mod 97
// control.
//
// The control is (province*10^8 + number) mod 97, or (province*10^7 + number)
// mod 97 when the number is below 10^7. Spaces, hyphens, dots and slashes, as
// in 28/12345678/40, are ignored.
func NAF(value []byte) bool {
	var d [12]byte
	if compact(d[:], value, space|hyphen|dot|slash) != len(d) || !allDigits(d[:]) {
		return false
	}
	province, number, control := atoi(d[0:2]), atoi(d[2:10]), atoi(d[10:12])
	var n int64
	if number < 10000000 {
		n = province*10000000 + number
	} else {
		n = province*100000000 + number
	}
	return n%97 == control
}

// CCC reports whether value is a Spanish código cuenta cliente (bank 4,
// branch 4, control 2, account 10 digits) whose two control digits are
// right, and whose account is not all zeros.
//
// Each control digit is 11 - (weighted sum mod 11) with weights 1 2 4 8 5
// 10 9 7 3 6, 11 written 0 and 10 written 1; the first covers "00" + bank +
// branch, the second the account. Every byte that is not a digit is
// ignored.
func CCC(value []byte) bool {
	var buf [20]byte
	d := digitsOf(buf[:], value)
	if len(d) != 20 {
		return false
	}
	return d[8] == cccControl(d[0:8]) && d[9] == cccControl(d[10:20]) && !allZero(d[10:20])
}

// cccControl returns the control digit of a CCC's 8 or 10 digits.
func cccControl(digits []byte) byte {
	weights := [10]int{1, 2, 4, 8, 5, 10, 9, 7, 3, 6}
	sum := 0
	for i, c := range digits {
		sum += int(c-'0') * weights[i+10-len(digits)]
	}
	c := 11 - sum%11
	switch c {
	case 11:
		c = 0
	case 10:
		c = 1
	}
	return byte('0' + c)
}

// DNIShort reports whether value is a Spanish DNI as people write it: 8
// digits, or 7 when the leading zero is dropped, and the control letter
// (see DNI). The documentation numbers 00000000 and 99999999, which Macie
// does not report, are rejected.
//
// Letters are accepted in either case; every byte that is not an ASCII
// letter or digit is ignored.
func DNIShort(value []byte) bool {
	var buf [10]byte
	b := alnumOf(buf[1:1:10], value)
	switch len(b) {
	case 8:
		buf[0] = '0'
		b = buf[:9]
	case 9:
	default:
		return false
	}
	if allSame(b[:8]) && (b[0] == '0' || b[0] == '9') {
		return false
	}
	return DNI(b)
}

// NIFKLM reports whether value is a Spanish NIF starting K, L or M
// (Spaniards under 14, residents abroad, foreigners without a NIE): the
// letter, 7 digits and the DNI control letter of the 7 digits.
//
// Letters are accepted in either case; every byte that is not an ASCII
// letter or digit is ignored. The first letter is not checked: the pattern
// that finds the value does.
func NIFKLM(value []byte) bool {
	var buf [9]byte
	b := alnumOf(buf[:], value)
	if len(b) != 9 {
		return false
	}
	b[0] = '0'
	return DNI(b)
}
