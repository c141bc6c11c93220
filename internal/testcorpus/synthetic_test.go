package testcorpus

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/identifiers"
)

// TestGeneratorsValid checks that every value generator produces values that
// match one of their identifier's patterns exactly and pass its validator.
func TestGeneratorsValid(t *testing.T) {
	gens := map[string]func(*rand.Rand) string{
		"CreditCardNumber":            cardNumber,
		"Ssn-US":                      ssn,
		"PhoneNumber-US":              phoneUS,
		"PhoneNumber-GB":              phoneGB,
		"BankAccountNumber-DE":        ibanDE,
		"BankAccountNumber-GB":        ibanGB,
		"AwsSecretKey":                awsSecretKey,
		"DateOfBirth":                 dateOfBirth,
		"VehicleIdentificationNumber": vin,
		"CreditCardExpiration":        cardExpiry,
		"PostalCode-CA":               postalCodeCA,
		"ZipCode-US":                  zipCode,
		"LatLong":                     latLong,
		"PassportNumber-US":           passportUS,
		"DriversLicense-US":           driversLicenseUS,
		"BankAccountNumber-US":        bankAccountUS,
		"EmailAddress":                email,
		"IpAddress":                   func(r *rand.Rand) string { return pick(r, []func(*rand.Rand) string{ipv4, ipv6})(r) },
		"PkcsPrivateKey":              func(r *rand.Rand) string { return strings.ReplaceAll(pemKey(r), "OPENSSH ", "RSA ") },
		"OpenSshPrivateKey": func(r *rand.Rand) string {
			k := pemKey(r)
			return k[:strings.Index(k, "-----BEGIN ")+11] + "OPENSSH PRIVATE KEY-----" + k[strings.Index(k, `\n`):strings.Index(k, `\n-----END`)+11] + "OPENSSH PRIVATE KEY-----"
		},
	}
	r := rand.New(rand.NewPCG(1, 2))
	for name, gen := range gens {
		id, ok := identifiers.Lookup(name)
		if !ok {
			t.Errorf("%s: not in the catalog", name)
			continue
		}
		type compiled struct {
			re *regexp.Regexp
			v  *identifiers.Validator
		}
		var pats []compiled
		for _, p := range id.Patterns {
			v := id.Validator
			if p.Validator != nil {
				v = p.Validator
			}
			pats = append(pats, compiled{regexp.MustCompile(`^(?:` + p.Expr + `)$`), v})
		}
		for range 2000 {
			val := gen(r)
			ok := false
			for _, p := range pats {
				if p.re.MatchString(val) && (p.v == nil || p.v.Check([]byte(val))) {
					ok = true
					break
				}
			}
			if !ok {
				t.Errorf("%s: generated %q matches no pattern or fails validation", name, val)
				break
			}
			if id.IsNeverReported([]byte(val)) {
				t.Errorf("%s: generated %q is never reported", name, val)
			}
		}
	}
}

func TestSyntheticDeterministic(t *testing.T) {
	a, b := Synthetic(500, 0.1, 7), Synthetic(500, 0.1, 7)
	if !slices.EqualFunc(a.Lines, b.Lines, bytes.Equal) || !slices.Equal(a.Planted, b.Planted) {
		t.Fatal("same seed, different corpora")
	}
	c := Synthetic(500, 0.1, 8)
	if slices.EqualFunc(a.Lines, c.Lines, bytes.Equal) {
		t.Fatal("different seeds, same corpus")
	}
	lines := map[int]bool{}
	for _, s := range a.Planted {
		lines[s.Line] = true
		if v := string(a.Lines[s.Line][s.Start:s.End]); v == "" {
			t.Fatalf("empty span %v", s)
		}
	}
	if len(lines) != 50 {
		t.Fatalf("%d lines carry a planted value, want 50", len(lines))
	}
}

