package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
)

// readSize is how much of an input is read at a time.
const readSize = 64 << 10

// An input is a file named on the command line, or standard input.
type input struct {
	name string
	r    io.Reader
	c    io.Closer
}

func (in input) Close() {
	if in.c != nil {
		in.c.Close()
	}
}

func closeInputs(inputs []input) {
	for _, in := range inputs {
		in.Close()
	}
}

// openInputs opens every file first, so that a bad name fails before any
// output is written.
func openInputs(paths []string, stdin io.Reader) ([]input, error) {
	if len(paths) == 0 {
		return []input{{name: "standard input", r: stdin}}, nil
	}
	var ins []input
	for _, p := range paths {
		if p == "-" {
			ins = append(ins, input{name: "standard input", r: stdin})
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			closeInputs(ins)
			return nil, fmt.Errorf("%s: %w", p, pathless(err))
		}
		if st, err := f.Stat(); err == nil && st.IsDir() {
			f.Close()
			closeInputs(ins)
			return nil, fmt.Errorf("%s: is a directory", p)
		}
		ins = append(ins, input{name: p, r: f, c: f})
	}
	return ins, nil
}

// pathless strips the path that os errors carry, so that a message names
// the path once.
func pathless(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// isRegularFile reports whether r is a regular file.
func isRegularFile(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode().IsRegular()
}

// pump copies in to stream, a line-oriented writer that writes its output
// to out, a read at a time. When in is not a regular file (a pipe, a
// terminal), out is flushed after each read, so that output keeps up with
// input that comes slowly (tail -f app.log | piiguard scan); a regular
// file's output is written in large blocks. A read error is returned
// naming the input; what was read before it has been written to stream.
func pump(in input, stream io.Writer, out *bufio.Writer) error {
	flushEach := !isRegularFile(in.r)
	buf := make([]byte, readSize)
	for {
		n, err := in.r.Read(buf)
		if n > 0 {
			if _, werr := stream.Write(buf[:n]); werr != nil {
				return werr
			}
			if _, werr := out.Write(nil); werr != nil {
				return werr // out's error, which sticks
			}
			if flushEach {
				if ferr := out.Flush(); ferr != nil {
					return ferr
				}
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return readError{in.name, pathless(err)}
		}
	}
}

// readError is a failure to read an input.
type readError struct {
	name string
	err  error
}

func (e readError) Error() string { return "reading " + e.name + ": " + e.err.Error() }
func (e readError) Unwrap() error { return e.err }
