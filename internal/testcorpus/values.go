package testcorpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Generators of sensitive values that pass the catalog's validators:
// issuer-prefixed Luhn-valid card numbers, mod-97-valid IBANs, SSNs within
// the SSA's rules, VINs with their check digit, NANP phone numbers, and so
// on. Each takes the corpus's random source so that a seed fixes the corpus.

const (
	digits    = "0123456789"
	lowerHex  = "0123456789abcdef"
	upperAZ   = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	base64Std = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	// vinChars are the characters a VIN may use (no I, O, Q).
	vinChars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
)

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func randString(r *rand.Rand, alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

// between returns a random integer in [lo, hi].
func between(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// luhnComplete appends the Luhn check digit to a string of digits.
func luhnComplete(body string) string {
	sum := 0
	// The check digit will be rightmost, so the body's rightmost digit is doubled.
	for i := len(body) - 1; i >= 0; i-- {
		d := int(body[i] - '0')
		if (len(body)-1-i)%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return body + string(rune('0'+(10-sum%10)%10))
}

// cardIssuer is an issuer prefix (IIN) and the card length.
type cardIssuer struct {
	name   string
	prefix func(r *rand.Rand) string
	length int
}

var cardIssuers = []cardIssuer{
	{"visa", func(*rand.Rand) string { return "4" }, 16},
	{"visa13", func(*rand.Rand) string { return "4" }, 13},
	{"mastercard", func(r *rand.Rand) string { return fmt.Sprint(between(r, 51, 55)) }, 16},
	{"mastercard2", func(r *rand.Rand) string { return fmt.Sprint(between(r, 2221, 2720)) }, 16},
	{"amex", func(r *rand.Rand) string { return pick(r, []string{"34", "37"}) }, 15},
	{"discover", func(r *rand.Rand) string { return pick(r, []string{"6011", "65"}) }, 16},
	{"jcb", func(r *rand.Rand) string { return fmt.Sprint(between(r, 3528, 3589)) }, 16},
	{"diners", func(*rand.Rand) string { return "36" }, 14},
	{"unionpay", func(*rand.Rand) string { return "620" }, 16},
}

// cardNumber returns a Luhn-valid card number of a random issuer, grouped as
// cards are written (plain, 4-4-4-4 with spaces or hyphens, 4-6-5 for
// American Express, 4-6-4 for Diners Club).
func cardNumber(r *rand.Rand) string {
	iss := pick(r, cardIssuers)
	p := iss.prefix(r)
	n := luhnComplete(p + randString(r, digits, iss.length-len(p)-1))
	switch iss.length {
	case 16:
		switch r.IntN(3) {
		case 1:
			return n[0:4] + " " + n[4:8] + " " + n[8:12] + " " + n[12:16]
		case 2:
			return n[0:4] + "-" + n[4:8] + "-" + n[8:12] + "-" + n[12:16]
		}
	case 15, 14:
		if r.IntN(2) == 1 {
			sep := pick(r, []string{" ", "-"})
			return n[0:4] + sep + n[4:10] + sep + n[10:]
		}
	}
	return n
}

// ibanMod97 returns the ISO 7064 mod 97-10 remainder of s, letters counting
// as 10 to 35.
func ibanMod97(s string) int {
	m := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			m = (m*10 + int(c-'0')) % 97
		} else {
			m = (m*100 + int(c-'A'+10)) % 97
		}
	}
	return m
}

// iban returns a valid IBAN of country cc for bban.
func iban(cc, bban string) string {
	check := 98 - ibanMod97(bban+cc+"00")
	return fmt.Sprintf("%s%02d%s", cc, check, bban)
}

// groupIBAN writes an IBAN in groups of four, as printed.
func groupIBAN(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i += 4 {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[i:min(i+4, len(s))])
	}
	return b.String()
}

// ibanDE returns a German IBAN: DEkk + 8-digit bank code + 10-digit account.
func ibanDE(r *rand.Rand) string {
	s := iban("DE", randString(r, digits, 18))
	if r.IntN(2) == 1 {
		return groupIBAN(s)
	}
	return s
}

// ibanGB returns a British IBAN: GBkk + 4-letter bank + 6-digit sort code +
// 8-digit account.
func ibanGB(r *rand.Rand) string {
	bank := pick(r, []string{"NWBK", "BARC", "LOYD", "HBUK", "MIDL", "NAIA"})
	s := iban("GB", bank+randString(r, digits, 14))
	if r.IntN(2) == 1 {
		return groupIBAN(s)
	}
	return s
}

// ssn returns a US Social Security number that the SSA could have issued:
// area 001-899 but not 666, group 01-99, serial 0001-9999.
func ssn(r *rand.Rand) string {
	for {
		area, group, serial := between(r, 1, 899), between(r, 1, 99), between(r, 1, 9999)
		if area == 666 {
			continue
		}
		s := fmt.Sprintf("%03d%02d%04d", area, group, serial)
		if s == "078051120" || s == "219099999" || s == "123456789" {
			continue
		}
		switch r.IntN(3) {
		case 0:
			return s[0:3] + "-" + s[3:5] + "-" + s[5:9]
		case 1:
			return s[0:3] + " " + s[3:5] + " " + s[5:9]
		}
		return s
	}
}

