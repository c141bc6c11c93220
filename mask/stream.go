package mask

import (
	"bytes"
	"errors"
	"io"
	"unicode"
	"unicode/utf8"

	"github.com/piiguard/piiguard/internal/keyblock"
	"github.com/piiguard/piiguard/pii"
)

// Stream defaults.
const (
	// DefaultMaxLineLength is the longest line a stream masks whole.
	DefaultMaxLineLength = 1 << 20
	// DefaultOverlap is how far a stream looks past, and back before, the
	// edge of a piece of a longer line.
	DefaultOverlap = 8 << 10
	// DefaultMaxBlockLength bounds a multi-line block (a PEM private
	// key) that a stream holds to mask it whole.
	DefaultMaxBlockLength = 64 << 10
	// streamFlushSize is how much masked output a Writer gathers before
	// writing it, within one call to Write.
	streamFlushSize = 64 << 10
)

// StreamOptions configures NewWriter and NewReader.
type StreamOptions struct {
	// MaxLineLength is the longest line, in bytes without its '\n', that
	// is masked whole; 0 (or less) means DefaultMaxLineLength, and less
	// than 64 counts as 64. A stream holds at most about this much of a
	// line in memory, or, for a MaxLineLength under 864, what a longer
	// line's windows need to see a keyword's reach: 432 bytes and half of
	// MaxLineLength, and 756 bytes at the least (see Writer).
	MaxLineLength int
	// Overlap is how many bytes of a longer line, on each side of a
	// piece, are masked with it as context; 0 (or less) means
	// DefaultOverlap. It is cut to MaxLineLength/4, and raised to the
	// reach of the catalog's keywords, 216 bytes, when that is more (see
	// Writer). Pieces equal masking the line whole when each value with its
	// keywords spans less than about Overlap/2 bytes.
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
	// `piiguard scan` does, without holding the line. The lines of a
	// multi-line block are reported when the block closes, each with the
	// parts of the block's values that lie in it. Segment is not called
	// for lines masked with JSON.
	Segment func(*Segment)
	// ReportOnly, with Segment set (and JSON not), makes the stream find
	// and report values without masking them: Segment is called exactly
	// as it is when the stream masks (the same segments, findings and
	// order: multi-line blocks and long lines are cut the same way), and
	// nothing is written to the underlying writer (a Reader returns
	// nothing). For callers that want findings only, as `piiguard scan`:
	// it saves masking each line and scanning the masked text again.
	// Without Segment, or with JSON, ReportOnly is ignored.
	ReportOnly bool

	// maxBlockLength bounds a held multi-line block; 0 means
	// DefaultMaxBlockLength. Tests lower it to reach the bound.
	maxBlockLength int
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
	// by Start as the Finder gives them: findings of different spans do
	// not overlap, and every identifier that matches a span gives one
	// finding for it, strongest first. Values the rescans of masked
	// output find are not listed, nor those masked at the clear tail of
	// a piece of a long line (see Writer).
	Findings []pii.Finding
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
// before Write returns: complete lines are never held back (but see
// multi-line blocks below), so a Writer can mask `tail -f`. Write writes
// all the complete lines it has at once, in one call, or in pieces of
// about 64 KiB. Close masks and writes the last line when it has no '\n'.
//
// # Multi-line blocks
//
// A private key is written over several lines. A line that opens one, a
// PEM armour line "-----BEGIN ... PRIVATE KEY-----" (RSA, EC, DSA,
// OPENSSH, PGP ... BLOCK, ENCRYPTED, PKCS #8) or a PuTTY key file's
// "PuTTY-User-Key-File-" line, without what closes it after it on the
// line, is held with the lines after it until the line that closes it:
// the END line of the key's own label ("-----END RSA PRIVATE KEY-----"
// for "-----BEGIN RSA PRIVATE KEY-----", never another label's END; any
// "-----END " for an armour line cut before its dashes), or the
// "Private-MAC: " line of a PuTTY key. The block is held on past that line
// while another key opened inside it, or on one line with the first, has
// not closed. It is then masked as one text, as AppendMasked masks it, and
// written. A block is held for at most DefaultMaxBlockLength bytes (64
// KiB; the longest real keys take about 12 KiB): one that has not closed
// by then is masked as it stands, which masks an unterminated key from its
// armour line to the bound, and the lines after the bound are masked one
// by one. With StreamOptions.JSON, a
// line that is valid JSON opens no block (its line breaks are escaped).
//
// # Long lines
//
// A line longer than MaxLineLength is masked in pieces: the bytes held are
// masked as one window, rescans included, with the bytes of the line before
// the piece as they were written (what was masked there is asterisks), and
// the piece is cut in the widest gap between masks, before a word rather
// than inside one, never through a mask. A window keeps before its piece,
// and sees past its cut, Overlap bytes of the line, or the reach of the
// managed catalog's keywords when that is more: 216 bytes, for a keyword
// window of 30 characters of up to 4 bytes and keywords of up to 80 bytes
// (custom identifiers with a wider window or a longer keyword need an
// Overlap as wide as their reach). The buffer then holds more than
// MaxLineLength where that needs it: twice the reach, and room for the
// piece of half of MaxLineLength or one and a half reach, whichever is more
// (756 bytes at limits up to 648); a piece is at least half of that room,
// so that the windows per byte of a long line stay few. So a value and a
// keyword that counts for it, on either side of a cut, whatever the text
// between them, are seen together by the window that decides the value. The
// piece's clear tail is masked further, with asterisks, where it would be a
// value were the next piece to begin with a mask (followed by what the
// window saw past the cut). Every byte is written once, in order.
//
// The output equals masking the line whole when each value, with the
// keywords that count for it, and each chain of values that overlap one
// another, spans less than about Overlap/2 bytes. Beyond that (a chain of
// overlapping values that runs through the whole line, a value longer than
// a window sees past a cut) pieces may resolve values differently, but they
// never leave part of a value in clear at a cut: a value a piece finds
// across its start is masked, with asterisks, from the start of the piece
// on (and in the held bytes before it, below). The output scanned again has
// no finding (FuzzStreamPieces, TestStreamPiecesKeywordsAtCuts: line limits
// from 128 and from 64 bytes), but where the checks below fall short. The
// clear tail's check models what the next window can mask past the cut
// otherwise than the window did (a chain of values that runs farther past
// the cut than the window sees): a mask right after the cut, and the digits
// glued to a letter (a keyword glued to the value after it,
// "моторно123456789", counts once that value is masked). And the output of
// the last bytes of each piece, the next window's context, is held (not
// written) until the next window has masked them with the text past the
// cut: what that window masks there is masked in the held output too, with
// asterisks, from the start of the word it begins in (a Partial's mask that
// it touches, whole, so that what the Partial kept forms no value with what
// follows), once a scan of the held bytes so masked and of the piece's head
// has found nothing before them that it does not find there without the
// new masks; then the held output is written
// ("…моторно512345678 card führerscheinX1234567L…", whose chain freed a
// keyword glued to a value by letters, left that value in clear at a line
// limit of 691 bytes before). The context's first word and 24 bytes are
// left as written: what a window finds at its edge can come of the edge.
// What neither covers can leave a value before the cut in clear: an effect
// that runs back farther than the held bytes (a chain of keywords glued to
// values by letters, each freed by the next, over more than the overlap),
// or a value the window masked, holding a keyword, that the next window
// does not mask. A chain of overlapping values that rescans uncover one at
// a time, longer than the rescans' bound, masks all of its window, as it
// masks all of a line masked whole (see AppendMasked).
//
// The windows see the masks of the line before them as asterisks, one for
// each byte of the value, whatever the masker wrote. A masker that writes
// a mask shorter than its value (Redact, which writes nothing) brings
// what is around the mask closer in the output than the windows see it:
// a keyword that the masks between bring within its window of a value on
// the other side of a cut leaves that value in clear ("zip code  90210
// AB 12 34 56 C/insurance number-99213", redacted in pieces at a line
// limit of 64, writes "zip code    /insurance number-99213", a ZipCode-US
// value with its keyword), where masking the line whole would mask it.
// Asterisk, Fixed and Partial keep the length of each value in
// characters.
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
	return w.write(p, keyblock.MayOpen(p))
}

