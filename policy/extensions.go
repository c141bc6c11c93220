package policy

import (
	"fmt"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/piiguard/piiguard/mask"
)

// Extensions are piiguard's additions to a policy. They are plain data: the
// engine applies them. See the package documentation for the document
// format.
type Extensions struct {
	// Mask is the mask for identifiers without their own; nil means
	// CloudWatch's (mask.StyleAsterisk).
	Mask *Mask
	// Threshold is the minimum confidence score a finding needs to be
	// reported, for identifiers without their own; nil means the engine's
	// default.
	Threshold *float64
	// AllowList lists values never reported, whatever the identifier.
	AllowList AllowList
	// Identifiers holds per-identifier settings by identifier name (managed
	// name such as "Ssn-US", or custom name); nil when there are none.
	Identifiers map[string]IdentifierSettings
}

// IdentifierSettings are the extensions for one identifier.
type IdentifierSettings struct {
	// Mask overrides Extensions.Mask; nil means none.
	Mask *Mask
	// Threshold overrides Extensions.Threshold; nil means none.
	Threshold *float64
	// Keywords: for a managed identifier, keywords added to the catalog's
	// (they raise the score; they never make a keyword required); for a
	// custom identifier, its keywords (identifiers.Identifier.Keywords).
	Keywords []string
	// KeywordRequired (custom identifiers only) reports a value only with
	// one of Keywords within Window characters.
	KeywordRequired bool
	// Window (custom identifiers only) is the keyword proximity window in
	// characters, 1 to MaxWindow; 0 means identifiers.DefaultWindow.
	Window int
	// AllowList lists values of this identifier that are never reported,
	// in addition to Extensions.AllowList.
	AllowList AllowList
}

// AllowList lists values that are never reported.
type AllowList struct {
	// Values are compared with the whole matched value, exactly
	// (case-sensitively).
	Values []string
	// Patterns are RE2 regular expressions (Go regexp syntax) that must
	// match the whole matched value, as if written ^(?:pattern)$.
	Patterns []string
}

// IsZero reports whether the list is empty.
func (a AllowList) IsZero() bool { return len(a.Values) == 0 && len(a.Patterns) == 0 }

// maskStyles lists the mask styles.
var maskStyles = mask.Styles()

// Limits and defaults of the extensions (those of a mask are package
// mask's: see mask.Spec).
const (
	MaxWindow        = 1000
	MaxKeywordLength = 100
	MaxAllowLength   = 1000 // an allow-list value or pattern (characters)

	// The limits below bound what compiling a policy costs: its time and
	// memory grow in proportion to what they allow, never beyond (see
	// SECURITY.md, "Limits").

	// MaxKeywords bounds the keywords of one identifier.
	MaxKeywords = 100
	// MaxKeywordChars bounds the characters of all the keywords the
	// extensions add, over every identifier: each is a word of the keyword
	// automaton in up to a dozen forms.
	MaxKeywordChars = 10000
	// MaxAllowValues bounds the values of one allow list.
	MaxAllowValues = 1000
	// MaxAllowPatterns bounds the patterns of one allow list, and
	// MaxAllowPatternsTotal those of all allow lists together. Each
	// identifier's patterns are compiled once, into one expression.
	MaxAllowPatterns      = 50
	MaxAllowPatternsTotal = 200
	// MaxAllowPatternSize bounds the size of one compiled allow-list
	// pattern (instructions of Go's regexp program, about its length with
	// repetitions expanded: a{1000} counts 1000). Matching a value costs
	// at most its length times this.
	MaxAllowPatternSize = 5000
)

// Mask is a mask style and its parameters (package mask's Spec, whose
// NewMasker builds its masker). A zero parameter means the default.
type Mask = mask.Spec

var maskFields = []string{"Style", "Char", "Length", "KeepFirst", "KeepLast", "Text"}

// MaskFor returns the mask of identifier name: its own, else the policy's,
// else mask.StyleAsterisk (CloudWatch's).
func (p *Policy) MaskFor(name string) Mask {
	if e := p.Extensions; e != nil {
		if s, ok := e.Identifiers[name]; ok && s.Mask != nil {
			return *s.Mask
		}
		if e.Mask != nil {
			return *e.Mask
		}
	}
	return Mask{Style: mask.StyleAsterisk}
}

