package dfa

import "unsafe"

// # Memo: searches that cost linear time
//
// A leftmost-first search tries start positions in order and walks the
// automaton from each until it dies. For a pattern of bounded length a walk
// is at most that long; for an unbounded one (a lazy class loop such as
// [a-z ]+? followed by a word) a walk can run to the end of the text, and a
// search that tries every start, or is retried one character on after each
// rejected match, costs time quadratic in the text.
//
// Walks from different starts reach the same states: once a walk is in
// state q at position p, what follows depends only on q and the text from
// p, not on where the walk started. A Memo records, for the positions of a
// search window, the state the last long walk had there and the end of the
// last match that walk found beyond it; a later walk that reaches a
// position in the recorded state stops and takes the recorded result. The
// walks of one window then visit each (position, state) pair about once,
// and since walks from nearby starts meet within a few bytes in the
// patterns PII detection uses, a window costs time linear in its length.
// Results are exactly those without the Memo.

// memoAfter is the walk length from which a walk records itself: short
// walks (the common case) cost nothing extra.
const memoAfter = 64

// Memo is the scratch of searches over one window; see the section above.
// The zero Memo is ready; Reset prepares it for a window. A Memo is used by
// one goroutine at a time and may be reused for any automaton after Reset.
//
// The first long walk of a window is not recorded (a window often holds one
// long match, a private key block, and nothing to share); the later ones
// are. Recording costs 8 bytes per position a recorded walk reaches: the
// records are kept in pages of memoPage positions, made when a walk first
// reaches one and cleared by generation, so that a window of a large text
// (the whole text, for the whole-text patterns) costs memory and clearing
// for the stretches its walks reach, not for its length.
type Memo struct {
	lo, hi int // the window: positions lo..hi (hi is the text length)
	// long counts the long walks of the window; the records are valid
	// once it is 2 or more.
	long int
	// gen is the window's generation: a page's records are the window's
	// when the page has the same one (older ones read as empty).
	gen uint64
	// pages[k] holds the records of positions lo+k*memoPage on, or nil.
	pages []*memoRecords
	made  int // the pages made
}

// memoPage is the number of positions a page of records holds.
const memoPage = 1 << memoPageShift

const memoPageShift = 10

// memoRecords is a page of a Memo: state[p] is 1 + the state a recorded
// walk was in after the byte before the page's position p, or 0; end[p]
// is the end of the last match that walk found after it (ending beyond
// it), or -1, valid where state is not 0.
type memoRecords struct {
	gen   uint64
	state [memoPage]int32
	end   [memoPage]int32
}

// Reset prepares m for searches of b[lo:hi] where b has length hi: the
// automaton and the text must stay the same until the next Reset.
func (m *Memo) Reset(lo, hi int) {
	m.lo, m.hi, m.long = lo, hi, 0
}

// startLong counts a long walk and reports whether it is to be recorded,
// starting a new generation of records on the first recorded one.
func (m *Memo) startLong() bool {
	m.long++
	if m.long < 2 {
		return false
	}
	if m.long == 2 {
		m.gen++
	}
	return true
}

// page returns the page of records that holds position p of the window
// (p counted from lo), made or cleared for this generation as needed.
func (m *Memo) page(p int) *memoRecords {
	k := p >> memoPageShift
	if k < len(m.pages) {
		if r := m.pages[k]; r != nil && r.gen == m.gen {
			return r
		}
	}
	return m.pageSlow(k)
}

func (m *Memo) pageSlow(k int) *memoRecords {
	if k >= len(m.pages) {
		n := (m.hi-m.lo)>>memoPageShift + 1
		if cap(m.pages) < n {
			pages := make([]*memoRecords, n)
			copy(pages, m.pages)
			m.pages = pages
		}
		m.pages = m.pages[:n]
	}
	r := m.pages[k]
	if r == nil {
		r = new(memoRecords)
		m.pages[k] = r
		m.made++
	} else {
		clear(r.state[:])
	}
	r.gen = m.gen
	return r
}

// Bytes returns the memory the memo holds, for callers that pool it.
func (m *Memo) Bytes() int { return m.made*int(unsafe.Sizeof(memoRecords{})) + 8*cap(m.pages) }

// backfill sets the ends of the positions first..last a walk recorded,
// whose continuation after last found its last match at after (or -1). A
// recorded state is a match state when it is at least matchFrom, or, with
// matchBit, when it has that bit.
func (m *Memo) backfill(first, last int, after, matchFrom, matchBit int32) {
	cur := after
	for p := last; p >= first; p-- {
		r, q := m.page(p-m.lo), (p-m.lo)&(memoPage-1)
		r.end[q] = cur
		st := r.state[q] - 1
		if cur < 0 && (matchBit == 0 && st >= matchFrom || matchBit != 0 && st&matchBit != 0) {
			cur = int32(p)
		}
	}
}

