package piiguard_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/internal/testcorpus"
	"github.com/piiguard/piiguard/mask"
)

var linesScanner = sync.OnceValues(func() (*piiguard.Scanner, error) {
	return piiguard.NewScanner(piiguard.Config{})
})

func newLinesScanner(t testing.TB) *piiguard.Scanner {
	t.Helper()
	s, err := linesScanner()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// segmentLog records Segment calls, copied (an empty Text or Findings as
// nil: whether an empty slice is nil is not part of what is compared).
type segmentLog []mask.Segment

func (l *segmentLog) add(sg *mask.Segment) {
	c := *sg
	c.Text, c.Findings = nil, nil
	if len(sg.Text) > 0 {
		c.Text = bytes.Clone(sg.Text)
	}
	if len(sg.Findings) > 0 {
		c.Findings = append([]piiguard.Finding(nil), sg.Findings...)
	}
	*l = append(*l, c)
}

// oneStream masks in with one mask.Writer: what MaskLines must equal.
func oneStream(t *testing.T, s *piiguard.Scanner, in string, opts piiguard.LinesOptions) (string, segmentLog) {
	t.Helper()
	var out bytes.Buffer
	var segs segmentLog
	so := mask.StreamOptions{JSON: opts.JSON, MaxLineLength: opts.MaxLineLength, Segment: segs.add}
	w := mask.NewWriter(&out, s, s.Masker(), so)
	if _, err := io.WriteString(w, in); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return out.String(), segs
}

// chunkReader returns its data in reads of random sizes up to max.
type chunkReader struct {
	data []byte
	max  int
	r    *rand.Rand
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.data) == 0 {
		return 0, io.EOF
	}
	n := min(len(p), len(c.data), 1+c.r.IntN(c.max))
	copy(p, c.data[:n])
	c.data = c.data[n:]
	return n, nil
}

// linesInput is many lines of several batches: values, multi-byte
// characters, CRLF, empty lines, JSON lines, private keys.
func linesInput(size int) string {
	r := rand.New(rand.NewPCG(1, 2))
	values := []string{"jane.doe@example.com", "ssn 536-22-1234", "card 4929 3812 6548 1006", "ip 203.0.113.42", "é→😀", "nothing", "AKIAIOSFODNN7EXAMPLE"}
	key := "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9OiMIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi\nMIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi\n-----END RSA PRIVATE KEY-----\n"
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		switch i % 40 {
		case 7:
			fmt.Fprintf(&b, `{"user":{"email":"u%d@example.com","ssn":"536-22-1234"},"n":%d}`+"\n", i, i)
		case 13:
			b.WriteString("\r\n\n")
		case 21:
			if i%120 == 21 {
				b.WriteString(key)
			}
		}
		fmt.Fprintf(&b, "line %d %s %s\r\n", i, values[r.IntN(len(values))], values[r.IntN(len(values))])
	}
	return b.String()
}

