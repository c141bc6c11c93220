package identifiers

// ipv4 matches a dotted-quad IPv4 address, each octet 0-255 without
// leading zeros.
const ipv4 = `(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(?:\.(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}`

// ipv6 matches the full forms (eight groups, or six and a dotted quad, as
// RFC 4291's 0:0:0:0:0:FFFF:129.144.52.38) and the compressed forms (with
// "::"), with an optional trailing dotted quad; the validator then parses
// the candidate. Spelling out every compressed form with its group counts
// makes a far larger, slower program.
const ipv6 = `(?:[0-9A-Fa-f]{1,4}:){6}[0-9]{1,3}(?:\.[0-9]{1,3}){3}` +
	`|(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}` +
	`|(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})?::(?:[0-9A-Fa-f]{1,4}:){0,6}(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[0-9A-Fa-f]{1,4})?`

// validIPv6 accepts a textual IPv6 address (RFC 4291 §2.2) with at least two
// non-empty groups, so "::" and "::1" alone, which also occur in C++ and
// Rust paths, do not count.
func validIPv6(v []byte) bool {
	groups, inGroup := 0, false
	for _, c := range v {
		if c == ':' {
			inGroup = false
		} else if !inGroup {
			inGroup = true
			groups++
		}
	}
	return groups >= 2 && ipv6Syntax(v)
}

// ipv6Syntax reports whether netip.ParseAddr(string(v)) gives an IPv6
// address without a zone, as netip reads it: up to eight groups of one to
// four hex digits, one "::" standing for one group or more, and an IPv4
// dotted quad (octets without leading zeros) in place of the last two
// groups. It does not import net/netip, whose initialisation (handles of
// package unique) every program would pay for at start-up, in WebAssembly
// the compilation of unique's code too; TestIPv6SyntaxAsNetip checks it
// against netip.
func ipv6Syntax(v []byte) bool {
	// netip.ParseAddr reads an IPv6 address when a colon comes before any
	// dot or percent sign; a percent sign starts a zone.
	colon := false
	for _, c := range v {
		if c == '.' || c == '%' {
			return false
		}
		if c == ':' {
			colon = true
			break
		}
	}
	if !colon {
		return false
	}
	for _, c := range v {
		if c == '%' {
			return false
		}
	}
	s := v
	ellipsis := -1 // the group the "::" stands before
	if len(s) >= 2 && s[0] == ':' && s[1] == ':' {
		ellipsis = 0
		if s = s[2:]; len(s) == 0 {
			return true
		}
	}
	i := 0 // groups read, in bytes
	for i < 16 {
		off := 0
		for ; off < len(s) && isHexDigit(s[off]); off++ {
			if off > 3 {
				return false
			}
		}
		if off == 0 {
			return false
		}
		if off < len(s) && s[off] == '.' {
			// A dotted quad, from this group's first digit to the end.
			if ellipsis < 0 && i != 12 || i+4 > 16 || !dottedQuad(s) {
				return false
			}
			i += 4
			s = nil
			break
		}
		i += 2
		if s = s[off:]; len(s) == 0 {
			break
		}
		if s[0] != ':' || len(s) == 1 {
			return false
		}
		s = s[1:]
		if s[0] == ':' {
			if ellipsis >= 0 {
				return false
			}
			ellipsis = i
			if s = s[1:]; len(s) == 0 {
				break
			}
		}
	}
	if len(s) != 0 {
		return false
	}
	// Too few groups without a "::", or a "::" standing for none.
	return i < 16 && ellipsis >= 0 || i == 16 && ellipsis < 0
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// dottedQuad reports whether s is four decimal octets, 0 to 255 without
// leading zeros, separated by dots.
func dottedQuad(s []byte) bool {
	fields, val, digits := 0, 0, 0
	for i, c := range s {
		switch {
		case c >= '0' && c <= '9':
			if digits == 1 && val == 0 {
				return false
			}
			val = val*10 + int(c-'0')
			digits++
			if val > 255 {
				return false
			}
		case c == '.':
			if i == 0 || i == len(s)-1 || s[i-1] == '.' || fields == 3 {
				return false
			}
			fields++
			val, digits = 0, 0
		default:
			return false
		}
	}
	return fields == 3
}

var device = []*Identifier{
	{
		Name:     "IpAddress",
		Category: Device,
		Patterns: []Pattern{
			{Expr: ipv4, WordChars: "."},
			{Expr: ipv6, WordChars: ":.", Validator: &Validator{Name: "IPv6 address syntax", Check: validIPv6}},
		},
		Confidence: 0.8,
		Format:     "IPv4 dotted quad (octets 0-255) or IPv6 (full, compressed with at least two groups, IPv4-mapped)",
	},
}
