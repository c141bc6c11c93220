package mask

import (
	"bytes"
	"errors"
	"io"
	"unicode/utf8"

	"github.com/piiguard/piiguard/detector"
)

// Stream defaults.
const (
	// DefaultMaxLineLength is the longest line a stream masks whole.
	DefaultMaxLineLength = 1 << 20
	// DefaultOverlap is how far a stream looks past, and back before, the
	// edge of a piece of a longer line.
	DefaultOverlap = 8 << 10
	// streamFlushSize is how much masked output a Writer gathers before
	// writing it, within one call to Write.
	streamFlushSize = 64 << 10
)

// StreamOptions configures NewWriter and NewReader.
type StreamOptions struct {
	// MaxLineLength is the longest line, in bytes without its '\n', that
	// is masked whole; 0 means DefaultMaxLineLength. A stream holds at
	// most about this much of a line in memory.
	MaxLineLength int
	// Overlap is how many bytes beyond the edge of a piece of a longer
	// line are scanned, on each side; 0 means DefaultOverlap. It is cut
	// to MaxLineLength/4. A value longer than Overlap may be missed where
	// it crosses the edge of a piece.
	Overlap int
	// JSON, when set, masks each line that is a JSON object or array
	// (its first byte other than white space is '{' or '[') with it. A
	// line that is not valid JSON, or is longer than MaxLineLength, is
	// masked as text, never dropped.
	JSON *JSON
	// Segment, when set, is called with each part of each line as the
	// stream masks it, in order, before its masked bytes are written:
	// the whole line when it is no longer than MaxLineLength, else each
	// piece. The segments of a line are consecutive and cover it exactly,
	// so a caller can report findings by line and offset, as
	// `piiguard scan` does, without holding the line. Segment is not
	// called for lines masked with JSON.
	Segment func(*Segment)
}

// A Segment is a part of a line, and the values a stream masks in it,
// passed to StreamOptions.Segment. It and its slices are valid only
// during the call.
type Segment struct {
	// Line is the 1-based number of the line in the stream.
	Line int64
	// Offset is the byte offset of Text within the line.
	Offset int64
	// Text holds the segment's bytes, before masking; a line's '\n' is
	// not part of it.
	Text []byte
	// Findings are the values masked in Text (offsets into Text), sorted
	// and not overlapping. Values the rescan of masked output finds are
	// not listed.
	Findings []detector.Finding
	// End reports whether Text ends its line.
	End bool
}

// A Writer masks a stream line by line: it writes to the underlying writer
// what is written to it, with every value found masked, and with memory
// bounded by StreamOptions.MaxLineLength whatever the length of the stream
// or of its lines.
//
// Each line, ended by '\n' (a '\r' before it is part of the line), is
// masked as AppendMasked masks it, and is written to the underlying writer
// before Write returns: complete lines are never held back, so a Writer
// can mask `tail -f`. Write writes all the complete lines it has at once,
// in one call, or in pieces of about 64 KiB. Close masks and writes the
// last line when it has no '\n'.
//
// A line longer than MaxLineLength is masked in pieces: each piece is
// scanned with Overlap bytes of the line after it and of the line before
// it, and a value across the edge of a piece is masked in the piece it
// starts in, with the piece cut just before it. Each value is masked
// exactly once and every byte is written once, in order: the output equals
// masking the line whole, except for a value longer than Overlap or one
// whose keyword lies more than Overlap bytes away, either of which may be
// missed where it crosses the edge of a piece.
//
// A Writer is not safe for concurrent use.
type Writer struct {
	w   io.Writer
	c   lineCore
	err error
}

// NewWriter returns a Writer that finds values with fd, masks them with m
// (Asterisk when nil) and writes to w. Close the Writer to write the last
// line; Close does not close w.
func NewWriter(w io.Writer, fd Finder, m Masker, opts StreamOptions) *Writer {
	sw := &Writer{w: w}
	sw.c.init(fd, m, opts)
	sw.c.emit = sw.emit
	return sw
}

var errClosed = errors.New("mask: write to a closed Writer")

func (w *Writer) emit(b []byte) error {
	if len(b) == 0 {
		return nil
	}
	_, err := w.w.Write(b)
	return err
}

