// Package identifiers describes what piiguard looks for: the identifier model,
// the managed catalog that mirrors Amazon CloudWatch Logs' managed data
// identifiers, and custom identifiers.
//
// An identifier is data. It names the kind of value (the CloudWatch ARN name,
// such as "Ssn-US"), gives one or more RE2 patterns for its formats, the
// keywords that must (or may) appear near a value, a validator such as a
// checksum, and values that are never reported. The package knows nothing
// of scanning; package detector compiles identifiers into an automaton.
package identifiers

import (
	"fmt"
	"strings"
)

// DefaultWindow is the keyword proximity window in characters: a keyword
// counts as near a value when at most this many characters separate the
// keyword from the nearer edge of the value, on either side.
const DefaultWindow = 30

// Category groups identifiers as CloudWatch's console does.
type Category string

// The categories of the managed catalog.
const (
	Personal    Category = "Personal"
	Financial   Category = "Financial"
	Credentials Category = "Credentials"
	Health      Category = "Health"
	Device      Category = "Device"
	Custom      Category = "Custom"
)

// Pattern is one format of an identifier.
type Pattern struct {
	// Expr is an RE2 regular expression (Go regexp syntax). A match is only
	// reported when it does not continue a word: when the pattern starts or
	// ends with a letter or digit, the text just outside the match must not
	// be a letter or digit. Patterns need not write \b themselves.
	// Alternations are leftmost-first, as in Perl: write the longer
	// alternative first ("1[0-2]|0?[1-9]", not "0?[1-9]|1[0-2]"), or a
	// shorter one may win and then fail the boundary check.
	Expr string
	// Standalone rejects a match that is one group of a longer run of digit
	// groups: the match must not be preceded by a digit and a separator
	// (space, '-', '.', '/') nor followed by a separator and a digit. It keeps
	// short numbers (a 3-digit security code) from matching inside longer ones
	// (a card number written in groups).
	Standalone bool
	// NeedsKeyword marks a format that only counts with a keyword nearby even
	// when the identifier as a whole does not require one (a phone number
	// without a country code, for instance).
	NeedsKeyword bool
	// Validator, when set, replaces the identifier's validator for matches of
	// this pattern (an IBAN and a domestic account number are checked
	// differently).
	Validator *Validator
	// WordChars lists characters that join a value to a letter or digit
	// beyond them, for the boundary check: with ".", "1.2.3.4" does not count
	// inside "1.2.3.4.5" (but does at the end of a sentence, "at 1.2.3.4.");
	// with "/+", 40 characters cut out of a longer base64 string do not count.
	WordChars string
}

// Validator checks a candidate value that matched a pattern, typically a
// checksum. Check receives the matched bytes exactly as they appear in the
// text (with separators) and must not retain them.
type Validator struct {
	// Name describes the check in a few words ("Luhn", "ISO 7064 mod 97-10").
	Name  string
	Check func(value []byte) bool
	// Score, when set, is used by the detector instead of Check: it
	// receives the whole scanned text and the bounds of a pattern's match,
	// may narrow the match to a part of it (a name inside a longer run of
	// capitalised words) or widen it on its line, and returns the bounds to
	// report and their score in [0, 1], which replaces the identifier's
	// base confidence and the detector's keyword and context adjustments
	// (a required keyword is still required). ok false rejects the match,
	// and the detector tries the matches that start after its first
	// character.
	// It must not retain text. Check stays the test of a value without
	// context.
	Score func(text []byte, start, end int) (s, e int, score float64, ok bool)
	// Span, when set, adjusts the bounds of a match that Check accepted:
	// it receives the whole scanned text and the match's bounds and returns
	// the bounds to report, which may reach beyond the match (a unit
	// before a street address, a country after it). It must not retain
	// text.
	Span func(text []byte, start, end int) (s, e int)
}

