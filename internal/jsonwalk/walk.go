// Package jsonwalk reads JSON documents for masking: it validates a
// document, visits its scalar values with their paths and exact byte
// offsets, decodes string literals with a map from decoded to raw offsets,
// encodes strings, and matches paths against JSONPath-like patterns.
//
// It exists so that masking can rewrite single values in place and leave
// every other byte of a document as it was, which encoding/json, decoding
// into values and encoding them again, cannot do.
package jsonwalk

import (
	"fmt"
	"strconv"
	"strings"
)

// Kind is the kind of a scalar value.
type Kind uint8

// The kinds of scalar values, and Name, a member name, which Walk
// reports only when asked to (Options.Names).
const (
	String Kind = iota + 1
	Number
	Bool
	Null
	Name
)

func (k Kind) String() string {
	switch k {
	case String:
		return "string"
	case Number:
		return "number"
	case Bool:
		return "bool"
	case Null:
		return "null"
	case Name:
		return "name"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Step is one step of a path: an object member or an array element.
type Step struct {
	// Key is the member name, decoded; "" for an array element.
	Key string
	// Index is the element index, or -1 for an object member.
	Index int
}

// IsIndex reports whether the step is an array element.
func (s Step) IsIndex() bool { return s.Index >= 0 }

// Path locates a value in a document, from the root.
type Path []Step

// String formats the path as a pattern that matches it exactly: "$" then
// ".name" for simple member names, ["name"] (JSON-quoted) for others, and
// [n] for elements, as in $.messages[0].content or $["a.b"].
func (p Path) String() string {
	var b strings.Builder
	b.WriteByte('$')
	for _, s := range p {
		switch {
		case s.IsIndex():
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.Index))
			b.WriteByte(']')
		case isSimpleName(s.Key):
			b.WriteByte('.')
			b.WriteString(s.Key)
		default:
			b.WriteByte('[')
			b.Write(AppendQuote(nil, []byte(s.Key)))
			b.WriteByte(']')
		}
	}
	return b.String()
}

// StringMax formats the path as String does when that takes at most max
// bytes, at most maxPatternSteps steps, and no member's step more than
// max/4 bytes. Otherwise it writes a shorter
// pattern that still matches the path: a member whose step would take
// more than max/4 bytes is written .* (any member), and when the steps do
// not all fit, the last ones that do follow "$.." (at any depth). Its
// time and result are bounded by max, however long or deep the path.
func (p Path) StringMax(max int) string {
	var steps [][]byte // from the last
	n := 0
	all := true
	for i := len(p) - 1; i >= 0; i-- {
		st := p.appendStep(nil, i, max/4)
		if n+len(st) > max-3 || len(steps) == maxPatternSteps-1 {
			all = false
			break
		}
		steps = append(steps, st)
		n += len(st)
	}
	b := make([]byte, 0, n+3)
	if all {
		b = append(b, '$')
	} else {
		b = append(b, "$.."...)
		if last := steps[len(steps)-1]; len(last) > 0 && last[0] == '.' {
			steps[len(steps)-1] = last[1:]
		}
	}
	for i := len(steps) - 1; i >= 0; i-- {
		b = append(b, steps[i]...)
	}
	return string(b)
}

// appendStep appends step i of p as String writes it, or ".*" for a
// member whose step would take more than max bytes.
func (p Path) appendStep(b []byte, i, max int) []byte {
	s := p[i]
	switch {
	case s.IsIndex():
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(s.Index), 10)
		return append(b, ']')
	case len(s.Key)+2 > max:
		return append(b, ".*"...)
	case isSimpleName(s.Key):
		return append(append(b, '.'), s.Key...)
	}
	q := AppendQuote(nil, []byte(s.Key))
	if len(q)+2 > max {
		return append(b, ".*"...)
	}
	b = append(b, '[')
	b = append(b, q...)
	return append(b, ']')
}

