// Package audit produces CloudWatch-style audit findings: one findings
// report per log event that holds sensitive data, in the shape CloudWatch
// Logs delivers to an audit destination, and counters equivalent to its
// LogEventsWithFindings metric.
//
// A report lists, per identifier, the number of occurrences and their
// positions. Positions are character offsets (runes; an invalid UTF-8 byte
// counts as one), 0-based, end exclusive: CloudWatch documents "character
// positions" without saying more, and these are the positions a reader of
// the event sees.
package audit

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/piiguard/piiguard/detector"
)

// Detection is one occurrence: character offsets [Start, End).
type Detection struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// DataIdentifier lists the occurrences of one identifier in an event.
type DataIdentifier struct {
	Name       string      `json:"name"`
	Count      int         `json:"count"`
	Detections []Detection `json:"detections"`
}

// Report is the findings report for one log event, as CloudWatch delivers
// it (docs/cloudwatch-reference.md, Findings reports).
type Report struct {
	AuditTimestamp  string           `json:"auditTimestamp"`
	ResourceArn     string           `json:"resourceArn,omitempty"`
	DataIdentifiers []DataIdentifier `json:"dataIdentifiers"`
}

// TimestampFormat is the layout of AuditTimestamp: ISO 8601, UTC, seconds.
const TimestampFormat = "2006-01-02T15:04:05Z"

// NewReport builds the report for one event from its findings (byte
// offsets, as a detector returns them). It returns nil when there are none.
// Identifiers appear in order of first occurrence.
func NewReport(event []byte, findings []detector.Finding, resourceArn string, at time.Time) *Report {
	if len(findings) == 0 {
		return nil
	}
	r := &Report{AuditTimestamp: at.UTC().Format(TimestampFormat), ResourceArn: resourceArn}
	index := map[string]int{}
	// chars is the character offset of byte pos; startChars that of the
	// last finding's start, from which the next one counts when it starts
	// on the same span (several identifiers matching one value).
	chars, pos := 0, 0
	startChars, startPos := 0, 0
	charAt := func(b int) int {
		if b < pos {
			chars, pos = 0, 0
			if b >= startPos {
				chars, pos = startChars, startPos
			}
		}
		chars += utf8.RuneCount(event[pos:b])
		pos = b
		return chars
	}
	for _, f := range findings {
		if f.Start < 0 || f.End > len(event) || f.Start > f.End {
			continue
		}
		i, ok := index[f.Identifier]
		if !ok {
			i = len(r.DataIdentifiers)
			index[f.Identifier] = i
			r.DataIdentifiers = append(r.DataIdentifiers, DataIdentifier{Name: f.Identifier})
		}
		d := &r.DataIdentifiers[i]
		start := charAt(f.Start)
		startChars, startPos = start, f.Start
		d.Detections = append(d.Detections, Detection{Start: start, End: charAt(f.End)})
		d.Count++
	}
	return r
}

// Metrics counts log events with findings, as CloudWatch's
// LogEventsWithFindings metric does (once per event, however many
// occurrences), in total and per identifier. It is safe for concurrent use.
type Metrics struct {
	mu           sync.Mutex
	events       int64
	withFindings int64
	byIdentifier map[string]int64
}

// Add counts one event and its report (nil for an event without findings).
func (m *Metrics) Add(r *Report) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.events++
	if r == nil {
		return
	}
	m.withFindings++
	if m.byIdentifier == nil {
		m.byIdentifier = map[string]int64{}
	}
	for _, d := range r.DataIdentifiers {
		m.byIdentifier[d.Name]++
	}
}

// Snapshot is a copy of the counters.
type Snapshot struct {
	// LogEvents is the number of events counted.
	LogEvents int64 `json:"logEvents"`
	// LogEventsWithFindings is CloudWatch's metric: events with at least one finding.
	LogEventsWithFindings int64 `json:"logEventsWithFindings"`
	// ByIdentifier counts, per identifier, the events in which it was found.
	ByIdentifier map[string]int64 `json:"byIdentifier"`
}

// Snapshot returns the current counts.
func (m *Metrics) Snapshot() Snapshot {
	m.mu.Lock()
	defer m.mu.Unlock()
	s := Snapshot{LogEvents: m.events, LogEventsWithFindings: m.withFindings, ByIdentifier: map[string]int64{}}
	for k, v := range m.byIdentifier {
		s.ByIdentifier[k] = v
	}
	return s
}

// Names returns the identifier names of a snapshot, sorted.
func (s Snapshot) Names() []string {
	names := make([]string, 0, len(s.ByIdentifier))
	for n := range s.ByIdentifier {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Writer writes reports as JSON Lines: one JSON object per line. It is safe
// for concurrent use.
type Writer struct {
	mu  sync.Mutex
	w   *bufio.Writer
	c   io.Closer
	err error
}

// NewWriter returns a Writer on w. Call Flush (or Close) when done.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: bufio.NewWriter(w)}
}

// Create opens (creating or truncating) a JSON Lines file for reports.
func Create(path string) (*Writer, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	w := NewWriter(f)
	w.c = f
	return w, nil
}

// Write writes one report; a nil report is skipped. After an error, every
// call returns it.
func (w *Writer) Write(r *Report) error {
	if r == nil {
		return nil
	}
	b, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return w.err
	}
	if _, err := w.w.Write(append(b, '\n')); err != nil {
		w.err = fmt.Errorf("audit: writing report: %w", err)
	}
	return w.err
}

// Flush writes buffered reports to the underlying writer.
func (w *Writer) Flush() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return w.err
	}
	if err := w.w.Flush(); err != nil {
		w.err = fmt.Errorf("audit: writing report: %w", err)
	}
	return w.err
}

// Close flushes and, for a Writer from Create, closes the file.
func (w *Writer) Close() error {
	err := w.Flush()
	if w.c != nil {
		if cerr := w.c.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("audit: %w", cerr)
		}
	}
	return err
}
