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
