package names

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Form is one way of writing a street address, with its own pattern.
type Form int

const (
	// English: number, street name, street type, place, region, postcode
	// (US, CA, AU, GB): "350 Fifth Ave, New York, NY 10118".
	English Form = iota
	// French: number, street type, street name, postcode, place (FR), or
	// place, province, postal code (Quebec): "12 rue de la Paix, 75002 Paris".
	French
	// Southern: street type, name, number, postcode, place (IT, ES):
	// "Via del Corso 123, 00186 Roma", "Calle Mayor, 5, 28013 Madrid".
	Southern
	// German: street (type as a suffix or word), number, postcode, place:
	// "Friedrichstraße 123, 10117 Berlin".
	German
)

// Forms lists the address forms in pattern order.
var Forms = []Form{English, French, Southern, German}

func (f Form) String() string {
	return [...]string{"English", "French", "Southern", "German"}[f]
}

// Pieces of the address patterns. The patterns only delimit a candidate:
// from a house number (or street type) to a postcode (or the place after
// it), with the street-type words that trigger them; the validator parses
// the tokens. Unbounded, lazy runs of broad classes keep the patterns small
// enough for the detector's DFA (counted repetitions of word-level
// alternatives are not).
const (
	addrLetters = `A-Za-zÀ-ÖØ-öø-ÿĀ-žȘ-ț`
	// addrNameRun is a street name: letters, digits, spaces, apostrophes,
	// periods and hyphens (no comma).
	addrNameRun = `[0-9` + addrLetters + `'’. -]+?`
	// addrTailRun is what lies between the street and the postcode: a unit,
	// a place, a region, with commas.
	addrTailRun = `[0-9` + addrLetters + `'’.,()#/ -]+?`
	// addrPlace is a place after a postcode: capitalised words, with small
	// words between them ("Frankfurt am Main").
	addrPlaceWord = `[A-ZÀ-ÖØ-ÞĀ-žȘ-ț](?:[` + addrLetters + `'’.-]*[` + addrLetters + `])?`
	addrPlace     = addrPlaceWord + `(?: (?:[a-z]{1,4} )?` + addrPlaceWord + `)*`
	// addrPostNA is a North American, Australian or UK postcode with what
	// must precede it: a state (code or name) before a US ZIP, a state
	// before an Australian postcode.
	addrPostNA = `(?:(?:[A-Z]{2}|[A-Z][a-z]+(?: [A-Z][a-z]+)?),? [0-9]{5}(?:-[0-9]{4})?` +
		`|(?i:nsw|vic|qld|sa|wa|tas|nt|act),? [0-9]{4}` +
		`|[A-Z][0-9][A-Z] ?[0-9][A-Z][0-9]` +
		`|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})`
)

// AddressPatterns returns the pattern of each form (in Forms order), built
// from the street-type sections of the address data file. Each pattern's
// street types are written so that the detector's literal prefilter finds
// them: words of at least three characters (two-letter abbreviations with
// the character after them), never two neighbouring alternatives with the
// same first letter (which regexp/syntax would factor into a short prefix).
func AddressPatterns(addressWords string) []string {
	// One pass over the file for its street-type sections: this runs at
	// start-up, in every program.
	sections := map[string][]string{
		"street-en": nil, "street-en-short": nil, "street-fr": nil, "street-it-es": nil, "street-de": nil,
	}
	for section, line := range lines(addressWords) {
		if words, ok := sections[section]; ok {
			sections[section] = append(words, line)
		}
	}
	types := func(section string, suffix string) []string {
		var out []string
		for _, w := range sections[section] {
			out = append(out, regexp.QuoteMeta(w)+suffix)
		}
		return out
	}
	var en []string
	en = append(en, types("street-en", "")...)
	for _, s := range sections["street-en-short"] {
		q := regexp.QuoteMeta(s)
		en = append(en, q+`\.`, q+`,`, q+` `)
	}
	english := `(?:[0-9]{1,4}/)?[0-9]{1,5}[A-Za-z]? ` + addrNameRun + ` (?i:` + interleave(en) + `)` + addrTailRun + addrPostNA

	french := `[0-9]{1,5},? (?:(?i:bis|ter) )?(?i:` + interleave(types("street-fr", " ")) + `)` + addrNameRun +
		`(?:,? [0-9]{5} ` + addrPlace + `|,` + addrTailRun + addrPostNA +
		`| \([` + addrLetters + ` -]+\)(?: Canada)? [A-Z][0-9][A-Z] ?[0-9][A-Z][0-9])`

	southern := `(?:[A-Z][a-z]+ )?(?i:` + interleave(types("street-it-es", " ")) + `)` +
		`[0-9` + addrLetters + `'’.,ºª°/ -]+?(?:,| -)? [0-9]{5} ` + addrPlace + `(?: \(?[A-Z]{2}\)?)?`

	german := `(?:[A-ZÄÖÜ][` + addrLetters + `.-]* ){0,2}(?:[A-ZÄÖÜ][` + addrLetters + `.-]*)?(?i:` + interleave(types("street-de", "")) + `)` +
		addrNameRun + `,? [0-9]{5} ` + addrPlace

	return []string{english, french, southern, german}
}