// Identifier is a kind of sensitive value and how to recognise it.
type Identifier struct {
	// Name is the CloudWatch ARN name (EmailAddress, Ssn-US) or a custom name.
	Name     string
	Category Category
	// Country is the ISO 3166-1 alpha-2 code the name's suffix carries, "EU",
	// or "" for identifiers that are not country-specific.
	Country string
	// Patterns are the accepted formats. At least one is required.
	Patterns []Pattern
	// Keywords, matched case-insensitively with their variants (see
	// KeywordVariants). With KeywordRequired, a value is reported only when
	// one of them is within Window characters; otherwise a nearby keyword
	// raises the score.
	Keywords        []string
	KeywordRequired bool
	// Window is the keyword proximity in characters; 0 means DefaultWindow.
	Window int
	// Validator, when set, must accept a value for it to be reported.
	Validator *Validator
	// NeverReported lists values that are never reported (issuer test card
	// numbers, AWS documentation keys). They are compared with spaces and
	// hyphens removed.
	NeverReported []string
	// Confidence is the base score of a match, in (0, 1]; 0 means 0.5.
	Confidence float64
	// Format is a one-line description of the accepted formats and checks,
	// used in the generated documentation.
	Format string
	// Extension marks identifiers that CloudWatch does not have.
	Extension bool
	// Block marks identifiers whose values are armoured blocks, such as a
	// private key from its BEGIN line to its END line: every byte between
	// is secret, and what is left of a block once another value that
	// overlaps it is masked has no armour by which to be found again. The
	// detector gives overlapping values of Block identifiers the span of
	// their union, so that a key begun inside another is masked whole (see
	// "Overlaps" in package detector).
	Block bool
}

// ProximityWindow returns the keyword window in characters.
func (id *Identifier) ProximityWindow() int {
	if id.Window > 0 {
		return id.Window
	}
	return DefaultWindow
}

// BaseConfidence returns the base score of a match.
func (id *Identifier) BaseConfidence() float64 {
	if id.Confidence > 0 {
		return id.Confidence
	}
	return 0.5
}

// IsNeverReported reports whether value is one of the identifier's values
// that are never reported. Spaces and hyphens are ignored.
func (id *Identifier) IsNeverReported(value []byte) bool {
	if len(id.NeverReported) == 0 {
		return false
	}
	var buf [64]byte
	norm := buf[:0]
	for _, c := range value {
		if c == ' ' || c == '-' {
			continue
		}
		norm = append(norm, c)
	}
	for _, v := range id.NeverReported {
		if v == string(norm) {
			return true
		}
	}
	return false
}

// KeywordVariants returns the forms in which a keyword is matched, lower-cased:
// the keyword itself and, when it contains spaces, the forms with the spaces
// removed, replaced by underscores and replaced by hyphens, as CloudWatch
// documents ("secret key" also matches "secretkey", "secret_key" and
// "secret-key"). Matching is case-insensitive.
func KeywordVariants(keyword string) []string {
	k := strings.ToLower(strings.TrimSpace(keyword))
	if k == "" {
		return nil
	}
	out := []string{k}
	if strings.Contains(k, " ") {
		for _, sep := range []string{"", "_", "-"} {
			v := strings.ReplaceAll(k, " ", sep)
			if v != k {
				out = append(out, v)
			}
		}
	}
	return out
}

// Validate checks that the identifier is well formed: a name, at least one
// pattern, a confidence in range. It does not compile the patterns; the
// detector does and reports bad ones.
func (id *Identifier) Validate() error {
	if id.Name == "" {
		return fmt.Errorf("identifier has no name")
	}
	if len(id.Patterns) == 0 {
		return fmt.Errorf("identifier %q has no pattern", id.Name)
	}
	for i, p := range id.Patterns {
		if p.Expr == "" {
			return fmt.Errorf("identifier %q: pattern %d is empty", id.Name, i)
		}
	}
	if id.Confidence < 0 || id.Confidence > 1 {
		return fmt.Errorf("identifier %q: confidence %v is outside [0, 1]", id.Name, id.Confidence)
	}
	if id.Window < 0 {
		return fmt.Errorf("identifier %q: negative keyword window %d", id.Name, id.Window)
	}
	if id.KeywordRequired && len(id.Keywords) == 0 {
		return fmt.Errorf("identifier %q requires a keyword but has none", id.Name)
	}
	for _, p := range id.Patterns {
		if p.NeedsKeyword && len(id.Keywords) == 0 {
			return fmt.Errorf("identifier %q: a pattern needs a keyword but the identifier has none", id.Name)
		}
	}
	return nil
}
