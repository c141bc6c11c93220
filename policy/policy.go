package policy

import (
	"bytes"

	"github.com/piiguard/piiguard/identifiers"
)

// Policy language facts.
const (
	// Version is the only policy language version CloudWatch documents.
	Version = "2021-06-01"
	// MaxDocumentChars is CloudWatch's limit on the size of a policy
	// document, in characters. For documents with piiguard extensions it
	// applies to the document without the extension member.
	MaxDocumentChars = 30720
	// MaxInputBytes is piiguard's own limit on any input (a document with
	// extensions, or a sidecar), in bytes.
	MaxInputBytes = 1 << 20
	// ExtensionKey is the top-level key of piiguard's extensions in an
	// extended document.
	ExtensionKey = "PiiGuard"
)

// Partitions CloudWatch's managed identifier ARNs may name.
var partitions = []string{"aws", "aws-cn", "aws-us-gov"}

// ManagedARN returns the ARN of a managed identifier in a partition, for
// instance ManagedARN("aws", "EmailAddress") is
// "arn:aws:dataprotection::aws:data-identifier/EmailAddress".
func ManagedARN(partition, name string) string {
	return "arn:" + partition + ":dataprotection::aws:data-identifier/" + name
}

// Policy is a parsed data protection policy: what to look for, what to do
// with it, and piiguard's extensions. A Policy from Parse, ParseExtended or
// ParseWithSidecar is valid; one from Combine describes an account-level
// and a log-group policy applied together.
type Policy struct {
	// Name is the document's Name, which CloudWatch uses as the PolicyName
	// dimension of its audit metrics.
	Name string
	// Description is the document's Description, "" when absent.
	Description string
	// Partition is the AWS partition ("aws", "aws-cn" or "aws-us-gov") of
	// the managed identifier ARNs; "aws" when the policy names none.
	Partition string

	// Managed lists the managed identifier names ("EmailAddress",
	// "Ssn-US"), without duplicates, in the order the Audit statement
	// lists them.
	Managed []string
	// Custom lists the custom identifiers, built by identifiers.NewCustom,
	// in the order the Audit statement lists them. Their Keywords,
	// KeywordRequired and Window come from the extensions (see
	// IdentifierSettings); in a combined policy, a name both policies
	// define has the patterns of both.
	Custom []*identifiers.Identifier

	// Audits lists the Audit statements: one for a parsed policy, one per
	// policy for a combined one. A finding of identifier N is reported,
	// for each Audit whose Identifiers include N, to its Destinations and
	// counted in CloudWatch's LogEventsWithFindings metric under its Policy
	// name. An Audit with no destination still counts findings.
	Audits []Audit
	// Deidentify reports whether findings are masked. Every valid
	// CloudWatch policy has a Deidentify statement (with the same
	// identifiers as its Audit statement), so it is true for parsed
	// policies.
	Deidentify bool
	// DeidentifySid is the Sid of the Deidentify statement, "" when absent.
	DeidentifySid string

	// Extensions are piiguard's extensions, nil when the document has none.
	Extensions *Extensions
}

// Audit is an Audit statement.
type Audit struct {
	// Policy is the Name of the policy the statement belongs to.
	Policy string
	// Sid is the statement's Sid, "" when absent.
	Sid string
	// Identifiers names the identifiers audited: managed names (in
	// statement order) then custom names (in statement order).
	Identifiers []string
	// Destinations are where findings reports go.
	Destinations Destinations
}

// Destinations are the findings destinations of an Audit statement. Each is
// the name of an existing resource, or "" when findings are not sent there.
type Destinations struct {
	CloudWatchLogs string // FindingsDestination.CloudWatchLogs.LogGroup
	Firehose       string // FindingsDestination.Firehose.DeliveryStream
	S3             string // FindingsDestination.S3.Bucket
}

// IsZero reports whether no destination is set (findings are only counted).
func (d Destinations) IsZero() bool { return d == Destinations{} }

// Names returns the names of all identifiers of the policy: Managed, then
// Custom.
func (p *Policy) Names() []string {
	out := make([]string, 0, len(p.Managed)+len(p.Custom))
	out = append(out, p.Managed...)
	for _, c := range p.Custom {
		out = append(out, c.Name)
	}
	return out
}

// Has reports whether the policy detects the identifier named name (a
// managed name or a custom name).
func (p *Policy) Has(name string) bool {
	if contains(p.Managed, name) {
		return true
	}
	return p.CustomIdentifier(name) != nil
}

// CustomIdentifier returns the custom identifier named name, or nil.
func (p *Policy) CustomIdentifier(name string) *identifiers.Identifier {
	for _, c := range p.Custom {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// Parse parses and validates a CloudWatch Logs data protection policy
// document with every rule CloudWatch documents (see the package
// documentation). It accepts no piiguard extension. Malformed input gives
// a *SyntaxError; a well-formed document that breaks rules gives a
// *ValidationError listing all of them.
func Parse(data []byte) (*Policy, error) {
	return parse(data, false)
}

// ParseExtended is Parse that also accepts piiguard's extensions under the
// top-level key "PiiGuard". Such a document is a piiguard document, not a
// CloudWatch one: CloudWatchJSON gives the CloudWatch document to upload.
// Every document Parse accepts, ParseExtended accepts equally.
func ParseExtended(data []byte) (*Policy, error) {
	return parse(data, true)
}

// ParseWithSidecar parses a CloudWatch document strictly, as Parse does,
// and piiguard's extensions from a separate sidecar document whose content
// is what the "PiiGuard" member of an extended document would hold. Errors
// in the sidecar are reported with the paths they would have in an
// extended document ("PiiGuard.Mask.Style"), with offsets into the sidecar.
// A nil or empty (or all-whitespace) sidecar means no extensions. The
// sidecar is only checked once the document is valid.
func ParseWithSidecar(doc, sidecar []byte) (*Policy, error) {
	p, err := parse(doc, false)
	if err != nil || len(bytes.Trim(sidecar, " \t\r\n")) == 0 {
		return p, err
	}
	if len(sidecar) > MaxInputBytes {
		return nil, &ValidationError{Errors: []FieldError{{Path: ExtensionKey, Msg: sizeMsg("sidecar is", len(sidecar), MaxInputBytes, "bytes")}}}
	}
	root, err := decode("sidecar", sidecar)
	if err != nil {
		return nil, err
	}
	c := &checker{}
	ext := c.extensions(ExtensionKey, root, policyNames(p))
	if err := c.err(); err != nil {
		return nil, err
	}
	p.Extensions = ext
	p.applyCustomSettings()
	return p, nil
}

func policyNames(p *Policy) map[string]bool {
	names := make(map[string]bool)
	for _, m := range p.Managed {
		names[m] = false
	}
	for _, c := range p.Custom {
		names[c.Name] = true
	}
	return names
}

// applyCustomSettings copies the extension keyword settings onto the custom
// identifiers.
func (p *Policy) applyCustomSettings() {
	if p.Extensions == nil {
		return
	}
	for _, c := range p.Custom {
		s, ok := p.Extensions.Identifiers[c.Name]
		if !ok {
			continue
		}
		c.Keywords = append([]string(nil), s.Keywords...)
		if len(c.Keywords) == 0 {
			c.Keywords = nil
		}
		c.KeywordRequired = s.KeywordRequired
		c.Window = s.Window
	}
}
