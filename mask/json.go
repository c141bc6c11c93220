package mask

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/piiguard/piiguard/internal/jsonwalk"
	"github.com/piiguard/piiguard/internal/uniquename"
	"github.com/piiguard/piiguard/pii"
)

// JSON masks JSON log events value by value, so that a masked event is
// still valid JSON with the same structure: the same members in the same
// order, with unique names, the same array lengths, and every byte
// outside masked values and names unchanged.
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
// Member names are text too, and are scanned and masked as string values
// are, with the names around them as keywords; see "Masked member names"
// in AppendMask's documentation for how names are kept unique. true,
// false and null are not scanned.
//
// # Masking until nothing is found
//
// Masking an event changes its text: a masked member name is context for
// the values under it, and a hash, token or placeholder writes an
// identifier name, which can be a keyword ("<hash:Ssn-US:...>" holds
// "Ssn"). AppendMask therefore scans its result again, as AppendFindings
// would, and masks what it finds, its earlier masks opaque, until nothing
// is found: an event with findings costs about one more scan of its text.
// The passes are bounded: should the event still hold a finding after
// eight (a chain of values, each near a keyword that the mask of the one
// before it wrote, as "<hash:Ssn-US:...>" holds "Ssn"), every string,
// number and member name in scope is masked whole, its tokens and hashes
// excepted, by the masker (a Partial masking as Fixed does, keeping
// nothing), which leaves nothing to find but masks.
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
// ancestor's), and no Exclude pattern covers it; a member name is scanned
// when its member's value would be.
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

// maxPathLength bounds JSONFinding.Path.
const maxPathLength = 1024

// JSONFinding is a finding in a JSON event.
type JSONFinding struct {
	// Finding's Start and End are byte offsets into the raw event: they
	// cover the value's bytes as written, escapes included (a finding
	// that would start or end inside an escape such as \u00e9 is widened
	// to the whole escape).
	pii.Finding
	// Path is the value's path, as $.user.ssn or $.messages[0].content.
	// A path that would take more than 1024 bytes, or more than 63
	// steps, is abbreviated to a pattern (JSONOptions.Include's syntax)
	// that still matches it: a member name of more than 254 bytes is
	// written .* (any member), and the steps that do not fit before the
	// last ones are written $.. (at any depth), as in $..k8999.mail.
	Path string
	// InName reports a finding in the member name at Path rather than in
	// its value.
	InName bool
}

// Mask returns event masked; see AppendMask.
func (j *JSON) Mask(event []byte) ([]byte, error) {
	return j.AppendMask(make([]byte, 0, len(event)), event)
}

// AppendMask appends event, masked, to dst. When event is not one JSON
// value it returns dst unchanged and a *JSONSyntaxError. The output, given
// to AppendFindings, has no finding: what masking made appear is masked
// too (see the type's documentation).
//
// Masked member names: masking can make two names of one object equal
// (two addresses of one length become the same asterisks) or equal to a
// name that was not masked. A masked name that equals a name already
// present in its object (any name that was not masked, or a masked name
// before it) is given the suffix "~b", or "~c", "~d", ... the first that
// makes it unique: the count in base 26 written with the letters a to z.
// The suffix depends only on the event, so equal events mask equally.
func (j *JSON) AppendMask(dst, event []byte) ([]byte, error) {
	return j.appendMask(dst, event, nil)
}

// AppendMaskField appends event, masked, to dst, event being the value of
// a field whose name, and the names of the fields enclosing it, are names
// (outermost first): they count as keywords, and as the start of every
// path for JSONOptions.Include and Exclude, as if event were found at
// $.names[0].names[1]... of a larger event. Otherwise it is AppendMask.
func (j *JSON) AppendMaskField(dst []byte, names []string, event []byte) ([]byte, error) {
	prefix := make(jsonwalk.Path, len(names))
	for i, n := range names {
		prefix[i] = jsonwalk.Step{Key: n, Index: -1}
	}
	return j.appendMask(dst, event, prefix)
}

// maxJSONRounds bounds how often appendMask masks an event before its
// last step.
const maxJSONRounds = 8

