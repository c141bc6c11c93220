package piiguardprocessor

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/mask"
)

// Config is the configuration of the piiguard processor. Its zero value
// masks every CloudWatch managed identifier with asterisks, in every
// scanned value; see the module README for each key and an example.
type Config struct {
	// Policies names one or two CloudWatch Logs data protection policy
	// files: an account-level policy, then a log-group policy, which apply
	// together. The piiguard extensions of a policy ("PiiGuard": mask
	// styles, thresholds, keywords, allow lists) apply. A policy chooses
	// the identifiers: Identifiers and Custom must then be empty.
	Policies []string `mapstructure:"policies"`
	// Identifiers names managed identifiers ("EmailAddress", "Ssn-US",
	// or piiguard extensions such as "GitHubToken"); none means every
	// CloudWatch managed identifier piiguard implements.
	Identifiers []string `mapstructure:"identifiers"`
	// Custom adds custom identifiers, as CloudWatch's do: a name and a
	// regular expression (at most 10).
	Custom []CustomIdentifier `mapstructure:"custom"`
	// MinScore drops findings that score below it, in [0, 1].
	MinScore float64 `mapstructure:"min_score"`
	// Mask chooses what replaces a value.
	Mask MaskConfig `mapstructure:"mask"`
	// Fields chooses which attribute values are scanned, skipped or
	// masked whole.
	Fields FieldsConfig `mapstructure:"fields"`
	// Mode is "mask" (the default: values are masked), "audit" (values
	// are left and findings are recorded as attributes) or "both".
	Mode string `mapstructure:"mode"`
	// JSONBodies masks a string body that holds a JSON object or array
	// value by value, keeping it valid JSON with its structure (see
	// mask.JSON); a body that is not valid JSON is masked as text.
	JSONBodies bool `mapstructure:"json_bodies"`
	// MaxRecordBytes is the most a record (a log record or a span with
	// its events) may hold in the values scanned; a larger record is
	// masked whole (in mask mode) and counted as an error. 0 means
	// DefaultMaxRecordBytes.
	MaxRecordBytes int `mapstructure:"max_record_bytes"`
}

// CustomIdentifier is a custom identifier: a name of 1 to 128 characters
// of A-Z, a-z, 0-9, '_' and '-', and a regular expression of at most 200
// characters, as in CloudWatch.
type CustomIdentifier struct {
	Name  string `mapstructure:"name"`
	Regex string `mapstructure:"regex"`
}

// MaskConfig chooses what replaces a sensitive value.
type MaskConfig struct {
	// Style is asterisk, fixed, partial, placeholder, redact, hash or
	// token, as in the CLI's --style (a name as mask.ParseStyle reads
	// it). Empty means asterisk, or the mask styles of the policies when
	// Policies is set.
	Style string `mapstructure:"style"`
	// KeyFile is the path of the key file of the hash and token styles
	// (see mask.LoadKey), or of a policy's hash and token styles.
	KeyFile string `mapstructure:"key_file"`
}

// FieldsConfig chooses which values are scanned by their keys. Each
// pattern is a Go regular expression (RE2 syntax) matched anywhere in a
// key: write ^name$ for the whole key, (?i) to ignore case. A value is
// matched by the key of its attribute and by every key on its path inside
// map values and structured bodies.
type FieldsConfig struct {
	// Include, when set, restricts attribute scanning to the attributes
	// whose keys match: other attributes are left. Bodies are always
	// scanned.
	Include []string `mapstructure:"include"`
	// Exclude lists keys whose values are never scanned (attributes, and
	// members of structured bodies).
	Exclude []string `mapstructure:"exclude"`
	// MaskWhole lists keys whose values are masked whole whatever they
	// hold (password, authorization, cookie, ...), like the redaction
	// processor's blocked_key_patterns. It wins over Exclude and Include.
	MaskWhole []string `mapstructure:"mask_whole"`
}

// Modes.
const (
	ModeMask  = "mask"
	ModeAudit = "audit"
	ModeBoth  = "both"
)

// DefaultMaxRecordBytes is the default of Config.MaxRecordBytes.
const DefaultMaxRecordBytes = 1 << 20

// maxPolicies is how many policy files apply together.
const maxPolicies = 2

// styles lists the values of mask::style: package mask's styles, each as
// mask.ParseStyle reads its name.
var styles = mask.StyleNames()

// Validate checks the configuration, reading the policy and key files it
// names; each error names the key at fault. It is called by the collector
// when it starts, before the processor is created.
func (c *Config) Validate() error {
	_, err := c.settings()
	return err
}