// ThresholdFor returns the confidence threshold of identifier name: its
// own, else the policy's; ok is false when neither is set.
func (p *Policy) ThresholdFor(name string) (threshold float64, ok bool) {
	if e := p.Extensions; e != nil {
		if s, ok := e.Identifiers[name]; ok && s.Threshold != nil {
			return *s.Threshold, true
		}
		if e.Threshold != nil {
			return *e.Threshold, true
		}
	}
	return 0, false
}

// AllowListFor returns the values never reported for identifier name: the
// policy's allow list followed by the identifier's.
func (p *Policy) AllowListFor(name string) AllowList {
	var a AllowList
	if e := p.Extensions; e != nil {
		a = unionAllow(e.AllowList, e.Identifiers[name].AllowList)
	}
	return a
}

// KeywordsFor returns the extra keywords of identifier name (for a custom
// identifier, its keywords).
func (p *Policy) KeywordsFor(name string) []string {
	if e := p.Extensions; e != nil {
		return slices.Clone(e.Identifiers[name].Keywords)
	}
	return nil
}

var extFields = []string{"Mask", "Threshold", "AllowList", "Identifiers"}
var identFields = []string{"Mask", "Threshold", "Keywords", "KeywordRequired", "Window", "AllowList"}

// extensions validates the extension object n. names maps the identifier
// names of the policy to whether they are custom.
func (c *checker) extensions(path string, n *node, names map[string]bool) *Extensions {
	f, ok := c.object(path, n, extFields...)
	if !ok {
		return nil
	}
	e := &Extensions{}
	e.Mask, e.Threshold = c.maskAndThreshold(path, f)
	if a, ok := f["AllowList"]; ok {
		e.AllowList = c.allowList(field(path, "AllowList"), a)
	}
	if ids, ok := f["Identifiers"]; ok {
		ip := field(path, "Identifiers")
		im, ok := c.object(ip, ids)
		if ok {
			for _, mb := range ids.members {
				v, ok := im[mb.key]
				if !ok || v != mb.val {
					continue // a duplicate key
				}
				p := field(ip, mb.key)
				custom, known := names[mb.key]
				if !known {
					c.add(mb.keyOff, p, notInPolicy(mb.key))
				}
				s := c.identifierSettings(p, v, custom || !known)
				if e.Identifiers == nil {
					e.Identifiers = map[string]IdentifierSettings{}
				}
				e.Identifiers[mb.key] = s
			}
		}
	}
	return e
}

// maskAndThreshold validates the members Mask and Threshold of the object
// at path, whose members are f: the extension object and each
// identifier's settings take them, with one meaning. Each is nil when
// absent or invalid.
func (c *checker) maskAndThreshold(path string, f map[string]*node) (*Mask, *float64) {
	var m *Mask
	if n, ok := f["Mask"]; ok {
		m = c.mask(field(path, "Mask"), n)
	}
	var t *float64
	if n, ok := f["Threshold"]; ok {
		if v, ok := c.fraction(field(path, "Threshold"), n); ok {
			t = &v
		}
	}
	return m, t
}

func notInPolicy(name string) string {
	switch {
	case strings.HasPrefix(name, "arn:"):
		return "identifiers are named by their bare name (\"EmailAddress\", or a custom Name), not by ARN"
	default:
		return fmt.Sprintf("%q is not an identifier of this policy (not in its DataIdentifier lists)", name)
	}
}

func (c *checker) identifierSettings(path string, n *node, custom bool) IdentifierSettings {
	var s IdentifierSettings
	f, ok := c.object(path, n, identFields...)
	if !ok {
		return s
	}
	s.Mask, s.Threshold = c.maskAndThreshold(path, f)
	if k, ok := f["Keywords"]; ok {
		s.Keywords = c.keywords(field(path, "Keywords"), k)
	}
	if k, ok := f["KeywordRequired"]; ok {
		p := field(path, "KeywordRequired")
		if !custom {
			c.add(k.off, p, "only custom identifiers take KeywordRequired; managed identifiers keep CloudWatch's keyword rules")
		} else if v, ok := c.boolean(p, k); ok {
			s.KeywordRequired = v
			if v && len(f["Keywords"].elemsOrNil()) == 0 {
				c.add(k.off, p, "is true but Keywords is empty")
			}
		}
	}
	if w, ok := f["Window"]; ok {
		p := field(path, "Window")
		if !custom {
			c.add(w.off, p, "only custom identifiers take Window; managed identifiers keep CloudWatch's 30-character window")
		} else {
			s.Window, _ = c.integer(p, w, 1, MaxWindow)
		}
	}
	if a, ok := f["AllowList"]; ok {
		s.AllowList = c.allowList(field(path, "AllowList"), a)
	}
	return s
}