func (j *JSON) appendMask(dst, event []byte, prefix jsonwalk.Path) ([]byte, error) {
	s := j.pool.Get().(*jsonScratch)
	defer j.pool.Put(s)
	out, changed, err := j.maskOnce(nil, event, prefix, s, false)
	if err != nil {
		return dst, err
	}
	if !changed {
		return append(dst, event...), nil
	}
	// Masking changed the event's text: a masked member name becomes
	// context for what it holds, and a mask names its identifier, which
	// can be a keyword ("<hash:Ssn-US:...>" holds "Ssn"). Mask the result
	// again, its masks opaque, until it has no finding.
	for round := 1; ; round++ {
		s.prevMasked = append(s.prevMasked[:0], s.maskedNames...)
		next, changed, err := j.maskOnce(nil, out, prefix, s, true)
		if err != nil || !changed {
			break
		}
		if round < maxJSONRounds {
			out = next
			continue
		}
		// Still a finding after maxJSONRounds: a chain of values that
		// each mask uncovers one more of can outrun any number of
		// passes. Mask every value and name in scope whole, keeping
		// only the tokens and hashes.
		s.whole, s.wholeFinding = true, s.first
		next, _, err = j.maskOnce(nil, out, prefix, s, true)
		s.whole = false
		if err == nil {
			out = next
		}
		break
	}
	return append(dst, out...), nil
}

// maskOnce appends event masked once to dst and reports whether anything
// was masked. With own, the masks this package writes that event already
// holds (tokens and hashes, recognised by their syntax) are opaque.
func (j *JSON) maskOnce(dst, event []byte, prefix jsonwalk.Path, s *jsonScratch, own bool) ([]byte, bool, error) {
	s.edits, s.repl, s.renamed = s.edits[:0], s.repl[:0], s.renamed[:0]
	s.own = own
	s.haveFirst = false
	clear(s.nameMasked)
	scan := func(dst []pii.Finding, b []byte) []pii.Finding {
		return s.fs.scan(dst, j.fd, b)
	}
	m := j.m
	if s.whole {
		m = noClear{m}
	}
	if own {
		m = keepOwn{m}
	}
	err := j.walk(event, prefix, s, func(x *jsonLeaf) error {
		// Several identifiers may report one span (the detector reports
		// each); it is masked once, by the strongest finding.
		x.find = disjointFindings(x.find)
		if !s.haveFirst {
			for _, f := range x.find {
				if f.Score != keepFinding {
					s.first, s.haveFirst = f, true
					break
				}
			}
		}
		rs := len(s.repl)
		masked, again := s.fx.appendFixpoint(s.masked[:0], x.value, x.find, m, scan)
		s.masked = masked
		switch {
		case x.kind == jsonwalk.Name:
			// Names are re-encoded whole, once they are known to be
			// unique (see resolveNames).
			s.renamed = append(s.renamed, jsonRename{object: x.object, edit: len(s.edits), name: string(masked)})
		case x.kind == jsonwalk.Number || again || len(s.fx.spans) != len(x.find):
			s.repl = jsonwalk.AppendQuote(s.repl, masked)
		default:
			// Splice: only masked spans are re-encoded.
			content := x.raw
			s.repl = append(s.repl, '"')
			pos := 0
			for i, f := range x.find {
				frs, fre, _, _ := jsonwalk.RawSpan(x.esc, f.Start, f.End)
				s.repl = append(s.repl, content[pos:frs]...)
				sp := s.fx.spans[i]
				s.repl = jsonwalk.AppendEscaped(s.repl, masked[sp.start:sp.end])
				pos = fre
			}
			s.repl = append(s.repl, content[pos:]...)
			s.repl = append(s.repl, '"')
		}
		s.edits = append(s.edits, jsonEdit{start: x.start, end: x.end, rs: rs, re: len(s.repl), name: x.kind == jsonwalk.Name})
		return nil
	})
	if err != nil {
		return dst, false, err
	}
	if len(s.edits) == 0 {
		return append(dst, event...), false, nil
	}
	if len(s.renamed) > 0 {
		s.resolveNames(event)
	}
	pos := 0
	changed := false
	s.maskedNames = s.maskedNames[:0]
	for _, e := range s.edits {
		dst = append(dst, event[pos:e.start]...)
		if e.name {
			s.maskedNames = append(s.maskedNames, len(dst))
		}
		dst = append(dst, s.repl[e.rs:e.re]...)
		changed = changed || string(event[e.start:e.end]) != string(s.repl[e.rs:e.re])
		pos = e.end
	}
	return append(dst, event[pos:]...), changed, nil
}

// keepFinding marks a finding that stands for a mask already in the text:
// keepOwn copies it unchanged, and it is opaque to rescans.
const keepFinding = -2