// settings checks the configuration and returns the Scanner configuration
// it describes. The key it returns (cfg.Key, or inside cfg.Masker) is
// loaded from the key file.
func (c *Config) settings() (piiguard.Config, error) {
	var cfg piiguard.Config
	var errs []error
	switch c.Mode {
	case "", ModeMask, ModeAudit, ModeBoth:
	default:
		errs = append(errs, fmt.Errorf("mode: unknown mode %q (want mask, audit or both)", c.Mode))
	}
	if c.MinScore < 0 || c.MinScore > 1 {
		errs = append(errs, fmt.Errorf("min_score: %v is not in [0, 1]", c.MinScore))
	}
	if c.MaxRecordBytes < 0 {
		errs = append(errs, fmt.Errorf("max_record_bytes: %d is negative", c.MaxRecordBytes))
	}
	cfg.MinScore = c.MinScore
	errs = append(errs, c.Fields.check()...)
	errs = append(errs, c.selection(&cfg)...)
	if err := c.Mask.configure(&cfg); err != nil {
		errs = append(errs, err)
	}
	return cfg, errors.Join(errs...)
}

// selection fills the identifiers, custom identifiers or policy of cfg.
func (c *Config) selection(cfg *piiguard.Config) []error {
	var errs []error
	for i, name := range c.Identifiers {
		if _, ok := identifiers.Lookup(name); !ok {
			if identifiers.IsManagedName(name) {
				errs = append(errs, fmt.Errorf("identifiers::%d: managed identifier %q is not implemented yet", i, name))
			} else {
				errs = append(errs, fmt.Errorf("identifiers::%d: unknown managed identifier %q", i, name))
			}
			continue
		}
		cfg.Identifiers = append(cfg.Identifiers, name)
	}
	for i, ci := range c.Custom {
		id, err := identifiers.NewCustom(ci.Name, ci.Regex)
		if err != nil {
			errs = append(errs, fmt.Errorf("custom::%d: %w", i, err))
			continue
		}
		cfg.Custom = append(cfg.Custom, id)
	}
	if err := identifiers.CheckCustomSet(cfg.Custom); err != nil {
		errs = append(errs, fmt.Errorf("custom: %w", err))
	}
	if len(c.Policies) == 0 {
		return errs
	}
	if len(c.Identifiers) > 0 || len(c.Custom) > 0 {
		return append(errs, errors.New("policies: a policy chooses the identifiers; drop identifiers and custom"))
	}
	if len(c.Policies) > maxPolicies {
		return append(errs, fmt.Errorf("policies: at most %d files (account-level, then log-group), got %d", maxPolicies, len(c.Policies)))
	}
	var ps []*piiguard.Policy
	for i, path := range c.Policies {
		data, err := os.ReadFile(path)
		if err != nil {
			errs = append(errs, fmt.Errorf("policies::%d: %w", i, err))
			continue
		}
		p, err := piiguard.ParsePolicy(data)
		if err != nil {
			errs = append(errs, fmt.Errorf("policies::%d: %s: %s", i, path, oneLine(err.Error())))
			continue
		}
		ps = append(ps, p)
	}
	switch {
	case len(ps) != len(c.Policies):
	case len(ps) == 1:
		cfg.Policy = ps[0]
	default:
		cfg.Policy = piiguard.CombinePolicies(ps[0], ps[1])
	}
	return errs
}

// configure builds the masker mask::style names into cfg, and gives a
// policy the key of its hash and token styles, as the CLI's --style and
// --key-file do.
func (m *MaskConfig) configure(cfg *piiguard.Config) error {
	style := m.Style
	spec, err := mask.ParseStyle(style)
	if err != nil {
		return fmt.Errorf("mask::style: unknown style %q (want %s)", style, strings.Join(styles, ", "))
	}
	keyed := spec.NeedsKey()
	policy := cfg.Policy != nil
	if m.KeyFile == "" && keyed {
		return fmt.Errorf("mask::key_file: style %s needs a key file", style)
	}
	if m.KeyFile != "" && !keyed && !policy {
		return errors.New("mask::key_file: a key is used only with style hash or token, or with policies")
	}
	var key []byte
	if m.KeyFile != "" {
		if key, err = mask.LoadKey(m.KeyFile); err != nil {
			return fmt.Errorf("mask::key_file: %w", err)
		}
	}
	if policy {
		cfg.Key = key
		if style == "" {
			return nil // the policies' mask styles
		}
	}
	if cfg.Masker, err = spec.NewMasker(key); err != nil {
		return fmt.Errorf("mask::key_file: style %s: %w", style, err)
	}
	return nil
}

// check compiles the key patterns.
func (f *FieldsConfig) check() []error {
	var errs []error
	for _, list := range []struct {
		key      string
		patterns []string
	}{{"include", f.Include}, {"exclude", f.Exclude}, {"mask_whole", f.MaskWhole}} {
		if _, err := compilePatterns(list.patterns); err != nil {
			errs = append(errs, fmt.Errorf("fields::%s::%w", list.key, err))
		}
	}
	return errs
}

// compilePatterns compiles key patterns; an error starts with the index
// of the bad pattern.
func compilePatterns(patterns []string) ([]*regexp.Regexp, error) {
	out := make([]*regexp.Regexp, 0, len(patterns))
	for i, p := range patterns {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("%d: invalid pattern: %s", i, oneLine(err.Error()))
		}
		out = append(out, re)
	}
	return out, nil
}

func oneLine(s string) string { return strings.ReplaceAll(strings.TrimSpace(s), "\n", "; ") }
