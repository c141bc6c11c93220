// Command piiguard finds and masks sensitive data in logs, line by line.
//
// Usage:
//
//	piiguard scan [flags] [FILE...]     print one JSON object per finding
//	piiguard mask [flags] [FILE...]     print the input with findings masked
//	piiguard identifiers [--json]       list the identifier catalog
//
// scan and mask read the named files, or standard input when there are none,
// and accept:
//
//	--identifiers A,B,...   managed identifiers to use (default: all)
//	--custom NAME=REGEX     a custom identifier (repeatable, at most 10)
//	--show-values           scan only: add each finding's value to its output
//
// A finding prints as {"line":3,"start":17,"end":28,"identifier":"Ssn-US","score":0.93}:
// line is 1-based, start and end are byte offsets within the line without
// its newline, end exclusive. mask prints the same number of lines, every
// byte outside findings unchanged. A line that is not valid UTF-8 is
// scanned as bytes, never dropped.
//
// Exit status: 0 on success, 2 on a usage error, an unreadable file or an
// invalid identifier, 1 when writing the output fails.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
