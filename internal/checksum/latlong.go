package checksum

// LatLong reports whether value is a latitude and longitude pair in decimal
// degrees, as in "41.948614,-87.655311", each with at least one decimal place.
//
// The latitude must be in [-90, 90] and the longitude in [-180, 180]. The two
// numbers are separated by a comma, with optional spaces around it, or by
// spaces. Degrees-minutes forms are rejected.
func LatLong(value []byte) bool {
	i, ok := degrees(value, 0, 90)
	if !ok {
		return false
	}
	j := i
	for j < len(value) && value[j] == ' ' {
		j++
	}
	if j < len(value) && value[j] == ',' {
		j++
		for j < len(value) && value[j] == ' ' {
			j++
		}
	} else if j == i {
		return false // no separator
	}
	end, ok := degrees(value, j, 180)
	return ok && end == len(value)
}

// degrees parses a decimal number with an optional sign, at most three
// integer digits and at least one decimal place at value[i:], and reports
// whether its absolute value is at most limit. It returns the index just
// after the number.
func degrees(value []byte, i, limit int) (int, bool) {
	if i < len(value) && (value[i] == '-' || value[i] == '+') {
		i++
	}
	whole, digits := 0, 0
	for ; i < len(value) && isDigit(value[i]); i++ {
		whole = whole*10 + int(value[i]-'0')
		digits++
		if digits > 3 {
			return i, false
		}
	}
	if digits == 0 || i == len(value) || value[i] != '.' {
		return i, false
	}
	i++
	fraction, zero := 0, true
	for ; i < len(value) && isDigit(value[i]); i++ {
		fraction++
		zero = zero && value[i] == '0'
	}
	if fraction == 0 {
		return i, false
	}
	return i, whole < limit || (whole == limit && zero)
}
