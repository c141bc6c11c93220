package piiguardprocessor

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"go.opentelemetry.io/collector/pdata/pcommon"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/internal/uniquename"
	"github.com/piiguard/piiguard/mask"
)

// What is scanned.
//
// A record is a log record (its body and attributes), a span (its
// attributes and the attributes of its events) or a resource (its
// attributes). A record is checked before it is scanned: when a value to
// scan is not valid UTF-8, the values to scan hold more than
// max_record_bytes, or maps and slices nest more than maxDepth deep, the
// record is not scanned and is counted as an error. It is never dropped,
// and never passed on in clear: in mask mode every value that would have
// been scanned is masked whole (a map or slice nested too deep becomes
// one masked string); in audit mode it is left as it is.
//
// Values by type:
//   - a string body is scanned as text, exactly as `piiguard mask` scans a
//     line (or as JSON with json_bodies);
//   - a string value of an attribute or of a map member is scanned with
//     its key and the keys around it as keywords (mask.FieldFindings): in
//     {"user": {"ssn": "536-22-1234"}}, "ssn" is the keyword the value
//     needs;
//   - maps and slices are walked; their structure and order are kept;
//   - keys (of attributes and map members) are scanned with the keys
//     around them as keywords, as JSON member names are; a key with a
//     finding is masked, unique within its map (mask.UniqueName's rule),
//     in a record that could not be scanned too;
//   - an int is scanned as its decimal text; a masked int becomes a string
//     holding the masked text (the only change of type);
//   - bytes that are valid UTF-8 are scanned as text and stay bytes;
//     other bytes are binary data and are left;
//   - doubles, bools and empty values are left;
//   - every value under a key matching fields::mask_whole (strings, ints,
//     doubles, bools and bytes, at any depth) is masked whole, as the
//     finding SensitiveKey.

// phase is what a walk over a record's values does.
type phase int

const (
	check  phase = iota // measure the values to scan and check their UTF-8
	apply               // scan them, and mask them in mask mode
	redact              // mask them whole: the record could not be scanned
)

// unscannable is the text a map or slice nested deeper than maxDepth is
// masked as, in a record that could not be scanned.
const unscannable = "[nested too deep to scan]"

// worker holds the scratch memory of one batch; it is not safe for
// concurrent use (the processor keeps a pool of them).
type worker struct {
	e       *engine
	phase   phase
	size    int  // check: bytes to scan in the record
	invalid bool // check: a value to scan is not valid UTF-8
	deep    bool // check: maps and slices nest deeper than maxDepth
	depth   int  // nesting of the value walked
	found   []piiguard.Finding
	jfound  []mask.JSONFinding
	names   []string
	num     []byte
	ids     []string                       // apply: identifier of each finding in the record
	first   bool                           // apply: the next AppendFindings scans a value
	out     []byte                         // apply: a masked value
	clean   map[string]map[string]struct{} // attribute values found clean, by key
	// cleanKeys are attribute keys found clean, as clean's values are.
	cleanKeys map[string]struct{}
	nclean    int
	stats     stats
}

// stats counts what a batch did; see telemetry.
type stats struct {
	records     int64
	bytes       int64
	findings    map[string]int64
	invalidUTF8 int64
	tooDeep     int64
	tooLarge    int64
}

func newWorker(e *engine) *worker {
	return &worker{e: e, stats: stats{findings: map[string]int64{}}}
}

// reset readies w for a batch.
func (w *worker) reset() {
	w.stats.records, w.stats.bytes, w.stats.invalidUTF8, w.stats.tooLarge, w.stats.tooDeep = 0, 0, 0, 0, 0
	clear(w.stats.findings)
}

