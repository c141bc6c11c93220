//go:build !linux

package piiguard_test

import (
	"runtime/debug"
	"time"
)

// cpuTime is wall-clock time where the thread's CPU time is not at hand.
func cpuTime(f func()) time.Duration {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	start := time.Now()
	f()
	return time.Since(start)
}

// cpuTimePerRun returns the CPU time one run of f takes, f run as many
// times as it takes to measure well above the clock's resolution.
func cpuTimePerRun(f func()) time.Duration {
	for n := 1; ; n *= 2 {
		d := cpuTime(func() {
			for range n {
				f()
			}
		})
		if d >= 40*time.Millisecond || n >= 1<<16 {
			return d / time.Duration(n)
		}
	}
}
