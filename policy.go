package piiguard

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
	"time"

	"github.com/piiguard/piiguard/audit"
	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/mask"
	"github.com/piiguard/piiguard/policy"
)

// Policy is a parsed CloudWatch Logs data protection policy, with any
// piiguard extensions (see package policy).
type Policy = policy.Policy

// ParsePolicy parses and validates a CloudWatch Logs data protection policy
// document. It accepts what CloudWatch accepts, plus piiguard's extensions
// in a top-level "PiiGuard" member; errors name the JSON path and the rule
// broken (see policy.ParseExtended).
func ParsePolicy(data []byte) (*Policy, error) {
	return policy.ParseExtended(data)
}

// CombinePolicies applies an account-level policy and a log-group policy
// together, as CloudWatch does: the identifiers of both are audited and
// masked. Either may be nil.
func CombinePolicies(account, logGroup *Policy) *Policy {
	return policy.Combine(account, logGroup)
}

// newPolicyScanner compiles a Scanner from cfg.Policy.
func newPolicyScanner(cfg Config) (*Scanner, error) {
	p := cfg.Policy
	var ids []*identifiers.Identifier
	if len(p.Managed) > 0 { // a policy of custom identifiers alone names no managed one
		var err error
		if ids, err = resolve(p.Managed); err != nil {
			return nil, err
		}
	}
	for _, id := range ids {
		id.Keywords = append(id.Keywords, p.KeywordsFor(id.Name)...)
	}
	ids = append(ids, p.Custom...)
	det, err := detector.CompileOptions(ids, detector.Options{MinScore: cfg.MinScore})
	if err != nil {
		return nil, fmt.Errorf("piiguard: %w", err)
	}
	s := &Scanner{det: det, policy: p, arn: cfg.ResourceArn}
	if s.filter, err = newFilter(p, ids); err != nil {
		return nil, err
	}
	if cfg.Masker != nil {
		s.masker = cfg.Masker
		return s, nil
	}
	by := mask.ByIdentifier{Default: mask.Asterisk, Maskers: map[string]mask.Masker{}}
	for _, id := range ids {
		m, err := p.MaskFor(id.Name).NewMasker(cfg.Key)
		if err != nil {
			return nil, fmt.Errorf("piiguard: identifier %s: %w", id.Name, err)
		}
		by.Maskers[id.Name] = m
	}
	s.masker = by
	return s, nil
}

// filter drops findings below their identifier's threshold and values on
// an allow list. A nil *filter keeps everything.
type filter struct {
	byName map[string]*rule
}

type rule struct {
	threshold float64
	values    map[string]bool
	// pattern matches the values of the allow-list patterns, all in one
	// expression; nil when there are none.
	pattern *regexp.Regexp
}

// newFilter builds the filter of a policy's thresholds and allow lists.
// Each identifier's allow-list patterns are compiled once, into one
// expression shared by every identifier with the same patterns (the
// policy-wide list is every identifier's): compiling a pattern once per
// identifier made 200 patterns cost seconds and gigabytes.
func newFilter(p *Policy, ids []*identifiers.Identifier) (*filter, error) {
	f := &filter{byName: map[string]*rule{}}
	used := false
	compiled := map[string]*regexp.Regexp{}
	for _, id := range ids {
		r := &rule{values: map[string]bool{}}
		if t, ok := p.ThresholdFor(id.Name); ok {
			r.threshold, used = t, true
		}
		allow := p.AllowListFor(id.Name)
		for _, v := range allow.Values {
			r.values[v], used = true, true
		}
		if len(allow.Patterns) > 0 {
			key := strings.Join(allow.Patterns, "\x00")
			re, ok := compiled[key]
			if !ok {
				var err error
				if re, err = compileAllow(allow.Patterns); err != nil {
					return nil, fmt.Errorf("piiguard: allow list of %s: %w", id.Name, err)
				}
				compiled[key] = re
			}
			r.pattern, used = re, true
		}
		f.byName[id.Name] = r
	}
	if !used {
		return nil, nil
	}
	return f, nil
}

// apply filters dst[from:] in place and returns the shortened slice.
func (f *filter) apply(dst []Finding, from int, text []byte) []Finding {
	if f == nil {
		return dst
	}
	out := dst[:from]
	for _, x := range dst[from:] {
		if r := f.byName[x.Identifier]; r != nil && r.drops(x, text[x.Start:x.End]) {
			continue
		}
		out = append(out, x)
	}
	return out
}

func (r *rule) drops(f Finding, value []byte) bool {
	if f.Score < r.threshold {
		return true
	}
	if len(r.values) > 0 && r.values[string(value)] {
		return true
	}
	return r.pattern != nil && r.pattern.Match(value)
}

// compileAllow compiles allow-list patterns into one expression that
// matches a whole value that one of them matches. Errors name the pattern
// by index, never its text (it may hold a value).
func compileAllow(patterns []string) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString(`^(?:`)
	for i, pat := range patterns {
		re, err := syntax.Parse(pat, syntax.Perl)
		if err != nil {
			return nil, fmt.Errorf("pattern %d is not a valid regular expression", i)
		}
		if i > 0 {
			b.WriteByte('|')
		}
		// The parsed form, in a group of its own: flags such as (?i) stay
		// inside it, and an unterminated \Q cannot quote what follows.
		b.WriteString(`(?:`)
		b.WriteString(re.String())
		b.WriteByte(')')
	}
	b.WriteString(`)$`)
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil, fmt.Errorf("%d patterns do not compile together (too large)", len(patterns))
	}
	return re, nil
}

// Audit scans one log event and returns its CloudWatch-style findings
// report, or nil when the event holds nothing sensitive. It counts the
// event in the Scanner's metrics (see Metrics).
func (s *Scanner) Audit(event []byte) *audit.Report {
	r := audit.NewReport(event, s.Scan(event), s.arn, time.Now())
	s.metrics.Add(r)
	return r
}

// AuditBatch audits a batch of log events and returns the reports of the
// events with findings, in order.
func (s *Scanner) AuditBatch(events [][]byte) []*audit.Report {
	var out []*audit.Report
	for _, e := range events {
		if r := s.Audit(e); r != nil {
			out = append(out, r)
		}
	}
	return out
}

// Metrics returns the counts of audited events: LogEventsWithFindings, in
// total and per identifier, as CloudWatch's metric counts them.
func (s *Scanner) Metrics() audit.Snapshot { return s.metrics.Snapshot() }

// Policy returns the policy the Scanner was compiled from, or nil.
func (s *Scanner) Policy() *Policy { return s.policy }
