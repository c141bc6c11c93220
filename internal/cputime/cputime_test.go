package cputime_test

import (
	"testing"
	"time"

	"github.com/piiguard/piiguard/internal/cputime"
)

// TestPerRunGrowsWithWork checks that measured time follows the work
// done: a loop four times as long takes clearly more time per run.
func TestPerRunGrowsWithWork(t *testing.T) {
	spin := func(n int) func() {
		return func() {
			x := 0
			for i := range n {
				x += i ^ (x >> 3)
			}
			sink = x
		}
	}
	small := cputime.PerRun(spin(1 << 16))
	large := cputime.PerRun(spin(1 << 18))
	if small <= 0 || large <= small {
		t.Fatalf("per run: %v for n, %v for 4n; want 0 < n < 4n", small, large)
	}
	if d := cputime.Of(func() {}); d < 0 || d > time.Second {
		t.Fatalf("Of(empty) = %v", d)
	}
}

var sink int
