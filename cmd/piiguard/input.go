package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
)

const (
	// readSize is how much of an input is read at a time.
	readSize = 64 << 10
	// binarySniff is how much of an input's start is looked at for a NUL
	// byte, as grep does, to tell a binary file.
	binarySniff = 8 << 10
)

// An input is a file named on the command line, or standard input.
type input struct {
	name string
	r    io.Reader
	c    io.Closer
	size int64 // of a regular file; -1 when unknown
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

const stdinName = "standard input"

// openInputs opens every file first, so that a bad name fails before any
// output is written.
func openInputs(paths []string, stdin io.Reader) ([]input, error) {
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	var ins []input
	for _, p := range paths {
		if p == "-" {
			ins = append(ins, input{name: stdinName, r: stdin, size: regularSize(stdin)})
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
		ins = append(ins, input{name: p, r: f, c: f, size: regularSize(f)})
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

// regularSize returns the size of r when it is a regular file, else -1.
func regularSize(r io.Reader) int64 {
	f, ok := r.(*os.File)
	if !ok {
		return -1
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return -1
	}
	return st.Size()
}

// A pumper feeds inputs to a command's line-oriented stream.
type pumper struct {
	cmd    string
	out    *bufio.Writer
	stderr io.Writer
	// scanBinary: --binary scan. Otherwise a binary input is skipped
	// (scan, audit) or, with passBinary, copied unchanged (mask).
	scanBinary bool
	passBinary bool
	// noteBinary says on standard error that a binary input is scanned
	// as text, when that was not asked for (mask's default).
	noteBinary bool
	progress   *progress // nil: none
}

// pump copies in to stream, a line-oriented writer that writes its output
// to p.out, a read at a time. When in is not a regular file (a pipe, a
// terminal), p.out is flushed after each read, so that output keeps up
// with input that comes slowly (tail -f app.log | piiguard scan); a
// regular file's output is written in large blocks. A read error is
// returned naming the input; what was read before it has been written to
// stream. An input whose first 8 KiB (of a pipe: its first read) hold a
// NUL byte is binary: see pumper.
func (p *pumper) pump(in input, stream io.Writer) error {
	first := true
	flushEach := in.size < 0
	buf := make([]byte, readSize)
	for {
		n, err := in.r.Read(buf)
		if n > 0 {
			if first {
				if done, err := p.sniff(in, buf[:n]); done {
					return err
				}
			}
			first = false
			if _, werr := stream.Write(buf[:n]); werr != nil {
				return werr
			}
			if _, werr := p.out.Write(nil); werr != nil {
				return werr // out's error, which sticks
			}
			if flushEach {
				if ferr := p.out.Flush(); ferr != nil {
					return ferr
				}
			}
			p.progress.add(int64(n))
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return readError{in.name, pathless(err)}
		}
	}
}

// sniff looks at an input's first read, head: an input with a NUL byte in
// its first 8 KiB is binary, and is skipped or copied unchanged (done, with
// binary's error) unless it is to be scanned; then, when that was not asked
// for (noteBinary), standard error says so.
func (p *pumper) sniff(in input, head []byte) (done bool, err error) {
	if bytes.IndexByte(head[:min(len(head), binarySniff)], 0) < 0 {
		return false, nil
	}
	if !p.scanBinary {
		return true, p.binary(in, head)
	}
	if p.noteBinary {
		fmt.Fprintf(p.stderr, "piiguard: %s: %s: binary file masked as text (--binary skip copies it unchanged)\n", p.cmd, in.name)
	}
	return false, nil
}

// binary skips a binary input, or copies it unchanged; head is what was
// read of it.
func (p *pumper) binary(in input, head []byte) error {
	if !p.passBinary {
		fmt.Fprintf(p.stderr, "piiguard: %s: %s: binary file skipped (--binary scan to scan it)\n", p.cmd, in.name)
		return nil
	}
	fmt.Fprintf(p.stderr, "piiguard: %s: %s: binary file passed through unmasked (--binary scan to mask it)\n", p.cmd, in.name)
	if _, err := p.out.Write(head); err != nil {
		return err
	}
	_, err := io.Copy(p.out, readerOnly{in, p.progress})
	return err
}

// readerOnly reads in, naming it in errors and counting progress.
type readerOnly struct {
	in input
	p  *progress
}

func (r readerOnly) Read(b []byte) (int, error) {
	n, err := r.in.r.Read(b)
	r.p.add(int64(n))
	if err != nil && err != io.EOF {
		err = readError{r.in.name, pathless(err)}
	}
	return n, err
}

// readError is a failure to read an input.
type readError struct {
	name string
	err  error
}

func (e readError) Error() string { return "reading " + e.name + ": " + e.err.Error() }
func (e readError) Unwrap() error { return e.err }
