// Package aho is an Aho-Corasick automaton that reports every occurrence
// of every word, with its position, in one pass over the text, ignoring
// ASCII case, without allocating.
//
// It replaces github.com/cloudflare/ahocorasick in the detector. That
// package answers which words occur (MatchThreadSafe allocates its result;
// Match is not safe for concurrent use) and needs an ASCII-lower-cased copy
// of the text, so the detector had to lower-case every line, run the
// automaton, then locate each reported word again with bytes.Index. This
// automaton is a dense DFA over byte classes: case folding is in the class
// table (A-Z map to the classes of a-z), so it reads the text as it is; each
// step is one table load; states with output are numbered last, so the hot
// loop tests one comparison per byte; and the output lists give each
// occurrence's word, hence its start and end, directly.
//
// At the root, Scan passes over bytes that start no word without stepping,
// and, inside a word, over bytes that start only words that count at a word
// start (keywords): most bytes of a log line. (A variant with a separate
// automaton for such words, whose failure links never lead inside a word,
// stays at the root longer but needs a second pass for the other words; it
// measured slower on logs.)
package aho

import "slices"

// Matcher is a compiled set of words. It is immutable and safe for
// concurrent use.
type Matcher struct {
	class   [256]uint8
	stride  int32
	trans   []int32 // premultiplied next-state offsets (state*stride)
	outFrom int32   // offsets >= outFrom have output
	// outs of output state (offset-outFrom)/stride are
	// outList[outIndex[k]:outIndex[k+1]].
	outIndex []int32
	outList  []int32
	lens     []int32
	words    int
	// skip[c] tells Scan, at the root, to pass over byte c: bit 1 when no
	// word starts with it, bit 2 when only words that need a word start do.
	skip [256]uint8
}

