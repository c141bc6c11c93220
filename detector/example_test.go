package detector_test

import (
	"fmt"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/identifiers"
)

func Example() {
	ssn, _ := identifiers.Lookup("Ssn-US")
	email, _ := identifiers.Lookup("EmailAddress")
	d, err := detector.Compile([]*identifiers.Identifier{ssn, email})
	if err != nil {
		panic(err)
	}
	text := "ssn 536-22-1234 for jane@example.com; 536-22-1234 alone needs its keyword"
	for _, f := range d.FindString(text) {
		fmt.Printf("%s %q score=%.2f keyword=%q\n", f.Identifier, text[f.Start:f.End], f.Score, f.Keyword)
	}
	// Output:
	// Ssn-US "536-22-1234" score=0.94 keyword="ssn"
	// EmailAddress "jane@example.com" score=0.90 keyword=""
}
