package detector_test

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/testcorpus"
)

// The differential tests check the detector against ReferenceFind, the
// straightforward implementation (naive keyword search, every pattern run
// with Go's regexp over the whole text, the same consider and resolve
// rules): on real logs, on synthetic logs, and on random texts made of
// values, keywords and separators.

// sample returns every step-th line (all under a full run).
func sample(lines [][]byte, step int) [][]byte {
	if step <= 1 {
		return lines
	}
	var out [][]byte
	for i := 0; i < len(lines); i += step {
		out = append(out, lines[i])
	}
	return out
}

// step thins the corpora, since the reference (every pattern with Go's
// regexp) is slow: PIIGUARD_DIFF_FULL=1 checks every line (a minute or
// two), the default every 16th, -short and the race detector every 64th.
func step(t *testing.T) int {
	switch {
	case os.Getenv("PIIGUARD_DIFF_FULL") != "":
		return 1
	case raceEnabled || testing.Short():
		return 64
	}
	return 16
}

func compareOn(t *testing.T, d *detector.Detector, name string, lines [][]byte) {
	t.Helper()
	bad := 0
	for i, line := range lines {
		got := fmt.Sprint(d.Find(line))
		want := fmt.Sprint(detector.ReferenceFind(d, line))
		if got != want {
			t.Errorf("%s line %d: %q\n detector  %s\n reference %s", name, i, line, got, want)
			if bad++; bad > 10 {
				t.Fatal("too many differences")
			}
		}
	}
}

func TestDifferentialLoghub(t *testing.T) {
	c, err := testcorpus.Loghub("")
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	compareOn(t, catalogDetector(t), "loghub", sample(c.Lines, step(t)))
}

func TestDifferentialSynthetic(t *testing.T) {
	d := catalogDetector(t)
	for _, density := range []float64{0.01, 0.10, 0.5} {
		c := testcorpus.Synthetic(4000, density, 99)
		compareOn(t, d, c.Name, sample(c.Lines, step(t)))
	}
}

// TestDifferentialCustom adds 100 generated custom identifiers (literal,
// keyword and class triggered) and plants their values.
func TestDifferentialCustom(t *testing.T) {
	customs := testcorpus.CustomIdentifiers(100, 1)
	d, err := detector.Compile(append(identifiers.Catalog(), customs...))
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(5, 6))
	c := testcorpus.Synthetic(2000, 0.1, 7)
	var lines [][]byte
	for i, line := range c.Lines {
		if i%3 == 0 {
			id := customs[r.IntN(len(customs))]
			kw := ""
			if len(id.Keywords) > 0 {
				kw = id.Keywords[0] + "="
			}
			line = append(append(append([]byte(nil), line...), " "+kw...), testcorpus.CustomValue(r, id)...)
		}
		lines = append(lines, line)
	}
	compareOn(t, d, "synthetic+custom", sample(lines, step(t)))
}

// overlappingCustom returns custom identifiers whose matches overlap each
// other and the catalog's numbers in every way: the same span, nested,
// chained.
func overlappingCustom(t testing.TB) []*identifiers.Identifier {
	t.Helper()
	var out []*identifiers.Identifier
	for i, expr := range []string{`[0-9]{9}`, `[0-9]{3}[ -]?[0-9]{3}`, `[0-9][0-9 -]{4,20}[0-9]`, `[0-9]{2,}-[0-9]{2,}`} {
		id, err := identifiers.NewCustom(fmt.Sprintf("Overlap%d", i), expr)
		if err != nil {
			t.Fatal(err)
		}
		id.Confidence = 0.3 + 0.1*float64(i%2)
		out = append(out, id)
	}
	return out
}

// TestDifferentialOverlapping: the catalog plus custom identifiers that
// overlap, so that resolution sees shared spans and long chains.
func TestDifferentialOverlapping(t *testing.T) {
	d, err := detector.Compile(append(identifiers.Catalog(), overlappingCustom(t)...))
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(13, 14))
	n := 2000
	if testing.Short() || raceEnabled {
		n = 300
	}
	var lines [][]byte
	for range n {
		var b strings.Builder
		for k := r.IntN(24); k >= 0; k-- {
			b.WriteString(diffFragments[r.IntN(len(diffFragments))])
		}
		lines = append(lines, []byte(b.String()))
	}
	compareOn(t, d, "overlapping", lines)
}

