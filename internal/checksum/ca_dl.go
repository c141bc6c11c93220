package checksum

// OntarioDriversLicence reports whether value is an Ontario driver's licence
// number: a letter (the surname's initial) and 14 digits, written
// A1234-56789-01234, with spaces, or plain. The last 4 digits hold the birth
// month (plus 50 for women) and day: as Microsoft Purview documents the
// format, the month's first digit is 0, 1, 5 or 6 and the day's 0 to 3.
func OntarioDriversLicence(value []byte) bool {
	var b [15]byte
	if compact(b[:], value, space|hyphen) != len(b) || !isUpper(b[0]) || !allDigits(b[1:]) {
		return false
	}
	switch b[11] {
	case '0', '1', '5', '6':
	default:
		return false
	}
	return b[13] <= '3'
}