// interleave joins alternatives with "|", ordered so that no two
// neighbours start with the same letter (ignoring case), longest first among
// words with a common first letter. regexp/syntax factors common prefixes of
// neighbouring alternatives ("St." and "St," into "St[,.]"), which would
// leave the prefilter only the short prefix to trigger on.
func interleave(alts []string) string {
	// An array rather than a map: this runs at start-up, in every program
	// (a map access per letter and step cost WebAssembly start-up ~5 ms).
	var groups [256][]string
	var keys []byte
	for _, a := range alts {
		k := a[0] | 0x20
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], a)
	}
	for _, k := range keys {
		slices.SortStableFunc(groups[k], func(a, b string) int { return len(b) - len(a) })
	}
	var out []string
	var last byte
	for len(out) < len(alts) {
		// Take from the largest group whose letter differs from the last.
		best := -1
		for i, k := range keys {
			if len(groups[k]) == 0 || k == last && len(out) > 0 {
				continue
			}
			if best < 0 || len(groups[k]) > len(groups[keys[best]]) {
				best = i
			}
		}
		if best < 0 {
			// Only one letter left: its words must sit side by side.
			for _, k := range keys {
				out = append(out, groups[k]...)
				groups[k] = nil
			}
			break
		}
		k := keys[best]
		out = append(out, groups[k][0])
		groups[k] = groups[k][1:]
		last = k
	}
	return strings.Join(out, "|")
}

// maxAddrTokens bounds the tokens of an address.
const maxAddrTokens = 32

// tok is one space-separated token of an address, without a trailing comma.
type tok struct {
	b     []byte
	comma bool // a comma followed it
}

// tokenize splits v on spaces into toks, dropping trailing commas, and
// returns how many there are, or -1 when there are too many.
func tokenize(v []byte, toks *[maxAddrTokens]tok) int {
	n := 0
	for i := 0; i < len(v); {
		j := i
		for j < len(v) && v[j] != ' ' {
			j++
		}
		if j > i {
			t := v[i:j]
			comma := false
			for len(t) > 0 && t[len(t)-1] == ',' {
				t, comma = t[:len(t)-1], true
			}
			if len(t) > 0 {
				if n == len(toks) {
					return -1
				}
				toks[n] = tok{t, comma}
				n++
			} else if n > 0 {
				toks[n-1].comma = true
			}
		}
		i = j + 1
	}
	return n
}

// IsAddress reports whether v, a match of the form's pattern, is a street
// address: a house number, a street name with a street-type word of the
// form's language, a place and a postcode in the country's format (US ZIP
// with a state whose ZIP codes start so, Canadian postal code with a
// matching province when one is given, Australian postcode with a matching
// state, UK postcode, five-digit French, German, Italian or Spanish code in
// the country's range), in the country's usual order.
func (lx *Lexicon) IsAddress(form Form, v []byte) bool {
	var toks [maxAddrTokens]tok
	n := tokenize(v, &toks)
	if n < 3 {
		return false
	}
	t := toks[:n]
	switch form {
	case English:
		return lx.english(t)
	case French:
		return lx.french(t)
	case Southern:
		return lx.southern(t)
	case German:
		return lx.german(t)
	}
	return false
}

