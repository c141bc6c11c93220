package piiguard

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/piiguard/piiguard/internal/keyblock"
	"github.com/piiguard/piiguard/mask"
	"github.com/piiguard/piiguard/pii"
)

// LinesOptions configures Scanner.MaskLines. The zero value masks with the
// Scanner's masker on GOMAXPROCS goroutines.
type LinesOptions struct {
	// Workers is how many goroutines mask lines; 0 means
	// runtime.GOMAXPROCS(0). With 1, MaskLines masks on the calling
	// goroutine.
	Workers int
	// Masker replaces values; nil means the Scanner's (Scanner.Masker).
	Masker mask.Masker
	// JSON, when set, masks each line that is a JSON object or array with
	// it, as mask.StreamOptions.JSON does.
	JSON *mask.JSON
	// MaxLineLength is the longest line masked whole, as
	// mask.StreamOptions.MaxLineLength; 0 means mask.DefaultMaxLineLength.
	// A longer line is masked in pieces in bounded memory, and MaskLines
	// masks it and the rest of src on one goroutine.
	MaxLineLength int
	// Segment, when set, is called with each part of each line and the
	// values masked in it, as mask.StreamOptions.Segment is: in input
	// order, one call at a time, before the line's masked bytes are
	// written to dst, with Line counted from the start of src. It may be
	// called from goroutines other than MaskLines' caller, never two calls
	// at once (with several workers, by the worker whose lines are written
	// next, or by the goroutine that writes). An error it returns stops
	// MaskLines, which writes nothing more and returns that error as it is.
	Segment func(*mask.Segment) error
	// ReportOnly, with Segment set, finds and reports values without
	// masking them, as mask.StreamOptions.ReportOnly: Segment is called
	// exactly as without it (the same segments and findings, in the same
	// order), and nothing is written to dst but its Flush calls. For
	// callers that want findings only (`piiguard scan`, audit reports):
	// it saves masking each line and scanning the masked text again.
	// MaskLines refuses it without Segment or Format, or with JSON.
	ReportOnly bool
	// Format, with ReportOnly, turns findings into output on the
	// goroutines that find them, so that formatting runs on every core
	// (Segment runs on one goroutine at a time). MaskLines calls Format
	// once on each goroutine that scans lines (so Format itself may be
	// called by several goroutines at once), and calls the function it
	// returns on that goroutine only: with each segment that goroutine
	// scans (the same segments Segment sees), it appends what to write for
	// the segment to buf and returns it. Each call of MaskLines' workers
	// scans whole lines: a formatter sees every segment of a line, in
	// order, one call after another, and may keep state within a line
	// (say, a character count); across lines it must keep none, as the
	// lines it sees are not consecutive. MaskLines writes what the
	// formatters return to dst in input order, byte for byte what one
	// formatter given every segment in order returns, whatever the
	// number of workers, and with the same latency as masked lines. With
	// Segment also set, a batch's Segment calls come before its formatted
	// bytes are written, and a formatter must not rely on what Segment
	// may have changed in a segment. s and its Text are valid only during
	// the call.
	Format func() func(buf []byte, s *mask.Segment) []byte
}

// Batching: how much input a worker takes at a time (whole lines), and
// how much is read at a time on one goroutine. Workers end a run at most
// a batch apart, so smaller batches scale better on short inputs (4.4 MB
// of loghub is 68 batches: the last costs two workers about 1.5% where
// 256 KiB batches cost 6%), and a batch costs little beside its lines
// (64 KiB batches take 0.25% more instructions than 256 KiB ones on
// loghub).
const (
	linesBatchSize = 64 << 10
	linesReadSize  = 64 << 10
)

