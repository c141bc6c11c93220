package identifiers_test

import (
	"fmt"
	"math/big"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/identifiers"
)

// farFiller separates a keyword from a value by more than the keyword window
// (DefaultWindow = 30 characters). It holds no keyword of any identifier.
const farFiller = "and after that some unrelated words appear"

// noKeyword stands where a keyword would go for identifiers that have none.
const noKeyword = "note"

// placement puts a value in text beside a keyword.
type placement struct {
	name string
	// near reports whether the keyword is within the window; textAfter,
	// whether text follows the value.
	near, textAfter bool
	build           func(kw, value string) (text string, start int)
}

var placements = []placement{
	{"keyword before", true, false, func(kw, value string) (string, int) {
		return kw + " " + value, len(kw) + 1
	}},
	{"keyword after", true, true, func(kw, value string) (string, int) {
		return value + " is the " + kw, 0
	}},
	{"keyword far before", false, false, func(kw, value string) (string, int) {
		p := kw + " " + farFiller + " "
		return p + value, len(p)
	}},
	{"keyword far after", false, true, func(kw, value string) (string, int) {
		return value + " " + farFiller + " " + kw, 0
	}},
	{"no keyword", false, false, func(kw, value string) (string, int) {
		return value, 0
	}},
}

// catalogExceptions lists valid vectors that, with the whole catalog
// compiled, legitimately go to another identifier: "name\x00value" maps to
// the identifier expected to win. Each entry needs a comment saying why (for
// example, a 9-digit number placed where both a passport and an SSN keyword
// are near would go to the validated Ssn-US).
//
// It is empty: the placements put only keywords of the vector's own
// identifier near it, and no identifier of the catalog reports another's
// valid vector after any of its keywords (including the shared ones:
// "account number", "iban", "sepa", the phone words). Values near the
// keywords of two identifiers are tested in TestOverlappingIdentifiers.
var catalogExceptions = map[string]string{}

func compileOne(t *testing.T, id *identifiers.Identifier) *detector.Detector {
	t.Helper()
	d, err := detector.Compile([]*identifiers.Identifier{id})
	if err != nil {
		t.Fatalf("compile %s: %v", id.Name, err)
	}
	return d
}

func compileCatalog(t *testing.T) *detector.Detector {
	t.Helper()
	d, err := detector.Compile(identifiers.Catalog())
	if err != nil {
		t.Fatalf("compile catalog: %v", err)
	}
	return d
}

// vectorKeyword returns the keyword the placements use for an identifier,
// checking that it is one of the identifier's.
func vectorKeyword(t *testing.T, id *identifiers.Identifier, vs identifierVectors) string {
	t.Helper()
	if len(id.Keywords) == 0 {
		if vs.keyword != "" {
			t.Fatalf("%s has no keywords but its vectors name keyword %q", id.Name, vs.keyword)
		}
		return noKeyword
	}
	if vs.keyword == "" {
		return id.Keywords[0]
	}
	if !slices.Contains(id.Keywords, vs.keyword) {
		t.Fatalf("%s: vector keyword %q is not one of its keywords %q", id.Name, vs.keyword, id.Keywords)
	}
	return vs.keyword
}

func quote(s string) string {
	if len(s) > 90 {
		return fmt.Sprintf("%q…(%d bytes)", s[:90], len(s))
	}
	return fmt.Sprintf("%q", s)
}

// TestConformanceVectorsCoverCatalog fails when an identifier of the catalog
// has no vectors or too few, and when vectors name no catalog identifier.
func TestConformanceVectorsCoverCatalog(t *testing.T) {
	names := map[string]bool{}
	for _, id := range identifiers.Catalog() {
		names[id.Name] = true
		vs, ok := conformanceVectors[id.Name]
		if !ok {
			t.Errorf("identifier %s is in identifiers.Catalog() but has no conformance vectors: every catalog identifier needs at least %d valid and %d invalid vectors in identifiers/vectors_data_test.go; add an entry for %s",
				id.Name, minValid, minInvalid, id.Name)
			continue
		}
		if testing.Verbose() {
			t.Logf("%-30s %2d valid, %2d invalid", id.Name, len(vs.valid), len(vs.invalid))
		}
		if len(vs.valid) < minValid || len(vs.invalid) < minInvalid {
			t.Errorf("identifier %s has %d valid and %d invalid conformance vectors: every catalog identifier needs at least %d valid and %d invalid vectors in identifiers/vectors_data_test.go",
				id.Name, len(vs.valid), len(vs.invalid), minValid, minInvalid)
		}
	}
	for name := range conformanceVectors {
		if !names[name] {
			t.Errorf("conformance vectors for %s, which is not in identifiers.Catalog()", name)
		}
	}
	for key := range catalogExceptions {
		name, value, _ := strings.Cut(key, "\x00")
		found := false
		for _, vec := range conformanceVectors[name].valid {
			found = found || vec.value == value
		}
		if !found {
			t.Errorf("catalogExceptions names %s %s, which is not one of its valid vectors", name, quote(value))
		}
	}
}

