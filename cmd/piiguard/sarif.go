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
	"github.com/piiguard/piiguard/internal/jsonwalk"
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
	buf, msg   []byte
}

func newSARIFWriter(w *bufio.Writer, cfg piiguard.Config, showValues bool) *sarifWriter {
	s := &sarifWriter{w: w, showValues: showValues, ruleIndex: map[string]int{}, custom: map[string]*identifiers.Identifier{}}
	for _, id := range cfg.Custom {
		s.custom[id.Name] = id
	}
	fmt.Fprintf(w, `{"version":%q,"$schema":%q,"runs":[{"columnKind":"unicodeCodePoints","results":[`, sarifVersion, sarifSchema)
	return s
}

// appender is nil: a result's ruleIndex and leading comma depend on the
// results before it.
func (s *sarifWriter) appender() func(b []byte, lf *lineFinding) []byte { return nil }

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

// finding appends a result, as json.Marshal writes sarifResult (in the
// tests) but without reflection: {"ruleId","ruleIndex","level","message",
// "locations":[{"physicalLocation":{"artifactLocation","region"}}],
// "properties":{"keyword"?,"score"}}.
func (s *sarifWriter) finding(lf *lineFinding) {
	name := lf.f.Identifier
	i, ok := s.ruleIndex[name]
	if !ok {
		i = len(s.rules)
		s.ruleIndex[name] = i
		s.rules = append(s.rules, s.rule(name))
	}
	b := s.buf[:0]
	if s.n > 0 {
		b = append(b, ',')
	}
	s.n++
	b = append(b, `{"ruleId":`...)
	b = jsonwalk.AppendQuoteHTML(b, name)
	b = append(b, `,"ruleIndex":`...)
	b = strconv.AppendInt(b, int64(i), 10)
	b = append(b, `,"level":"warning","message":{"text":`...)
	s.msg = append(append(s.msg[:0], name...), " found (score "...)
	s.msg = append(strconv.AppendFloat(s.msg, lf.f.Score, 'f', 2, 64), ")."...)
	b = jsonwalk.AppendQuoteHTML(b, s.msg)
	b = append(b, `},"locations":[{"physicalLocation":{"artifactLocation":{"uri":`...)
	b = jsonwalk.AppendQuoteHTML(b, s.uri)
	b = append(b, `},"region":{"startLine":`...)
	b = strconv.AppendInt(b, lf.line, 10)
	b = append(b, `,"startColumn":`...)
	b = strconv.AppendInt(b, lf.char+1, 10)
	b = append(b, `,"endLine":`...)
	b = strconv.AppendInt(b, lf.line, 10)
	b = append(b, `,"endColumn":`...)
	b = strconv.AppendInt(b, lf.charEnd+1, 10)
	if s.showValues {
		b = append(b, `,"snippet":{"text":`...)
		b = jsonwalk.AppendQuoteHTML(b, lf.value)
		b = append(b, '}')
	}
	b = append(b, `}}}],"properties":{`...)
	if lf.f.Keyword != "" {
		b = append(b, `"keyword":`...)
		b = jsonwalk.AppendQuoteHTML(b, lf.f.Keyword)
		b = append(b, ',')
	}
	b = append(b, `"score":`...)
	b = appendJSONFloat(b, lf.f.Score)
	s.buf = append(b, "}}"...)
	s.w.Write(s.buf)
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
