package detector

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"sync"

	"github.com/piiguard/piiguard/internal/dfa"
)

// # Class runs
//
// A class pattern's match is made of its class's bytes and holds its
// trigger (its rarest required byte), so it lies within a maximal run of
// the class that holds the trigger. The runs of all class patterns lie
// within the maximal runs of the union of their classes (union runs): one
// pass finds the trigger bytes, eight bytes at a time when there are at
// most four (or the keyword automaton's pass marks them, see marks.go);
// each union run that holds one is read once, counting how many of each
// trigger it holds (one byte lane of a uint64 per trigger) and noting the
// triggers that come twice in a row; and only a pattern whose trigger is
// there at least as often as a match needs (dfa.DFA.MinCount), or as a
// match with no two in a row needs when the run has none in a row
// (dfa.DFA.MinCountApart: 6 colons for IPv6 where "::" needs 2, so a time
// such as 12:34:56 is out), for which the run is long enough and whose
// unanchored automaton (dfa.Unanchored) finds a match somewhere in the
// run, has its own runs looked at, each checked (length, trigger count,
// required bytes, digits, a match) and added as a window. Most union runs
// (times, dates, versions, hex ids) hold no match: almost all of those are
// rejected by their counts, every lane at once (mayHold), the rest cost
// one walk each.

// maxUnanchored bounds the states of a class pattern's unanchored
// automaton; the catalog's need a few dozen.
const maxUnanchored = 1024

// classRuns holds the class patterns that have a trigger, and the tables of
// the pass.
type classRuns struct {
	slots []classSlot
	// byLane[k] lists the slots whose trigger counts in lane k, and
	// minLens[k] and minCounts[k] their least MinLen and minCount.
	// minAparts[k] their least minApart.
	byLane    [maxLanes][]classSlot
	minLens   [maxLanes]int
	minCounts [maxLanes]uint8
	minAparts [maxLanes]uint8
	// union[c] says byte c is in some slot's class.
	union [256]bool
	// trig[c], for a trigger byte c, is 1 in the byte (lane) of a uint64
	// that counts it: a union run's sum of trig over its bytes holds, in
	// lane k, how many of lane k's trigger bytes it has. The first
	// maxLanes-1 distinct triggers get a lane each, the rest share the last
	// (whose count then says only that one of them is there). Other bytes
	// have 0.
	trig [256]uint64
	// step[c] is trig[c] with inRun set when c is in the union, 0 for the
	// other bytes: one load per byte of a run tells both (runAt).
	step [256]uint64
	// words holds each trigger byte repeated eight times (the first
	// repeated when there are fewer than four), when there are at most
	// four; swar says there are.
	words [4]uint64
	swar  bool
	// minLen is the least MinLen of the slots.
	minLen int
	// pairs says every slot's matches hold two or more of its trigger byte
	// (dfa.DFA.MinCount): the marks are then the bytes after a trigger
	// byte that continue its union run (isTrigger).
	pairs bool
	// needCount, needApart and needLen hold, in byte k, lane k's least
	// count, count apart and length, at most 128 (128 for a lane without
	// slots): a run of at most maxMayHold bytes reaches none of 128.
	// mayHold tests every lane at once with them.
	needCount, needApart, needLen uint64
}

// maxLanes is the number of trigger counts a uint64 holds: its bytes but
// the top one, whose top bit is inRun.
const maxLanes = 7

// inRun is the bit of step that marks a byte of the union: the top bit of
// the byte no lane counts in (its sum over a run is the parity of the run's
// length, which runAt clears).
const inRun = 1 << 63

// maxLaneRun is the longest union run whose lane counts cannot overflow;
// a longer run counts as holding every trigger, many times.
const maxLaneRun = 255

// classSlot is a class pattern, its trigger byte and that byte's lane.
type classSlot struct {
	cp      *compiledPattern
	trigger byte
	lane    int
	// minCount is the least number of trigger bytes in a match (at most
	// 255, and 1 when the lane is shared), and minApart that in a match
	// where no trigger byte follows another (dfa.DFA.MinCountApart; at
	// least minCount): a run with no two trigger bytes in a row holds a
	// match only if it holds that many.
	minCount, minApart uint8
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
	cp.any.dfa = cp.dfa
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
	d.runs.slots = append(d.runs.slots, classSlot{cp: cp, trigger: byte(best)})
}

