package policy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/piiguard/piiguard/mask"
)

// MarshalJSON encodes the policy as a compact document, with its
// extensions under "PiiGuard" when it has any (so ParseExtended reads it
// back into an equal Policy). It fails for a policy that is not one
// document: a combined policy, or a hand-built one that Parse would reject.
func (p *Policy) MarshalJSON() ([]byte, error) {
	return p.encode(true)
}

// CloudWatchJSON encodes the policy as a CloudWatch document, without
// extensions, ready for PutDataProtectionPolicy or PutAccountPolicy. It is
// indented unless indenting would take it over MaxDocumentChars.
func (p *Policy) CloudWatchJSON() ([]byte, error) {
	b, err := p.encode(false)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	if utf8.RuneCount(out.Bytes()) > MaxDocumentChars {
		return b, nil
	}
	return out.Bytes(), nil
}

// MarshalJSON encodes the extensions compactly: the content of a sidecar
// for ParseWithSidecar, or of the "PiiGuard" member.
func (e *Extensions) MarshalJSON() ([]byte, error) {
	var w writer
	w.extensions(e)
	return w.b, nil
}

// ErrNotEncodable is returned (wrapped) when a Policy cannot be written as
// one document.
var ErrNotEncodable = errors.New("policy cannot be encoded as one document")

func (p *Policy) encode(ext bool) ([]byte, error) {
	if p == nil {
		return nil, fmt.Errorf("%w: nil policy", ErrNotEncodable)
	}
	if len(p.Audits) != 1 {
		return nil, fmt.Errorf("%w: it has %d Audit statements (a combined policy is not a document)", ErrNotEncodable, len(p.Audits))
	}
	if !p.Deidentify {
		return nil, fmt.Errorf("%w: CloudWatch requires the Deidentify statement", ErrNotEncodable)
	}
	for _, c := range p.Custom {
		if c == nil || len(c.Patterns) != 1 {
			return nil, fmt.Errorf("%w: a custom identifier needs exactly one pattern", ErrNotEncodable)
		}
	}
	part := p.Partition
	if part == "" {
		part = "aws"
	}
	var ids []string
	for _, m := range p.Managed {
		ids = append(ids, ManagedARN(part, m))
	}
	for _, c := range p.Custom {
		ids = append(ids, c.Name)
	}
	a := p.Audits[0]

	var w writer
	w.raw(`{"Name":`)
	w.str(p.Name)
	if p.Description != "" {
		w.raw(`,"Description":`)
		w.str(p.Description)
	}
	w.raw(`,"Version":`)
	w.str(Version)
	if len(p.Custom) > 0 {
		w.raw(`,"Configuration":{"CustomDataIdentifier":[`)
		for i, c := range p.Custom {
			if i > 0 {
				w.raw(",")
			}
			w.raw(`{"Name":`)
			w.str(c.Name)
			w.raw(`,"Regex":`)
			w.str(c.Patterns[0].Expr)
			w.raw("}")
		}
		w.raw("]}")
	}
	w.raw(`,"Statement":[`)
	w.statement(a.Sid, ids)
	w.raw(`"Audit":{"FindingsDestination":{`)
	sep := ""
	for _, d := range [...]struct{ key, sub, v string }{
		{"CloudWatchLogs", "LogGroup", a.Destinations.CloudWatchLogs},
		{"Firehose", "DeliveryStream", a.Destinations.Firehose},
		{"S3", "Bucket", a.Destinations.S3},
	} {
		if d.v == "" {
			continue
		}
		w.raw(sep + `"` + d.key + `":{"` + d.sub + `":`)
		w.str(d.v)
		w.raw("}")
		sep = ","
	}
	w.raw("}}}},")
	w.statement(p.DeidentifySid, ids)
	w.raw(`"Deidentify":{"MaskConfig":{}}}}]`)
	if ext && p.Extensions != nil {
		w.raw(`,"` + ExtensionKey + `":`)
		w.extensions(p.Extensions)
	}
	w.raw("}")

	parseFn := Parse
	if ext {
		parseFn = ParseExtended
	}
	if _, err := parseFn(w.b); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotEncodable, err)
	}
	return w.b, nil
}

// writer writes compact JSON, escaping only what JSON requires, so that the
// output is never longer than a document it was parsed from.
type writer struct{ b []byte }

func (w *writer) raw(s string) { w.b = append(w.b, s...) }