// linesAhead is how many batches per worker may wait to be written: the
// batches are written in input order, so while the oldest is masked the
// other workers go on only while the reader may read ahead. Batches differ
// in cost (loghub's systems do) and a worker may lose its core for a while
// on a shared machine; with 2 per worker, two workers on loghub spent a
// tenth to a fifth of a pass waiting for a batch while the reader waited
// for the oldest to be written (runtime/trace, under load; medians of 5
// rounds), with 8 a fifth to a third of that
// (bench/measurements/2026-12-05c-scaling.txt).
const linesAhead = 8

// MaskLines reads src to its end, masks it line by line on
// LinesOptions.Workers goroutines and writes it to dst, for callers with
// many records (log files, a stream of events).
//
// Ordering: dst receives what one mask.Writer (package mask's NewWriter
// with the same masker and options) writes when src is copied to it and
// it is closed, byte for byte, whatever the number of workers: every line,
// in input order, none dropped, reordered or truncated; multi-line private
// keys are masked whole. Segment sees the lines in the same order.
//
// Latency: lines are written as soon as they are masked. Input is cut
// into batches of whole lines (about 64 KiB) when that much has been
// read, and also whenever a read returns less than it asked for (src had
// no more input ready): a slow stream (tail -f) is masked and written line
// by line as it arrives, not held for a full batch. After writing such
// lines, MaskLines calls dst's Flush method when it has one (as
// *bufio.Writer has).
//
// Memory is bounded: at most about 8×Workers+2 batches (of about 64 KiB)
// are read ahead of what has been written, so that workers rarely wait
// while the oldest batch is masked, and a line longer than MaxLineLength
// is masked in pieces (see mask.Writer).
//
// MaskLines stops when ctx is done and returns ctx.Err(); lines written
// before stay written. A Read that blocks is not interrupted. A read
// error is returned after what was read before it has been masked and
// written (the last line with it, even without '\n'); a write error stops
// MaskLines at once. Both are wrapped with where they happened; neither
// message holds scanned data. Closing dst is the caller's.
//
// MaskLines may be called concurrently, with different dst and src.
func (s *Scanner) MaskLines(ctx context.Context, dst io.Writer, src io.Reader, opts LinesOptions) error {
	if opts.Workers < 0 {
		return fmt.Errorf("piiguard: LinesOptions.Workers is %d; want 0 (GOMAXPROCS) or more", opts.Workers)
	}
	if opts.MaxLineLength < 0 {
		return fmt.Errorf("piiguard: LinesOptions.MaxLineLength is %d; want 0 (the default) or more", opts.MaxLineLength)
	}
	if opts.ReportOnly && ((opts.Segment == nil && opts.Format == nil) || opts.JSON != nil) {
		return fmt.Errorf("piiguard: LinesOptions.ReportOnly needs Segment or Format, and no JSON")
	}
	if opts.Format != nil && !opts.ReportOnly {
		return fmt.Errorf("piiguard: LinesOptions.Format needs ReportOnly")
	}
	r := &lineRun{ctx: ctx, s: s, opts: opts, dst: dst, src: src}
	if r.opts.Masker == nil {
		r.opts.Masker = s.masker
	}
	r.maxLine = r.opts.MaxLineLength
	if r.maxLine == 0 {
		r.maxLine = mask.DefaultMaxLineLength
	}
	r.flusher, _ = dst.(interface{ Flush() error })
	workers := r.opts.Workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers == 1 {
		return r.serial(nil, 0)
	}
	return r.parallel(workers)
}

// A lineRun is one call of MaskLines.
type lineRun struct {
	ctx     context.Context
	s       *Scanner
	opts    LinesOptions
	maxLine int
	dst     io.Writer
	flusher interface{ Flush() error } // dst's, or nil
	src     io.Reader
	// seg is the Segment that emit passes, on the worker that writes, one
	// at a time (kept here: Segment's argument would escape, costing an
	// allocation per batch).
	seg mask.Segment
	// head is the sequence number (lineBatch.seq) of the oldest batch not
	// written (see batchQueue): its worker, while it is not finished, calls
	// Segment itself rather than recording the calls to be replayed. 0
	// after an error: no one may.
	head atomic.Int64
}