// indexTriggers builds the tables of the pass from the slots.
func (d *Detector) indexTriggers() {
	r := &d.runs
	var bytesOf []byte // distinct trigger bytes, in order of first use
	lane := map[byte]int{}
	r.pairs = len(r.slots) > 0
	for k := range r.slots {
		sl := &r.slots[k]
		if sl.cp.dfa == nil || sl.cp.dfa.MinCount(sl.trigger) < 2 {
			r.pairs = false
		}
		if _, ok := lane[sl.trigger]; !ok {
			lane[sl.trigger] = min(len(bytesOf), maxLanes-1)
			r.trig[sl.trigger] = 1 << (8 * lane[sl.trigger])
			bytesOf = append(bytesOf, sl.trigger)
		}
		sl.lane = lane[sl.trigger]
		sl.minCount, sl.minApart = 1, 1
		if sl.lane < maxLanes-1 && sl.cp.dfa != nil {
			sl.minCount = uint8(min(max(sl.cp.dfa.MinCount(sl.trigger), 1), maxLaneRun))
			sl.minApart = uint8(min(max(sl.cp.dfa.MinCountApart(sl.trigger), int(sl.minCount)), maxLaneRun))
		}
		if len(r.byLane[sl.lane]) == 0 {
			r.minLens[sl.lane], r.minCounts[sl.lane], r.minAparts[sl.lane] = sl.cp.info.MinLen, sl.minCount, sl.minApart
		}
		r.byLane[sl.lane] = append(r.byLane[sl.lane], *sl)
		r.minLens[sl.lane] = min(r.minLens[sl.lane], sl.cp.info.MinLen)
		r.minCounts[sl.lane] = min(r.minCounts[sl.lane], sl.minCount)
		r.minAparts[sl.lane] = min(r.minAparts[sl.lane], sl.minApart)
		for c, ok := range sl.cp.info.Allowed {
			r.union[c] = r.union[c] || ok
		}
		r.step[sl.trigger] = r.trig[sl.trigger]
		if k == 0 || sl.cp.info.MinLen < r.minLen {
			r.minLen = sl.cp.info.MinLen
		}
	}
	if r.swar = len(bytesOf) > 0 && len(bytesOf) <= 4; r.swar {
		for k := range r.words {
			r.words[k] = 0x0101010101010101 * uint64(bytesOf[min(k, len(bytesOf)-1)])
		}
	}
	for c, ok := range r.union {
		if ok {
			r.step[c] |= inRun
		}
	}
	for k := range 8 {
		count, apart, n := 128, 128, 128
		if k < maxLanes && len(r.byLane[k]) > 0 {
			count, apart, n = int(r.minCounts[k]), int(r.minAparts[k]), r.minLens[k]
		}
		r.needCount |= uint64(min(count, 128)) << (8 * k)
		r.needApart |= uint64(min(apart, 128)) << (8 * k)
		r.needLen |= uint64(min(n, 128)) << (8 * k)
	}
}

// collectClassRuns adds the windows of the class patterns over text, and
// the whole text for those without a trigger.
func (d *Detector) collectClassRuns(s *scratch, text []byte) {
	d.startClassRuns(s)
	if d.marked && len(d.runs.slots) > 0 {
		d.classRunsMarked(s, text, 0, len(text)) // as collectClassRunsRange would, a call less
	} else {
		d.collectClassRunsRange(s, text, 0, len(text))
	}
	for _, cp := range d.wholeTextClass {
		s.addWindow(cp.index, 0, len(text))
	}
}

// startClassRuns resets where the pass resumes.
func (d *Detector) startClassRuns(s *scratch) { s.classFrom = 0 }

// collectClassRunsRange handles the union runs that hold a trigger byte in
// text[from:to]; a run may reach beyond the range, and the pass resumes
// after it (s.classFrom).
func (d *Detector) collectClassRunsRange(s *scratch, text []byte, from, to int) {
	r := &d.runs
	if len(r.slots) == 0 {
		return
	}
	if d.marked {
		d.classRunsMarked(s, text, from, to)
		return
	}
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for i := max(from, s.classFrom); i < to; i++ {
		if r.swar {
			// Eight bytes at a time while no trigger byte is there. The
			// lowest byte flagged is a byte equal to a trigger (a borrow
			// flags only bytes above a true one).
			w0, w1, w2, w3 := r.words[0], r.words[1], r.words[2], r.words[3]
			for i+8 <= to {
				x := binary.LittleEndian.Uint64(text[i:])
				y0, y1, y2, y3 := x^w0, x^w1, x^w2, x^w3
				m := ((y0 - ones) &^ y0) | ((y1 - ones) &^ y1) | ((y2 - ones) &^ y2) | ((y3 - ones) &^ y3)
				if m &= highs; m != 0 {
					i += bits.TrailingZeros64(m) >> 3
					break
				}
				i += 8
			}
			if i >= to {
				break
			}
		}
		if r.trig[text[i]] == 0 {
			continue
		}
		i = d.unionRun(s, text, i)
	}
	s.classFrom = max(s.classFrom, to)
}

