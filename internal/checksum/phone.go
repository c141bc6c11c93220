package checksum

// PhoneDE reports whether value, a German phone number written with its
// country code (+49, 0049), holds 6 to 11 digits after the country code, a
// trunk "(0)" not counted. The country code itself is the pattern's to
// check.
//
// Toll-free numbers, +49 800 and 7 to 12 digits (BNetzA's 0800 range, as
// libphonenumber's metadata has it), may hold up to 15.
func PhoneDE(value []byte) bool {
	if phoneDigits(value, "49", 6, 11) {
		return true
	}
	return phoneDigitsAfter(value, "49", "800") && phoneDigits(value, "49", 10, 15)
}

// phoneDigitsAfter reports whether the digits after the country code cc
// (as phoneDigits counts them) start with prefix.
func phoneDigitsAfter(value []byte, cc, prefix string) bool {
	skip := len(cc)
	if len(value) > 2 && value[0] == '0' && value[1] == '0' {
		skip += 2
	}
	k := 0
	for i := 0; i < len(value) && k < len(prefix); i++ {
		c := value[i]
		if c == '(' && i+2 < len(value) && value[i+1] == '0' && value[i+2] == ')' {
			i += 2
			continue
		}
		if !isDigit(c) {
			continue
		}
		if skip > 0 {
			skip--
			continue
		}
		if c != prefix[k] {
			return false
		}
		k++
	}
	return k == len(prefix)
}

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
