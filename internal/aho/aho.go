// Package aho finds every occurrence of every word of a set, with its
// position, in one pass over the text, ignoring ASCII case, without
// allocating: the keyword and literal search of the detector.
//
// It replaces github.com/cloudflare/ahocorasick in the detector. That
// package answers which words occur (MatchThreadSafe allocates its result;
// Match is not safe for concurrent use) and needs an ASCII-lower-cased copy
// of the text, so the detector had to lower-case every line, run the
// automaton, then locate each reported word again with bytes.Index. This
// package reads the text as it is: case folding is in its byte-class
// tables (A-Z map to the classes of a-z), and each occurrence is reported
// with its word, start and end.
//
// # Anchored words and free words
//
// Most words of a catalog are keywords that only count at a word start
// (NewBounded): not right after an ASCII letter or digit, unless at a
// change from lower to upper case. In a log, a word start is one byte in
// five or six, and few of them begin a keyword. Such words (up to
// maxAnchored bytes: the anchored words) form a trie (trie.go) that is
// walked from its root at each word start whose first two bytes begin one
// of them, without failure links: the walk reports the words that end on
// its way and stops at the first byte no word continues with, usually
// after two or three steps. Its first two levels are one small table
// indexed by the classes of two ASCII bytes; below them, a node finds its
// child on a byte by a 64-bit map of the classes it has children on and a
// popcount (children are numbered breadth first, so a node's are
// consecutive, in order of class), without a loop or a branch per child.
//
// The other words, the free words (literals that may start inside a word,
// such as "@" or "strasse", and bounded words too long for the trie), form
// a small Aho-Corasick automaton (automaton.go): a dense table for ASCII
// bytes, goto edges and failure links for the others. It is run from its
// root at each offset whose two bytes begin a free word (or whose byte is
// one) and, for the free words of three bytes or more, whose first three
// or four bytes may be those of one (the filter below), until it is back
// at its root. Since its state would be the root at every other offset,
// the runs report exactly what one run over the whole text would.
//
// Both are laid out from one first form (build.go): the words' bytes
// numbered as classes, and a trie built from the words in sorted order
// with children as lists.
//
// Both kinds of start are found without stepping through the text byte by
// byte: for each block of 64 offsets, nearBlocks reads, for each offset,
// one byte of a table indexed by a pair of bytes (near) and gathers each
// of its top five bits into a mask of the block: an anchored word may
// start at the second byte (a word starts there, and anchored words start
// with that byte), a free word or an anchored word starts with the pair,
// and the caller's two marks (below). A filter (filter.go) then looks at
// the first four bytes of each start, without a branch on the text: one
// load of a table of 64-bit words, the word for a hash of the first three
// bytes and its bit for the fourth byte's class, and two bits of near (a
// word of one or two bytes, or of three, begins with the pair); in a log,
// most walks stopped at the third or fourth byte having reported nothing,
// and eleven in twelve are no longer taken (of 299,000 starts a loghub
// pass, 27,000 are walked; of 111,000 free starts, 8,000 are run from).
// The scan then visits only the starts the filter keeps: about one offset
// in 130 in a log, most blocks none.
//
// On amd64 nearBlocks is assembly (near64_amd64.s), up to four blocks a
// call: each pair is one 16-bit load, the index of its byte, which PINSRW
// inserts into a word of a vector (16 bits from near: near has a byte
// after its last pair's), the even and odd pairs' vectors joined into 16
// bytes; each kind of bit is taken by PMOVMSKB from the top of each byte,
// 16 offsets at a time with SSE2 (which every amd64 processor has) or 32
// with AVX2 where the processor has it (CPUID), the bytes then added to
// themselves to bring up the next bit; the marks are stored and the filter
// run in the same call. The last block of a text reads its last 65 bytes
// and shifts the masks; only a text of fewer than 65 bytes is copied, and
// a block that needs only half of its pairs reads half. Elsewhere (and
// with the purego build tag) it is Go (nearBlocksGo, with nearBlockGo,
// which packs the bits of eight offsets at a time by a multiplication, and
// filterStartsGo); under WebAssembly nearBlockGo is written out without
// its loop (near64_unrolled.go: Go's WebAssembly code sends every turn of
// a loop through the function's dispatch). They are tested against each
// other in one binary (TestNearBlocksAgainstGo, TestNearBlocksSSE2,
// FuzzNearBlocks; the unrolled form with -tags purego,nearunrolled). Two bits
// of the table are the caller's (NewMarked): predicates of a byte pair
// that ScanRangeMarks reports as masks of offsets, so that a caller that
// needs other kinds of byte (the detector: class-run triggers, starts of
// whole-text patterns) finds them in the same pass instead of its own.
//
// # Cost
//
// A scan is linear in the text: the free automaton steps once per byte of
// its runs (runs do not overlap), and each walk of the trie takes at most
// maxAnchored steps. (A text made of word starts that each begin a long
// prefix of an anchored word costs up to that many steps per word start;
// logs cost about two.) This package used to run one Aho-Corasick
// automaton over all words, skipping bytes at its root: with the managed
// catalog its table took 4.6 MB (a row per prefix of every keyword), and
// its failure links led into prefixes of keywords inside words, which
// never count, so a walk entered at a word start went on through the
// word. The trie and the small automaton take under a fifth of that
// memory, build in about half the time, and scan loghub about a sixth
// faster on their own. Finding the starts then took most of the time, in a
// loop of Go that looked up a table byte per offset and packed five kinds
// of bit by multiplications, and most walks failed at the third byte.
// With the block kernel in assembly and a filter of the walks, the
// keyword pass over loghub with the managed catalog took 41% fewer
// instructions, the detector's whole scan 17% fewer. With the filter of
// one load per start run in the same assembly call as the kernel (for the
// free runs too), PINSRW and AVX2, a call per up to four blocks, and the
// marks stored there, the pass over loghub with the catalog takes 36%
// fewer instructions again (BenchmarkScanCatalog; 74 to 47 million a
// pass), the detector's whole scan 12% fewer (valgrind's cachegrind).
package aho

