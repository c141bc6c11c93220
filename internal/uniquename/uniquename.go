// Package uniquename keeps names unique among a set by the rule masked
// JSON member names, slog attribute keys and OpenTelemetry map keys
// follow: a name that is taken gets the first suffix "~b", "~c", ...
// "~z", "~ba", ... (a count in base 26 written with the letters a to z)
// that makes it free. The result depends only on the names, so equal
// events mask equally.
//
// Trying the suffixes from the first for every name would take time
// quadratic in the number of names that collide (thousands of addresses
// of one length all mask to the same asterisks); a Set remembers, for
// each name, where its search stopped, and gives the same names in
// linear time.
package uniquename

// Set makes names unique among the names it holds, one name after
// another. The zero value is not ready to use; see NewSet. A Set is not
// safe for concurrent use.
type Set struct {
	taken map[string]bool
	next  map[string]int // name -> the count its last search stopped at
}

// NewSet returns a Set over taken, the names in use, to which Name adds
// the names it returns. A nil taken means none.
func NewSet(taken map[string]bool) *Set {
	if taken == nil {
		taken = map[string]bool{}
	}
	return &Set{taken: taken}
}

// Name returns name, or when it is taken, name with the first suffix
// "~b", "~c", ... that is not, and adds the result to the names taken.
func (s *Set) Name(name string) string {
	if !s.taken[name] {
		s.taken[name] = true
		return name
	}
	// Every count before next[name] gave a name that was taken, and
	// names are only ever added: the search goes on from there.
	n := max(s.next[name], 1)
	unique := name + "~" + base26(n)
	for s.taken[unique] {
		n++
		unique = name + "~" + base26(n)
	}
	if s.next == nil {
		s.next = map[string]int{}
	}
	s.next[name] = n + 1
	s.taken[unique] = true
	return unique
}

// base26 writes n >= 0 in base 26 with the digits a to z.
func base26(n int) string {
	var b [16]byte
	i := len(b)
	for {
		i--
		b[i] = byte('a' + n%26)
		n /= 26
		if n == 0 {
			return string(b[i:])
		}
	}
}
