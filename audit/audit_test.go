package audit_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/audit"
	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/mask"
)

var at = time.Date(2023, 1, 23, 21, 11, 20, 0, time.UTC)

func TestNewReportMatchesCloudWatchExample(t *testing.T) {
	// The reference's example: two emails in one event.
	event := []byte("user=alice a@example.com, b@example.com")
	findings := []detector.Finding{
		{Identifier: "EmailAddress", Start: 11, End: 24},
		{Identifier: "EmailAddress", Start: 26, End: 39},
	}
	r := audit.NewReport(event, findings, "arn:aws:logs:us-west-2:111122223333:log-group:/aws/lambda/MyLogGroup:*", at)
	got, _ := json.Marshal(r)
	want := `{"auditTimestamp":"2023-01-23T21:11:20Z","resourceArn":"arn:aws:logs:us-west-2:111122223333:log-group:/aws/lambda/MyLogGroup:*","dataIdentifiers":[{"name":"EmailAddress","count":2,"detections":[{"start":11,"end":24},{"start":26,"end":39}]}]}`
	if string(got) != want {
		t.Errorf("report\n got %s\nwant %s", got, want)
	}
	if audit.NewReport(event, nil, "", at) != nil {
		t.Error("report for an event without findings")
	}
}

func TestReportOffsetsAreCharacters(t *testing.T) {
	event := []byte("é€ ssn 536-22-1234 \xff a@b.co")
	ssn := strings.Index(string(event), "536")
	mail := strings.Index(string(event), "a@b")
	r := audit.NewReport(event, []detector.Finding{
		{Identifier: "Ssn-US", Start: ssn, End: ssn + 11},
		{Identifier: "EmailAddress", Start: mail, End: mail + 6},
	}, "", at)
	want := []audit.DataIdentifier{
		{Name: "Ssn-US", Count: 1, Detections: []audit.Detection{{7, 18}}},
		{Name: "EmailAddress", Count: 1, Detections: []audit.Detection{{21, 27}}},
	}
	got, _ := json.Marshal(r.DataIdentifiers)
	w, _ := json.Marshal(want)
	if string(got) != string(w) {
		t.Errorf("got %s, want %s", got, w)
	}
}

// TestIssue11_SharedSpanCountedUnderEachIdentifier: findings of several
// identifiers on one span (the detector reports each) are counted under
// each, with the same character offsets.
func TestIssue11_SharedSpanCountedUnderEachIdentifier(t *testing.T) {
	event := []byte("é€ passport number 912803456 and é 912803457")
	a := strings.Index(string(event), "912803456")
	b := strings.Index(string(event), "912803457")
	r := audit.NewReport(event, []detector.Finding{
		{Identifier: "PassportNumber-GB", Start: a, End: a + 9},
		{Identifier: "PassportNumber-US", Start: a, End: a + 9},
		{Identifier: "PassportNumber-GB", Start: b, End: b + 9},
		{Identifier: "PassportNumber-US", Start: b, End: b + 9},
	}, "", at)
	want := []audit.DataIdentifier{
		{Name: "PassportNumber-GB", Count: 2, Detections: []audit.Detection{{19, 28}, {35, 44}}},
		{Name: "PassportNumber-US", Count: 2, Detections: []audit.Detection{{19, 28}, {35, 44}}},
	}
	got, _ := json.Marshal(r.DataIdentifiers)
	w, _ := json.Marshal(want)
	if string(got) != string(w) {
		t.Errorf("got %s, want %s", got, w)
	}
}

// TestJSONEventReportCountsEveryIdentifier: the report of a JSON event
// built from a JSON masker's findings counts a value several identifiers
// match under each of them, as the report of the event scanned as text
// does (the JSON findings once kept only the strongest identifier).
func TestJSONEventReportCountsEveryIdentifier(t *testing.T) {
	s, err := piiguard.NewScanner(piiguard.Config{})
	if err != nil {
		t.Fatal(err)
	}
	j, err := mask.NewJSON(s, nil, mask.JSONOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		event string
		want  []audit.DataIdentifier
	}{
		{`{"note":"é passport number 912803456","to":"a@example.com"}`, []audit.DataIdentifier{
			{Name: "PassportNumber-GB", Count: 1, Detections: []audit.Detection{{27, 36}}},
			{Name: "PassportNumber-US", Count: 1, Detections: []audit.Detection{{27, 36}}},
			{Name: "EmailAddress", Count: 1, Detections: []audit.Detection{{44, 57}}},
		}},
		{`{"passport_number":"912803456","backup":{"passport number":912803457}}`, []audit.DataIdentifier{
			{Name: "PassportNumber-GB", Count: 2, Detections: []audit.Detection{{20, 29}, {59, 68}}},
			{Name: "PassportNumber-US", Count: 2, Detections: []audit.Detection{{20, 29}, {59, 68}}},
		}},
	}
	var m audit.Metrics
	for _, tt := range tests {
		event := []byte(tt.event)
		jf, err := j.AppendFindings(nil, event)
		if err != nil {
			t.Fatal(err)
		}
		var fs []detector.Finding
		for _, f := range jf {
			fs = append(fs, f.Finding)
		}
		r := audit.NewReport(event, fs, "", at)
		m.Add(r)
		got, _ := json.Marshal(r.DataIdentifiers)
		want, _ := json.Marshal(tt.want)
		if string(got) != string(want) {
			t.Errorf("%s:\n JSON report %s\n        want %s", tt.event, got, want)
		}
		plain, _ := json.Marshal(audit.NewReport(event, s.Scan(event), "", at).DataIdentifiers)
		if string(plain) != string(want) {
			t.Errorf("%s:\n text report %s\n        want %s", tt.event, plain, want)
		}
	}
	if sn := m.Snapshot(); sn.LogEventsWithFindings != 2 || sn.ByIdentifier["PassportNumber-GB"] != 2 || sn.ByIdentifier["PassportNumber-US"] != 2 || sn.ByIdentifier["EmailAddress"] != 1 {
		t.Errorf("metrics %+v", sn)
	}
}

