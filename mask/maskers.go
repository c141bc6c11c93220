package mask

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/piiguard/piiguard/pii"
)

// maskChar returns c, or '*' when c is zero, not a valid rune, or a
// digit: a mask of digits can be a value itself ("zip code 11111").
func maskChar(c rune) rune {
	if c == 0 || !utf8.ValidRune(c) || unicode.IsDigit(c) {
		return '*'
	}
	return c
}

// appendRepeat appends n copies of c.
func appendRepeat(dst []byte, c rune, n int) []byte {
	if c < utf8.RuneSelf {
		for ; n > 0; n-- {
			dst = append(dst, byte(c))
		}
		return dst
	}
	for ; n > 0; n-- {
		dst = utf8.AppendRune(dst, c)
	}
	return dst
}

// Fixed returns a masker that replaces every character of the value with
// char, one for one: the length in characters is kept, as with Asterisk
// (characters are counted in runes; an invalid UTF-8 byte counts as one).
// Line breaks are kept. A zero or invalid char, or a digit (a mask of
// digits can be a value itself: "zip code 11111"), means '*', so
// Fixed('*') and Fixed(0) behave as Asterisk. A letter is kept, but a mask
// of letters can be a value's form too: a scan of the output can find a
// mask of nine C, F, G, H, J or K beside the word "passport" as a German
// passport number (the mask holds nothing of the value; masks of other
// characters are never found).
func Fixed(char rune) Masker {
	c := maskChar(char)
	return MaskerFunc(func(dst, value []byte, _ pii.Finding) []byte {
		for len(value) > 0 {
			i := bytes.IndexAny(value, "\r\n")
			if i < 0 {
				return appendRepeat(dst, c, utf8.RuneCount(value))
			}
			dst = appendRepeat(dst, c, utf8.RuneCount(value[:i]))
			dst = append(dst, value[i])
			value = value[i+1:]
		}
		return dst
	})
}

// Redact removes the value: its replacement is empty, so "ssn=123-45-6789;"
// becomes "ssn=;". Use it where the shape of the value must not survive.
var Redact Masker = MaskerFunc(func(dst, _ []byte, _ pii.Finding) []byte {
	return dst
})

// Partial keeps the first KeepFirst and the last KeepLast alphanumeric
// characters of a value (letters and digits, in the Unicode sense) and
// replaces every other letter or digit with Char ('*' when zero,
// invalid or a digit, as for Fixed). Any other character, such as '-', ' ', '.' or '@', is a
// separator and is kept as it is, so the value keeps its shape:
// Partial{KeepLast: 4} turns "4111 1111 1111 1234" into
// "**** **** **** 1234". An invalid UTF-8 byte counts as a character and is
// always masked, never kept.
//
// When the value is too short to keep anything safely, that is when
// 2*(KeepFirst+KeepLast) >= the number of characters, Partial masks every
// character of the value, separators included, as Fixed(Char) does: no
// more than half of a value is ever shown. Negative counts mean zero.
type Partial struct {
	KeepFirst, KeepLast int
	Char                rune
}

// AppendMask appends value partially masked.
func (p Partial) AppendMask(dst, value []byte, _ pii.Finding) []byte {
	c := maskChar(p.Char)
	kf, kl := max(p.KeepFirst, 0), max(p.KeepLast, 0)
	// n counts the characters that carry data: letters, digits and
	// invalid bytes.
	n := 0
	for i := 0; i < len(value); {
		r, size := utf8.DecodeRune(value[i:])
		if isData(r, size) {
			n++
		}
		i += size
	}
	if kf >= n || kl >= n || 2*(kf+kl) >= n {
		return appendRepeat(dst, c, utf8.RuneCount(value))
	}
	k := 0 // index of the current data character
	for i := 0; i < len(value); {
		r, size := utf8.DecodeRune(value[i:])
		switch {
		case !isData(r, size):
			dst = append(dst, value[i:i+size]...)
		case size == 1 && r == utf8.RuneError:
			dst = utf8.AppendRune(dst, c)
			k++
		case k < kf || k >= n-kl:
			dst = append(dst, value[i:i+size]...)
			k++
		default:
			dst = utf8.AppendRune(dst, c)
			k++
		}
		i += size
	}
	return dst
}