// TestMaskLinesSameAsOneStream is issue 14 item 2: MaskLines writes what
// one mask.Writer writes, byte for byte, and passes the same segments,
// whatever the number of workers and however src returns its input.
func TestMaskLinesSameAsOneStream(t *testing.T) {
	s := newLinesScanner(t)
	jsonMasker, err := mask.NewJSON(s, s.Masker(), mask.JSONOptions{})
	if err != nil {
		t.Fatal(err)
	}
	size := 1 << 20
	if testing.Short() || raceEnabled {
		size = 300 << 10
	}
	long := strings.Repeat("x ", 3000) + "a@example.com " + strings.Repeat("y", 5000)
	body := "MIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9OiMIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi"
	cases := []struct {
		name string
		in   string
		opts piiguard.LinesOptions
	}{
		{"empty", "", piiguard.LinesOptions{}},
		{"one line without newline", "mail jane@example.com", piiguard.LinesOptions{}},
		{"empty lines", "\n\n\r\n\n", piiguard.LinesOptions{}},
		{"CRLF", "a jane@example.com\r\nb 536-22-1234\r\n", piiguard.LinesOptions{}},
		{"many lines", linesInput(size), piiguard.LinesOptions{}},
		{"many lines, JSON", linesInput(size), piiguard.LinesOptions{JSON: jsonMasker}},
		{"long line without newline", "first a@example.com\n" + long, piiguard.LinesOptions{MaxLineLength: 4096}},
		{"long line in many lines", linesInput(size/2) + long + "\n" + linesInput(size/4), piiguard.LinesOptions{MaxLineLength: 4096}},
		{"unterminated key", "a\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi\n" + linesInput(size/4), piiguard.LinesOptions{}},
		// A line that closes a key and opens another: the stream holds it
		// with the first key (a batch must not be cut before it).
		{"closer and opener on one line", strings.Repeat("-----BEGIN RSA PRIVATE KEY-----\n"+body+"\n"+body+"\n-----END RSA PRIVATE KEY----- mail a@example.com -----BEGIN RSA PRIVATE KEY-----\n"+body+"\n-----END RSA PRIVATE KEY-----\nssn 536-22-1234\n", 300), piiguard.LinesOptions{}},
		// A second unterminated key more than the stream's block bound
		// after the first: the stream gave the first up and holds the
		// second.
		{"second unterminated key", "-----BEGIN RSA PRIVATE KEY-----\n" + linesInput(mask.DefaultMaxLineLength+30<<10) + "-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n" + linesInput(200<<10), piiguard.LinesOptions{}},
		// A JSON line with an escaped key opens no block when masking JSON.
		{"escaped key in JSON", strings.Repeat(`{"key":"-----BEGIN RSA PRIVATE KEY-----\n`+body+`","mail":"a@example.com"}`+"\n"+"-----BEGIN RSA PRIVATE KEY-----\n"+body+"\n-----END RSA PRIVATE KEY-----\nssn 536-22-1234\n", 300), piiguard.LinesOptions{JSON: jsonMasker}},
	}
	for _, c := range cases {
		want, wantSegs := oneStream(t, s, c.in, c.opts)
		for _, workers := range []int{1, 2, 4} {
			for _, reads := range []int{0, 100, 70 << 10} {
				var src io.Reader = strings.NewReader(c.in)
				if reads > 0 {
					src = &chunkReader{data: []byte(c.in), max: reads, r: rand.New(rand.NewPCG(uint64(workers), uint64(reads)))}
				}
				opts := c.opts
				opts.Workers = workers
				var segs segmentLog
				opts.Segment = func(sg *mask.Segment) error { segs.add(sg); return nil }
				var out bytes.Buffer
				if err := s.MaskLines(context.Background(), &out, src, opts); err != nil {
					t.Fatalf("%s, %d workers, reads up to %d: %v", c.name, workers, reads, err)
				}
				if got := out.String(); got != want {
					t.Errorf("%s, %d workers, reads up to %d: %d bytes, differs from one stream (%d bytes) at byte %d", c.name, workers, reads, len(got), len(want), firstDiff(got, want))
				}
				if opts.JSON == nil && len(wantSegs) == 0 && c.in != "" {
					t.Errorf("%s: no segments from one stream", c.name)
				}
				if !reflect.DeepEqual(segs, wantSegs) && !(len(segs) == 0 && len(wantSegs) == 0) {
					i := firstSegmentDiff(segs, wantSegs)
					t.Errorf("%s, %d workers, reads up to %d: %d segments, one stream %d; first difference at %d", c.name, workers, reads, len(segs), len(wantSegs), i)
					if i < len(segs) && i < len(wantSegs) {
						t.Logf("got  %+v\nwant %+v", segs[i], wantSegs[i])
					}
				}
			}
		}
	}
}