// TestConformanceVectors places every valid value of every catalog
// identifier beside a keyword (before, after), far from it (more than 30
// characters of filler) and alone, and checks that a detector of just that
// identifier reports exactly the value where it should: in all placements
// for identifiers that need no keyword, only near a keyword for those that
// require one (and for the vectors marked needsKeyword), with the keyword
// reported. Every invalid value must give no finding in any placement.
func TestConformanceVectors(t *testing.T) {
	for _, id := range identifiers.Catalog() {
		vs, ok := conformanceVectors[id.Name]
		if !ok {
			continue // TestConformanceVectorsCoverCatalog reports it
		}
		t.Run(id.Name, func(t *testing.T) {
			d := compileOne(t, id)
			kw := vectorKeyword(t, id, vs)
			for _, vec := range vs.valid {
				if vec.needsKeyword && (id.KeywordRequired || len(id.Keywords) == 0) {
					t.Errorf("vector %s is marked needsKeyword, which only applies to identifiers with optional keywords", quote(vec.value))
				}
				needKW := id.KeywordRequired || vec.needsKeyword
				for _, p := range placements {
					if vec.cut && p.textAfter {
						continue
					}
					text, start := p.build(kw, vec.value)
					end := start + len(vec.value)
					got := d.FindString(text)
					want := p.near || !needKW
					if !want {
						if len(got) != 0 {
							t.Errorf("valid %s (%s), %s: reported without a keyword near: %v in %s", quote(vec.value), vec.why, p.name, got, quote(text))
						}
						continue
					}
					if len(got) != 1 || got[0].Identifier != id.Name || got[0].Start != start || got[0].End != end {
						t.Errorf("valid %s (%s), %s: got %v, want one %s[%d:%d] in %s", quote(vec.value), vec.why, p.name, got, id.Name, start, end, quote(text))
						continue
					}
					wantKW := ""
					if p.near && len(id.Keywords) > 0 {
						wantKW = kw
					}
					if got[0].Keyword != wantKW {
						t.Errorf("valid %s, %s: Keyword = %q, want %q", quote(vec.value), p.name, got[0].Keyword, wantKW)
					}
				}
			}
			for _, vec := range vs.invalid {
				for _, p := range placements {
					text, _ := p.build(kw, vec.value)
					if got := d.FindString(text); len(got) != 0 {
						t.Errorf("invalid %s (%s), %s: reported %v in %s", quote(vec.value), vec.why, p.name, got, quote(text))
					}
				}
			}
		})
	}
}

// wins reports whether the findings over a value, over, all span exactly
// [start, end), the first (strongest) is of identifier first, and one is
// of identifier also: the detector reports every identifier that matches
// a span, strongest first.
func wins(over []detector.Finding, first, also string, start, end int) bool {
	if len(over) == 0 || over[0].Identifier != first {
		return false
	}
	found := false
	for _, f := range over {
		if f.Start != start || f.End != end {
			return false
		}
		found = found || f.Identifier == also
	}
	return found
}

