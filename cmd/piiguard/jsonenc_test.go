package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"testing"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/internal/jsonwalk"
)

// TestJSONEncodingAsMarshal: the hand-written JSON of the finding writers
// is byte for byte what encoding/json writes for the same values.
func TestJSONEncodingAsMarshal(t *testing.T) {
	for _, s := range []string{
		"", "plain", `"quoted" \ back`, "tab\tnl\ncr\rbs\bff\f", "\x00\x01\x1f\x7f",
		"<script>&amp;</script>", "é→😀", "line\u2028para\u2029", "bad \xff\xfe utf8 \xe2\x82", "\xed\xa0\x80 surrogate",
		"Ssn-US", "/var/log/app log.txt", "a@example.com",
	} {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := jsonwalk.AppendQuoteHTML([]byte("x"), s); string(got) != "x"+string(want) {
			t.Errorf("string %q: %s, want %s", s, got[1:], want)
		}
		if got := jsonwalk.AppendQuoteHTML(nil, []byte(s)); string(got) != string(want) {
			t.Errorf("bytes %q: %s, want %s", s, got, want)
		}
	}
	for _, f := range []float64{0, 1, 0.5, 0.93, 0.1 + 0.2, 1e-6, 9.99e-7, 1e-7, 1.5e-10, 1e20, 1e21, 1.25e22, -0.75, math.SmallestNonzeroFloat64} {
		want, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONFloat(nil, f); string(got) != string(want) {
			t.Errorf("float %v: %s, want %s", f, got, want)
		}
	}
}

// TestSARIFFindingAsMarshal: a SARIF result written by sarifWriter.finding
// is what json.Marshal writes for the same result as a struct.
func TestSARIFFindingAsMarshal(t *testing.T) {
	cases := []struct {
		lf         lineFinding
		showValues bool
		uri        string
	}{
		{lineFinding{line: 3, start: 17, end: 28, char: 15, charEnd: 26, f: piiguard.Finding{Identifier: "Ssn-US", Score: 0.93}, value: []byte("536-22-1234")}, false, "logs/app.log"},
		{lineFinding{line: 1, char: 0, charEnd: 20, f: piiguard.Finding{Identifier: "EmailAddress", Score: 0.5, Keyword: "mail <to>"}, value: []byte("jane<&>@example.com\xff")}, true, "file:///tmp/a%20b.log"},
		{lineFinding{line: 99, char: 4, charEnd: 9, f: piiguard.Finding{Identifier: "My_Custom", Score: 1e-7}, value: []byte("é\u2028\"x")}, true, "stdin"},
	}
	for i, c := range cases {
		var out bytes.Buffer
		w := bufio.NewWriter(&out)
		s := newSARIFWriter(w, piiguard.Config{}, c.showValues)
		s.uri = c.uri
		w.Flush()
		out.Reset()
		s.n = 1 // not the first: a comma first
		s.finding(&c.lf)
		w.Flush()
		want, err := json.Marshal(sarifResultOf(&c.lf, c.uri, c.showValues))
		if err != nil {
			t.Fatal(err)
		}
		if got := out.String(); got != ","+string(want) {
			t.Errorf("case %d:\n got %s\nwant ,%s", i, got, want)
		}
	}
}

// The SARIF result as structs: what sarifWriter.finding wrote with
// json.Marshal before it wrote by hand.
type sarifRegion struct {
	StartLine   int64      `json:"startLine"`
	StartColumn int64      `json:"startColumn"`
	EndLine     int64      `json:"endLine"`
	EndColumn   int64      `json:"endColumn"`
	Snippet     *sarifText `json:"snippet,omitempty"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
	Props     map[string]any  `json:"properties"`
}

type sarifLocation struct {
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI string `json:"uri"`
		} `json:"artifactLocation"`
		Region sarifRegion `json:"region"`
	} `json:"physicalLocation"`
}

func sarifResultOf(lf *lineFinding, uri string, showValues bool) sarifResult {
	name := lf.f.Identifier
	r := sarifResult{
		RuleID: name, RuleIndex: 0, Level: "warning",
		Message: sarifText{Text: fmt.Sprintf("%s found (score %s).", name, strconv.FormatFloat(lf.f.Score, 'f', 2, 64))},
		Props:   map[string]any{"score": lf.f.Score},
	}
	var loc sarifLocation
	loc.PhysicalLocation.ArtifactLocation.URI = uri
	loc.PhysicalLocation.Region = sarifRegion{StartLine: lf.line, StartColumn: lf.char + 1, EndLine: lf.line, EndColumn: lf.charEnd + 1}
	if showValues {
		loc.PhysicalLocation.Region.Snippet = &sarifText{Text: string(lf.value)}
	}
	if lf.f.Keyword != "" {
		r.Props["keyword"] = lf.f.Keyword
	}
	r.Locations = []sarifLocation{loc}
	return r
}