func (n *node) elemsOrNil() []*node {
	if n == nil || n.kind != kindArray {
		return nil
	}
	return n.elems
}

func (c *checker) keywords(path string, n *node) []string {
	elems, ok := c.array(path, n)
	if !ok {
		return nil
	}
	if len(elems) > MaxKeywords {
		c.add(n.off, path, sizeMsg("has", len(elems), MaxKeywords, "keywords"))
		return nil
	}
	var out []string
	seen := map[string]int{}
	for i, e := range elems {
		ep := index(path, i)
		k, ok := c.str(ep, e)
		if !ok {
			continue
		}
		norm := strings.ToLower(strings.TrimSpace(k))
		switch {
		case norm == "":
			c.add(e.off, ep, "must not be empty or blank")
		case utf8.RuneCountInString(k) > MaxKeywordLength:
			c.addf(e.off, ep, "is longer than %d characters", MaxKeywordLength)
		default:
			if j, dup := seen[norm]; dup {
				c.addf(e.off, ep, "duplicate of %s (keywords are case-insensitive)", index(path, j))
				continue
			}
			seen[norm] = i
			if c.keywordChars += utf8.RuneCountInString(k); c.keywordChars > MaxKeywordChars {
				c.add(e.off, ep, sizeMsg("brings the keywords of the policy to", c.keywordChars, MaxKeywordChars, "characters"))
				return out
			}
			out = append(out, k)
		}
	}
	return out
}

func (c *checker) allowList(path string, n *node) AllowList {
	var a AllowList
	f, ok := c.object(path, n, "Values", "Patterns")
	if !ok {
		return a
	}
	list := func(key string, check func(p string, e *node, s string) bool) []string {
		ln, ok := f[key]
		if !ok {
			return nil
		}
		lp := field(path, key)
		elems, ok := c.array(lp, ln)
		if !ok {
			return nil
		}
		if limit := map[string]int{"Values": MaxAllowValues, "Patterns": MaxAllowPatterns}[key]; len(elems) > limit {
			c.add(ln.off, lp, sizeMsg("has", len(elems), limit, "entries"))
			return nil
		}
		if key == "Patterns" {
			if c.allowPatterns += len(elems); c.allowPatterns > MaxAllowPatternsTotal {
				c.add(ln.off, lp, sizeMsg("brings the allow-list patterns of the policy to", c.allowPatterns, MaxAllowPatternsTotal, "in all"))
				return nil
			}
		}
		var out []string
		seen := map[string]int{}
		for i, e := range elems {
			ep := index(lp, i)
			s, ok := c.nonEmpty(ep, e)
			if !ok {
				continue
			}
			if utf8.RuneCountInString(s) > MaxAllowLength {
				c.addf(e.off, ep, "is longer than %d characters", MaxAllowLength)
				continue
			}
			if j, dup := seen[s]; dup {
				c.addf(e.off, ep, "duplicate of %s", index(lp, j))
				continue
			}
			seen[s] = i
			if check != nil && !check(ep, e, s) {
				continue
			}
			out = append(out, s)
		}
		return out
	}
	a.Values = list("Values", nil)
	a.Patterns = list("Patterns", func(p string, e *node, s string) bool {
		re, err := syntax.Parse(s, syntax.Perl)
		if err != nil {
			// The error code alone: the pattern may hold a value.
			msg := err.Error()
			if se, ok := err.(*syntax.Error); ok {
				msg = se.Code.String()
			}
			c.addf(e.off, p, "invalid regular expression: %s", msg)
			return false
		}
		prog, err := syntax.Compile(re.Simplify())
		if err != nil || len(prog.Inst) > MaxAllowPatternSize {
			size := MaxAllowPatternSize + 1
			if err == nil {
				size = len(prog.Inst)
			}
			c.add(e.off, p, sizeMsg("compiles to", size, MaxAllowPatternSize, "instructions"))
			return false
		}
		return true
	})
	return a
}

