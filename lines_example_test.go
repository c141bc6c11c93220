package piiguard_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
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

// With ReportOnly, MaskLines only reports findings, as `piiguard scan`
// does: nothing is masked or written, and Segment sees the findings a
// masking run would mask, line by line, in input order.
func ExampleLinesOptions_reportOnly() {
	s, err := piiguard.NewScanner(piiguard.Config{})
	if err != nil {
		panic(err)
	}
	logs := strings.NewReader("login jane@example.com\nssn 536-22-1234 verified\nno value here\n")
	err = s.MaskLines(context.Background(), io.Discard, logs, piiguard.LinesOptions{
		ReportOnly: true,
		Segment: func(sg *mask.Segment) error {
			for _, f := range sg.Findings {
				fmt.Printf("line %d, bytes %d-%d: %s\n", sg.Line, sg.Offset+int64(f.Start), sg.Offset+int64(f.End), f.Identifier)
			}
			return nil
		},
	})
	if err != nil {
		panic(err)
	}
	// Output:
	// line 1, bytes 6-22: EmailAddress
	// line 2, bytes 4-15: Ssn-US
}

// With Format, the findings are formatted on the workers that find them,
// every core at once, and MaskLines writes what they make in input order:
// the output is the same whatever the number of workers. A formatter
// belongs to one worker and may keep state within a line.
func ExampleLinesOptions_format() {
	s, err := piiguard.NewScanner(piiguard.Config{})
	if err != nil {
		panic(err)
	}
	logs := strings.NewReader("login jane@example.com\nssn 536-22-1234 verified\nno value here\n")
	out := bufio.NewWriter(os.Stdout) // MaskLines flushes it when the input pauses
	defer out.Flush()
	err = s.MaskLines(context.Background(), out, logs, piiguard.LinesOptions{
		Workers:    4,
		ReportOnly: true,
		Format: func() func([]byte, *mask.Segment) []byte { // once per worker
			return func(b []byte, sg *mask.Segment) []byte {
				for _, f := range sg.Findings {
					b = fmt.Appendf(b, "%d:%d: %s\n", sg.Line, sg.Offset+int64(f.Start), f.Identifier)
				}
				return b
			}
		},
	})
	if err != nil {
		panic(err)
	}
	// Output:
	// 1:6: EmailAddress
	// 2:4: Ssn-US
}