func init() {
	keyblock.WriteSearched = func(w io.Writer, p []byte, mayOpen bool) (int, error) {
		return w.(*Writer).write(p, mayOpen)
	}
}

// write is Write with keyblock.MayOpen(p) (or true) given: whether a
// whole line of p can open a multi-line block.
func (w *Writer) write(p []byte, mayOpen bool) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	if err := w.c.write(p, mayOpen); err != nil {
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
	for r.off == r.c.committed() {
		if r.err != nil {
			return 0, r.err
		}
		r.c.dropCommitted(r.off)
		r.off = 0
		n, err := r.r.Read(r.in)
		if n > 0 {
			r.c.write(r.in[:n], keyblock.MayOpen(r.in[:n])) // no emit callback: cannot fail
		}
		if err != nil {
			r.c.finish()
			r.err = err
		}
	}
	n := copy(p, r.c.out[r.off:r.c.committed()])
	r.off += n
	return n, nil
}

// lineCore splits a stream into lines and masks them.
type lineCore struct {
	fd       Finder
	m        Masker
	json     *JSON
	max      int
	overlap  int
	blockMax int
	// look is how far a long line's window reaches past a cut and how much
	// of the line it keeps before a piece: Overlap, or keywordReach when
	// that is more; 0 until the stream's first long line. win is how much
	// of a long line the buffer holds: MaxLineLength, or more when look
	// needs it. step is how far a piece advances at the least.
	look, win, step int
	// buf holds the current line's pending bytes. In a long line
	// (split into pieces), its first done bytes were written already and
	// are kept as context.
	buf  []byte
	done int
	long bool
	// block holds the lines of an open multi-line block, each with its
	// '\n'; closer is what closes it, nil when no block is open.
	block  []byte
	closer []byte
	out    []byte
	emit   func([]byte) error // nil: out only grows until read
	find   []pii.Finding
	// tailMasks' result (extra masks in the piece, outside the window's:
	// in and inEnd set) and scratch: the tail, its findings, its masking.
	extra             []span
	tailText, tailOut []byte
	tailFind          []pii.Finding
	tailFx            fixpoint
	fx                fixpoint
	wout              []byte // a long line's window, masked
	// The held output of a long line (see stream_held.go): the output of
	// buf[heldAt:done], the bytes heldIn, at c.out[heldOut:], with its
	// masks; ctxMidWord tells that buf[0] is inside a word.
	holding               bool
	heldAt, heldOut       int
	heldIn                []byte
	heldMasks, heldMasks2 []heldMask
	heldMark              []bool
	heldScratch           []byte
	heldBefore            []bool
	ctxMidWord            bool
	// For StreamOptions.Segment: the callback, the number of the current
	// line, the line offset of buf[0], and scratch.
	onSeg    func(*Segment)
	report   bool // StreamOptions.ReportOnly in effect: out stays empty
	lineNo   int64
	lineBase int64
	segFind  []pii.Finding
	seg      Segment
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
	c.blockMax = opts.maxBlockLength
	if c.blockMax <= 0 {
		c.blockMax = DefaultMaxBlockLength
	}
	if opts.JSON == nil {
		c.onSeg = opts.Segment
		c.report = opts.ReportOnly && c.onSeg != nil
	}
	c.lineNo = 1
}