// streamOptions are the options of the mask.Writer that masks lines,
// with seg as its Segment callback.
func (r *lineRun) streamOptions(seg func(*mask.Segment)) mask.StreamOptions {
	o := mask.StreamOptions{JSON: r.opts.JSON, MaxLineLength: r.opts.MaxLineLength}
	if r.opts.Segment != nil || r.opts.Format != nil {
		o.Segment = seg
		o.ReportOnly = r.opts.ReportOnly
	}
	return o
}

func writeError(err error) error { return fmt.Errorf("piiguard: writing masked lines: %w", err) }

func readError(line int64, err error) error {
	return fmt.Errorf("piiguard: reading lines: at line %d: %w", line, err)
}

// serial masks src on this goroutine with one mask.Writer, after head (a
// line's start, read already), numbering lines after base.
func (r *lineRun) serial(head []byte, base int64) error {
	var segErr error
	var seg mask.Segment // reused: an allocation per line otherwise
	var format func([]byte, *mask.Segment) []byte
	var formatted []byte
	if r.opts.Format != nil {
		format = r.opts.Format()
	}
	st := mask.NewWriter(errWriter{r.dst, &segErr}, r.s, r.opts.Masker, r.streamOptions(func(sg *mask.Segment) {
		if segErr != nil {
			return
		}
		seg = *sg
		seg.Line += base
		if r.opts.Segment != nil {
			if segErr = r.opts.Segment(&seg); segErr != nil {
				return
			}
		}
		if format != nil {
			if formatted = format(formatted[:0], &seg); len(formatted) > 0 {
				if _, err := r.dst.Write(formatted); err != nil {
					segErr = writeError(err)
				}
			}
		}
	}))
	lines := base // complete lines read
	failed := func(err error) error {
		if segErr != nil {
			return segErr
		}
		return writeError(err)
	}
	if len(head) > 0 {
		if _, err := st.Write(head); err != nil || segErr != nil {
			return failed(err)
		}
	}
	buf := make([]byte, linesReadSize)
	for {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		n, rerr := r.src.Read(buf)
		if n > 0 {
			// With ReportOnly nothing reaches errWriter: segErr is checked
			// here too.
			if _, err := st.Write(buf[:n]); err != nil || segErr != nil {
				return failed(err)
			}
			lines += int64(bytes.Count(buf[:n], newline))
			if n < len(buf) && rerr == nil && r.flusher != nil {
				if err := r.flusher.Flush(); err != nil {
					return writeError(err)
				}
			}
		}
		if rerr != nil {
			if err := st.Close(); err != nil || segErr != nil {
				return failed(err)
			}
			if rerr == io.EOF {
				return nil
			}
			return readError(lines+1, rerr)
		}
	}
}

var newline = []byte{'\n'}

// errWriter writes to w until *err is set, then fails with it.
type errWriter struct {
	w   io.Writer
	err *error
}

func (e errWriter) Write(p []byte) (int, error) {
	if *e.err != nil {
		return 0, *e.err
	}
	return e.w.Write(p)
}

// A lineBatch is whole lines of src, masked by a worker.
type lineBatch struct {
	data  []byte // the lines; the last ends src when it has no '\n'
	seq   int64  // its place in src: 1 for the first batch, then 2, 3...
	base  int64  // lines before it
	flush bool   // src had no more input ready after it: flush dst
	lines int64  // the '\n's in data
	// mayOpen is keyblock.MayOpen(data), as the reader found it, or true
	// when it did not search: the worker's stream does not search again.
	mayOpen bool
	// clean says that data ends with '\n' where the stream holds no
	// multi-line block (the reader followed the blocks): the stream that
	// masked it holds nothing after it and may go on with another batch.
	clean bool
	// finished says that its worker is done with it (under batchQueue.mu).
	finished  bool
	out       bytes.Buffer // the masked lines
	formatted []byte       // what LinesOptions.Format made of its segments
	// The Segment calls of the batch, replayed in order: each segment's
	// text and findings are kept in text and finds.
	segs  []segmentRecord
	text  []byte
	finds []pii.Finding
	// direct says that its worker called Segment, having replayed segs
	// first, when the batch became the oldest not written (head);
	// err is what a Segment call of its worker returned, and then no more
	// were made.
	direct bool
	err    error
}