// TestConformanceVectorsWholeCatalog runs the valid values through a
// detector of the whole catalog, in the placements where their identifier
// reports them, and checks that their identifier wins: every finding over
// the value spans it, the strongest is of that identifier, and it is
// reported even where another identifier legitimately claims the value
// first (catalogExceptions records those).
func TestConformanceVectorsWholeCatalog(t *testing.T) {
	d := compileCatalog(t)
	for _, id := range identifiers.Catalog() {
		vs, ok := conformanceVectors[id.Name]
		if !ok {
			continue
		}
		kw := vectorKeyword(t, id, vs)
		for _, vec := range vs.valid {
			want := id.Name
			if w, ok := catalogExceptions[id.Name+"\x00"+vec.value]; ok {
				want = w
			}
			needKW := id.KeywordRequired || vec.needsKeyword
			for _, p := range placements {
				if !p.near && needKW || vec.cut && p.textAfter {
					continue
				}
				text, start := p.build(kw, vec.value)
				end := start + len(vec.value)
				var over []detector.Finding
				for _, f := range d.FindString(text) {
					if f.Start < end && f.End > start {
						over = append(over, f)
					}
				}
				if !wins(over, want, id.Name, start, end) {
					t.Errorf("%s valid %s, %s, whole catalog: got %v, want %s[%d:%d] first and %s among the findings, all spanning the value, in %s", id.Name, quote(vec.value), p.name, over, want, start, end, id.Name, quote(text))
				}
			}
			// Every keyword of the identifier, before the value: keywords
			// some identifiers share ("account number", "phone") must not
			// hand the value to another.
			for _, k := range id.Keywords {
				want := want
				// An exception holds where the winner's keywords are near,
				// not after a keyword only this identifier has.
				if w, ok := catalogExceptions[id.Name+"\x00"+vec.value]; ok {
					if winner, _ := identifiers.Lookup(w); winner != nil && !slices.Contains(winner.Keywords, k) {
						want = id.Name
					}
				}
				text, start := placements[0].build(k, vec.value)
				end := start + len(vec.value)
				var over []detector.Finding
				for _, f := range d.FindString(text) {
					if f.Start < end && f.End > start {
						over = append(over, f)
					}
				}
				if !wins(over, want, id.Name, start, end) {
					t.Errorf("%s valid %s after keyword %q, whole catalog: got %v, want %s[%d:%d] first and %s among the findings, all spanning the value, in %s", id.Name, quote(vec.value), k, over, want, start, end, id.Name, quote(text))
				}
			}
		}
	}
}

// TestVectorLiterals re-checks the checksummed vectors with independent
// implementations, so that a vector is what its comment says whatever the
// validators under test do.
func TestVectorLiterals(t *testing.T) {
	for _, vec := range conformanceVectors["CreditCardNumber"].valid {
		if !luhnValid(vec.value) {
			t.Errorf("CreditCardNumber valid vector %q fails Luhn", vec.value)
		}
	}
	for _, name := range []string{"BankAccountNumber-DE", "BankAccountNumber-GB"} {
		country := name[len(name)-2:]
		for _, vec := range conformanceVectors[name].valid {
			if strings.HasPrefix(vec.value, country) && !ibanValid(vec.value) {
				t.Errorf("%s valid vector %q fails mod 97", name, vec.value)
			}
		}
	}
	for _, vec := range conformanceVectors["VehicleIdentificationNumber"].valid {
		if c := vinCheckDigit(vec.value); c != vec.value[8] {
			t.Errorf("VIN vector %q: check digit %c, want %c", vec.value, vec.value[8], c)
		}
	}
	// The helpers themselves, on published values.
	if !luhnValid("79927398713") || luhnValid("79927398710") {
		t.Error("luhnValid disagrees with the ISO/IEC 7812 example 79927398713")
	}
	if !ibanValid("GB82 WEST 1234 5698 7654 32") || ibanValid("GB82 WEST 1234 5698 7654 33") {
		t.Error("ibanValid disagrees with the ISO 13616 example GB82 WEST 1234 5698 7654 32")
	}
	if vinCheckDigit("1M8GDM9AXKP042788") != 'X' {
		t.Error("vinCheckDigit disagrees with the 49 CFR 565 example 1M8GDM9AXKP042788")
	}
}

