// Package names recognises personal names and postal addresses for the
// Name and Address identifiers: the word lists they need (given-name and
// surname frequencies, common English words, stop words, places, street
// types, regions), the Name scorer (Lexicon.ScoreName), which weighs a run
// of capitalised words and the line around it and picks the name inside
// it, the Address checks and span rules, and the Address patterns, which
// are built from the street-type lists.
//
// The checks allocate nothing: the detector calls them on every candidate,
// most of which are not names.
//
// The lists load on first use (the identifiers package calls Load once),
// so a program that scans one line with a name in it pays for the load on
// top of its start-up; the load is kept cheap for it. The two large lists,
// the given-name and surname frequencies (name_stats.txt, 224,194 names,
// 2.4 MB) and the common English words (common_words.txt, 408 KB), are
// embedded as plain sorted text and searched in place (sortedLines): no
// decompression, no copy, no entry per line, only an index of one line in
// about six, made for the lines of one first byte at the first search of a
// word that starts with it (a first scan with one name indexes two or three
// bytes' lines, not 2.8 MB). The small lists become maps sized before they
// are filled, with keys that share the embedded text or one buffer.
// Natively the load takes a few milliseconds and 1.2 MB of memory (it took
// 26 ms and 6.8 MB when the large lists were stored gzip-compressed and
// fully indexed, and 2 MB when the large lists were indexed whole at
// load); the embedded text costs 1.9 MB of
// binary and WebAssembly module size, nothing once compressed (gzip -9 of
// the module: 2.76 MB before, 2.73 MB after).
package names

import (
	"strings"
	"unicode/utf8"
)

// Sources are the texts of the data files (identifiers/data/*.txt).
type Sources struct {
	GivenNames, Surnames, Stopwords, Places, AddressWords string
	// NameStats and CommonWords are the given-name and surname frequencies
	// (name_stats.txt) and the lower-case English words that are no names
	// (common_words.txt), sorted by word. They are searched in place, never
	// copied: pass the embedded text itself.
	NameStats, CommonWords string
}

// Lexicon holds the word lists, folded (see Fold).
type Lexicon struct {
	given     map[string]bool
	ambiguous map[string]bool
	surnames  map[string]bool
	stop      map[string]bool  // stop words that are no given name or surname
	stopGiven map[string]bool  // stop words that are given names too (Grace, River)
	places    map[string]uint8 // folded place name -> countries (bit set)
	freq      *sortedLines     // given-name and surname frequencies (name_stats.txt)
	common    *sortedLines     // lower-case English words that are no names
	flags     map[string]uint8 // the small lists merged, for the Name scorer

	street     map[string]streetKind // folded street-type word -> kinds
	units      map[string]bool
	directions map[string]bool
	usStates   map[string]*region // folded code or name -> state
	caRegions  map[string]*region
	auStates   map[string]*region

	cues *contextCues // of the Name scorer's context
}

// A region is a US state, Canadian province or Australian state.
type region struct {
	code  string
	first string // first characters its postcodes may start with
}

// Countries, as bits of Lexicon.places.
const (
	US uint8 = 1 << iota
	CA
	AU
	GB
	FR
	DE
	IT
	ES
)

var countryBits = map[string]uint8{"US": US, "CA": CA, "AU": AU, "GB": GB, "FR": FR, "DE": DE, "IT": IT, "ES": ES}

type streetKind uint8

const (
	streetEN streetKind = 1 << iota
	streetENShort
	streetFR
	streetITES
	streetDE
)

var streetSections = map[string]streetKind{
	"street-en": streetEN, "street-en-short": streetENShort, "street-fr": streetFR,
	"street-it-es": streetITES, "street-de": streetDE,
}

// Load parses the data files. The frequency and common-word lists are
// searched in place (see sortedLines); the small lists become maps, sized
// before they are filled (to a bound on their words), with keys that
// are the source text itself when it is folded already and slices of one
// shared buffer when not: a few hundred allocations in all, not one per
// word, which matters most in WebAssembly, whose heap is small and
// collected often.
func Load(src Sources) *Lexicon {
	fo := newFolder(len(src.GivenNames) + len(src.Surnames) + len(src.Stopwords) + len(src.Places) + len(src.AddressWords))
	lx := &Lexicon{
		given: make(map[string]bool, maxWords(src.GivenNames)), ambiguous: map[string]bool{},
		surnames: make(map[string]bool, maxWords(src.Surnames)),
		stop:     make(map[string]bool, maxWords(src.Stopwords)), stopGiven: map[string]bool{},
		places: make(map[string]uint8, strings.Count(src.Places, "\n")+1), street: map[string]streetKind{},
		units: map[string]bool{}, directions: map[string]bool{},
		usStates: map[string]*region{}, caRegions: map[string]*region{}, auStates: map[string]*region{},
		cues: newContextCues(),
	}
	lx.freq = newSortedLines(src.NameStats)
	lx.common = newSortedLines(src.CommonWords)
	for section, line := range lines(src.GivenNames) {
		for w := range strings.FieldsSeq(line) {
			f := fo.fold(w)
			lx.given[f] = true
			if section == "ambiguous" {
				lx.ambiguous[f] = true
			}
		}
	}
	for _, line := range lines(src.Surnames) {
		for w := range strings.FieldsSeq(line) {
			if f := fo.fold(w); !particles[f] {
				lx.surnames[f] = true
			}
		}
	}
	for _, line := range lines(src.Stopwords) {
		for w := range strings.FieldsSeq(line) {
			switch f := fo.fold(w); {
			case lx.surnames[f]:
			case lx.given[f]:
				lx.stopGiven[f] = true
			default:
				lx.stop[f] = true
			}
		}
	}
	for section, line := range lines(src.Places) {
		lx.places[fo.fold(line)] |= countryBits[section]
	}
	for section, line := range lines(src.AddressWords) {
		if k, ok := streetSections[section]; ok {
			lx.street[fo.fold(line)] |= k
			continue
		}
		switch section {
		case "unit":
			lx.units[fo.fold(line)] = true
		case "direction":
			lx.directions[fo.fold(line)] = true
		case "us-state", "ca-province", "au-state":
			f := strings.Fields(line)
			if len(f) < 3 {
				continue
			}
			r := &region{code: f[0], first: f[len(f)-1]}
			m := map[string]map[string]*region{"us-state": lx.usStates, "ca-province": lx.caRegions, "au-state": lx.auStates}[section]
			m[fo.fold(f[0])] = r
			m[fo.fold(strings.Join(f[1:len(f)-1], " "))] = r
		}
	}
	lx.buildFlags()
	return lx
}