// record scans one record, made of an optional body and attribute maps,
// and writes the audit attributes into attrs. It reports whether the
// record was scanned (false: an error is counted and, in mask mode, the
// record's values are masked whole).
func (w *worker) record(body *pcommon.Value, attrs pcommon.Map, more ...pcommon.Map) bool {
	w.phase, w.size, w.invalid, w.deep = check, 0, false, false
	w.walkRecord(body, attrs, more)
	switch {
	case w.invalid:
		w.stats.invalidUTF8++
		w.redactRecord(body, attrs, more)
		return false
	case w.deep:
		w.stats.tooDeep++
		w.redactRecord(body, attrs, more)
		return false
	case w.size > w.e.maxBytes:
		w.stats.tooLarge++
		w.redactRecord(body, attrs, more)
		return false
	}
	w.stats.bytes += int64(w.size)
	w.phase, w.ids = apply, w.ids[:0]
	w.walkRecord(body, attrs, more)
	if len(w.ids) == 0 {
		return true
	}
	for _, id := range w.ids {
		w.stats.findings[id]++
	}
	if w.e.audit {
		n := len(w.ids)
		slices.Sort(w.ids)
		w.ids = slices.Compact(w.ids)
		attrs.PutInt(AttrFindings, int64(n))
		s := attrs.PutEmptySlice(AttrIdentifiers)
		s.EnsureCapacity(len(w.ids))
		for _, id := range w.ids {
			s.AppendEmpty().SetStr(id)
		}
	}
	return true
}

// redactRecord masks whole, in mask mode, every value of a record that
// could not be scanned and would have been.
func (w *worker) redactRecord(body *pcommon.Value, attrs pcommon.Map, more []pcommon.Map) {
	if !w.e.mask {
		return
	}
	w.phase, w.ids = redact, w.ids[:0]
	w.walkRecord(body, attrs, more)
	w.ids = w.ids[:0]
}

func (w *worker) walkRecord(body *pcommon.Value, attrs pcommon.Map, more []pcommon.Map) {
	if body != nil {
		w.body(*body)
	}
	w.attributes(attrs)
	for _, m := range more {
		w.attributes(m)
	}
}

// body walks a log record's body.
func (w *worker) body(v pcommon.Value) {
	switch v.Type() {
	case pcommon.ValueTypeStr:
		w.text(v, v.Str())
	case pcommon.ValueTypeBytes:
		b := v.Bytes().AsRaw()
		if w.phase == redact || utf8.Valid(b) {
			w.text(v, unsafeString(b))
		}
	default:
		w.value(v, w.names[:0], false, true)
	}
}

// text scans a string or bytes body as text, as `piiguard mask` scans a
// line: text is v's content.
func (w *worker) text(v pcommon.Value, text string) {
	if w.phase == check {
		w.measure(text, true)
		return
	}
	if w.phase == redact {
		w.leaf(v, nil, text, true, false)
		return
	}
	b := unsafeBytes(text)
	if w.e.json != nil && looksLikeJSON(b) {
		var err error
		if w.jfound, err = w.e.json.AppendFindings(w.jfound[:0], b); err == nil {
			if len(w.jfound) == 0 {
				return
			}
			for _, f := range w.jfound {
				w.ids = append(w.ids, f.Identifier)
			}
			if w.e.mask {
				if out, err := w.e.json.AppendMask(nil, b); err == nil {
					set(v, out)
				}
			}
			return
		}
	}
	if !w.e.mask {
		w.found = w.e.scanner.AppendFindings(w.found[:0], b)
		for _, f := range w.found {
			w.ids = append(w.ids, f.Identifier)
		}
		return
	}
	// Masked as `piiguard mask` masks a line; the first scan, of the text
	// itself, tells the findings.
	n := len(w.ids)
	w.first = true
	w.out = mask.AppendMasked(w.out[:0], b, w, w.e.masker)
	if len(w.ids) > n {
		set(v, w.out)
	}
}

// AppendFindings makes a worker the mask.Finder of text: it scans with
// the engine's Scanner and records the findings of the first scan, the
// scan of the text, in w.ids.
func (w *worker) AppendFindings(dst []piiguard.Finding, text []byte) []piiguard.Finding {
	n := len(dst)
	dst = w.e.scanner.AppendFindings(dst, text)
	if w.first {
		w.first = false
		for _, f := range dst[n:] {
			w.ids = append(w.ids, f.Identifier)
		}
	}
	return dst
}

// attributes walks an attribute map.
func (w *worker) attributes(m pcommon.Map) {
	var renamed map[string]string // key -> masked key
	for k, v := range m.All() {
		if k == AttrFindings || k == AttrIdentifiers {
			continue
		}
		whole := matches(w.e.whole, k)
		if !whole && matches(w.e.exclude, k) {
			continue
		}
		included := len(w.e.include) == 0 || matches(w.e.include, k)
		w.names = append(w.names[:0], k) // a stack: value appends the keys below
		w.value(v, w.names, whole, included)
		if whole || included {
			renamed = w.key(renamed, nil, k)
		}
	}
	if renamed != nil {
		renameKeys(m, renamed)
	}
}