// fragments of random texts: values of many identifiers, their keywords in
// several forms, separators, digits that extend values, non-ASCII.
var diffFragments = []string{
	"ssn ", "SSN:", "social_security=", "userSsn", "536-22-1234", "536221234", " card ", "creditCard=", "cc#",
	"4929 3812 6548 1006", "4929381265481006", "4111111111111111", "a@b.co", "jane.doe@example.com", "10.0.0.1",
	"192.168.1.1.", "1.2.3.4.5", "+1 415 555 2671", " phone ", "(212) 555-0199", "dob ", "1985-07-23", " vin ",
	"1M8GDM9AXKP042788", "K1A 0B1", " ", " ", " ", "-", ".", ":", "/", "_", "é", "→", "\xff", "0", "12", "7",
	"2001:db8::1:2", "::ffff:192.0.2.128", " iban ", "DE89370400440532013000", "GB29 NWBK 6016 1331 9268 19",
	"passportNumber=", "585064707", "aws_secret_access_key=", "Zx9kQ2mN8pL4vR7tY1wB3cE6fH0jS5uA9dG2iK4o",
	"expiration ", "12/25", "Jan 2027", "cvv ", "381", "zip ", "98101-1234", "lat long ", "41.948614,-87.655311",
	"version ", "id=", "uuid ", "bank account ", "123456789012", "license ", "D1234567", "\n", "\t", "ABC",
	"-----BEGIN RSA PRIVATE KEY-----", "MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu", "-----END RSA PRIVATE KEY-----",
	"-----BEGIN OPENSSH PRIVATE KEY-----\n", "-----END OPENSSH PRIVATE KEY-----\n",
}

func TestDifferentialRandom(t *testing.T) {
	d := catalogDetector(t)
	r := rand.New(rand.NewPCG(11, 12))
	n := 3000
	switch {
	case os.Getenv("PIIGUARD_DIFF_FULL") != "":
		n = 50000
	case testing.Short() || raceEnabled:
		n = 500
	}
	var lines [][]byte
	for range n {
		var b strings.Builder
		for k := r.IntN(16); k >= 0; k-- {
			b.WriteString(diffFragments[r.IntN(len(diffFragments))])
		}
		lines = append(lines, []byte(b.String()))
	}
	compareOn(t, d, "random", lines)
}

// TestDifferentialLongText: texts longer than the detector's scan block,
// made of log lines, so that keywords, runs and windows straddle blocks.
func TestDifferentialLongText(t *testing.T) {
	d := catalogDetector(t)
	var texts [][]byte
	if raceEnabled || testing.Short() {
		// One long text is enough there; the reference is slow.
	} else if c, err := testcorpus.Loghub(""); err == nil {
		texts = append(texts, joinLines(c.Lines, 97, 80<<10))
	}
	if !raceEnabled && !testing.Short() {
		texts = append(texts, joinLines(testcorpus.Synthetic(2000, 0.3, 5).Lines, 1, 80<<10))
	}
	var b strings.Builder
	r := rand.New(rand.NewPCG(21, 22))
	for b.Len() < 40<<10 {
		b.WriteString(diffFragments[r.IntN(len(diffFragments))])
	}
	texts = append(texts, []byte(b.String()))
	for i, text := range texts {
		got := fmt.Sprint(d.Find(text))
		want := fmt.Sprint(detector.ReferenceFind(d, text))
		if got != want {
			t.Errorf("long text %d (%d bytes): detector and reference differ\n detector  %.600s\n reference %.600s", i, len(text), got, want)
		}
	}
}

// joinLines joins every step-th line with newlines up to about n bytes.
func joinLines(lines [][]byte, step, n int) []byte {
	var out []byte
	for i := 0; len(out) < n && len(lines) > 0; i = (i + step) % len(lines) {
		out = append(append(out, lines[i]...), '\n')
	}
	return out
}

// TestDifferentialClassTriggers: class patterns with more distinct trigger
// bytes than the class-run pass counts separately (they share its last
// count), patterns that need several of their trigger, and runs longer
// than its counts hold, against the reference on random texts over those
// bytes.
func TestDifferentialClassTriggers(t *testing.T) {
	const triggers = "/;:=,._-()[]"
	var ids []*identifiers.Identifier
	for i, c := range triggers {
		expr := fmt.Sprintf(`[0-9]{2}\%c[0-9]{2}`, c)
		if i%3 == 0 {
			expr = fmt.Sprintf(`[0-9]{1,3}(?:\%c[0-9]{1,3}){%d}`, c, 2+i%4) // needs 2 or more
		}
		id, err := identifiers.NewCustom(fmt.Sprintf("Trigger%d", i), expr)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	d, err := detector.Compile(ids)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(8, 9))
	const alphabet = "0123456789" + triggers + " x"
	var lines [][]byte
	for i := range 3000 {
		b := make([]byte, 1+r.IntN(60))
		for k := range b {
			b[k] = alphabet[r.IntN(len(alphabet))]
		}
		if i%10 == 0 {
			// A run of digits and one trigger, with more than 255 of it.
			c := triggers[r.IntN(len(triggers))]
			b = make([]byte, 520+r.IntN(300))
			for k := range b {
				b[k] = byte('0' + r.IntN(10))
				if r.IntN(2) == 0 {
					b[k] = c
				}
			}
		}
		lines = append(lines, b)
	}
	compareOn(t, d, "class triggers", lines)
}