func firstDiff(a, b string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func firstSegmentDiff(a, b segmentLog) int {
	for i := range min(len(a), len(b)) {
		if !reflect.DeepEqual(a[i], b[i]) {
			return i
		}
	}
	return min(len(a), len(b))
}

// flushRecorder is a dst whose writes arrive on a channel, line by line,
// and which counts Flush calls.
type flushRecorder struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	lines   chan string
	flushes int
}

func (f *flushRecorder) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.buf.Write(p)
	for {
		line, err := f.buf.ReadString('\n')
		if err != nil {
			f.buf.WriteString(line)
			return len(p), nil
		}
		f.lines <- line
	}
}

func (f *flushRecorder) Flush() error {
	f.mu.Lock()
	f.flushes++
	f.mu.Unlock()
	return nil
}

// TestMaskLinesSlowStream: a line that comes alone is masked and written
// without waiting for more input (tail -f), and dst is flushed.
func TestMaskLinesSlowStream(t *testing.T) {
	s := newLinesScanner(t)
	for _, workers := range []int{1, 2, 4} {
		inR, inW := io.Pipe()
		dst := &flushRecorder{lines: make(chan string, 10)}
		done := make(chan error, 1)
		go func() {
			done <- s.MaskLines(context.Background(), dst, inR, piiguard.LinesOptions{Workers: workers})
		}()
		for _, l := range []string{"first a@example.com\n", "second ssn 536-22-1234\n", "third\n"} {
			if _, err := io.WriteString(inW, l); err != nil {
				t.Fatal(err)
			}
			select {
			case got := <-dst.lines:
				if want := s.MaskString(l); got != want {
					t.Errorf("%d workers: wrote %q, want %q", workers, got, want)
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("%d workers: %q was not written before more input came", workers, l)
			}
		}
		inW.Close()
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		if dst.flushes < 3 {
			t.Errorf("%d workers: %d flushes for 3 lines that came one by one", workers, dst.flushes)
		}
	}
}

// endless returns a line again and again.
type endless struct{ reads int }

func (e *endless) Read(p []byte) (int, error) {
	e.reads++
	line := "mail jane@example.com\n"
	n := 0
	for n+len(line) <= len(p) {
		n += copy(p[n:], line)
	}
	return n, nil
}

// failWriter fails once it has taken limit bytes.
type failWriter struct {
	mu    sync.Mutex
	n     int
	limit int
}

var errDisk = errors.New("disk full")

func (f *failWriter) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.n+len(p) > f.limit {
		return 0, errDisk
	}
	f.n += len(p)
	return len(p), nil
}

// failReader returns data, then err.
type failReader struct {
	data []byte
	err  error
}

func (f *failReader) Read(p []byte) (int, error) {
	if len(f.data) == 0 {
		return 0, f.err
	}
	n := copy(p, f.data)
	f.data = f.data[n:]
	return n, nil
}

