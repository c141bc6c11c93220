package main

import (
	"bufio"
	"encoding/json"
	"sync/atomic"
	"time"

	"github.com/piiguard/piiguard/audit"
)

// cmdAudit prints a CloudWatch-style findings report for every input line
// (log event) that holds sensitive data, one JSON object per line, as
// soon as the line has been read. It never masks, so it needs no key,
// whatever the policy's mask styles.
func cmdAudit(e *env, args []string) error {
	cmd := lookupCommand("audit")
	fs := newFlagSet(cmd)
	sf := addScanFlags(fs)
	arn := fs.String("resource-arn", "", "log group `ARN` written in each report")
	metrics := fs.Bool("metrics", false, "print LogEventsWithFindings counts to standard error at the end")
	files, err := parseFlags(fs, cmd, args)
	if err != nil {
		return err
	}
	s, _, inputs, err := sf.open("audit", files, e.stdin)
	if err != nil {
		return err
	}
	defer closeInputs(inputs)
	w := bufio.NewWriterSize(e.stdout, 64<<10)
	a := &auditor{arn: *arn, w: w}
	p := &pumper{cmd: "audit", out: w, stderr: e.stderr, scanBinary: sf.binary.scan, progress: newProgress(e.stderr, inputs, &a.found)}
	defer p.progress.end()
	task := &lineTask{s: s, finding: a.add, endLine: a.endLine, appender: a.appender, lineEnds: true, count: &a.found}
	for _, in := range inputs {
		if err := task.run(in, p, int(*sf.workers)); err != nil {
			w.Flush() // the reports before the error
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if *metrics {
		b, _ := json.Marshal(a.metrics.Snapshot())
		if _, err := e.stderr.Write(append(b, '\n')); err != nil {
			return err
		}
	}
	if sf.fail && atomic.LoadInt64(&a.reports) > 0 {
		return errFound
	}
	return nil
}

// An auditor builds each line's findings report from its segments
// (mask.Segment), so that a line of any length takes bounded memory (its
// report aside), and writes it when the line ends. Its appender does the
// same on the workers that find the findings (see lineTask.appender).
type auditor struct {
	arn     string
	w       *bufio.Writer
	metrics audit.Metrics // safe for concurrent use
	line    auditLine     // for add and endLine, called in input order
	found   int64         // findings (atomic: progress reads it)
	reports int64         // lines with findings (atomic)
}

// add adds a finding to the current line's report.
func (a *auditor) add(lf *lineFinding) { a.line.add(a.arn, lf) }

// endLine writes the line's report, if it has findings, and counts it.
func (a *auditor) endLine(int64) {
	a.w.Write(a.line.end(a, nil)) // an error sticks in w; pump checks it
}

// appender returns a function for one goroutine that adds findings to a
// line's report, and at the end of the line (a nil finding) appends the
// report to b.
func (a *auditor) appender() func(b []byte, lf *lineFinding) []byte {
	var line auditLine
	return func(b []byte, lf *lineFinding) []byte {
		if lf == nil {
			return line.end(a, b)
		}
		line.add(a.arn, lf)
		return b
	}
}

// An auditLine is the report of the line being read.
type auditLine struct {
	report *audit.Report
	index  map[string]int
}

// add adds a finding to the line's report: identifiers in order of first
// occurrence, character offsets, as audit.NewReport makes them.
func (l *auditLine) add(arn string, lf *lineFinding) {
	if l.report == nil {
		l.report = &audit.Report{ResourceArn: arn}
		clear(l.index)
	}
	if l.index == nil {
		l.index = map[string]int{}
	}
	name := lf.f.Identifier
	i, ok := l.index[name]
	if !ok {
		i = len(l.report.DataIdentifiers)
		l.index[name] = i
		l.report.DataIdentifiers = append(l.report.DataIdentifiers, audit.DataIdentifier{Name: name})
	}
	d := &l.report.DataIdentifiers[i]
	d.Detections = append(d.Detections, audit.Detection{Start: int(lf.char), End: int(lf.charEnd)})
	d.Count++
}

// end ends the line: it counts it in a's metrics and, when it has
// findings, appends its report to b.
func (l *auditLine) end(a *auditor, b []byte) []byte {
	r := l.report
	l.report = nil
	a.metrics.Add(r)
	if r == nil {
		return b
	}
	atomic.AddInt64(&a.reports, 1)
	r.AuditTimestamp = time.Now().UTC().Format(audit.TimestampFormat)
	j, err := json.Marshal(r)
	if err != nil {
		return b // a Report always marshals
	}
	return append(append(b, j...), '\n')
}