// vinValue is the ISO 3779 transliteration of a VIN character.
func vinValue(c byte) int {
	if c >= '0' && c <= '9' {
		return int(c - '0')
	}
	return int("12345678-12345-7-923456789"[c-'A'] - '0')
}

// vin returns a vehicle identification number with a correct check digit
// (position 9) and a valid model-year character (position 10).
func vin(r *rand.Rand) string {
	weights := [17]int{8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2}
	b := []byte(pick(r, []string{"1HG", "1FT", "2T1", "3VW", "JHM", "KMH", "WBA", "WVW", "5YJ", "SAL"}) +
		randString(r, vinChars, 14))
	for b[9] == 'U' || b[9] == 'Z' || b[9] == '0' {
		b[9] = vinChars[r.IntN(len(vinChars))]
	}
	sum := 0
	for i, c := range b {
		if i != 8 {
			sum += vinValue(c) * weights[i]
		}
	}
	b[8] = "0123456789X"[sum%11]
	return string(b)
}

// nanp returns the area and exchange codes and line number of a North
// American number: area and exchange start with 2-9 and are not N11, and
// the area's middle digit is not 9.
func nanp(r *rand.Rand) (area, exchange, line string) {
	for {
		a := fmt.Sprintf("%d%d%d", between(r, 2, 9), between(r, 0, 8), r.IntN(10))
		e := fmt.Sprintf("%d%02d", between(r, 2, 9), r.IntN(100))
		if a[1:] == "11" || e[1:] == "11" {
			continue
		}
		return a, e, fmt.Sprintf("%04d", r.IntN(10000))
	}
}

// phoneUS returns a US number with its +1 country code, in one of the ways
// logs write them.
func phoneUS(r *rand.Rand) string {
	a, e, l := nanp(r)
	switch r.IntN(5) {
	case 0:
		return "+1 (" + a + ") " + e + "-" + l
	case 1:
		return "+1-" + a + "-" + e + "-" + l
	case 2:
		return "+1 " + a + " " + e + " " + l
	case 3:
		return "+1." + a + "." + e + "." + l
	}
	return "+1" + a + e + l
}

// phoneGB returns a UK number with its +44 country code: a London, regional
// or mobile number, spaced or not.
func phoneGB(r *rand.Rand) string {
	var national []string // groups of the national number without its 0
	switch r.IntN(3) {
	case 0:
		national = []string{"20", randString(r, digits, 4), randString(r, digits, 4)}
	case 1:
		national = []string{fmt.Sprint(between(r, 1200, 1999)), randString(r, digits, 6)}
	default:
		national = []string{"7" + randString(r, digits, 3), randString(r, digits, 6)}
	}
	switch r.IntN(4) {
	case 0:
		return "+44" + strings.Join(national, "")
	case 1:
		return "+44 (0)" + strings.Join(national, " ")
	case 2:
		return "+44-" + strings.Join(national, "-")
	}
	return "+44 " + strings.Join(national, " ")
}

// awsSecretKey returns 40 base64 characters with upper- and lower-case
// letters and digits.
func awsSecretKey(r *rand.Rand) string {
	for {
		k := randString(r, base64Std, 40)
		if strings.ContainsAny(k, upperAZ) && strings.ContainsAny(k, "abcdefghijklmnopqrstuvwxyz") &&
			strings.ContainsAny(k, digits) {
			return k
		}
	}
}

