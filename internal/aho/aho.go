// Package aho is an Aho-Corasick automaton that reports every occurrence
// of every word, with its position, in one pass over the text, ignoring
// ASCII case, without allocating.
//
// It replaces github.com/cloudflare/ahocorasick in the detector. That
// package answers which words occur (MatchThreadSafe allocates its result;
// Match is not safe for concurrent use) and needs an ASCII-lower-cased copy
// of the text, so the detector had to lower-case every line, run the
// automaton, then locate each reported word again with bytes.Index. This
// automaton reads the text as it is: case folding is in its byte-class
// table (A-Z map to the classes of a-z), and the output lists give each
// occurrence's word, hence its start and end, directly.
//
// # Layout
//
// ASCII bytes, nearly all of a log, step through a dense table: one row per
// state, one column per class of ASCII byte that occurs in a word (not one
// per class of any byte: the non-ASCII letters of a catalog's keywords
// would double the width), entries premultiplied by the row width, so a
// step is one load. States with output are numbered last, so the hot loop
// tests one comparison per byte. A byte outside ASCII that occurs in a word
// steps by the goto function and failure links, as the textbook automaton
// does: each row carries its state's failure link and the range of its
// non-ASCII goto edges in three extra columns. A failure step shortens the
// current match and every byte lengthens it by at most one, so such steps
// cost at most one per byte of the text in all: scans stay linear.
//
// At the root, Scan passes over bytes without stepping: a byte that starts
// no word; a byte that, with the byte after it, starts no word (nor is a
// word of one byte); and, inside a word, a byte that starts only words
// that count at a word start (keywords). That is most bytes of a log line.
// (A variant with a separate automaton for such words, whose failure links
// never lead inside a word, stays at the root longer but needs a second
// pass for the other words; it measured slower on logs.)
package aho

import (
	"bytes"
	"slices"
)

// Matcher is a compiled set of words. It is immutable and safe for
// concurrent use.
type Matcher struct {
	// class maps a byte to its class: ASCII bytes to [0, ascii), other
	// bytes that occur in a word to [ascii, 256), every other byte to 0.
	class [256]uint8
	ascii int32
	// width is the row width: the ascii columns, then the failure link
	// (an offset), then the start and end of the state's non-ASCII edges
	// in other.
	width   int32
	trans   []int32 // rows; transitions are offsets (state*width)
	other   []edge
	outFrom int32 // offsets >= outFrom have output
	// outs of output state (offset-outFrom)/width are
	// outList[outIndex[k]:outIndex[k+1]].
	outIndex []int32
	outList  []int32
	lens     []int32
	words    int
	// skip[c] tells Scan, at the root, which bytes it may pass over (see
	// the skip* bits); pairs has bit a<<8|b when a word of two bytes or more
	// starts with the ASCII-lower-cased bytes a, b.
	skip  [256]uint8
	pairs [1 << 16 / 64]uint64
}

// edge is a goto edge on a non-ASCII class.
type edge struct {
	class uint8
	next  int32 // offset
}

const (
	skipAlways  = 1 // starts no word
	skipInWord  = 2 // starts only words that need a word start
	asciiLetter = 4 // lower-case ASCII letter
	asciiUpper  = 8
	asciiDigit  = 16
	oneByteWord = 32 // is a word of one byte
)

// Columns after the ASCII classes in a row.
const (
	colFail = iota
	colOtherFrom
	colOtherTo
	extraCols
)

var lowerTable = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
		if i >= 'A' && i <= 'Z' {
			t[i] = byte(i + 32)
		}
	}
	return t
}()

// New compiles words. A word's ASCII letters must be lower-case (it then
// matches any case); other bytes match exactly. Empty words never match.
func New(words [][]byte) *Matcher { return NewBounded(words, nil) }