// fold folds b into buf, dropping a trailing period. Callers index maps
// with string(fold(...)), which does not allocate.
func fold(buf *[maxFold]byte, b []byte) []byte {
	f, ok := foldBuf(buf, b)
	if !ok {
		return nil
	}
	for len(f) > 1 && f[len(f)-1] == '.' {
		f = f[:len(f)-1]
	}
	return f
}

func (lx *Lexicon) streetKind(b []byte) streetKind {
	var buf [maxFold]byte
	return lx.street[string(fold(&buf, b))]
}

func isDigits(b []byte, n int) bool {
	if len(b) != n {
		return false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != '0' {
			return false
		}
	}
	return true
}

// houseNumber reports whether b is a house number: digits (not all zero),
// maybe a letter, a range ("12-14") or a unit ("5/12").
func houseNumber(b []byte) bool {
	digits := 0
	nonZero := false
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9':
			digits++
			nonZero = nonZero || c != '0'
		case c == '-' || c == '/' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
		default:
			return false
		}
	}
	return digits > 0 && nonZero && (b[0] >= '0' && b[0] <= '9')
}

// capitalised reports whether b starts with an upper-case letter (after an
// elided "l'" or "d'").
func capitalised(b []byte) bool {
	if len(b) > 2 && (b[0] == 'l' || b[0] == 'd' || b[0] == 'L' || b[0] == 'D') && b[1] == '\'' {
		b = b[2:]
	} else if len(b) > 4 && (b[0]|0x20 == 'l' || b[0]|0x20 == 'd') && string(b[1:4]) == "’" {
		b = b[4:]
	}
	r, _ := utf8.DecodeRune(b)
	return unicode.IsUpper(r)
}

var lowerWords = map[string]bool{
	"de": true, "du": true, "des": true, "la": true, "le": true, "les": true, "del": true, "della": true,
	"dei": true, "degli": true, "delle": true, "di": true, "da": true, "do": true, "dos": true, "das": true,
	"von": true, "der": true, "den": true, "am": true, "an": true, "im": true, "zum": true, "zur": true,
	"auf": true, "y": true, "et": true, "of": true, "the": true, "and": true, "sur": true, "en": true,
	"sous": true, "aux": true, "au": true, "upon": true, "on": true,
}

