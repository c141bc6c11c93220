package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/identifiers"
)

// SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), the
// format code-scanning dashboards read. scan --format sarif writes one log
// with one run: a rule per identifier found (its description and help
// from the catalog), a result per finding with its file, line and
// columns (in Unicode code points, from 1, end exclusive), never the value
// unless --show-values is given (then it is the region's snippet).
//
// The document is written as findings come: results first, then the tool
// and its rules, which JSON's unordered members allow.

const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	projectURI   = "https://github.com/piiguard/piiguard"
)

type sarifWriter struct {
	w          *bufio.Writer
	showValues bool
	custom     map[string]*identifiers.Identifier
	uri        string // of the current input
	rules      []sarifRule
	ruleIndex  map[string]int
	n          int // results written
}

func newSARIFWriter(w *bufio.Writer, cfg piiguard.Config, showValues bool) *sarifWriter {
	s := &sarifWriter{w: w, showValues: showValues, ruleIndex: map[string]int{}, custom: map[string]*identifiers.Identifier{}}
	for _, id := range cfg.Custom {
		s.custom[id.Name] = id
	}
	fmt.Fprintf(w, `{"version":%q,"$schema":%q,"runs":[{"columnKind":"unicodeCodePoints","results":[`, sarifVersion, sarifSchema)
	return s
}

func (s *sarifWriter) begin(in input) {
	if in.c == nil {
		s.uri = "stdin"
		return
	}
	p := filepath.ToSlash(in.name)
	u := url.URL{Path: p}
	if filepath.IsAbs(in.name) {
		u.Scheme = "file"
		if !strings.HasPrefix(p, "/") {
			u.Path = "/" + p
		}
	}
	s.uri = u.String()
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string            `json:"id"`
	Name                 string            `json:"name,omitempty"`
	ShortDescription     sarifText         `json:"shortDescription"`
	FullDescription      sarifText         `json:"fullDescription"`
	Help                 sarifText         `json:"help"`
	HelpURI              string            `json:"helpUri"`
	DefaultConfiguration map[string]string `json:"defaultConfiguration"`
	Properties           map[string]any    `json:"properties"`
}

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

func (s *sarifWriter) finding(lf *lineFinding) {
	name := lf.f.Identifier
	i, ok := s.ruleIndex[name]
	if !ok {
		i = len(s.rules)
		s.ruleIndex[name] = i
		s.rules = append(s.rules, s.rule(name))
	}
	r := sarifResult{
		RuleID: name, RuleIndex: i, Level: "warning",
		Message: sarifText{Text: fmt.Sprintf("%s found (score %s).", name, strconv.FormatFloat(lf.f.Score, 'f', 2, 64))},
		Props:   map[string]any{"score": lf.f.Score},
	}
	var loc sarifLocation
	loc.PhysicalLocation.ArtifactLocation.URI = s.uri
	loc.PhysicalLocation.Region = sarifRegion{StartLine: lf.line, StartColumn: lf.char + 1, EndLine: lf.line, EndColumn: lf.charEnd + 1}
	if s.showValues {
		loc.PhysicalLocation.Region.Snippet = &sarifText{Text: string(lf.value)}
	}
	if lf.f.Keyword != "" {
		r.Props["keyword"] = lf.f.Keyword
	}
	r.Locations = []sarifLocation{loc}
	b, _ := json.Marshal(r) // plain data: always marshals
	if s.n > 0 {
		s.w.WriteByte(',')
	}
	s.n++
	s.w.Write(b)
}

// rule describes an identifier from the catalog (or a custom one).
func (s *sarifWriter) rule(name string) sarifRule {
	r := sarifRule{
		ID:                   name,
		HelpURI:              projectURI + "#how-detection-follows-cloudwatch",
		DefaultConfiguration: map[string]string{"level": "warning"},
		Properties:           map[string]any{"tags": []string{"security", "privacy"}},
	}
	if n := ruleName(name); n != name {
		r.Name = n
	}
	id, ok := identifiers.Lookup(name)
	if !ok {
		r.ShortDescription = sarifText{Text: "Custom data identifier " + name + "."}
		r.FullDescription = sarifText{Text: "A custom data identifier: a regular expression given by --custom or a policy."}
		if c := s.custom[name]; c != nil && len(c.Patterns) > 0 {
			r.FullDescription.Text = "A custom data identifier matching the regular expression " + c.Patterns[0].Expr + "."
		}
		r.Help = sarifText{Text: "Mask the value, or remove it from the log (piiguard mask)."}
		r.Properties["category"] = "Custom"
		return r
	}
	what := string(id.Category) + " data"
	if id.Country != "" {
		what += " (" + id.Country + ")"
	}
	if id.Extension {
		what += ", a piiguard extension"
	}
	r.ShortDescription = sarifText{Text: name + ": " + what + "."}
	r.FullDescription = sarifText{Text: strings.TrimSuffix(id.Format, ".") + "."}
	help := "Sensitive " + strings.ToLower(string(id.Category)) + " data (" + name + ") should not be written to logs: mask it (piiguard mask) or remove it."
	if len(id.Keywords) > 0 {
		if id.KeywordRequired {
			help += fmt.Sprintf(" Reported only with one of these keywords within %d characters: %s.", id.ProximityWindow(), strings.Join(id.Keywords, ", "))
		} else {
			help += " Keywords that raise its score: " + strings.Join(id.Keywords, ", ") + "."
		}
	}
	r.Help = sarifText{Text: help}
	r.Properties["category"] = string(id.Category)
	r.Properties["tags"] = []string{"security", "privacy", strings.ToLower(string(id.Category))}
	return r
}

// ruleName makes a rule's name, which SARIF wants in Pascal case without
// punctuation: "Ssn-US" becomes "SsnUS".
func ruleName(name string) string {
	return strings.NewReplacer("-", "", "_", "").Replace(name)
}

func (s *sarifWriter) end() {
	driver := map[string]any{
		"name":           "piiguard",
		"informationUri": projectURI,
		"rules":          s.rules,
	}
	if s.rules == nil {
		driver["rules"] = []sarifRule{}
	}
	// SARIF wants versions that start with a number: a build from a
	// checkout, "(devel)", is 0.0.0-devel.
	if v := moduleVersion(); strings.HasPrefix(v, "v") {
		driver["version"] = strings.TrimPrefix(v, "v")
		driver["semanticVersion"] = strings.TrimPrefix(v, "v")
	} else {
		driver["version"] = "0.0.0-devel"
	}
	b, _ := json.Marshal(map[string]any{"driver": driver})
	s.w.WriteString(`],"tool":`)
	s.w.Write(b)
	s.w.WriteString("}]}\n")
}