// segment reports a part of the current line to StreamOptions.Segment;
// a segment that ends its line moves to the next line.
func (c *lineCore) segment(off int64, text []byte, find []pii.Finding, end bool) {
	// One Segment, reused: it is valid only during the call, and a new
	// one per line would be an allocation per line.
	c.seg = Segment{Line: c.lineNo, Offset: off, Text: text, Findings: find, End: end}
	c.onSeg(&c.seg)
	c.seg = Segment{}
	if end {
		c.lineNo++
	}
}

// segmentWindow reports the piece [from, to) of a long line with the
// window's findings that start in it.
func (c *lineCore) segmentWindow(from, to int, end bool) {
	c.segFind = c.segFind[:0]
	for _, f := range c.find {
		if f.Start >= from && f.Start < to {
			f.Start -= from
			f.End = min(f.End, to) - from
			c.segFind = append(c.segFind, f)
		}
	}
	c.segment(c.lineBase+int64(from), c.buf[from:to], c.segFind, end)
}

// segmentBlock reports the lines of a multi-line block, each with the
// parts of the block's values that lie in it.
func (c *lineCore) segmentBlock(text []byte) {
	find := c.fd.AppendFindings(nil, text)
	for start := 0; ; {
		end := len(text)
		if i := bytes.IndexByte(text[start:], '\n'); i >= 0 {
			end = start + i
		}
		c.segFind = c.segFind[:0]
		for _, f := range find {
			if f.End > start && f.Start < end {
				f.Start = max(f.Start, start) - start
				f.End = min(f.End, end) - start
				c.segFind = append(c.segFind, f)
			}
		}
		c.segment(0, text[start:end], c.segFind, true)
		if end == len(text) {
			return
		}
		start = end + 1
	}
}

// flush passes the gathered output to emit.
func (c *lineCore) flush() error {
	n := c.committed()
	if c.emit == nil || n == 0 {
		return nil
	}
	err := c.emit(c.out[:n])
	c.dropCommitted(n)
	return err
}

// maybeFlush flushes once enough output has been gathered.
func (c *lineCore) maybeFlush() error {
	if c.emit != nil && c.committed() >= streamFlushSize {
		return c.flush()
	}
	return nil
}