// Write masks p's complete lines and writes them to the underlying writer;
// it keeps the start of an unfinished line. It returns len(p), or 0 and
// the first error the underlying writer returned, which every later call
// returns too.
func (w *Writer) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	if err := w.c.write(p); err != nil {
		w.err = err
		return 0, err
	}
	if err := w.c.flush(); err != nil {
		w.err = err
		return 0, err
	}
	return len(p), nil
}

// Close masks and writes the last line if it has no '\n'. It does not
// close the underlying writer. Writing after Close is an error.
func (w *Writer) Close() error {
	if w.err != nil {
		if w.err == errClosed {
			return nil
		}
		return w.err
	}
	w.c.finish()
	err := w.c.flush()
	w.err = errClosed
	return err
}

// A Reader masks a stream line by line as a Writer does: reading from it
// returns what the underlying reader returns, masked. Read returns as soon
// as at least one line is complete, without waiting for more input, and
// returns the last line, masked, when the underlying reader reports the
// end of its input (or an error, which Read returns after it).
type Reader struct {
	r   io.Reader
	c   lineCore
	in  []byte
	off int
	err error
}

// NewReader returns a Reader that reads from r and masks what it reads,
// finding values with fd and masking them with m (Asterisk when nil).
func NewReader(r io.Reader, fd Finder, m Masker, opts StreamOptions) *Reader {
	sr := &Reader{r: r, in: make([]byte, 32<<10)}
	sr.c.init(fd, m, opts)
	return sr
}

// Read reads masked bytes into p.
func (r *Reader) Read(p []byte) (int, error) {
	for r.off == len(r.c.out) {
		if r.err != nil {
			return 0, r.err
		}
		r.c.out, r.off = r.c.out[:0], 0
		n, err := r.r.Read(r.in)
		if n > 0 {
			r.c.write(r.in[:n]) // no emit callback: cannot fail
		}
		if err != nil {
			r.c.finish()
			r.err = err
		}
	}
	n := copy(p, r.c.out[r.off:])
	r.off += n
	return n, nil
}

// lineCore splits a stream into lines and masks them.
type lineCore struct {
	fd      Finder
	m       Masker
	json    *JSON
	max     int
	overlap int
	// buf holds the current line's pending bytes. In a long line
	// (split into pieces), its first done bytes were written already and
	// are kept as context.
	buf  []byte
	done int
	long bool
	out  []byte
	emit func([]byte) error // nil: out only grows until read
	find []detector.Finding
	seg  []detector.Finding
	// For StreamOptions.Segment: the callback, the number of the current
	// line and the line offset of buf[0].
	onSeg    func(*Segment)
	line     int64
	lineBase int64
}

func (c *lineCore) init(fd Finder, m Masker, opts StreamOptions) {
	if m == nil {
		m = Asterisk
	}
	c.fd, c.m, c.json = fd, m, opts.JSON
	c.max = opts.MaxLineLength
	if c.max <= 0 {
		c.max = DefaultMaxLineLength
	}
	c.max = max(c.max, 64)
	c.overlap = opts.Overlap
	if c.overlap <= 0 {
		c.overlap = DefaultOverlap
	}
	c.overlap = min(c.overlap, c.max/4)
	if opts.JSON == nil {
		c.onSeg = opts.Segment
	}
	c.line = 1
}

// segment reports a part of the current line to StreamOptions.Segment.
func (c *lineCore) segment(off int, text []byte, find []detector.Finding, end bool) {
	c.onSeg(&Segment{Line: c.line, Offset: c.lineBase + int64(off), Text: text, Findings: find, End: end})
}

// flush passes the gathered output to emit.
func (c *lineCore) flush() error {
	if c.emit == nil || len(c.out) == 0 {
		return nil
	}
	err := c.emit(c.out)
	c.out = c.out[:0]
	return err
}

// maybeFlush flushes once enough output has been gathered.
func (c *lineCore) maybeFlush() error {
	if c.emit != nil && len(c.out) >= streamFlushSize {
		return c.flush()
	}
	return nil
}

