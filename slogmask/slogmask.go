// Package slogmask masks sensitive values in log/slog records before they
// reach a handler.
//
// A Handler wraps another handler. It masks the message, and each
// attribute value with the attribute's key, and the names of the groups
// around it, as keywords (as package mask's FieldFindings does), so that
//
//	logger.Info("retry", slog.String("ssn", "536-22-1234"))
//
// logs ssn=*********** although "536-22-1234" alone holds no keyword.
//
// Keys are text too: an attribute key, a group name or a map key with a
// finding ({"counts": {"jane.doe@example.com": 3}}) is masked, with the
// names of the groups around it as keywords. The record keeps its
// structure: a masked key that equals the key of another attribute in the
// same list (the attributes of one Handle call, of one WithAttrs call, or
// of one group) is given the suffix "~b", "~c", ... the first that makes
// it unique, as package mask does for JSON member names; keys of
// attributes given in different calls are not compared.
//
// What is masked, by value kind:
//
//   - strings: the value, masked in place;
//   - numbers (int64, uint64, float64) and times: the value as text
//     (a time in RFC 3339 with nanoseconds, where a date does not stand
//     on its own and so is not a date of birth); one with a finding
//     becomes a string holding the masked text, so its kind changes, and
//     only then;
//   - errors: the error's message, and byte slices (of named slice
//     types too) as text; one with a finding becomes a string;
//   - byte slices with MarshalText or MarshalJSON (net.IP,
//     json.RawMessage), as other values are: the forms handlers print,
//     the bytes of a json.RawMessage masked as the JSON they are;
//   - other values (structs, maps, Stringers): the forms handlers print,
//     the %+v text, MarshalText for a TextMarshaler (slog.TextHandler
//     prints it instead of %+v) and the JSON encoding
//     (slog.JSONHandler); a value with a finding in any is replaced by
//     a value that prints the masked text (MarshalText's, for a
//     TextMarshaler) as text and the masked JSON, with the same
//     structure, as JSON;
//   - groups: each attribute, recursively, with the group's key added
//     to the keywords;
//   - LogValuers are resolved first; bools and durations are kept.
//
// Attributes given to WithAttrs are masked once, when WithAttrs is called.
package slogmask

import (
	"bytes"
	"context"
	"encoding"
	"encoding/json"
	"fmt"
	"log/slog"
	"reflect"
	"slices"
	"time"

	"github.com/piiguard/piiguard/internal/uniquename"
	"github.com/piiguard/piiguard/mask"
)

// Handler masks records and passes them to an inner handler. It is safe
// for concurrent use if the inner handler is.
type Handler struct {
	inner  slog.Handler
	fd     mask.Finder
	m      mask.Masker
	json   *mask.JSON
	groups []string // open groups, outermost first
}

// NewHandler returns a Handler that finds values with fd (a
// *piiguard.Scanner, say), masks them with m (mask.Asterisk when nil) and
// passes the masked records to inner. As slog.New does for a nil handler,
// it panics when inner or fd is nil: a handler that could not mask would
// pass every record on in clear.
func NewHandler(inner slog.Handler, fd mask.Finder, m mask.Masker) *Handler {
	if inner == nil {
		panic("slogmask: NewHandler: nil inner handler")
	}
	if fd == nil {
		panic("slogmask: NewHandler: nil Finder")
	}
	if m == nil {
		m = mask.Asterisk
	}
	j, err := mask.NewJSON(fd, m, mask.JSONOptions{})
	if err != nil {
		panic("slogmask: " + err.Error()) // no rules: cannot fail for a non-nil Finder
	}
	return &Handler{inner: inner, fd: fd, m: m, json: j}
}

// Enabled reports whether the inner handler handles records at level.
func (h *Handler) Enabled(ctx context.Context, level slog.Level) bool {
	return h.inner.Enabled(ctx, level)
}

