package names

import (
	"bytes"
	"compress/gzip"
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

// freqTable is the sorted list of name_stats.txt: folded names and their
// classes, searched by binary search (a map of 224,000 words would cost
// several times the memory).
type freqTable struct {
	names []string
	stats []wordStats
}

// loadFreq parses name_stats.txt: "name GS[w]" lines, sorted by name.
func loadFreq(text string) *freqTable {
	t := &freqTable{}
	for _, line := range lines(text) {
		sp := strings.IndexByte(line, ' ')
		if sp < 1 || len(line) < sp+3 {
			continue
		}
		c := line[sp+1:]
		if c[0] < '0' || c[0] > '9' || c[1] < '0' || c[1] > '9' {
			continue
		}
		t.names = append(t.names, line[:sp])
		t.stats = append(t.stats, wordStats{given: c[0] - '0', surname: c[1] - '0', common: len(c) > 2 && c[2] == 'w'})
	}
	return t
}

// lookup returns the stats of folded word f.
func (t *freqTable) lookup(f []byte) (wordStats, bool) {
	i, ok := search(t.names, f)
	if !ok {
		return wordStats{}, false
	}
	return t.stats[i], true
}

// search finds f in the sorted list without converting it to a string.
func search(list []string, f []byte) (int, bool) {
	lo, hi := 0, len(list)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if compare(list[m], f) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(list) && compare(list[lo], f) == 0
}

func compare(a string, b []byte) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return len(a) - len(b)
}

// gunzip decompresses an embedded data file; the data is part of the
// binary, so a failure is a build defect and yields empty text.
func gunzip(data []byte) string {
	if len(data) == 0 {
		return ""
	}
	r, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return ""
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return ""
	}
	return string(out)
}