type segmentRecord struct {
	line, offset          int64 // line counted from the start of src
	text, textEnd         int   // in data when inData, else in the batch's text
	inData                bool  // the text is a slice of the batch's data
	findings, findingsEnd int
	end                   bool
}

// batchPool holds batches with their buffers, for reuse by every call.
var batchPool = sync.Pool{New: func() any {
	return &lineBatch{data: make([]byte, 0, linesBatchSize), mayOpen: true}
}}

// reset empties b for reuse, keeping its buffers.
func (b *lineBatch) reset() {
	b.data, b.seq, b.base, b.lines, b.flush, b.mayOpen, b.clean = b.data[:0], 0, 0, 0, false, true, false
	b.direct, b.err, b.finished = false, nil, false
	b.out.Reset()
	b.formatted = b.formatted[:0]
	b.segs, b.text, b.finds = b.segs[:0], b.text[:0], b.finds[:0]
}

// record keeps a Segment call for emit, its line moved by shift. A
// segment's text is most often a whole line, passed as a slice of the
// batch's data, which the batch keeps until emit: it is then kept as
// offsets, not copied.
func (b *lineBatch) record(sg *mask.Segment, shift int64) {
	rec := segmentRecord{
		line: sg.Line + shift, offset: sg.Offset,
		findings: len(b.finds), findingsEnd: len(b.finds) + len(sg.Findings),
		end: sg.End,
	}
	if at := offsetIn(b.data, sg.Text); at >= 0 {
		rec.text, rec.textEnd, rec.inData = at, at+len(sg.Text), true
	} else {
		rec.text, rec.textEnd = len(b.text), len(b.text)+len(sg.Text)
		b.text = append(b.text, sg.Text...)
	}
	b.segs = append(b.segs, rec)
	if len(sg.Findings) > 0 {
		b.finds = append(b.finds, sg.Findings...)
	}
}

// offsetIn returns the offset of sub in data when sub is a non-empty
// slice of data's bytes, else -1. It compares addresses only: Go's heap
// objects do not move.
func offsetIn(data, sub []byte) int {
	if len(sub) == 0 || len(sub) > len(data) {
		return -1
	}
	d := uintptr(unsafe.Pointer(unsafe.SliceData(data)))
	p := uintptr(unsafe.Pointer(unsafe.SliceData(sub)))
	if p < d || p-d > uintptr(len(data)-len(sub)) {
		return -1
	}
	return int(p - d)
}

