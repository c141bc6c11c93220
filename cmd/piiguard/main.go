// Command piiguard finds and masks sensitive data in logs, line by line.
//
// Usage:
//
//	piiguard scan [flags] [FILE...]       print each finding (JSON Lines, text or SARIF 2.1.0)
//	piiguard mask [flags] [FILE...]       print the input with findings masked
//	piiguard unmask [flags] [FILE...]     restore the values in reversible tokens
//	piiguard audit [flags] [FILE...]      print CloudWatch-style findings reports
//	piiguard policy validate FILE...      check data protection policies
//	piiguard identifiers [--json]         list the identifier catalog, extensions marked
//	piiguard version                      print the version and commit (also --version)
//
// "piiguard COMMAND --help" lists a command's flags; "piiguard help" prints
// every command's synopsis. scan, mask and audit read the named files, or
// standard input when there are none, line by line: each line's output is
// written as soon as the line is read (tail -f app.log | piiguard scan),
// and lines of any length take bounded memory (a line longer than 1 MiB
// is processed in overlapping pieces, as package mask's stream does).
//
// A jsonl finding prints as {"line":3,"start":17,"end":28,"identifier":"Ssn-US","score":0.93}:
// line is 1-based, start and end are byte offsets within the line without
// its newline, end exclusive. Values are printed only with --show-values.
// mask prints the same number of lines, every byte outside findings
// unchanged. A line that is not valid UTF-8 is scanned as bytes, never
// dropped. An input with a NUL byte in its first 8 KiB is binary: scan
// and audit skip it, mask copies it unchanged (--binary scan: as text).
//
// Keys (mask --style hash or token, a policy's hash and token styles,
// unmask) come from --key-file FILE or the file $PIIGUARD_KEY_FILE names:
// hex (openssl rand -hex 32), base64 or raw bytes, at least 32 bytes.
// scan and audit never need one.
//
// Exit status: 0 on success (with --fail: nothing found); 1 when an input
// cannot be read or the output written, when policy validate finds an
// invalid policy, or when unmask meets a token it cannot open; 2 on a
// usage error (unknown command, flag or identifier, bad flag value,
// unusable key or --policy file); 3 when scan --fail or audit --fail
// found something. Errors are one line on standard error, starting with
// "piiguard:", and never hold a key or scanned data.
//
// Garbage collection: piiguard is a batch process whose live heap is a few
// megabytes (the compiled catalog, a batch of lines per worker). Unless
// GOGC is set in the environment it runs with GOGC=400: start-up then
// builds the scanner without a collection (a fifth fewer instructions on
// an empty file), and a long scan collects a quarter as often, for a few
// more megabytes of memory at most. GOGC=100 gives Go's default back.
package main

import (
	"os"
	"runtime/debug"
)

// batchGOGC is the GOGC piiguard runs with when the environment sets none.
const batchGOGC = 400

func main() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(batchGOGC)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
