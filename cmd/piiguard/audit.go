package main

import (
	"bufio"
	"encoding/json"
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
	task := &lineTask{s: s, finding: a.add, endLine: a.endLine, count: &a.found}
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
	if sf.fail && a.reports > 0 {
		return errFound
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
	found   int64 // findings (atomic: progress reads it)
	reports int64 // lines with findings
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
	a.reports++
	r.AuditTimestamp = time.Now().UTC().Format(audit.TimestampFormat)
	b, err := json.Marshal(r)
	if err != nil {
		return // a Report always marshals
	}
	a.w.Write(append(b, '\n')) // an error sticks in w; pump checks it
}
