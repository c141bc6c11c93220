package piiguardprocessor

import (
	"fmt"
	"regexp"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/mask"
)

// Attributes the audit mode adds to a record (a log record, a span or a
// resource) whose values hold findings.
const (
	// AttrFindings is the number of findings in the record's values; a
	// value several identifiers match counts once for each.
	AttrFindings = "piiguard.findings"
	// AttrIdentifiers lists the names of the identifiers found, sorted,
	// each once.
	AttrIdentifiers = "piiguard.identifiers"
)

// SensitiveKey is the identifier of a value masked whole because its key
// matches fields::mask_whole: the masker and the audit attributes see it
// under this name.
const SensitiveKey = "SensitiveKey"

// engine is a compiled Config: immutable and safe for concurrent use.
type engine struct {
	scanner  *piiguard.Scanner
	masker   mask.Masker
	json     *mask.JSON // nil unless json_bodies
	include  []*regexp.Regexp
	exclude  []*regexp.Regexp
	whole    []*regexp.Regexp
	mask     bool // values are masked
	audit    bool // findings are recorded as attributes
	maxBytes int
}

// newEngine compiles c.
func newEngine(c *Config) (*engine, error) {
	cfg, err := c.settings()
	if err != nil {
		return nil, err
	}
	s, err := piiguard.NewScanner(cfg)
	if err != nil {
		switch {
		case cfg.Policy != nil:
			return nil, fmt.Errorf("policies: %w", err)
		case len(cfg.Custom) > 0:
			// Names were checked by settings: what is left is the
			// compilation of the custom patterns.
			return nil, fmt.Errorf("custom: %w", err)
		}
		return nil, err
	}
	e := &engine{scanner: s, masker: s.Masker(), maxBytes: c.MaxRecordBytes}
	if e.maxBytes == 0 {
		e.maxBytes = DefaultMaxRecordBytes
	}
	switch c.Mode {
	case "", ModeMask:
		e.mask = true
	case ModeAudit:
		e.audit = true
	case ModeBoth:
		e.mask, e.audit = true, true
	}
	if c.JSONBodies {
		if e.json, err = mask.NewJSON(s, e.masker, mask.JSONOptions{}); err != nil {
			return nil, err
		}
	}
	// The patterns compiled in settings; errors are impossible here.
	e.include, _ = compilePatterns(c.Fields.Include)
	e.exclude, _ = compilePatterns(c.Fields.Exclude)
	e.whole, _ = compilePatterns(c.Fields.MaskWhole)
	return e, nil
}

// matches reports whether a pattern of list matches key.
func matches(list []*regexp.Regexp, key string) bool {
	for _, re := range list {
		if re.MatchString(key) {
			return true
		}
	}
	return false
}
