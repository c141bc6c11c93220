package cputime

import (
	"runtime"
	"runtime/debug"
	"syscall"
	"time"
)

// Of returns the CPU time f takes on its thread. The garbage collector is
// held off while f runs.
func Of(f func()) time.Duration {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	var a, b syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_THREAD, &a)
	f()
	syscall.Getrusage(syscall.RUSAGE_THREAD, &b)
	return time.Duration(b.Utime.Nano() + b.Stime.Nano() - a.Utime.Nano() - a.Stime.Nano())
}
