package names

import (
	"unicode"
	"unicode/utf8"
)

// NamePattern is the shape of a full name: two to four capitalised words,
// with initials ("John F. Kennedy") and lower-case particles ("Ludwig van
// Beethoven", "Oscar de la Hoya") between them. A word is a capital letter,
// letters and hyphens, and a small letter ("O'Brien", "McDonald",
// "Jean-Luc"); a possessive "'s" is left out. Letters are those of the Latin
// script blocks (Basic Latin, Latin-1, Latin Extended-A, Romanian comma
// letters); the validator (Lexicon.IsName) checks case and script.
//
// The pattern has no literal and admits lower-case letters, so the detector
// runs it over every line: it is kept to plain character classes, which
// Go's regexp tests fastest.
const NamePattern = nameWord + `(?: (?:(?:[A-Z]\.|van|von|de[lrns]?|della|d[aiu]|dos|das|l[ae]|te[nr]|y|bin|al|zu) )*` + nameWord + `){1,3}`

const (
	nameUpper = `[A-ZÀ-ÖØ-ÞĀ-žȘ-ț]`
	nameLower = `[a-zß-öø-ÿĀ-žȘ-ț]`
	nameWord  = nameUpper + `(?:['’]` + nameUpper + `)?[A-Za-zÀ-ÖØ-öø-ÿĀ-žȘ-ț-]*` + nameLower
)

// maxNameTokens bounds the tokens (words, particles, initials) of a name.
const maxNameTokens = 10

type span struct{ start, end int }

// IsName reports whether v, a match of NamePattern, is a full personal name:
//
//   - two to four words, each capitalised (inner capitals only after Mc,
//     Mac, O', De, Di, Le, La, Van, Fitz and hyphens), Latin script, no
//     all-capital words;
//   - no word a stop word (log vocabulary, calendar words, titles, places
//     and street words, common words);
//   - the first word a known given name; a given name that is also a common
//     word (Will, May, Max, Grace) only before a known surname;
//   - middle words known given names or surnames (one that is also a
//     common word only before a known surname);
//   - the last word a known surname, or a word shaped like one (three
//     letters or more, not a known given name, no common-word ending such
//     as -ing, -tion, -ment);
//   - the whole not a known place ("Santa Clara").
func (lx *Lexicon) IsName(v []byte) bool {
	var toks [maxNameTokens]span
	n := 0
	for i := 0; i < len(v); {
		j := i
		for j < len(v) && v[j] != ' ' {
			j++
		}
		if j > i {
			if n == len(toks) {
				return false
			}
			toks[n] = span{i, j}
			n++
		}
		i = j + 1
	}
	// Words: tokens that are neither initials nor particles. A capitalised
	// particle ("De Luca", "Van Dyke") joins the word after it.
	var words [4]span
	k := 0
	var buf [maxFold]byte
	for i := 0; i < n; i++ {
		t := v[toks[i].start:toks[i].end]
		if isInitial(t) {
			if i == 0 || i == n-1 {
				return false
			}
			continue
		}
		f, ok := foldBuf(&buf, t)
		if !ok {
			return false
		}
		// A particle joins the words around it ("Ludwig van Beethoven",
		// "Marco De Luca"); a capitalised one may start a name as a given
		// name ("Van Morrison").
		if particles[string(f)] && i > 0 {
			if i == n-1 {
				return false
			}
			continue
		}
		if k == len(words) {
			return false
		}
		words[k] = toks[i]
		k++
	}
	// A generational suffix ends the name: "Martin Luther King Jr".
	if k >= 3 {
		f, _ := foldBuf(&buf, v[words[k-1].start:words[k-1].end])
		if string(f) == "jr" || string(f) == "sr" {
			k--
		}
	}
	if k < 2 {
		return false
	}
	for i := 0; i < k; i++ {
		w := v[words[i].start:words[i].end]
		if !nameShaped(w) {
			return false
		}
		f, _ := foldBuf(&buf, w)
		if lx.stop[string(f)] || lx.street[string(f)] != 0 && !lx.surnames[string(f)] {
			return false
		}
	}
	first := v[words[0].start:words[0].end]
	if !lx.allParts(first, lx.given) {
		return false
	}
	// A given name that is also a common word (Will, Grace, River) needs a
	// known surname at the end, first or in the middle ("Charles River
	// Labs" is no name).
	f, _ := foldBuf(&buf, first)
	needSurname := lx.ambiguous[string(f)]
	for i := 1; i < k-1; i++ {
		w := v[words[i].start:words[i].end]
		if !lx.allParts(w, lx.given) && !lx.allParts(w, lx.surnames) {
			return false
		}
		f, _ := foldBuf(&buf, w)
		needSurname = needSurname || lx.ambiguous[string(f)] || lx.stopGiven[string(f)]
	}
	last := v[words[k-1].start:words[k-1].end]
	if !lx.allParts(last, lx.surnames) {
		if needSurname || k > 2 && !lx.allParts(v[words[1].start:words[1].end], lx.given) {
			return false
		}
		if !lx.surnameShaped(last) {
			return false
		}
	}
	// Places: the whole, or its first two words ("San Jose", "Santa Clara
	// County"), or the last word when it is not a known surname.
	if lx.isPlace(v[toks[0].start:toks[n-1].end]) || lx.isPlace(v[words[0].start:words[1].end]) {
		return false
	}
	return true
}

