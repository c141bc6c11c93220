package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	out := flag.String("o", "", "output `file` (default: rewrite in place)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: directjumps [-o out.wasm] module.wasm")
		os.Exit(2)
	}
	in := flag.Arg(0)
	b, err := os.ReadFile(in)
	if err != nil {
		fmt.Fprintln(os.Stderr, "directjumps:", err)
		os.Exit(1)
	}
	nb, st, err := Rewrite(b)
	if err != nil {
		fmt.Fprintf(os.Stderr, "directjumps: %s: %v\n", in, err)
		os.Exit(1)
	}
	if *out == "" {
		*out = in
	}
	if err := os.WriteFile(*out, nb, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "directjumps:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "directjumps: %d functions, %d with a dispatch loop; of %d jumps, %d forward direct, %d back to %d loops; %d → %d bytes\n",
		st.Functions, st.Dispatched, st.Jumps, st.Direct, st.Back, st.Loops, len(b), len(nb))
}
