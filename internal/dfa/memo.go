package dfa

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
type Memo struct {
	lo, hi int // the window: positions lo..hi (hi is the text length)
	active bool
	// state[p-lo] is 1 + the state a recorded walk was in after the byte
	// before p, or 0; end[p-lo] is the end of the last match that walk found
	// after p (ending beyond p), or -1.
	state []int32
	end   []int32
	path  []int32
}

// Reset prepares m for searches of b[lo:hi] where b has length hi: the
// automaton and the text must stay the same until the next Reset.
func (m *Memo) Reset(lo, hi int) {
	m.lo, m.hi, m.active = lo, hi, false
}

// activate clears the records, on the first long walk of a window.
func (m *Memo) activate() {
	n := m.hi - m.lo + 1
	if cap(m.state) < n {
		m.state = make([]int32, n)
		m.end = make([]int32, n)
	}
	m.state, m.end = m.state[:n], m.end[:n]
	clear(m.state)
	m.active = true
}

// Bytes returns the memory the memo holds, for callers that pool it.
func (m *Memo) Bytes() int { return 4 * (cap(m.state) + cap(m.end) + cap(m.path)) }

// record stores the walk m.path (positions and states, alternating) whose
// continuation after its last position found its last match at after (or
// -1). A state is a match state when it is at least matchFrom, or, with
// matchBit, when it has that bit.
func (m *Memo) record(after, matchFrom, matchBit int32) {
	cur := after
	for k := len(m.path) - 2; k >= 0; k -= 2 {
		p, st := m.path[k], m.path[k+1]
		m.state[int(p)-m.lo] = st + 1
		m.end[int(p)-m.lo] = cur
		if cur < 0 && (matchBit == 0 && st >= matchFrom || matchBit != 0 && st&matchBit != 0) {
			cur = p
		}
	}
	m.path = m.path[:0]
}

// EndAtMemo is EndAt with m (Reset for a window that holds s, of a text b
// of the length m was Reset for).
func (d *DFA) EndAtMemo(b []byte, s int, m *Memo) int {
	t := &d.first
	st, end := t.start, -1
	trans, class := t.trans, &t.class
	i := s
	for ; i < len(b) && i-s < memoAfter; i++ {
		st = trans[st+int32(class[b[i]])]
		if st >= t.matchFrom {
			end = i + 1
		} else if st == 0 {
			return end
		}
	}
	if i == len(b) {
		return end
	}
	// A long walk: from here on it is recorded, and stops where an earlier
	// recorded walk was in the same state.
	if !m.active {
		m.activate()
	}
	after := int32(-1)
	m.path = m.path[:0]
	for ; i < len(b); i++ {
		st = trans[st+int32(class[b[i]])]
		if st >= t.matchFrom {
			end = i + 1
		} else if st == 0 {
			break
		}
		p := i + 1 - m.lo
		if m.state[p] == st+1 {
			// The rest is the recorded walk's; its matches from here on
			// include one ending here when st is a match state.
			if after = m.end[p]; after < 0 && st >= t.matchFrom {
				after = int32(i + 1)
			}
			break
		}
		m.path = append(m.path, int32(i+1), st)
	}
	m.record(after, t.matchFrom, 0)
	if after >= 0 {
		return int(after)
	}
	return end
}

// FindFromMemo is FindFrom with m; word, when not nil, skips the starts
// inside a word as FindFromWordStart does.
func (d *DFA) FindFromMemo(b []byte, from int, word *[256]bool, m *Memo) (start, end int, ok bool) {
	starts := &d.starts
	for s := from; s <= len(b)-d.minLen; s++ {
		if !starts[b[s]] || word != nil && s > 0 && word[b[s-1]] && word[b[s]] {
			continue
		}
		if e := d.EndAtMemo(b, s, m); e >= 0 {
			return s, e, true
		}
	}
	return 0, 0, false
}

// lazyMatchBit marks a lazy automaton's match states in a Memo's path
// (their numbers stay below it: maxStates is far smaller).
const lazyMatchBit = 1 << 30

// EndAtMemo is Lazy.EndAt with m (see DFA.EndAtMemo).
func (l *Lazy) EndAtMemo(b []byte, s int, m *Memo) (end int, ok bool) {
	st, end := int32(lazyStart), -1
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
	i := s
	for ; i < len(b) && i-s < memoAfter; i++ {
		match, dead, ok := step(i)
		if !ok {
			return -1, false
		}
		if match {
			end = i + 1
		} else if dead {
			return end, true
		}
	}
	if i == len(b) {
		return end, true
	}
	if !m.active {
		m.activate()
	}
	// The lazy automaton's states carry their match flag on transitions;
	// the path records it in the state's sign bit.
	after := int32(-1)
	m.path = m.path[:0]
	for ; i < len(b); i++ {
		match, dead, ok := step(i)
		if !ok {
			m.path = m.path[:0]
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
		if m.state[p] == key+1 {
			if after = m.end[p]; after < 0 && match {
				after = int32(i + 1)
			}
			break
		}
		m.path = append(m.path, int32(i+1), key)
	}
	m.record(after, 0, lazyMatchBit)
	if after >= 0 {
		return int(after), true
	}
	return end, true
}

// FindFromMemo is Lazy.FindFrom with m; word as in DFA.FindFromMemo.
func (l *Lazy) FindFromMemo(b []byte, from int, word *[256]bool, m *Memo) (start, end int, found, ok bool) {
	for s := from; s <= len(b)-l.minLen; s++ {
		if !l.starts[b[s]] || word != nil && s > 0 && word[b[s-1]] && word[b[s]] {
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
