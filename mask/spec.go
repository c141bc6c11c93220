package mask

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/piiguard/piiguard/pii"
)

// Style names a way to mask a value, as policies, the command line and
// the WebAssembly configuration spell it.
type Style string

// The mask styles.
const (
	// StyleAsterisk replaces each character with Char ("*"), as CloudWatch
	// does.
	StyleAsterisk Style = "asterisk"
	// StyleFixed replaces the value with Length (8) copies of Char ("*"),
	// hiding its length.
	StyleFixed Style = "fixed"
	// StylePartial keeps the first KeepFirst and the last KeepLast
	// characters and replaces the others with Char ("*") (see Partial).
	StylePartial Style = "partial"
	// StylePlaceholder replaces the value with Text ("{{identifier}}"),
	// in which "{identifier}" stands for the identifier's name (see
	// Placeholder).
	StylePlaceholder Style = "placeholder"
	// StyleRedact removes the value.
	StyleRedact Style = "redact"
	// StyleHash replaces the value with the first Length (16) 4-bit digits,
	// written with letters, of a keyed HMAC-SHA256 of the value (see Hash).
	// There is no unkeyed hash: a bare hash of a low-entropy value falls to
	// a dictionary.
	StyleHash Style = "hash"
	// StyleToken replaces the value with a reversible token (see
	// Tokenizer).
	StyleToken Style = "token"
)

// Styles returns the mask styles, in the order documents list them.
func Styles() []Style {
	return []Style{StyleAsterisk, StyleFixed, StylePartial, StylePlaceholder, StyleRedact, StyleHash, StyleToken}
}

// StyleNames returns the names of Styles, for help texts and error
// messages that list the choices.
func StyleNames() []string {
	var names []string
	for _, st := range Styles() {
		names = append(names, string(st))
	}
	return names
}

// Limits and defaults of a Spec's parameters (hash lengths: see
// DefaultHashLength).
const (
	// DefaultKeepLast is what partial keeps when the style is named alone
	// (ParseStyle): the last 4 characters, as of a card number.
	DefaultKeepLast        = 4
	DefaultFixedLength     = 8
	MaxFixedLength         = 256
	MaxKeep                = 64                         // KeepFirst, KeepLast
	DefaultPlaceholderText = "{" + PlaceholderVar + "}" // "{Ssn-US}", as Lex writes {SlotName}
	MaxTextLength          = 256                        // Text (characters)
)

// Spec is a mask specification: a style and its parameters. Its zero value
// is CloudWatch's mask (asterisks); a zero parameter means the default.
// Policies (package policy's Mask is a Spec), the command line and the
// WebAssembly configuration describe masks with it, and NewMasker builds
// the masker it describes.
type Spec struct {
	// Style is the mask style; "" means StyleAsterisk.
	Style Style
	// Char is the mask character of asterisk, fixed and partial: one
	// visible character, not a digit; "" means "*". A letter can make
	// masks that a scan of the output finds again, holding nothing of the
	// values (see Fixed).
	Char string
	// Length is the length of fixed (default DefaultFixedLength) or the
	// number of hex digits of hash (default DefaultHashLength).
	Length int
	// KeepFirst and KeepLast are partial's characters left in clear.
	KeepFirst, KeepLast int
	// Text is placeholder's replacement, in which "{identifier}"
	// (PlaceholderVar) stands for the identifier's name, as in Placeholder
	// ("{name}", its deprecated spelling, too); "" means
	// DefaultPlaceholderText, which gives "{Ssn-US}".
	Text string
}

// ParseStyle returns the Spec that a mask style name alone stands for,
// where a mask is chosen by its name only: the command line's --style,
// the WebAssembly configuration's "style" and the OpenTelemetry
// processor's mask::style. The style takes its default parameters, and
// partial keeps the last DefaultKeepLast characters; "" means asterisk. (A
// policy may name a style alone too, with the same meaning, except
// partial, whose kept characters a policy spells out.) The error for an
// unknown name lists the styles; it is the one Validate gives.
func ParseStyle(name string) (Spec, error) {
	s := Spec{Style: Style(name)}
	if s.Style == "" {
		s.Style = StyleAsterisk
	}
	if s.Style == StylePartial {
		s.KeepLast = DefaultKeepLast
	}
	if err := s.Validate(); err != nil {
		return Spec{}, err
	}
	return s, nil
}

// Params returns the names of the parameters (fields of Spec) that style
// takes, or nil for an unknown style.
func (st Style) Params() []string {
	switch st {
	case StyleAsterisk:
		return []string{"Char"}
	case StyleFixed:
		return []string{"Char", "Length"}
	case StylePartial:
		return []string{"Char", "KeepFirst", "KeepLast"}
	case StylePlaceholder:
		return []string{"Text"}
	case StyleRedact, StyleToken:
		return []string{}
	case StyleHash:
		return []string{"Length"}
	}
	return nil
}

