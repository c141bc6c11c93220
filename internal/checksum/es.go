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
