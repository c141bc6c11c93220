// Package corpus provides the texts the differential tests of the WASM
// build run on: the loghub corpus beside the repository, and a
// deterministic synthetic log generator.
package corpus

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// LoghubDir is where the loghub corpus is, relative to the repository
// root.
const LoghubDir = "../shared/corpus/loghub"

// Loghub returns the *.log files of the loghub corpus by base name, given
// the repository root; none when the corpus is absent.
func Loghub(root string) (map[string][]byte, error) {
	paths, err := filepath.Glob(filepath.Join(root, filepath.FromSlash(LoghubDir), "*.log"))
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		out[filepath.Base(p)] = b
	}
	return out, nil
}

// LoghubNames returns the names of files in sorted order.
func LoghubNames(files map[string][]byte) []string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// line returns a deterministic log line with sensitive values of many
// kinds, with and without the keywords that support them.
func line(r *rand.Rand) string {
	digits := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteByte(byte('0' + r.IntN(10)))
		}
		return b.String()
	}
	pick := func(s ...string) string { return s[r.IntN(len(s))] }
	card := func() string {
		// A Luhn-valid Visa number half of the time.
		d := []byte("4" + digits(14))
		sum := 0
		for i := len(d) - 1; i >= 0; i-- {
			v := int(d[i] - '0')
			if (len(d)-i)%2 == 1 {
				v *= 2
				if v > 9 {
					v -= 9
				}
			}
			sum += v
		}
		check := byte('0' + (10-sum%10)%10)
		if r.IntN(2) == 0 {
			check = byte('0' + r.IntN(10))
		}
		n := string(append(d, check))
		if r.IntN(2) == 0 {
			n = n[:4] + " " + n[4:8] + " " + n[8:12] + " " + n[12:]
		}
		return n
	}
	values := []func() string{
		func() string {
			return pick("jane", "j.doe", "ops+alerts", "x") + "@" + pick("example.com", "corp.example.org", "mail.co.uk")
		},
		func() string {
			return pick("ssn ", "SSN: ", "social security number ", "") + fmt.Sprintf("%03d-%02d-%04d", 100+r.IntN(600), 1+r.IntN(98), 1+r.IntN(9998))
		},
		func() string { return pick("card ", "credit card number ", "visa ", "cc=", "") + card() },
		func() string {
			return pick("phone ", "tel: ", "call ", "") + pick("+1 415 555 "+digits(4), "("+digits(3)+") 555-"+digits(4), "+44 20 7946 "+digits(4))
		},
		func() string {
			return pick("ip=", "from ", "client ") + fmt.Sprintf("%d.%d.%d.%d", 1+r.IntN(223), r.IntN(256), r.IntN(256), r.IntN(256))
		},
		func() string {
			return pick("ipv6 ", "") + "2001:db8::" + fmt.Sprintf("%x:%x", r.IntN(65536), r.IntN(65536))
		},
		func() string {
			return pick("dob ", "born ", "") + fmt.Sprintf("19%02d-%02d-%02d", r.IntN(100), 1+r.IntN(12), 1+r.IntN(28))
		},
		func() string {
			return "aws_secret_access_key=" + pick("Zx9kQ2mN8pL4vR7tY1wB3cE6fH0jS5uA9dG2iK4o", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
		},
		func() string { return pick("order ", "id ", "") + digits(1+r.IntN(12)) },
		func() string { return pick("EMP-"+digits(6), "TKT-ABC-"+digits(6), "EmployeeId-"+digits(9)) },
	}
	var b strings.Builder
	fmt.Fprintf(&b, "2026-11-%02dT%02d:%02d:%02dZ %s %s", 1+r.IntN(28), r.IntN(24), r.IntN(60), r.IntN(60),
		pick("INFO ", "WARN ", "DEBUG", "ERROR"), pick("auth", "billing", "kyc", "support", "gateway"))
	for n := 1 + r.IntN(4); n > 0; n-- {
		b.WriteString(pick(" ", " user ", ", ", " value=", "\t", " é ", " — "))
		b.WriteString(values[r.IntN(len(values))]())
	}
	return b.String()
}

