package abi

import "encoding/json"

// MaxConfigBytes bounds the configuration JSON.
const MaxConfigBytes = 2 << 20

// Config is the JSON configuration of piiguard_compile (wasm/ABI.md,
// "Configuration"): the one definition of that document. The guest
// decodes it (package wasmconfig, which maps it onto piiguard.Config), and
// the Go host encodes it (wasmhost.Config.JSON). Members are omitted when
// zero; the zero Config, "{}", scans for every CloudWatch managed
// identifier and masks with asterisks.
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
	// Style (ABI 1.1) masks every identifier with one style, named as
	// mask.ParseStyle reads it: asterisk, fixed, partial, placeholder,
	// redact, hash or token (the last two need a key). It overrides a
	// policy's mask styles. Empty: CloudWatch's asterisks, or the policy's
	// styles.
	Style string `json:"style,omitempty"`
	// ResourceArn (ABI 1.1) is the log group ARN written in audit
	// reports.
	ResourceArn string `json:"resource_arn,omitempty"`
}

// Custom is a custom identifier as CloudWatch defines it.
type Custom struct {
	Name  string `json:"name"`
	Regex string `json:"regex"`
}