// isData reports whether the rune r, decoded from size bytes, carries data:
// a letter, a digit or an invalid byte.
func isData(r rune, size int) bool {
	if r == utf8.RuneError && size == 1 {
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// The variable of a placeholder template, and its deprecated spelling.
const (
	// PlaceholderVar stands for the finding's identifier name in a
	// placeholder template (Placeholder, Spec.Text).
	PlaceholderVar = "{identifier}"
	// placeholderAlias is PlaceholderVar's deprecated spelling, which
	// policy documents used before ("Text": "<{name}>"): it is still
	// replaced, so that those documents keep their meaning.
	placeholderAlias = "{name}"
)

// Placeholder returns a masker that replaces the value with a fixed text
// naming the identifier, as Amazon Lex shows "{SlotName}" for an
// obfuscated slot.
//
// Template syntax: every occurrence of the exact text "{identifier}"
// (PlaceholderVar) is replaced with the finding's identifier name, and so
// is every occurrence of "{name}", its deprecated spelling, which policy
// documents used before; everything else, other braces included, is
// copied literally. There is no escape: a template cannot produce the
// literal text "{identifier}" or "{name}". An empty template means
// DefaultPlaceholderText, "{{identifier}}", which gives "{Ssn-US}" for an
// Ssn-US finding; a template such as "[REDACTED]" ignores the identifier.
// The name is written as SafeIdentifier returns it. The placeholder mask
// style (Spec) is this masker.
func Placeholder(template string) Masker {
	parts := splitTemplate(template)
	return MaskerFunc(func(dst, _ []byte, f pii.Finding) []byte {
		return appendTemplate(dst, parts, f.Identifier)
	})
}

// splitTemplate splits a placeholder template around its variables: the
// name goes between consecutive parts. "" means DefaultPlaceholderText.
func splitTemplate(template string) []string {
	if template == "" {
		template = DefaultPlaceholderText
	}
	var parts []string
	for {
		i := strings.IndexByte(template, '{')
		for i >= 0 && !strings.HasPrefix(template[i:], PlaceholderVar) && !strings.HasPrefix(template[i:], placeholderAlias) {
			j := strings.IndexByte(template[i+1:], '{')
			if j < 0 {
				i = -1
				break
			}
			i += 1 + j
		}
		if i < 0 {
			return append(parts, template)
		}
		parts = append(parts, template[:i])
		if strings.HasPrefix(template[i:], PlaceholderVar) {
			template = template[i+len(PlaceholderVar):]
		} else {
			template = template[i+len(placeholderAlias):]
		}
	}
}

// appendTemplate appends the parts of a template with the identifier's
// safe name between them.
func appendTemplate(dst []byte, parts []string, identifier string) []byte {
	for i, p := range parts {
		if i > 0 {
			dst = appendSafeIdentifier(dst, identifier)
		}
		dst = append(dst, p...)
	}
	return dst
}

// maxIdentifierLength is the longest identifier name that maskers write,
// CloudWatch's limit on custom identifier names.
const maxIdentifierLength = 128

// SafeIdentifier returns the form of an identifier name that the maskers
// write into text (Placeholder, Hash and Tokenizer): the name itself when
// it is, as every managed and custom identifier name is, 1 to 128
// characters of A-Z, a-z, 0-9, '_' and '-'. Otherwise every other
// character becomes '_', the result is cut to 128 bytes, and an empty name
// becomes "_". The result never contains a quote, a backslash, a colon, a
// space, '<', '>' or a line break.
func SafeIdentifier(name string) string {
	if isSafeIdentifier(name) {
		return name
	}
	return string(appendSafeIdentifier(nil, name))
}

func isSafeIdentifier(name string) bool {
	if name == "" || len(name) > maxIdentifierLength {
		return false
	}
	for i := 0; i < len(name); i++ {
		if !isIdentifierByte(name[i]) {
			return false
		}
	}
	return true
}

func isIdentifierByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

func appendSafeIdentifier(dst []byte, name string) []byte {
	if isSafeIdentifier(name) {
		return append(dst, name...)
	}
	if name == "" {
		return append(dst, '_')
	}
	n := 0
	for _, r := range name { // an invalid byte comes as RuneError
		if n == maxIdentifierLength {
			break
		}
		if r < utf8.RuneSelf && isIdentifierByte(byte(r)) {
			dst = append(dst, byte(r))
		} else {
			dst = append(dst, '_')
		}
		n++
	}
	return dst
}
