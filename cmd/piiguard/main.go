// Command piiguard finds and masks sensitive data in logs, line by line.
//
// Usage:
//
//	piiguard scan [flags] [FILE...]          print one JSON object per finding
//	piiguard mask [flags] [FILE...]          print the input with findings masked
//	piiguard unmask --key-file FILE [FILE...] restore reversible tokens
//	piiguard audit [flags] [FILE...]         print CloudWatch-style findings reports
//	piiguard policy validate FILE...         check data protection policies
//	piiguard identifiers [--json]            list the identifier catalog
//
// scan, mask and audit read the named files, or standard input when there
// are none, and accept:
//
//	--identifiers A,B,...   managed identifiers to use (default: all CloudWatch ones)
//	--custom NAME=REGEX     a custom identifier (repeatable, at most 10)
//	--policy FILE           a CloudWatch data protection policy (twice: account, then log group)
//	--show-values           scan only: add each finding's value to its output
//	--style STYLE           mask only: asterisk, partial, placeholder, redact, hash or token
//	--key-file FILE         the key of hash and token (or $PIIGUARD_KEY_FILE); never a flag value
//	--json                  mask only: lines that are JSON stay valid JSON
//
// A finding prints as {"line":3,"start":17,"end":28,"identifier":"Ssn-US","score":0.93}:
// line is 1-based, start and end are byte offsets within the line without
// its newline, end exclusive. mask prints the same number of lines, every
// byte outside findings unchanged, and writes each line as soon as it is
// read (tail -f app.log | piiguard mask). A line that is not valid UTF-8 is
// scanned as bytes, never dropped.
//
// Exit status: 0 on success; 2 on a usage error, an unreadable file or an
// invalid identifier or policy; 1 when writing fails, when policy validate
// finds an invalid policy, or when unmask meets a token it cannot restore.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
