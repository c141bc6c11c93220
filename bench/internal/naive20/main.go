// Command naive20 is the naive scanner the start-up and whole-process
// benchmarks compare the piiguard CLI with: it compiles 20 regular
// expressions for common sensitive values with Go's regexp, as a small Go
// PII scanner would, runs each over every line of the named files (or
// standard input) and prints one line per match:
//
//	naive20 [FILE...]
//	{"line":3,"start":17,"end":28,"pattern":"ssn"}
//
// It validates nothing and checks no keyword; it exists to measure what
// starting a Go program that compiles 20 regexps costs, and how fast such a
// program scans.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
)

// patterns are the 20 expressions, by name.
var patterns = [20][2]string{
	{"email", `[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`},
	{"ssn", `\b[0-9]{3}-[0-9]{2}-[0-9]{4}\b`},
	{"visa", `\b4[0-9]{3}[ -]?[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}\b`},
	{"mastercard", `\b5[1-5][0-9]{2}[ -]?[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}\b`},
	{"amex", `\b3[47][0-9]{2}[ -]?[0-9]{6}[ -]?[0-9]{5}\b`},
	{"discover", `\b6(?:011|5[0-9]{2})[ -]?[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}\b`},
	{"phone-us", `(?:\+1[ .-]?)?\(?[2-9][0-9]{2}\)?[ .-]?[0-9]{3}[ .-]?[0-9]{4}\b`},
	{"phone-intl", `\+[1-9][0-9]{0,2}[ .-]?[0-9]{2,4}[ .-]?[0-9]{3,4}[ .-]?[0-9]{3,4}\b`},
	{"ipv4", `\b(?:(?:25[0-5]|2[0-4][0-9]|1?[0-9]{1,2})\.){3}(?:25[0-5]|2[0-4][0-9]|1?[0-9]{1,2})\b`},
	{"ipv6", `\b(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}\b`},
	{"iban", `\b[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}\b`},
	{"aws-access-key", `\b(?:AKIA|ASIA)[A-Z0-9]{16}\b`},
	{"aws-secret-key", `(?i)aws_secret_access_key\s*[=:]\s*[A-Za-z0-9/+=]{40}`},
	{"date-of-birth", `(?i)\b(?:dob|date of birth|born)\W+[0-9]{4}-[0-9]{2}-[0-9]{2}\b`},
	{"zip-us", `\b[0-9]{5}(?:-[0-9]{4})?\b`},
	{"postcode-uk", `\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b`},
	{"passport-us", `(?i)passport\W+[A-Z0-9]{9}\b`},
	{"vin", `\b[A-HJ-NPR-Z0-9]{17}\b`},
	{"private-key", `-----BEGIN (?:RSA |EC |OPENSSH |DSA )?PRIVATE KEY-----`},
	{"jwt", `\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+`},
}

func main() {
	res := make([]*regexp.Regexp, len(patterns))
	for i, p := range patterns {
		res[i] = regexp.MustCompile(p[1])
	}
	out := bufio.NewWriterSize(os.Stdout, 64<<10)
	status := 0
	scan := func(r io.Reader) error {
		in := bufio.NewReaderSize(r, 64<<10)
		for n := 1; ; n++ {
			line, err := in.ReadSlice('\n')
			if err == bufio.ErrBufferFull {
				// A line longer than the buffer: read the rest of it.
				long := append([]byte(nil), line...)
				for err == bufio.ErrBufferFull {
					line, err = in.ReadSlice('\n')
					long = append(long, line...)
				}
				line = long
			}
			for i, re := range res {
				for _, m := range re.FindAllIndex(line, -1) {
					fmt.Fprintf(out, "{\"line\":%d,\"start\":%d,\"end\":%d,\"pattern\":%q}\n", n, m[0], m[1], patterns[i][0])
				}
			}
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
		}
	}
	if len(os.Args) == 1 {
		if err := scan(os.Stdin); err != nil {
			fmt.Fprintln(os.Stderr, "naive20:", err)
			status = 2
		}
	}
	for _, name := range os.Args[1:] {
		f, err := os.Open(name)
		if err == nil {
			err = scan(f)
			f.Close()
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "naive20:", err)
			status = 2
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "naive20:", err)
		status = 1
	}
	os.Exit(status)
}