// Synthetic returns n deterministic log lines dense in sensitive values of
// many kinds (emails, SSNs, card numbers with and without keywords and
// valid checksums, phones, IPv4 and IPv6 addresses, dates of birth, AWS
// secret keys, numbers, custom-identifier values), with and without the
// keywords that support them; the same seed gives the same lines.
func Synthetic(seed uint64, n int) []string {
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	out := make([]string, n)
	for i := range out {
		out[i] = line(r)
	}
	return out
}

// ExtendedPolicy is a CloudWatch policy with piiguard's extensions (mask
// styles, thresholds, allow lists, keywords) that need no key, for
// differential tests of the policy path.
const ExtendedPolicy = `{
  "Name": "wasm-differential",
  "Version": "2021-06-01",
  "Configuration": {"CustomDataIdentifier": [{"Name": "EmployeeId", "Regex": "EmployeeId-\\d{9}"}, {"Name": "Emp", "Regex": "EMP-[0-9]{6}"}]},
  "Statement": [
    {"Sid": "audit", "DataIdentifier": [
      "arn:aws:dataprotection::aws:data-identifier/CreditCardNumber",
      "arn:aws:dataprotection::aws:data-identifier/EmailAddress",
      "arn:aws:dataprotection::aws:data-identifier/Ssn-US",
      "arn:aws:dataprotection::aws:data-identifier/IpAddress",
      "EmployeeId", "Emp"],
     "Operation": {"Audit": {"FindingsDestination": {}}}},
    {"Sid": "redact", "DataIdentifier": [
      "arn:aws:dataprotection::aws:data-identifier/CreditCardNumber",
      "arn:aws:dataprotection::aws:data-identifier/EmailAddress",
      "arn:aws:dataprotection::aws:data-identifier/Ssn-US",
      "arn:aws:dataprotection::aws:data-identifier/IpAddress",
      "EmployeeId", "Emp"],
     "Operation": {"Deidentify": {"MaskConfig": {}}}}
  ],
  "PiiGuard": {
    "Mask": "asterisk",
    "Threshold": 0.5,
    "AllowList": {"Values": ["noreply@example.com"]},
    "Identifiers": {
      "CreditCardNumber": {"Mask": {"Style": "partial", "KeepLast": 4, "Char": "#"}, "Threshold": 0.8, "Keywords": ["card on file"]},
      "EmailAddress": {"Mask": {"Style": "redact"}, "AllowList": {"Patterns": ["ops\\+alerts@.*"]}},
      "IpAddress": {"Mask": {"Style": "placeholder", "Text": "<{name}>"}},
      "EmployeeId": {"Mask": {"Style": "fixed", "Length": 6}, "Keywords": ["employee"], "KeywordRequired": true}
    }
  }
}`

// TestKeyHex is the key (hex) the differential tests of ABI 1.1 compile
// keyed scanners with. A test key only: it is public.
const TestKeyHex = "8d3c1f0a9b2e47d6c5a1f3e8b7d2c4a6e9f1b3d5c7a9e2f4b6d8c1a3e5f7b9d2"

// KeyedPolicy is ExtendedPolicy with mask styles that need a key: email
// addresses hashed, SSNs tokenized (ABI 1.1).
var KeyedPolicy = strings.NewReplacer(
	`"EmailAddress": {"Mask": {"Style": "redact"}`, `"EmailAddress": {"Mask": {"Style": "hash"}`,
	`"Identifiers": {`, `"Identifiers": {
      "Ssn-US": {"Mask": {"Style": "token"}},`).Replace(ExtendedPolicy)

// JSONEvent wraps a text in a JSON event, as a structured log holds it:
// a message, an email member and a member whose name is a keyword.
func JSONEvent(text string) string {
	b, _ := json.Marshal(map[string]any{"msg": text, "user": map[string]any{"email": "jane.doe@example.com", "ssn": "536-22-1234", "id": 42}, "tags": []string{text}})
	return string(b)
}