// TestMaskLinesErrors: errors of dst, src, Segment and the context stop
// MaskLines (even on endless input) and are returned with context; what
// was read before a read error is written; no message holds scanned data.
func TestMaskLinesErrors(t *testing.T) {
	s := newLinesScanner(t)
	errStop := errors.New("enough")
	errRead := errors.New("connection reset")
	readInput := "one jane@example.com\ntwo 536-22-1234\nthree 4929 3812 6548 1006"
	for _, workers := range []int{1, 2, 4} {
		cancelled, cancel := context.WithCancel(context.Background())
		cancel()
		segments := 0
		cases := []struct {
			name    string
			ctx     context.Context
			dst     io.Writer
			src     io.Reader
			opts    piiguard.LinesOptions
			want    error
			message string // a part of the error's text
		}{
			{"writer", context.Background(), &failWriter{limit: 1 << 20}, &endless{}, piiguard.LinesOptions{}, errDisk, "piiguard: writing masked lines: disk full"},
			{"reader", context.Background(), io.Discard, &failReader{data: []byte(readInput), err: errRead}, piiguard.LinesOptions{}, errRead, "piiguard: reading lines: at line 3: connection reset"},
			{"segment", context.Background(), io.Discard, &endless{}, piiguard.LinesOptions{Segment: func(*mask.Segment) error {
				if segments++; segments == 5000 {
					return errStop
				}
				return nil
			}}, errStop, "enough"},
			// TestMaskLinesReportOnlySegmentErrorStops: with ReportOnly on one
			// worker, Segment's error was lost (nothing reaches dst to fail)
			// and MaskLines read on.
			{"segment, report only", context.Background(), io.Discard, &endless{}, piiguard.LinesOptions{ReportOnly: true, Segment: func(*mask.Segment) error {
				if segments++; segments == 5000 {
					return errStop
				}
				return nil
			}}, errStop, "enough"},
			{"writer, format", context.Background(), &failWriter{limit: 1 << 20}, &endless{}, piiguard.LinesOptions{ReportOnly: true, Format: newTestFormat}, errDisk, "piiguard: writing masked lines: disk full"},
			{"context", cancelled, io.Discard, &endless{}, piiguard.LinesOptions{}, context.Canceled, "context canceled"},
			{"negative workers", context.Background(), io.Discard, &endless{}, piiguard.LinesOptions{Workers: -1}, nil, "LinesOptions.Workers is -1"},
		}
		for _, c := range cases {
			segments = 0
			if c.opts.Workers == 0 {
				c.opts.Workers = workers
			}
			done := make(chan error, 1)
			go func() { done <- s.MaskLines(c.ctx, c.dst, c.src, c.opts) }()
			var err error
			select {
			case err = <-done:
			case <-time.After(30 * time.Second):
				t.Fatalf("%s, %d workers: MaskLines did not stop", c.name, workers)
			}
			if err == nil || (c.want != nil && !errors.Is(err, c.want)) || !strings.Contains(err.Error(), c.message) {
				t.Errorf("%s, %d workers: error %v, want %q (is %v)", c.name, workers, err, c.message, c.want)
			}
			if err != nil && (strings.Contains(err.Error(), "jane") || strings.Contains(err.Error(), "536-22")) {
				t.Errorf("%s: the error holds scanned data: %v", c.name, err)
			}
		}
		// What was read before a read error is masked and written.
		var out bytes.Buffer
		err := s.MaskLines(context.Background(), &out, &failReader{data: []byte(readInput), err: errRead}, piiguard.LinesOptions{Workers: workers})
		if want, _ := oneStream(t, s, readInput, piiguard.LinesOptions{}); !errors.Is(err, errRead) || out.String() != want {
			t.Errorf("%d workers: read error %v; wrote %q, want %q", workers, err, out.String(), want)
		}
	}
}

// TestMaskLinesConcurrent: one Scanner masks several streams at once.
func TestMaskLinesConcurrent(t *testing.T) {
	s := newLinesScanner(t)
	in := linesInput(200 << 10)
	want, _ := oneStream(t, s, in, piiguard.LinesOptions{})
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			var out bytes.Buffer
			w := bufio.NewWriter(&out)
			if err := s.MaskLines(context.Background(), w, strings.NewReader(in), piiguard.LinesOptions{Workers: 1 + i%3}); err != nil {
				t.Error(err)
			}
			w.Flush()
			if out.String() != want {
				t.Errorf("stream %d differs from one stream at byte %d", i, firstDiff(out.String(), want))
			}
		})
	}
	wg.Wait()
}

