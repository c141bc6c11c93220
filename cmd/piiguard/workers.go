package main

import (
	"bytes"
	"io"
	"sync"
	"sync/atomic"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/mask"
)

// batchSize is how much input a worker takes at a time (whole lines).
const batchSize = 256 << 10

// A lineTask is what scan, mask or audit does to the lines of an input:
// stream them through package mask's Writer, which masks (mask) or only
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
	count   *int64 // findings, for progress (may be nil)
}

// A lineEvent is a finding, or the end of a line.
type lineEvent struct {
	lf   lineFinding
	end  bool
	line int64
}

// deliver passes an event to the task, in input order.
func (t *lineTask) deliver(ev *lineEvent) {
	if ev.end {
		if t.endLine != nil {
			t.endLine(ev.line)
		}
		return
	}
	if t.count != nil {
		atomic.AddInt64(t.count, 1) // progress reads it on another goroutine
	}
	if t.finding != nil {
		t.finding(&ev.lf)
	}
}

// stream returns a Writer for lines numbered from base+1 that writes the
// masked text to w (for mask; else it discards it) and passes each event
// to sink.
func (t *lineTask) stream(w io.Writer, base int64, sink func(*lineEvent)) *mask.Writer {
	var opts mask.StreamOptions
	if t.json != nil {
		opts.JSON = t.json
	} else {
		var ev lineEvent
		opts.Segment = segmentFindings(func(lf *lineFinding) {
			ev = lineEvent{lf: *lf}
			ev.lf.line += base
			sink(&ev)
		}, func(line int64) {
			ev = lineEvent{end: true, line: line + base}
			sink(&ev)
		})
	}
	if !t.masks {
		w = discard{}
	}
	m := t.m
	if m == nil {
		m = mask.Asterisk
	}
	return mask.NewWriter(w, t.s, m, opts)
}

// run processes one input: on one goroutine, or on workers.
func (t *lineTask) run(in input, p *pumper, workers int) error {
	if workers <= 1 {
		st := t.stream(p.out, 0, t.deliver)
		err := p.pump(in, st)
		if cerr := st.Close(); err == nil {
			err = cerr
		}
		return err
	}
	return t.runParallel(in, p, workers)
}

// A batch is whole lines of an input, processed by a worker.
type batch struct {
	data   []byte
	base   int64 // lines before it
	last   bool  // it ends the input
	flush  bool  // the input paused after it: flush the output
	done   chan struct{}
	out    bytes.Buffer // the masked text (mask)
	events []lineEvent
	err    error
}

// runParallel splits the input into batches of whole lines, processes
// them on workers and writes their results in input order: the output is
// the one worker's, byte for byte. As in pumper.pump, input that comes
// slowly (not a regular file) is processed and written as each read ends,
// and a binary input is skipped or copied. A line longer than the stream's
// limit (mask.DefaultMaxLineLength) is processed on one goroutine, in
// bounded memory, as the one-worker path does.
func (t *lineTask) runParallel(in input, p *pumper, workers int) error {
	jobs := make(chan *batch)
	order := make(chan *batch, 2*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range jobs {
				t.work(b)
				close(b.done)
			}
		}()
	}
	var failed atomic.Bool
	emitted := make(chan error, 1)
	go func() {
		var err error
		for b := range order {
			<-b.done
			if err == nil {
				err = t.emit(b, p)
				if err != nil {
					failed.Store(true)
				}
			}
		}
		emitted <- err
	}()
	stop := func() error {
		close(jobs)
		close(order)
		wg.Wait()
		return <-emitted
	}
	send := func(b *batch) {
		b.done = make(chan struct{})
		order <- b
		jobs <- b
	}

	flushEach := in.size < 0
	var cur []byte
	var lines int64
	first := true
	read := make([]byte, readSize)
	for !failed.Load() {
		n, err := in.r.Read(read)
		if n > 0 {
			if first && !p.scanBinary && bytes.IndexByte(read[:min(n, binarySniff)], 0) >= 0 {
				serr := stop()
				if serr != nil {
					return serr
				}
				return p.binary(in, read[:n])
			}
			first = false
			cur = append(cur, read[:n]...)
			p.progress.add(int64(n))
		}
		eof := err == io.EOF
		if err != nil && !eof {
			if len(cur) > 0 {
				send(&batch{data: cur, base: lines, last: true})
			}
			if serr := stop(); serr != nil {
				return serr
			}
			return readError{in.name, pathless(err)}
		}
		if eof {
			if len(cur) > 0 {
				send(&batch{data: cur, base: lines, last: true})
			}
			return stop()
		}
		if len(cur) < batchSize && !(flushEach && n > 0) {
			continue
		}
		i := bytes.LastIndexByte(cur, '\n')
		if i < 0 {
			if len(cur) <= mask.DefaultMaxLineLength {
				continue
			}
			// A long line: finish the batches before it, then go on
			// with one stream.
			if serr := stop(); serr != nil {
				return serr
			}
			return t.runLongLine(in, p, cur, lines)
		}
		if o := openBlockStart(cur[:i+1]); o >= 0 {
			// A multi-line key opens and is not closed yet: the stream
			// must see it whole. Cut before it, or wait for more.
			if o > 0 {
				i = o - 1
			} else if len(cur) <= 2*mask.DefaultMaxBlockLength+mask.DefaultMaxLineLength {
				continue
			}
		}
		b := &batch{data: cur[:i+1], base: lines, flush: flushEach}
		lines += int64(bytes.Count(b.data, []byte{'\n'}))
		cur = append(make([]byte, 0, max(len(cur)-i-1, batchSize)), cur[i+1:]...)
		send(b)
	}
	return stop()
}

