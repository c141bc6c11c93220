package aho

import (
	"slices"
)

// automaton is the Aho-Corasick automaton of the free words (see the
// package doc).
type automaton struct {
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
}

// edge is a goto edge on a non-ASCII class.
type edge struct {
	class uint8
	next  int32 // offset
}

// Columns after the ASCII classes in a row.
const (
	colFail = iota
	colOtherFrom
	colOtherTo
	extraCols
)

// newAutomaton compiles the words words[i] for i in which (all matchable,
// not empty).
func newAutomaton(words [][]byte, which []int32) *automaton {
	m := &automaton{}
	// Byte classes: ASCII classes come first (byteClasses numbers in byte
	// order), so the ASCII columns of a row are [0, ascii).
	class, used, _ := byteClasses(words, which)
	m.class = class
	m.ascii = 1
	for c := range 0x80 {
		if used[c] {
			m.ascii++
		}
	}
	a := m.ascii
	w := a + extraCols
	m.width = w

	lt := newListTrie(words, which, &m.class)
	nodes := int32(lt.nodes())

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
		for c := lt.firstKid[s]; c != 0; c = lt.sibling[c] {
			k := int32(lt.label[c])
			var fc int32 // the child's failure state
			switch {
			case ns == 0:
				fc = 0
			case k < a:
				fc = row[k] / w // the failure state's transition, not yet overwritten
			default:
				fc = m.stepOther(f*w, uint8(k)) / w
			}
			own := lt.words(c)
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
	return m
}

// states returns the number of states.
func (m *automaton) states() int { return len(m.trans) / int(m.width) }

// bytes returns the memory the tables take.
func (m *automaton) bytes() int {
	return 4*(len(m.trans)+len(m.outIndex)+len(m.outList)) + 8*len(m.other) + 256
}

// run steps from the root at text[p] until the automaton is back at the
// root or the text ends, reporting the words that end on the way, in
// order of end (then of word index; lens gives their lengths). It returns
// the offset where it stopped: the root's state holds there, as it would
// for a run from the start of the text.
func (m *automaton) run(text []byte, p int, lens []int32, fn func(word, start, end int)) int {
	trans, class, outFrom := m.trans, &m.class, m.outFrom
	st := int32(0)
	for i := p; i < len(text); i++ {
		if c := text[i]; c < 0x80 {
			st = trans[st+int32(class[c])]
		} else {
			st = m.stepOther(st, class[c])
		}
		if st >= outFrom {
			k := (st - outFrom) / m.width
			for _, w := range m.outList[m.outIndex[k]:m.outIndex[k+1]] {
				fn(int(w), i+1-int(lens[w]), i+1)
			}
		}
		if st == 0 {
			return i + 1
		}
	}
	return len(text)
}

// stepOther returns the transition of state st on a byte outside ASCII of
// class k, by the goto edges and failure links.
func (m *automaton) stepOther(st int32, k uint8) int32 {
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
