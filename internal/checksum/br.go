package checksum

// brazilCheck returns the Receita Federal mod 11 check digit of b: the
// characters, valued by their ASCII code minus 48, are weighted 2, 3, ...,
// maxWeight from the right, the weights starting again at 2 after maxWeight.
// A remainder r below 2 gives 0, any other 11 - r.
func brazilCheck(b []byte, maxWeight int) byte {
	sum, w := 0, 2
	for i := len(b) - 1; i >= 0; i-- {
		sum += int(b[i]-'0') * w
		w++
		if w > maxWeight {
			w = 2
		}
	}
	r := sum % 11
	if r < 2 {
		return '0'
	}
	return byte('0' + 11 - r)
}

// CPF reports whether value is a Brazilian CPF (Cadastro de Pessoas Físicas,
// Receita Federal): 11 digits ending in two mod 11 check digits.
//
// The check digits weight the first 9 and 10 digits 10..2 and 11..2; a
// remainder below 2 gives 0. Numbers of one repeated digit are rejected. Dots,
// hyphens, slashes and spaces, as in 012.345.678-90, are ignored.
func CPF(value []byte) bool {
	var d [11]byte
	if compact(d[:], value, space|hyphen|dot|slash) != len(d) || !allDigits(d[:]) || allSame(d[:]) {
		return false
	}
	return d[9] == brazilCheck(d[:9], 11) && d[10] == brazilCheck(d[:10], 11)
}

// CNPJ reports whether value is a Brazilian CNPJ (Cadastro Nacional da Pessoa
// Jurídica, Receita Federal): 14 characters ending in two mod 11 check digits.
//
// The check digits weight the first 12 and 13 characters 2..9 repeating from
// the right; a remainder below 2 gives 0. The first 12 characters may be
// letters (the alphanumeric CNPJ issued from July 2026), each valued by its
// ASCII code minus 48. Values of one repeated character are rejected. Dots,
// slashes, hyphens and spaces, as in 00.623.904/0001-73, are ignored.
func CNPJ(value []byte) bool {
	var b [14]byte
	if compact(b[:], value, space|hyphen|dot|slash) != len(b) || allSame(b[:]) {
		return false
	}
	if !isDigit(b[12]) || !isDigit(b[13]) {
		return false
	}
	return b[12] == brazilCheck(b[:12], 9) && b[13] == brazilCheck(b[:13], 9)
}

// CEP reports whether value is an allocated Brazilian postal code: 8 digits
// from 01000-000 up.
//
// Every byte that is not a digit is ignored.
func CEP(value []byte) bool {
	var buf [8]byte
	d := digitsOf(buf[:], value)
	return len(d) == 8 && (d[0] != '0' || d[1] != '0')
}

// RG reports whether value is a Brazilian RG as São Paulo issues it: 8
// digits, not one repeated, and a check character 11 - (sum mod 11) of the
// digits weighted 2 to 9, 10 written X and 11 written 0.
//
// X is accepted in either case; every byte that is not an ASCII letter or
// digit is ignored.
func RG(value []byte) bool {
	var buf [9]byte
	b := alnumOf(buf[:], value)
	if len(b) != 9 || !allDigits(b[:8]) || allSame(b[:8]) {
		return false
	}
	sum := 0
	for i, c := range b[:8] {
		sum += int(c-'0') * (i + 2)
	}
	check := 11 - sum%11
	switch check {
	case 10:
		return b[8] == 'X'
	case 11:
		return b[8] == '0'
	}
	return b[8] == byte('0'+check)
}