// isInitial reports whether t is an initial: a capital letter and a period.
func isInitial(t []byte) bool {
	if len(t) < 2 || t[len(t)-1] != '.' {
		return false
	}
	r, size := utf8.DecodeRune(t)
	return size == len(t)-1 && unicode.IsUpper(r)
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
		r, size := utf8.DecodeRune(w[i:])
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
		case !unicode.Is(unicode.Latin, r):
			return false
		case unicode.IsUpper(r):
			if i != partStart && prev != '\'' && prev != '’' && !capitalPrefix(w[partStart:i]) {
				return false
			}
			letters++
		case unicode.IsLower(r):
			if i == partStart {
				return false // every part starts with a capital ("Jean-Luc")
			}
			letters++
			lower++
		default:
			return false
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

// allParts reports whether w, or each hyphen-separated part of it, is in
// set ("Jean-Luc": jean and luc are given names).
func (lx *Lexicon) allParts(w []byte, set map[string]bool) bool {
	var buf [maxFold]byte
	f, ok := foldBuf(&buf, w)
	if !ok {
		return false
	}
	if set[string(f)] {
		return true
	}
	parts := 0
	for i := 0; i < len(f); {
		j := i
		for j < len(f) && f[j] != '-' {
			j++
		}
		if j == i || !set[string(f[i:j])] {
			return false
		}
		parts++
		i = j + 1
	}
	return parts > 1
}

// surnameShaped reports whether an unknown last word can be a surname: at
// least three letters, not a known given name or place, and not ending like
// a common English word.
func (lx *Lexicon) surnameShaped(w []byte) bool {
	var buf [maxFold]byte
	f, ok := foldBuf(&buf, w)
	if !ok || utf8.RuneCount(f) < 3 {
		return false
	}
	if lx.given[string(f)] || lx.places[string(f)] != 0 {
		return false
	}
	for _, suf := range commonEndings {
		if len(f) > len(suf)+1 && string(f[len(f)-len(suf):]) == suf {
			return false
		}
	}
	return true
}

// commonEndings are word endings that mark an unknown capitalised word as a
// common word rather than a surname (Processing, Configuration, Management).
var commonEndings = []string{
	"ing", "tion", "sion", "ment", "ness", "able", "ible", "ity", "ize", "ise",
	"ful", "less", "ous", "ive", "ics", "ism", "ist", "ure", "ance", "ence",
	"ery", "ogy", "phy", "ware", "ship", "hood", "ward", "wise", "like",
}

// isPlace reports whether s, folded, is a known place name.
func (lx *Lexicon) isPlace(s []byte) bool {
	var buf [maxFold]byte
	f, ok := foldBuf(&buf, s)
	return ok && lx.places[string(f)] != 0
}
