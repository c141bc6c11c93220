package names

// AddressSpan widens an address that IsAddress accepted, text[s:e], to the
// whole postal address as written: a unit written before the house number
// ("Apt 4B, 500 Oak Street…", "Flat 3 221B Baker Street…", English form
// only) and a country name written right after the postcode or place
// (", USA", " United Kingdom", ", Deutschland"). It never takes other words
// before the address and never crosses a line break.
func (lx *Lexicon) AddressSpan(form Form, text []byte, s, e int) (int, int) {
	if form == English {
		s = numberBefore(text, s)
		s = lx.unitBefore(text, s)
	}
	return s, countryAfter(text, e)
}

// numberBefore returns where a house-number range or a unit number joined
// to the house number by a hyphen starts ("11-59 High Road", "202-121 14th
// Street", "108 - 1550 Hartley Avenue"), or s.
func numberBefore(text []byte, s int) int {
	i := s
	switch {
	case i >= 1 && text[i-1] == '-':
		i--
	case i >= 3 && string(text[i-3:i]) == " - ":
		i -= 3
	default:
		return s
	}
	j := i
	for j > 0 && i-j < 5 && text[j-1] >= '0' && text[j-1] <= '9' {
		j--
	}
	if j == i || j > 0 && isAlnum(text[j-1]) {
		return s
	}
	return j
}

// unitBefore returns where a unit designator and its number end just before
// s start ("Suite 200, ", "Apt. 4B ", "Unit #5, "), or s.
func (lx *Lexicon) unitBefore(text []byte, s int) int {
	i := s
	if i > 0 && text[i-1] == ' ' {
		i--
	}
	if i > 0 && text[i-1] == ',' {
		i--
	}
	// The unit number: letters and digits, maybe after '#'.
	j := i
	for j > 0 && j > i-6 && isAlnum(text[j-1]) {
		j--
	}
	if j == i || !hasDigit(text[j:i]) {
		return s
	}
	if j > 0 && text[j-1] == '#' {
		j--
	}
	if j == 0 || text[j-1] != ' ' {
		return s
	}
	k := j - 1
	w := k
	for w > 0 && isLetter(text[w-1]) || w > 0 && text[w-1] == '.' {
		w--
	}
	if w == k || w > 0 && text[w-1] != ' ' && text[w-1] != '\t' && text[w-1] != ',' && text[w-1] != ':' && text[w-1] != '"' && text[w-1] != '\'' && text[w-1] != '(' {
		return s
	}
	var buf [maxFold]byte
	f := fold(&buf, text[w:k])
	if f == nil || !lx.units[string(f)] {
		return s
	}
	return w
}

// countryAfter returns the end of a country name written right after e
// (after a comma and spaces, on the same line), or e.
func countryAfter(text []byte, e int) int {
	i := e
	if i < len(text) && text[i] == ',' {
		i++
	}
	j := i
	for j < len(text) && j-i < 3 && text[j] == ' ' {
		j++
	}
	if j == i && i == e || j == len(text) {
		return e
	}
	rest := text[j:]
	for _, c := range countries {
		if len(rest) >= len(c) && equalFoldASCII(rest[:len(c)], c) && (len(rest) == len(c) || !isAlnum(rest[len(c)]) && rest[len(c)] < 0x80) {
			return j + len(c)
		}
	}
	return e
}

// countries are the country names written after an address in the eight
// countries the Address forms cover, longest first where one starts another.
var countries = []string{
	"United States of America", "United States", "U.S.A.", "USA", "U.S.", "US",
	"Canada", "Australia", "United Kingdom", "Great Britain", "U.K.", "UK", "England", "Scotland",
	"Wales", "Northern Ireland", "France", "Germany", "Deutschland", "Italy", "Italia", "Spain",
	"España", "Espana", "Canadá",
}

// equalFoldASCII reports whether b equals s, a capitalised country name,
// ignoring ASCII case after the first letter ("CANADA"; "us" is no "US").
func equalFoldASCII(b []byte, s string) bool {
	if len(b) != len(s) || b[0] != s[0] {
		return false
	}
	for i := 1; i < len(s); i++ {
		x, y := b[i], s[i]
		if x != y && !(x >= 'A' && x <= 'Z' && x+'a'-'A' == y) {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool { return isLetter(c) || c >= '0' && c <= '9' }

func hasDigit(b []byte) bool {
	for _, c := range b {
		if c >= '0' && c <= '9' {
			return true
		}
	}
	return false
}
