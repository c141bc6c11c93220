package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/audit"
	"github.com/piiguard/piiguard/mask"
)

// cmdAudit prints a CloudWatch-style findings report for every input line
// (log event) that holds sensitive data, one JSON object per line, as
// soon as the line has been read.
func cmdAudit(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("audit")
	sel := addSelection(fs)
	arn := fs.String("resource-arn", "", "log group ARN written in each report")
	metrics := fs.Bool("metrics", false, "print LogEventsWithFindings counts to standard error at the end")
	if err := fs.Parse(args); err != nil {
		return usageError{fmt.Errorf("audit: %w", err)}
	}
	cfg, err := sel.config("audit")
	if err != nil {
		return err
	}
	s, err := piiguard.NewScanner(cfg)
	if err != nil {
		return usageError{err}
	}
	inputs, err := openInputs(fs.Args(), stdin)
	if err != nil {
		return usageError{err}
	}
	defer closeInputs(inputs)
	w := bufio.NewWriterSize(stdout, 64<<10)
	a := &auditor{arn: *arn, w: w}
	for _, in := range inputs {
		if err := a.audit(s, in); err != nil {
			w.Flush() // the reports before the error
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if *metrics {
		b, _ := json.Marshal(a.metrics.Snapshot())
		if _, err := stderr.Write(append(b, '\n')); err != nil {
			return err
		}
	}
	return nil
}

// An auditor builds each line's findings report from its segments
// (mask.Segment), so that a line of any length takes bounded memory (its
// report aside), and writes it when the line ends.
type auditor struct {
	arn     string
	w       *bufio.Writer
	metrics audit.Metrics
	report  *audit.Report
	index   map[string]int
}

func (a *auditor) audit(s *piiguard.Scanner, in input) error {
	seg := segmentFindings(a.add, a.endLine)
	stream := mask.NewWriter(discard{}, s, mask.Asterisk, mask.StreamOptions{Segment: seg})
	err := pump(in, stream, a.w)
	if cerr := stream.Close(); err == nil {
		err = cerr
	}
	return err
}

// add adds a finding to the current line's report: identifiers in order
// of first occurrence, character offsets, as audit.NewReport makes them.
func (a *auditor) add(lf *lineFinding) {
	if a.report == nil {
		a.report = &audit.Report{ResourceArn: a.arn}
		clear(a.index)
	}
	if a.index == nil {
		a.index = map[string]int{}
	}
	name := lf.f.Identifier
	i, ok := a.index[name]
	if !ok {
		i = len(a.report.DataIdentifiers)
		a.index[name] = i
		a.report.DataIdentifiers = append(a.report.DataIdentifiers, audit.DataIdentifier{Name: name})
	}
	d := &a.report.DataIdentifiers[i]
	d.Detections = append(d.Detections, audit.Detection{Start: int(lf.char), End: int(lf.charEnd)})
	d.Count++
}

// endLine writes the line's report, if it has findings, and counts it.
func (a *auditor) endLine(int64) {
	r := a.report
	a.report = nil
	a.metrics.Add(r)
	if r == nil {
		return
	}
	r.AuditTimestamp = time.Now().UTC().Format(audit.TimestampFormat)
	b, err := json.Marshal(r)
	if err != nil {
		return // a Report always marshals
	}
	a.w.Write(append(b, '\n')) // an error sticks in w; pump checks it
}