var monthNamesLong = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// dateOfBirth returns a calendar date between 1940 and 2006 in one of the
// formats DateOfBirth accepts.
func dateOfBirth(r *rand.Rand) string {
	y, m := between(r, 1940, 2006), between(r, 1, 12)
	d := between(r, 1, [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1])
	switch r.IntN(6) {
	case 0:
		return fmt.Sprintf("%02d/%02d/%04d", m, d, y)
	case 1:
		return fmt.Sprintf("%02d.%02d.%04d", d, m, y)
	case 2:
		return fmt.Sprintf("%d %s %d", d, monthNamesLong[m-1][:3], y)
	case 3:
		return fmt.Sprintf("%s %d, %d", monthNamesLong[m-1], d, y)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

// cardExpiry returns a month and year as cards print them.
func cardExpiry(r *rand.Rand) string {
	m, y := between(r, 1, 12), between(r, 25, 34)
	if r.IntN(2) == 0 {
		return fmt.Sprintf("%02d/%02d", m, y)
	}
	return fmt.Sprintf("%02d/20%02d", m, y)
}

// postalCodeCA returns a Canadian postal code (A1A 1A1).
func postalCodeCA(r *rand.Rand) string {
	const first, other = "ABCEGHJKLMNPRSTVXY", "ABCEGHJKLMNPRSTVWXYZ"
	return fmt.Sprintf("%c%d%c %d%c%d", first[r.IntN(len(first))], r.IntN(10), other[r.IntN(len(other))],
		r.IntN(10), other[r.IntN(len(other))], r.IntN(10))
}

// zipCode returns a US ZIP or ZIP+4 code.
func zipCode(r *rand.Rand) string {
	z := fmt.Sprintf("%05d", between(r, 501, 99950))
	if r.IntN(3) == 0 {
		z += fmt.Sprintf("-%04d", r.IntN(10000))
	}
	return z
}

// latLong returns a decimal-degree coordinate pair.
func latLong(r *rand.Rand) string {
	lat := r.Float64()*178 - 89
	lon := r.Float64()*358 - 179
	return fmt.Sprintf("%.*f,%s%.*f", between(r, 4, 6), lat, pick(r, []string{"", " "}), between(r, 4, 6), lon)
}

// passportUS returns a US passport number: 9 digits or a letter and 8 digits.
func passportUS(r *rand.Rand) string {
	if r.IntN(2) == 0 {
		return string(upperAZ[r.IntN(26)]) + randString(r, digits, 8)
	}
	return fmt.Sprint(between(r, 100000000, 999999999))
}

// driversLicenseUS returns a licence number in a state format.
func driversLicenseUS(r *rand.Rand) string {
	switch r.IntN(3) {
	case 0:
		return string(upperAZ[r.IntN(26)]) + randString(r, digits, between(r, 6, 8))
	case 1:
		return fmt.Sprint(between(r, 1000000, 999999999))
	}
	return fmt.Sprintf("%c%03d-%03d-%03d", upperAZ[r.IntN(26)], r.IntN(1000), r.IntN(1000), r.IntN(1000))
}

// bankAccountUS returns a US account number of 10 to 12 digits.
func bankAccountUS(r *rand.Rand) string {
	return fmt.Sprint(between(r, 1, 9)) + randString(r, digits, between(r, 9, 11))
}

// ipv6 returns an IPv6 address, full or compressed.
func ipv6(r *rand.Rand) string {
	group := func() string { return fmt.Sprintf("%x", r.IntN(0x10000)) }
	if r.IntN(2) == 0 {
		g := make([]string, 8)
		g[0], g[1] = "2001", "db8"
		for i := 2; i < 8; i++ {
			g[i] = group()
		}
		return strings.Join(g, ":")
	}
	head := []string{pick(r, []string{"2001", "fe80", "2a02", "2600"})}
	for i := r.IntN(3); i > 0; i-- {
		head = append(head, group())
	}
	var tail []string
	for i := between(r, 1, 7-len(head)); i > 0; i-- {
		tail = append(tail, group())
	}
	return strings.Join(head, ":") + "::" + strings.Join(tail, ":")
}

// ipv4 returns a dotted-quad address, public or private.
func ipv4(r *rand.Rand) string {
	switch r.IntN(3) {
	case 0:
		return fmt.Sprintf("10.%d.%d.%d", r.IntN(256), r.IntN(256), between(r, 1, 254))
	case 1:
		return fmt.Sprintf("192.168.%d.%d", r.IntN(256), between(r, 1, 254))
	}
	return fmt.Sprintf("%d.%d.%d.%d", between(r, 11, 223), r.IntN(256), r.IntN(256), between(r, 1, 254))
}

var (
	firstNames = []string{"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy",
		"mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "yuki"}
	lastNames = []string{"smith", "jones", "garcia", "miller", "davis", "lopez", "wilson", "anderson",
		"thomas", "moore", "martin", "lee", "walker", "young", "king", "wright", "scott", "green"}
	mailDomains = []string{"example.com", "example.org", "mail.example.net", "corp.example.co.uk",
		"users.example.io", "example.de"}
)

// email returns an e-mail address.
func email(r *rand.Rand) string {
	f, l := pick(r, firstNames), pick(r, lastNames)
	var local string
	switch r.IntN(4) {
	case 0:
		local = f + "." + l
	case 1:
		local = f + l[:1] + fmt.Sprint(r.IntN(100))
	case 2:
		local = f + "_" + l
	default:
		local = f[:1] + l + "+" + pick(r, []string{"shop", "news", "billing"})
	}
	return local + "@" + pick(r, mailDomains)
}

// pemKey returns a PEM private key written on one line with escaped line
// breaks, as JSON logs carry it.
func pemKey(r *rand.Rand) string {
	label := pick(r, []string{"RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY"})
	var b strings.Builder
	b.WriteString("-----BEGIN " + label + "-----")
	for i := between(r, 2, 4); i > 0; i-- {
		b.WriteString(`\n`)
		b.WriteString(randString(r, base64Std, 64))
	}
	b.WriteString(`\n-----END ` + label + "-----")
	return b.String()
}

// pemIdentifier names the identifier of a PEM key from its header.
func pemIdentifier(key string) string {
	if strings.HasPrefix(key, "-----BEGIN OPENSSH") {
		return "OpenSshPrivateKey"
	}
	return "PkcsPrivateKey"
}
