package dfa

// MinCount returns the least number of times byte c occurs in a match: the
// least, over the automaton's paths from its start to a match state, of the
// steps taken on c's byte class when c is alone in it (a step on a class
// that holds other bytes too may be taken on one of those, and counts 0).
// Every match holds at least that many c; a text with fewer holds none. It
// is a 0-1 breadth-first search over the states, O(states × classes).
func (d *DFA) MinCount(c byte) int {
	t := &d.first
	cls := int32(t.class[c])
	alone := true
	for b := range 256 {
		if b != int(c) && int32(t.class[b]) == cls {
			alone = false
			break
		}
	}
	n := len(t.trans) / int(t.stride)
	const unseen = -1
	dist := make([]int, n)
	for i := range dist {
		dist[i] = unseen
	}
	// A deque of state offsets: 0-weight steps go to the front, 1-weight
	// ones to the back.
	deque := make([]int32, 0, 2*n)
	front := make([]int32, 0, n)
	dist[t.start/t.stride] = 0
	deque = append(deque, t.start)
	for len(front) > 0 || len(deque) > 0 {
		var st int32
		if k := len(front); k > 0 {
			st, front = front[k-1], front[:k-1]
		} else {
			st, deque = deque[0], deque[1:]
		}
		ds := dist[st/t.stride]
		if st >= t.matchFrom {
			return ds
		}
		for k := range t.stride {
			next := t.trans[st+k]
			if next == 0 {
				continue
			}
			w := 0
			if k == cls && alone {
				w = 1
			}
			if old := dist[next/t.stride]; old != unseen && old <= ds+w {
				continue
			}
			dist[next/t.stride] = ds + w
			if w == 0 {
				front = append(front, next)
			} else {
				deque = append(deque, next)
			}
		}
	}
	return 0
}
