package detector

// # Marks
//
// The class runs and the whole-text pass each need the offsets of a few
// kinds of bytes: the class patterns' trigger bytes, and the bytes that may
// start a whole-text match (not inside a word when those patterns' matches
// must start one). Rather than read the text again for each, the keyword
// automaton's pass, which already looks up a table entry for every pair
// of bytes, finds them too (aho.NewMarked): two more bits of that entry,
// gathered into one bit per offset (s.marks). The class runs and the
// whole-text pass then visit only the marked offsets, and check each as
// they did before; a mark is a superset of what they accept.

// Kinds of mark, by their index in aho.NewMarked's marks.
const (
	markWhole = iota // a whole-text match may start at the byte
	markClass        // the byte is a class run's trigger
)

// mayStartWhole reports whether a match of a wholeGroups pattern may start
// at byte c after byte b: some pattern can start with c, and it need not
// start a word or c does not continue one (see scanWholeText); or, when
// the groups are afterStart, whether one may start at b and continue with
// c.
func (d *Detector) mayStartWhole(b, c byte) bool {
	for gi := range d.wholeGroups {
		g := &d.wholeGroups[gi]
		if g.afterStart {
			// The mark is on the byte after a start (scanAfterStarts).
			if g.starts[b]&g.seconds[c] != 0 {
				return true
			}
			continue
		}
		m := g.starts[c]
		if valueWordChars[b] && valueWordChars[c] {
			m &^= g.inWord
		}
		if m != 0 {
			return true
		}
	}
	return false
}

// isTrigger reports whether the byte c after b starts a class run's
// check. When every class pattern's match holds two or more of its trigger
// byte (r.pairs), that is where b is a trigger byte and c is in the union:
// the first trigger byte of a match is followed by another byte of the
// match, so every run that holds a match has a mark in it, while a run
// whose only trigger bytes end it ("9-", "host." and "Cache:" after a hex
// letter) has none. Otherwise c is a trigger byte and continues a union run
// (b is in the union too), or b is one and c continues its run: a trigger
// alone between bytes outside the union (the ':' after a word) is a run of
// one byte, which no class pattern matches when all need two or more, and
// is not marked. When some class pattern matches a single byte, every
// trigger byte is marked. unionRun finds the run around any of its bytes.
func (d *Detector) isTrigger(b, c byte) bool {
	r := &d.runs
	switch {
	case r.minLen < 2:
		return r.trig[c] != 0
	case r.pairs:
		return r.trig[b] != 0 && r.union[c]
	}
	return r.trig[c] != 0 && r.union[b] || r.trig[b] != 0 && r.union[c]
}

// startMarks sizes the marks for a text of n bytes; the keyword
// automaton's pass stores every word of them (aho.Matcher.ScanRangeMarks).
func (s *scratch) startMarks(n int) {
	words := (n + 63) / 64
	for k := range s.marks {
		if cap(s.marks[k]) < words {
			s.marks[k] = make([]uint64, words)
		}
		s.marks[k] = s.marks[k][:words]
	}
}
