package main

import (
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"time"
)

// progressEvery is the least time between two progress updates.
const progressEvery = 250 * time.Millisecond

// progressMin is the input size from which progress is shown (a variable
// for tests).
var progressMin int64 = 64 << 20

// isTerminal reports whether w is a terminal (a character device).
var isTerminal = func(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// progress shows a single line on a terminal: bytes read, speed and
// findings, rewritten at most 4 times a second, once the input is larger
// than 64 MiB (or, of unknown size, once 64 MiB have been read). A nil
// *progress shows nothing.
type progress struct {
	w        io.Writer
	total    int64 // -1 when unknown
	done     int64
	findings *int64 // nil: not counted
	start    time.Time
	last     time.Time
	now      func() time.Time
	shown    bool
}

// newProgress returns the progress of reading inputs for stderr, or nil
// when stderr is not a terminal or the inputs are known to be small.
func newProgress(stderr io.Writer, inputs []input, findings *int64) *progress {
	if !isTerminal(stderr) {
		return nil
	}
	var total int64
	for _, in := range inputs {
		if in.size < 0 {
			total = -1
			break
		}
		total += in.size
	}
	if total >= 0 && total <= progressMin {
		return nil
	}
	return &progress{w: stderr, total: total, findings: findings, now: time.Now}
}

// add counts n more bytes read and updates the line when it is time.
func (p *progress) add(n int64) {
	if p == nil {
		return
	}
	now := p.now()
	if p.start.IsZero() {
		p.start, p.last = now, now
	}
	p.done += n
	if now.Sub(p.last) < progressEvery || p.total < 0 && p.done <= progressMin {
		return
	}
	p.last = now
	p.shown = true
	line := "\rpiiguard: " + mib(p.done)
	if p.total > 0 {
		line += fmt.Sprintf(" of %s (%d%%)", mib(p.total), p.done*100/p.total)
	}
	if secs := now.Sub(p.start).Seconds(); secs > 0 {
		line += fmt.Sprintf(", %.0f MB/s", float64(p.done)/1e6/secs)
	}
	if p.findings != nil {
		line += fmt.Sprintf(", %d findings", atomic.LoadInt64(p.findings))
	}
	io.WriteString(p.w, line+"\033[K")
}

// end erases the line.
func (p *progress) end() {
	if p != nil && p.shown {
		io.WriteString(p.w, "\r\033[K")
	}
}

func mib(n int64) string { return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20)) }