// write consumes p. mayOpen is keyblock.MayOpen(p), or true: whether a
// whole line of p can open a multi-line block (one search of p, not one per
// line: most text has no armour line at all).
func (c *lineCore) write(p []byte, mayOpen bool) error {
	for len(p) > 0 {
		i := bytes.IndexByte(p, '\n')
		n := len(p)
		if i >= 0 {
			n = i
		}
		if i >= 0 && len(c.buf) == 0 && !c.long && n <= c.max {
			// The whole line is in p.
			c.line(p[:n], true, mayOpen)
			p = p[n+1:]
			if err := c.maybeFlush(); err != nil {
				return err
			}
			continue
		}
		seg := p[:n]
		for len(seg) > 0 {
			limit := c.max
			if c.long {
				limit = c.win
			}
			if len(c.buf) >= limit {
				if !c.long {
					// The line is longer than MaxLineLength: it is
					// masked in pieces, in a buffer of c.win bytes.
					c.goLong()
					continue
				}
				// The buffer is full and the line goes on.
				c.piece()
				if err := c.maybeFlush(); err != nil {
					return err
				}
			}
			take := min(limit-len(c.buf), len(seg))
			if c.buf == nil {
				c.buf = make([]byte, 0, min(c.max, max(4096, 2*len(seg))))
			}
			c.buf = append(c.buf, seg[:take]...)
			seg = seg[take:]
		}
		p = p[n:]
		if i >= 0 {
			c.endLine(true)
			p = p[1:]
			if err := c.maybeFlush(); err != nil {
				return err
			}
		}
	}
	return nil
}

// finish masks the last line, which has no '\n', and what is held.
func (c *lineCore) finish() {
	if len(c.buf) > 0 || c.long {
		c.endLine(false)
	}
	if c.closer != nil {
		c.flushBlock()
	}
}

// endLine masks the rest of the current line and writes its '\n' when
// it has one.
func (c *lineCore) endLine(newline bool) {
	if c.long {
		c.maskWindow()
		c.maskHeld()
		c.extra = c.extra[:0] // the line ends: no piece follows
		if c.onSeg != nil {
			c.segmentWindow(c.done, len(c.buf), true)
		}
		if !c.report {
			c.emitWindow(c.done, len(c.buf))
			c.releaseAll()
			if newline {
				c.out = append(c.out, '\n')
			}
		}
	} else {
		c.line(c.buf, newline, true)
	}
	c.buf, c.done, c.long, c.lineBase = c.buf[:0], 0, false, 0
}

// line masks one whole line, or holds it when it is part of a multi-line
// block, and writes its '\n' when it has one. mayOpen false says that l
// holds no armour line (keyblock.MayOpen of a text that holds l).
func (c *lineCore) line(l []byte, newline, mayOpen bool) {
	if c.closer != nil {
		c.block = append(c.block, l...)
		if newline {
			c.block = append(c.block, '\n')
		}
		if bytes.Contains(l, c.closer) || !newline || len(c.block) >= c.blockMax {
			if newline && len(c.block) < c.blockMax {
				if next := keyblock.OpenIn(c.block, c.json != nil); next != nil {
					// The line closes one key, and another the block
					// holds is still open (opened inside it, or by this
					// line): hold on, so that the other is masked with
					// its armour.
					c.closer = next
					return
				}
			}
			c.flushBlock()
		}
		return
	}
	if newline && mayOpen && len(l)+1 < c.blockMax {
		if closer := c.opensBlock(l); closer != nil {
			c.closer = closer
			c.block = append(append(c.block[:0], l...), '\n')
			return
		}
	}
	c.maskLine(l)
	if newline && !c.report {
		c.out = append(c.out, '\n')
	}
}

// flushBlock masks the held block as one text and writes it.
func (c *lineCore) flushBlock() {
	text, nl := bytes.CutSuffix(c.block, []byte{'\n'})
	if c.onSeg != nil {
		c.segmentBlock(text)
	}
	if !c.report {
		c.out = appendMasked(c.out, text, c.fd, c.m, &c.fx)
		if nl {
			c.out = append(c.out, '\n')
		}
	}
	c.block, c.closer = c.block[:0], nil
	if cap(c.block) > 4*c.blockMax {
		c.block = nil // a block ended by a long line
	}
}

// opensBlock returns what closes the multi-line block that line opens, or
// nil when it opens none (see package keyblock).
func (c *lineCore) opensBlock(line []byte) []byte {
	return keyblock.Opens(line, c.json != nil)
}

