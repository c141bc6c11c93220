package lex_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/internal/cputime"
	"github.com/piiguard/piiguard/lex"
)

// TestManySlotValuesLinear: an event whose obfuscated slot holds n values
// (a composite slot's sub-slots, a list slot's values) is logged in time
// linear in n: 4n values cost well under 16 times n values (the sub-slots
// were copied once per sub-slot, and every value compared with every
// other: 10,000 sub-slots took 11 s). The transcript, which Lex bounds
// (an utterance is at most 1,024 characters), says the first 50 values in
// other case. Best of 3, CPU time of the thread, the ratio of 4n to n.
func TestManySlotValuesLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	l, err := lex.NewLogger(lex.Config{Obfuscated: []string{"Address"}})
	if err != nil {
		t.Fatal(err)
	}
	event := func(shape string, n int) []byte {
		var b, said strings.Builder
		fmt.Fprintf(&b, `{"sessionState":{"intent":{"name":"Ship","slots":{"Address":{"shape":%q,`, shape)
		if shape == "Composite" {
			b.WriteString(`"subSlots":{`)
		} else {
			b.WriteString(`"values":[`)
		}
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			if shape == "Composite" {
				fmt.Fprintf(&b, `"s%d":`, i)
			}
			fmt.Fprintf(&b, `{"value":{"originalValue":"Place%d"}}`, i)
			if i < 50 {
				fmt.Fprintf(&said, "place%d ", i)
			}
		}
		if shape == "Composite" {
			b.WriteString(`}`)
		} else {
			b.WriteString(`]`)
		}
		fmt.Fprintf(&b, `}}}},"inputTranscript":%q}`, said.String())
		return []byte(b.String())
	}
	for _, shape := range []string{"Composite", "List"} {
		t.Run(shape, func(t *testing.T) {
			cost := func(n int) float64 {
				ev := event(shape, n)
				best := 0.0
				for range 3 {
					d := cputime.Of(func() {
						out, _, err := l.Log(ev, lex.Turn{})
						if err != nil {
							t.Fatal(err)
						}
						if strings.Contains(string(out), "place1 ") {
							t.Fatalf("a value said in other case is in clear")
						}
					})
					if best == 0 || d.Seconds() < best {
						best = d.Seconds()
					}
				}
				return best
			}
			n := 2500
			small, large := cost(n), cost(4*n)
			if ratio := large / small; ratio > 8 {
				t.Errorf("%d values: %.1f ms, %d values: %.1f ms: %.1fx, want at most 8x (linear: 4x)", n, 1e3*small, 4*n, 1e3*large, ratio)
			} else {
				t.Logf("%d values: %.1f ms, %d values: %.1f ms: %.1fx", n, 1e3*small, 4*n, 1e3*large, ratio)
			}
		})
	}
}