// parallel splits src into batches of whole lines, masks them on
// workers and writes them in input order.
func (r *lineRun) parallel(workers int) error {
	jobs := make(chan *lineBatch)
	q := newBatchQueue(r, linesAhead*workers)
	r.head.Store(1) // the first batch's worker may call Segment
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := r.newWorker()
			for b := range jobs {
				w.work(b)
				q.finished(b)
			}
		}()
	}
	stop := func() error {
		close(jobs)
		wg.Wait() // the workers have written every batch, or dropped them after an error
		q.mu.Lock()
		defer q.mu.Unlock()
		return q.err
	}
	newBatch := func() *lineBatch { return batchPool.Get().(*lineBatch) }
	var seq int64
	send := func(b *lineBatch) {
		seq++
		b.seq = seq
		q.add(b)
		jobs <- b
	}

	var lines int64 // lines in the batches sent
	cur := newBatch()
	for !q.failed.Load() {
		if err := r.ctx.Err(); err != nil {
			stop()
			return err
		}
		if len(cur.data) == cap(cur.data) {
			cur.data = slices.Grow(cur.data, cap(cur.data)) // a line longer than a batch
		}
		n, rerr := r.src.Read(cur.data[len(cur.data):cap(cur.data)])
		cur.data = cur.data[:len(cur.data)+n]
		if rerr != nil {
			if len(cur.data) > 0 {
				cur.base, cur.lines = lines, int64(bytes.Count(cur.data, newline))
				lines += cur.lines
				send(cur)
			}
			if err := stop(); err != nil {
				return err
			}
			if rerr == io.EOF {
				return nil
			}
			return readError(lines+1, rerr)
		}
		short := len(cur.data) < cap(cur.data) // src had no more ready
		if n == 0 && short {
			continue // an empty read
		}
		i := bytes.LastIndexByte(cur.data, '\n')
		if i < 0 {
			if len(cur.data) <= r.maxLine {
				continue
			}
			// A long line: write the batches before it, then go on on
			// one goroutine.
			if err := stop(); err != nil {
				return err
			}
			return r.serial(cur.data, lines)
		}
		o, mayOpen := r.openBlockStart(cur.data[:i+1])
		if o >= 0 {
			// A multi-line key opens and is not closed yet: the stream
			// must see it whole. Cut before it, or wait for more.
			if o > 0 {
				i = o - 1
			} else if len(cur.data) <= 2*mask.DefaultMaxBlockLength+r.maxLine {
				continue
			}
		}
		next := newBatch()
		next.data = append(next.data, cur.data[i+1:]...)
		// Not found in data[:i+1] is not found in the batch, its start.
		// The batch ends where the stream holds no block unless it was cut
		// inside one (o == 0: a block longer than it may be held).
		cur.data, cur.base, cur.flush, cur.mayOpen, cur.clean = cur.data[:i+1], lines, short, mayOpen, o != 0
		cur.lines = int64(bytes.Count(cur.data, newline))
		lines += cur.lines
		send(cur)
		cur = next
	}
	return stop()
}

// A batchQueue holds the batches read and not yet written, in input
// order, and bounds them. There is no writer goroutine: the worker that
// finishes the oldest batch writes it, and the batches after it that are
// finished too; then the worker of the next batch (lineRun.head) may call
// Segment itself, every batch before it being written and no one writing,
// while its batch is unfinished. So a worker does not wait for a writer
// goroutine to be scheduled, and with two workers about half of the
// Segment calls are made where the segments are found, not recorded and
// replayed.
type batchQueue struct {
	r        *lineRun
	slots    chan struct{} // one per batch in the queue: add waits while it is full
	mu       sync.Mutex
	ring     []*lineBatch // the batches from first on, n of them, in input order
	first, n int
	writing  bool  // a worker is writing: others leave it the batches they finish
	err      error // the first error writing; then batches are dropped
	failed   atomic.Bool
}

func newBatchQueue(r *lineRun, size int) *batchQueue {
	return &batchQueue{r: r, slots: make(chan struct{}, size), ring: make([]*lineBatch, size)}
}

// add puts b at the end of the queue, waiting while the queue is full.
func (q *batchQueue) add(b *lineBatch) {
	q.slots <- struct{}{}
	q.mu.Lock()
	q.ring[(q.first+q.n)%len(q.ring)] = b
	q.n++
	q.mu.Unlock()
}

