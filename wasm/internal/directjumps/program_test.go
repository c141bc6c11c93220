package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
)

// runWASI runs a wasip1 command module under wazero and returns what it
// wrote to standard output.
func runWASI(t *testing.T, mod []byte) string {
	t.Helper()
	ctx := context.Background()
	rt := wazero.NewRuntime(ctx)
	defer rt.Close(ctx)
	wasi_snapshot_preview1.MustInstantiate(ctx, rt)
	var stdout, stderr bytes.Buffer
	cfg := wazero.NewModuleConfig().WithStdout(&stdout).WithStderr(&stderr).WithArgs("stress")
	if _, err := rt.InstantiateWithConfig(ctx, mod, cfg); err != nil {
		t.Fatalf("run: %v; stderr: %s", err, stderr.String())
	}
	return stdout.String()
}

// TestRewriteGoProgram: a Go program that switches goroutines, grows its
// stack, panics and recovers, defers and calls through interfaces and
// closures (testdata/stress), built for wasip1, prints the same before
// and after Rewrite, and as natively.
func TestRewriteGoProgram(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a Go program for wasip1")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command: %v", err)
	}
	dir := t.TempDir()
	wasmPath := filepath.Join(dir, "stress.wasm")
	build := exec.Command(gobin, "build", "-o", wasmPath, ".")
	build.Dir = filepath.Join("testdata", "stress")
	build.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	native := exec.Command(gobin, "run", ".")
	native.Dir = filepath.Join("testdata", "stress")
	want, err := native.Output()
	if err != nil {
		t.Fatalf("go run: %v", err)
	}
	mod, err := os.ReadFile(wasmPath)
	if err != nil {
		t.Fatal(err)
	}
	got, st, err := Rewrite(mod)
	if err != nil {
		t.Fatal(err)
	}
	if st.Direct == 0 || st.Loops == 0 || st.Back == 0 {
		t.Fatalf("no forward jump or no loop rewritten (%+v)", st)
	}
	before, after := runWASI(t, mod), runWASI(t, got)
	if before != string(want) {
		t.Errorf("the module as built prints\n%s\nnatively\n%s", before, want)
	}
	if after != before {
		t.Errorf("the rewritten module prints\n%s\nthe module as built\n%s", after, before)
	}
	if !strings.Contains(after, "recovered 11") {
		t.Errorf("output lacks the recovered panics:\n%s", after)
	}
}
