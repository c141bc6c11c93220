package mask

import (
	"slices"
	"strings"

	"github.com/piiguard/piiguard/pii"
)

// A Finder finds sensitive values in text and appends them to dst, sorted
// by Start; findings of different spans do not overlap, and several
// identifiers may report the same span (strongest first), which is masked
// once. *detector.Detector and *piiguard.Scanner are Finders.
type Finder interface {
	AppendFindings(dst []pii.Finding, text []byte) []pii.Finding
}

// AppendMasked appends text to dst with every value fd finds replaced by
// m's mask (Asterisk when m is nil). As piiguard.Scanner.AppendMask does,
// it rescans its output until fd finds nothing more to mask: should a mask
// have completed a new value with its neighbours, or a value joined to a
// longer one stand alone once that one is masked, it is masked with
// asterisks. The masks m wrote are opaque to these rescans: a token, a hash
// or a placeholder is never masked again (a value across a mask's edge is
// masked outside the mask only), so every token AppendMasked writes can be
// unmasked; a Partial's mask, which keeps characters of the value, is
// masked again whole when a value is found in or across it. The rescans are
// bounded: a chain of overlapping values that they uncover one at a time
// (each stands alone once the next is masked) and that outlasts them is
// masked from its first remaining value to its last, and if a value is
// still found then, everything outside the masks is masked.
func AppendMasked(dst, text []byte, fd Finder, m Masker) []byte {
	var fx fixpoint
	return appendMasked(dst, text, fd, m, &fx)
}

// appendMasked is AppendMasked with scratch memory.
func appendMasked(dst, text []byte, fd Finder, m Masker, fx *fixpoint) []byte {
	if m == nil {
		m = Asterisk
	}
	f := fd.AppendFindings(fx.found[:0], text)
	if len(f) == 0 {
		fx.found = f
		return append(dst, text...)
	}
	fx.found = nil // f is handed over; appendFixpoint reuses its own
	dst, _ = fx.appendFixpoint(dst, text, f, m, fd.AppendFindings)
	return dst
}

// Field names as keywords.
//
// A structured value (a JSON member, a slog attribute) is scanned with the
// names of its field and of the fields around it as context, the way
// Amazon Macie treats a field name as a keyword for the value: with
// "passport_number": "X1234567", "passport" is near the value although the
// value holds no keyword. The detector is not changed: the value is scanned
// as the text "<names>: <value>" and only findings inside the value are
// kept.
//
// Keywords count only within the detector's window (30 characters), so
// the names are packed, innermost first, into groups of at most
// fieldNameBudget bytes and the value is scanned once per group; a name
// longer than that is cut, at word starts, into overlapping windows. Names
// are written with a space at camelCase boundaries ("passportNumber"
// becomes "passport Number"), since a keyword must not continue a word;
// '_' and '-' already separate words. At most maxFieldScans scans are made
// per value, innermost names first: names further out than that do not
// count. A name counts once, where it is innermost, however often it
// repeats; the groups hold at most maxFieldScans*(fieldNameBudget+1)/2
// (112) distinct names, so the innermost maxFieldPhrases (128) distinct
// names are all that can count, which bounds the work per value however
// deep it is nested.
const (
	fieldNameBudget = 28
	maxFieldScans   = 8
	maxFieldPhrases = 128
)

// FieldFindings appends to dst the findings in value, the value of a field
// whose name, and the names of the fields enclosing it, are names
// (outermost first); see the package documentation on field names. The
// findings' offsets are into value. They are sorted by Start as a
// Finder's are: findings of different spans do not overlap, and every
// identifier that matches a span gives one finding for it, strongest
// first.
func FieldFindings(dst []pii.Finding, fd Finder, names []string, value []byte) []pii.Finding {
	var fs fieldScanner
	return fs.findings(dst, fd, names, value)
}

// AppendMaskedField appends value to dst with the values FieldFindings
// finds replaced by m's mask (Asterisk when m is nil), rescanning the
// output as AppendMasked does.
func AppendMaskedField(dst []byte, fd Finder, m Masker, names []string, value []byte) []byte {
	var fs fieldScanner
	return fs.appendMasked(dst, fd, m, names, value)
}

// fieldScanner holds scratch memory for field scans; the zero value is
// ready to use.
type fieldScanner struct {
	phrases []string
	groups  []string
	text    []byte
	found   []pii.Finding
	res     resolver
	fx      fixpoint
}

// appendMasked masks value with names as context.
func (fs *fieldScanner) appendMasked(dst []byte, fd Finder, m Masker, names []string, value []byte) []byte {
	if m == nil {
		m = Asterisk
	}
	fs.prepare(names)
	f := fs.scan(nil, fd, value)
	if len(f) == 0 {
		return append(dst, value...)
	}
	dst, _ = fs.fx.appendFixpoint(dst, value, f, m, func(dst []pii.Finding, b []byte) []pii.Finding {
		return fs.scan(dst, fd, b)
	})
	return dst
}