// TestMaskLinesKeyClosedAndOpenedOnOneLine is the regression test of a bug
// `piiguard mask --workers N` had: a line that closes one private key and
// opens another ("-----END ... KEY----- ... -----BEGIN ... KEY-----") was
// taken to open a block, and a batch was cut before it, so the first key's
// stream masked it without its closing line, unlike one worker.
func TestMaskLinesKeyClosedAndOpenedOnOneLine(t *testing.T) {
	s := newLinesScanner(t)
	body := "MIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9OiMIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi"
	in := strings.Repeat("-----BEGIN RSA PRIVATE KEY-----\n"+body+"\n-----END RSA PRIVATE KEY----- -----BEGIN RSA PRIVATE KEY-----\n"+body+"\n-----END RSA PRIVATE KEY-----\nok\n", 100)
	want, _ := oneStream(t, s, in, piiguard.LinesOptions{})
	var out bytes.Buffer
	src := &chunkReader{data: []byte(in), max: 100, r: rand.New(rand.NewPCG(5, 6))}
	if err := s.MaskLines(context.Background(), &out, src, piiguard.LinesOptions{Workers: 4}); err != nil {
		t.Fatal(err)
	}
	if out.String() != want {
		t.Errorf("differs from one stream at byte %d", firstDiff(out.String(), want))
	}
	if strings.Contains(out.String(), body[:20]) {
		t.Error("a key was left in clear")
	}
}

// TestReportOnlySameFindings is issue 14 item 2's scan-only path:
// LinesOptions.ReportOnly passes Segment the segments and findings the
// masking path passes, in the same order, and writes nothing, on real
// logs (loghub), on the synthetic corpora, with private keys spanning
// lines, and with lines longer than MaxLineLength cut into pieces;
// whatever the number of workers and however src returns its input.
func TestReportOnlySameFindings(t *testing.T) {
	s := newLinesScanner(t)
	size := 1 << 20
	if testing.Short() || raceEnabled {
		size = 300 << 10
	}
	corpus := func(c *testcorpus.Corpus, max int) string {
		var b strings.Builder
		for _, l := range c.Lines {
			if b.Len() >= max {
				break
			}
			b.Write(l)
			b.WriteByte('\n')
		}
		return b.String()
	}
	body := "MIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9OiMIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi"
	key := "-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n" + body + "\n-----END RSA PRIVATE KEY-----\n"
	long := strings.Repeat("x ", 3000) + "a@example.com " + strings.Repeat("y", 5000) + " ssn 536-22-1234"
	cases := []struct {
		name string
		in   string
		opts piiguard.LinesOptions
	}{
		{"synthetic 1%", corpus(testcorpus.Synthetic(8000, 0.01, 1), size), piiguard.LinesOptions{}},
		{"synthetic 10%", corpus(testcorpus.Synthetic(8000, 0.10, 2), size), piiguard.LinesOptions{}},
		{"varied lines with keys", linesInput(size), piiguard.LinesOptions{}},
		{"keys spanning lines", strings.Repeat("mail a@example.com\n"+key+"ip 203.0.113.42 -----BEGIN OPENSSH PRIVATE KEY-----\n"+body+"\n-----END OPENSSH PRIVATE KEY----- -----BEGIN EC PRIVATE KEY-----\n"+body+"\n-----END EC PRIVATE KEY-----\n", 200), piiguard.LinesOptions{}},
		{"unterminated key", "a\n-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n" + linesInput(size/4), piiguard.LinesOptions{}},
		{"long lines", linesInput(size/4) + long + "\n" + linesInput(size/8) + long, piiguard.LinesOptions{MaxLineLength: 4096}},
	}
	if lh, err := testcorpus.Loghub(""); err == nil {
		cases = append(cases, struct {
			name string
			in   string
			opts piiguard.LinesOptions
		}{"loghub", corpus(lh, 4*size), piiguard.LinesOptions{}})
	} else {
		t.Logf("loghub corpus absent, not compared: %v", err)
	}
	for _, c := range cases {
		_, want := oneStream(t, s, c.in, c.opts)
		found := 0
		for _, sg := range want {
			found += len(sg.Findings)
		}
		if found == 0 {
			t.Fatalf("%s: no findings to compare", c.name)
		}
		format := newTestFormat()
		var wantFormat string
		{
			var b []byte
			for i := range want {
				b = format(b, &want[i])
			}
			wantFormat = string(b)
		}
		for _, workers := range []int{1, 2, 4} {
			for _, reads := range []int{0, 100} {
				var src io.Reader = strings.NewReader(c.in)
				if reads > 0 {
					src = &chunkReader{data: []byte(c.in), max: reads, r: rand.New(rand.NewPCG(uint64(workers), uint64(reads)))}
				}
				opts := c.opts
				opts.Workers, opts.ReportOnly = workers, true
				var segs segmentLog
				opts.Segment = func(sg *mask.Segment) error { segs.add(sg); return nil }
				var out bytes.Buffer
				if err := s.MaskLines(context.Background(), &out, src, opts); err != nil {
					t.Fatalf("%s, %d workers, reads up to %d: %v", c.name, workers, reads, err)
				}
				if out.Len() != 0 {
					t.Errorf("%s, %d workers, reads up to %d: wrote %d bytes", c.name, workers, reads, out.Len())
				}
				if !reflect.DeepEqual(segs, want) {
					i := firstSegmentDiff(segs, want)
					t.Errorf("%s, %d workers, reads up to %d: %d segments, masking path %d; first difference at %d", c.name, workers, reads, len(segs), len(want), i)
				}
				// Format on the workers: the bytes one formatter makes of
				// every segment in order (with Segment too, or without).
				opts.Format = newTestFormat
				if reads == 0 {
					opts.Segment = nil
				}
				segs = nil
				out.Reset()
				if err := s.MaskLines(context.Background(), &out, src2(c.in, workers, reads), opts); err != nil {
					t.Fatalf("%s, Format, %d workers, reads up to %d: %v", c.name, workers, reads, err)
				}
				if got := out.String(); got != wantFormat {
					t.Errorf("%s, Format, %d workers, reads up to %d: %d bytes, one formatter %d; first difference at %d", c.name, workers, reads, len(got), len(wantFormat), firstDiff(got, wantFormat))
				}
				if opts.Segment != nil && !reflect.DeepEqual(segs, want) {
					t.Errorf("%s, Format and Segment, %d workers, reads up to %d: %d segments, masking path %d", c.name, workers, reads, len(segs), len(want))
				}
			}
		}
	}
}

