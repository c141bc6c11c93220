// Package wasmconfig parses the JSON configuration that piiguard_compile
// takes (see wasm/ABI.md) into a piiguard.Scanner. The guest uses it to
// compile scanners; the tests of the hosts use it to build the native
// scanner that a WASM scanner must agree with.
package wasmconfig

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/mask"
	"github.com/piiguard/piiguard/wasm/internal/abi"
)

// MaxConfigBytes bounds the configuration JSON.
const MaxConfigBytes = 2 << 20

// Config is the JSON configuration of a scanner.
type Config struct {
	// Identifiers names managed identifiers; empty means every CloudWatch
	// managed identifier piiguard implements.
	Identifiers []string `json:"identifiers,omitempty"`
	// Custom adds custom identifiers with CloudWatch's rules.
	Custom []Custom `json:"custom,omitempty"`
	// Policy is a CloudWatch Logs data protection policy document, with or
	// without piiguard's extensions: a JSON object, or a JSON string
	// holding the document's text. With a policy, Identifiers and Custom
	// must be empty.
	Policy json.RawMessage `json:"policy,omitempty"`
	// MinScore drops findings scoring below it.
	MinScore float64 `json:"min_score,omitempty"`
	// Style (ABI 1.1) masks every identifier with one style: asterisk,
	// partial, placeholder, redact, hash or token (the last two need a
	// key). It overrides a policy's mask styles. Empty: CloudWatch's
	// asterisks, or the policy's styles.
	Style string `json:"style,omitempty"`
	// ResourceArn (ABI 1.1) is the log group ARN written in audit
	// reports.
	ResourceArn string `json:"resource_arn,omitempty"`
}

// Styles lists the values of Config.Style.
var Styles = []string{"asterisk", "partial", "placeholder", "redact", "hash", "token"}

// Custom is a custom identifier as CloudWatch defines it.
type Custom struct {
	Name  string `json:"name"`
	Regex string `json:"regex"`
}

// Error is an error with its ABI error code.
type Error struct {
	Code int32
	Err  error
}

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

func codeErr(code int32, format string, args ...any) error {
	return &Error{Code: code, Err: fmt.Errorf(format, args...)}
}

// Parse decodes a configuration strictly: unknown members, trailing data
// and wrong types are errors (code abi.ErrConfig).
func Parse(data []byte) (*Config, error) {
	if len(data) > MaxConfigBytes {
		return nil, codeErr(abi.ErrConfig, "config: %d bytes, more than %d", len(data), MaxConfigBytes)
	}
	var c Config
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return nil, codeErr(abi.ErrConfig, "config: %v", err)
	}
	var extra json.RawMessage
	if err := dec.Decode(&extra); err != io.EOF {
		return nil, codeErr(abi.ErrConfig, "config: data after the JSON object")
	}
	return &c, nil
}