func (fs *fieldScanner) findings(dst []pii.Finding, fd Finder, names []string, value []byte) []pii.Finding {
	fs.prepare(names)
	return fs.scan(dst, fd, value)
}

// prepare builds the scan prefixes for names: at most maxFieldScans
// groups, of the innermost maxFieldPhrases distinct names (time linear in
// len(names)).
func (fs *fieldScanner) prepare(names []string) {
	fs.phrases = fs.phrases[:0]
	for i := len(names) - 1; i >= 0 && len(fs.phrases) < maxFieldPhrases; i-- {
		p := phrase(names[i])
		if p != "" && !slices.Contains(fs.phrases, p) {
			fs.phrases = append(fs.phrases, p) // innermost first
		}
	}
	fs.groups = fs.groups[:0]
	var cur []string // innermost first
	curLen := 0
	flush := func() {
		if len(cur) == 0 {
			return
		}
		slices.Reverse(cur)
		fs.groups = append(fs.groups, strings.Join(cur, " "))
		cur, curLen = cur[:0], 0
	}
	for _, p := range fs.phrases {
		if len(fs.groups) >= maxFieldScans {
			break
		}
		if len(p) > fieldNameBudget {
			flush()
			fs.groups = appendWindows(fs.groups, p)
			continue
		}
		if len(cur) > 0 && curLen+1+len(p) > fieldNameBudget {
			flush()
		}
		if len(cur) > 0 {
			curLen++
		}
		cur = append(cur, p)
		curLen += len(p)
	}
	flush()
	if len(fs.groups) > maxFieldScans {
		fs.groups = fs.groups[:maxFieldScans]
	}
}

// scan appends the findings in value for the prepared groups.
func (fs *fieldScanner) scan(dst []pii.Finding, fd Finder, value []byte) []pii.Finding {
	if len(value) == 0 {
		return dst
	}
	if len(fs.groups) == 0 {
		return fd.AppendFindings(dst, value)
	}
	fs.found = fs.found[:0]
	for _, g := range fs.groups {
		fs.text = append(append(append(fs.text[:0], g...), ':', ' '), value...)
		off := len(g) + 2
		k := len(fs.found)
		fs.found = fd.AppendFindings(fs.found, fs.text)
		kept := fs.found[:k]
		for _, f := range fs.found[k:] {
			if f.Start >= off {
				f.Start -= off
				f.End -= off
				kept = append(kept, f)
			}
		}
		fs.found = kept
	}
	if len(fs.groups) == 1 {
		return append(dst, fs.found...)
	}
	// Several scans: merge them as one scan would report them.
	return fs.res.resolve(dst, fs.found)
}

// phrase writes a field name for scanning: a space is put at camelCase
// boundaries (before an upper-case letter that follows a lower-case one,
// or that starts a word after an upper-case run: "SSNNumber" gives
// "SSN Number"), and surrounding spaces are trimmed.
func phrase(name string) string {
	name = strings.TrimSpace(name)
	isUpper := func(c byte) bool { return c >= 'A' && c <= 'Z' }
	isLower := func(c byte) bool { return c >= 'a' && c <= 'z' }
	var b []byte
	for i := 0; i < len(name); i++ {
		c := name[i]
		if i > 0 && isUpper(c) && (isLower(name[i-1]) || isUpper(name[i-1]) && i+1 < len(name) && isLower(name[i+1])) {
			if b == nil {
				b = append(make([]byte, 0, len(name)+4), name[:i]...)
			}
			b = append(b, ' ')
		}
		if b != nil {
			b = append(b, c)
		}
	}
	if b == nil {
		return name
	}
	return string(b)
}

// appendWindows appends overlapping windows of at most fieldNameBudget
// bytes of a long phrase, each starting at a word start and ending at a
// word end, innermost (last) first, so that any keyword of up to
// fieldNameBudget bytes lies wholly inside one window.
func appendWindows(groups []string, p string) []string {
	isWord := func(c byte) bool {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
	}
	var starts []int
	for i := 0; i < len(p); i++ {
		if isWord(p[i]) && (i == 0 || !isWord(p[i-1])) {
			starts = append(starts, i)
		}
	}
	var wins []string
	lastEnd := -1
	for _, s := range starts {
		e := min(len(p), s+fieldNameBudget)
		// Back up to a word end unless the phrase ends there.
		for e < len(p) && e > s && isWord(p[e]) && isWord(p[e-1]) {
			e--
		}
		if e <= s {
			e = min(len(p), s+fieldNameBudget)
		}
		if e > lastEnd {
			wins = append(wins, p[s:e])
			lastEnd = e
		}
	}
	slices.Reverse(wins)
	return append(groups, wins...)
}