// src2 is the input of a TestReportOnlySameFindings run: in whole, or in
// reads of random sizes up to reads.
func src2(in string, workers, reads int) io.Reader {
	if reads == 0 {
		return strings.NewReader(in)
	}
	return &chunkReader{data: []byte(in), max: reads, r: rand.New(rand.NewPCG(uint64(workers), uint64(reads)))}
}

// newTestFormat is a LinesOptions.Format that keeps state within a line,
// as `piiguard scan --format text` does: each finding is written with its
// line, its byte offset and the characters before it in the line.
func newTestFormat() func([]byte, *mask.Segment) []byte {
	var chars int64 // in the line's segments before this one
	return func(b []byte, sg *mask.Segment) []byte {
		for _, f := range sg.Findings {
			b = fmt.Appendf(b, "%d:%d:%d %s\n", sg.Line, sg.Offset+int64(f.Start), chars+int64(utf8.RuneCount(sg.Text[:f.Start])), f.Identifier)
		}
		chars += int64(utf8.RuneCount(sg.Text))
		if sg.End {
			chars = 0
		}
		return b
	}
}

// TestReportOnlyNeedsSegment: ReportOnly without Segment, or with JSON,
// is refused with an error that names it.
func TestReportOnlyNeedsSegment(t *testing.T) {
	s := newLinesScanner(t)
	jsonMasker, err := mask.NewJSON(s, s.Masker(), mask.JSONOptions{})
	if err != nil {
		t.Fatal(err)
	}
	seg := func(*mask.Segment) error { return nil }
	for _, opts := range []piiguard.LinesOptions{
		{ReportOnly: true},
		{ReportOnly: true, Segment: seg, JSON: jsonMasker},
		{ReportOnly: true, Format: newTestFormat, JSON: jsonMasker},
		{Format: newTestFormat},
	} {
		err := s.MaskLines(context.Background(), io.Discard, strings.NewReader("a@example.com\n"), opts)
		if err == nil || !strings.Contains(err.Error(), "ReportOnly") {
			t.Errorf("JSON %v, Segment %v: error %v, want one naming ReportOnly", opts.JSON != nil, opts.Segment != nil, err)
		}
	}
}

