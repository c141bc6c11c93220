package main

// linearMemory is the size of the module's linear memory in 64 KiB pages
// (memory.size; memsize_wasm.s).
func linearMemory() int32

// memoryInUse is how much memory the module holds: its linear memory,
// which the Go runtime grows as it maps memory, so an upper bound of what
// runtime.MemStats.Sys counts. runtime.ReadMemStats would stop the world
// and sum over every size class, code a WebAssembly engine compiles at the
// first compile (~15 KB).
func memoryInUse() int64 { return int64(linearMemory()) << 16 }