// write consumes p.
func (c *lineCore) write(p []byte) error {
	for len(p) > 0 {
		i := bytes.IndexByte(p, '\n')
		n := len(p)
		if i >= 0 {
			n = i
		}
		if i >= 0 && len(c.buf) == 0 && !c.long && n <= c.max {
			// The whole line is in p.
			c.maskLine(p[:n])
			c.out = append(c.out, '\n')
			c.line++
			p = p[n+1:]
			if err := c.maybeFlush(); err != nil {
				return err
			}
			continue
		}
		seg := p[:n]
		for len(seg) > 0 {
			if len(c.buf) >= c.max {
				// The buffer is full and the line goes on.
				c.piece()
				if err := c.maybeFlush(); err != nil {
					return err
				}
			}
			take := min(c.max-len(c.buf), len(seg))
			if c.buf == nil {
				c.buf = make([]byte, 0, min(c.max, max(4096, 2*len(seg))))
			}
			c.buf = append(c.buf, seg[:take]...)
			seg = seg[take:]
		}
		p = p[n:]
		if i >= 0 {
			c.endLine()
			c.out = append(c.out, '\n')
			c.line++
			p = p[1:]
			if err := c.maybeFlush(); err != nil {
				return err
			}
		}
	}
	return nil
}

// finish masks the last line, which has no '\n'.
func (c *lineCore) finish() {
	if len(c.buf) > 0 || c.long {
		c.endLine()
	}
}

// endLine masks the rest of the current line.
func (c *lineCore) endLine() {
	if c.long {
		c.find = c.fd.AppendFindings(c.find[:0], c.buf)
		c.emitSegment(c.done, len(c.buf), true)
	} else {
		c.maskLine(c.buf)
	}
	c.buf, c.done, c.long, c.lineBase = c.buf[:0], 0, false, 0
}

// maskLine masks a whole line.
func (c *lineCore) maskLine(line []byte) {
	if c.json != nil && looksLikeJSON(line) {
		out, err := c.json.AppendMask(c.out, line)
		if err == nil {
			c.out = out
			return
		}
	}
	if c.onSeg != nil {
		c.find = c.fd.AppendFindings(c.find[:0], line)
		c.segment(0, line, c.find, true)
		c.out = appendMaskedFindings(c.out, line, c.fd, c.m, c.find, &c.find)
		return
	}
	c.out = appendMasked(c.out, line, c.fd, c.m, &c.find)
}

// looksLikeJSON reports whether a line's first byte other than white
// space opens an object or an array.
func looksLikeJSON(line []byte) bool {
	for _, b := range line {
		switch b {
		case ' ', '\t', '\r':
			continue
		case '{', '[':
			return true
		}
		return false
	}
	return false
}

// piece masks and writes the next piece of a line longer than the buffer,
// keeping the piece's tail and some context before it in the buffer.
func (c *lineCore) piece() {
	c.long = true
	c.find = c.fd.AppendFindings(c.find[:0], c.buf)
	cut := len(c.buf) - c.overlap
	for _, f := range c.find {
		if f.Start < c.done {
			continue // decided in the previous piece
		}
		if f.Start >= cut {
			break
		}
		if f.End > cut {
			// Across the cut: leave it whole to the next piece, unless
			// that would leave this piece too short; then take it here.
			if f.Start >= c.done+c.max/2 {
				cut = f.Start
			} else {
				cut = f.End
			}
			break
		}
	}
	c.emitSegment(c.done, cut, false)
	// Keep up to overlap bytes before the cut as context, from a rune
	// start.
	start := cut - min(c.overlap, cut)
	for k := 0; k < utf8.UTFMax-1 && start < cut && !utf8.RuneStart(c.buf[start]); k++ {
		start++
	}
	n := copy(c.buf, c.buf[start:])
	c.buf = c.buf[:n]
	c.done = cut - start
	c.lineBase += int64(start)
}

// emitSegment masks c.buf[from:to] with the findings in c.find that lie
// inside it, rescans the result, and appends it to the output.
func (c *lineCore) emitSegment(from, to int, end bool) {
	c.seg = c.seg[:0]
	for _, f := range c.find {
		if f.Start >= from && f.End <= to {
			f.Start -= from
			f.End -= from
			c.seg = append(c.seg, f)
		}
	}
	text := c.buf[from:to]
	if c.onSeg != nil {
		c.segment(from, text, c.seg, end)
	}
	if len(c.seg) == 0 {
		c.out = append(c.out, text...)
		return
	}
	n := len(c.out)
	c.out = Append(c.out, text, c.seg, c.m)
	// Rescan what was written, as AppendMasked does.
	f := c.fd.AppendFindings(c.seg[:0], c.out[n:])
	if len(f) == 0 {
		return
	}
	masked := appendMasked(nil, c.out[n:], c.fd, Asterisk, &c.seg)
	c.out = append(c.out[:n], masked...)
}
