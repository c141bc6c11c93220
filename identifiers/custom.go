package identifiers

import (
	"errors"
	"fmt"
	"regexp/syntax"
)

// CloudWatch's limits on custom data identifiers.
const (
	MaxCustomIdentifiers = 10  // per policy
	MaxCustomNameLength  = 128 // characters of [A-Za-z0-9_-]
	MaxCustomRegexLength = 200 // characters
	// MaxCustomProgramSize bounds the compiled size of a custom regex, in
	// instructions of Go's regexp/syntax program: a short regex can still
	// expand to a huge program ("(a{100}){100}" is 10,000 instructions),
	// and scanning cost grows with it.
	MaxCustomProgramSize  = 3000
	customConfidence      = 0.6
	customCategoryComment = "custom data identifier"
)

// Errors returned by NewCustom and CheckCustomSet, wrapped with the
// identifier's name; test with errors.Is.
var (
	ErrCustomName      = errors.New("custom identifier name must be 1 to 128 characters of A-Z, a-z, 0-9, '_' and '-'")
	ErrCustomManaged   = errors.New("custom identifier name is the name of a managed identifier")
	ErrCustomRegex     = errors.New("custom identifier regex is invalid")
	ErrCustomRegexLong = errors.New("custom identifier regex is longer than 200 characters")
	ErrCustomRegexBig  = errors.New("custom identifier regex compiles to a program larger than 3000 instructions")
	ErrCustomCount     = errors.New("more than 10 custom identifiers")
	ErrCustomDuplicate = errors.New("duplicate custom identifier name")
)

// NewCustom returns a custom identifier with CloudWatch's semantics: a name
// and a regex, no keyword required. It enforces CloudWatch's rules on the
// name and the regex. Callers of the Go API may then set Keywords,
// KeywordRequired, Window, Validator and Confidence, which CloudWatch cannot.
func NewCustom(name, regex string) (*Identifier, error) {
	if err := checkCustomName(name); err != nil {
		return nil, err
	}
	if n := len([]rune(regex)); n > MaxCustomRegexLength {
		return nil, fmt.Errorf("%s: %w (%d characters)", name, ErrCustomRegexLong, n)
	}
	if regex == "" {
		return nil, fmt.Errorf("%s: %w: empty", name, ErrCustomRegex)
	}
	re, err := syntax.Parse(regex, syntax.Perl)
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %v", name, ErrCustomRegex, err)
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %v", name, ErrCustomRegex, err)
	}
	if n := len(prog.Inst); n > MaxCustomProgramSize {
		return nil, fmt.Errorf("%s: %w (%d)", name, ErrCustomRegexBig, n)
	}
	return &Identifier{
		Name:       name,
		Category:   Custom,
		Patterns:   []Pattern{{Expr: regex}},
		Confidence: customConfidence,
		Format:     customCategoryComment,
	}, nil
}

func checkCustomName(name string) error {
	if name == "" || len(name) > MaxCustomNameLength {
		return fmt.Errorf("%q: %w", name, ErrCustomName)
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return fmt.Errorf("%q: %w (character %q at %d)", name, ErrCustomName, c, i)
		}
	}
	if IsManagedName(name) {
		return fmt.Errorf("%q: %w", name, ErrCustomManaged)
	}
	return nil
}

// CheckCustomSet enforces the per-policy rules on a set of custom
// identifiers: at most MaxCustomIdentifiers, names unique.
func CheckCustomSet(custom []*Identifier) error {
	if len(custom) > MaxCustomIdentifiers {
		return fmt.Errorf("%w: %d", ErrCustomCount, len(custom))
	}
	seen := make(map[string]bool, len(custom))
	for _, c := range custom {
		if seen[c.Name] {
			return fmt.Errorf("%q: %w", c.Name, ErrCustomDuplicate)
		}
		seen[c.Name] = true
	}
	return nil
}