func (w *writer) str(s string) {
	w.b = append(w.b, '"')
	for _, r := range s {
		switch {
		case r == '"':
			w.b = append(w.b, `\"`...)
		case r == '\\':
			w.b = append(w.b, `\\`...)
		case r == '\n':
			w.b = append(w.b, `\n`...)
		case r == '\r':
			w.b = append(w.b, `\r`...)
		case r == '\t':
			w.b = append(w.b, `\t`...)
		case r == '\b':
			w.b = append(w.b, `\b`...)
		case r == '\f':
			w.b = append(w.b, `\f`...)
		case r < 0x20:
			w.b = append(w.b, fmt.Sprintf(`\u%04x`, r)...)
		default:
			w.b = utf8.AppendRune(w.b, r)
		}
	}
	w.b = append(w.b, '"')
}

func (w *writer) strs(list []string) {
	w.raw("[")
	for i, s := range list {
		if i > 0 {
			w.raw(",")
		}
		w.str(s)
	}
	w.raw("]")
}

func (w *writer) float(f float64) {
	b, err := json.Marshal(f)
	if err != nil { // NaN or infinity: not from a parsed policy
		b = []byte("null")
	}
	w.b = append(w.b, b...)
}

// statement writes a statement up to and including `"Operation":{`.
func (w *writer) statement(sid string, ids []string) {
	w.raw("{")
	if sid != "" {
		w.raw(`"Sid":`)
		w.str(sid)
		w.raw(",")
	}
	w.raw(`"DataIdentifier":`)
	w.strs(ids)
	w.raw(`,"Operation":{`)
}

// members writes the object members that fn emits, separating them.
type objWriter struct {
	w   *writer
	sep bool
}

func (o *objWriter) key(k string) {
	if o.sep {
		o.w.raw(",")
	}
	o.sep = true
	o.w.str(k)
	o.w.raw(":")
}

func (w *writer) extensions(e *Extensions) {
	w.raw("{")
	o := &objWriter{w: w}
	if e != nil {
		w.common(o, e.Mask, e.Threshold)
		w.allow(o, e.AllowList)
		if len(e.Identifiers) > 0 {
			o.key("Identifiers")
			w.raw("{")
			names := make([]string, 0, len(e.Identifiers))
			for n := range e.Identifiers {
				names = append(names, n)
			}
			sort.Strings(names)
			io := &objWriter{w: w}
			for _, n := range names {
				s := e.Identifiers[n]
				io.key(n)
				w.raw("{")
				so := &objWriter{w: w}
				w.common(so, s.Mask, s.Threshold)
				if len(s.Keywords) > 0 {
					so.key("Keywords")
					w.strs(s.Keywords)
				}
				if s.KeywordRequired {
					so.key("KeywordRequired")
					w.raw("true")
				}
				if s.Window != 0 {
					so.key("Window")
					w.raw(strconv.Itoa(s.Window))
				}
				w.allow(so, s.AllowList)
				w.raw("}")
			}
			w.raw("}")
		}
	}
	w.raw("}")
}

func (w *writer) common(o *objWriter, m *Mask, t *float64) {
	if m != nil {
		o.key("Mask")
		w.mask(m)
	}
	if t != nil {
		o.key("Threshold")
		w.float(*t)
	}
}

func (w *writer) allow(o *objWriter, a AllowList) {
	if a.IsZero() {
		return
	}
	o.key("AllowList")
	w.raw("{")
	ao := &objWriter{w: w}
	if len(a.Values) > 0 {
		ao.key("Values")
		w.strs(a.Values)
	}
	if len(a.Patterns) > 0 {
		ao.key("Patterns")
		w.strs(a.Patterns)
	}
	w.raw("}")
}

func (w *writer) mask(m *Mask) {
	if *m == (Mask{Style: m.Style}) && m.Style != mask.StylePartial {
		w.str(string(m.Style))
		return
	}
	w.raw("{")
	o := &objWriter{w: w}
	o.key("Style")
	w.str(string(m.Style))
	if m.Char != "" {
		o.key("Char")
		w.str(m.Char)
	}
	if m.Length != 0 {
		o.key("Length")
		w.raw(strconv.Itoa(m.Length))
	}
	if m.KeepFirst != 0 {
		o.key("KeepFirst")
		w.raw(strconv.Itoa(m.KeepFirst))
	}
	if m.KeepLast != 0 {
		o.key("KeepLast")
		w.raw(strconv.Itoa(m.KeepLast))
	}
	if m.Text != "" {
		o.key("Text")
		w.str(m.Text)
	}
	w.raw("}")
}
