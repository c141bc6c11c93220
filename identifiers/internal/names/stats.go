package names

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"io"
	"strings"
)

// wordStats is what the lists say of one folded word.
type wordStats struct {
	// given and surname are frequency classes, 0 (not listed) to 9 (a
	// million people or more), about a factor 3.2 per step.
	given, surname uint8
	// common marks a word that is also a lower-case English word (Will,
	// Grace, Brown, Service).
	common bool
}

// sortedLines is a sorted list of words held as one text and the offsets
// of its lines: no pointer per word, so it loads and collects cheaply. A
// line is a word, optionally followed by a space and data. An index by the
// first two bytes of the word narrows a search to the lines that share
// them: a binary search of a few hundred lines, not of all.
type sortedLines struct {
	text string
	offs []uint32 // line starts
	// first[p] is the first line whose word's two-byte prefix (see prefix)
	// is p or more; first[len(first)-1] is the number of lines.
	first []uint32
}

// prefix is the index key of a word: its first two bytes (0 for a missing
// one), which orders words as they are sorted.
func prefix[S string | []byte](w S) int {
	switch len(w) {
	case 0:
		return 0
	case 1:
		return int(w[0]) << 8
	}
	return int(w[0])<<8 | int(w[1])
}

// newSortedLines indexes the non-empty, non-comment lines of text, which
// must be sorted by word.
func newSortedLines(text string) sortedLines {
	l := sortedLines{text: text, offs: make([]uint32, 0, strings.Count(text, "\n")+1), first: make([]uint32, 1<<16+1)}
	next := 0 // the next prefix whose first line is not set
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			j = len(text) - i
		}
		if j > 0 && text[i] != '#' {
			w := text[i : i+j]
			if k := strings.IndexByte(w, ' '); k >= 0 {
				w = w[:k]
			}
			for p := prefix(w); next <= p; next++ {
				l.first[next] = uint32(len(l.offs))
			}
			l.offs = append(l.offs, uint32(i))
		}
		i += j + 1
	}
	for ; next < len(l.first); next++ {
		l.first[next] = uint32(len(l.offs))
	}
	return l
}

// line returns line k: its word and the rest after the space.
func (l *sortedLines) line(k int) (word, rest string) {
	s := l.text[l.offs[k]:]
	if j := strings.IndexByte(s, '\n'); j >= 0 {
		s = s[:j]
	}
	if j := strings.IndexByte(s, ' '); j >= 0 {
		return s[:j], s[j+1:]
	}
	return s, ""
}

// find returns the rest of the line whose word is f.
func (l *sortedLines) find(f []byte) (string, bool) {
	if len(l.first) == 0 {
		return "", false
	}
	p := prefix(f)
	lo, hi := int(l.first[p]), int(l.first[p+1])
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if l.compareAt(m, f) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == int(l.first[p+1]) || l.compareAt(lo, f) != 0 {
		return "", false
	}
	_, rest := l.line(lo)
	return rest, true
}

// compareAt compares the word of line k with f, byte by byte up to the
// space or line end that ends the word.
func (l *sortedLines) compareAt(k int, f []byte) int {
	t := l.text
	i := int(l.offs[k])
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

func (l *sortedLines) len() int { return len(l.offs) }

// lookupStats reads the classes of folded word f from name_stats.txt:
// "name GS[w]" lines, sorted by name.
func lookupStats(l *sortedLines, f []byte) (wordStats, bool) {
	c, ok := l.find(f)
	if !ok || len(c) < 2 || c[0] < '0' || c[0] > '9' || c[1] < '0' || c[1] > '9' {
		return wordStats{}, false
	}
	return wordStats{given: c[0] - '0', surname: c[1] - '0', common: len(c) > 2 && c[2] == 'w'}, true
}

// gunzip decompresses an embedded data file; the data is part of the
// binary, so a failure is a build defect (the list-size tests catch it) and
// yields empty text.
func gunzip(data []byte) string {
	if len(data) < 4 {
		return ""
	}
	r, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return ""
	}
	// The gzip trailer holds the size of the text.
	size := int(binary.LittleEndian.Uint32(data[len(data)-4:]))
	var b strings.Builder
	b.Grow(size)
	if _, err := io.Copy(&b, r); err != nil {
		return ""
	}
	return b.String()
}
