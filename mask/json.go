package mask

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/internal/jsonwalk"
)

// JSON masks JSON log events value by value, so that a masked event is
// still valid JSON with the same structure: the same members with the same
// names in the same order, the same array lengths, and every byte outside
// masked values unchanged.
//
// # What is scanned
//
// Each string is decoded (escapes such as \", \u00e9, \/ and surrogate
// pairs resolved), scanned, masked, and what was masked is encoded again
// in place; the rest of the string keeps its original spelling. Each value
// is scanned with its member name and the names of the members around it
// as keywords (see FieldFindings): in {"user": {"ssn": "536-22-1234"}},
// "ssn" is the keyword that a social security number requires.
//
// Unless JSONOptions.FieldsOnly is set, the event's raw text is scanned as
// well, as CloudWatch Logs scans a JSON event, so that a keyword elsewhere
// in the event ({"type": "ssn", "value": "536-22-1234"}) still counts; a
// finding of that scan is kept only when it lies inside one string or
// number (it would otherwise cut through the structure).
//
// Member names are never masked, so that the structure is kept; true,
// false and null are not scanned.
//
// # Numbers
//
// Numbers are scanned as written ({"ssn": 536221234} is a finding). A
// masked number cannot stay a number ("*********" is not one), so a number
// with a finding is replaced by a string holding its masked text: the
// value's type changes from number to string, and only then. Set
// JSONOptions.SkipNumbers to leave numbers alone and keep every type.
//
// # Rules
//
// JSONOptions.Include and Exclude restrict scanning to parts of the event
// by path pattern ($.sessionState.intent.slots.*, $.messages[*].content,
// $..password; see the syntax below). A value is scanned when Include is
// empty or one of its patterns covers the value (matches its path or an
// ancestor's), and no Exclude pattern covers it.
//
// Path syntax: "$" is the root, ".name" a member (any characters but '.'
// and '['), ["name"] or ['name'] a member with any name, [3] an element,
// .* and [*] any member or element, and ..name (..*, ..[3]) a member at
// any depth.
//
// A JSON is safe for concurrent use.
type JSON struct {
	fd          Finder
	m           Masker
	include     []*jsonwalk.Pattern
	exclude     []*jsonwalk.Pattern
	skipNumbers bool
	fieldsOnly  bool
	pool        sync.Pool
}

// JSONOptions configures NewJSON.
type JSONOptions struct {
	// Include lists the path patterns of the values to scan; none means
	// every value.
	Include []string
	// Exclude lists path patterns of values never scanned, even when
	// included.
	Exclude []string
	// SkipNumbers leaves numbers unscanned, so that every value keeps its
	// type.
	SkipNumbers bool
	// FieldsOnly scans each value with its member names only, not the
	// event's raw text as well.
	FieldsOnly bool
}

// NewJSON returns a JSON masker that finds values with fd and masks them
// with m (Asterisk when nil). It reports invalid path patterns.
func NewJSON(fd Finder, m Masker, opts JSONOptions) (*JSON, error) {
	if fd == nil {
		return nil, errors.New("mask: NewJSON: nil Finder")
	}
	if m == nil {
		m = Asterisk
	}
	j := &JSON{fd: fd, m: m, skipNumbers: opts.SkipNumbers, fieldsOnly: opts.FieldsOnly}
	for _, s := range opts.Include {
		p, err := jsonwalk.ParsePattern(s)
		if err != nil {
			return nil, fmt.Errorf("mask: include rule: %w", err)
		}
		j.include = append(j.include, p)
	}
	for _, s := range opts.Exclude {
		p, err := jsonwalk.ParsePattern(s)
		if err != nil {
			return nil, fmt.Errorf("mask: exclude rule: %w", err)
		}
		j.exclude = append(j.exclude, p)
	}
	j.pool.New = func() any { return new(jsonScratch) }
	return j, nil
}

// JSONSyntaxError reports an event that is not JSON. It names the byte
// offset of the problem and does not quote the event.
type JSONSyntaxError struct {
	// Offset is the byte offset of the problem in the event.
	Offset int
	// Msg describes the problem.
	Msg string
}

