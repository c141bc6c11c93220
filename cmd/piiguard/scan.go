package main

import (
	"bufio"
	"math"
	"strconv"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/internal/jsonwalk"
	"github.com/piiguard/piiguard/mask"
)

// cmdScan prints the findings in its inputs, each line's as soon as the
// line has been read.
func cmdScan(e *env, args []string) error {
	cmd := lookupCommand("scan")
	fs := newFlagSet(cmd)
	sf := addScanFlags(fs)
	format := fs.String("format", "jsonl", "output `FORMAT`: jsonl (a JSON object per finding), text (file:line:column: identifier (score)) or sarif (SARIF 2.1.0)")
	showValues := fs.Bool("show-values", false, "print each finding's value (never printed otherwise)")
	files, err := parseFlags(fs, cmd, args)
	if err != nil {
		return err
	}
	if *format != "jsonl" && *format != "text" && *format != "sarif" {
		return usagef("scan: unknown --format %q%s (want jsonl, text or sarif)", *format, didYouMean(*format, []string{"jsonl", "text", "sarif"}, ""))
	}
	s, cfg, inputs, err := sf.open("scan", files, e.stdin)
	if err != nil {
		return err
	}
	defer closeInputs(inputs)
	w := bufio.NewWriterSize(e.stdout, 64<<10)
	var out findingWriter
	switch *format {
	case "jsonl":
		out = &jsonlWriter{w: w, showValues: *showValues, withFile: len(inputs) > 1}
	case "text":
		out = &textWriter{w: w, showValues: *showValues}
	case "sarif":
		out = newSARIFWriter(w, cfg, *showValues)
	}
	var found int64
	p := &pumper{cmd: "scan", out: w, stderr: e.stderr, scanBinary: sf.binary.scan, progress: newProgress(e.stderr, inputs, &found)}
	defer p.progress.end()
	// jsonl gives byte offsets only: no need to count characters.
	task := &lineTask{s: s, finding: out.finding, appender: out.appender, count: &found, bytesOnly: *format == "jsonl"}
	for _, in := range inputs {
		out.begin(in)
		if err := task.run(in, p, int(*sf.workers)); err != nil {
			out.end()
			w.Flush() // what came before the error
			return err
		}
	}
	out.end()
	if err := w.Flush(); err != nil {
		return err
	}
	if sf.fail && found > 0 {
		return errFound
	}
	return nil
}

// A lineFinding is one finding with its place in the input.
type lineFinding struct {
	line       int64 // 1-based
	start, end int64 // byte offsets within the line, end exclusive
	char       int64 // character offset of start within the line
	charEnd    int64 // character offset of end
	f          piiguard.Finding
	value      []byte // valid only during the call
}

// segmentFindings returns a mask.StreamOptions.Segment callback that calls
// fn with each finding, its offsets moved to the line, and end with each
// line's number as it ends. With bytesOnly, the findings' character
// offsets are left zero (not counted).
func segmentFindings(fn func(*lineFinding), end func(line int64), bytesOnly bool) func(*mask.Segment) {
	var lc lineChars
	var lf lineFinding
	return func(s *mask.Segment) {
		if !bytesOnly {
			lc.start(s)
		}
		for _, f := range s.Findings {
			lf = lineFinding{
				line:  s.Line,
				start: s.Offset + int64(f.Start), end: s.Offset + int64(f.End),
				f: f, value: s.Text[f.Start:f.End],
			}
			if !bytesOnly {
				lf.char = lc.at(lf.start)
				lf.charEnd = lc.at(lf.end)
			}
			fn(&lf)
		}
		if !bytesOnly {
			lc.end(s)
		}
		if s.End && end != nil {
			end(s.Line)
		}
	}
}

// A findingWriter writes findings in one of scan's formats. Its writes
// go to a bufio.Writer, whose error sticks; the caller checks it.
type findingWriter interface {
	begin(in input) // the findings that follow are in in
	finding(lf *lineFinding)
	end() // after the last input
	// appender returns a function that appends a finding of the current
	// input to b as finding writes it, for use on one goroutine, so that
	// findings can be formatted on the workers that find them; or nil
	// when a finding's output depends on the findings before it (SARIF's
	// rule indexes and commas): then finding writes them in order.
	appender() func(b []byte, lf *lineFinding) []byte
}

// jsonlWriter writes a JSON object per finding, keys in a fixed order.
type jsonlWriter struct {
	w          *bufio.Writer
	showValues bool
	withFile   bool // several inputs: name each finding's
	file       string
	buf        []byte
}