// luhnValid reports whether the digits of s (separators ignored) pass Luhn.
func luhnValid(s string) bool {
	sum, n := 0, 0
	for i := len(s) - 1; i >= 0; i-- {
		c := s[i]
		if c < '0' || c > '9' {
			continue
		}
		d := int(c - '0')
		if n%2 == 1 {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
		n++
	}
	return n > 1 && sum%10 == 0
}

// ibanValid reports whether s (spaces and hyphens ignored) passes ISO 7064
// mod 97-10.
func ibanValid(s string) bool {
	s = strings.NewReplacer(" ", "", "-", "").Replace(s)
	if len(s) < 5 {
		return false
	}
	var digits strings.Builder
	for _, c := range s[4:] + s[:4] {
		switch {
		case c >= '0' && c <= '9':
			digits.WriteRune(c)
		case c >= 'A' && c <= 'Z':
			fmt.Fprint(&digits, int(c-'A')+10)
		default:
			return false
		}
	}
	n, ok := new(big.Int).SetString(digits.String(), 10)
	return ok && new(big.Int).Mod(n, big.NewInt(97)).Int64() == 1
}

// vinCheckDigit computes the 49 CFR 565 check digit of a 17-character VIN.
func vinCheckDigit(vin string) byte {
	const translit = "12345678.12345.7.923456789" // A..Z; I, O, Q invalid
	weights := []int{8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2}
	if len(vin) != 17 {
		return 0
	}
	sum := 0
	for i := 0; i < 17; i++ {
		c := vin[i]
		var v int
		switch {
		case c >= '0' && c <= '9':
			v = int(c - '0')
		case c >= 'A' && c <= 'Z' && translit[c-'A'] != '.':
			v = int(translit[c-'A'] - '0')
		default:
			return 0
		}
		sum += v * weights[i]
	}
	if sum%11 == 10 {
		return 'X'
	}
	return byte('0' + sum%11)
}

// ---- keyword variants, window, never-reported values, overlaps ----

func lookup(t *testing.T, name string) *identifiers.Identifier {
	t.Helper()
	id, ok := identifiers.Lookup(name)
	if !ok {
		t.Fatalf("Lookup(%q) failed", name)
	}
	return id
}

const (
	testAWSKey = "Sc7Tvo+hBKqFYY+kv5ZJr3J1TWDtkwtDDb/xHKas"
	testSSN    = "536-22-1234"
	testVIN    = "1M8GDM9AXKP042788"
)

// TestKeywordVariantsThroughDetector checks that keywords match
// case-insensitively and in their space-free, underscore and hyphen forms,
// and that the finding names the keyword as the catalog writes it.
func TestKeywordVariantsThroughDetector(t *testing.T) {
	tests := []struct {
		ident, text, value string
		keyword            string // "" means not found
	}{
		{"AwsSecretKey", "secret key " + testAWSKey, testAWSKey, "secret key"},
		{"AwsSecretKey", "secretkey=" + testAWSKey, testAWSKey, "secret key"},
		{"AwsSecretKey", "SECRET_KEY=" + testAWSKey, testAWSKey, "secret key"},
		{"AwsSecretKey", "Secret-Key: " + testAWSKey, testAWSKey, "secret key"},
		{"AwsSecretKey", "SecretAccessKey " + testAWSKey, testAWSKey, "secret access key"},
		{"AwsSecretKey", "AWS_SECRET_ACCESS_KEY=" + testAWSKey, testAWSKey, "aws_secret_access_key"},
		{"AwsSecretKey", "Set-AWSCredential -AccessKey x -SecretKey " + testAWSKey, testAWSKey, "secret key"},
		{"AwsSecretKey", "CREDENTIALS " + testAWSKey, testAWSKey, "credentials"},
		{"AwsSecretKey", "secret  key " + testAWSKey, testAWSKey, ""},  // two spaces: not a variant
		{"AwsSecretKey", "secret.key " + testAWSKey, testAWSKey, ""},   // '.': not a variant
		{"AwsSecretKey", "mysecretkey " + testAWSKey, testAWSKey, ""},  // continues a word
		{"AwsSecretKey", "secret keys: " + testAWSKey, testAWSKey, ""}, // continues a word
		{"Ssn-US", "SSN " + testSSN, testSSN, "ssn"},
		{"Ssn-US", "Ssn: " + testSSN, testSSN, "ssn"},
		{"Ssn-US", "Social-Security " + testSSN, testSSN, "social security"},
		{"Ssn-US", "SOCIAL_SECURITY=" + testSSN, testSSN, "social security"},
		{"Ssn-US", "socialsecurity " + testSSN, testSSN, "social security"},
		{"Ssn-US", "Social Security " + testSSN, testSSN, "social security"},
		{"Ssn-US", "SS# " + testSSN, testSSN, "ss#"},
		{"Ssn-US", testSSN + " (SSN)", testSSN, "ssn"},
		{"Ssn-US", "ssns " + testSSN, testSSN, ""},
		{"Ssn-US", "social_security_number " + testSSN, testSSN, "social security"},
		{"VehicleIdentificationNumber", "VIN " + testVIN, testVIN, "vin"},
		{"VehicleIdentificationNumber", "NÚMERO DE IDENTIFICAÇÃO DO VEÍCULO " + testVIN, testVIN, "Número de Identificação do Veículo"},
		{"VehicleIdentificationNumber", "número_de_identificação_do_veículo: " + testVIN, testVIN, "Número de Identificação do Veículo"},
		{"VehicleIdentificationNumber", "FAHRGESTELLNUMMER " + testVIN, testVIN, "Fahrgestellnummer"},
		{"VehicleIdentificationNumber", "vin numeris " + testVIN, testVIN, "VIN numeris"},
		{"DateOfBirth", "B-DAY 1990-05-17", "1990-05-17", "b-day"},
		{"DateOfBirth", "Date_Of_Birth: 1990-05-17", "1990-05-17", "date of birth"},
		{"DateOfBirth", "birth-date 1990-05-17", "1990-05-17", "birth date"},
		{"ZipCode-US", "ZIP+4: 98109-5210", "98109-5210", "zip+4"},
		{"ZipCode-US", "ZipCode 98109", "98109", "zip code"},
	}
	dets := map[string]*detector.Detector{}
	for _, tt := range tests {
		d := dets[tt.ident]
		if d == nil {
			d = compileOne(t, lookup(t, tt.ident))
			dets[tt.ident] = d
		}
		got := d.FindString(tt.text)
		if tt.keyword == "" {
			if len(got) != 0 {
				t.Errorf("%s in %q: got %v, want nothing", tt.ident, tt.text, got)
			}
			continue
		}
		start := strings.Index(tt.text, tt.value)
		if len(got) != 1 || got[0].Start != start || got[0].End != start+len(tt.value) || got[0].Keyword != tt.keyword {
			t.Errorf("%s in %q: got %+v, want [%d:%d] with keyword %q", tt.ident, tt.text, got, start, start+len(tt.value), tt.keyword)
		}
	}
}

// TestKeywordWindowEdge checks that a keyword counts when exactly Window
// characters separate it from the value, on either side, and not when one
// more does, measuring characters, not bytes.
func TestKeywordWindowEdge(t *testing.T) {
	ssn := compileOne(t, lookup(t, "Ssn-US"))
	narrow := lookup(t, "Ssn-US")
	narrow.Window = 10
	ssn10 := compileOne(t, narrow)
	phone := compileOne(t, lookup(t, "PhoneNumber-US"))
	const usPhone = "+1 206-266-1000"
	const usNational = "(206) 266-1000"

	// gap returns n characters: a space, n-2 copies of r, a space (so the
	// keyword and the value keep their boundaries).
	gap := func(r string, n int) string { return " " + strings.Repeat(r, n-2) + " " }
	for _, r := range []string{".", "x", "é", "€", "😀"} {
		for _, tt := range []struct {
			d       *detector.Detector
			window  int
			kw      string
			value   string
			needsKW bool
		}{
			{ssn, 30, "ssn", testSSN, true},
			{ssn10, 10, "ssn", testSSN, true},
			{phone, 30, "phone", usNational, true},
			{phone, 30, "phone", usPhone, false},
		} {
			for _, n := range []int{tt.window - 1, tt.window, tt.window + 1} {
				g := gap(r, n)
				if c := utf8.RuneCountInString(g); c != n {
					t.Fatalf("gap of %d characters has %d", n, c)
				}
				for _, side := range []string{"before", "after"} {
					text, start := tt.kw+g+tt.value, len(tt.kw)+len(g)
					if side == "after" {
						text, start = tt.value+g+tt.kw, 0
					}
					got := tt.d.FindString(text)
					near := n <= tt.window
					desc := fmt.Sprintf("keyword %q %s the value, %d × %q between (%d bytes), window %d", tt.kw, side, n, r, len(g), tt.window)
					switch {
					case !near && tt.needsKW:
						if len(got) != 0 {
							t.Errorf("%s: got %v, want nothing", desc, got)
						}
					case len(got) != 1 || got[0].Start != start || got[0].End != start+len(tt.value):
						t.Errorf("%s: got %v, want one finding at %d", desc, got, start)
					case near && got[0].Keyword != tt.kw:
						t.Errorf("%s: Keyword = %q, want %q", desc, got[0].Keyword, tt.kw)
					case !near && got[0].Keyword != "":
						t.Errorf("%s: Keyword = %q, want none", desc, got[0].Keyword)
					}
				}
			}
		}
	}
}

// issuerTestCardNumbers are the 55 card numbers of docs/cloudwatch-reference.md (Issuer test card numbers), copied
// from the reference (not from the catalog).
var issuerTestCardNumbers = strings.Fields(`
122000000000003 2222405343248877 2222990905257051 2223007648726984 2223577120017656
30569309025904 34343434343434 3528000700000000 3530111333300000 3566002020360505 36148900647913
36700102000000 371449635398431 378282246310005 378734493671000 38520000023237 4012888888881881
4111111111111111 4222222222222 4444333322221111 4462030000000000 4484070000000000 4911830000000
4917300800000000 4917610000000000 4917610000000000003 5019717010103742 5105105105105100
5111010030175156 5185540810000019 5200828282828210 5204230080000017 5204740009900014 5420923878724339
5454545454545454 5455330760000018 5506900490000436 5506900490000444 5506900510000234 5506920809243667
5506922400634930 5506927427317625 5553042241984105 5555553753048194 5555555555554444 5610591081018250
6011000990139424 6011000400000000 6011111111111117 630490017740292441 630495060000000000
6331101999990016 6759649826438453 6799990100000000019 76009244561
`)

// groupCard writes a card number in the groups the CreditCardNumber
// patterns accept: 4-4-4 and the rest as one group of up to 4 or as a group
// and 3 (4-4-4-4-3 for 19 digits); 15 digits as 4-6-5.
func groupCard(n, sep string) string {
	if len(n) == 15 {
		return n[:4] + sep + n[4:10] + sep + n[10:]
	}
	if len(n) < 13 {
		return n
	}
	g := []string{n[:4], n[4:8], n[8:12]}
	rest := n[12:]
	if len(rest) > 4 {
		g = append(g, rest[:len(rest)-3], rest[len(rest)-3:])
	} else {
		g = append(g, rest)
	}
	return strings.Join(g, sep)
}

// TestNeverReported checks that the issuer test card numbers, plain and
// grouped, are not reported near "card", and the AWS documentation keys
// not near "aws_secret_access_key"; and that this is the never-reported
// list's doing: without it, the numbers that pass the card validator would
// be reported.
func TestNeverReported(t *testing.T) {
	if len(issuerTestCardNumbers) != 55 {
		t.Fatalf("%d issuer test numbers, want 55", len(issuerTestCardNumbers))
	}
	cc := lookup(t, "CreditCardNumber")
	if got, want := slices.Sorted(slices.Values(cc.NeverReported)), slices.Sorted(slices.Values(issuerTestCardNumbers)); !slices.Equal(got, want) {
		t.Errorf("CreditCardNumber.NeverReported differs from docs/cloudwatch-reference.md, Issuer test card numbers:\n got %v\nwant %v", got, want)
	}
	d := compileOne(t, cc)
	bare := lookup(t, "CreditCardNumber")
	bare.NeverReported = nil
	dBare := compileOne(t, bare)
	whole := compileCatalog(t)
	wouldReport := 0
	for _, n := range issuerTestCardNumbers {
		for _, form := range []string{n, groupCard(n, " "), groupCard(n, "-")} {
			for _, text := range []string{"card " + form, "card number: " + form, form + " is the card", "visa " + form + " exp"} {
				if got := d.FindString(text); len(got) != 0 {
					t.Errorf("issuer test number reported in %q: %v", text, got)
				}
				for _, f := range whole.FindString(text) {
					if f.Identifier == "CreditCardNumber" {
						t.Errorf("issuer test number reported by the whole catalog in %q: %v", text, f)
					}
				}
			}
			if len(dBare.FindString("card "+form)) == 1 {
				wouldReport++
			}
		}
	}
	// Most test numbers are valid cards: the list, not the validator, keeps
	// them out.
	if wouldReport < 3*45 {
		t.Errorf("without NeverReported only %d of %d forms would be reported; the never-reported test proves little", wouldReport, 3*55)
	}

	aws := lookup(t, "AwsSecretKey")
	dAWS := compileOne(t, aws)
	bareAWS := lookup(t, "AwsSecretKey")
	bareAWS.NeverReported = nil
	dBareAWS := compileOne(t, bareAWS)
	for _, key := range []string{"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"} {
		for _, text := range []string{
			"aws_secret_access_key " + key,
			"aws_secret_access_key = " + key,
			`{"aws_secret_access_key": "` + key + `"}`,
			"secret key " + key,
		} {
			if got := dAWS.FindString(text); len(got) != 0 {
				t.Errorf("AWS example key reported in %q: %v", text, got)
			}
			if got := dBareAWS.FindString(text); len(got) != 1 {
				t.Errorf("without NeverReported, %q gives %v, want one finding", text, got)
			}
		}
	}
}

// TestOverlappingIdentifiers checks that a value two identifiers claim gives
// one finding.
func TestOverlappingIdentifiers(t *testing.T) {
	d := compileCatalog(t)
	tests := []struct {
		text, value string
		want        []string // identifiers that may win
	}{
		// A 9-digit number near "passport" and "ssn": Ssn-US is validated,
		// so it scores higher.
		{"passport or ssn: 536221234", "536221234", []string{"Ssn-US"}},
		{"ssn/passport 536221234", "536221234", []string{"Ssn-US"}},
		// Neither validated: the nearer keyword scores higher.
		{"bank account, passport 340020013", "340020013", []string{"PassportNumber-US"}},
		{"passport, bank account 340020013", "340020013", []string{"BankAccountNumber-US"}},
		{"driver's license / bank account: 1234567890", "1234567890", []string{"BankAccountNumber-US"}},
		{"passport / driver's license: A12345678", "A12345678", []string{"DriversLicense-US"}},
		// A card number near both "card" and "bank account".
		{"bank account card 4539148803436467", "4539148803436467", []string{"CreditCardNumber"}},
		// A 4-digit code near "cvv" and "expiry": 0426 is no expiry form.
		{"cvv expiry 0426", "0426", []string{"CreditCardSecurityCode"}},
		// A 5-digit number near "zip code" and "bank account": too short
		// for an account.
		{"bank account zip code 98109", "98109", []string{"ZipCode-US"}},
		// Phone keywords are shared by every country: a +1 number is US.
		{"phone +1 206-266-1000", "+1 206-266-1000", []string{"PhoneNumber-US"}},
		{"phone +44 20 7946 0018", "+44 20 7946 0018", []string{"PhoneNumber-GB"}},
	}
	for _, tt := range tests {
		got := d.FindString(tt.text)
		start := strings.Index(tt.text, tt.value)
		// Every identifier matching the span is reported, the strongest
		// first: that one must be one of want, and none may cover another span.
		ok := len(got) > 0 && slices.Contains(tt.want, got[0].Identifier)
		for _, f := range got {
			ok = ok && f.Start == start && f.End == start+len(tt.value)
		}
		if !ok {
			t.Errorf("%q: got %v, want one of %v first, all at [%d:%d]", tt.text, got, tt.want, start, start+len(tt.value))
		}
	}
}

// TestKeywordEndingInDigit checks that a keyword ending in a digit (cvv2,
// cvc2, zip+4) does not make the value after it look like the second group
// of a digit run: Pattern.Standalone rejects a match preceded by a digit and
// a separator, and the keyword's last digit must not count.
func TestKeywordEndingInDigit(t *testing.T) {
	tests := []struct{ ident, text, value string }{
		{"CreditCardSecurityCode", "cvv2 123", "123"},
		{"CreditCardSecurityCode", "CVC2 4567", "4567"},
		{"CreditCardSecurityCode", "cvv2-089", "089"},
		{"CreditCardSecurityCode", "cvv2: 123", "123"}, // passes today: ':' is no separator
		{"ZipCode-US", "zip+4 98109-5210", "98109-5210"},
		{"ZipCode-US", "ZIP+4 98109", "98109"},
		{"ZipCode-US", "zip+4: 98109-5210", "98109-5210"}, // passes today
	}
	whole := compileCatalog(t)
	for _, tt := range tests {
		for _, d := range []*detector.Detector{compileOne(t, lookup(t, tt.ident)), whole} {
			got := d.FindString(tt.text)
			start := strings.Index(tt.text, tt.value)
			if len(got) != 1 || got[0].Identifier != tt.ident || got[0].Start != start || got[0].End != start+len(tt.value) {
				t.Errorf("%s in %q: got %v, want %s[%d:%d]", tt.ident, tt.text, got, tt.ident, start, start+len(tt.value))
			}
		}
	}
}
