package checksum

// StripePAN reports whether the primary account number of a payment card's
// magnetic-stripe track (ISO/IEC 7813), the first run of digits in value,
// has 12 to 19 digits and passes the Luhn check.
//
// Bytes before the run (the start sentinel and format code) and after it
// (the field separator and the rest of the track) are not checked.
func StripePAN(value []byte) bool {
	i := 0
	for i < len(value) && !isDigit(value[i]) {
		i++
	}
	j := i
	for j < len(value) && isDigit(value[j]) {
		j++
	}
	return j-i >= 12 && j-i <= 19 && Luhn(value[i:j])
}
