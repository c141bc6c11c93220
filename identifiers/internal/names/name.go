package names

import (
	"unicode"
	"unicode/utf8"
)

// NamePattern is the shape of a run of capitalised words that may hold a
// full name: two to four capitalised words, with initials (with or without a
// period: "John F. Kennedy", "Anna K Berg") and lower-case particles
// ("Ludwig van Beethoven", "Oscar de la Hoya") between them. A word is a
// capital letter, letters, hyphens and apostrophes, and a small letter
// ("O'Brien", "McDonald", "Jean-Luc", "Nguyễn", "Yılmaz"); a possessive
// "'s" is left out. Letters are those of the Latin script blocks (Basic
// Latin, Latin-1, Latin Extended-A and -B, Latin Extended Additional); the
// scorer (Lexicon.ScoreName) checks case and script and picks the name
// inside a longer run ("Jane Doe" in "Jane Doe Date Mon").
//
// The pattern has no literal and admits lower-case letters, so the detector
// runs it over every line: it is kept to plain character classes, which
// Go's regexp tests fastest.
const NamePattern = nameWord + `(?: (?:(?:` + nameUpper + `\.?|van|von|vander|de[lrns]?|dei|degli|della|d[aiou]|dos|das|l[ae]|los|las|te[nr]?|y|e|bin|ibn|ben|al|el|zu|af|av) )*` + nameWord + `){1,3}`

const (
	nameUpper = `[A-ZÀ-ÖØ-Þ\x{100}-\x{24F}\x{1E00}-\x{1EFF}]`
	nameLower = `[a-zß-öø-ÿ\x{100}-\x{24F}\x{1E00}-\x{1EFF}]`
	nameWord  = nameUpper + `(?:['’]` + nameUpper + `)?[A-Za-zÀ-ÖØ-öø-ÿ\x{100}-\x{24F}\x{1E00}-\x{1EFF}-]*` + nameLower + `(?:['’]` + nameLower + `{2,})?`
)

// IsName reports whether v, without context, is a full personal name:
// whether ScoreName finds a name spanning all of it.
func (lx *Lexicon) IsName(v []byte) bool {
	s, e, _, ok := lx.ScoreName(v, 0, len(v))
	return ok && s == 0 && e == len(v)
}

// nameShaped reports whether w is capitalised like a name part: a capital
// first letter, small letters after it, inner capitals only after a hyphen,
// an apostrophe or a known prefix (McDonald, MacArthur, DeVito, LeBlanc,
// VanDyke, FitzGerald), at least two letters, all in the Latin script.
func nameShaped(w []byte) bool {
	letters, lower := 0, 0
	partStart := 0 // byte offset of the current hyphen-separated part
	prev := rune(0)
	for i := 0; i < len(w); {
		// ASCII, most words, is read without decoding and without the
		// Unicode tables (its Latin letters are A-Z and a-z).
		r, size := rune(w[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(w[i:])
		}
		switch {
		case r == '-':
			if prev == '-' || prev == 0 || i+size == len(w) {
				return false
			}
			partStart = i + size
		case r == '\'' || r == '’':
			if i == 0 {
				return false
			}
		default:
			var upper, lowerCase bool
			if r < utf8.RuneSelf {
				upper, lowerCase = 'A' <= r && r <= 'Z', 'a' <= r && r <= 'z'
			} else if unicode.Is(unicode.Latin, r) {
				upper = unicode.IsUpper(r)
				lowerCase = !upper && unicode.IsLower(r)
			}
			switch {
			case upper:
				if i != partStart && prev != '\'' && prev != '’' && !capitalPrefix(w[partStart:i]) {
					return false
				}
				letters++
			case lowerCase:
				if i == partStart {
					return false // every part starts with a capital ("Jean-Luc")
				}
				letters++
				lower++
			default:
				return false
			}
		}
		prev = r
		i += size
	}
	return letters >= 2 && lower > 0
}

// capitalPrefix reports whether p is a surname prefix after which a capital
// letter is usual.
func capitalPrefix(p []byte) bool {
	switch string(p) {
	case "Mc", "Mac", "Fitz", "De", "Di", "Da", "Du", "Le", "La", "Van", "Von", "Del", "Della", "St", "Ap":
		return true
	}
	return false
}

// isPlace reports whether s, folded, is a known place name.
func (lx *Lexicon) isPlace(s []byte) bool {
	var buf [maxFold]byte
	f, ok := foldBuf(&buf, s)
	if !ok {
		return false
	}
	_, known := lx.places[string(f)]
	return known
}