// Handle masks r's message and attributes and passes the result to the
// inner handler.
func (h *Handler) Handle(ctx context.Context, r slog.Record) error {
	msg := string(mask.AppendMasked(nil, []byte(r.Message), h.fd, h.m))
	nr := slog.NewRecord(r.Time, r.Level, msg, r.PC)
	attrs := make([]slog.Attr, 0, r.NumAttrs())
	r.Attrs(func(a slog.Attr) bool {
		attrs = append(attrs, a)
		return true
	})
	nr.AddAttrs(h.maskAttrs(attrs, h.groups)...)
	return h.inner.Handle(ctx, nr)
}

// WithAttrs returns a Handler whose inner handler has attrs, masked.
func (h *Handler) WithAttrs(attrs []slog.Attr) slog.Handler {
	h2 := *h
	h2.inner = h.inner.WithAttrs(h.maskAttrs(attrs, h.groups))
	return &h2
}

// WithGroup returns a Handler whose inner handler opens group name; the
// name counts as a keyword for the attributes in it, and is masked when
// it holds a value.
func (h *Handler) WithGroup(name string) slog.Handler {
	if name == "" {
		return h
	}
	h2 := *h
	masked, _ := h.maskText(h.groups, name)
	h2.inner = h.inner.WithGroup(masked)
	h2.groups = append(slices.Clip(h.groups), name)
	return &h2
}

// maskAttrs masks a list of attributes, keys included, and keeps the
// masked keys unique within the list; names are the enclosing group
// names.
func (h *Handler) maskAttrs(attrs []slog.Attr, names []string) []slog.Attr {
	masked := make([]slog.Attr, len(attrs))
	var renamed []int
	for i, a := range attrs {
		masked[i] = h.maskAttr(a, names)
		if k, ok := h.maskText(names, a.Key); ok {
			masked[i].Key = k
			renamed = append(renamed, i)
		}
	}
	if len(renamed) == 0 {
		return masked
	}
	taken := map[string]bool{}
	j := 0
	for i, a := range masked {
		if j < len(renamed) && renamed[j] == i {
			j++ // renamed is in order
			continue
		}
		taken[a.Key] = true
	}
	u := uniquename.NewSet(taken)
	for _, i := range renamed {
		masked[i].Key = u.Name(masked[i].Key)
	}
	return masked
}

// maskAttr masks one attribute's value (not its key); names are the
// enclosing group names.
func (h *Handler) maskAttr(a slog.Attr, names []string) slog.Attr {
	v := a.Value.Resolve()
	if a.Key != "" {
		names = append(slices.Clip(names), a.Key)
	}
	switch v.Kind() {
	case slog.KindString:
		if s, ok := h.maskText(names, v.String()); ok {
			return slog.String(a.Key, s)
		}
	case slog.KindInt64, slog.KindUint64, slog.KindFloat64:
		if s, ok := h.maskText(names, v.String()); ok {
			return slog.String(a.Key, s)
		}
	case slog.KindTime:
		if s, ok := h.maskText(names, v.Time().Format(time.RFC3339Nano)); ok {
			return slog.String(a.Key, s)
		}
	case slog.KindGroup:
		return slog.Attr{Key: a.Key, Value: slog.GroupValue(h.maskAttrs(v.Group(), names)...)}
	case slog.KindAny:
		if b, ok := plainByteSlice(v.Any()); ok {
			// Handlers print a byte slice, of a named type too, as
			// text (slog.TextHandler) or base64 (slog.JSONHandler):
			// mask it as text. One with MarshalText or MarshalJSON
			// (net.IP, json.RawMessage) prints those: maskAny masks
			// them.
			if s, ok := h.maskText(names, string(b)); ok {
				return slog.String(a.Key, s)
			}
			return slog.Attr{Key: a.Key, Value: v}
		}
		if err, ok := v.Any().(error); ok {
			if s, ok := h.maskText(names, err.Error()); ok {
				return slog.String(a.Key, s)
			}
			return slog.Attr{Key: a.Key, Value: v}
		}
		if mv, ok := h.maskAny(names, v.Any()); ok {
			return slog.Any(a.Key, mv)
		}
	}
	return slog.Attr{Key: a.Key, Value: v}
}

