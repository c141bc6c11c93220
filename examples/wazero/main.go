// Command wazero masks a log file with piiguard's WebAssembly module, run by
// the wazero runtime through package wasmhost: the same engine the Node.js
// and Python packages load.
//
//	make wasm
//	go run ./examples/wazero examples/logs/app.log
package main

import (
	"bufio"
	"context"
	"fmt"
	"os"

	"github.com/piiguard/piiguard/wasm/wasmhost"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "wazero example:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("usage: go run ./examples/wazero FILE")
	}
	ctx := context.Background()
	path, err := wasmhost.FindModule()
	if err != nil {
		return err
	}
	m, err := wasmhost.Load(ctx, path, wasmhost.Options{})
	if err != nil {
		return err
	}
	defer m.Close(ctx)
	s, err := m.Compile(ctx, wasmhost.Config{}) // every CloudWatch identifier
	if err != nil {
		return err
	}
	f, err := os.Open(args[0])
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	lines := bufio.NewScanner(f)
	lines.Buffer(make([]byte, 64<<10), 16<<20)
	for lines.Scan() {
		masked, err := s.Mask(ctx, lines.Bytes())
		if err != nil {
			return err
		}
		w.Write(masked)
		w.WriteByte('\n')
	}
	return lines.Err()
}