// classRunsMarked is collectClassRunsRange over the offsets the keyword
// automaton's pass marked (s.marks[markClass]: bytes of the union runs
// that may hold a match, see isTrigger).
func (d *Detector) classRunsMarked(s *scratch, text []byte, from, to int) {
	i := max(from, s.classFrom)
	if i == 0 && !d.runs.pairs && d.runs.trig[text[0]] != 0 {
		// The first byte, which has no byte before it, is never marked
		// (with pairs, the byte after it is, when the run goes on).
		i = d.unionRun(s, text, 0)
	}
	marks := s.marks[markClass]
	for wi := i >> 6; wi<<6 < to; wi++ {
		w := marks[wi]
		if base := wi << 6; base < i {
			// Offsets before i: within a run handled already (all of the
			// word when i is past it).
			w &^= 1<<uint(i-base) - 1
		}
		for w != 0 {
			j := wi<<6 | bits.TrailingZeros64(w)
			if j >= to {
				break
			}
			if i = d.unionRun(s, text, j); i >= (wi+1)<<6 {
				wi = i>>6 - 1 // the run ends in a later word: resume there
				break
			}
			w &^= 1<<uint(i&63) - 1
		}
	}
	s.classFrom = max(s.classFrom, to)
}

// unionRun handles the union run around text[i], a trigger byte or (from
// a mark, see isTrigger) a byte of a run next to one, and returns its end
// (the pass resumes there: every trigger byte in the run is handled). The
// run is read from i to each end with one load of step per byte.
func (d *Detector) unionRun(s *scratch, text []byte, i int) int {
	r := &d.runs
	// counts holds each lane's count, and doubled a byte not 0 in the
	// lanes with two trigger bytes in a row (and both, inRun: cleared
	// below).
	lo, hi := i, i+1
	t := r.step[text[i]]
	counts, doubled := t, uint64(0)
	for prev := t; lo > 0; {
		u := r.step[text[lo-1]]
		if u == 0 {
			break
		}
		lo--
		counts += u
		doubled |= u & prev
		prev = u
	}
	for prev := t; hi < len(text); {
		u := r.step[text[hi]]
		if u == 0 {
			break
		}
		hi++
		counts += u
		doubled |= u & prev
		prev = u
	}
	s.classFrom = hi
	n := hi - lo
	if n < r.minLen {
		return hi
	}
	counts, doubled = counts&^inRun, doubled&^inRun
	if n > maxLaneRun {
		counts = 1<<(8*maxLanes) - 1 // a count may have overflowed: every lane full
	} else if n <= maxMayHold && !r.mayHold(n, counts, doubled) {
		return hi
	}
	d.runSlots(s, text, lo, hi, counts, doubled)
	return hi
}

// maxMayHold is the longest run mayHold can test: its counts and length
// fit in seven bits.
const maxMayHold = 127

// mayHold reports whether some lane of a run of n bytes (at most
// maxMayHold) with these counts and doubled may hold a match: its count
// reaches its least count apart, or its least count when doubled, and the
// run is long enough: exactly the lanes whose slots runSlots looks at.
// Every lane at once, without a branch per lane (most runs pass none): in
// each byte, (x|0x80)-y keeps the top bit when x >= y (x below 128, y at
// most 128, so no borrow crosses a byte).
func (r *classRuns) mayHold(n int, counts, doubled uint64) bool {
	need := r.needApart
	if doubled != 0 {
		// Most runs have no two trigger bytes in a row: no lane's need
		// drops.
		twice := ((doubled&lows + lows) | doubled) & highs // top bit: doubled
		need ^= (need ^ r.needCount) & (twice >> 7 * 0xff)
	}
	return ((counts|highs)-need)&((uint64(n)*0x0101010101010101|highs)-r.needLen)&highs != 0
}