// key scans, in the apply and redact phases, the key k of a map, with names (the keys
// around the map, outermost first) as keywords, as package mask scans
// JSON member names. In mask mode, a key with a finding is added to
// renamed with its masked text. It returns renamed, made when nil.
func (w *worker) key(renamed map[string]string, names []string, k string) map[string]string {
	if w.phase == check || k == "" {
		return renamed
	}
	cacheable := len(names) == 0 && len(k) <= maxCleanValue
	if _, ok := w.cleanKeys[k]; ok && cacheable {
		return renamed
	}
	kb := unsafeBytes(k)
	found := mask.FieldFindings(w.found[:0], w.e.scanner, names, kb)
	w.found = found
	if len(found) == 0 {
		if cacheable {
			if len(w.cleanKeys) >= maxClean || w.cleanKeys == nil {
				w.cleanKeys = map[string]struct{}{}
			}
			w.cleanKeys[strings.Clone(k)] = struct{}{} // not a view into a batch's memory
		}
		return renamed
	}
	for _, f := range found {
		w.ids = append(w.ids, f.Identifier)
	}
	if !w.e.mask {
		return renamed
	}
	if masked := mask.AppendMaskedField(nil, w.e.scanner, w.e.masker, names, kb); string(masked) != k {
		if renamed == nil {
			renamed = map[string]string{}
		}
		renamed[strings.Clone(k)] = string(masked)
	}
	return renamed
}

// renameKeys gives the keys of m in renamed their masked text, made
// unique among m's keys (mask.UniqueName's rule); m keeps its order.
func renameKeys(m pcommon.Map, renamed map[string]string) {
	if len(renamed) == 0 {
		return
	}
	taken := map[string]bool{}
	for k := range m.All() {
		if _, ok := renamed[k]; !ok {
			taken[k] = true
		}
	}
	u := uniquename.NewSet(taken)
	nm := pcommon.NewMap()
	nm.EnsureCapacity(m.Len())
	for k, v := range m.All() {
		if mk, ok := renamed[k]; ok {
			k = u.Name(mk)
		}
		v.CopyTo(nm.PutEmpty(k))
	}
	nm.MoveTo(m)
}

// value walks v, whose keys are names (outermost first). whole: v is
// under a key of fields::mask_whole; included: v is under a key of
// fields::include, or include is empty.
func (w *worker) value(v pcommon.Value, names []string, whole, included bool) {
	if t := v.Type(); t == pcommon.ValueTypeMap || t == pcommon.ValueTypeSlice {
		if w.depth >= maxDepth {
			if w.phase == redact {
				f := piiguard.Finding{Identifier: SensitiveKey, End: len(unscannable), Score: 1}
				v.SetStr(string(w.e.masker.AppendMask(nil, []byte(unscannable), f)))
				return
			}
			w.deep = true // in the check phase: apply never comes this deep
			return
		}
		w.depth++
		defer func() { w.depth-- }()
	}
	switch v.Type() {
	case pcommon.ValueTypeMap:
		var renamed map[string]string // key -> masked key
		for k, mv := range v.Map().All() {
			wk := whole || matches(w.e.whole, k)
			if !wk && matches(w.e.exclude, k) {
				continue
			}
			inc := included || matches(w.e.include, k)
			w.value(mv, append(names, k), wk, inc)
			if wk || inc {
				renamed = w.key(renamed, names, k)
			}
		}
		if renamed != nil {
			renameKeys(v.Map(), renamed)
		}
	case pcommon.ValueTypeSlice:
		s := v.Slice()
		for i := range s.Len() {
			w.value(s.At(i), names, whole, included)
		}
	case pcommon.ValueTypeStr:
		if whole || included {
			w.leaf(v, names, v.Str(), whole, true)
		}
	case pcommon.ValueTypeBytes:
		if b := v.Bytes().AsRaw(); whole || included && (w.phase == redact || utf8.Valid(b)) {
			w.leaf(v, names, unsafeString(b), whole, false)
		}
	case pcommon.ValueTypeInt:
		if whole || included {
			w.num = strconv.AppendInt(w.num[:0], v.Int(), 10)
			w.leaf(v, names, unsafeString(w.num), whole, false)
		}
	case pcommon.ValueTypeDouble:
		if whole {
			w.num = strconv.AppendFloat(w.num[:0], v.Double(), 'g', -1, 64)
			w.leaf(v, names, unsafeString(w.num), whole, false)
		}
	case pcommon.ValueTypeBool:
		if whole {
			w.num = strconv.AppendBool(w.num[:0], v.Bool())
			w.leaf(v, names, unsafeString(w.num), whole, false)
		}
	}
}