// EndAtMemo is EndAt with m (Reset for a window that holds s, of a text b
// of the length m was Reset for).
func (d *DFA) EndAtMemo(b []byte, s int, m *Memo) int {
	t := &d.first
	st, end := t.start, -1
	trans, class := t.trans, &t.class
	i := s
	// The short walk: b[s:lim] as one slice, so that its loop holds one
	// comparison and no bounds check.
	lim := len(b)
	if s < lim-memoAfter {
		lim = s + memoAfter
	}
	mf := uint32(t.matchFrom - 1) // see EndAt
	for _, c := range b[s:lim] {
		st = trans[st+int32(class[c])]
		if uint32(st-1) >= mf {
			if st == 0 {
				return end
			}
			end = i + 1
		}
		i++
	}
	if i == len(b) {
		return end
	}
	if !m.startLong() {
		// The first long walk of the window: plain.
		for ; i < len(b); i++ {
			st = trans[st+int32(class[b[i]])]
			if st >= t.matchFrom {
				end = i + 1
			} else if st == 0 {
				break
			}
		}
		return end
	}
	// From here on the walk is recorded, and stops where an earlier
	// recorded walk was in the same state.
	after := int32(-1)
	first := i + 1
	for ; i < len(b); i++ {
		st = trans[st+int32(class[b[i]])]
		if st >= t.matchFrom {
			end = i + 1
		} else if st == 0 {
			break
		}
		p := i + 1 - m.lo
		r, q := m.page(p), p&(memoPage-1)
		if r.state[q] == st+1 {
			// The rest is the recorded walk's; its matches from here on
			// include one ending here when st is a match state.
			if after = r.end[q]; after < 0 && st >= t.matchFrom {
				after = int32(i + 1)
			}
			break
		}
		r.state[q] = st + 1
	}
	m.backfill(first, i, after, t.matchFrom, 0)
	if after >= 0 {
		return int(after)
	}
	return end
}

// FindFromMemo is FindFrom with m; word, when not nil, skips the starts
// inside a word as FindFromWordStart does.
func (d *DFA) FindFromMemo(b []byte, from int, word *[256]bool, m *Memo) (start, end int, ok bool) {
	lim := len(b) - d.minLen + 1 // starts are below lim
	if from >= lim || from < 0 {
		return 0, 0, false
	}
	starts := &d.starts
	for i, c := range b[from:lim] {
		if !starts[c] {
			continue
		}
		if s := from + i; word == nil || s == 0 || !word[c] || !word[b[s-1]] {
			if e := d.EndAtMemo(b, s, m); e >= 0 {
				return s, e, true
			}
		}
	}
	return 0, 0, false
}

// lazyMatchBit marks a lazy automaton's match states in a Memo (their
// numbers stay below it: maxStates is far smaller).
const lazyMatchBit = 1 << 30

// EndAtMemo is Lazy.EndAt with m (see DFA.EndAtMemo).
func (l *Lazy) EndAtMemo(b []byte, s int, m *Memo) (end int, ok bool) {
	st, end := int32(lazyStart), -1
	// The short walk, b[s:lim] as one slice; a longer one goes on in
	// endAtLong, whose step closure captures its own state (captured here,
	// st would live in memory through this loop too).
	lim := len(b)
	if s < lim-memoAfter {
		lim = s + memoAfter
	}
	i := s
	for _, x := range b[s:lim] {
		c := int32(l.class[x])
		v := l.cell(st, c).Load()
		if v == 0 {
			if v = l.fill(st, c); v == 0 {
				return -1, false
			}
		}
		if st = v>>1 - 1; v&1 != 0 {
			end = i + 1
		} else if st == 0 {
			return end, true
		}
		i++
	}
	if i == len(b) {
		return end, true
	}
	return l.endAtLong(b, i, st, end, m)
}

// endAtLong goes on with a walk of EndAtMemo that is in state st at b[i],
// having found a match ending at end (or -1).
func (l *Lazy) endAtLong(b []byte, i int, st int32, end int, m *Memo) (int, bool) {
	step := func(i int) (match, dead, ok bool) {
		c := int32(l.class[b[i]])
		v := l.cell(st, c).Load()
		if v == 0 {
			if v = l.fill(st, c); v == 0 {
				return false, false, false
			}
		}
		st = v>>1 - 1
		return v&1 != 0, st == 0, true
	}
	if !m.startLong() {
		// The first long walk of the window: plain.
		for ; i < len(b); i++ {
			match, dead, ok := step(i)
			if !ok {
				return -1, false
			}
			if match {
				end = i + 1
			} else if dead {
				break
			}
		}
		return end, true
	}
	after := int32(-1)
	first := i + 1
	for ; i < len(b); i++ {
		match, dead, ok := step(i)
		if !ok {
			// Records made so far stay valid: each is a state the walk
			// reached; their ends are unknown, so they are withdrawn.
			for p := first; p <= i; p++ {
				m.page(p - m.lo).state[(p-m.lo)&(memoPage-1)] = 0
			}
			return -1, false
		}
		if match {
			end = i + 1
		} else if dead {
			break
		}
		key := st
		if match {
			key |= lazyMatchBit
		}
		p := i + 1 - m.lo
		r, q := m.page(p), p&(memoPage-1)
		if r.state[q] == key+1 {
			if after = r.end[q]; after < 0 && match {
				after = int32(i + 1)
			}
			break
		}
		r.state[q] = key + 1
	}
	m.backfill(first, i, after, 0, lazyMatchBit)
	if after >= 0 {
		return int(after), true
	}
	return end, true
}

// FindFromMemo is Lazy.FindFrom with m; word as in DFA.FindFromMemo.
func (l *Lazy) FindFromMemo(b []byte, from int, word *[256]bool, m *Memo) (start, end int, found, ok bool) {
	lim := len(b) - l.minLen + 1 // starts are below lim
	if from >= lim || from < 0 {
		return 0, 0, false, true
	}
	starts := &l.starts
	for i, c := range b[from:lim] {
		if !starts[c] {
			continue
		}
		s := from + i
		if word != nil && s > 0 && word[c] && word[b[s-1]] {
			continue
		}
		e, ok := l.EndAtMemo(b, s, m)
		if !ok {
			return 0, 0, false, false
		}
		if e >= 0 {
			return s, e, true, true
		}
	}
	return 0, 0, false, true
}
