// Package piiguard finds and masks sensitive data (personal, financial,
// health data and credentials) in text and logs, the way Amazon CloudWatch
// Logs data protection does, as a library that runs anywhere.
//
// Most programs need only this package:
//
//	s, err := piiguard.NewScanner(piiguard.Config{})        // every managed identifier
//	masked := s.MaskString("card 4929 1234 5678 9128")      // "card *******************"
//
// A Scanner is compiled once and is safe for concurrent use. The packages
// below it do one job each: identifiers (the catalog and custom identifiers),
// detector (the automaton that finds values) and mask (what replaces them).
package piiguard

import (
	"context"
	"fmt"

	"github.com/piiguard/piiguard/audit"
	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/mask"
)

// Finding is one sensitive value found in a text: identifier name, byte
// offsets [Start, End), score and supporting keyword.
type Finding = detector.Finding

// Config chooses what a Scanner looks for and how it masks. It is the one
// description of a scanner: the WebAssembly module's JSON configuration
// (wasm/ABI.md) is mapped onto it field by field, and the command line
// and the OpenTelemetry processor build one. Its zero value scans for
// every CloudWatch managed identifier and masks with asterisks.
type Config struct {
	// Identifiers names managed identifiers (CloudWatch ARN names such as
	// "EmailAddress" or "Ssn-US", or the names of piiguard's extensions).
	// Empty means every CloudWatch identifier piiguard implements;
	// extensions are used only when named.
	Identifiers []string
	// Custom adds custom identifiers (see identifiers.NewCustom); at most
	// identifiers.MaxCustomIdentifiers, as in CloudWatch.
	Custom []*identifiers.Identifier
	// MinScore drops findings scoring below it.
	MinScore float64
	// Masker replaces values; nil means CloudWatch's asterisks, or the
	// policy's mask styles. To choose a style by name, as the command
	// line's --style does, use mask.ParseStyle and Spec.NewMasker.
	Masker mask.Masker
	// Policy, when set, chooses the identifiers (its managed and custom
	// identifiers; Identifiers and Custom must then be empty) and applies its
	// piiguard extensions: mask styles, thresholds, extra keywords and allow
	// lists. See ParsePolicy.
	Policy *Policy
	// Key is the key of the hash and token mask styles a policy may choose
	// (at least 32 bytes; see mask.LoadKey). It is not needed otherwise.
	Key []byte
	// ResourceArn is the log group ARN written in audit reports.
	ResourceArn string
}

// Scanner finds and masks sensitive values. It is immutable and safe for
// concurrent use.
type Scanner struct {
	det     *detector.Detector
	masker  mask.Masker
	filter  *filter // nil when nothing is filtered
	policy  *Policy
	arn     string
	metrics audit.Metrics
}

// NewScanner compiles a Scanner from cfg. It reports unknown or
// unimplemented identifier names and invalid custom identifiers.
func NewScanner(cfg Config) (*Scanner, error) {
	if cfg.Policy != nil {
		if len(cfg.Identifiers) > 0 || len(cfg.Custom) > 0 {
			return nil, fmt.Errorf("piiguard: Config.Policy chooses the identifiers; Identifiers and Custom must be empty")
		}
		return newPolicyScanner(cfg)
	}
	ids, err := resolve(cfg.Identifiers)
	if err != nil {
		return nil, err
	}
	for i, c := range cfg.Custom {
		if c == nil {
			return nil, fmt.Errorf("piiguard: Config.Custom[%d] is nil", i)
		}
	}
	if err := identifiers.CheckCustomSet(cfg.Custom); err != nil {
		return nil, fmt.Errorf("piiguard: %w", err)
	}
	ids = append(ids, cfg.Custom...)
	det, err := detector.CompileOptions(ids, detector.Options{MinScore: cfg.MinScore})
	if err != nil {
		return nil, fmt.Errorf("piiguard: %w", err)
	}
	m := cfg.Masker
	if m == nil {
		m = mask.Asterisk
	}
	return &Scanner{det: det, masker: m, arn: cfg.ResourceArn}, nil
}

// resolve looks up managed identifiers by name; no names means all.
func resolve(names []string) ([]*identifiers.Identifier, error) {
	if len(names) == 0 {
		var ids []*identifiers.Identifier
		for _, id := range identifiers.Catalog() {
			if !id.Extension {
				ids = append(ids, id)
			}
		}
		return ids, nil
	}
	ids := make([]*identifiers.Identifier, 0, len(names))
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			continue
		}
		seen[n] = true
		id, ok := identifiers.Lookup(n)
		if !ok {
			if identifiers.IsManagedName(n) {
				return nil, fmt.Errorf("piiguard: managed identifier %q is not implemented yet", n)
			}
			return nil, fmt.Errorf("piiguard: unknown managed identifier %q", n)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// Scan returns the findings in text, sorted by Start. Findings of different
// spans do not overlap; every identifier that matches a span gives a
// finding for it, strongest first (see package detector).
func (s *Scanner) Scan(text []byte) []Finding { return s.AppendFindings(nil, text) }

// ScanContext is Scan under a context: a long scan stops with ctx.Err()
// when the context is cancelled or its deadline passes.
func (s *Scanner) ScanContext(ctx context.Context, text []byte) ([]Finding, error) {
	f, err := s.det.AppendFindingsContext(ctx, nil, text)
	if err != nil {
		return nil, err
	}
	return s.filter.apply(f, 0, text), nil
}

// ScanString is Scan for a string.
func (s *Scanner) ScanString(text string) []Finding { return s.Scan([]byte(text)) }

// AppendFindings appends the findings in text to dst; it allocates nothing
// when there are none.
func (s *Scanner) AppendFindings(dst []Finding, text []byte) []Finding {
	n := len(dst)
	dst = s.det.AppendFindings(dst, text)
	return s.filter.apply(dst, n, text)
}

// Mask returns text with every finding masked. Bytes outside findings are
// unchanged.
func (s *Scanner) Mask(text []byte) []byte {
	return s.AppendMask(make([]byte, 0, len(text)), text)
}

// AppendMask appends text, masked, to dst. The output is rescanned: should
// masking have made a new value appear (a masker's replacement completing a
// pattern with its neighbours, or a value that was joined to a longer one
// standing alone once that one is masked), it is masked too, until scanning
// the output with the same Scanner finds nothing. The masks written are
// never masked again, so every token can be unmasked (see
// mask.AppendMasked, which this is).
func (s *Scanner) AppendMask(dst, text []byte) []byte {
	return mask.AppendMasked(dst, text, s, s.masker)
}

// MaskString is Mask for a string.
func (s *Scanner) MaskString(text string) string {
	return string(s.Mask([]byte(text)))
}

// Masker returns the masker Mask applies (per identifier when a policy
// chose mask styles), for callers that mask findings themselves: the JSON,
// stream and slog maskers of packages mask and slogmask.
func (s *Scanner) Masker() mask.Masker { return s.masker }

// Identifiers returns copies of the identifiers the Scanner looks for, in
// the order their findings are reported for equal scores. Changing them
// does not change the Scanner. (The compiled detector itself is not handed
// out: its findings would bypass a policy's thresholds and allow lists; the
// Scanner is the Finder that streaming and JSON-aware masking take.)
func (s *Scanner) Identifiers() []*identifiers.Identifier { return s.det.Identifiers() }