// NewBounded is New for words some of which only count where they start a
// word (bounded[i] for word i): not right after an ASCII letter or digit,
// unless at a change from a lower-case letter to an upper-case one
// ("userSsn"). Scan may skip such an occurrence inside a word; it may also
// report it, so the caller checks.
func NewBounded(words [][]byte, bounded []bool) *Matcher {
	m := &Matcher{words: len(words), lens: make([]int32, len(words))}
	// Byte classes: each byte that occurs in a word has its own class
	// (upper-case ASCII letters share their lower-case letter's); every
	// other byte is class 0. ASCII classes come first.
	var used [256]bool
	for _, w := range words {
		for _, c := range w {
			used[c] = true
		}
	}
	n := 1
	for c := range 256 {
		if c == 0x80 {
			m.ascii = int32(n)
		}
		if used[c] && !(c >= 'A' && c <= 'Z') {
			m.class[c] = uint8(n)
			n++
		}
	}
	for c := 'A'; c <= 'Z'; c++ {
		// An upper-case letter in a word never matches (the text is
		// folded): it keeps class 0, which a word's trie path never takes.
		m.class[c] = m.class[c+32]
	}
	a := m.ascii
	w := a + extraCols
	m.width = w

	// The trie, built from the words in sorted order: a word shares with
	// the word before it the nodes of their common prefix and adds one node
	// per byte after it (so the nodes are counted first). A node's children
	// are a list, in order of class. Words that cannot match (an upper-case
	// ASCII letter) take no node.
	sorted := make([]int32, 0, len(words))
	for wi, wd := range words {
		m.lens[wi] = int32(len(wd))
		if len(wd) > 0 && matchable(wd) {
			sorted = append(sorted, int32(wi))
		}
	}
	slices.SortFunc(sorted, func(x, y int32) int {
		if c := bytes.Compare(words[x], words[y]); c != 0 {
			return c
		}
		return int(x - y)
	})
	nodes, maxLen := int32(1), 0
	var prev []byte
	for _, wi := range sorted {
		wd := words[wi]
		nodes += int32(len(wd) - commonPrefix(prev, wd))
		maxLen = max(maxLen, len(wd))
		prev = wd
	}
	firstKid := make([]int32, nodes) // 0: none
	lastKid := make([]int32, nodes)
	sibling := make([]int32, nodes)
	label := make([]uint8, nodes)
	ownFrom := make([]int32, nodes) // words ending at node k: ownList[ownFrom[k]:ownFrom[k+1]] after the pass below
	path := make([]int32, maxLen+1)
	ends := make([]int32, len(sorted)) // node of each sorted word
	created, prev := int32(1), nil
	for i, wi := range sorted {
		wd := words[wi]
		for d := commonPrefix(prev, wd); d < len(wd); d++ {
			at := path[d]
			label[created] = m.class[wd[d]]
			if firstKid[at] == 0 {
				firstKid[at] = created
			} else {
				sibling[lastKid[at]] = created
			}
			lastKid[at] = created
			path[d+1] = created
			created++
		}
		ends[i] = path[len(wd)]
		ownFrom[path[len(wd)]]++
		prev = wd
	}
	// ownFrom to offsets, then ownList by node (words of a node in
	// sorted order, then by index: duplicates are adjacent).
	total := int32(0)
	for k := range ownFrom {
		n := ownFrom[k]
		ownFrom[k] = total
		total += n
	}
	ownFrom = append(ownFrom, total)
	ownList := make([]int32, total)
	fill := slices.Clone(ownFrom)
	for i, wi := range sorted {
		ownList[fill[ends[i]]] = wi
		fill[ends[i]]++
	}

	// Breadth first, each node gets its final number when it is queued:
	// nodes without output count up from the root, nodes with output
	// count down from the last number, so that the latter are numbered
	// last (a node's output is known when it is queued: its own words and
	// its failure state's, which is shallower). Its row is its failure
	// state's (complete, being shallower) with its children written over.
	m.trans = make([]int32, int(nodes)*int(w))
	trans := m.trans
	num := make([]int32, nodes)      // final number, by node
	fail := make([]int32, nodes)     // final number of the failure state, by final number
	outs := make([][]int32, nodes)   // output words, by final number
	queue := make([]int32, 0, nodes) // nodes
	low, high := int32(1), nodes-1   // next numbers without and with output
	isOut := func(n int32) bool { return n > high }
	queue = append(queue, 0)
	for q := 0; q < len(queue); q++ {
		s := queue[q]
		ns := num[s]
		f := fail[ns]
		row := trans[ns*w : (ns+1)*w]
		if ns != 0 {
			copy(row[:a], trans[f*w:f*w+a])
		}
		otherFrom := int32(len(m.other))
		for c := firstKid[s]; c != 0; c = sibling[c] {
			k := int32(label[c])
			var fc int32 // the child's failure state
			switch {
			case ns == 0:
				fc = 0
			case k < a:
				fc = row[k] / w // the failure state's transition, not yet overwritten
			default:
				fc = m.stepOther(f*w, uint8(k)) / w
			}
			own := ownList[ownFrom[c]:ownFrom[c+1]]
			var nc int32
			if len(own) > 0 || isOut(fc) {
				nc = high
				high--
				o := outs[fc]
				if len(own) > 0 {
					o = append(slices.Clone(own), o...)
					slices.Sort(o)
				}
				outs[nc] = o
			} else {
				nc = low
				low++
			}
			num[c], fail[nc] = nc, fc
			if k < a {
				row[k] = nc * w
			} else {
				m.other = append(m.other, edge{uint8(k), nc * w})
			}
			queue = append(queue, c)
		}
		row[a+colFail] = f * w
		row[a+colOtherFrom] = otherFrom
		row[a+colOtherTo] = int32(len(m.other))
	}
	outFrom := low
	m.outFrom = outFrom * w
	if outFrom == nodes {
		m.outFrom = int32(len(m.trans)) + 1
	}
	m.outIndex = make([]int32, 0, nodes-outFrom+1)
	for n := outFrom; n < nodes; n++ {
		m.outIndex = append(m.outIndex, int32(len(m.outList)))
		m.outList = append(m.outList, outs[n]...)
	}
	m.outIndex = append(m.outIndex, int32(len(m.outList)))

	// Skips at the root.
	var anywhere [256]bool // starts a word that may start inside a word
	var starts [256]bool
	for wi, w := range words {
		if len(w) == 0 || !matchable(w) {
			continue
		}
		for _, c := range []byte{w[0], lowerTable[w[0]] - 32} {
			if lowerTable[c] != w[0] {
				continue
			}
			starts[c] = true
			if wi >= len(bounded) || !bounded[wi] {
				anywhere[c] = true
			}
			if len(w) == 1 {
				m.skip[c] |= oneByteWord
			}
		}
		if len(w) >= 2 {
			p := int(w[0])<<8 | int(w[1])
			m.pairs[p>>6] |= 1 << (p & 63)
		}
	}
	for c := range 256 {
		if !starts[c] {
			m.skip[c] |= skipAlways
		}
		if !anywhere[c] {
			m.skip[c] |= skipInWord
		}
		switch {
		case c >= 'a' && c <= 'z':
			m.skip[c] |= asciiLetter
		case c >= 'A' && c <= 'Z':
			m.skip[c] |= asciiUpper
		case c >= '0' && c <= '9':
			m.skip[c] |= asciiDigit
		}
	}
	return m
}