// leaf scans (or masks whole) one scalar value, whose text is text and
// whose keys are names. checkUTF8: text must be valid UTF-8 (a string).
func (w *worker) leaf(v pcommon.Value, names []string, text string, whole, checkUTF8 bool) {
	if w.phase == check {
		w.measure(text, checkUTF8)
		return
	}
	b := unsafeBytes(text)
	if whole || w.phase == redact {
		if len(b) == 0 {
			return
		}
		w.ids = append(w.ids, SensitiveKey)
		if w.e.mask {
			f := piiguard.Finding{Identifier: SensitiveKey, End: len(b), Score: 1}
			set(v, w.e.masker.AppendMask(nil, b, f))
		}
		return
	}
	cacheable := len(names) == 1 && len(text) <= maxCleanValue
	if cacheable && w.isClean(names[0], text) {
		return
	}
	var found []piiguard.Finding
	if len(names) == 0 {
		found = w.e.scanner.AppendFindings(w.found[:0], b)
	} else {
		found = mask.FieldFindings(w.found[:0], w.e.scanner, names, b)
	}
	w.found = found
	if len(found) == 0 {
		if cacheable {
			w.addClean(names[0], text)
		}
		return
	}
	for _, f := range found {
		w.ids = append(w.ids, f.Identifier)
	}
	if !w.e.mask {
		return
	}
	if len(names) == 0 {
		set(v, mask.AppendMasked(nil, b, w.e.scanner, w.e.masker))
	} else {
		set(v, mask.AppendMaskedField(nil, w.e.scanner, w.e.masker, names, b))
	}
}

// Attribute values repeat from record to record (log.file.name,
// service.name, http.method, ...), and so do their scans: a worker
// remembers up to maxClean attribute values of at most maxCleanValue
// bytes, by key, that it has scanned and found clean. The Scanner is
// immutable, so a value found clean under a key is clean every time.
const (
	maxClean      = 4096
	maxCleanValue = 256
)

// isClean reports whether value was found clean under key.
func (w *worker) isClean(key, value string) bool {
	_, ok := w.clean[key][value]
	return ok
}

// addClean remembers that value is clean under key; when the cache is
// full it starts afresh.
func (w *worker) addClean(key, value string) {
	if w.nclean >= maxClean || w.clean == nil {
		w.clean, w.nclean = map[string]map[string]struct{}{}, 0
	}
	m := w.clean[key]
	if m == nil {
		m = map[string]struct{}{}
		w.clean[strings.Clone(key)] = m // not a view into a batch's memory
	}
	m[strings.Clone(value)] = struct{}{}
	w.nclean++
}

// maxDepth is how deep maps and slices may nest in a record: a deeper
// record is counted as an error and, in mask mode, masked whole.
const maxDepth = 64

// measure adds a value to scan to the record's size and checks it.
func (w *worker) measure(text string, checkUTF8 bool) {
	w.size += len(text)
	if checkUTF8 && !w.invalid && !utf8.ValidString(text) {
		w.invalid = true
	}
}

// set stores a masked value into v: bytes stay bytes, every other type
// becomes a string. v does not keep masked.
func set(v pcommon.Value, masked []byte) {
	if v.Type() == pcommon.ValueTypeBytes {
		v.Bytes().FromRaw(masked)
		return
	}
	v.SetStr(string(masked))
}

// looksLikeJSON reports whether text's first byte other than white space
// opens an object or an array.
func looksLikeJSON(text []byte) bool {
	for _, b := range text {
		switch b {
		case ' ', '\t', '\r', '\n':
			continue
		case '{', '[':
			return true
		}
		return false
	}
	return false
}

// unsafeBytes views a string's bytes without copying them. The scanner
// and the maskers only read their input, so the view is never written.
func unsafeBytes(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

// unsafeString views bytes as a string without copying them, for a value
// read while the bytes are not modified.
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
