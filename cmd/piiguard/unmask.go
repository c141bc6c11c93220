package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"github.com/piiguard/piiguard/mask"
)

// maxReportedUnmaskErrors bounds the lines unmask reports one by one.
const maxReportedUnmaskErrors = 10

// cmdUnmask restores the values in tokens written by mask --style token.
// A token that cannot be opened is left as it was (every other token on
// its line is restored) and reported on stderr by file, line and byte
// offset, never with its content; unmask then exits with status 1.
func cmdUnmask(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("unmask")
	keyFile := fs.String("key-file", "", "file holding the key (default $"+keyFileEnv+")")
	asJSON := fs.Bool("json", false, "input is one JSON event per line")
	if err := fs.Parse(args); err != nil {
		return usageError{fmt.Errorf("unmask: %w", err)}
	}
	key, err := readKey(*keyFile)
	if err != nil {
		return usageError{fmt.Errorf("unmask: %w", err)}
	}
	tk, err := mask.NewTokenizer(key)
	clear(key)
	if err != nil {
		return usageError{fmt.Errorf("unmask: %w", err)}
	}
	inputs, err := openInputs(fs.Args(), stdin)
	if err != nil {
		return usageError{err}
	}
	defer func() {
		for _, in := range inputs {
			in.Close()
		}
	}()
	w := bufio.NewWriterSize(stdout, 64<<10)
	bad := 0
	for _, in := range inputs {
		flushEach := !isRegularFile(in.r)
		lineNo := 0
		err := eachLine(in, func(line []byte, newline bool) error {
			lineNo++
			out, err := unmaskLine(tk, line, *asJSON)
			if err != nil {
				bad++
				if bad <= maxReportedUnmaskErrors {
					fmt.Fprintf(stderr, "piiguard: unmask: %s:%d: %s\n", in.name, lineNo, describeTokenError(err))
				}
				if out == nil {
					out = line
				}
			}
			if _, err := w.Write(out); err != nil {
				return err
			}
			if newline {
				if err := w.WriteByte('\n'); err != nil {
					return err
				}
			}
			if flushEach {
				return w.Flush()
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if bad > 0 {
		return fmt.Errorf("unmask: %d line(s) held a token that could not be opened; such tokens were left as they were", bad)
	}
	return nil
}

// unmaskLine restores one line; with asJSON, a line that is a JSON object
// or array is unmasked string by string, so that it stays valid JSON.
func unmaskLine(tk *mask.Tokenizer, line []byte, asJSON bool) ([]byte, error) {
	if asJSON {
		out, err := mask.UnmaskJSON(tk, line)
		var se *mask.JSONSyntaxError
		if !errors.As(err, &se) {
			return out, err
		}
		// Not JSON: unmask as text.
	}
	return tk.Unmask(line)
}

// describeTokenError describes an unmask error without content.
func describeTokenError(err error) string {
	var te *mask.TokenError
	if errors.As(err, &te) {
		return fmt.Sprintf("token at byte %d: %v", te.Offset, te.Err)
	}
	return err.Error()
}
