//go:build !linux

package cputime

import (
	"runtime/debug"
	"time"
)

// Of returns the wall-clock time f takes: the thread's CPU time is not at
// hand here. The garbage collector is held off while f runs.
func Of(f func()) time.Duration {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	start := time.Now()
	f()
	return time.Since(start)
}
