package policy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// kind is the JSON type of a node.
type kind uint8

const (
	kindNull kind = iota
	kindBool
	kindNumber
	kindString
	kindArray
	kindObject
)

func (k kind) String() string {
	return [...]string{"null", "a boolean", "a number", "a string", "an array", "an object"}[k]
}

// node is a JSON value that keeps object key order, duplicate keys and byte
// offsets, which encoding/json's generic decoding loses.
type node struct {
	kind    kind
	off     int64  // offset of the value's first byte
	str     string // string value, or the literal of a number
	b       bool
	elems   []*node
	members []member
}

type member struct {
	key    string
	keyOff int64
	val    *node
	// span is the input from the end of the previous token (so including
	// a separating comma) to the end of the value.
	spanStart, spanEnd int64
}

// decode checks that data is UTF-8 and well-formed JSON and returns its tree.
func decode(source string, data []byte) (*node, error) {
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		return nil, newSyntaxError(source, data, int64(off), "invalid UTF-8")
	}
	var raw json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off := se.Offset
			if off > 0 && !strings.HasPrefix(se.Error(), "unexpected end") {
				off-- // Offset counts the offending byte
			}
			return nil, newSyntaxError(source, data, off, se.Error())
		}
		return nil, newSyntaxError(source, data, 0, err.Error())
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	n, err := readValue(dec, data)
	if err != nil {
		return nil, newSyntaxError(source, data, dec.InputOffset(), err.Error())
	}
	return n, nil
}

func newSyntaxError(source string, data []byte, off int64, msg string) *SyntaxError {
	if off < 0 {
		off = 0
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	line, col := 1, 1
	for _, r := range string(data[:off]) {
		if r == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return &SyntaxError{Source: source, Offset: off, Line: line, Column: col, Msg: msg}
}

// skipSep returns the offset of the next value or key at or after off.
func skipSep(data []byte, off int64) int64 {
	for off < int64(len(data)) {
		switch data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
		default:
			return off
		}
	}
	return off
}

func readValue(dec *json.Decoder, data []byte) (*node, error) {
	n := &node{off: skipSep(data, dec.InputOffset())}
	tok, err := dec.Token()
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n.kind = kindObject
			for dec.More() {
				start := dec.InputOffset()
				keyOff := skipSep(data, start)
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				key, ok := kt.(string)
				if !ok {
					return nil, fmt.Errorf("object key is not a string")
				}
				v, err := readValue(dec, data)
				if err != nil {
					return nil, err
				}
				n.members = append(n.members, member{key: key, keyOff: keyOff, val: v, spanStart: start, spanEnd: dec.InputOffset()})
			}
		case '[':
			n.kind = kindArray
			for dec.More() {
				v, err := readValue(dec, data)
				if err != nil {
					return nil, err
				}
				n.elems = append(n.elems, v)
			}
		default:
			return nil, fmt.Errorf("unexpected %q", rune(t))
		}
		if _, err := dec.Token(); err != nil { // the closing delimiter
			return nil, err
		}
	case string:
		n.kind, n.str = kindString, t
	case json.Number:
		n.kind, n.str = kindNumber, string(t)
	case bool:
		n.kind, n.b = kindBool, t
	case nil:
		n.kind = kindNull
	}
	return n, nil
}

// isPlainKey reports whether key can follow a '.' in a path.
func isPlainKey(key string) bool {
	if key == "" {
		return false
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// field returns the path of key in the object at path.
func field(path, key string) string {
	if !isPlainKey(key) {
		return path + "[" + strconv.Quote(key) + "]"
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

// index returns the path of element i of the array at path.
func index(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// object checks that n is an object without duplicate keys whose keys are
// all in allowed, and returns its members by key. Unknown and duplicate
// keys are reported and left out.
func (c *checker) object(path string, n *node, allowed ...string) (map[string]*node, bool) {
	if n.kind != kindObject {
		c.addf(n.off, path, "must be an object, not %s", n.kind)
		return nil, false
	}
	m := make(map[string]*node, len(n.members))
	seen := make(map[string]bool, len(n.members))
	for _, mb := range n.members {
		p := field(path, mb.key)
		if seen[mb.key] {
			c.add(mb.keyOff, p, "duplicate key")
			continue
		}
		seen[mb.key] = true
		if allowed != nil && !contains(allowed, mb.key) {
			c.add(mb.keyOff, p, unknownField(path, mb.key, allowed))
			continue
		}
		m[mb.key] = mb.val
	}
	return m, true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func unknownField(path, key string, allowed []string) string {
	if path == "" && key == ExtensionKey {
		return "unknown field: piiguard extensions are not part of CloudWatch's policy language; parse with ParseExtended, and upload CloudWatchJSON's output to CloudWatch"
	}
	for _, a := range allowed {
		if strings.EqualFold(a, key) {
			return fmt.Sprintf("unknown field; did you mean %q? (keys are case-sensitive)", a)
		}
	}
	if len(allowed) == 0 {
		return "unknown field: MaskConfig must be the empty object {}; CloudWatch has no masking options (piiguard's mask styles are extensions)"
	}
	return "unknown field (allowed: " + strings.Join(allowed, ", ") + ")"
}

// required returns m[key], reporting it missing when absent.
func (c *checker) required(parent *node, path string, m map[string]*node, key string) *node {
	n, ok := m[key]
	if !ok {
		c.add(parent.off, field(path, key), "required")
		return nil
	}
	return n
}

// str returns n's string value, reporting n when it is not a string.
func (c *checker) str(path string, n *node) (string, bool) {
	if n.kind != kindString {
		c.addf(n.off, path, "must be a string, not %s", n.kind)
		return "", false
	}
	return n.str, true
}

// nonEmpty returns n's string value, reporting it when it is not a
// non-empty string.
func (c *checker) nonEmpty(path string, n *node) (string, bool) {
	s, ok := c.str(path, n)
	if ok && s == "" {
		c.add(n.off, path, "must not be empty")
		return "", false
	}
	return s, ok
}

// array returns n's elements, reporting n when it is not an array.
func (c *checker) array(path string, n *node) ([]*node, bool) {
	if n.kind != kindArray {
		c.addf(n.off, path, "must be an array, not %s", n.kind)
		return nil, false
	}
	return n.elems, true
}

// integer returns n's integer value in [lo, hi].
func (c *checker) integer(path string, n *node, lo, hi int) (int, bool) {
	if n.kind == kindNumber {
		if v, err := strconv.Atoi(n.str); err == nil && v >= lo && v <= hi {
			return v, true
		}
	}
	c.addf(n.off, path, "must be an integer from %d to %d", lo, hi)
	return 0, false
}

// fraction returns n's number value in [0, 1].
func (c *checker) fraction(path string, n *node) (float64, bool) {
	if n.kind == kindNumber {
		if v, err := strconv.ParseFloat(n.str, 64); err == nil && v >= 0 && v <= 1 {
			return v, true
		}
	}
	c.add(n.off, path, "must be a number from 0 to 1")
	return 0, false
}

// boolean returns n's value.
func (c *checker) boolean(path string, n *node) (bool, bool) {
	if n.kind != kindBool {
		c.addf(n.off, path, "must be true or false, not %s", n.kind)
		return false, false
	}
	return n.b, true
}
