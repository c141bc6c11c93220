package checksum

// Luhn reports whether value is a string of at least two digits that passes the
// Luhn check (ISO/IEC 7812-1 mod 10).
//
// Spaces and hyphens between digits are ignored.
func Luhn(value []byte) bool {
	if badEdges(value, space|hyphen) {
		return false
	}
	sum, n := 0, 0
	for i := len(value) - 1; i >= 0; i-- {
		c := value[i]
		if c == ' ' || c == '-' {
			continue
		}
		if !isDigit(c) {
			return false
		}
		d := int(c - '0')
		if n%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum = (sum + d) % 10
		n++
	}
	return n >= 2 && sum == 0
}

// luhnSum returns the Luhn sum of the digits in b (b holds only digits),
// the rightmost digit being undoubled.
func luhnSum(b []byte) int {
	sum := 0
	for i := len(b) - 1; i >= 0; i-- {
		d := int(b[i] - '0')
		if (len(b)-1-i)%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum
}

// CreditCard reports whether value is a payment card number (ISO/IEC 7812): 13
// to 19 digits with a listed issuer prefix and length, passing the Luhn check.
//
// The issuers are those CloudWatch lists, with these prefixes (IIN ranges) and
// lengths: American Express 34, 37 (15 digits); Dankort 5019 (16); Diners Club
// 300-305, 36, 38, 39 (14-19); Discover 6011, 622126-622925, 644-649, 65
// (16-19); JCB 3528-3589 (16-19); Mastercard 2221-2720, 51-55 (16); UnionPay 62
// (16-19); Visa, including Visa Electron (4026, 417500, 4508, 4844, 4913, 4917)
// and Visa/Dankort (4571), 4 (13, 16 or 19). Other schemes (Maestro, Mir,
// RuPay, UATP, ...) are rejected. Spaces and hyphens are ignored.
func CreditCard(value []byte) bool {
	var buf [19]byte
	n := compact(buf[:], value, space|hyphen)
	if n < 13 || n > 19 {
		return false
	}
	d := buf[:n]
	if !allDigits(d) || luhnSum(d)%10 != 0 {
		return false
	}
	p2 := int(atoi(d[:2]))
	p3 := int(atoi(d[:3]))
	p4 := int(atoi(d[:4]))
	p6 := int(atoi(d[:6]))
	switch {
	case p2 == 34 || p2 == 37: // American Express
		return n == 15
	case p4 == 5019: // Dankort
		return n == 16
	case 300 <= p3 && p3 <= 305, p2 == 36, p2 == 38, p2 == 39: // Diners Club
		return n >= 14
	case p4 == 6011, 622126 <= p6 && p6 <= 622925, 644 <= p3 && p3 <= 649, p2 == 65: // Discover
		return n >= 16
	case 3528 <= p4 && p4 <= 3589: // JCB
		return n >= 16
	case 2221 <= p4 && p4 <= 2720, 51 <= p2 && p2 <= 55: // Mastercard
		return n == 16
	case p2 == 62: // UnionPay
		return n >= 16
	case d[0] == '4': // Visa, Visa Electron (4026, 417500, 4508, 4844, 4913, 4917), Visa/Dankort (4571)
		return n == 13 || n == 16 || n == 19
	}
	return false
}
