package main

import (
	"bufio"
	"encoding/json"
	"strconv"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/mask"
)

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
// line's number as it ends.
func segmentFindings(fn func(*lineFinding), end func(line int64)) func(*mask.Segment) {
	var lc lineChars
	var lf lineFinding
	return func(s *mask.Segment) {
		lc.start(s)
		for _, f := range s.Findings {
			lf = lineFinding{
				line:  s.Line,
				start: s.Offset + int64(f.Start), end: s.Offset + int64(f.End),
				f: f, value: s.Text[f.Start:f.End],
			}
			lf.char = lc.at(lf.start)
			lf.charEnd = lc.at(lf.end)
			fn(&lf)
		}
		lc.end(s)
		if s.End && end != nil {
			end(s.Line)
		}
	}
}

// scanInput scans one input, writing each line's findings to w as JSON
// Lines when the line has been read. Lines of any length take bounded
// memory: a line longer than mask.DefaultMaxLineLength is scanned in
// pieces, as mask masks it.
func scanInput(s *piiguard.Scanner, in input, w *bufio.Writer, showValues bool) error {
	var buf []byte
	seg := segmentFindings(func(lf *lineFinding) {
		buf = appendFinding(buf[:0], lf, showValues)
		w.Write(buf) // an error sticks in w; pump checks it
	}, nil)
	stream := mask.NewWriter(discard{}, s, mask.Asterisk, mask.StreamOptions{Segment: seg})
	err := pump(in, stream, w)
	if cerr := stream.Close(); err == nil {
		err = cerr
	}
	return err
}

// discard is io.Discard, as a type of its own: the masked output of a
// stream used to scan is not needed.
type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// appendFinding formats one finding as a JSON line, keys in a fixed order.
func appendFinding(b []byte, lf *lineFinding, showValue bool) []byte {
	b = append(b, `{"line":`...)
	b = strconv.AppendInt(b, lf.line, 10)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, lf.start, 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, lf.end, 10)
	b = append(b, `,"identifier":`...)
	b = appendJSONString(b, lf.f.Identifier)
	b = append(b, `,"score":`...)
	b = strconv.AppendFloat(b, lf.f.Score, 'f', -1, 64)
	if showValue {
		b = append(b, `,"value":`...)
		b = appendJSONString(b, string(lf.value))
	}
	return append(b, "}\n"...)
}

func appendJSONString(b []byte, s string) []byte {
	enc, _ := json.Marshal(s) // strings always marshal; invalid UTF-8 becomes U+FFFD
	return append(b, enc...)
}
