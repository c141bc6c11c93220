package mask_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/piiguard/piiguard/internal/cputime"
	"github.com/piiguard/piiguard/mask"
)

// TestJSONDeepNamesLinear is the regression test of an event nested
// deeply under distinct member names: each name, and each value, was
// scanned with every name around it, and packing those names into groups
// compared each with all before it, so that a 39 KB event of 4000 nested
// objects took about a minute to mask (time cubic in the depth). Names
// further out than the groups can hold do not count, so the time is now
// linear in the depth.
func TestJSONDeepNamesLinear(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("timing: not under -short or the race detector")
	}
	build := func(depth int) []byte {
		var b strings.Builder
		for i := range depth {
			fmt.Fprintf(&b, `{"k%d":`, i)
		}
		b.WriteString(`["a@example.com","x",`)
		b.WriteString(`{"ssn":"536-22-1234"}]`)
		b.WriteString(strings.Repeat("}", depth))
		return []byte(b.String())
	}
	j := newJSON(t, nil, mask.JSONOptions{})
	const n = 600
	small, large := build(n), build(4*n)
	var out []byte
	measure := func(event []byte) time.Duration {
		best := time.Hour
		for range 3 {
			best = min(best, cputime.PerRun(func() {
				var err error
				if out, err = j.AppendMask(out[:0], event); err != nil {
					t.Fatal(err)
				}
			}))
		}
		return best
	}
	measure(small)
	ts, tl := measure(small), measure(large)
	ratio := float64(tl) / float64(max(ts, time.Microsecond))
	t.Logf("time at 4n / time at n = %.1f (%v at depth %d, %v at %d)", ratio, ts, n, tl, 4*n)
	if ratio > 8 {
		t.Errorf("time at 4n / time at n = %.1f, want at most 8", ratio)
	}
	if strings.Contains(string(out), "a@example.com") || strings.Contains(string(out), "536-22-1234") {
		t.Errorf("values left in clear")
	}
}
