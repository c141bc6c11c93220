package dfa

// BytesAt returns the bytes that can be at offset n of a match: byte c is
// in the set when some text of n+1 bytes ending in c walks the automaton
// from its start without dying. Every match longer than n bytes has its
// byte n in the set (a walk that dies ends its match search), so a caller
// can reject a start whose byte n is not, when the pattern's matches are
// all longer than n (BytesAt(0) is the Starts set; BytesAt(1) holds
// Seconds). It is a breadth-first walk of n steps over the states, O(n ×
// states × classes).
func (d *DFA) BytesAt(n int) (set [256]bool) {
	t := &d.first
	states := len(t.trans) / int(t.stride)
	seen := make([]int, states) // the step + 1 at which a state was reached
	cur := []int32{t.start}
	for step := 1; step <= n && len(cur) > 0; step++ {
		var next []int32
		for _, st := range cur {
			for k := range t.stride {
				if to := t.trans[st+k]; to != 0 && seen[to/t.stride] != step {
					seen[to/t.stride] = step
					next = append(next, to)
				}
			}
		}
		cur = next
	}
	var live [256]bool // by byte class
	for _, st := range cur {
		for k := range t.stride {
			if t.trans[st+k] != 0 {
				live[k] = true
			}
		}
	}
	for c := range 256 {
		set[c] = live[t.class[c]]
	}
	return set
}
