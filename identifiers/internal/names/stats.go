package names

import "strings"

// wordStats is what the lists say of one folded word.
type wordStats struct {
	// given and surname are frequency classes, 0 (not listed) to 9 (a
	// million people or more), about a factor 3.2 per step.
	given, surname uint8
	// common marks a word that is also a lower-case English word (Will,
	// Grace, Brown, Service).
	common bool
}

// sortedLines is a sorted list of words searched in place in its text:
// no decompression, no copy and no per-line index, so that it is ready as
// soon as the text is (the data files are embedded as they are stored). A
// line is a word, optionally followed by a space and data; comment lines
// ("#") may only lead the text. A binary search runs on byte offsets
// between the lines that share the word's first byte (first), each probe
// moving back to the start of the line it lands in.
type sortedLines struct {
	text  string
	start int // the first line after the leading comments
	// first[b] is the offset of the first line whose word starts with byte
	// b or a greater one; first[256] is len(text).
	first [257]uint32
}

// newSortedLines indexes the lines of text, which must be sorted by word,
// after its leading comment lines. It reads about 256 × log₂(len(text))
// lines, not the whole text.
func newSortedLines(text string) sortedLines {
	l := sortedLines{text: text}
	for l.start < len(text) && (text[l.start] == '#' || text[l.start] == '\n') {
		j := strings.IndexByte(text[l.start:], '\n')
		if j < 0 {
			l.start = len(text)
			break
		}
		l.start += j + 1
	}
	lo := l.start
	for b := range 256 {
		lo = l.lowerBound(lo, len(text), []byte{byte(b)})
		l.first[b] = uint32(lo)
	}
	l.first[256] = uint32(len(text))
	return l
}

// lowerBound returns the offset of the first line in text[lo:hi] (lo and
// hi at line starts) whose word is f or greater, or hi.
func (l *sortedLines) lowerBound(lo, hi int, f []byte) int {
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		s := strings.LastIndexByte(l.text[lo:m], '\n') + 1 + lo // the start of the line holding m
		if l.compareAt(s, f) >= 0 {
			hi = s
			continue
		}
		e := strings.IndexByte(l.text[m:hi], '\n')
		if e < 0 {
			return hi
		}
		lo = m + e + 1
	}
	return lo
}

// find returns the rest of the line whose word is f.
func (l *sortedLines) find(f []byte) (string, bool) {
	if len(f) == 0 {
		return "", false
	}
	hi := int(l.first[int(f[0])+1])
	i := l.lowerBound(int(l.first[f[0]]), hi, f)
	if i == hi || l.compareAt(i, f) != 0 {
		return "", false
	}
	s := l.text[i+len(f):]
	if j := strings.IndexByte(s, '\n'); j >= 0 {
		s = s[:j]
	}
	if len(s) > 0 { // the space after the word
		s = s[1:]
	}
	return s, true
}

// compareAt compares the word of the line at offset i with f, byte by
// byte up to the space or line end that ends the word.
func (l *sortedLines) compareAt(i int, f []byte) int {
	t := l.text
	for j := 0; ; j++ {
		end := i+j >= len(t) || t[i+j] == ' ' || t[i+j] == '\n'
		switch {
		case end && j == len(f):
			return 0
		case end:
			return -1
		case j == len(f):
			return 1
		case t[i+j] != f[j]:
			if t[i+j] < f[j] {
				return -1
			}
			return 1
		}
	}
}

// len counts the lines (for Sizes: it reads the whole text).
func (l *sortedLines) len() int {
	return strings.Count(l.text[l.start:], "\n") + boolInt(len(l.text) > l.start && l.text[len(l.text)-1] != '\n')
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// lookupStats reads the classes of folded word f from name_stats.txt:
// "name GS[w]" lines, sorted by name.
func lookupStats(l *sortedLines, f []byte) (wordStats, bool) {
	c, ok := l.find(f)
	if !ok || len(c) < 2 || c[0] < '0' || c[0] > '9' || c[1] < '0' || c[1] > '9' {
		return wordStats{}, false
	}
	return wordStats{given: c[0] - '0', surname: c[1] - '0', common: len(c) > 2 && c[2] == 'w'}, true
}