// nameWords reports whether t is a street or place name: one or more
// capitalised words (or ordinals, "5th"), with small joining words that do
// not end it (nor start it, unless afterType: "rue de la Paix", "Via del
// Corso"), and no stop word when stop is set.
func (lx *Lexicon) nameWords(t []tok, stop, afterType bool) bool {
	if len(t) == 0 {
		return false
	}
	var buf [maxFold]byte
	for i, x := range t {
		switch {
		case capitalised(x.b):
			if stop && lx.stop[string(fold(&buf, x.b))] {
				return false
			}
		case x.b[0] >= '0' && x.b[0] <= '9':
			if !ordinal(x.b) {
				return false
			}
		case lowerWords[string(x.b)]:
			if i == 0 && !afterType || i == len(t)-1 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// ordinal reports whether b is an ordinal number ("5th", "42nd", "3e").
func ordinal(b []byte) bool {
	i := 0
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	if i == 0 || i > 3 {
		return false
	}
	var buf [maxFold]byte
	switch string(fold(&buf, b[i:])) {
	case "st", "nd", "rd", "th", "e", "er", "re", "eme":
		return true
	}
	return false
}

// place reports whether t names a place: a listed place, or capitalised
// words with small joining words, none a street type.
func (lx *Lexicon) place(t []tok) bool {
	if len(t) == 0 || len(t) > 5 {
		return false
	}
	if lx.knownPlace(t) {
		return true
	}
	if !lx.nameWords(t, false, false) {
		return false
	}
	for _, x := range t {
		if lx.streetKind(x.b) != 0 {
			return false
		}
	}
	return true
}

// knownPlace reports whether the tokens, joined by spaces, are a listed
// place.
func (lx *Lexicon) knownPlace(t []tok) bool {
	var buf [4 * maxFold]byte
	f := buf[:0]
	for i, x := range t {
		if len(f)+len(x.b)+1 > len(buf) {
			return false
		}
		if i > 0 {
			f = append(f, ' ')
		}
		f = Fold(f, x.b)
	}
	return lx.places[string(f)] != 0
}

// regionAt looks for a region (by code or name, one to three words) ending
// just before index end, and returns it and where it starts.
func regionAt(t []tok, end int, regions map[string]*region) (*region, int) {
	var buf [4 * maxFold]byte
	for words := 3; words >= 1; words-- {
		start := end - words
		if start < 1 {
			continue
		}
		f := buf[:0]
		ok := true
		for i := start; i < end; i++ {
			b := t[i].b
			// A province in parentheses, as Quebec writes it:
			// "Montréal (Québec) H2L 2C4".
			if i == start && len(b) > 1 && b[0] == '(' {
				b = b[1:]
			}
			if i == end-1 && len(b) > 1 && b[len(b)-1] == ')' {
				b = b[:len(b)-1]
			}
			if len(f)+len(b)+1 > len(buf) {
				ok = false
				break
			}
			if i > start {
				f = append(f, ' ')
			}
			f = Fold(f, b)
		}
		for len(f) > 0 && f[len(f)-1] == '.' {
			f = f[:len(f)-1]
		}
		if ok {
			if r := regions[string(f)]; r != nil {
				return r, start
			}
		}
	}
	return nil, end
}

// Postcode formats.
type postcode int

const (
	noPostcode postcode = iota
	zipUS
	postCA
	postAU
	postGB
)

// englishPostcode identifies the postcode at the end of t and returns its
// kind, the index of its first token and its first character.
func englishPostcode(t []tok) (postcode, int, byte) {
	n := len(t)
	last := t[n-1].b
	switch {
	case isDigits(last, 5) || len(last) == 10 && isDigits(last[:5], 5) && last[5] == '-' && isDigits(last[6:], 4):
		if allZero(last[:5]) {
			return noPostcode, n, 0
		}
		return zipUS, n - 1, last[0]
	case isDigits(last, 4):
		return postAU, n - 1, last[0]
	}
	if n >= 2 && caPostal(t[n-2].b, last) {
		return postCA, n - 2, t[n-2].b[0]
	}
	if len(last) == 6 && caPostal(last[:3], last[3:]) {
		return postCA, n - 1, last[0]
	}
	if n >= 2 && gbPostcode(t[n-2].b, last) {
		return postGB, n - 2, t[n-2].b[0]
	}
	if len(last) >= 5 && len(last) <= 7 && gbPostcode(last[:len(last)-3], last[len(last)-3:]) {
		return postGB, n - 1, last[0]
	}
	return noPostcode, n, 0
}

// caPostal reports whether a, b are the halves of a Canadian postal code
// (A1A 1A1; no D, F, I, O, Q, U; no W or Z first).
func caPostal(a, b []byte) bool {
	if len(a) != 3 || len(b) != 3 {
		return false
	}
	ok := func(c byte, letter bool) bool {
		if !letter {
			return c >= '0' && c <= '9'
		}
		return c >= 'A' && c <= 'Z' && !strings.ContainsRune("DFIOQU", rune(c))
	}
	return ok(a[0], true) && a[0] != 'W' && a[0] != 'Z' && ok(a[1], false) && ok(a[2], true) &&
		ok(b[0], false) && ok(b[1], true) && ok(b[2], false)
}

// gbPostcode reports whether out, in are a UK postcode's outward and inward
// codes (A9, A99, A9A, AA9, AA99, AA9A; 9AA without C, I, K, M, O, V).
func gbPostcode(out, in []byte) bool {
	if len(in) != 3 || in[0] < '0' || in[0] > '9' {
		return false
	}
	for _, c := range in[1:] {
		if c < 'A' || c > 'Z' || strings.IndexByte("CIKMOV", c) >= 0 {
			return false
		}
	}
	upper := func(c byte) bool { return c >= 'A' && c <= 'Z' }
	digit := func(c byte) bool { return c >= '0' && c <= '9' }
	switch len(out) {
	case 2:
		return upper(out[0]) && digit(out[1])
	case 3:
		return upper(out[0]) && (digit(out[1]) && (digit(out[2]) || upper(out[2])) || upper(out[1]) && digit(out[2]))
	case 4:
		return upper(out[0]) && upper(out[1]) && digit(out[2]) && (digit(out[3]) || upper(out[3]))
	}
	return false
}

// english checks "number name... type [direction] [unit], place[, region]
// postcode".
func (lx *Lexicon) english(t []tok) bool {
	if !houseNumber(t[0].b) {
		return false
	}
	// The street type: the first type word after at least one name word.
	ti := -1
	for i := 2; i < len(t); i++ {
		if lx.streetKind(t[i].b)&(streetEN|streetENShort) != 0 {
			ti = i
			break
		}
	}
	if ti < 0 || !lx.nameWords(t[1:ti], false, false) {
		return false
	}
	i := ti + 1
	var buf [maxFold]byte
	if i < len(t) && !t[ti].comma && lx.directions[string(fold(&buf, t[i].b))] {
		i++
	}
	// A unit: "Apt 4B", "Suite 200", "#12".
	if i < len(t) {
		switch {
		case t[i].b[0] == '#':
			i++
		case lx.units[string(fold(&buf, t[i].b))] && i+1 < len(t):
			i += 2
		}
	}
	kind, pi, first := englishPostcode(t)
	if kind == noPostcode || pi <= i {
		return false
	}
	end := pi
	switch kind {
	case zipUS:
		r, rs := regionAt(t, end, lx.usStates)
		if r == nil || strings.IndexByte(r.first, first) < 0 {
			return false
		}
		end = rs
	case postAU:
		r, rs := regionAt(t, end, lx.auStates)
		if r == nil || strings.IndexByte(r.first, first) < 0 {
			return false
		}
		end = rs
	case postCA:
		if r, rs := regionAt(t, end, lx.caRegions); r != nil {
			if strings.IndexByte(r.first, first) < 0 {
				return false
			}
			end = rs
		}
	case postGB:
		// A county may stand between the town and the postcode; the place
		// check below takes it as part of the place.
	}
	return lx.place(t[i:end])
}

// french checks "number [bis] type name..., postcode place [CEDEX]" or the
// Quebec form "number type name, place, province postal-code".
func (lx *Lexicon) french(t []tok) bool {
	if !houseNumber(t[0].b) {
		return false
	}
	i := 1
	var buf [maxFold]byte
	switch string(fold(&buf, t[i].b)) {
	case "bis", "ter", "quater", "a", "b", "c", "d":
		i++
	}
	if i >= len(t) || lx.streetKind(t[i].b)&streetFR == 0 {
		return false
	}
	i++
	// The street name runs to the postcode (France) or to the comma before
	// the place (Quebec, US).
	for j := i; j < len(t); j++ {
		b := t[j].b
		if isDigits(b, 5) {
			if (b[0] == '9' && b[1] == '6') || (b[0] == '9' && b[1] == '9') || (b[0] == '0' && b[1] == '0') {
				return false
			}
			name := t[i:j]
			// "BP 123" or "CS 456" (postal boxes) may stand before the postcode.
			if len(name) >= 2 {
				if p := fold(&buf, name[len(name)-2].b); (string(p) == "bp" || string(p) == "cs") && isDigits(name[len(name)-1].b, len(name[len(name)-1].b)) {
					name = name[:len(name)-2]
				}
			}
			if !lx.nameWords(name, false, true) {
				return false
			}
			rest := t[j+1:]
			if k := len(rest); k >= 1 && bytes.EqualFold(rest[k-1].b, []byte("cedex")) {
				rest = rest[:k-1]
			} else if k >= 2 && bytes.EqualFold(rest[k-2].b, []byte("cedex")) && isDigits(rest[k-1].b, len(rest[k-1].b)) {
				rest = rest[:k-2]
			}
			return lx.place(rest)
		}
	}
	// Quebec without a comma before the place: "405, rue Sainte-Catherine
	// Est Montréal (Québec) H2L 2C4", the province in parentheses (the
	// Office québécois de la langue française's form), "Canada" allowed
	// before the postal code.
	if kind, pi, first := englishPostcode(t); kind == postCA && !hasComma(t[i:pi]) {
		end := pi
		if end > i && bytes.EqualFold(t[end-1].b, []byte("canada")) {
			end--
		}
		r, rs := regionAt(t, end, lx.caRegions)
		if r == nil || strings.IndexByte(r.first, first) < 0 || len(t[rs].b) == 0 || t[rs].b[0] != '(' {
			return false
		}
		// The place is the last one to three words before the province.
		for k := 1; k <= 3 && rs-k > i; k++ {
			if lx.nameWords(t[i:rs-k], false, true) && lx.place(t[rs-k:rs]) {
				return true
			}
		}
		return false
	}
	// Quebec: the name ends at the first comma.
	for j := i; j < len(t)-1; j++ {
		if t[j].comma {
			if !lx.nameWords(t[i:j+1], false, true) {
				return false
			}
			// A unit after the street: "rue Saint-Denis, bureau 1105".
			if j+3 < len(t) && lx.units[string(fold(&buf, t[j+1].b))] {
				j += 2
			}
			kind, pi, first := englishPostcode(t)
			if kind != postCA && kind != zipUS || pi <= j+1 {
				return false
			}
			end := pi
			regions := lx.caRegions
			if kind == zipUS {
				regions = lx.usStates
			}
			r, rs := regionAt(t, end, regions)
			if r != nil {
				if strings.IndexByte(r.first, first) < 0 {
					return false
				}
				end = rs
			} else if kind == zipUS {
				return false
			}
			return lx.place(t[j+1 : end])
		}
	}
	return false
}

// hasComma reports whether a comma follows one of the tokens.
func hasComma(t []tok) bool {
	for _, x := range t {
		if x.comma {
			return true
		}
	}
	return false
}

// southernLeading are the words that may stand before an Italian or Spanish
// street type ("Gran Vía").
var southernLeading = map[string]bool{
	"gran": true, "nueva": true, "nuevo": true, "antigua": true, "antiguo": true, "alta": true,
	"baja": true, "vecchia": true, "nuova": true, "ronda": true, "real": true,
}

// spanishTypes are the street types whose postcodes are Spanish (01-52).
var spanishTypes = map[string]bool{
	"calle": true, "c/": true, "avenida": true, "avda": true, "paseo": true, "plaza": true, "pza": true,
	"placa": true, "carrer": true, "carretera": true, "ctra": true, "camino": true, "ronda": true,
	"rambla": true, "travesia": true, "glorieta": true, "passeig": true, "avinguda": true,
	"urbanizacion": true, "callejon": true, "cuesta": true, "bulevar": true, "rua": true, "praza": true,
}

// southern checks "[Gran] type name..., number[, floor] - postcode place
// [(province)]".
func (lx *Lexicon) southern(t []tok) bool {
	var buf [maxFold]byte
	i := 0
	leading := false
	if lx.streetKind(t[0].b)&streetITES == 0 {
		if !southernLeading[string(fold(&buf, t[0].b))] {
			return false
		}
		leading = true
		i = 1
	}
	if i >= len(t) || lx.streetKind(t[i].b)&streetITES == 0 {
		return false
	}
	spanish := spanishTypes[string(fold(&buf, t[i].b))]
	i++
	// The name runs to the house number.
	j := i
	for j < len(t) && !(t[j].b[0] >= '0' && t[j].b[0] <= '9') && !numberWord(t[j].b) {
		j++
	}
	if j == i && !leading || !lx.nameWords(t[i:j], false, true) && j > i {
		return false
	}
	if j < len(t) && numberWord(t[j].b) {
		j++
	}
	if j >= len(t) || !houseNumber(t[j].b) {
		return false
	}
	// The postcode: the next five-digit token after floor and door details.
	for k := j + 1; k < len(t) && k <= j+4; k++ {
		b := t[k].b
		if !isDigits(b, 5) {
			continue
		}
		p := int(b[0]-'0')*10 + int(b[1]-'0')
		if spanish && (p < 1 || p > 52) || !spanish && p > 98 {
			return false
		}
		rest := t[k+1:]
		if m := len(rest); m >= 2 {
			last := rest[m-1].b
			if len(last) == 4 && last[0] == '(' && last[3] == ')' || len(last) == 2 && last[0] >= 'A' && last[0] <= 'Z' && last[1] >= 'A' && last[1] <= 'Z' {
				rest = rest[:m-1] // province: "(MI)", "MI"
			}
		}
		return lx.place(rest)
	}
	return false
}

// numberWord reports whether b abbreviates "number" ("n.", "nº", "núm.").
func numberWord(b []byte) bool {
	var buf [maxFold]byte
	f, ok := foldBuf(&buf, b)
	if !ok {
		return false
	}
	switch string(f) {
	case "n.", "no", "n°", "num.", "no.", "n.o":
		return true
	}
	return false
}

// germanPrefix are words that may stand before a German street type word
// ("Am Markt", "Unter den Linden").
var germanPrefix = map[string]bool{
	"am": true, "an": true, "auf": true, "im": true, "in": true, "zum": true, "zur": true,
	"unter": true, "hinter": true, "vor": true, "sankt": true, "st": true, "bad": true,
}

// german checks "[Adjective] street-type [der Name] number, postcode place".
func (lx *Lexicon) german(t []tok) bool {
	var buf [maxFold]byte
	ti := -1
	for i, x := range t {
		if lx.germanType(x.b) {
			ti = i
			break
		}
	}
	if ti < 0 || ti > 3 {
		return false
	}
	for i := 0; i < ti; i++ {
		f := fold(&buf, t[i].b)
		switch {
		case germanPrefix[string(f)]:
		case lowerWords[string(t[i].b)] && i > 0:
		case capitalised(t[i].b) && !lx.stop[string(f)] && (bytes.HasSuffix(f, []byte("er")) || bytes.HasSuffix(f, []byte("e")) || bytes.HasSuffix(f, []byte("en"))):
		default:
			return false
		}
	}
	if !capitalised(t[0].b) {
		return false
	}
	// Words after the type ("Platz der Republik"), then the number.
	j := ti + 1
	for j < len(t) && !(t[j].b[0] >= '0' && t[j].b[0] <= '9') {
		j++
	}
	if j-ti-1 > 3 || j > ti+1 && !lx.nameWords(t[ti+1:j], false, true) || j+2 >= len(t)+1 {
		return false
	}
	if j >= len(t) || !houseNumber(t[j].b) || j+1 >= len(t) {
		return false
	}
	pc := t[j+1].b
	if !isDigits(pc, 5) || pc[0] == '0' && pc[1] == '0' {
		return false
	}
	return lx.place(t[j+2:])
}

// germanType reports whether b is, or ends with, a German street type
// ("Straße", "Hauptstr.", "Königsallee").
func (lx *Lexicon) germanType(b []byte) bool {
	var buf [maxFold]byte
	f, ok := foldBuf(&buf, b)
	if !ok || len(f) < 3 || !capitalised(b) {
		return false
	}
	for start := 0; start+3 <= len(f); start++ {
		if start > 0 && f[start-1] != '-' && (f[start]&0xC0) == 0x80 {
			continue
		}
		if lx.street[string(f[start:])]&streetDE != 0 {
			return true
		}
	}
	return false
}
