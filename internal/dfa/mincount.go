package dfa

// MinCount returns the least number of times byte c occurs in a match: the
// least, over the automaton's paths from its start to a match state, of the
// steps taken on c's byte class when c is alone in it (a step on a class
// that holds other bytes too may be taken on one of those, and counts 0).
// Every match holds at least that many c; a text with fewer holds none. It
// is a 0-1 breadth-first search over the states, O(states × classes).
func (d *DFA) MinCount(c byte) int { return d.minCount(c, false) }

// MinCountApart is MinCount over the matches in which no two c are next to
// each other: a text in which no c follows another holds a match only if it
// holds at least that many c. For IPv6 it is 6 (a full address, or one that
// ends in an IPv4 address), where MinCount is 2 ("1::2"): a time such as
// 12:34:56 has too few colons for either. When no such match exists it
// returns MaxCountApart; when c shares its byte class, MinCount (0).
func (d *DFA) MinCountApart(c byte) int { return d.minCount(c, true) }

// MaxCountApart is what MinCountApart returns when every match holds two c
// in a row.
const MaxCountApart = 1<<31 - 1

// minCount is MinCount, or MinCountApart when apart is set: the search then
// runs over pairs (state, whether the last step was on c) and never takes a
// step on c right after one.
func (d *DFA) minCount(c byte, apart bool) int {
	t := &d.first
	cls := int32(t.class[c])
	alone := true
	for b := range 256 {
		if b != int(c) && int32(t.class[b]) == cls {
			alone = false
			break
		}
	}
	apart = apart && alone
	n := len(t.trans) / int(t.stride)
	// A node is a state's index times 2, plus 1 when the last step was on c
	// (only when apart).
	const unseen = -1
	dist := make([]int, 2*n)
	for i := range dist {
		dist[i] = unseen
	}
	node := func(st int32, afterC bool) int32 {
		v := 2 * (st / t.stride)
		if afterC {
			v++
		}
		return v
	}
	// A deque of nodes: 0-weight steps go to the front, 1-weight ones to
	// the back.
	deque := make([]int32, 0, 4*n)
	front := make([]int32, 0, 2*n)
	start := node(t.start, false)
	dist[start] = 0
	deque = append(deque, start)
	for len(front) > 0 || len(deque) > 0 {
		var v int32
		if k := len(front); k > 0 {
			v, front = front[k-1], front[:k-1]
		} else {
			v, deque = deque[0], deque[1:]
		}
		st, afterC := (v/2)*t.stride, v&1 == 1
		ds := dist[v]
		if st >= t.matchFrom {
			return ds
		}
		for k := range t.stride {
			next := t.trans[st+k]
			if next == 0 {
				continue
			}
			w := 0
			onC := k == cls && alone
			if onC {
				if apart && afterC {
					continue
				}
				w = 1
			}
			nv := node(next, apart && onC)
			if old := dist[nv]; old != unseen && old <= ds+w {
				continue
			}
			dist[nv] = ds + w
			if w == 0 {
				front = append(front, nv)
			} else {
				deque = append(deque, nv)
			}
		}
	}
	if apart {
		return MaxCountApart
	}
	return 0
}