// NeedsKey reports whether the masker of s needs a key (hash and token).
func (s Spec) NeedsKey() bool { return s.Style == StyleHash || s.Style == StyleToken }

// MaskChar returns the mask character.
func (s Spec) MaskChar() string {
	if s.Char == "" {
		return "*"
	}
	return s.Char
}

// FixedLength returns the length of a fixed mask.
func (s Spec) FixedLength() int {
	if s.Length == 0 {
		return DefaultFixedLength
	}
	return s.Length
}

// HashLength returns the number of hex digits of a hash mask.
func (s Spec) HashLength() int {
	if s.Length == 0 {
		return DefaultHashLength
	}
	return s.Length
}

// Placeholder returns placeholder's replacement for identifier name, as
// the masker of s writes it.
func (s Spec) Placeholder(name string) string {
	return string(appendTemplate(nil, splitTemplate(s.Text), name))
}

// Validate reports the first problem of s: an unknown style, a parameter
// its style does not take, or a parameter out of its range. The error
// names the field; it never quotes Text.
func (s Spec) Validate() error {
	st := s.Style
	if st == "" {
		st = StyleAsterisk
	}
	params := st.Params()
	if params == nil {
		names := make([]string, 0, 7)
		for _, s := range Styles() {
			names = append(names, string(s))
		}
		return fmt.Errorf("unknown mask style %q (styles: %s)", s.Style, strings.Join(names, ", "))
	}
	takes := func(p string) bool {
		for _, q := range params {
			if p == q {
				return true
			}
		}
		return false
	}
	for _, f := range []struct {
		name string
		set  bool
	}{
		{"Char", s.Char != ""},
		{"Length", s.Length != 0},
		{"KeepFirst", s.KeepFirst != 0},
		{"KeepLast", s.KeepLast != 0},
		{"Text", s.Text != ""},
	} {
		if f.set && !takes(f.name) {
			return fmt.Errorf("mask style %s: %s is not one of its parameters", st, f.name)
		}
	}
	if s.Char != "" {
		if r, size := utf8.DecodeRuneInString(s.Char); size != len(s.Char) || !unicode.IsGraphic(r) || unicode.IsSpace(r) {
			return fmt.Errorf("mask style %s: Char must be exactly one visible character", st)
		} else if unicode.IsDigit(r) {
			return fmt.Errorf("mask style %s: Char must be exactly one visible character, not a digit (a mask of digits can be a value itself)", st)
		}
	}
	if s.Length != 0 {
		lo, hi := 1, MaxFixedLength
		if st == StyleHash {
			lo, hi = MinHashLength, MaxHashLength
		}
		if s.Length < lo || s.Length > hi {
			return fmt.Errorf("mask style %s: Length must be %d to %d", st, lo, hi)
		}
	}
	for _, k := range []struct {
		name string
		n    int
	}{{"KeepFirst", s.KeepFirst}, {"KeepLast", s.KeepLast}} {
		if k.n < 0 || k.n > MaxKeep {
			return fmt.Errorf("mask style %s: %s must be 0 to %d", st, k.name, MaxKeep)
		}
	}
	if st == StylePartial && s.KeepFirst == 0 && s.KeepLast == 0 {
		return errors.New("mask style partial needs KeepFirst or KeepLast greater than 0")
	}
	if n := utf8.RuneCountInString(s.Text); n > MaxTextLength {
		return fmt.Errorf("mask style %s: Text must be 1 to %d characters", st, MaxTextLength)
	}
	return nil
}

// NewMasker returns the masker s describes. Hash and token need key;
// other styles ignore it. NewMasker rejects an unknown style and a missing
// key; Validate checks the parameters.
func (s Spec) NewMasker(key []byte) (Masker, error) {
	char := maskChar([]rune(s.MaskChar())[0]) // a digit, which Validate refuses, as '*'
	switch s.Style {
	case "", StyleAsterisk:
		return Fixed(char), nil
	case StyleFixed:
		n := s.FixedLength()
		return MaskerFunc(func(dst, _ []byte, _ pii.Finding) []byte {
			for i := 0; i < n; i++ {
				dst = append(dst, string(char)...)
			}
			return dst
		}), nil
	case StylePartial:
		return Partial{KeepFirst: s.KeepFirst, KeepLast: s.KeepLast, Char: char}, nil
	case StylePlaceholder:
		return Placeholder(s.Text), nil
	case StyleRedact:
		return Redact, nil
	case StyleHash:
		if key == nil {
			return nil, fmt.Errorf("mask style hash needs a key (Config.Key, --key-file)")
		}
		return NewHash(key, HashOptions{Length: s.Length})
	case StyleToken:
		if key == nil {
			return nil, fmt.Errorf("mask style token needs a key (Config.Key, --key-file)")
		}
		return NewTokenizer(key)
	}
	return nil, fmt.Errorf("unknown mask style %q", s.Style)
}