// finished marks b finished, its worker done with it, and writes the
// oldest batches while they are finished, unless a worker is writing
// (which then writes b too when its turn comes).
func (q *batchQueue) finished(b *lineBatch) {
	r := q.r
	q.mu.Lock()
	defer q.mu.Unlock()
	b.finished = true
	if q.writing {
		return
	}
	q.writing = true
	for q.n > 0 && q.ring[q.first].finished {
		f := q.ring[q.first]
		q.ring[q.first] = nil
		q.first, q.n = (q.first+1)%len(q.ring), q.n-1
		err := q.err
		q.mu.Unlock()
		if err == nil {
			if err = r.ctx.Err(); err == nil {
				err = r.emit(f)
			}
		}
		seq := f.seq
		if cap(f.data) <= 4*linesBatchSize {
			f.reset()
			batchPool.Put(f)
		}
		<-q.slots
		q.mu.Lock()
		if err != nil && q.err == nil {
			q.err = err
			q.failed.Store(true)
			r.head.Store(0) // no more Segment calls
		}
		if q.err == nil {
			r.head.Store(seq + 1)
		}
	}
	q.writing = false
}

// A lineWorker is one worker goroutine's state: its stream, its formatter
// and the Segment callback it gives its stream (made once per worker, not
// per batch).
//
// The stream goes on from one batch to the next while they end where it
// holds nothing (lineBatch.clean): a stream per batch would grow its
// buffers afresh for each, allocating about five times the input (and
// the garbage collector's work with it) when masking with Segment set.
// The stream numbers lines from its start: shift moves its numbers to
// src's.
type lineWorker struct {
	r      *lineRun
	b      *lineBatch   // the batch being masked
	st     *mask.Writer // nil before the first batch and after one that is not clean
	ended  int64        // lines st has ended
	shift  int64        // b.base - ended: a segment's line in src is its line in st plus shift
	format func([]byte, *mask.Segment) []byte
	seg    mask.Segment // the formatter's argument
	call   mask.Segment // Segment's argument, when the worker calls it
	onSeg  func(*mask.Segment)
}

func (r *lineRun) newWorker() *lineWorker {
	w := &lineWorker{r: r}
	w.onSeg = w.record
	if r.opts.Format != nil {
		w.format = r.opts.Format()
		w.onSeg = w.formatSegment
	}
	return w
}

// record passes sg on to Segment: it records the call to be replayed when
// the batch is written, or makes it when the batch is the oldest not
// written (head), after the calls recorded before. Segment is then called
// in input order and one call at a time as when the calls are replayed:
// every batch before this one is written, and no other is written until
// this one is finished (see batchQueue).
func (w *lineWorker) record(sg *mask.Segment) {
	b := w.b
	if !b.direct {
		if w.r.head.Load() != b.seq || w.r.ctx.Err() != nil {
			b.record(sg, w.shift) // dropped unwritten when ctx is done
			return
		}
		b.direct = true
		if b.err = w.r.replay(b, &w.call); b.err != nil {
			return
		}
	}
	if b.err != nil {
		return
	}
	w.call = *sg
	w.call.Line += w.shift
	b.err = w.r.opts.Segment(&w.call)
}

// Write is the worker's stream's output: it appends to the batch's.
func (w *lineWorker) Write(p []byte) (int, error) { return w.b.out.Write(p) }

// formatSegment records sg when Segment is set and appends what the
// worker's formatter makes of it to the batch.
func (w *lineWorker) formatSegment(sg *mask.Segment) {
	b := w.b
	if w.r.opts.Segment != nil {
		w.record(sg)
	}
	w.seg = *sg
	w.seg.Line += w.shift
	b.formatted = w.format(b.formatted, &w.seg)
}

// work masks a batch, and formats its segments when LinesOptions.Format
// is set.
func (w *lineWorker) work(b *lineBatch) {
	r := w.r
	if r.ctx.Err() != nil {
		return // emit will not write it
	}
	w.b = b
	if w.st == nil {
		w.st, w.ended = mask.NewWriter(w, r.s, r.opts.Masker, r.streamOptions(w.onSeg)), 0
	}
	w.shift = b.base - w.ended
	// The reader searched the batch for key openers: st.Write without
	// searching it again. Appending to a bytes.Buffer cannot fail.
	keyblock.WriteSearched(w.st, b.data, b.mayOpen)
	if b.clean {
		w.ended += b.lines
	} else {
		w.st.Close() // the last line without '\n', a block held
		w.st = nil
	}
	w.b = nil
}