// commonPrefix returns the length of the common prefix of a and b.
func commonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// matchable reports whether a word can match folded text: it holds no
// upper-case ASCII letter.
func matchable(w []byte) bool {
	for _, c := range w {
		if c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return true
}

// Len returns the number of words.
func (m *Matcher) Len() int { return m.words }

// States returns the number of states.
func (m *Matcher) States() int { return len(m.trans) / int(m.width) }

// Bytes returns the memory the automaton's tables take.
func (m *Matcher) Bytes() int {
	return 4*(len(m.trans)+len(m.outIndex)+len(m.outList)+len(m.lens)) + 8*len(m.other) + len(m.pairs)*8 + 512
}

// Scan calls fn for every occurrence of every word in text, in order of
// end, then word index: fn(word, start, end).
func (m *Matcher) Scan(text []byte, fn func(word, start, end int)) {
	m.ScanRange(text, 0, len(text), 0, fn)
}

// ScanRange is Scan over text[from:to], resuming in state st (0 at the
// start of a text): it reports the occurrences that end in [from, to], at
// offsets in text, and returns the state to resume from at to, for a scan
// of the same text from there. Scanning a long text range by range keeps
// each range in the cache for the other passes made over it.
func (m *Matcher) ScanRange(text []byte, from, to int, st int32, fn func(word, start, end int)) int32 {
	trans, class, outFrom, skip, pairs := m.trans, &m.class, m.outFrom, &m.skip, &m.pairs
	for i := from; i < to; i++ {
		if st == 0 {
			// At the root: pass over the bytes that start no word (see the
			// package doc).
			for {
				c := text[i]
				k := skip[c]
				if k&skipAlways == 0 {
					pass := false
					if k&oneByteWord == 0 && i+1 < len(text) {
						p := int(lowerTable[c])<<8 | int(lowerTable[text[i+1]])
						pass = pairs[p>>6]&(1<<(p&63)) == 0
					}
					if !pass {
						if k&skipInWord == 0 || i == 0 {
							break
						}
						q := skip[text[i-1]]
						if q&(asciiLetter|asciiUpper|asciiDigit) == 0 || q&asciiLetter != 0 && k&asciiUpper != 0 {
							break
						}
					}
				}
				if i++; i == to {
					return 0
				}
			}
		}
		if c := text[i]; c < 0x80 {
			st = trans[st+int32(class[c])]
		} else {
			st = m.stepOther(st, class[c])
		}
		if st >= outFrom {
			k := (st - outFrom) / m.width
			for _, w := range m.outList[m.outIndex[k]:m.outIndex[k+1]] {
				fn(int(w), i+1-int(m.lens[w]), i+1)
			}
		}
	}
	return st
}

// stepOther returns the transition of state st on a byte outside ASCII of
// class k, by the goto edges and failure links.
func (m *Matcher) stepOther(st int32, k uint8) int32 {
	if k == 0 {
		return 0
	}
	trans, a := m.trans, m.ascii
	for {
		for _, e := range m.other[trans[st+a+colOtherFrom]:trans[st+a+colOtherTo]] {
			if e.class == k {
				return e.next
			}
		}
		if st == 0 {
			return 0
		}
		st = trans[st+a+colFail]
	}
}

// Contains reports whether any word occurs in text.
func (m *Matcher) Contains(text []byte) bool {
	trans, class, outFrom := m.trans, &m.class, m.outFrom
	st := int32(0)
	for _, c := range text {
		if c < 0x80 {
			st = trans[st+int32(class[c])]
		} else {
			st = m.stepOther(st, class[c])
		}
		if st >= outFrom {
			return true
		}
	}
	return false
}