func (e *JSONSyntaxError) Error() string {
	return fmt.Sprintf("mask: not JSON: byte %d: %s", e.Offset, e.Msg)
}

// JSONFinding is a finding in a JSON event.
type JSONFinding struct {
	// Finding's Start and End are byte offsets into the raw event: they
	// cover the value's bytes as written, escapes included (a finding
	// that would start or end inside an escape such as \u00e9 is widened
	// to the whole escape).
	detector.Finding
	// Path is the value's path, as $.user.ssn or $.messages[0].content.
	Path string
}

// Mask returns event masked; see AppendMask.
func (j *JSON) Mask(event []byte) ([]byte, error) {
	return j.AppendMask(make([]byte, 0, len(event)), event)
}

// AppendMask appends event, masked, to dst. When event is not one JSON
// value it returns dst unchanged and a *JSONSyntaxError. The output, given
// to AppendFindings, has no finding: a value that masking completed with
// its neighbours is masked again with asterisks.
func (j *JSON) AppendMask(dst, event []byte) ([]byte, error) {
	s := j.pool.Get().(*jsonScratch)
	defer j.pool.Put(s)
	s.edits, s.repl = s.edits[:0], s.repl[:0]
	err := j.walk(event, s, func(x *jsonLeaf) error {
		// Several identifiers may report one span (the detector reports
		// each); it is masked once, by the strongest finding.
		x.find = disjointFindings(x.find)
		rs := len(s.repl)
		masked := s.maskValue(x, j.m)
		var again bool
		masked, again = s.fs.rescan(masked, j.fd)
		switch {
		case x.kind == jsonwalk.Number || again:
			s.repl = jsonwalk.AppendQuote(s.repl, masked)
		default:
			// Splice: only masked spans are re-encoded.
			content := x.raw
			s.repl = append(s.repl, '"')
			pos := 0
			for i, f := range x.find {
				frs, fre, _, _ := jsonwalk.RawSpan(x.esc, f.Start, f.End)
				s.repl = append(s.repl, content[pos:frs]...)
				s.repl = jsonwalk.AppendEscaped(s.repl, masked[s.spans[i][0]:s.spans[i][1]])
				pos = fre
			}
			s.repl = append(s.repl, content[pos:]...)
			s.repl = append(s.repl, '"')
		}
		s.edits = append(s.edits, jsonEdit{start: x.start, end: x.end, rs: rs, re: len(s.repl)})
		return nil
	})
	if err != nil {
		return dst, err
	}
	pos := 0
	for _, e := range s.edits {
		dst = append(dst, event[pos:e.start]...)
		dst = append(dst, s.repl[e.rs:e.re]...)
		pos = e.end
	}
	return append(dst, event[pos:]...), nil
}

// AppendFindings appends the findings in event to dst, in document order.
// When event is not one JSON value it returns dst unchanged and a
// *JSONSyntaxError.
func (j *JSON) AppendFindings(dst []JSONFinding, event []byte) ([]JSONFinding, error) {
	s := j.pool.Get().(*jsonScratch)
	defer j.pool.Put(s)
	n := len(dst)
	err := j.walk(event, s, func(x *jsonLeaf) error {
		path := x.path.String()
		for _, f := range x.find {
			if x.kind == jsonwalk.String {
				f.Start, f.End, _, _ = jsonwalk.RawSpan(x.esc, f.Start, f.End)
			}
			f.Start += x.contentStart
			f.End += x.contentStart
			dst = append(dst, JSONFinding{Finding: f, Path: path})
		}
		return nil
	})
	if err != nil {
		return dst[:n], err
	}
	return dst, nil
}

// jsonScratch is per-call working memory, pooled.
type jsonScratch struct {
	fs     fieldScanner
	raw    []detector.Finding
	find   []detector.Finding
	cands  []detector.Finding
	names  []string
	dec    []byte
	esc    []jsonwalk.Escape
	masked []byte
	spans  [][2]int
	repl   []byte
	edits  []jsonEdit
	leaf   jsonLeaf
}

