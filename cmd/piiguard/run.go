package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// Exit statuses.
const (
	// exitOK: success; with --fail, nothing was found.
	exitOK = 0
	// exitIO: an input could not be read or the output written, or an
	// input is invalid (an invalid policy for policy validate, a token
	// unmask cannot open).
	exitIO = 1
	// exitUsage: the command line is wrong: an unknown command or flag, a
	// bad flag value, an unknown identifier, an invalid custom identifier
	// or --policy file, a missing or unusable key.
	exitUsage = 2
	// exitFound: --fail was given and something was found.
	exitFound = 3
)

// A command is one of piiguard's sub-commands.
type command struct {
	name     string
	synopsis string // flags and arguments, after "piiguard NAME"
	summary  string // what it does, in a few lines
	run      func(e *env, args []string) error
}

// env is what a command runs with.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// commands lists the sub-commands, in the order usage shows them.
var commands []*command

func init() {
	sel := "[--identifiers A,B,...] [--custom NAME=REGEX]... [--policy FILE]..."
	commands = []*command{
		{"scan", sel + " [--format jsonl|text|sarif] [--show-values] [--fail] [--binary skip|scan] [--workers N] [FILE...]",
			"Print each finding: one JSON object per finding (jsonl), file:line:column lines (text),\nor a SARIF 2.1.0 log (sarif). Values are never printed without --show-values.", cmdScan},
		{"mask", sel + " [--style STYLE] [--key-file FILE] [--json] [--binary skip|scan] [--workers N] [FILE...]",
			"Print the input with every finding masked, line by line, as each line is read.", cmdMask},
		{"unmask", "[--key-file FILE] [--json] [FILE...]",
			"Restore the values in the tokens mask --style token wrote.", cmdUnmask},
		{"audit", sel + " [--resource-arn ARN] [--metrics] [--fail] [--binary skip|scan] [--workers N] [FILE...]",
			"Print a CloudWatch-style findings report for each line (log event) with findings.", cmdAudit},
		{"policy", "validate FILE...",
			"Check CloudWatch Logs data protection policies (with or without piiguard's extensions).", cmdPolicy},
		{"identifiers", "[--json]",
			"List the identifier catalog; extensions (not in CloudWatch) are marked and used only when named.", cmdIdentifiers},
		{"version", "",
			"Print piiguard's version and the commit it was built from (also: piiguard --version).", cmdVersion},
	}
}

// usage is the text `piiguard help` prints.
func usage() string {
	var b strings.Builder
	b.WriteString("usage:\n")
	for _, c := range commands {
		b.WriteString("  " + strings.TrimSpace("piiguard "+c.name+" "+c.synopsis) + "\n")
	}
	b.WriteString(`
scan, mask and audit read the named files, or standard input when there are
none ("-" is standard input too). --policy FILE reads a CloudWatch Logs data
protection policy; give it twice for an account-level policy followed by a
log-group policy, which apply together. "piiguard COMMAND --help" describes
a command's flags.

Exit status: 0 success; 1 an input could not be read or the output written,
or an input is invalid (policy validate, unmask); 2 usage error (unknown
flag or identifier, bad flag value, unusable key or --policy file); 3 with
--fail, something was found.
`)
	return b.String()
}

func lookupCommand(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// usageError marks errors that are the caller's: the command line.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// exitError ends a command with a status and no further message (the
// command has said what it had to).
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// errFound is --fail's: something was found.
var errFound = exitError{exitFound}

// helpRequest is what --help asks for: text for standard output.
type helpRequest struct{ text string }

func (h helpRequest) Error() string { return "help requested" }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		io.WriteString(stderr, usage())
		return exitUsage
	}
	var err error
	switch name := args[0]; name {
	case "help", "-h", "-help", "--help":
		err = helpRequest{usage()}
		if len(args) > 1 {
			if c := lookupCommand(args[1]); c != nil {
				err = c.run(e, []string{"--help"})
			} else {
				err = unknownCommand(args[1])
			}
		}
	case "-version", "--version", "-v":
		err = cmdVersion(e, args[1:])
	default:
		c := lookupCommand(name)
		if c == nil {
			err = unknownCommand(name)
		} else {
			err = c.run(e, args[1:])
		}
	}
	return exit(err, stdout, stderr)
}

func unknownCommand(name string) error {
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	if strings.HasPrefix(name, "-") {
		return usagef("unknown flag %s before the command%s (want piiguard COMMAND [flags]; commands: %s)", name, didYouMean(strings.TrimLeft(name, "-"), names, "--"), strings.Join(names, ", "))
	}
	return usagef("unknown command %q%s (want %s)", name, didYouMean(name, names, ""), strings.Join(names, ", "))
}

// exit reports err and returns the exit status it calls for.
func exit(err error, stdout, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	var h helpRequest
	if errors.As(err, &h) {
		if _, werr := io.WriteString(stdout, h.text); werr != nil {
			fmt.Fprintf(stderr, "piiguard: writing the help: %v\n", werr)
			return exitIO
		}
		return exitOK
	}
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	fmt.Fprintf(stderr, "piiguard: %s\n", message(err))
	var ue usageError
	if errors.As(err, &ue) {
		return exitUsage
	}
	return exitIO
}

// message is err's text on one line, with the "piiguard: " prefixes of
// the library's errors removed: the CLI prints one.
func message(err error) string {
	s := strings.ReplaceAll(err.Error(), "piiguard: ", "")
	return strings.ReplaceAll(strings.TrimSpace(s), "\n", "; ")
}

func oneLine(s string) string { return strings.ReplaceAll(strings.TrimSpace(s), "\n", "; ") }