import "math/bits"

// maxAnchored is the longest word the trie holds; longer bounded words
// join the free words, so that a walk from one word start costs at most
// maxAnchored steps.
const maxAnchored = 128

// Matcher is a compiled set of words. It is immutable and safe for
// concurrent use.
type Matcher struct {
	words int
	lens  []int32
	trie  trie       // the anchored words
	free  *automaton // the free words, nil when none
	// near[b|c<<8] holds the bits near* below for the pair of bytes b, c.
	// nearBlock gathers the top five, one mask per kind, for every offset
	// of a block; the others are read for the candidates alone.
	near pairTable
	// filters drops most of the starts near finds where no word starts
	// (filter.go).
	filters filters
}

// New compiles words. A word's ASCII letters must be lower-case (it then
// matches any case); other bytes match exactly. Empty words never match.
func New(words [][]byte) *Matcher { return NewBounded(words, nil) }

// NewBounded is New for words some of which only count where they start a
// word (bounded[i] for word i): not right after an ASCII letter or digit,
// unless at a change from a lower-case letter to an upper-case one
// ("userSsn"). Scan may skip such an occurrence inside a word; it may also
// report it, so the caller checks.
func NewBounded(words [][]byte, bounded []bool) *Matcher {
	return NewMarked(words, bounded, [2]func(b, c byte) bool{})
}

