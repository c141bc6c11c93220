// Command gendoc writes the managed identifier reference, IDENTIFIERS.md,
// from identifiers.Catalog(). It is run by "go generate ./identifiers/".
package main

import (
	"flag"
	"log"
	"os"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/identifiers/internal/doc"
)

func main() {
	out := flag.String("o", "IDENTIFIERS.md", "output file")
	flag.Parse()
	md := doc.Markdown(identifiers.Catalog(), identifiers.ManagedNames())
	if err := os.WriteFile(*out, md, 0o644); err != nil {
		log.Fatal(err)
	}
}