// maskText masks s as the value of the field names, and reports whether
// anything was masked.
func (h *Handler) maskText(names []string, s string) (string, bool) {
	out := mask.AppendMaskedField(nil, h.fd, h.m, names, []byte(s))
	if string(out) == s {
		return s, false
	}
	return string(out), true
}

// plainByteSlice returns the bytes of a slice of bytes, of a named type
// too, that has neither MarshalText nor MarshalJSON: slog.TextHandler
// prints it as text, slog.JSONHandler as base64.
func plainByteSlice(v any) ([]byte, bool) {
	switch v.(type) {
	case encoding.TextMarshaler, json.Marshaler:
		return nil, false
	}
	return byteSlice(v)
}

// byteSlice returns the bytes of a slice of bytes, of named types too,
// which slog.TextHandler prints as text unless it has MarshalText.
func byteSlice(v any) ([]byte, bool) {
	if b, ok := v.([]byte); ok {
		return b, true
	}
	t := reflect.TypeOf(v)
	if t != nil && t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 {
		return reflect.ValueOf(v).Bytes(), true
	}
	return nil, false
}

// maskAny masks the printed forms of an arbitrary value: its %+v text,
// its MarshalText (which slog.TextHandler prints instead, when it has
// one) and its JSON encoding.
func (h *Handler) maskAny(names []string, v any) (masked, bool) {
	text := fmt.Sprintf("%+v", v)
	_, isText := v.(encoding.TextMarshaler)
	raw, isBytes := byteSlice(v)
	if isBytes && !isText {
		// Bytes with MarshalJSON (json.RawMessage): slog.TextHandler
		// prints them as text, not as %+v's numbers.
		text = string(raw)
	}
	mt, textChanged := h.maskText(names, text)
	if tm, ok := v.(encoding.TextMarshaler); ok {
		if b, err := marshalText(tm); err == nil {
			// The masked value prints its masked MarshalText, the form
			// slog.TextHandler shows.
			var changed bool
			if mt, changed = h.maskText(names, string(b)); changed {
				textChanged = true
			}
		}
	}
	js, err := marshal(v)
	var mj []byte
	jsonChanged := false
	if err == nil {
		mj, jsonChanged = h.maskJSON(names, js)
	}
	if !textChanged && !jsonChanged {
		return masked{}, false
	}
	if isBytes && !isText && jsonChanged {
		// Bytes that are their own JSON encoding print as it does, once
		// masked as JSON (escapes decoded, names as keywords).
		mt = string(mj)
	}
	if err != nil {
		mj, _ = marshal(mt)
	}
	return masked{text: mt, json: mj}, true
}

// maskJSON masks the JSON encoding of a value, member names (map keys)
// included, as the value of the field names, so that they count as
// keywords, and reports whether anything was masked.
func (h *Handler) maskJSON(names []string, js []byte) ([]byte, bool) {
	out, err := h.json.AppendMaskField(nil, names, js)
	if err != nil || bytes.Equal(out, js) {
		return js, false
	}
	return out, true
}

// marshalText calls tm.MarshalText, recovering a panic (a method of a
// nil pointer, say) rather than letting it stop Handle: such a value has
// no text form to mask.
func marshalText(tm encoding.TextMarshaler) (b []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			b, err = nil, fmt.Errorf("slogmask: MarshalText panicked")
		}
	}()
	return tm.MarshalText()
}

// marshal encodes v as slog.JSONHandler does, without HTML escaping.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte{'\n'}), nil
}

// masked stands for a value with a finding: it prints its masked text,
// and encodes as its masked JSON.
type masked struct {
	text string
	json []byte
}

func (m masked) String() string               { return m.text }
func (m masked) MarshalText() ([]byte, error) { return []byte(m.text), nil }
func (m masked) MarshalJSON() ([]byte, error) { return m.json, nil }