// NewMarked is NewBounded with two marks: predicates of a byte and the one
// before it, which ScanRangeMarks reports for every offset of the text in
// the same pass that finds the words (a caller's own candidate bytes, such
// as those that may start a pattern, found without another pass over the
// text). A nil mark never holds.
func NewMarked(words [][]byte, bounded []bool, marks [2]func(b, c byte) bool) *Matcher {
	m := &Matcher{words: len(words), lens: make([]int32, len(words))}
	for k, mark := range marks {
		if mark == nil {
			continue
		}
		for x := range 1 << 16 {
			if mark(byte(x), byte(x>>8)) {
				m.near[x] |= nearMark0 >> k
			}
		}
	}
	var anchored, free []int32
	for wi, w := range words {
		m.lens[wi] = int32(len(w))
		switch {
		case len(w) == 0 || !matchable(w):
		case wi < len(bounded) && bounded[wi] && len(w) <= maxAnchored:
			anchored = append(anchored, int32(wi))
		default:
			free = append(free, int32(wi))
		}
	}
	m.trie = newTrie(words, anchored)
	if len(free) > 0 {
		m.free = newAutomaton(words, free)
	}

	t := &m.trie
	for c := range 256 {
		var s int32
		if k := t.class[c]; k != 0 {
			s = t.child(0, k)
		}
		if s == 0 {
			continue
		}
		for b := range 256 {
			if startsWord(byte(b), byte(c)) {
				m.near[b|c<<8] |= nearStart
			}
		}
		nd := &t.nodes[s]
		for d := range 256 {
			if nd.outEnd > nd.out || t.class[d] != 0 && t.child(s, t.class[d]) != 0 {
				m.near[c|d<<8] |= nearPair
			}
		}
	}
	for _, wi := range free {
		w := words[wi]
		short := uint8(0)
		if len(w) <= 2 {
			short = nearFreeShort
		} else {
			m.filters.addFree(w)
		}
		for _, c := range foldings(w[0]) {
			if len(w) == 1 {
				for d := range 256 {
					m.near[int(c)|d<<8] |= nearFree | short
				}
				continue
			}
			for _, d := range foldings(w[1]) {
				m.near[int(c)|int(d)<<8] |= nearFree | short
			}
		}
	}
	m.finish()
	return m
}

// startsWord reports whether a word starts at byte c after byte b: b is no
// ASCII letter or digit, or c changes the case from lower to upper.
func startsWord(b, c byte) bool {
	return !isASCIIWordByte(b) || isLowerByte(b) && isUpperByte(c)
}

// foldings returns the bytes a word's byte matches: both cases of a
// lower-case ASCII letter.
func foldings(c byte) []byte {
	if c >= 'a' && c <= 'z' {
		return []byte{c, c - 32}
	}
	return []byte{c}
}

func isASCIIWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isLowerByte(c byte) bool { return c >= 'a' && c <= 'z' }

func isUpperByte(c byte) bool { return c >= 'A' && c <= 'Z' }

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

// States returns the number of trie nodes and automaton states.
func (m *Matcher) States() int {
	n := len(m.trie.nodes)
	if m.free != nil {
		n += m.free.states()
	}
	return n
}

// Bytes returns the memory the tables take.
func (m *Matcher) Bytes() int {
	n := m.trie.bytes() + 4*len(m.lens) + len(m.near) + m.filters.bytes()
	if m.free != nil {
		n += m.free.bytes()
	}
	return n
}

// Scan calls fn for every occurrence of every word in text:
// fn(word, start, end). The order of the calls is unspecified.
func (m *Matcher) Scan(text []byte, fn func(word, start, end int)) {
	m.ScanRange(text, 0, len(text), 0, fn)
}

// ScanRange is Scan over text[from:to], for a scan of a long text range
// by range (which keeps each range in the cache for the other passes made
// over it): each range resumes from the result of the call for the range
// before (0 for the first) and returns the value to resume from at to.
// Together the calls report every occurrence once; a call reports those
// that start in [from, to) and were not reported before. It may read text
// beyond to.
func (m *Matcher) ScanRange(text []byte, from, to, resume int, fn func(word, start, end int)) int {
	return m.ScanRangeMarks(text, from, to, resume, [2][]uint64{}, fn)
}

