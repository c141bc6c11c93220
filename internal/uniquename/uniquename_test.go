package uniquename

import (
	"maps"
	"math/rand/v2"
	"testing"
)

func TestName(t *testing.T) {
	tests := []struct {
		name  string
		taken []string
		names []string // given in turn to one Set
		want  []string
	}{
		{"free", nil, []string{"****"}, []string{"****"}},
		{"taken", []string{"id"}, []string{"id"}, []string{"id~b"}},
		{"suffix taken too", []string{"***", "***~b"}, []string{"***"}, []string{"***~c"}},
		{"taken by an earlier call", nil, []string{"****", "****", "****"}, []string{"****", "****~b", "****~c"}},
		{"a suffixed name given", []string{"a"}, []string{"a~b", "a", "a"}, []string{"a~b", "a~c", "a~d"}},
		{"empty name", []string{""}, []string{"", ""}, []string{"~b", "~c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			taken := map[string]bool{}
			for _, n := range tt.taken {
				taken[n] = true
			}
			s := NewSet(taken)
			for i, n := range tt.names {
				got := s.Name(n)
				if got != tt.want[i] {
					t.Errorf("call %d: Name(%q) = %q, want %q", i, n, got, tt.want[i])
				}
				if !taken[got] {
					t.Errorf("call %d: Name(%q) did not add %q to taken", i, n, got)
				}
			}
		})
	}
}

// TestNameTwoLetterCount: past 25 collisions the count takes two
// letters, "~ba" after "~z".
func TestNameTwoLetterCount(t *testing.T) {
	s := NewSet(map[string]bool{"k": true})
	var got []string
	for range 27 {
		got = append(got, s.Name("k"))
	}
	if got[0] != "k~b" || got[24] != "k~z" || got[25] != "k~ba" || got[26] != "k~bb" {
		t.Errorf("names %q: want k~b first, k~z 25th, then k~ba, k~bb", got)
	}
}

// TestNameAsFirstFreeSuffix: Name gives, call after call, the first free
// suffix counting from "~b" (the rule, searched from the start every
// time), on names that collide with one another and with their own
// suffixed forms.
func TestNameAsFirstFreeSuffix(t *testing.T) {
	firstFree := func(name string, taken map[string]bool) string {
		unique := name
		for n := 1; taken[unique]; n++ {
			unique = name + "~" + base26(n)
		}
		taken[unique] = true
		return unique
	}
	r := rand.New(rand.NewPCG(5, 6))
	bases := []string{"*", "**", "*~b", "a", "a~b", "a~c", "{Ssn-US}"}
	for round := range 50 {
		start := map[string]bool{}
		for range r.IntN(4) {
			start[bases[r.IntN(len(bases))]] = true
		}
		a, b := maps.Clone(start), maps.Clone(start)
		s := NewSet(b)
		for i := range 200 {
			name := bases[r.IntN(len(bases))]
			if got, want := s.Name(name), firstFree(name, a); got != want {
				t.Fatalf("round %d, name %d (%q): Name gives %q, the first free suffix %q", round, i, name, got, want)
			}
		}
		if !maps.Equal(a, b) {
			t.Fatalf("round %d: the sets differ", round)
		}
	}
}