// A folder folds the words of the data files for Load without an
// allocation per word.
type folder struct {
	arena   strings.Builder // the folded words that differ from their source
	scratch []byte
}

// newFolder returns a folder for sources of n bytes in all: folding never
// lengthens text, so its buffer never grows.
func newFolder(n int) *folder {
	fo := &folder{scratch: make([]byte, 0, maxFold)}
	fo.arena.Grow(n)
	return fo
}

// fold returns FoldString(s): s itself when it is folded already (ASCII
// without upper-case letters), else a slice of the arena, which is never
// written over (a strings.Builder only appends).
func (fo *folder) fold(s string) string {
	folded := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			folded = false
			break
		}
	}
	if folded {
		return s
	}
	fo.scratch = Fold(fo.scratch[:0], []byte(s))
	n := fo.arena.Len()
	fo.arena.Write(fo.scratch)
	return fo.arena.String()[n:]
}

// maxWords bounds the number of words in a data file, comments included,
// to size the maps that will hold them: it counts spaces and line ends,
// which is much cheaper than splitting the lines (WebAssembly runs a
// function that is called once unoptimised).
func maxWords(text string) int {
	return strings.Count(text, " ") + strings.Count(text, "\n") + 1
}

// lines yields the non-empty, non-comment lines of a data file with the
// section ("[name]" header) they are in.
func lines(text string) func(yield func(section, line string) bool) {
	return func(yield func(string, string) bool) {
		section := ""
		for line := range strings.SplitSeq(text, "\n") {
			if i := strings.IndexByte(line, '#'); i >= 0 {
				line = line[:i]
			}
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			if line[0] == '[' && line[len(line)-1] == ']' {
				section = line[1 : len(line)-1]
				continue
			}
			if !yield(section, line) {
				return
			}
		}
	}
}

// Sizes reports how many entries each list holds, for documentation and
// tests.
func (lx *Lexicon) Sizes() map[string]int {
	return map[string]int{
		"given": len(lx.given), "ambiguous": len(lx.ambiguous), "surnames": len(lx.surnames),
		"stop": len(lx.stop), "places": len(lx.places), "street": len(lx.street),
		"stats": lx.freq.len(), "common": lx.common.len(),
	}
}

// particles are the lower-case words that join the parts of a name ("van",
// "de la"), folded.
var particles = map[string]bool{
	"van": true, "von": true, "de": true, "der": true, "den": true, "del": true, "della": true,
	"dei": true, "degli": true, "di": true, "da": true, "du": true, "dos": true, "das": true,
	"des": true, "le": true, "la": true, "los": true, "las": true, "ter": true, "ten": true,
	"te": true, "y": true, "e": true, "bin": true, "ibn": true, "al": true, "el": true,
	"zu": true, "af": true, "av": true, "vander": true, "do": true, "ben": true,
}

// maxFold is the longest folded text the checks consider; longer words are
// not names.
const maxFold = 64

// Fold appends the case- and accent-folded form of s to dst: ASCII letters
// lower-cased, Latin letters with diacritics reduced to their base letters
// (ß to "ss", æ to "ae"), right single quotation marks turned into
// apostrophes. Other bytes are copied.
func Fold(dst, s []byte) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(s[i:])
		i += size
		if f, ok := foldRune(r); ok {
			dst = append(dst, f...)
			continue
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// foldRune returns what foldTable folds r to, by binary search.
func foldRune(r rune) (string, bool) {
	lo, hi := 0, len(foldTable)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if foldTable[m].r < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(foldTable) && foldTable[lo].r == r {
		return foldTable[lo].to, true
	}
	return "", false
}

// FoldString is Fold for a string.
func FoldString(s string) string {
	return string(Fold(nil, []byte(s)))
}

// foldBuf folds s into buf and reports whether it fit. Folding never
// lengthens text, so a fitting s is folded without allocating.
func foldBuf(buf *[maxFold]byte, s []byte) ([]byte, bool) {
	if len(s) > maxFold {
		return nil, false
	}
	return Fold(buf[:0], s), true
}