// ScanRangeMarks is ScanRange that also reports the marks of NewMarked:
// it stores in marks[k][p/64], for each multiple p of 64 in [from, to), the
// mask of the offsets q in [max(p, 1), min(p+64, to)) where mark k holds
// for text[q-1], text[q] (bit q%64). from must be a multiple of 64, and
// marks[k] hold (to+63)/64 words, or be nil to have mark k ignored.
func (m *Matcher) ScanRangeMarks(text []byte, from, to, resume int, marks [2][]uint64, fn func(word, start, end int)) int {
	done := resume // the free automaton has run up to done
	var out [blocksPerCall]blockStarts
	for lo := from; lo < to; {
		// The pair before lo, for the starts and marks at lo: at the start
		// of the text, an anchored word may start there when one starts
		// with its first byte.
		var carry uint8
		if lo > 0 {
			carry = m.near[uint16(text[lo-1])|uint16(text[lo])<<8]
		} else if m.trie.first[text[0]] != 0 {
			carry = nearStart
		}
		// The blocks from lo (a text of fewer than 65 bytes copied, with 0s
		// after it).
		t := text[lo:]
		if len(t) < 65 {
			var short [64 + 16]byte
			copy(short[:], t)
			t = short[:]
		}
		// nearBlocks stops at the end of out, of the limit, and of the marks
		// (each holds a word for every block to to): the marks are passed
		// from lo on, without an end of their own to compute.
		var m0, m1 []uint64
		if marks[0] != nil {
			m0 = marks[0][lo>>6:]
		}
		if marks[1] != nil {
			m1 = marks[1][lo>>6:]
		}
		n := nearBlocks(&m.near, &m.filters, t, carry, to-lo, m0, m1, out[:])
		for b, o := range out[:n] {
			if o.anchored|o.free == 0 {
				continue
			}
			p := lo + b<<6
			for free := o.free; free != 0; free &= free - 1 {
				if q := p + bits.TrailingZeros64(free); q >= done {
					done = m.free.run(text, q, m.lens, fn)
				}
			}
			for a := o.anchored; a != 0; a &= a - 1 {
				m.trie.walk(text, p+bits.TrailingZeros64(a), fn)
			}
		}
		lo += n << 6
	}
	return done
}

// blocksPerCall is the most blocks of 64 offsets ScanRangeMarks has
// nearBlocks find at a time.
const blocksPerCall = 4

// pairTable is near's table: a byte for each pair of bytes b, c at
// b|c<<8, and one more, 0, which nearBlocks may read (each pair's byte is
// read as the low byte of 16 bits).
type pairTable [1<<16 + 1]uint8

// The bits of near[b|c<<8], the top five in the order nearBlock returns
// their masks.
const (
	nearStart = 1 << 7 // an anchored word may start at c: a word starts there (startsWord) and an anchored word starts with c
	nearFree  = 1 << 6 // a free word starts with b, c, or is b
	nearPair  = 1 << 5 // an anchored word starts with b, c (or is b)
	nearMark0 = 1 << 4 // the caller's first mark holds for b, c (NewMarked)
	nearMark1 = 1 << 3 // the caller's second mark holds for b, c
	// nearFreeShort: a free word of one or two bytes starts with b, c or
	// is b (the filter, filter.go).
	nearFreeShort = 1 << 2
	// nearShort and nearThree are derived from the trie by finish (and
	// not written by AppendBinary): an anchored word of one or two bytes
	// starts with b, c or is b; an anchored word of three bytes starts with
	// b, c (the filter, filter.go).
	nearShort = 1 << 1
	nearThree = 1 << 0

	nearFreeBit = 6
	nearPairBit = 5
	// nearDerived are the bits finish computes.
	nearDerived = nearShort | nearThree
)

const (
	lowBits = 0x0101010101010101
	// gather moves bit 8k of a word to bit 56+k.
	gather = 0x0102040810204080
)