// maskLine masks a whole line.
func (c *lineCore) maskLine(line []byte) {
	if c.json != nil && keyblock.LooksLikeJSON(line) {
		out, err := c.json.AppendMask(c.out, line)
		if err == nil {
			c.out = out
			return
		}
	}
	if c.onSeg != nil {
		f := c.fd.AppendFindings(c.fx.found[:0], line)
		c.segment(0, line, f, true)
		if c.report {
			c.fx.found = f
			return
		}
		if len(f) == 0 {
			c.fx.found = f
			c.out = append(c.out, line...)
			return
		}
		c.fx.found = nil // f is handed over, as appendMasked does
		c.out, _ = c.fx.appendFixpoint(c.out, line, f, c.m, c.fd.AppendFindings)
		return
	}
	c.out = appendMasked(c.out, line, c.fd, c.m, &c.fx)
}

// goLong marks the current line as longer than MaxLineLength, to be masked
// in pieces, and sizes the windows of long lines the first time.
func (c *lineCore) goLong() {
	if c.closer != nil {
		c.flushBlock() // a block cannot hold a line this long
	}
	c.long = true
	if c.look == 0 {
		c.look = max(c.overlap, keywordReach)
		// Room for the context and the look past the cut, and for the
		// piece between them: half of MaxLineLength, or one and a half
		// look at small limits, where half of MaxLineLength would make
		// the windows per byte many (a window of 2*look bytes and more
		// for each advance of a quarter of the limit).
		piece := max(c.max/2, 3*c.look/2)
		c.win = max(c.max, 2*c.look+piece)
		// Each piece is at least half of that room long (a quarter of
		// MaxLineLength at the least).
		c.step = max(c.max/4, piece/2)
	}
}

// keywordReach is how many bytes from a value a keyword of the managed
// catalog that counts for it can reach: its identifier's keyword window,
// 30 characters of up to 4 bytes each, and the keyword's longest form in
// bytes (the catalog's is 70 bytes of Cyrillic; TestKeywordReach keeps
// this bound above the catalog's), and a few bytes more for what else a
// finding looks at next to its value (negative context, digit groups).
// A stream's windows keep and see at least this much around a cut.
const keywordReach = 4*30 + 80 + 16

// piece masks and writes the next piece of a line longer than the buffer,
// keeping the piece's tail and some context before it in the buffer.
func (c *lineCore) piece() {
	if !c.long {
		c.goLong()
	}
	c.maskWindow()
	c.maskHeld()
	cut := c.chooseCut()
	c.tailMasks(cut)
	if c.onSeg != nil {
		c.segmentWindow(c.done, cut, false)
	}
	if !c.report {
		c.holdPiece(cut)
		c.emitWindow(c.done, cut)
	}
	c.hideMasked(c.done, cut)
	// Keep up to look bytes before the cut as context, from a rune start,
	// and hold their output until the next window has seen them.
	start := cut - min(c.look, cut)
	for k := 0; k < utf8.UTFMax-1 && start < cut && !utf8.RuneStart(c.buf[start]); k++ {
		start++
	}
	c.releaseBefore(start)
	c.shiftHeld(start)
	c.ctxMidWord = start > 0 && !isBlank(c.buf[start-1])
	n := copy(c.buf, c.buf[start:])
	c.buf = c.buf[:n]
	c.done = cut - start
	c.lineBase += int64(start)
}

// maskWindow masks the whole buffer, context and rescans included, into
// c.wout; c.fx.spans give the place of each mask in c.wout and of what
// it replaced in c.buf.
func (c *lineCore) maskWindow() {
	c.find = c.fd.AppendFindings(c.find[:0], c.buf)
	c.wout, _ = c.fx.appendFixpoint(c.wout[:0], c.buf, c.find, c.m, c.fd.AppendFindings)
}