// jsonEdit replaces event[start:end] with repl[rs:re].
type jsonEdit struct{ start, end, rs, re int }

// jsonLeaf is a string or number with findings.
type jsonLeaf struct {
	kind         jsonwalk.Kind
	path         jsonwalk.Path
	start, end   int    // the literal in the event
	contentStart int    // offset of raw[0] in the event
	raw          []byte // the literal's content (a string's without quotes)
	value        []byte // the decoded value (a number's literal)
	esc          []jsonwalk.Escape
	find         []detector.Finding // in value, widened to whole escapes
}

// maskValue masks x.value with x.find and records each mask's span in
// s.spans.
func (s *jsonScratch) maskValue(x *jsonLeaf, m Masker) []byte {
	out := s.masked[:0]
	s.spans = s.spans[:0]
	pos := 0
	for _, f := range x.find {
		out = append(out, x.value[pos:f.Start]...)
		ms := len(out)
		out = m.AppendMask(out, x.value[f.Start:f.End], f)
		s.spans = append(s.spans, [2]int{ms, len(out)})
		pos = f.End
	}
	out = append(out, x.value[pos:]...)
	s.masked = out
	return out
}

func (j *JSON) covers(p jsonwalk.Path) bool {
	if len(j.include) > 0 && !slices.ContainsFunc(j.include, func(pat *jsonwalk.Pattern) bool { return pat.Covers(p) }) {
		return false
	}
	return !slices.ContainsFunc(j.exclude, func(pat *jsonwalk.Pattern) bool { return pat.Covers(p) })
}

// walk calls fn for each string or number in scope that has findings.
func (j *JSON) walk(event []byte, s *jsonScratch, fn func(*jsonLeaf) error) error {
	var raw []detector.Finding
	if !j.fieldsOnly {
		s.raw = j.fd.AppendFindings(s.raw[:0], event)
		raw = s.raw
	}
	ri := 0
	err := jsonwalk.Walk(event, func(l *jsonwalk.Leaf) error {
		if l.Kind != jsonwalk.String && (l.Kind != jsonwalk.Number || j.skipNumbers) {
			return nil
		}
		cs, ce := l.Start, l.End
		if l.Kind == jsonwalk.String {
			cs, ce = cs+1, ce-1
		}
		// Raw findings inside this value; those that started before it
		// were in names or cut through the structure.
		for ri < len(raw) && raw[ri].Start < cs {
			ri++
		}
		r0 := ri
		for ri < len(raw) && raw[ri].End <= ce {
			ri++
		}
		inside := raw[r0:ri]
		if cs == ce || !j.covers(l.Path) {
			return nil
		}
		x := &s.leaf
		*x = jsonLeaf{kind: l.Kind, path: l.Path, start: l.Start, end: l.End, contentStart: cs, raw: event[cs:ce]}
		x.value = x.raw
		if l.Escaped {
			s.dec, s.esc = jsonwalk.Unquote(s.dec[:0], s.esc[:0], event[l.Start:l.End])
			x.value, x.esc = s.dec, s.esc
		}
		s.names = s.names[:0]
		for _, st := range l.Path {
			if !st.IsIndex() {
				s.names = append(s.names, st.Key)
			}
		}
		s.find = s.fs.findings(s.find[:0], j.fd, s.names, x.value)
		if len(inside) > 0 {
			s.cands = append(s.cands[:0], s.find...)
			for _, f := range inside {
				f.Start, f.End, _, _ = jsonwalk.DecodedSpan(x.esc, f.Start-cs, f.End-cs)
				s.cands = append(s.cands, f)
			}
			s.find = resolveOverlaps(s.find[:0], s.cands)
		}
		if len(s.find) == 0 {
			return nil
		}
		x.find = widen(s.find, x.esc)
		if len(x.find) == 0 {
			return nil
		}
		return fn(x)
	})
	var se *jsonwalk.SyntaxError
	if errors.As(err, &se) {
		return &JSONSyntaxError{Offset: se.Offset, Msg: se.Msg}
	}
	return err
}