// runSlots looks at the union run text[lo:hi], which holds counts[k]
// (byte k) of lane k's trigger bytes, two in a row in the lanes whose byte
// of doubled is not 0: each slot whose trigger the run holds often enough,
// that is not too short and whose unanchored automaton finds a match in
// it, has its own runs in it checked.
func (d *Detector) runSlots(s *scratch, text []byte, lo, hi int, counts, doubled uint64) {
	r := &d.runs
	n := hi - lo
	// The lanes with a count: the high bit of each byte that is not 0 (no
	// carry crosses a byte: (x&0x7f)+0x7f <= 0xfe).
	held := ((counts&lows + lows) | counts) & highs
	for ; held != 0; held &= held - 1 {
		k := bits.TrailingZeros64(held) >> 3
		got, apart := uint8(counts>>(8*k)), uint8(doubled>>(8*k)) == 0
		if got < r.minCounts[k] || apart && got < r.minAparts[k] || n < r.minLens[k] {
			continue
		}
		for _, sl := range r.byLane[k] {
			cp := sl.cp
			if got < sl.minCount || apart && got < sl.minApart || n < cp.info.MinLen {
				continue
			}
			u := cp.any.get()
			if u != nil && !u.Contains(text[lo:hi]) {
				// Its runs lie within this one: none holds a match.
				continue
			}
			d.classRuns(s, sl, text, lo, hi, u != nil)
		}
	}
}

// classRuns checks the maximal runs of sl's pattern's class within
// text[lo:hi] that hold enough of its trigger byte and adds them as
// windows. matched says the pattern's unanchored automaton found a match
// in text[lo:hi]: that match lies within one of those runs, so when there
// is only one, it holds a match.
func (d *Detector) classRuns(s *scratch, sl classSlot, text []byte, lo, hi int, matched bool) {
	cp := sl.cp
	info := cp.info
	only, onlyEnd, found := 0, 0, 0
	for j := lo; j < hi; {
		if !info.Allowed[text[j]] {
			j++
			continue
		}
		start, n := j, 0
		for ; j < hi && info.Allowed[text[j]]; j++ {
			if text[j] == sl.trigger {
				n++
			}
		}
		if n < int(sl.minCount) {
			continue
		}
		if found++; found == 1 {
			only, onlyEnd = start, j // checked below when it is the only one
			continue
		}
		if found == 2 {
			d.classRun(s, cp, text, only, onlyEnd, false)
		}
		d.classRun(s, cp, text, start, j, false)
	}
	if found == 1 {
		d.classRun(s, cp, text, only, onlyEnd, matched)
	}
}

// classRun checks the run text[lo:hi] of cp's class and adds it as a
// window unless it cannot hold a match; matched says cp.any found one in
// it already.
func (d *Detector) classRun(s *scratch, cp *compiledPattern, text []byte, lo, hi int, matched bool) {
	if matched {
		// It holds a match: it is long enough and holds the required
		// bytes and digits.
		s.addWindow(cp.index, lo, hi)
		return
	}
	info := cp.info
	if hi-lo < info.MinLen || !containsAll(text[lo:hi], cp.required) {
		return
	}
	if info.MinDigits > 0 {
		digits := 0
		for _, c := range text[lo:hi] {
			if c >= '0' && c <= '9' {
				digits++
			}
		}
		if digits < info.MinDigits {
			return
		}
	}
	if u := cp.any.get(); u != nil && !u.Contains(text[lo:hi]) {
		return
	}
	s.addWindow(cp.index, lo, hi)
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

// lazyUnanchored is a class pattern's unanchored automaton (see classRun),
// built from its DFA on first use rather than by Compile: a detector that
// never sees a run of the class never pays for it. Safe for concurrent use.
type lazyUnanchored struct {
	dfa  *dfa.DFA // nil: the pattern has none
	once sync.Once
	u    *dfa.Unanchored
}

// get returns the automaton, or nil when the pattern has no DFA or its
// unanchored automaton would be too large (dfa.Unanchored).
func (l *lazyUnanchored) get() *dfa.Unanchored {
	if l.dfa == nil {
		return nil
	}
	l.once.Do(func() { l.u = l.dfa.Unanchored(maxUnanchored) })
	return l.u
}
