package testcorpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Dense returns n deterministic log lines dense in sensitive values of
// many kinds (e-mail addresses, SSNs, card numbers with and without
// keywords and valid checksums, phone numbers, IPv4 and IPv6 addresses,
// dates of birth, AWS secret keys, bare numbers and the values of
// ExtendedPolicy's custom identifiers), with and without the keywords that
// support them, between ASCII and non-ASCII separators. The differential
// tests of the WebAssembly build compare its findings and masks with the
// native build's on them. The same seed gives the same lines.
func Dense(seed uint64, n int) []string {
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	out := make([]string, n)
	for i := range out {
		out[i] = denseLine(r)
	}
	return out
}

// denseLine returns one line of Dense.
func denseLine(r *rand.Rand) string {
	digitRun := func(n int) string { return randString(r, digits, n) }
	choose := func(s ...string) string { return s[r.IntN(len(s))] }
	card := func() string {
		// A Luhn-valid Visa number half of the time.
		n := luhnComplete("4" + digitRun(14))
		if r.IntN(2) == 0 {
			n = n[:15] + string(byte('0'+r.IntN(10)))
		}
		if r.IntN(2) == 0 {
			n = n[:4] + " " + n[4:8] + " " + n[8:12] + " " + n[12:]
		}
		return n
	}
	values := []func() string{
		func() string {
			return choose("jane", "j.doe", "ops+alerts", "x") + "@" + choose("example.com", "corp.example.org", "mail.co.uk")
		},
		func() string {
			return choose("ssn ", "SSN: ", "social security number ", "") + fmt.Sprintf("%03d-%02d-%04d", 100+r.IntN(600), 1+r.IntN(98), 1+r.IntN(9998))
		},
		func() string { return choose("card ", "credit card number ", "visa ", "cc=", "") + card() },
		func() string {
			return choose("phone ", "tel: ", "call ", "") + choose("+1 415 555 "+digitRun(4), "("+digitRun(3)+") 555-"+digitRun(4), "+44 20 7946 "+digitRun(4))
		},
		func() string {
			return choose("ip=", "from ", "client ") + fmt.Sprintf("%d.%d.%d.%d", 1+r.IntN(223), r.IntN(256), r.IntN(256), r.IntN(256))
		},
		func() string {
			return choose("ipv6 ", "") + "2001:db8::" + fmt.Sprintf("%x:%x", r.IntN(65536), r.IntN(65536))
		},
		func() string {
			return choose("dob ", "born ", "") + fmt.Sprintf("19%02d-%02d-%02d", r.IntN(100), 1+r.IntN(12), 1+r.IntN(28))
		},
		func() string {
			return "aws_secret_access_key=" + choose("Zx9kQ2mN8pL4vR7tY1wB3cE6fH0jS5uA9dG2iK4o", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
		},
		func() string { return choose("order ", "id ", "") + digitRun(1+r.IntN(12)) },
		func() string { return choose("EMP-"+digitRun(6), "TKT-ABC-"+digitRun(6), "EmployeeId-"+digitRun(9)) },
	}
	var b strings.Builder
	fmt.Fprintf(&b, "2026-11-%02dT%02d:%02d:%02dZ %s %s", 1+r.IntN(28), r.IntN(24), r.IntN(60), r.IntN(60),
		choose("INFO ", "WARN ", "DEBUG", "ERROR"), choose("auth", "billing", "kyc", "support", "gateway"))
	for n := 1 + r.IntN(4); n > 0; n-- {
		b.WriteString(choose(" ", " user ", ", ", " value=", "\t", " é ", " — "))
		b.WriteString(values[r.IntN(len(values))]())
	}
	return b.String()
}
