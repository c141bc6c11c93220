package detector

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/piiguard/piiguard/identifiers"
)

// keywordForms returns the automaton words for a keyword: its variants,
// ASCII-lower-cased, plus an upper-cased form of those with non-ASCII
// letters (the automaton runs over ASCII-lower-cased text).
func keywordForms(kw string) []string {
	if isASCII(kw) {
		// Already lower-cased, and the other forms differ only in case.
		return identifiers.KeywordVariants(kw)
	}
	var out []string
	add := func(f string) {
		f = asciiLowerString(f)
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	for _, v := range identifiers.KeywordVariants(kw) {
		add(v)
		add(strings.ToUpper(v))
		add(capitalize(v, false)) // "Шофьорска книжка"
		add(capitalize(v, true))  // "Führerschein Republik Österreich"
	}
	return out
}

// capitalize upper-cases the first letter of s, or of every word of s when
// words is set (words are separated by ' ', '_' and '-'). The automaton folds
// ASCII case itself; these forms cover non-ASCII letters, which it does not.
func capitalize(s string, words bool) string {
	var b strings.Builder
	start := true
	for _, r := range s {
		if start {
			r = unicode.ToUpper(r)
		}
		start = words && (r == ' ' || r == '_' || r == '-')
		b.WriteRune(r)
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func asciiLowerString(s string) string {
	b := []byte(s)
	for i, c := range b {
		b[i] = lowerTable[c]
	}
	return string(b)
}

var lowerTable = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
		if i >= 'A' && i <= 'Z' {
			t[i] = byte(i + 32)
		}
	}
	return t
}()

// collectWords runs the automaton, records keyword occurrences and adds
// windows for the patterns they trigger.
func (d *Detector) collectWords(s *scratch, text []byte) {
	if d.ac == nil {
		return
	}
	d.collectWordsRange(s, text, 0, len(text), 0)
	if len(s.kwOccs) > 1 {
		d.sortOccurrences(s)
	}
}

// collectWordsRange runs the automaton over text[from:to], resuming from
// the result of the call for the range before (0 for the first), and
// returns the value to resume from at to (see aho.Matcher.ScanRange), and
// marks text[from:to] when d.marked (see scanMarks; from is a multiple of
// 64). s.marks are nil unless d.marked: a detector's scratches are its own
// (d.pool), and only startMarks sizes them.
func (d *Detector) collectWordsRange(s *scratch, text []byte, from, to, resume int) int {
	return d.ac.ScanRangeMarks(text, from, to, resume, s.marks, func(wi, start, end int) {
		w := &d.words[wi]
		for _, pi := range w.literals {
			d.addLiteralWindow(s, d.patterns[pi], text, start, end)
		}
		if len(w.keywords) == 0 {
			return
		}
		if w.startWord && continuesWordBefore(text, start) || w.endWord && continuesWordAfter(text, end) {
			return
		}
		s.kwOccs = append(roomForOne(s.kwOccs), occurrence{start, end, wi})
		for _, o := range w.keywords {
			ci := d.idents[o.ident]
			for _, cp := range ci.patterns {
				if cp.trigger == byKeyword {
					d.addKeywordWindow(s, cp, text, start, end)
				}
			}
		}
	})
}

func (d *Detector) sortOccurrences(s *scratch) {
	if len(s.kwOccs) > 1 {
		slices.SortFunc(s.kwOccs, compareOccurrences)
	}
}

// compareOccurrences orders keyword occurrences by start, end, then word.
func compareOccurrences(a, b occurrence) int {
	if a.start != b.start {
		return a.start - b.start
	}
	if a.end != b.end {
		return a.end - b.end
	}
	return a.word - b.word
}
