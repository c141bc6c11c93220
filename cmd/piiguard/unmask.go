package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/piiguard/piiguard/internal/tokenerr"
	"github.com/piiguard/piiguard/mask"
)

// maxReportedUnmaskErrors bounds the lines unmask reports one by one.
const maxReportedUnmaskErrors = 10

// cmdUnmask restores the values in tokens written by mask --style token.
// A token that cannot be opened is left as it was (every other token on
// its line is restored) and reported on stderr by file, line and byte
// offset, never with its content; unmask then exits with status 1.
func cmdUnmask(e *env, args []string) error {
	cmd := lookupCommand("unmask")
	fs := newFlagSet(cmd)
	keyFile := fs.String("key-file", "", "`FILE` holding the key mask used (default $"+keyFileEnv+")")
	asJSON := fs.Bool("json", false, "lines that are JSON stay valid JSON: tokens in string values and member names are restored")
	files, err := parseFlags(fs, cmd, args)
	if err != nil {
		return err
	}
	key, err := readKey(*keyFile)
	if err != nil {
		return usagef("unmask: %w", err)
	}
	tk, err := mask.NewTokenizer(key)
	clear(key)
	if err != nil {
		return usagef("unmask: %w", err)
	}
	inputs, err := openInputs(files, e.stdin)
	if err != nil {
		return err
	}
	defer closeInputs(inputs)
	w := bufio.NewWriterSize(e.stdout, 64<<10)
	u := &unmasker{tk: tk, json: *asJSON, w: w, stderr: e.stderr, max: mask.DefaultMaxLineLength}
	p := &pumper{cmd: "unmask", out: w, stderr: e.stderr, scanBinary: true}
	for _, in := range inputs {
		u.name, u.line, u.off = in.name, 1, 0
		err := p.pump(in, u)
		if err == nil {
			err = u.Close()
		}
		if err != nil {
			u.Close()
			w.Flush() // what came before the error
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if u.bad > 0 {
		return fmt.Errorf("unmask: %d line(s) held a token that could not be opened; such tokens were left as they were", u.bad)
	}
	return nil
}

// An unmasker restores the tokens of a stream line by line, in bounded
// memory: a line longer than max is unmasked in pieces cut where no token
// can be cut (before a '<' with no '>' after it), as text (JSON or not).
// A token that cannot be opened is written as it was. It writes to w; its Write never fails but for w's errors.
type unmasker struct {
	tk     *mask.Tokenizer
	json   bool
	w      *bufio.Writer
	stderr io.Writer
	max    int

	name    string
	line    int   // current line number
	off     int64 // line offset of buf[0]
	buf     []byte
	badLine bool // the current line was reported
	bad     int  // lines reported
}

func (u *unmasker) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		i := bytes.IndexByte(p, '\n')
		seg := p
		if i >= 0 {
			seg = p[:i]
		}
		for len(seg) > 0 {
			take := min(u.max-len(u.buf), len(seg))
			u.buf = append(u.buf, seg[:take]...)
			seg = seg[take:]
			if len(u.buf) == u.max && (len(seg) > 0 || i < 0) {
				u.piece()
			}
		}
		if i < 0 {
			break
		}
		u.endLine(true)
		p = p[i+1:]
	}
	if _, err := u.w.Write(nil); err != nil {
		return 0, err
	}
	return n, nil
}

// Close unmasks the last line if it has no '\n'.
func (u *unmasker) Close() error {
	if len(u.buf) > 0 || u.off > 0 {
		u.endLine(false)
	}
	_, err := u.w.Write(nil)
	return err
}

// piece unmasks and writes the buffer of a long line, up to a cut that
// leaves no token in two.
func (u *unmasker) piece() {
	cut := len(u.buf)
	if i := bytes.LastIndexByte(u.buf, '<'); i > 0 && bytes.IndexByte(u.buf[i:], '>') < 0 {
		cut = i
	}
	u.unmask(u.buf[:cut], false)
	n := copy(u.buf, u.buf[cut:])
	u.buf = u.buf[:n]
	u.off += int64(cut)
}

// endLine unmasks and writes the rest of the current line.
func (u *unmasker) endLine(newline bool) {
	u.unmask(u.buf, u.off == 0 && u.json)
	if newline {
		u.w.WriteByte('\n')
	}
	u.buf, u.off, u.badLine = u.buf[:0], 0, false
	u.line++
}

// unmask writes text (the whole line when asJSON) unmasked; a token that
// cannot be opened stays as it was.
func (u *unmasker) unmask(text []byte, asJSON bool) {
	out, err := unmaskLine(u.tk, text, asJSON)
	if err != nil {
		if !u.badLine {
			u.badLine = true
			u.bad++
			if u.bad <= maxReportedUnmaskErrors {
				fmt.Fprintf(u.stderr, "piiguard: unmask: %s:%d: %s\n", u.name, u.line, tokenerr.Describe(err, u.off))
			}
		}
		if out == nil {
			out = text
		}
	}
	u.w.Write(out)
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