// chooseCut returns where the current piece ends: at most len(buf) -
// look, so that the piece was masked with look bytes after it, and at
// least look bytes before that (and step bytes past done), so that the
// line advances. Within that range it takes the middle
// of the widest gap between the masks of the window (the farther from any
// value, the less a value the window cannot see whole can matter); it
// never cuts through a mask.
func (c *lineCore) chooseCut() int {
	hi := len(c.buf) - c.look
	lo := max(c.done+c.step, hi-c.look)
	best, bestWidth, bestGap := hi, -1, 0
	consider := func(gs, ge int) {
		// The gap [gs, ge) between two masks, limited to [lo, hi].
		s, e := max(gs, lo), min(ge, hi)
		if s > e {
			return
		}
		if w := min(ge, hi+c.look) - max(gs, lo-c.look); w > bestWidth {
			bestWidth, best, bestGap = w, s+(e-s)/2, gs
		}
	}
	prevEnd := c.done
	tail := true
	for _, sp := range c.fx.spans {
		if sp.inEnd <= c.done {
			continue
		}
		if sp.in > prevEnd {
			consider(prevEnd, sp.in)
		}
		if sp.in >= hi+c.look {
			tail = false
			break
		}
		prevEnd = max(prevEnd, sp.inEnd)
	}
	if tail && prevEnd < len(c.buf) {
		consider(prevEnd, len(c.buf))
	}
	if bestWidth < 0 {
		// Masks cover [lo, hi] without a gap: end the piece after the
		// mask that covers hi, or before it when that one started before
		// done.
		best = hi
		for _, sp := range c.fx.spans {
			if sp.in < hi && sp.inEnd > hi {
				if sp.in > c.done {
					best = sp.in
				} else {
					best = sp.inEnd
				}
				break
			}
		}
	}
	if bestWidth >= 0 {
		best = c.cutBeforeWord(best, max(bestGap, c.done+c.step))
	}
	// A cut inside a character would split it between two pieces.
	for k := 0; k < utf8.UTFMax-1 && best > c.done+1 && best < len(c.buf) && !utf8.RuneStart(c.buf[best]); k++ {
		best--
	}
	return best
}

// cutBeforeWord moves a cut that falls inside a word (a run of bytes
// other than spaces and tabs) back to the word's start, when that is at
// floor or after. A value can be longer than the context a window sees
// after the cut (an e-mail address of 76 bytes, with 32 bytes of
// context): the next window then sees it whole and masks it from the cut
// on, and what the previous piece wrote of it in clear can be a value of
// its own ("0000000000000@0.AAAA" of "0000000000000@0.AAAAAA000…0.AAAAA").
// A cut between words leaves no such prefix.
func (c *lineCore) cutBeforeWord(cut, floor int) int {
	at := cut
	for at > floor && !isBlank(c.buf[at-1]) {
		at--
	}
	if at > floor || at == floor && at > 0 && isBlank(c.buf[at-1]) {
		return at
	}
	return cut // a word longer than the room before the cut: keep it
}

func isBlank(b byte) bool { return b == ' ' || b == '\t' }

