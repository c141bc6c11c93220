package piiguard_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/mask"
)

// MaskLines masks many records on every core; the output is in input
// order, the same as masking them one after another.
func ExampleScanner_MaskLines() {
	s, err := piiguard.NewScanner(piiguard.Config{})
	if err != nil {
		panic(err)
	}
	logs := strings.NewReader("login jane@example.com\nssn 536-22-1234 verified\nno value here\n")
	out := bufio.NewWriter(os.Stdout) // MaskLines flushes it when the input pauses
	defer out.Flush()
	found := 0
	err = s.MaskLines(context.Background(), out, logs, piiguard.LinesOptions{
		Workers: 2,
		Segment: func(sg *mask.Segment) error { // in input order
			found += len(sg.Findings)
			return nil
		},
	})
	if err != nil {
		panic(err)
	}
	fmt.Fprintln(out, found, "values masked")
	// Output:
	// login ****************
	// ssn *********** verified
	// no value here
	// 2 values masked
}