// TestSyntheticRecall runs the detector with the whole catalog over the
// synthetic corpus at 10% density. Every planted value must be found, with
// its identifier and exact offsets; every finding must be a planted value
// or an IP or e-mail address of the background.
func TestSyntheticRecall(t *testing.T) {
	c := Synthetic(5000, 0.10, 1)
	det, err := detector.Compile(identifiers.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	checkRecall(t, det, c)
}

func checkRecall(t *testing.T, det *detector.Detector, c *Corpus) {
	t.Helper()
	type key struct {
		line, start, end int
		id               string
	}
	planted := map[key]bool{}
	perIdent := map[string]int{}
	for _, s := range c.Planted {
		planted[key{s.Line, s.Start, s.End, s.Identifier}] = true
		perIdent[s.Identifier]++
	}
	background := map[key]bool{}
	for _, s := range c.Background {
		background[key{s.Line, s.Start, s.End, s.Identifier}] = true
	}
	// A value planted as one country's variant of a format that another
	// country shares (a 9-digit passport number near "passport number" is
	// as much PassportNumber-GB as -US) counts as found when a variant of
	// the same family reports it at its exact offsets.
	family := func(id string) string {
		if i := strings.LastIndexByte(id, '-'); i > 0 {
			return id[:i]
		}
		return id
	}
	plantedAt := map[key]string{} // the planted identifier by span and family
	for _, s := range c.Planted {
		plantedAt[key{s.Line, s.Start, s.End, family(s.Identifier)}] = s.Identifier
	}
	// The detector reports every identifier that matches a span (strongest
	// first): another identifier on exactly a planted or background span
	// (an extension such as Iban on a BankAccountNumber-GB) is reported
	// beside it, not instead of it.
	spans := map[key]bool{}
	for _, s := range append(slices.Clone(c.Planted), c.Background...) {
		spans[key{s.Line, s.Start, s.End, ""}] = true
	}
	found := map[key]bool{}
	var extras []string
	bgFound, alsoFound := 0, 0
	var fs []detector.Finding
	for i, line := range c.Lines {
		fs = det.AppendFindings(fs[:0], line)
		for _, f := range fs {
			k := key{i, f.Start, f.End, f.Identifier}
			if id, ok := plantedAt[key{i, f.Start, f.End, family(f.Identifier)}]; ok && !planted[k] {
				k.id = id
			}
			found[k] = true
			switch {
			case planted[k]:
			case background[k]:
				bgFound++
			case spans[key{i, f.Start, f.End, ""}]:
				alsoFound++
			default:
				extras = append(extras, fmt.Sprintf("line %d: %s %q (score %.2f, keyword %q)\n\t%s",
					i, f.Identifier, line[f.Start:f.End], f.Score, f.Keyword, line))
			}
		}
	}
	var misses []string
	missPerIdent := map[string]int{}
	for _, s := range c.Planted {
		if !found[key{s.Line, s.Start, s.End, s.Identifier}] {
			missPerIdent[s.Identifier]++
			misses = append(misses, fmt.Sprintf("line %d: %s %q\n\t%s", s.Line, s.Identifier,
				c.Lines[s.Line][s.Start:s.End], c.Lines[s.Line]))
		}
	}
	names := make([]string, 0, len(perIdent))
	for n := range perIdent {
		names = append(names, n)
	}
	sort.Strings(names)
	var summary strings.Builder
	for _, n := range names {
		fmt.Fprintf(&summary, "  %-28s planted %4d  found %4d\n", n, perIdent[n], perIdent[n]-missPerIdent[n])
	}
	t.Logf("%s: %d lines, %d planted values, %d missed; %d of %d background IP/e-mail addresses found; "+
		"%d findings of a second identifier on those spans; %d extra findings\n%s",
		c.Name, len(c.Lines), len(c.Planted), len(misses), bgFound, len(c.Background), alsoFound, len(extras), summary.String())
	const show = 20
	for i, m := range misses {
		if i == show {
			t.Errorf("... and %d more misses", len(misses)-show)
			break
		}
		t.Errorf("missed %s", m)
	}
	for i, e := range extras {
		if i == show {
			t.Errorf("... and %d more extra findings", len(extras)-show)
			break
		}
		t.Errorf("extra finding %s", e)
	}
}