func TestMetricsCountEventsNotOccurrences(t *testing.T) {
	var m audit.Metrics
	two := audit.NewReport([]byte("a@b.co c@d.co"), []detector.Finding{{Identifier: "EmailAddress", Start: 0, End: 6}, {Identifier: "EmailAddress", Start: 7, End: 13}}, "", at)
	m.Add(two)
	m.Add(nil)
	m.Add(audit.NewReport([]byte("ssn 536-22-1234 a@b.co"), []detector.Finding{{Identifier: "Ssn-US", Start: 4, End: 15}, {Identifier: "EmailAddress", Start: 16, End: 22}}, "", at))
	s := m.Snapshot()
	if s.LogEvents != 3 || s.LogEventsWithFindings != 2 || s.ByIdentifier["EmailAddress"] != 2 || s.ByIdentifier["Ssn-US"] != 1 {
		t.Errorf("snapshot %+v", s)
	}
	if names := s.Names(); strings.Join(names, ",") != "EmailAddress,Ssn-US" {
		t.Errorf("names %v", names)
	}
}

func TestWriterJSONLines(t *testing.T) {
	var buf bytes.Buffer
	w := audit.NewWriter(&buf)
	r := audit.NewReport([]byte("a@b.co"), []detector.Finding{{Identifier: "EmailAddress", Start: 0, End: 6}}, "", at)
	for _, rep := range []*audit.Report{r, nil, r} {
		if err := w.Write(rep); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines: %q", len(lines), buf.String())
	}
	for _, l := range lines {
		var back audit.Report
		if err := json.Unmarshal([]byte(l), &back); err != nil || back.DataIdentifiers[0].Count != 1 {
			t.Errorf("line %q: %v", l, err)
		}
	}
	path := filepath.Join(t.TempDir(), "findings.jsonl")
	fw, err := audit.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(r)
	if err := fw.Close(); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(data), `{"auditTimestamp":"2023-01-23T21:11:20Z"`) {
		t.Errorf("file holds %q", data)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriterReportsErrors(t *testing.T) {
	w := audit.NewWriter(failWriter{})
	r := audit.NewReport([]byte("a@b.co"), []detector.Finding{{Identifier: "EmailAddress", Start: 0, End: 6}}, "", at)
	w.Write(r)
	if err := w.Flush(); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Flush error %v", err)
	}
}

// TestReportOffsetsRandom: on events of random characters, invalid bytes
// and NUL, the character offsets of findings at random character
// boundaries (overlapping, shared spans, out of order) are the count of
// characters before each boundary, as utf8.RuneCount gives it for the
// whole prefix; the report holds names and numbers only.
func TestReportOffsetsRandom(t *testing.T) {
	pieces := []string{"a", "é", "€", "😀", "\xff", "\xe2\x82", "\xf0\x9f\x98", "\x00", " ", "536-22-1234"}
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 2000 {
		var ev []byte
		bounds := []int{0}
		for range rng.IntN(30) {
			ev = append(ev, pieces[rng.IntN(len(pieces))]...)
			bounds = append(bounds, len(ev))
		}
		var fs []detector.Finding
		for range rng.IntN(6) {
			a, b := bounds[rng.IntN(len(bounds))], bounds[rng.IntN(len(bounds))]
			fs = append(fs, detector.Finding{Identifier: []string{"Ssn-US", "EmailAddress", "Name"}[rng.IntN(3)], Start: min(a, b), End: max(a, b)})
			if rng.IntN(3) == 0 {
				fs = append(fs, detector.Finding{Identifier: "Other", Start: min(a, b), End: max(a, b)})
			}
		}
		if rng.IntN(2) == 0 {
			slices.SortStableFunc(fs, func(x, y detector.Finding) int { return x.Start - y.Start })
		}
		r := audit.NewReport(ev, fs, "", at)
		if len(fs) == 0 {
			if r != nil {
				t.Fatalf("round %d: report without findings", round)
			}
			continue
		}
		want := map[string][]audit.Detection{}
		for _, f := range fs {
			want[f.Identifier] = append(want[f.Identifier], audit.Detection{Start: utf8.RuneCount(ev[:f.Start]), End: utf8.RuneCount(ev[:f.End])})
		}
		for _, d := range r.DataIdentifiers {
			if !slices.Equal(d.Detections, want[d.Name]) || d.Count != len(want[d.Name]) {
				t.Fatalf("round %d: event %q findings %v: %s detections %v, want %v", round, ev, fs, d.Name, d.Detections, want[d.Name])
			}
		}
		b, _ := json.Marshal(r)
		if bytes.Contains(b, []byte("536")) || bytes.Contains(b, []byte("é")) {
			t.Fatalf("round %d: report holds bytes of the event: %s", round, b)
		}
	}
}