// keepOwn masks with m, except findings marked keepFinding, which it
// copies.
type keepOwn struct{ m Masker }

func (k keepOwn) AppendMask(dst, value []byte, f pii.Finding) []byte {
	if f.Score == keepFinding {
		return append(dst, value...)
	}
	return k.m.AppendMask(dst, value, f)
}

// withOwnMasks returns find, sorted and not overlapping, cut around the
// tokens and hashes in value and merged with them, marked keepFinding.
func (s *jsonScratch) withOwnMasks(find []pii.Finding, value []byte) []pii.Finding {
	s.ownSpans = appendOwnMasks(s.ownSpans[:0], value)
	if len(s.ownSpans) == 0 {
		return find
	}
	s.cands = s.cands[:0]
	oi := 0
	for _, f := range find {
		st := f.Start
		for ; oi < len(s.ownSpans) && s.ownSpans[oi].start < f.End; oi++ {
			o := s.ownSpans[oi]
			if o.start > st {
				g := f
				g.Start, g.End = st, o.start
				s.cands = append(s.cands, g)
			}
			if o.end > st {
				st = o.end
			}
			if o.end > f.End {
				break
			}
		}
		if st < f.End {
			g := f
			g.Start = st
			s.cands = append(s.cands, g)
		}
	}
	for _, o := range s.ownSpans {
		s.cands = append(s.cands, pii.Finding{Start: o.start, End: o.end, Score: keepFinding})
	}
	slices.SortFunc(s.cands, func(a, b pii.Finding) int { return a.Start - b.Start })
	// Drop pieces that a mask covers (a finding inside a mask).
	out := find[:0]
	end := 0
	for _, f := range s.cands {
		if f.Start < end || f.Start >= f.End && f.Score != keepFinding {
			continue
		}
		out = append(out, f)
		end = f.End
	}
	return out
}

// appendOwnMasks appends the places of the tokens and hashes in b,
// recognised by their syntax.
func appendOwnMasks(dst []span, b []byte) []span {
	for i := 0; i < len(b); {
		k := bytes.IndexByte(b[i:], '<')
		if k < 0 {
			break
		}
		i += k
		if n := ownMaskLength(b[i:]); n > 0 {
			dst = append(dst, span{start: i, end: i + n})
			i += n
			continue
		}
		i++
	}
	return dst
}

// ownMaskLength returns the length of the token or hash at the start of
// b, or 0.
func ownMaskLength(b []byte) int {
	var head int
	var digit func(byte) bool
	switch {
	case bytes.HasPrefix(b, []byte("<pii:v2:")):
		head, digit = len("<pii:v2:"), isDigestByte
	case bytes.HasPrefix(b, []byte("<hash:")):
		head, digit = len("<hash:"), isHashDigit
	default:
		return 0
	}
	i := head
	for i < len(b) && i-head <= maxIdentifierLength && isIdentifierByte(b[i]) {
		i++
	}
	if i == head || i-head > maxIdentifierLength || i >= len(b) || b[i] != ':' {
		return 0
	}
	d := i + 1
	for d < len(b) && digit(b[d]) {
		d++
	}
	if d == i+1 || d >= len(b) || b[d] != '>' {
		return 0
	}
	return d + 1
}

// isHashDigit reports whether c is one of hashDigits.
func isHashDigit(c byte) bool {
	return c >= 'a' && c <= 'k' || c == 'o' || c == 'w' || c == 'x' || c == 'y' || c == 'z'
}

// jsonRename is a masked member name awaiting its final spelling.
type jsonRename struct {
	object int    // offset of the object's '{'
	edit   int    // index of its edit
	name   string // masked, decoded
}

// resolveNames makes the masked names unique within their objects and
// writes their edits.
func (s *jsonScratch) resolveNames(event []byte) {
	objects := map[int]map[string]bool{} // object -> names taken
	masked := map[int]bool{}             // edit start -> the name is masked
	for _, r := range s.renamed {
		objects[r.object] = map[string]bool{}
		masked[s.edits[r.edit].start] = true
	}
	// The names that stay as they are.
	jsonwalk.WalkOptions(event, jsonwalk.Options{Names: true}, func(l *jsonwalk.Leaf) error {
		if l.Kind != jsonwalk.Name || masked[l.Start] {
			return nil
		}
		if taken, ok := objects[l.Object]; ok {
			taken[l.Path[len(l.Path)-1].Key] = true
		}
		return nil
	})
	unique := map[int]*uniquename.Set{}
	for _, r := range s.renamed {
		u := unique[r.object]
		if u == nil {
			u = uniquename.NewSet(objects[r.object])
			unique[r.object] = u
		}
		name := u.Name(r.name)
		e := &s.edits[r.edit]
		e.rs = len(s.repl)
		s.repl = jsonwalk.AppendQuote(s.repl, []byte(name))
		e.re = len(s.repl)
	}
}

