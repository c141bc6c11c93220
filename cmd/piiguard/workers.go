package main

import (
	"bufio"
	"context"
	"errors"
	"io"
	"sync/atomic"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/mask"
)

// A lineTask is what scan, mask or audit does to the lines of an input:
// stream them through Scanner.MaskLines, which masks (mask) or only
// reports each line's findings (scan, audit).
type lineTask struct {
	s     *piiguard.Scanner
	m     mask.Masker // nil: mask.Asterisk
	json  *mask.JSON  // mask --json
	masks bool        // the output is the masked text (mask)
	// finding and endLine receive the findings and line ends, in input
	// order (scan, audit); either may be nil.
	finding func(*lineFinding)
	endLine func(line int64)
	// appender, when set and it returns a function, formats findings on
	// the workers (see findingWriter.appender), and finding and endLine
	// are not called.
	appender func() func(b []byte, lf *lineFinding) []byte
	// lineEnds: the appender is also called with a nil finding at the end
	// of each line (audit's reports are per line).
	lineEnds bool
	count    *int64 // findings, for progress (may be nil)
	// bytesOnly: finding needs no character offsets (lineFinding.char
	// and charEnd stay zero), as scan --format jsonl.
	bytesOnly bool
}

// found passes a finding to the task, in input order.
func (t *lineTask) found(lf *lineFinding) {
	if t.count != nil {
		atomic.AddInt64(t.count, 1) // progress reads it on another goroutine
	}
	if t.finding != nil {
		t.finding(lf)
	}
}

// run processes one input with Scanner.MaskLines, on one goroutine or on
// workers: the output is in input order, the same whatever the number of
// workers. As in pumper.pump, a binary input is skipped or copied, input
// that comes slowly (a pipe, a terminal) is processed and written as each
// read ends (MaskLines flushes p.out when a read returns less than it
// asked for), and after a read error what was read before it is processed
// and written.
func (t *lineTask) run(in input, p *pumper, workers int) error {
	head := make([]byte, readSize)
	n, rerr := in.r.Read(head)
	for n == 0 && rerr == nil {
		n, rerr = in.r.Read(head)
	}
	head = head[:n]
	p.progress.add(int64(n))
	if n > 0 {
		if done, err := p.sniff(in, head); done {
			return err
		}
	}
	src := &headReader{head: head, err: rerr, name: in.name, rest: readerOnly{in, p.progress}}
	m := t.m
	if m == nil {
		m = mask.Asterisk
	}
	opts := piiguard.LinesOptions{Workers: workers, Masker: m, JSON: t.json}
	var dst io.Writer = p.out
	if !t.masks {
		dst = flushOnly{p.out}
	}
	if t.json == nil && !t.masks && t.appender != nil && t.appender() != nil {
		// Findings are formatted where they are found, every core at once;
		// MaskLines writes the bytes in input order.
		opts.ReportOnly = true
		opts.Format = t.format
		dst = p.out
	} else if t.json == nil {
		seg := segmentFindings(t.found, t.endLine, t.bytesOnly)
		opts.Segment = func(s *mask.Segment) error {
			seg(s)
			_, err := p.out.Write(nil) // out's error, which sticks
			return err
		}
		// scan and audit report findings only: the stream cuts lines and
		// blocks as when masking, and masks nothing.
		opts.ReportOnly = !t.masks
	}
	err := t.s.MaskLines(context.Background(), dst, src, opts)
	if err == nil {
		return nil
	}
	var re readError
	if errors.As(err, &re) {
		return re
	}
	if _, werr := p.out.Write(nil); werr != nil {
		return werr
	}
	return err
}

// format is the task's LinesOptions.Format: a formatter, for one
// goroutine, that appends each finding of a segment with the task's
// appender and counts them.
func (t *lineTask) format() func([]byte, *mask.Segment) []byte {
	app := t.appender()
	var out []byte
	var end func(int64)
	if t.lineEnds {
		end = func(int64) { out = app(out, nil) }
	}
	seg := segmentFindings(func(lf *lineFinding) { out = app(out, lf) }, end, t.bytesOnly)
	return func(b []byte, s *mask.Segment) []byte {
		out = b
		seg(s)
		if t.count != nil && len(s.Findings) > 0 {
			atomic.AddInt64(t.count, int64(len(s.Findings))) // progress reads it on another goroutine
		}
		return out
	}
}

// headReader returns head, then err when set (naming input name), then
// what rest returns.
type headReader struct {
	head []byte
	err  error
	name string
	rest io.Reader
}

func (h *headReader) Read(b []byte) (int, error) {
	if len(h.head) > 0 {
		n := copy(b, h.head)
		h.head = h.head[n:]
		return n, nil
	}
	if h.err != nil {
		if h.err == io.EOF {
			return 0, io.EOF
		}
		return 0, readError{h.name, pathless(h.err)}
	}
	return h.rest.Read(b)
}

// flushOnly discards what is written to it (nothing, as scan and audit
// ask MaskLines to report only) and flushes w when flushed: scan's and audit's
// output, written as the lines are processed, keeps up with slow input.
type flushOnly struct{ w *bufio.Writer }

func (flushOnly) Write(p []byte) (int, error) { return len(p), nil }
func (f flushOnly) Flush() error              { return f.w.Flush() }
