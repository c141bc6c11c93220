// Package cputime measures the CPU time a function takes on its thread,
// for the complexity tests: on a shared machine other load disturbs CPU
// time far less than wall-clock time, so the ratio of the times at n and
// at 4n stays meaningful. Where the thread's CPU time is not at hand
// (outside Linux), Of falls back to wall-clock time.
package cputime

import "time"

// PerRun returns the time one run of f takes, f run as many times as it
// takes to measure well above the clock's resolution (25 ms, or 65,536
// runs).
func PerRun(f func()) time.Duration {
	for n := 1; ; n *= 2 {
		d := Of(func() {
			for range n {
				f()
			}
		})
		if d >= 25*time.Millisecond || n >= 1<<16 {
			return d / time.Duration(n)
		}
	}
}
