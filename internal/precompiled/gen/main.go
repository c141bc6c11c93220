// Command gen writes the precompiled form of the managed catalog's automata
// (package precompiled) that the detector embeds:
//
//	go run ./internal/precompiled/gen -o detector/precompiled.bin
//
// go generate ./detector/ (make generate) runs it; the detector's
// TestPrecompiledUpToDate fails while the file is stale. It imports package
// detector, which registers the setups of its words to store with the
// automata (precompiled.RegisterSetups).
package main

import (
	"flag"
	"fmt"
	"os"

	_ "github.com/piiguard/piiguard/detector" // registers the words' setups
	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/precompiled"
)

func main() {
	out := flag.String("o", "precompiled.bin", "output file")
	flag.Parse()
	form, err := precompiled.Build(identifiers.Catalog())
	if err == nil {
		err = os.WriteFile(*out, form, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
