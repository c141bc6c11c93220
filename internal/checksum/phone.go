package checksum

// PhoneDE reports whether value, a German phone number written with its
// country code (+49, 0049), holds 6 to 11 digits after the country code, a
// trunk "(0)" not counted. The country code itself is the pattern's to
// check.
func PhoneDE(value []byte) bool { return phoneDigits(value, "49", 6, 11) }

// PhoneIT reports whether value, an Italian phone number written with its
// country code (+39, 0039, (+39)), holds 6 to 11 digits after the country
// code, a trunk "(0)" not counted. The country code itself is the
// pattern's to check.
func PhoneIT(value []byte) bool { return phoneDigits(value, "39", 6, 11) }

// phoneDigits reports whether a number written with the country code cc
// (after +, 00 or (+)) holds between min and max digits after it, a trunk
// "(0)" not counted.
func phoneDigits(value []byte, cc string, min, max int) bool {
	n, skip := 0, len(cc)
	if len(value) > 2 && value[0] == '0' && value[1] == '0' {
		skip += 2
	}
	for i := 0; i < len(value); i++ {
		c := value[i]
		if c == '(' && i+2 < len(value) && value[i+1] == '0' && value[i+2] == ')' {
			i += 2
			continue
		}
		if isDigit(c) {
			if skip > 0 {
				skip--
				continue
			}
			n++
		}
	}
	return n >= min && n <= max
}