// Multi-line blocks, as package mask's stream holds them: a line that
// opens a private key (PEM or PuTTY) is held with the lines after it until
// one closes it.
var (
	pemBegin   = []byte("-----BEGIN ")
	pemEnd     = []byte("-----END ")
	pemPrivate = []byte("PRIVATE KEY")
	puttyBegin = []byte("PuTTY-User-Key-File-")
	puttyEnd   = []byte("Private-MAC: ")
)

// openBlockStart returns the offset of the line in data (whole lines)
// that opens a multi-line key no later line closes, or -1: a batch must
// not end inside such a block, or the stream would see half a key. It
// errs on the side of finding one (a batch cut at a line start outside
// a block changes nothing).
func openBlockStart(data []byte) int {
	open, at := false, -1
	var closer []byte
	for start := 0; start < len(data); {
		end := len(data)
		if i := bytes.IndexByte(data[start:], '\n'); i >= 0 {
			end = start + i
		}
		line := data[start:end]
		if open && bytes.Contains(line, closer) {
			open = false
		}
		if !open {
			if i := bytes.LastIndex(line, pemBegin); i >= 0 && bytes.Contains(line[i:min(len(line), i+64)], pemPrivate) && !bytes.Contains(line[i:], pemEnd) {
				open, at, closer = true, start, pemEnd
			} else if i := bytes.LastIndex(line, puttyBegin); i >= 0 && !bytes.Contains(line[i:], puttyEnd) {
				open, at, closer = true, start, puttyEnd
			}
		}
		start = end + 1
	}
	if open {
		return at
	}
	return -1
}

// work processes a batch on a worker.
func (t *lineTask) work(b *batch) {
	st := t.stream(&b.out, b.base, func(ev *lineEvent) {
		e := *ev
		e.lf.value = bytes.Clone(e.lf.value)
		b.events = append(b.events, e)
	})
	if _, err := st.Write(b.data); err != nil {
		b.err = err
		return
	}
	b.err = st.Close()
}

// emit writes a batch's results, in order.
func (t *lineTask) emit(b *batch, p *pumper) error {
	if b.err != nil {
		return b.err
	}
	for i := range b.events {
		t.deliver(&b.events[i])
	}
	if t.masks {
		p.out.Write(b.out.Bytes())
	}
	if _, err := p.out.Write(nil); err != nil {
		return err
	}
	if b.flush {
		return p.out.Flush()
	}
	return nil
}

// runLongLine processes the rest of an input on this goroutine, from
// head, the start of a line longer than the stream's limit, with lines
// numbered after base.
func (t *lineTask) runLongLine(in input, p *pumper, head []byte, base int64) error {
	st := t.stream(p.out, base, t.deliver)
	_, err := st.Write(head)
	if err == nil {
		err = p.pumpFrom(in, st)
	}
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	return err
}
