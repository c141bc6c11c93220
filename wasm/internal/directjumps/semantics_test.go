package main

import (
	"context"
	"testing"
	"time"

	"github.com/tetratelabs/wazero"
)

// runF compiles mod and calls its f(pc, n) with a time limit: its result,
// whether it trapped, and whether it compiled and finished.
func runF(mod []byte, pc, n uint64) (res uint64, trapped, compiled, finished bool) {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	rt := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfigInterpreter().WithCloseOnContextDone(true))
	defer rt.Close(context.Background())
	cm, err := rt.CompileModule(ctx, mod)
	if err != nil {
		return 0, false, false, false
	}
	inst, err := rt.InstantiateModule(ctx, cm, wazero.NewModuleConfig())
	if err != nil {
		return 0, false, true, false
	}
	fn := inst.ExportedFunction("f")
	if fn == nil || len(fn.Definition().ParamTypes()) != 2 || len(fn.Definition().ResultTypes()) != 1 {
		return 0, false, true, false
	}
	out, err := fn.Call(ctx, pc, n)
	if ctx.Err() != nil {
		return 0, false, true, false
	}
	if err != nil {
		return 0, true, true, true
	}
	return out[0], false, true, true
}

// FuzzRewriteSemantics: a module that wazero compiles still compiles once
// rewritten, and its f(pc, n), where both finish within the time limit,
// returns the same or traps in both (the seeds' functions are in Go's
// shape; mutations change their constants, tables and branches).
func FuzzRewriteSemantics(f *testing.F) {
	f.Add(module(triangle(false)), uint32(0), uint32(5))
	f.Add(module(loopBody()), uint32(0), uint32(5))
	f.Add(module(defaultLoopBody()), uint32(0), uint32(3))
	f.Fuzz(func(t *testing.T, mod []byte, pc, n uint32) {
		got, _, err := Rewrite(mod)
		if err != nil {
			return
		}
		r1, t1, c1, f1 := runF(mod, uint64(pc%8), uint64(n%64))
		if !c1 {
			return
		}
		r2, t2, c2, f2 := runF(got, uint64(pc%8), uint64(n%64))
		if !c2 {
			t.Fatalf("a valid module rewritten is invalid")
		}
		if f1 && f2 && (r1 != r2 || t1 != t2) {
			t.Fatalf("f(%d, %d): %d trapped %v, rewritten %d trapped %v", pc%8, n%64, r1, t1, r2, t2)
		}
	})
}