func (j *jsonlWriter) begin(in input) { j.file = in.name }
func (j *jsonlWriter) end()           {}

func (j *jsonlWriter) finding(lf *lineFinding) {
	j.buf = appendJSONL(j.buf[:0], lf, j.withFile, j.file, j.showValues)
	j.w.Write(j.buf)
}

func (j *jsonlWriter) appender() func(b []byte, lf *lineFinding) []byte {
	a := &jsonlAppender{showValues: j.showValues}
	if j.withFile {
		a.file = append(jsonwalk.AppendQuoteHTML([]byte(`"file":`), j.file), ',')
	}
	return a.append
}

// appendJSONL appends lf's line of JSON to b.
func appendJSONL(b []byte, lf *lineFinding, withFile bool, file string, showValues bool) []byte {
	b = append(b, '{')
	if withFile {
		b = append(b, `"file":`...)
		b = jsonwalk.AppendQuoteHTML(b, file)
		b = append(b, ',')
	}
	b = appendJSONLPlace(b, lf)
	b = appendJSONLKind(b, lf)
	if showValues {
		b = append(b, `,"value":`...)
		b = jsonwalk.AppendQuoteHTML(b, lf.value)
	}
	return append(b, "}\n"...)
}

// A jsonlAppender appends findings as appendJSONL does, keeping the
// encoded file name and the last identifier and score: most findings of
// a log repeat the one before (in loghub, IpAddress at one score), and
// their encoding was ~1.5% of a scan's instructions.
type jsonlAppender struct {
	showValues bool
	file       []byte // "file":name, encoded, or empty
	id         string // the identifier and score kind is of
	score      uint64 // math.Float64bits
	kind       []byte // appendJSONLKind's, or empty
}

func (a *jsonlAppender) append(b []byte, lf *lineFinding) []byte {
	b = append(append(b, '{'), a.file...)
	b = appendJSONLPlace(b, lf)
	if score := math.Float64bits(lf.f.Score); len(a.kind) == 0 || lf.f.Identifier != a.id || score != a.score {
		a.kind = appendJSONLKind(a.kind[:0], lf)
		a.id, a.score = lf.f.Identifier, score
	}
	b = append(b, a.kind...)
	if a.showValues {
		b = append(b, `,"value":`...)
		b = jsonwalk.AppendQuoteHTML(b, lf.value)
	}
	return append(b, "}\n"...)
}

// appendJSONLPlace appends a finding's line and offsets.
func appendJSONLPlace(b []byte, lf *lineFinding) []byte {
	b = append(b, `"line":`...)
	b = strconv.AppendInt(b, lf.line, 10)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, lf.start, 10)
	b = append(b, `,"end":`...)
	return strconv.AppendInt(b, lf.end, 10)
}

// appendJSONLKind appends a finding's identifier and score.
func appendJSONLKind(b []byte, lf *lineFinding) []byte {
	b = append(b, `,"identifier":`...)
	b = jsonwalk.AppendQuoteHTML(b, lf.f.Identifier)
	b = append(b, `,"score":`...)
	return strconv.AppendFloat(b, lf.f.Score, 'f', -1, 64)
}

// textWriter writes file:line:column: Identifier (score), columns counted
// in characters from 1.
type textWriter struct {
	w          *bufio.Writer
	showValues bool
	file       string
	buf        []byte
}

func (t *textWriter) begin(in input) {
	t.file = in.name
	if in.c == nil {
		t.file = "(standard input)"
	}
}
func (t *textWriter) end() {}

func (t *textWriter) finding(lf *lineFinding) {
	t.buf = appendText(t.buf[:0], lf, t.file, t.showValues)
	t.w.Write(t.buf)
}

func (t *textWriter) appender() func(b []byte, lf *lineFinding) []byte {
	file, showValues := t.file, t.showValues
	return func(b []byte, lf *lineFinding) []byte { return appendText(b, lf, file, showValues) }
}

// appendText appends lf's line of text to b.
func appendText(b []byte, lf *lineFinding, file string, showValues bool) []byte {
	b = append(b, file...)
	b = append(b, ':')
	b = strconv.AppendInt(b, lf.line, 10)
	b = append(b, ':')
	b = strconv.AppendInt(b, lf.char+1, 10)
	b = append(b, ": "...)
	b = append(b, lf.f.Identifier...)
	b = append(b, " ("...)
	b = strconv.AppendFloat(b, lf.f.Score, 'f', 2, 64)
	b = append(b, ')')
	if showValues {
		b = append(b, ": "...)
		b = strconv.AppendQuote(b, string(lf.value))
	}
	return append(b, '\n')
}
