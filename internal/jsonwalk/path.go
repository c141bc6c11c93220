package jsonwalk

import (
	"fmt"
	"strconv"
	"strings"
)

// Pattern matches paths. Its syntax is a subset of JSONPath:
//
//	$             the root (every pattern starts with it)
//	.name         the member called name (any characters but '.' and '[')
//	["name"]      the member called name, JSON-quoted ('name' works too)
//	[3]           the element at index 3
//	.* or [*]     any member or element
//	..name        name at any depth below (also ..*, ..[3], ..["name"])
//
// A pattern selects the values it matches and everything inside them:
// $.sessionState.intent.slots.* covers every value below each slot.
type Pattern struct {
	text  string
	steps []pstep
}

type pstepKind uint8

const (
	pKey pstepKind = iota
	pIndex
	pAny
	pDescend // zero or more steps
)

type pstep struct {
	kind  pstepKind
	key   string
	index int
}

// maxPatternSteps bounds a pattern so that matching runs on a bit set.
const maxPatternSteps = 63

// ParsePattern parses a path pattern.
func ParsePattern(s string) (*Pattern, error) {
	p := &Pattern{text: s}
	if !strings.HasPrefix(s, "$") {
		return nil, fmt.Errorf("path pattern %q: must start with '$'", s)
	}
	i := 1
	for i < len(s) {
		switch {
		case strings.HasPrefix(s[i:], ".."):
			p.steps = append(p.steps, pstep{kind: pDescend})
			i += 2
			if i < len(s) && s[i] == '[' {
				continue
			}
			n, err := p.name(s, i)
			if err != nil {
				return nil, err
			}
			i = n
		case s[i] == '.':
			n, err := p.name(s, i+1)
			if err != nil {
				return nil, err
			}
			i = n
		case s[i] == '[':
			n, err := p.bracket(s, i)
			if err != nil {
				return nil, err
			}
			i = n
		default:
			return nil, fmt.Errorf("path pattern %q: unexpected %q at byte %d, want '.' or '['", s, s[i], i)
		}
	}
	if len(p.steps) > maxPatternSteps {
		return nil, fmt.Errorf("path pattern %q: more than %d steps", s, maxPatternSteps)
	}
	return p, nil
}

// name parses a dotted member name starting at s[i].
func (p *Pattern) name(s string, i int) (int, error) {
	j := i
	for j < len(s) && s[j] != '.' && s[j] != '[' {
		j++
	}
	switch name := s[i:j]; name {
	case "":
		return 0, fmt.Errorf("path pattern %q: empty member name at byte %d", s, i)
	case "*":
		p.steps = append(p.steps, pstep{kind: pAny})
	default:
		p.steps = append(p.steps, pstep{kind: pKey, key: name})
	}
	return j, nil
}

// bracket parses [n], [*], ["name"] or ['name'] starting at s[i] == '['.
func (p *Pattern) bracket(s string, i int) (int, error) {
	i++
	if i >= len(s) {
		return 0, fmt.Errorf("path pattern %q: unterminated '['", s)
	}
	switch q := s[i]; {
	case q == '"' || q == '\'':
		var b strings.Builder
		j := i + 1
		for ; j < len(s) && s[j] != q; j++ {
			if s[j] == '\\' && j+1 < len(s) {
				j++
			}
			b.WriteByte(s[j])
		}
		if j+1 >= len(s) || s[j+1] != ']' {
			return 0, fmt.Errorf("path pattern %q: unterminated quoted name at byte %d", s, i)
		}
		key := b.String()
		if q == '"' {
			// A double-quoted name is a JSON string, as Path.String writes it.
			lit := []byte(s[i : j+1])
			if !Valid(lit) {
				return 0, fmt.Errorf("path pattern %q: quoted name at byte %d is not a valid JSON string", s, i)
			}
			dec, _ := Unquote(nil, nil, lit)
			key = string(dec)
		}
		p.steps = append(p.steps, pstep{kind: pKey, key: key})
		return j + 2, nil
	default:
		j := strings.IndexByte(s[i:], ']')
		if j < 0 {
			return 0, fmt.Errorf("path pattern %q: unterminated '['", s)
		}
		in := s[i : i+j]
		if in == "*" {
			p.steps = append(p.steps, pstep{kind: pAny})
			return i + j + 1, nil
		}
		n, err := strconv.Atoi(in)
		if err != nil || n < 0 || in[0] == '+' {
			return 0, fmt.Errorf("path pattern %q: [%s] is not an index, '*' or a quoted name", s, in)
		}
		p.steps = append(p.steps, pstep{kind: pIndex, index: n})
		return i + j + 1, nil
	}
}

// String returns the pattern as it was parsed.
func (p *Pattern) String() string { return p.text }

// Covers reports whether the pattern matches path or one of its ancestors,
// that is whether the value at path is selected by the pattern.
func (p *Pattern) Covers(path Path) bool {
	m := p.Start()
	for _, st := range path {
		if m.Covered() {
			return true
		}
		m = p.Next(m, st)
	}
	return m.Covered()
}

// A Match is the state of matching a pattern against a path step by
// step, for callers that match many paths sharing a prefix (the leaves of
// one object): Covers(path) is Covered after Start and Next over path's
// steps, once any state along the way is Covered.
type Match struct {
	// states: bit i set when i pattern steps have been matched; bit 63
	// set once the pattern has matched a prefix (covered for good).
	states uint64
}

const coveredBit = 1 << 63

// Start returns the state before any step.
func (p *Pattern) Start() Match { return p.settle(p.closure(1)) }

// Next returns the state after step st.
func (p *Pattern) Next(m Match, st Step) Match {
	if m.states&coveredBit != 0 {
		return m
	}
	return p.settle(p.advance(m.states, st))
}

// advance returns the states after step st from states (bit i: i pattern
// steps matched), closed over descend steps.
func (p *Pattern) advance(states uint64, st Step) uint64 {
	var next uint64
	for i := range len(p.steps) {
		if states&(1<<i) == 0 {
			continue
		}
		switch ps := p.steps[i]; ps.kind {
		case pDescend:
			next |= 1 << i // consume the step, stay
		case pAny:
			next |= 1 << (i + 1)
		case pKey:
			if !st.IsIndex() && st.Key == ps.key {
				next |= 1 << (i + 1)
			}
		case pIndex:
			if st.Index == ps.index {
				next |= 1 << (i + 1)
			}
		}
	}
	return p.closure(next)
}

// Covered reports whether the path so far, or one of its ancestors, is
// matched.
func (m Match) Covered() bool { return m.states&coveredBit != 0 }

// settle marks states that match the whole pattern as covered for good.
func (p *Pattern) settle(states uint64) Match {
	if states&(1<<len(p.steps)) != 0 {
		return Match{coveredBit}
	}
	return Match{states}
}

// closure adds the states reachable by skipping descend steps (which match
// zero steps too).
func (p *Pattern) closure(states uint64) uint64 {
	for i, ps := range p.steps {
		if ps.kind == pDescend && states&(1<<i) != 0 {
			states |= 1 << (i + 1)
		}
	}
	return states
}
