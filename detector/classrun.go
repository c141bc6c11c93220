package detector

import (
	"bytes"
	"encoding/binary"
	"math/bits"
)

// maxUnanchored bounds the states of a class pattern's unanchored
// automaton (dfa.Unanchored); the catalog's need a few dozen.
const maxUnanchored = 1024

// classTrigger is a byte and the class patterns that every match of
// contains it.
type classTrigger struct {
	b        byte
	patterns []*compiledPattern
}

// triggerRank orders candidate trigger bytes: the rarer in logs, the lower.
func triggerRank(c byte) int {
	switch {
	case c == ' ':
		return 7
	case c >= 'a' && c <= 'z':
		return 6
	case c >= 'A' && c <= 'Z':
		return 5
	case c >= '0' && c <= '9':
		return 4
	case c == '.' || c == '-' || c == '_' || c == ',':
		return 3
	case c == ':' || c == '/' || c == '=':
		return 2
	case c >= 0x80:
		return 8
	}
	return 1
}

// addClassTrigger files a class pattern under its rarest required byte, or
// among those verified over the whole text.
func (d *Detector) addClassTrigger(cp *compiledPattern) {
	if cp.dfa != nil {
		cp.any = cp.dfa.Unanchored(maxUnanchored)
	}
	best := -1
	for _, c := range cp.required {
		if best < 0 || triggerRank(c) < triggerRank(byte(best)) {
			best = int(c)
		}
	}
	if best < 0 {
		d.wholeTextClass = append(d.wholeTextClass, cp)
		return
	}
	for i := range d.triggers {
		if d.triggers[i].b == byte(best) {
			d.triggers[i].patterns = append(d.triggers[i].patterns, cp)
			return
		}
	}
	d.triggers = append(d.triggers, classTrigger{b: byte(best), patterns: []*compiledPattern{cp}})
}

// indexTriggers fills triggerOf, triggerBase and triggerWords.
func (d *Detector) indexTriggers() {
	base := 0
	for ti, t := range d.triggers {
		d.triggerOf[t.b] = uint16(ti + 1)
		d.triggerBase = append(d.triggerBase, base)
		base += len(t.patterns)
		if len(d.triggers) <= 4 {
			d.triggerWords = append(d.triggerWords, 0x0101010101010101*uint64(t.b))
		}
	}
}

// collectClassRuns finds, for each class pattern with a trigger byte, the
// maximal runs of its class that hold the byte, and checks each (whole
// patterns) or adds it as a window. A match is made of the class's bytes,
// so it lies within one maximal run, and verifying runs one by one finds
// what a search of the whole text would.
func (d *Detector) collectClassRuns(s *scratch, text []byte) {
	d.startClassRuns(s)
	d.collectClassRunsRange(s, text, 0, len(text))
	for _, cp := range d.wholeTextClass {
		s.addWindow(cp.index, 0, len(text))
	}
}

// startClassRuns resets the positions the class-run search resumes from:
// s.from[t] for trigger t, s.done[k] for its patterns (d.triggerBase[t] is
// where trigger t's patterns start in s.done).
func (d *Detector) startClassRuns(s *scratch) {
	if cap(s.from) < len(d.triggers) {
		s.from = make([]int, len(d.triggers))
	}
	s.from = s.from[:len(d.triggers)]
	clear(s.from)
	n := 0
	for _, t := range d.triggers {
		n += len(t.patterns)
	}
	if cap(s.done) < n {
		s.done = make([]int, n)
	}
	s.done = s.done[:n]
	clear(s.done)
}

// collectClassRunsRange finds the trigger bytes in text[from:to]; a run
// may reach beyond the range, and the search resumes after it.
func (d *Detector) collectClassRunsRange(s *scratch, text []byte, from, to int) {
	if len(d.triggers) == 0 {
		return
	}
	// One pass for all trigger bytes: eight bytes at a time while none of
	// them is there (when there are few), then byte by byte.
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for i := from; i < to; i++ {
		if d.triggerWords != nil {
			for i+8 <= to {
				x := binary.LittleEndian.Uint64(text[i:])
				var m uint64
				for _, p := range d.triggerWords {
					// The lowest byte flagged is a byte equal to p's (a
					// borrow flags only bytes above a true one).
					y := x ^ p
					m |= (y - ones) &^ y & highs
				}
				if m != 0 {
					i += bits.TrailingZeros64(m) >> 3
					break
				}
				i += 8
			}
			if i >= to {
				break
			}
		}
		ti := int(d.triggerOf[text[i]]) - 1
		if ti < 0 || i < s.from[ti] {
			continue
		}
		t := &d.triggers[ti]
		done := s.done[d.triggerBase[ti] : d.triggerBase[ti]+len(t.patterns)]
		// Every pattern's run now reaches past i: the trigger bytes before
		// the nearest end lie in runs handled already.
		next := len(text)
		for k, cp := range t.patterns {
			if i >= done[k] {
				done[k] = d.classRun(s, cp, text, i)
			}
			next = min(next, done[k])
		}
		s.from[ti] = next
	}
	for ti := range s.from {
		s.from[ti] = max(s.from[ti], to)
	}
}

// classRun handles the maximal run of cp's class around text[i] and
// returns its end.
func (d *Detector) classRun(s *scratch, cp *compiledPattern, text []byte, i int) int {
	info := cp.info
	lo, hi := i, i+1
	for lo > 0 && info.Allowed[text[lo-1]] {
		lo--
	}
	for hi < len(text) && info.Allowed[text[hi]] {
		hi++
	}
	if hi-lo < info.MinLen || !containsAll(text[lo:hi], cp.required) {
		return hi
	}
	if info.MinDigits > 0 {
		digits := 0
		for _, c := range text[lo:hi] {
			if c >= '0' && c <= '9' {
				digits++
			}
		}
		if digits < info.MinDigits {
			return hi
		}
	}
	if cp.any != nil && !cp.any.Contains(text[lo:hi]) {
		// Most runs hold no match (times, versions): one walk rejects them.
		return hi
	}
	s.addWindow(cp.index, lo, hi)
	return hi
}

// containsAll reports whether b contains every byte of required.
func containsAll(b, required []byte) bool {
	for _, c := range required {
		if bytes.IndexByte(b, c) < 0 {
			return false
		}
	}
	return true
}