// tailMasks finds what, beyond the window's masks, must be masked in the
// piece that ends at cut, into c.extra: the values that the piece's clear
// tail holds once the next piece is written after it. The window saw the
// bytes after the cut as they are in the line, but what the output holds
// after them can differ: the next window, which sees more of the line, may
// mask a value from the cut on (a value that crosses into its piece is
// masked from the piece's start; a chain of overlapping values resolves
// otherwise there), and a word the cut falls in ends early ("…@0.AAAAA" of
// "…@0.AAAAA000…", whose last label is not a top-level domain). Either way
// the clear tail is then followed by asterisks, and can be a value of its
// own ("004910 004910 " before "*****", where the window saw "004910 004910
// 004910 …" and no value). So the clear tail, from the end of the window's
// last mask before the cut (or from the piece's start), with up to look
// bytes before it as written (for keywords, and for values that cross into
// the piece from the context), is scanned as a text followed by a mask in
// place of the first character past the cut and then by the rest of what
// the window saw past the cut (keywordReach bytes, to a blank: a keyword
// there counts for a value in the tail that the mask frees, "4910" before
// "*04910 004910 00Z cvv"), the window's masks as asterisks, and masked to
// a fixpoint; what that masks in the clear tail is masked too, with
// asterisks (before the tail, the text is followed by a mask of the window,
// as the window saw it). Whatever the next piece then writes after the cut,
// its window sees the tail as it was written and masks any value that
// crosses into its piece.
//
// Why that suffices for a value that ends in the clear tail: what the next
// piece writes past the cut differs from what the window saw there (the
// line, its keywords within reach included, with the window's masks) only
// where the next window masks what the window did not, or resolves a value
// otherwise; of all that can follow the value's last byte, a mask right
// after the cut makes it stand alone the most (it is no letter, digit,
// separator or joiner), except a letter after a blank, which a mask in its
// place frees nothing from and which may begin a keyword; and digits glued
// to a letter, masked, free a keyword glued to the value after it
// ("моторно123456789"), which counts once the next window masks that value.
// What it does not model (a keyword glued to a value by letters,
// "a@b.coсвидетелство…") the held output catches when the next window
// masks it in its context (see maskHeld); a mask of the window that the
// next window does not make, uncovering a keyword, neither does (see the
// Writer's Long lines). It
// costs a scan of the clear tail, up to look bytes before it and
// keywordReach bytes after the cut per piece.
func (c *lineCore) tailMasks(cut int) {
	c.extra = c.extra[:0]
	if cut <= c.done || cut >= len(c.buf) {
		return
	}
	from := c.done
	for _, sp := range c.fx.spans {
		if sp.in >= cut {
			break
		}
		from = max(from, min(sp.inEnd, cut))
	}
	start := max(0, from-c.look)
	for start < from && !utf8.RuneStart(c.buf[start]) {
		start++
	}
	t := append(c.tailText[:0], c.buf[start:cut]...)
	for _, sp := range c.fx.spans {
		if sp.in >= cut {
			break
		}
		if sp.clear && sp.in >= max(start, c.done) && sp.inEnd <= cut {
			// Written as the masker wrote it (see hideMasked).
			c.writtenMask(t[sp.in-start:sp.inEnd-start], sp)
			continue
		}
		for i := max(sp.in, start); i < min(sp.inEnd, cut); i++ {
			t[i-start] = '*'
		}
	}
	// What follows the cut: a mask in place of its first character (the
	// next piece may begin with one), then the rest of what the window saw
	// past the cut, its masks as asterisks, as far as a keyword reaches,
	// so that a keyword there counts for a value that the mask frees. A
	// letter after a blank stays: a mask in its place frees no value
	// before the blank (no joiner of the catalog is a blank), and it may
	// begin a keyword.
	r, k := utf8.DecodeRune(c.buf[cut:])
	restStart, restEnd := cut, min(len(c.buf), cut+keywordReach)
	if !isBlank(c.buf[cut-1]) || !unicode.IsLetter(r) {
		t = append(t, '*')
		restStart += k
	}
	if restEnd < len(c.buf) {
		// End at a blank, so that the end of the text cuts no word
		// into a value of its own.
		e := restEnd
		for e > restStart && !isBlank(c.buf[e-1]) {
			e--
		}
		if e > restStart {
			restEnd = e
		}
		for restEnd > restStart && restEnd < len(c.buf) && !utf8.RuneStart(c.buf[restEnd]) {
			restEnd--
		}
	}
	if restStart < restEnd {
		rest := len(t)
		t = append(t, c.buf[restStart:restEnd]...)
		for _, sp := range c.fx.spans {
			if sp.inEnd <= restStart {
				continue
			}
			if sp.in >= restEnd {
				break
			}
			if sp.clear && sp.in >= restStart && sp.inEnd <= restEnd {
				// As the next window will likely write it: what a
				// Partial keeps can be a keyword.
				c.writtenMask(t[rest+sp.in-restStart:rest+sp.inEnd-restStart], sp)
				continue
			}
			for i := max(sp.in, restStart); i < min(sp.inEnd, restEnd); i++ {
				t[rest+i-restStart] = '*'
			}
		}
		maskGluedDigits(t[rest:])
	}
	c.tailText = t
	c.tailFind = c.fd.AppendFindings(c.tailFind[:0], t)
	if len(c.tailFind) == 0 {
		return
	}
	c.tailOut, _ = c.tailFx.appendFixpoint(c.tailOut[:0], t, c.tailFind, byteStars, c.fd.AppendFindings)
	// Only the clear tail takes extra masks: what lies before from is
	// followed by a mask of the window, as the window saw it.
	for i := from; i < cut; {
		if c.tailOut[i-start] != '*' || t[i-start] == '*' {
			i++
			continue
		}
		j := i
		for j < cut && c.tailOut[j-start] == '*' && t[j-start] != '*' {
			j++
		}
		c.extra = append(c.extra, span{in: i, inEnd: j})
		i = j
	}
}