// emit passes a batch's recorded segments to Segment, unless its worker
// did, and writes its masked lines.
func (r *lineRun) emit(b *lineBatch) error {
	if b.err != nil {
		return b.err // from its worker's Segment call
	}
	if !b.direct {
		if err := r.replay(b, &r.seg); err != nil {
			return err
		}
	}
	return r.writeBatch(b)
}

// replay passes a batch's recorded segments to Segment, in order, with
// seg as their argument (valid only during the call).
func (r *lineRun) replay(b *lineBatch, seg *mask.Segment) error {
	for _, rec := range b.segs {
		text := b.text
		if rec.inData {
			text = b.data
		}
		*seg = mask.Segment{
			Line:     rec.line,
			Offset:   rec.offset,
			Text:     text[rec.text:rec.textEnd:rec.textEnd],
			Findings: b.finds[rec.findings:rec.findingsEnd:rec.findingsEnd],
			End:      rec.end,
		}
		if err := r.opts.Segment(seg); err != nil {
			return err
		}
	}
	return nil
}

// writeBatch writes a batch's formatted or masked lines.
func (r *lineRun) writeBatch(b *lineBatch) error {
	if len(b.formatted) > 0 {
		if _, err := r.dst.Write(b.formatted); err != nil {
			return writeError(err)
		}
	}
	if b.out.Len() > 0 {
		if _, err := r.dst.Write(b.out.Bytes()); err != nil {
			return writeError(err)
		}
	}
	if b.flush && r.flusher != nil {
		if err := r.flusher.Flush(); err != nil {
			return writeError(err)
		}
	}
	return nil
}

// openBlockStart returns the offset of the line in data (whole lines,
// starting where the stream holds no block) that opens a multi-line key
// the stream would still hold at the end of data, or -1: a batch must not
// end inside such a block, or its stream would mask half a key on its own.
// mayOpen is keyblock.MayOpen(data), which it searches first.
// It follows package mask's stream line by line: a block opens on a line
// of at most MaxLineLength bytes with an opening armour line and no
// closer after it (not on a valid JSON line when masking JSON), holds the
// lines after it, and closes on the line that holds its closer (unless
// another key the block holds, opened inside it or on that line, is still
// open: keyblock.OpenIn), on the
// line that brings it to mask.DefaultMaxBlockLength bytes, or before a
// line longer than MaxLineLength.
func (r *lineRun) openBlockStart(data []byte) (at int, mayOpen bool) {
	if !keyblock.MayOpen(data) {
		return -1, false
	}
	var closer []byte
	at, held := -1, 0
	for start := 0; start < len(data); {
		end := len(data)
		if i := bytes.IndexByte(data[start:], '\n'); i >= 0 {
			end = start + i
		}
		line := data[start:end]
		switch {
		case len(line) > r.maxLine:
			closer = nil // the stream masks a held block before a long line
		case closer != nil:
			held += len(line) + 1
			if bytes.Contains(line, closer) || held >= mask.DefaultMaxBlockLength {
				var next []byte
				if held < mask.DefaultMaxBlockLength {
					// Another key the block holds may still be open.
					next = keyblock.OpenIn(data[at:min(end+1, len(data))], r.opts.JSON != nil)
				}
				closer = next
			}
		case len(line)+1 < mask.DefaultMaxBlockLength:
			if closer = r.opensBlock(line); closer != nil {
				at, held = start, len(line)+1
			}
		}
		start = end + 1
	}
	if closer != nil {
		return at, true
	}
	return -1, true
}

// opensBlock returns what closes the multi-line block line opens, or
// nil, as package mask's stream decides it (package keyblock).
func (r *lineRun) opensBlock(line []byte) []byte {
	return keyblock.Opens(line, r.opts.JSON != nil)
}