func (c *checker) mask(path string, n *node) *Mask {
	styleOK := func(p string, sn *node, s string) (mask.Style, bool) {
		st := mask.Style(s)
		if st.Params() != nil {
			return st, true
		}
		names := make([]string, len(maskStyles))
		for i, s := range maskStyles {
			names[i] = string(s)
		}
		c.addf(sn.off, p, "unknown mask style %q (styles: %s)", s, strings.Join(names, ", "))
		return "", false
	}
	switch n.kind {
	case kindString:
		st, ok := styleOK(path, n, n.str)
		if !ok {
			return nil
		}
		m := &Mask{Style: st}
		if st == mask.StylePartial {
			c.add(n.off, path, "partial needs KeepFirst or KeepLast; write it as an object")
			return nil
		}
		return m
	case kindObject:
	default:
		c.addf(n.off, path, "must be a mask style name or an object, not %s", n.kind)
		return nil
	}
	f, _ := c.object(path, n, maskFields...)
	sn := c.required(n, path, f, "Style")
	if sn == nil {
		return nil
	}
	s, ok := c.str(field(path, "Style"), sn)
	if !ok {
		return nil
	}
	st, ok := styleOK(field(path, "Style"), sn, s)
	if !ok {
		return nil
	}
	m := &Mask{Style: st}
	valid := true
	params := st.Params()
	for _, mb := range n.members {
		if mb.key == "Style" || !contains(maskFields, mb.key) || contains(params, mb.key) {
			continue
		}
		its := "it has none"
		if len(params) > 0 {
			its = "its parameters: " + strings.Join(params, ", ")
		}
		c.addf(mb.keyOff, field(path, mb.key), "not a parameter of mask style %q (%s)", st, its)
		valid = false
	}
	get := func(key string) (*node, string) {
		v, ok := f[key]
		if !ok || !contains(params, key) {
			return nil, ""
		}
		return v, field(path, key)
	}
	if v, p := get("Char"); v != nil {
		if s, ok := c.str(p, v); ok {
			if r, size := utf8.DecodeRuneInString(s); s == "" || size != len(s) || !unicode.IsGraphic(r) || unicode.IsSpace(r) {
				c.add(v.off, p, "must be exactly one visible character")
				valid = false
			} else if unicode.IsDigit(r) {
				c.add(v.off, p, "must be exactly one visible character, not a digit (a mask of digits can be a value itself)")
				valid = false
			} else {
				m.Char = s
			}
		} else {
			valid = false
		}
	}
	if v, p := get("Length"); v != nil {
		lo, hi := 1, mask.MaxFixedLength
		if st == mask.StyleHash {
			lo, hi = mask.MinHashLength, mask.MaxHashLength
		}
		var ok bool
		if m.Length, ok = c.integer(p, v, lo, hi); !ok {
			valid = false
		}
	}
	if v, p := get("KeepFirst"); v != nil {
		var ok bool
		if m.KeepFirst, ok = c.integer(p, v, 0, mask.MaxKeep); !ok {
			valid = false
		}
	}
	if v, p := get("KeepLast"); v != nil {
		var ok bool
		if m.KeepLast, ok = c.integer(p, v, 0, mask.MaxKeep); !ok {
			valid = false
		}
	}
	if st == mask.StylePartial && valid && m.KeepFirst == 0 && m.KeepLast == 0 {
		c.add(n.off, path, "partial needs KeepFirst or KeepLast greater than 0")
		valid = false
	}
	text := func(key string, min, max int) string {
		v, p := get(key)
		if v == nil {
			return ""
		}
		s, ok := c.str(p, v)
		if !ok {
			valid = false
			return ""
		}
		if l := utf8.RuneCountInString(s); l < min || l > max {
			c.addf(v.off, p, "must be %d to %d characters", min, max)
			valid = false
			return ""
		}
		return s
	}
	m.Text = text("Text", 1, mask.MaxTextLength)
	if !valid {
		return nil
	}
	return m
}

func unionStrings(a, b []string, key func(string) string) []string {
	var out []string
	seen := map[string]bool{}
	for _, list := range [][]string{a, b} {
		for _, s := range list {
			k := key(s)
			if !seen[k] {
				seen[k] = true
				out = append(out, s)
			}
		}
	}
	return out
}

func same(s string) string { return s }

func keywordKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

func unionAllow(a, b AllowList) AllowList {
	return AllowList{Values: unionStrings(a.Values, b.Values, same), Patterns: unionStrings(a.Patterns, b.Patterns, same)}
}