// Native builds the piiguard.Config the configuration describes: with a
// policy, the policy (parsed by piiguard.ParsePolicy) chooses the
// identifiers and applies its extensions, as piiguard.Config.Policy does.
// key, when not nil, is the key of the hash and token styles (the caller
// keeps it; errors never hold it). Errors carry code abi.ErrConfig,
// abi.ErrPolicy, abi.ErrKey or abi.ErrUnsupported.
func (c *Config) Native(key []byte) (piiguard.Config, error) {
	cfg := piiguard.Config{MinScore: c.MinScore, ResourceArn: c.ResourceArn}
	if key != nil {
		if _, err := mask.NewTokenizer(key); err != nil {
			return cfg, codeErr(abi.ErrKey, "key: %s", strings.TrimPrefix(err.Error(), "mask: "))
		}
		cfg.Key = key
	}
	if err := c.style(&cfg, key); err != nil {
		return cfg, err
	}
	doc, err := c.policyDocument()
	if err != nil {
		return cfg, err
	}
	if doc != nil {
		if len(c.Identifiers) > 0 || len(c.Custom) > 0 {
			return cfg, codeErr(abi.ErrConfig, "config: with a policy, the policy chooses the identifiers: identifiers and custom must be empty")
		}
		p, err := piiguard.ParsePolicy(doc)
		if err != nil {
			return cfg, codeErr(abi.ErrPolicy, "policy: %w", err)
		}
		for _, name := range p.Names() {
			if m := p.MaskFor(name); m.NeedsKey() && key == nil {
				return cfg, codeErr(abi.ErrUnsupported, "policy: identifier %s: mask style %s needs a key: compile with piiguard_compile_keyed (ABI 1.1)", name, m.Style)
			}
		}
		cfg.Policy = p
		return cfg, nil
	}
	cfg.Identifiers = c.Identifiers
	for i, cu := range c.Custom {
		id, err := identifiers.NewCustom(cu.Name, cu.Regex)
		if err != nil {
			return cfg, codeErr(abi.ErrConfig, "config: custom[%d]: %w", i, err)
		}
		cfg.Custom = append(cfg.Custom, id)
	}
	return cfg, nil
}

// style sets cfg.Masker for c.Style.
func (c *Config) style(cfg *piiguard.Config, key []byte) error {
	var err error
	switch c.Style {
	case "":
	case "asterisk":
		cfg.Masker = mask.Asterisk
	case "partial":
		cfg.Masker = mask.Partial{KeepLast: 4}
	case "placeholder":
		cfg.Masker = mask.Placeholder("")
	case "redact":
		cfg.Masker = mask.Redact
	case "hash", "token":
		if key == nil {
			return codeErr(abi.ErrUnsupported, "config: style %s needs a key: compile with piiguard_compile_keyed (ABI 1.1)", c.Style)
		}
		if c.Style == "hash" {
			cfg.Masker, err = mask.NewHash(key)
		} else {
			cfg.Masker, err = mask.NewTokenizer(key)
		}
		if err != nil {
			return codeErr(abi.ErrKey, "key: %s", strings.TrimPrefix(err.Error(), "mask: "))
		}
	default:
		return codeErr(abi.ErrConfig, "config: unknown style %q (want %s)", c.Style, strings.Join(Styles, ", "))
	}
	return nil
}

// policyDocument returns the policy document's bytes, nil when none.
func (c *Config) policyDocument() ([]byte, error) {
	raw := bytes.TrimSpace(c.Policy)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	switch raw[0] {
	case '{':
		return raw, nil
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, codeErr(abi.ErrConfig, "config: policy: %v", err)
		}
		return []byte(s), nil
	}
	return nil, codeErr(abi.ErrConfig, "config: policy must be a JSON object or a string holding one")
}

// NewScanner parses data and compiles the scanner it describes with
// piiguard.NewScanner.
func NewScanner(data []byte) (*piiguard.Scanner, error) {
	return NewKeyedScanner(data, nil)
}

// NewKeyedScanner is NewScanner with a key for the hash and token styles
// (nil: none), as piiguard_compile_keyed takes it.
func NewKeyedScanner(data, key []byte) (*piiguard.Scanner, error) {
	c, err := Parse(data)
	if err != nil {
		return nil, err
	}
	return c.NewScanner(key)
}

// NewScanner compiles the scanner c describes, with a key for the hash
// and token styles (nil: none).
func (c *Config) NewScanner(key []byte) (*piiguard.Scanner, error) {
	cfg, err := c.Native(key)
	if err != nil {
		return nil, err
	}
	s, err := piiguard.NewScanner(cfg)
	if err != nil {
		code := abi.ErrConfig
		if cfg.Policy != nil {
			code = abi.ErrPolicy
		}
		return nil, &Error{Code: code, Err: err}
	}
	return s, nil
}

// Code returns the ABI error code of err: its *Error's code, or
// abi.ErrConfig.
func Code(err error) int32 {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return abi.ErrConfig
}