// maskGluedDigits masks, with asterisks, each run of digits in b that
// directly follows a letter. A keyword glued to the value after it
// ("моторно123456789") does not count, as it continues a word, until that
// value is masked; the next window may mask it where the window did not
// (it sees more of a chain of such values, each of which frees the
// keyword of the one before), and the keyword then counts for a value
// before the cut. The tail check assumes it does.
func maskGluedDigits(b []byte) {
	for i := 1; i < len(b); {
		if !isDigit(b[i]) {
			i++
			continue
		}
		if r, _ := utf8.DecodeLastRune(b[:i]); !unicode.IsLetter(r) {
			i++
			continue
		}
		for i < len(b) && isDigit(b[i]) {
			b[i] = '*'
			i++
		}
	}
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// byteStars masks each byte with '*', so that masks keep the offsets of
// the buffer they are written into.
var byteStars = MaskerFunc(func(dst, value []byte, _ pii.Finding) []byte {
	for range value {
		dst = append(dst, '*')
	}
	return dst
})

// hideMasked replaces, in the piece [from, to) of the buffer, the bytes
// of every value the window masked, and of tailMasks' extra masks, with
// asterisks, once the piece is
// written: what the buffer keeps of the piece is the next window's
// context, and that window must see it as it was written. Seen in clear,
// a value the previous piece masked can resolve differently in the next
// window (a chain of overlapping values, of which a window masks the part
// that its end cut short, "004910 004910 00…"), and the next piece then
// leaves in clear, beside the asterisks, a value that only the written
// text holds; seen as asterisks, it is found and masked there as a rescan
// of the whole line finds it. ReportOnly does the same, so that it
// reports what masking does.
//
// A mask that keeps bytes of its value in clear (a Partial's, span.clear)
// and lies within the piece is written as the masker wrote it: the bytes
// it kept stay, as the output holds them, so that the next window sees
// them as a rescan of the whole line does (a kept "card" is the keyword
// of a card number after the cut).
func (c *lineCore) hideMasked(from, to int) {
	for _, spans := range [][]span{c.fx.spans, c.extra} {
		for _, sp := range spans {
			if sp.in >= to {
				break
			}
			if sp.clear && sp.in >= from && sp.inEnd <= to {
				c.writtenMask(c.buf[sp.in:sp.inEnd], sp)
				continue
			}
			for i := max(sp.in, from); i < min(sp.inEnd, to); i++ {
				c.buf[i] = '*'
			}
		}
	}
}

// writtenMask turns b, a copy of c.buf[sp.in:sp.inEnd] (or that itself),
// into what the window's mask sp wrote for it, byte for byte: the mask
// itself when it is as long as the value, else the bytes it kept in clear
// at the value's start and end (a Partial's KeepFirst and KeepLast) with
// an asterisk for each byte between them.
func (c *lineCore) writtenMask(b []byte, sp span) {
	in, out := c.buf[sp.in:sp.inEnd], c.wout[sp.start:sp.end]
	if len(out) == len(in) {
		copy(b, out)
		return
	}
	p := 0
	for p < len(in) && p < len(out) && in[p] == out[p] {
		p++
	}
	s := 0
	for s < len(in)-p && s < len(out)-p && in[len(in)-1-s] == out[len(out)-1-s] {
		s++
	}
	for i := p; i < len(b)-s; i++ {
		b[i] = '*'
	}
}

// emitWindow appends the masked form of c.buf[from:to] to the output:
// the bytes outside masks as they are (masking leaves them unchanged) and
// each mask that lies in [from, to) from c.wout. A mask of a value that
// started before from (the previous piece, with less context after it,
// did not mask it so) is replaced by asterisks from from on: pieces never
// leave part of a value in clear, and no masker can mask part of a value.
func (c *lineCore) emitWindow(from, to int) {
	pos := from
	for _, sp := range c.fx.spans {
		if sp.inEnd <= from && sp.in < from {
			continue
		}
		if sp.in >= to {
			break
		}
		if sp.in < from || sp.inEnd > to {
			// Across an edge of the piece: asterisks for the part in it.
			e := min(sp.inEnd, to)
			c.appendClear(pos, max(pos, sp.in))
			s := len(c.out)
			c.out = Asterisk.AppendMask(c.out, c.buf[max(pos, sp.in):e], pii.Finding{})
			c.recordMask(max(pos, sp.in), e, s, false)
			pos = e
			continue
		}
		c.appendClear(pos, sp.in)
		s := len(c.out)
		c.out = append(c.out, c.wout[sp.start:sp.end]...)
		c.recordMask(sp.in, sp.inEnd, s, sp.clear)
		pos = sp.inEnd
	}
	if pos < to {
		c.appendClear(pos, to)
	}
}

// appendClear appends c.buf[from:to], which no mask of the window
// covers, to the output, with tailMasks' extra masks in it as asterisks.
func (c *lineCore) appendClear(from, to int) {
	for _, x := range c.extra {
		if x.inEnd <= from {
			continue
		}
		if x.in >= to {
			break
		}
		s, e := max(x.in, from), min(x.inEnd, to)
		c.out = append(c.out, c.buf[from:s]...)
		o := len(c.out)
		c.out = Asterisk.AppendMask(c.out, c.buf[s:e], pii.Finding{})
		c.recordMask(s, e, o, false)
		from = e
	}
	c.out = append(c.out, c.buf[from:to]...)
}