// disjointFindings drops, in place, the findings of find (sorted by Start)
// that start before the end of the one kept before them.
func disjointFindings(find []detector.Finding) []detector.Finding {
	out := find[:0]
	end := 0
	for _, f := range find {
		if f.Start < end {
			continue
		}
		out = append(out, f)
		end = f.End
	}
	return out
}

// widen moves finding edges inside an escape's decoded bytes to the
// escape's edges, so that each finding maps to whole escapes, and drops
// what that makes overlap.
func widen(find []detector.Finding, esc []jsonwalk.Escape) []detector.Finding {
	if len(esc) == 0 {
		return find
	}
	out := find[:0]
	prevEnd := 0
	for _, f := range find {
		_, _, f.Start, f.End = jsonwalk.RawSpan(esc, f.Start, f.End)
		f.Start = max(f.Start, prevEnd)
		if f.Start >= f.End {
			continue
		}
		out = append(out, f)
		prevEnd = f.End
	}
	return out
}

// resolveOverlaps appends to dst the strongest of overlapping candidates
// (higher score, then longer, then earlier), sorted by Start. It reorders
// cands.
func resolveOverlaps(dst, cands []detector.Finding) []detector.Finding {
	slices.SortStableFunc(cands, func(a, b detector.Finding) int {
		switch {
		case a.Score != b.Score:
			if a.Score > b.Score {
				return -1
			}
			return 1
		case a.End-a.Start != b.End-b.Start:
			return (b.End - b.Start) - (a.End - a.Start)
		}
		return a.Start - b.Start
	})
	n := len(dst)
	for _, f := range cands {
		if f.Start >= f.End {
			continue
		}
		overlaps := false
		for _, g := range dst[n:] {
			if f.Start < g.End && g.Start < f.End {
				overlaps = true
				break
			}
		}
		if !overlaps {
			dst = append(dst, f)
		}
	}
	slices.SortFunc(dst[n:], func(a, b detector.Finding) int { return a.Start - b.Start })
	return dst
}

// UnmaskJSON restores the values t's tokens hold in a JSON event that a
// JSON masker with a Tokenizer produced: each string holding a token is
// decoded, unmasked and encoded again, so that a restored value with a
// quote or a line break keeps the event valid. (A number that masking
// turned into a string stays a string.) It returns nil and a
// *JSONSyntaxError for an event that is not JSON, or a *TokenError whose
// Offset is the byte offset in event of the string holding the first bad
// token.
func UnmaskJSON(t *Tokenizer, event []byte) ([]byte, error) {
	if !bytes.Contains(event, []byte("pii:")) {
		return bytes.Clone(event), nil
	}
	var out, dec []byte
	pos := 0
	err := jsonwalk.Walk(event, func(l *jsonwalk.Leaf) error {
		if l.Kind != jsonwalk.String {
			return nil
		}
		lit := event[l.Start:l.End]
		if !bytes.Contains(lit, []byte("pii:")) {
			return nil
		}
		var esc []jsonwalk.Escape
		dec, esc = jsonwalk.Unquote(dec[:0], nil, lit)
		if !bytes.Contains(dec, []byte(TokenPrefix)) {
			return nil
		}
		plain, err := t.Unmask(dec)
		if err != nil {
			var te *TokenError
			if errors.As(err, &te) {
				rs, _, _, _ := jsonwalk.RawSpan(esc, te.Offset, te.Offset)
				return &TokenError{Offset: l.Start + 1 + rs, Err: te.Err}
			}
			return err
		}
		out = append(out, event[pos:l.Start]...)
		out = jsonwalk.AppendQuote(out, plain)
		clear(plain)
		pos = l.End
		return nil
	})
	if err != nil {
		var se *jsonwalk.SyntaxError
		if errors.As(err, &se) {
			return nil, &JSONSyntaxError{Offset: se.Offset, Msg: se.Msg}
		}
		return nil, err
	}
	return append(out, event[pos:]...), nil
}
