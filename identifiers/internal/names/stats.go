package names

import (
	"strings"
	"sync"
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

// sortedLines is a sorted list of words searched in place in its text:
// no decompression and no copy, so that it is ready as soon as the text is
// (the data files are embedded as they are stored). A line is a word,
// optionally followed by a space and data; comment and blank lines may
// only lead the text.
//
// The lines are indexed by the first byte of their word, each byte's lines
// on the first search of a word that starts with it (a first scan with a
// name reads a few of the 2.8 MB, not all): two binary searches over the
// text find where the byte's lines start and end, and not every line is
// indexed, only a sample: the first line that starts stride bytes or more
// after the previous sample (sampleStride, about one line in six, or more
// for a byte whose lines are so long that 65,535 samples would not cover
// them), found with one short forward search each. An index by the second
// byte of the word narrows a search to the samples that share it, a
// binary search finds the last sample before the word, and a walk of a few
// lines from it ends the search. The binary search compares each sample's
// first eight bytes (keys) with the word's, and reads the sample's line
// only when they are equal: that halved the lookups' cost of the Name
// scorer on logs.
type sortedLines struct {
	text  string
	start int // the offset of the first line, after the leading comment and blank lines
	once  [256]sync.Once
	index [256]*lineIndex // by the first byte of the word; nil until once[b] ran
}

// lineIndex indexes the lines whose word starts with one byte.
type lineIndex struct {
	samples []uint32 // offsets of the sampled lines, in order; at most 65,535
	// first[c] is the first sample whose word's second byte (0 when it has
	// one byte) is c or more; first[256] is len(samples).
	first [257]uint16
	// keys[k] is the key (see key) of sample k's word.
	keys []uint64
}

// sampleStride is the least distance in bytes between two sampled lines:
// the most a search walks after its binary search, a few lines.
const sampleStride = 64

// key is the first eight bytes of word w as a big-endian number, the
// missing bytes of a shorter word zero: keys order words as they are
// sorted (a word holds no zero byte, and a word that another extends is the
// smaller), where they differ.
func key[S string | []byte](w S) uint64 {
	if len(w) >= 8 {
		_ = w[7]
		return uint64(w[0])<<56 | uint64(w[1])<<48 | uint64(w[2])<<40 | uint64(w[3])<<32 |
			uint64(w[4])<<24 | uint64(w[5])<<16 | uint64(w[6])<<8 | uint64(w[7])
	}
	var k uint64
	for j := range 8 {
		k <<= 8
		if j < len(w) {
			k |= uint64(w[j])
		}
	}
	return k
}

// newSortedLines returns the list of text, which must be sorted by word
// after its leading comment and blank lines; it indexes nothing yet.
func newSortedLines(text string) *sortedLines {
	start := 0
	for start < len(text) && (text[start] == '#' || text[start] == '\n') {
		j := strings.IndexByte(text[start:], '\n')
		if j < 0 {
			start = len(text)
			break
		}
		start += j + 1
	}
	return &sortedLines{text: text, start: start}
}

// lineAtOrAfter returns the offset of the first line that starts at i or
// after (len(text) when none does).
func (l *sortedLines) lineAtOrAfter(i int) int {
	if i <= l.start {
		return l.start
	}
	j := strings.IndexByte(l.text[i-1:], '\n') // a line starting at i counts
	if j < 0 {
		return len(l.text)
	}
	return i + j
}

// firstLineFrom returns the offset of the first line whose word's first
// byte is b or more (len(text) when none is): a binary search over the
// text's offsets, each step a short forward search for a line start.
func (l *sortedLines) firstLineFrom(b int) int {
	lo, hi := l.start, len(l.text)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if i := l.lineAtOrAfter(m); i < len(l.text) && int(l.text[i]) < b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return l.lineAtOrAfter(lo)
}

// lines returns the index of the lines whose word starts with byte b,
// made on first use.
func (l *sortedLines) lines(b byte) *lineIndex {
	l.once[b].Do(func() {
		from := l.firstLineFrom(int(b))
		to := len(l.text)
		if b < 255 {
			to = l.firstLineFrom(int(b) + 1)
		}
		stride := max(sampleStride, (to-from)/(1<<16-2)+1)
		x := &lineIndex{
			samples: make([]uint32, 0, (to-from)/stride+1),
			keys:    make([]uint64, 0, (to-from)/stride+1),
		}
		next := 0 // the next second byte whose first sample is not set
		for i := from; i < to; {
			for c := l.secondAt(i); next <= c; next++ {
				x.first[next] = uint16(len(x.samples))
			}
			x.samples = append(x.samples, uint32(i))
			x.keys = append(x.keys, key(l.wordAt(i)))
			i += stride
			if i >= to {
				break
			}
			j := strings.IndexByte(l.text[i-1:to], '\n') // a line starting at i counts
			if j < 0 {
				break
			}
			i += j
		}
		for ; next < len(x.first); next++ {
			x.first[next] = uint16(len(x.samples))
		}
		l.index[b] = x
	})
	return l.index[b]
}

// wordAt returns the word of the line at offset i.
func (l *sortedLines) wordAt(i int) string {
	t := l.text[i:]
	for j := range len(t) {
		if t[j] == ' ' || t[j] == '\n' {
			return t[:j]
		}
	}
	return t
}

// secondAt is the second byte of the word of the line at offset i, 0
// when the word has one byte.
func (l *sortedLines) secondAt(i int) int {
	if t := l.text; i+1 < len(t) && t[i+1] != ' ' && t[i+1] != '\n' {
		return int(t[i+1])
	}
	return 0
}

// find returns the rest of the line whose word is f.
func (l *sortedLines) find(f []byte) (string, bool) {
	if len(f) == 0 {
		return "", false // no line's word is empty
	}
	x := l.lines(f[0])
	if len(x.samples) == 0 {
		return "", false
	}
	// The first sample whose word is f or more, among those that share its
	// second byte; the walk starts at the one before it (or at the first
	// line of f[0]).
	c := 0
	if len(f) > 1 {
		c = int(f[1])
	}
	lo, hi := int(x.first[c]), int(x.first[c+1])
	kf := key(f)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if k := x.keys[m]; k < kf || k == kf && l.compareAt(int(x.samples[m]), f) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	i := int(x.samples[max(lo-1, 0)])
	for {
		switch c := l.compareAt(i, f); {
		case c == 0:
			s := l.text[i+len(f):]
			if j := strings.IndexByte(s, '\n'); j >= 0 {
				s = s[:j]
			}
			if len(s) > 0 { // the space after the word
				s = s[1:]
			}
			return s, true
		case c > 0:
			return "", false
		}
		j := strings.IndexByte(l.text[i:], '\n')
		if j < 0 {
			return "", false
		}
		i += j + 1
		if i == len(l.text) {
			return "", false
		}
	}
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
	t := l.text[l.start:]
	n := strings.Count(t, "\n")
	if len(t) > 0 && t[len(t)-1] != '\n' {
		n++
	}
	return n
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
