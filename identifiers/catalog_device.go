package identifiers

import "net/netip"

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
// Rust paths, do not count. It is the catalog's rather than
// internal/checksum's because netip.ParseAddr allocates, and checksum's
// validators never do.
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
	if groups < 2 {
		return false
	}
	addr, err := netip.ParseAddr(string(v))
	return err == nil && addr.Is6() && addr.Zone() == ""
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