// TestMaskLinesSegmentAppendDoesNotLeak is the regression test for a
// Segment callback that appends to its segment's Findings (ordinary Go,
// and allowed: the slice is the callback's during the call). With several
// workers, a batch's findings were one slice, and each segment's had the
// next segment's findings in its spare capacity: the append overwrote them,
// and the next line was reported with the wrong offsets.
func TestMaskLinesSegmentAppendDoesNotLeak(t *testing.T) {
	s := newLinesScanner(t)
	var in strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&in, "line %d ssn 536-22-1234 mail a%d@example.com\n", i, i)
	}
	for _, reportOnly := range []bool{false, true} {
		var want []string
		for _, workers := range []int{1, 2, 4} {
			var got []string
			opts := piiguard.LinesOptions{Workers: workers, ReportOnly: reportOnly, Segment: func(sg *mask.Segment) error {
				for _, f := range sg.Findings {
					got = append(got, fmt.Sprintf("%d:%s[%d:%d]", sg.Line, f.Identifier, f.Start, f.End))
				}
				if len(sg.Findings) > 0 {
					_ = append(sg.Findings, sg.Findings[0])
				}
				return nil
			}}
			if err := s.MaskLines(context.Background(), io.Discard, strings.NewReader(in.String()), opts); err != nil {
				t.Fatal(err)
			}
			if workers == 1 {
				want = got
				if len(want) < 6000 {
					t.Fatalf("one worker reported %d findings, want at least 6000", len(want))
				}
				continue
			}
			if !reflect.DeepEqual(got, want) {
				for i := range min(len(got), len(want)) {
					if got[i] != want[i] {
						t.Fatalf("report only %v, %d workers: finding %d is %s, one worker's %s", reportOnly, workers, i, got[i], want[i])
					}
				}
				t.Fatalf("report only %v, %d workers: %d findings, one worker %d", reportOnly, workers, len(got), len(want))
			}
		}
	}
}

// TestMaskLinesSegmentErrorWritesNothingMore: when Segment fails, MaskLines
// returns its error and has written only whole lines before the failing
// segment's line, in order: whether the writer replayed the failing call
// or a worker made it (the batch the writer waits for has its worker call
// Segment itself).
func TestMaskLinesSegmentErrorWritesNothingMore(t *testing.T) {
	s := newLinesScanner(t)
	in := linesInput(600 << 10)
	want, _ := oneStream(t, s, in, piiguard.LinesOptions{})
	wantLines := strings.SplitAfter(want, "\n")
	errStop := errors.New("enough")
	for _, workers := range []int{2, 4} {
		for _, failAt := range []int64{1, 700, 5000, 9000} {
			var out bytes.Buffer
			var last int64 // the line of the last segment passed
			err := s.MaskLines(context.Background(), &out, strings.NewReader(in), piiguard.LinesOptions{
				Workers: workers,
				Segment: func(sg *mask.Segment) error {
					if sg.Line < last {
						t.Errorf("line %d after line %d", sg.Line, last)
					}
					last = sg.Line
					if sg.Line == failAt {
						return errStop
					}
					return nil
				},
			})
			if !errors.Is(err, errStop) {
				t.Fatalf("%d workers, failing at line %d: error %v, want %v", workers, failAt, err, errStop)
			}
			got := out.String()
			n := strings.Count(got, "\n")
			if int64(n) >= failAt || got != strings.Join(wantLines[:n], "") {
				t.Errorf("%d workers, failing at line %d: wrote %d lines (%d bytes); want fewer than %d, the first of one stream's output",
					workers, failAt, n, len(got), failAt)
			}
		}
	}
}
