//go:build !wasm

package main

import "runtime"

// memoryInUse is how much memory the process has from the Go runtime
// (natively, where the package is tested).
func memoryInUse() int64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int64(ms.Sys)
}