const (
	skipAlways  = 1
	skipInWord  = 2
	asciiLetter = 4 // lower-case ASCII letter
	asciiUpper  = 8
	asciiDigit  = 16
)

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
	// other byte is class 0.
	var used [256]bool
	for _, w := range words {
		for _, c := range w {
			used[c] = true
		}
	}
	n := 1
	for c := range 256 {
		if used[c] && !(c >= 'A' && c <= 'Z') {
			m.class[c] = uint8(n)
			n++
		}
	}
	for c := 'A'; c <= 'Z'; c++ {
		if used[c+32] {
			m.class[c] = m.class[c+32]
		} else if used[c] {
			// An upper-case letter in a word: never matched as such (the
			// text is folded); give it a class of its own that no input
			// byte maps to.
		}
	}
	stride := int32(n)
	m.stride = stride

	// The trie, by class.
	type node struct {
		next []int32 // by class; -1 none
		fail int32
		outs []int32
	}
	newNode := func() node {
		nx := make([]int32, stride)
		for i := range nx {
			nx[i] = -1
		}
		return node{next: nx}
	}
	nodes := []node{newNode()}
	for wi, w := range words {
		m.lens[wi] = int32(len(w))
		if len(w) == 0 {
			continue
		}
		at := int32(0)
		ok := true
		for _, c := range w {
			if c >= 'A' && c <= 'Z' {
				ok = false // cannot match folded text
				break
			}
			k := m.class[c]
			if nodes[at].next[k] < 0 {
				nodes = append(nodes, newNode())
				nodes[at].next[k] = int32(len(nodes) - 1)
			}
			at = nodes[at].next[k]
		}
		if ok {
			nodes[at].outs = append(nodes[at].outs, int32(wi))
		}
	}
	// Failure links and full transitions, breadth first.
	queue := []int32{}
	for k := int32(0); k < stride; k++ {
		if nx := nodes[0].next[k]; nx >= 0 {
			nodes[nx].fail = 0
			queue = append(queue, nx)
		} else {
			nodes[0].next[k] = 0
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		f := nodes[s].fail
		nodes[s].outs = append(nodes[s].outs, nodes[f].outs...)
		for k := int32(0); k < stride; k++ {
			if nx := nodes[s].next[k]; nx >= 0 {
				nodes[nx].fail = nodes[f].next[k]
				queue = append(queue, nx)
			} else {
				nodes[s].next[k] = nodes[f].next[k]
			}
		}
	}
	// Renumber: the root first, then states without output, then states
	// with output.
	num := make([]int32, len(nodes))
	next := int32(0)
	for i := range nodes {
		if len(nodes[i].outs) == 0 {
			num[i] = next
			next++
		}
	}
	outFrom := next
	var order []int32
	for i := range nodes {
		if len(nodes[i].outs) > 0 {
			num[i] = next
			next++
			order = append(order, int32(i))
		}
	}
	m.trans = make([]int32, len(nodes)*int(stride))
	for i := range nodes {
		for k := int32(0); k < stride; k++ {
			m.trans[num[i]*stride+k] = num[nodes[i].next[k]] * stride
		}
	}
	m.outFrom = outFrom * stride
	if len(order) == 0 {
		m.outFrom = int32(len(m.trans)) + 1
	}
	m.outIndex = make([]int32, 0, len(order)+1)
	for _, i := range order {
		m.outIndex = append(m.outIndex, int32(len(m.outList)))
		outs := slices.Clone(nodes[i].outs)
		slices.Sort(outs)
		m.outList = append(m.outList, outs...)
	}
	m.outIndex = append(m.outIndex, int32(len(m.outList)))
	var anywhere [256]bool // starts a word that may start inside a word
	for wi, w := range words {
		if len(w) > 0 && (wi >= len(bounded) || !bounded[wi]) {
			anywhere[w[0]] = true
			if w[0] >= 'a' && w[0] <= 'z' {
				anywhere[w[0]-32] = true
			}
		}
	}
	for c := range 256 {
		if m.trans[m.class[c]] == 0 {
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

// Len returns the number of words.
func (m *Matcher) Len() int { return m.words }

// States returns the number of states.
func (m *Matcher) States() int { return len(m.trans) / int(m.stride) }

// Scan calls fn for every occurrence of every word in text, in order of
// end, then word index: fn(word, start, end).
func (m *Matcher) Scan(text []byte, fn func(word, start, end int)) {
	m.ScanRange(text, 0, len(text), 0, fn)
}

// ScanRange is Scan over text[from:to], resuming in state st (0 at the
// start of a text): it reports the occurrences that end in [from, to], at
// offsets in text, and returns the state to resume from at to. Scanning a
// long text range by range keeps each range in the cache for the other
// passes made over it.
func (m *Matcher) ScanRange(text []byte, from, to int, st int32, fn func(word, start, end int)) int32 {
	trans, class, outFrom, skip := m.trans, &m.class, m.outFrom, &m.skip
	for i := from; i < to; i++ {
		if st == 0 {
			// At the root: pass over bytes that start no word, and over
			// bytes inside a word that start only words needing a word
			// start.
			for {
				k := skip[text[i]]
				if k&skipAlways == 0 {
					if k&skipInWord == 0 || i == 0 {
						break
					}
					p := skip[text[i-1]]
					if p&(asciiLetter|asciiUpper|asciiDigit) == 0 || p&asciiLetter != 0 && k&asciiUpper != 0 {
						break
					}
				}
				if i++; i == to {
					return 0
				}
			}
		}
		st = trans[st+int32(class[text[i]])]
		if st >= outFrom {
			k := (st - outFrom) / m.stride
			for _, w := range m.outList[m.outIndex[k]:m.outIndex[k+1]] {
				fn(int(w), i+1-int(m.lens[w]), i+1)
			}
		}
	}
	return st
}

// Contains reports whether any word occurs in text.
func (m *Matcher) Contains(text []byte) bool {
	trans, class, outFrom := m.trans, &m.class, m.outFrom
	st := int32(0)
	for i := 0; i < len(text); i++ {
		st = trans[st+int32(class[text[i]])]
		if st >= outFrom {
			return true
		}
	}
	return false
}
