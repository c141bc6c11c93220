package identifiers

import (
	"math/rand/v2"
	"net/netip"
	"testing"
)

// netipIPv6 is what validIPv6 checked before ipv6Syntax: netip's reading
// of an IPv6 address without a zone.
func netipIPv6(v []byte) bool {
	a, err := netip.ParseAddr(string(v))
	return err == nil && a.Is6() && a.Zone() == ""
}

// TestIPv6SyntaxAsNetip: ipv6Syntax agrees with netip.ParseAddr on
// addresses of every shape (groups, "::" anywhere, embedded IPv4 quads)
// and on random strings of their characters.
func TestIPv6SyntaxAsNetip(t *testing.T) {
	cases := []string{
		"", ":", "::", ":::", "::1", "1::", "1::1", "::ffff:1.2.3.4", "::1.2.3.4", "1.2.3.4", "1.2.3.4::",
		"1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8::",
		"1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:1.2.3.4", "1:2:3:4:5::1.2.3.4", "1:2:3:4:5:6::1.2.3.4",
		"1::2::3", "12345::", "fffff::1", "FFFF:ffff::", "::01.2.3.4", "::1.2.3.04", "::1.2.3.256",
		"::1.2.3", "::1.2.3.4.5", "::1..2.3", "::.1.2.3", "::1.2.3.", "1:2:3:4:5:6:7:8%eth0", "::1%",
		"fe80::1%eth0", "%", "abcd", "::g", "1:", ":1", "1:2:", "1::2:", "::1:2:3:4:5:6:7", "0::0",
		"::ffff:192.168.1.1", "2001:db8::8a2e:370:7334", "2001:0db8:0000:0000:0000:ff00:0042:8329",
	}
	for _, c := range cases {
		if got, want := ipv6Syntax([]byte(c)), netipIPv6([]byte(c)); got != want {
			t.Errorf("ipv6Syntax(%q) = %v, netip says %v", c, got, want)
		}
	}
	rng := rand.New(rand.NewPCG(14, 4))
	const alphabet = "0123456789abcdefABCDEFg:.%"
	hexGroup := func() string {
		n := 1 + rng.IntN(5)
		b := make([]byte, n)
		for i := range b {
			b[i] = "0123456789abcdefABCDEF"[rng.IntN(22)]
		}
		return string(b)
	}
	quad := func() string {
		s := ""
		for i := range 4 {
			if i > 0 {
				s += "."
			}
			s += []string{"0", "1", "9", "10", "01", "99", "255", "256", "192", "000", ""}[rng.IntN(11)]
		}
		return s
	}
	agree := 0
	for i := 0; i < 400_000; i++ {
		var s string
		if i%2 == 0 {
			b := make([]byte, rng.IntN(24))
			for j := range b {
				b[j] = alphabet[rng.IntN(len(alphabet))]
			}
			s = string(b)
		} else {
			// Address-shaped: groups joined by ":", one "::" or none, a quad
			// or not at the end.
			n := rng.IntN(10)
			for j := range n {
				if j > 0 {
					s += ":"
				}
				s += hexGroup()
			}
			if rng.IntN(2) == 0 {
				at := rng.IntN(len(s) + 1)
				s = s[:at] + "::" + s[at:]
			}
			if rng.IntN(3) == 0 {
				s += ":" + quad()
			}
		}
		got, want := ipv6Syntax([]byte(s)), netipIPv6([]byte(s))
		if got != want {
			t.Fatalf("ipv6Syntax(%q) = %v, netip says %v", s, got, want)
		}
		if want {
			agree++
		}
	}
	if agree < 10_000 {
		t.Errorf("only %d valid addresses generated: the test does not reach them", agree)
	}
}

// FuzzIPv6SyntaxAsNetip: ipv6Syntax agrees with netip.ParseAddr.
func FuzzIPv6SyntaxAsNetip(f *testing.F) {
	for _, s := range []string{"::1", "1:2:3:4:5:6:7:8", "::ffff:1.2.3.4", "1::2::3", "fe80::1%eth0", "1.2.3.4"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, v []byte) {
		if got, want := ipv6Syntax(v), netipIPv6(v); got != want {
			t.Fatalf("ipv6Syntax(%q) = %v, netip says %v", v, got, want)
		}
	})
}