// UniqueName returns name, or when taken holds it, name with the first
// suffix "~b", "~c", ... "~z", "~ba", ... (a count in base 26 written
// with the letters a to z) that taken does not hold; it adds the result to
// taken. This is the rule by which masked JSON member names and slog
// attribute keys stay unique: it depends only on the names, so equal
// events mask equally. (Making many names unique among one set, JSON and
// slogmask remember where each name's search stopped, and give the same
// names in time linear in their number.)
func UniqueName(name string, taken map[string]bool) string {
	return uniquename.NewSet(taken).Name(name)
}

// AppendFindings appends the findings in event to dst, in document order,
// member names included (JSONFinding.InName). As a Finder's, findings of
// different spans do not overlap, and every identifier that matches a
// span gives one finding for it, strongest first (AppendMask masks the
// span once). When event is not one JSON value it returns dst unchanged
// and a *JSONSyntaxError.
func (j *JSON) AppendFindings(dst []JSONFinding, event []byte) ([]JSONFinding, error) {
	s := j.pool.Get().(*jsonScratch)
	defer j.pool.Put(s)
	s.own = false
	n := len(dst)
	err := j.walk(event, nil, s, func(x *jsonLeaf) error {
		path := x.path.StringMax(maxPathLength)
		for _, f := range x.find {
			if x.kind != jsonwalk.Number {
				f.Start, f.End, _, _ = jsonwalk.RawSpan(x.esc, f.Start, f.End)
			}
			f.Start += x.contentStart
			f.End += x.contentStart
			dst = append(dst, JSONFinding{Finding: f, Path: path, InName: x.kind == jsonwalk.Name})
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
	fs      fieldScanner
	raw     []pii.Finding
	find    []pii.Finding
	cands   []pii.Finding
	res     resolver
	names   []string
	dec     []byte
	esc     []jsonwalk.Escape
	masked  []byte
	repl    []byte
	edits   []jsonEdit
	renamed []jsonRename
	fx      fixpoint
	own     bool // maskOnce keeps the masks the event holds
	// outerCtx is the context of the container of the last leaf walked.
	outerCtx struct {
		outerContext
		valid bool
		// stack holds the matches of the prefixes of the last container
		// path matched, matched steps long, of which the walk has left
		// the first unchanged steps as they were (see matchPath).
		stack              []jsonwalk.Match
		matched, unchanged int
	}
	// whole makes walk give every leaf in scope as one finding, of the
	// identifier of wholeFinding (appendMask's last step).
	whole        bool
	wholeFinding pii.Finding
	// first is the first finding the last maskOnce masked, if haveFirst.
	first     pii.Finding
	haveFirst bool
	ownSpans  []span // their places in a leaf
	// maskedNames are the offsets, in the output of the last maskOnce,
	// of the member names it masked; a rescan scans the values under them
	// again with the names as they now are.
	maskedNames []int
	prevMasked  []int
	nameMasked  []bool // by depth: the current member name there was masked
	leaf        jsonLeaf
	// deep keeps the distinct names of a deep leaf's path step by step;
	// prepared says for which leaves s.fs was last prepared from them.
	deep     nameStack
	prepared struct {
		valid            bool
		container, depth int
		own              bool
		key              string
	}
}

// jsonEdit replaces event[start:end] with repl[rs:re].
type jsonEdit struct {
	start, end, rs, re int
	name               bool // a member name
}

// jsonLeaf is a string, number or member name with findings.
type jsonLeaf struct {
	kind         jsonwalk.Kind
	object       int // a name's object
	path         jsonwalk.Path
	start, end   int    // the literal in the event
	contentStart int    // offset of raw[0] in the event
	raw          []byte // the literal's content (a string's without quotes)
	value        []byte // the decoded value (a number's literal)
	esc          []jsonwalk.Escape
	find         []pii.Finding // in value, widened to whole escapes
}

// covers reports whether the rules select l, from the matches of its
// container's path (outerContext) and its last step.
func (j *JSON) covers(s *jsonScratch, l *jsonwalk.Leaf) bool {
	if len(j.include) == 0 && len(j.exclude) == 0 {
		return true
	}
	o := s.outer(j, l)
	covered := func(pats []*jsonwalk.Pattern, ms []jsonwalk.Match) bool {
		for i, pat := range pats {
			m := ms[i]
			if n := len(l.Path); n > 0 {
				m = pat.Next(m, l.Path[n-1])
			}
			if m.Covered() {
				return true
			}
		}
		return false
	}
	if len(j.include) > 0 && !covered(j.include, o.include) {
		return false
	}
	return !covered(j.exclude, o.exclude)
}

// walk calls fn for each string, number or member name in scope that has
// findings; prefix starts every path.
func (j *JSON) walk(event []byte, prefix jsonwalk.Path, s *jsonScratch, fn func(*jsonLeaf) error) error {
	var raw []pii.Finding
	if !j.fieldsOnly && !s.whole {
		s.raw = j.fd.AppendFindings(s.raw[:0], event)
		raw = s.raw
	}
	ri := 0
	s.outerCtx.valid = false
	s.outerCtx.stack = s.outerCtx.stack[:0]
	s.outerCtx.matched, s.outerCtx.unchanged = 0, 0
	s.deep.reset()
	s.prepared.valid = false
	opts := jsonwalk.Options{Names: true, Prefix: prefix}
	err := jsonwalk.WalkOptions(event, opts, func(l *jsonwalk.Leaf) error {
		s.follow(l)
		if l.Kind != jsonwalk.String && l.Kind != jsonwalk.Name && (l.Kind != jsonwalk.Number || j.skipNumbers) {
			return nil
		}
		cs, ce := l.Start, l.End
		if l.Kind != jsonwalk.Number {
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
		if s.own && l.Kind == jsonwalk.Name {
			d := len(l.Path)
			for len(s.nameMasked) <= d {
				s.nameMasked = append(s.nameMasked, false)
			}
			_, s.nameMasked[d] = slices.BinarySearch(s.prevMasked, l.Start)
		}
		if cs == ce || !j.covers(s, l) {
			return nil
		}
		if s.whole {
			x := &s.leaf
			*x = jsonLeaf{kind: l.Kind, object: l.Object, path: l.Path, start: l.Start, end: l.End, contentStart: cs, raw: event[cs:ce]}
			x.value = x.raw
			if l.Escaped {
				s.dec, s.esc = jsonwalk.Unquote(s.dec[:0], s.esc[:0], event[l.Start:l.End])
				x.value, x.esc = s.dec, s.esc
			}
			f := s.wholeFinding
			f.Start, f.End = 0, len(x.value)
			x.find = s.withOwnMasks(append(s.find[:0], f), x.value)
			s.find = x.find
			if !hasMaskable(x.find) {
				return nil
			}
			return fn(x)
		}
		if s.own && len(inside) == 0 && !s.contextMasked(l) {
			// A rescan: this leaf, its context unchanged, was masked
			// until its field scans found nothing; only the raw scan of
			// the masked event can find something new in it.
			return nil
		}
		x := &s.leaf
		*x = jsonLeaf{kind: l.Kind, object: l.Object, path: l.Path, start: l.Start, end: l.End, contentStart: cs, raw: event[cs:ce]}
		x.value = x.raw
		if l.Escaped {
			s.dec, s.esc = jsonwalk.Unquote(s.dec[:0], s.esc[:0], event[l.Start:l.End])
			x.value, x.esc = s.dec, s.esc
		}
		s.prepareNames(l)
		s.find = s.fs.scan(s.find[:0], j.fd, x.value)
		if len(inside) > 0 {
			s.cands = append(s.cands[:0], s.find...)
			for _, f := range inside {
				f.Start, f.End, _, _ = jsonwalk.DecodedSpan(x.esc, f.Start-cs, f.End-cs)
				s.cands = append(s.cands, f)
			}
			s.find = s.res.resolve(s.find[:0], s.cands)
		}
		if len(s.find) == 0 {
			return nil
		}
		x.find = widen(s.find, x.esc)
		if s.own {
			x.find = s.withOwnMasks(x.find, x.value)
		}
		if !hasMaskable(x.find) {
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

// follow notes, for what the scratch keeps step by step along a walk
// (the name stack, the matches of the container's path), how many steps
// of l's path the walk left unchanged. It must see every leaf walked.
func (s *jsonScratch) follow(l *jsonwalk.Leaf) {
	s.deep.unchanged = min(s.deep.unchanged, l.Unchanged)
	s.outerCtx.unchanged = min(s.outerCtx.unchanged, l.Unchanged)
}

// contextMasked reports whether a member name around l (for a name, a
// name enclosing it) was masked by the last maskOnce.
func (s *jsonScratch) contextMasked(l *jsonwalk.Leaf) bool {
	n := len(l.Path)
	if s.pathMasked(l, n-1) {
		return true
	}
	return n > 0 && l.Kind != jsonwalk.Name && !l.Path[n-1].IsIndex() && n < len(s.nameMasked) && s.nameMasked[n]
}

// outerContext is what the leaves of one container share: the matches of
// the container's path.
type outerContext struct {
	container, depth int // the container's offset, and its leaves' path length
	// include and exclude are the matches of the container's path by
	// JSONOptions.Include's and Exclude's patterns.
	include, exclude []jsonwalk.Match
}

// outer returns the context l shares with the other leaves of its
// container, computed once per container (a walk over the path would cost
// time in its depth for every leaf).
func (s *jsonScratch) outer(j *JSON, l *jsonwalk.Leaf) *outerContext {
	o := &s.outerCtx
	n := len(l.Path)
	if o.container == l.Container && o.depth == n && o.valid {
		return &o.outerContext
	}
	ctx := l.Path[:max(n-1, 0)]
	if len(j.include)+len(j.exclude) > 0 {
		s.matchPath(j, ctx)
	}
	o.container, o.depth, o.valid = l.Container, n, true
	return &o.outerContext
}

// matchPath sets the outer context's include and exclude to the matches
// of path by j's patterns. It keeps the matches of every prefix of the
// last path it was given, and steps on from the steps the walk left
// unchanged since (jsonwalk.Leaf.Unchanged, the least since then, which
// walk keeps in o.unchanged): matching is then incremental, each step
// pushed or popped once, and time stays linear in the event's size
// however deeply it nests (comparing each path with the last from the
// root would cost time in the depth for every container).
func (s *jsonScratch) matchPath(j *JSON, path jsonwalk.Path) {
	o := &s.outerCtx
	np := len(j.include) + len(j.exclude)
	k := 0
	if len(o.stack) == 0 {
		for _, pat := range j.include {
			o.stack = append(o.stack, pat.Start())
		}
		for _, pat := range j.exclude {
			o.stack = append(o.stack, pat.Start())
		}
	} else {
		k = min(o.unchanged, o.matched, len(path))
	}
	o.stack = o.stack[:(k+1)*np]
	for d := k; d < len(path); d++ {
		prev := o.stack[d*np : (d+1)*np]
		for i, pat := range j.include {
			o.stack = append(o.stack, pat.Next(prev[i], path[d]))
		}
		for i, pat := range j.exclude {
			o.stack = append(o.stack, pat.Next(prev[len(j.include)+i], path[d]))
		}
	}
	o.matched, o.unchanged = len(path), len(path)
	last := o.stack[len(path)*np:]
	o.include, o.exclude = last[:len(j.include)], last[len(j.include):]
}

// pathMasked reports whether a member name of l's path, at depths 1 to
// n, was masked by the last maskOnce.
func (s *jsonScratch) pathMasked(l *jsonwalk.Leaf, n int) bool {
	if n > shallowPath {
		return s.deepPathMasked(l, n)
	}
	for d := 1; d <= n && d < len(s.nameMasked); d++ {
		if !l.Path[d-1].IsIndex() && s.nameMasked[d] {
			return true
		}
	}
	return false
}

// deepPathMasked is pathMasked for a deep path, of which the name stack
// keeps the answer by depth, looking again at the steps the walk changed
// only, so that time stays linear in the depth.
func (s *jsonScratch) deepPathMasked(l *jsonwalk.Leaf, n int) bool {
	s.deep.sync(l.Path[:n], s.nameMasked)
	return s.deep.masked()
}

// hasMaskable reports whether find holds a finding to mask, not only
// masks to keep.
func hasMaskable(find []pii.Finding) bool {
	for _, f := range find {
		if f.Score != keepFinding {
			return true
		}
	}
	return false
}

// disjointFindings drops, in place, the findings of find (sorted by Start)
// that start before the end of the one kept before them.
func disjointFindings(find []pii.Finding) []pii.Finding {
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
// what that makes overlap the span before it. The findings of one span
// (several identifiers matching one value) keep one span.
func widen(find []pii.Finding, esc []jsonwalk.Escape) []pii.Finding {
	if len(esc) == 0 {
		return find
	}
	out := find[:0]
	prevEnd := 0
	var spanStart, spanEnd int // the last kept span, before widening
	for _, f := range find {
		if len(out) > 0 && f.Start == spanStart && f.End == spanEnd {
			f.Start, f.End = out[len(out)-1].Start, out[len(out)-1].End
			out = append(out, f)
			continue
		}
		start, end := f.Start, f.End
		_, _, f.Start, f.End = jsonwalk.RawSpan(esc, f.Start, f.End)
		f.Start = max(f.Start, prevEnd)
		if f.Start >= f.End {
			continue
		}
		out = append(out, f)
		prevEnd = f.End
		spanStart, spanEnd = start, end
	}
	return out
}

// UnmaskJSON restores the values t's tokens hold in a JSON event that a
// JSON masker with a Tokenizer produced: each string holding a token,
// member names included, is decoded, unmasked and encoded again, so that
// a restored value with a quote or a line break keeps the event valid. (A
// number that masking turned into a string stays a string; a member name
// that masking gave a suffix to keep names unique keeps it, after the
// restored value.) It returns nil and a *JSONSyntaxError for an event that
// is not JSON. A token it cannot open is left as it was, every other
// token is restored, and the event comes back with an *UnmaskError whose
// offsets are those, in event, of the strings holding the bad tokens.
func UnmaskJSON(t *Tokenizer, event []byte) ([]byte, error) {
	if !bytes.Contains(event, []byte("pii:")) {
		return bytes.Clone(event), nil
	}
	var out, dec []byte
	var bad *UnmaskError
	pos := 0
	err := jsonwalk.WalkOptions(event, jsonwalk.Options{Names: true}, func(l *jsonwalk.Leaf) error {
		if l.Kind != jsonwalk.String && l.Kind != jsonwalk.Name {
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
			var ue *UnmaskError
			if !errors.As(err, &ue) {
				return err
			}
			if bad == nil {
				bad = &UnmaskError{}
			}
			for _, te := range ue.Tokens {
				rs, _, _, _ := jsonwalk.RawSpan(esc, te.Offset, te.Offset)
				bad.add(&TokenError{Offset: l.Start + 1 + rs, Err: te.Err})
			}
			bad.Count += ue.Count - len(ue.Tokens)
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
	out = append(out, event[pos:]...)
	if bad != nil {
		return out, bad
	}
	return out, nil
}

// shallowPath is the path length up to which a leaf's context names are
// read from its path (the common case, and cheaper than keeping them);
// the names of a longer path are kept in a nameStack, step by step.
const shallowPath = 16

// prepareNames prepares s.fs for the context of l: a member name's
// context is the names around it; a value's, those and its own member
// name.
func (s *jsonScratch) prepareNames(l *jsonwalk.Leaf) {
	n := len(l.Path)
	own := n > 0 && l.Kind != jsonwalk.Name && !l.Path[n-1].IsIndex()
	if n <= shallowPath {
		ctx := l.Path
		if !own {
			ctx = ctx[:max(n-1, 0)]
		}
		s.names = s.names[:0]
		for _, st := range ctx {
			if !st.IsIndex() {
				s.names = append(s.names, st.Key)
			}
		}
		s.fs.prepare(s.names)
		s.prepared.valid = false
		return
	}
	// The values of one object or array share their names: a deep path's
	// groups are made once for them, or for each member.
	p := &s.prepared
	key := ""
	if own {
		key = l.Path[n-1].Key
	}
	if p.valid && p.container == l.Container && p.depth == n && p.own == own && p.key == key {
		return
	}
	s.deep.sync(l.Path[:n-1], s.nameMasked)
	s.names = s.deep.appendNames(s.names[:0])
	if own {
		s.names = append(s.names, key)
	}
	s.fs.prepare(s.names)
	p.valid, p.container, p.depth, p.own, p.key = true, l.Container, n, own, key
}

// A nameStack holds the member names of a path as phrases (see
// FieldFindings), one node per step, and links those that are the
// innermost of their phrase, so that the innermost maxFieldPhrases
// distinct names are found in time independent of the depth however
// often names repeat. It is kept step by step along a walk
// (jsonwalk.Leaf.Unchanged): a step pushed unlinks the node of its
// phrase further out, and popping it links that node back where it was
// (the walk pops in the reverse order of its pushes).
type nameStack struct {
	nodes []nameNode
	top   int            // innermost linked node, or -1
	last  map[string]int // phrase -> its linked node
	// unchanged is how many nodes the walk has not changed since sync.
	unchanged int
}

// nameNode is a step; a member name with a non-empty phrase is linked
// while it is the innermost of its phrase.
type nameNode struct {
	phrase     string
	name       bool
	prev, next int // the linked nodes further out and further in, or -1
	shadowed   int // the node of the phrase this one unlinked, or -1
	// masked says whether a member name of the path, to this step, was
	// masked by the last maskOnce.
	masked bool
}

func (ns *nameStack) reset() {
	ns.nodes = ns.nodes[:0]
	ns.top = -1
	if len(ns.last) > 0 {
		clear(ns.last)
	}
	ns.unchanged = 0
}

// sync makes the stack hold path, of which the walk left the first
// ns.unchanged steps unchanged since the last sync; nameMasked says, by
// depth, whether the path's member name there was masked (see
// jsonScratch.nameMasked).
func (ns *nameStack) sync(path jsonwalk.Path, nameMasked []bool) {
	for len(ns.nodes) > min(ns.unchanged, len(path)) {
		ns.pop()
	}
	for _, st := range path[len(ns.nodes):] {
		ns.push(st, nameMasked)
	}
	ns.unchanged = len(path)
}

// masked reports whether a member name of the path was masked.
func (ns *nameStack) masked() bool {
	return len(ns.nodes) > 0 && ns.nodes[len(ns.nodes)-1].masked
}

func (ns *nameStack) push(st jsonwalk.Step, nameMasked []bool) {
	d := len(ns.nodes)
	masked := d > 0 && ns.nodes[d-1].masked ||
		!st.IsIndex() && d+1 < len(nameMasked) && nameMasked[d+1]
	var p string
	if !st.IsIndex() {
		p = phrase(st.Key)
	}
	if p == "" {
		ns.nodes = append(ns.nodes, nameNode{prev: -1, next: -1, shadowed: -1, masked: masked})
		return
	}
	x := nameNode{phrase: p, name: true, shadowed: -1, next: -1, masked: masked}
	if i, ok := ns.last[p]; ok {
		ns.unlink(i)
		x.shadowed = i
	}
	x.prev = ns.top
	if ns.top >= 0 {
		ns.nodes[ns.top].next = d
	}
	ns.top = d
	if ns.last == nil {
		ns.last = map[string]int{}
	}
	ns.last[p] = d
	ns.nodes = append(ns.nodes, x)
}

func (ns *nameStack) pop() {
	d := len(ns.nodes) - 1
	x := ns.nodes[d]
	ns.nodes = ns.nodes[:d]
	if !x.name {
		return
	}
	ns.top = x.prev // x is the innermost node: it is linked last
	if ns.top >= 0 {
		ns.nodes[ns.top].next = -1
	}
	if i := x.shadowed; i >= 0 {
		ns.relink(i)
		ns.last[x.phrase] = i
	} else {
		delete(ns.last, x.phrase)
	}
}

func (ns *nameStack) unlink(i int) {
	x := &ns.nodes[i]
	if x.prev >= 0 {
		ns.nodes[x.prev].next = x.next
	}
	if x.next >= 0 {
		ns.nodes[x.next].prev = x.prev
	} else {
		ns.top = x.prev
	}
}

// relink links node i back between the nodes it was unlinked from, as
// they are again.
func (ns *nameStack) relink(i int) {
	x := &ns.nodes[i]
	if x.prev >= 0 {
		ns.nodes[x.prev].next = i
	}
	if x.next >= 0 {
		ns.nodes[x.next].prev = i
	} else {
		ns.top = i
	}
}

// appendNames appends the innermost maxFieldPhrases distinct phrases,
// outermost first.
func (ns *nameStack) appendNames(dst []string) []string {
	k := len(dst)
	for i := ns.top; i >= 0 && len(dst)-k < maxFieldPhrases; i = ns.nodes[i].prev {
		dst = append(dst, ns.nodes[i].phrase)
	}
	slices.Reverse(dst[k:])
	return dst
}
