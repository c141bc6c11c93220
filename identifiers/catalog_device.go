package identifiers

// ipv4 matches a dotted-quad IPv4 address, each octet 0-255 without
// leading zeros.
const ipv4 = `(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(?:\.(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}`

// h16 is one group of an IPv6 address.
const h16 = `[0-9A-Fa-f]{1,4}`

// ipv6 matches the full and compressed IPv6 forms with at least two groups
// (so "::" and "::1" alone, which also occur in C++ and Rust paths, do not
// count), and IPv4-mapped addresses.
const ipv6 = `::[fF]{4}:` + ipv4 +
	`|(?:` + h16 + `:){7}` + h16 +
	`|(?:` + h16 + `:){1}(?::` + h16 + `){1,6}` +
	`|(?:` + h16 + `:){2}(?::` + h16 + `){1,5}` +
	`|(?:` + h16 + `:){3}(?::` + h16 + `){1,4}` +
	`|(?:` + h16 + `:){4}(?::` + h16 + `){1,3}` +
	`|(?:` + h16 + `:){5}(?::` + h16 + `){1,2}` +
	`|(?:` + h16 + `:){6}:` + h16 +
	`|(?:` + h16 + `:){2,7}:` +
	`|::(?:` + h16 + `:){1,6}` + h16

var device = []*Identifier{
	{
		Name:     "IpAddress",
		Category: Device,
		Patterns: []Pattern{
			{Expr: ipv4, WordChars: "."},
			{Expr: ipv6, WordChars: ":."},
		},
		Confidence: 0.8,
		Format:     "IPv4 dotted quad (octets 0-255) or IPv6 (full, compressed with at least two groups, IPv4-mapped)",
	},
}
