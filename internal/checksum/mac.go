package checksum

import "bytes"

// MAC reports whether value, a MAC address in hexadecimal groups separated
// by colons, hyphens or dots, uses one letter case and is neither all zeros
// nor all ones (the broadcast address). The digits and grouping are the
// pattern's to check.
func MAC(value []byte) bool {
	lower, upper, zero, ones := false, false, true, true
	for _, c := range value {
		switch {
		case 'a' <= c && c <= 'f':
			lower = true
		case 'A' <= c && c <= 'F':
			upper = true
		}
		if c != '0' && c != ':' && c != '-' && c != '.' {
			zero = false
		}
		if c != 'f' && c != 'F' && c != ':' && c != '-' && c != '.' {
			ones = false
		}
	}
	return !(lower && upper) && !zero && !ones
}

// CiscoMAC is MAC for the dotted form (0123.4567.89ab), which also needs a
// hex letter: twelve digits in three dotted groups are more often a version
// or a counter than an address.
func CiscoMAC(value []byte) bool {
	return MAC(value) && bytes.ContainsFunc(value, isHexLetter)
}

func isHexLetter(r rune) bool { return 'a' <= r && r <= 'f' || 'A' <= r && r <= 'F' }