// isSimpleName reports whether a member name can follow a '.' in a path:
// ASCII letters, digits, '_' and '-', not starting with a digit or '-'.
func isSimpleName(s string) bool {
	if s == "" || s[0] >= '0' && s[0] <= '9' || s[0] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// Leaf is a scalar value of a document, or a member name, as Walk
// reports it.
type Leaf struct {
	Kind Kind
	// Path is the value's path; a member name's is the path of its
	// member (the enclosing object's path and the name). Walk reuses it:
	// copy it to keep it.
	Path Path
	// Start and End are the byte offsets of the value's literal in the
	// document, End exclusive; a string's (and a name's) include its
	// quotes.
	Start, End int
	// Escaped reports whether a string literal contains a backslash.
	Escaped bool
	// Object is the byte offset of the '{' of the object a member name
	// belongs to; 0 for values.
	Object int
	// Container is the byte offset of the '{' or '[' of the object or
	// array the leaf is in (a member name: its object), or -1 for a
	// document that is one scalar. The leaves of one container share
	// Path but for its last step.
	Container int
	// Unchanged is how many steps at the start of Path are those of the
	// previous leaf's Path, unchanged since (0 for the first leaf): a
	// caller that keeps something per step of the path needs to redo
	// only the steps from there, and its work stays linear in the
	// document however deeply it nests.
	Unchanged int
}

// Options configures WalkOptions.
type Options struct {
	// Names reports each member name, as a Leaf of kind Name, before
	// its value.
	Names bool
	// Prefix is prepended to every path: the document is walked as the
	// value found at Prefix.
	Prefix Path
}

// SyntaxError reports invalid JSON. Its message describes the problem
// without quoting the document, beyond JSON punctuation.
type SyntaxError struct {
	// Offset is the byte offset of the problem in the document.
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("invalid JSON at byte %d: %s", e.Offset, e.Msg)
}

// MaxDepth is how deeply Walk lets arrays and objects nest, as
// encoding/json allows.
const MaxDepth = 10000

// Walk parses data as one JSON value (RFC 8259, surrounded by optional
// whitespace) and calls fn for each scalar value in document order. It
// stops at the first error fn returns, or at the first syntax error, which
// is a *SyntaxError; fn may have been called for values before it. Strings
// may hold bytes that are not valid UTF-8, as encoding/json accepts them.
func Walk(data []byte, fn func(*Leaf) error) error {
	return WalkOptions(data, Options{}, fn)
}

// WalkOptions is Walk with options.
func WalkOptions(data []byte, opts Options, fn func(*Leaf) error) error {
	w := walker{data: data, fn: fn, names: opts.Names, container: -1}
	w.path = append(w.path, opts.Prefix...)
	w.space()
	if err := w.value(); err != nil {
		return err
	}
	w.space()
	if w.pos < len(data) {
		return w.errorf("%s after the top-level value", describe(data[w.pos]))
	}
	return nil
}

// Valid reports whether data is one JSON value, as Walk accepts it.
func Valid(data []byte) bool {
	return Walk(data, func(*Leaf) error { return nil }) == nil
}

type walker struct {
	data  []byte
	pos   int
	path  Path
	leaf  Leaf
	depth int
	names bool
	fn    func(*Leaf) error
	// container is the offset of the innermost object or array.
	container int
	// low is how many steps of path are unchanged since the last leaf.
	low int
}

func (w *walker) errorf(format string, args ...any) error {
	return &SyntaxError{Offset: w.pos, Msg: fmt.Sprintf(format, args...)}
}

// describe names a byte for an error message without revealing content
// other than JSON punctuation.
func describe(c byte) string {
	switch {
	case strings.IndexByte(`{}[]:,"`, c) >= 0:
		return fmt.Sprintf("unexpected %q", c)
	case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		return "unexpected letter"
	case c >= '0' && c <= '9':
		return "unexpected digit"
	case c < 0x20 || c == 0x7f:
		return "unexpected control character"
	case c >= 0x80:
		return "unexpected non-ASCII byte"
	}
	return "unexpected punctuation"
}

func (w *walker) space() {
	for w.pos < len(w.data) {
		switch w.data[w.pos] {
		case ' ', '\t', '\n', '\r':
			w.pos++
		default:
			return
		}
	}
}

func (w *walker) value() error {
	if w.pos >= len(w.data) {
		return w.errorf("unexpected end of input, want a value")
	}
	switch c := w.data[w.pos]; {
	case c == '{', c == '[':
		outer := w.container
		w.container = w.pos
		var err error
		if c == '{' {
			err = w.object()
		} else {
			err = w.array()
		}
		w.container = outer
		return err
	case c == '"':
		start := w.pos
		escaped, err := w.string()
		if err != nil {
			return err
		}
		return w.emit(String, start, escaped)
	case c == '-' || c >= '0' && c <= '9':
		start := w.pos
		if err := w.number(); err != nil {
			return err
		}
		return w.emit(Number, start, false)
	case c == 't':
		return w.literal("true", Bool)
	case c == 'f':
		return w.literal("false", Bool)
	case c == 'n':
		return w.literal("null", Null)
	default:
		return w.errorf("%s, want a value", describe(c))
	}
}

func (w *walker) emit(k Kind, start int, escaped bool) error {
	w.leaf = Leaf{Kind: k, Path: w.path, Start: start, End: w.pos, Escaped: escaped, Container: w.container, Unchanged: w.low}
	w.low = len(w.path)
	return w.fn(&w.leaf)
}

func (w *walker) literal(lit string, k Kind) error {
	start := w.pos
	if !strings.HasPrefix(string(w.data[w.pos:min(len(w.data), w.pos+len(lit))]), lit) {
		return w.errorf("unexpected letter, want a value")
	}
	w.pos += len(lit)
	return w.emit(k, start, false)
}

func (w *walker) enter() error {
	w.depth++
	if w.depth > MaxDepth {
		return w.errorf("nested deeper than %d", MaxDepth)
	}
	return nil
}

func (w *walker) object() error {
	if err := w.enter(); err != nil {
		return err
	}
	object := w.pos
	w.pos++ // '{'
	w.space()
	if w.pos < len(w.data) && w.data[w.pos] == '}' {
		w.pos++
		w.depth--
		return nil
	}
	for {
		if w.pos >= len(w.data) {
			return w.errorf("unexpected end of input, want a member name")
		}
		if w.data[w.pos] != '"' {
			return w.errorf("%s, want a member name", describe(w.data[w.pos]))
		}
		start := w.pos
		escaped, err := w.string()
		if err != nil {
			return err
		}
		end := w.pos
		var key string
		if escaped {
			dec, _ := Unquote(nil, nil, w.data[start:w.pos])
			key = string(dec)
		} else {
			key = string(w.data[start+1 : w.pos-1])
		}
		w.space()
		if w.pos >= len(w.data) || w.data[w.pos] != ':' {
			return w.want("':' after a member name")
		}
		w.pos++
		w.space()
		w.path = append(w.path, Step{Key: key, Index: -1})
		if w.names {
			w.leaf = Leaf{Kind: Name, Path: w.path, Start: start, End: end, Escaped: escaped, Object: object, Container: object, Unchanged: w.low}
			w.low = len(w.path)
			if err := w.fn(&w.leaf); err != nil {
				return err
			}
		}
		if err := w.value(); err != nil {
			return err
		}
		w.path = w.path[:len(w.path)-1]
		w.low = min(w.low, len(w.path))
		w.space()
		if w.pos >= len(w.data) {
			return w.want("',' or '}' after an object member")
		}
		switch w.data[w.pos] {
		case ',':
			w.pos++
			w.space()
		case '}':
			w.pos++
			w.depth--
			return nil
		default:
			return w.want("',' or '}' after an object member")
		}
	}
}

func (w *walker) want(what string) error {
	if w.pos >= len(w.data) {
		return w.errorf("unexpected end of input, want %s", what)
	}
	return w.errorf("%s, want %s", describe(w.data[w.pos]), what)
}

func (w *walker) array() error {
	if err := w.enter(); err != nil {
		return err
	}
	w.pos++ // '['
	w.space()
	if w.pos < len(w.data) && w.data[w.pos] == ']' {
		w.pos++
		w.depth--
		return nil
	}
	for i := 0; ; i++ {
		w.path = append(w.path, Step{Index: i})
		if err := w.value(); err != nil {
			return err
		}
		w.path = w.path[:len(w.path)-1]
		w.low = min(w.low, len(w.path))
		w.space()
		if w.pos >= len(w.data) {
			return w.want("',' or ']' after an array element")
		}
		switch w.data[w.pos] {
		case ',':
			w.pos++
			w.space()
		case ']':
			w.pos++
			w.depth--
			return nil
		default:
			return w.want("',' or ']' after an array element")
		}
	}
}

// stringSpecial marks the bytes the string scanner stops at.
var stringSpecial = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

// string scans the string literal at w.pos, leaving w.pos after its closing
// quote, and reports whether it contains an escape.
func (w *walker) string() (escaped bool, err error) {
	w.pos++ // '"'
	for w.pos < len(w.data) {
		c := w.data[w.pos]
		if !stringSpecial[c] {
			w.pos++
			continue
		}
		switch {
		case c == '"':
			w.pos++
			return escaped, nil
		case c == '\\':
			escaped = true
			if w.pos+1 >= len(w.data) {
				w.pos++
				return escaped, w.errorf("unexpected end of input in a string escape")
			}
			switch w.data[w.pos+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				w.pos += 2
			case 'u':
				for i := 2; i < 6; i++ {
					if w.pos+i >= len(w.data) {
						w.pos += i
						return escaped, w.errorf("unexpected end of input in a \\u escape")
					}
					if !isHex(w.data[w.pos+i]) {
						w.pos += i
						return escaped, w.errorf("%s in a \\u escape, want a hex digit", describe(w.data[w.pos]))
					}
				}
				w.pos += 6
			default:
				w.pos++
				return escaped, w.errorf("invalid escape character in a string")
			}
		default:
			return escaped, w.errorf("control character in a string")
		}
	}
	return escaped, w.errorf("unexpected end of input in a string")
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func (w *walker) digits() int {
	n := 0
	for w.pos < len(w.data) && w.data[w.pos] >= '0' && w.data[w.pos] <= '9' {
		w.pos++
		n++
	}
	return n
}

// number scans -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?.
func (w *walker) number() error {
	if w.data[w.pos] == '-' {
		w.pos++
	}
	switch {
	case w.pos >= len(w.data):
		return w.errorf("unexpected end of input in a number")
	case w.data[w.pos] == '0':
		w.pos++
	case w.data[w.pos] >= '1' && w.data[w.pos] <= '9':
		w.digits()
	default:
		return w.want("a digit in a number")
	}
	if w.pos < len(w.data) && w.data[w.pos] == '.' {
		w.pos++
		if w.digits() == 0 {
			return w.want("a digit after the decimal point")
		}
	}
	if w.pos < len(w.data) && (w.data[w.pos] == 'e' || w.data[w.pos] == 'E') {
		w.pos++
		if w.pos < len(w.data) && (w.data[w.pos] == '+' || w.data[w.pos] == '-') {
			w.pos++
		}
		if w.digits() == 0 {
			return w.want("a digit in an exponent")
		}
	}
	return nil
}
