package dfa

import (
	"fmt"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/piiguard/piiguard/internal/pattern"
)

// Lazy is the leftmost-first automaton of a pattern too big to build in
// full (street addresses, say): its states are built when a text first
// reaches them and shared by all goroutines, up to a bound (maxStates
// states, MaxBytes of memory). Past the bound
// a search reports that it could not finish, and the caller uses a regexp
// engine instead. Searches read the transition table with atomic loads and
// take a lock only to add a state, so Lazy is safe for concurrent use.
type Lazy struct {
	expr      string
	n         *nfa
	class     [256]uint8
	stride    int32
	reps      []byte
	starts    [256]bool
	minLen    int
	maxStates int

	mu     sync.Mutex // guards b, index, lists, size and adding states
	size   int        // bytes the states take (see stateBytes), at most MaxBytes
	b      *builder
	index  map[string]int32
	lists  [][]int32 // threads of each state (match mark removed)
	chunks []atomic.Pointer[[]atomic.Int32]
}

// chunkStates is how many states' transitions one chunk holds.
const chunkStates = 64

// A transition holds 0 when not yet built, else (next+1)<<1 | match, where
// match says that next is a match state.

const lazyStart = 1 // state 0 is dead

// CompileLazy compiles a parsed pattern's program (p.Prog()) into a
// lazily built automaton of at most opts.MaxStates states (0 means 16
// times DefaultMaxStates: states are built only as a text needs them).
// It refuses what Compile refuses except size; opts.Whole does not apply.
func CompileLazy(p *pattern.Pattern, opts Options) (*Lazy, error) {
	maxStates := opts.MaxStates
	if maxStates <= 0 {
		maxStates = 16 * DefaultMaxStates
	}
	prog, err := p.Prog()
	if err != nil {
		return nil, err
	}
	n, err := newNFA(prog)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnsupported, err)
	}
	l := &Lazy{expr: p.String(), n: n, maxStates: maxStates, index: map[string]int32{}}
	l.reps = n.classes(&l.class)
	l.stride = int32(len(l.reps))
	l.chunks = make([]atomic.Pointer[[]atomic.Int32], maxStates/chunkStates+1)
	l.b = newBuilder(n, true)
	// The dead state, whose transitions all lead back to it.
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, _, ok := l.intern(nil); !ok {
		return nil, fmt.Errorf("%w: too many states", ErrUnsupported)
	}
	for c := int32(0); c < l.stride; c++ {
		l.cell(0, c).Store(encode(0, false))
	}
	l.b.reset()
	l.b.closure(uint32(prog.Start))
	start, match, ok := l.intern(l.b.list)
	if !ok || start != lazyStart {
		return nil, fmt.Errorf("%w: too many states", ErrUnsupported)
	}
	if match {
		return nil, fmt.Errorf("%w: matches the empty string", ErrUnsupported)
	}
	for c := range 256 {
		v := l.fillLocked(lazyStart, int32(l.class[c]))
		l.starts[c] = v != 0 && v>>1-1 != 0
	}
	l.minLen = 1
	return l, nil
}

func encode(state int32, match bool) int32 {
	v := (state + 1) << 1
	if match {
		v |= 1
	}
	return v
}

func (l *Lazy) cell(state, class int32) *atomic.Int32 {
	// States are never negative: unsigned division and remainder are a
	// shift and a mask.
	ch := l.chunks[uint32(state)/chunkStates].Load()
	return &(*ch)[uint32(state)%chunkStates*uint32(l.stride)+uint32(class)]
}

// intern returns the state of a thread list, adding it if new: its number,
// whether it is a match state, and false when the bound is reached.
// l.mu must be held.
func (l *Lazy) intern(list []int32) (int32, bool, bool) {
	match := len(list) > 0 && list[len(list)-1] == matchMark
	buf := make([]byte, 0, 4*len(list))
	for _, x := range list {
		buf = append(buf, byte(x), byte(x>>8), byte(x>>16), byte(x>>24))
	}
	if id, ok := l.index[string(buf)]; ok {
		return id, match, true
	}
	id := int32(len(l.lists))
	if int(id) >= l.maxStates || l.size+stateBytes(len(list), l.stride) > MaxBytes {
		return 0, false, false
	}
	l.size += stateBytes(len(list), l.stride)
	if id%chunkStates == 0 {
		ch := make([]atomic.Int32, chunkStates*int(l.stride))
		l.chunks[id/chunkStates].Store(&ch)
	}
	threads := slices.Clone(list)
	if match {
		threads = threads[:len(threads)-1]
	}
	l.lists = append(l.lists, threads)
	l.index[string(buf)] = id
	return id, match, true
}

// fill builds the transition of state on class, or returns 0 when the
// bound is reached.
func (l *Lazy) fill(state, class int32) int32 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.fillLocked(state, class)
}

func (l *Lazy) fillLocked(state, class int32) int32 {
	cell := l.cell(state, class)
	if v := cell.Load(); v != 0 {
		return v
	}
	l.b.step(l.lists[state], l.reps[class])
	next, match, ok := l.intern(l.b.list)
	if !ok {
		return 0
	}
	v := encode(next, match)
	cell.Store(v)
	return v
}

// String returns the source pattern.
func (l *Lazy) String() string { return l.expr }

// States returns the number of states built so far.
func (l *Lazy) States() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.lists)
}

// EndAt is DFA.EndAt; ok is false when the automaton reached its bound.
func (l *Lazy) EndAt(b []byte, s int) (end int, ok bool) {
	st, end := int32(lazyStart), -1
	for i := s; i < len(b); i++ {
		c := int32(l.class[b[i]])
		v := l.cell(st, c).Load()
		if v == 0 {
			if v = l.fill(st, c); v == 0 {
				return -1, false
			}
		}
		st = v>>1 - 1
		if v&1 != 0 {
			end = i + 1
		} else if st == 0 {
			break
		}
	}
	return end, true
}

// FindFrom is DFA.FindFrom; ok is false when the automaton reached its
// bound, and the search must be made another way.
func (l *Lazy) FindFrom(b []byte, from int) (start, end int, found, ok bool) {
	for s := from; s <= len(b)-l.minLen; s++ {
		if !l.starts[b[s]] {
			continue
		}
		e, ok := l.EndAt(b, s)
		if !ok {
			return 0, 0, false, false
		}
		if e >= 0 {
			return s, e, true, true
		}
	}
	return 0, 0, false, true
}
