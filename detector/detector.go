package detector

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/cloudflare/ahocorasick"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/prefilter"
	"github.com/piiguard/piiguard/internal/regex"
)

// How a pattern is triggered.
type trigger uint8

const (
	byKeyword trigger = iota // windows around the identifier's keywords
	byLiteral                // windows around the pattern's literals
	byClass                  // runs of the pattern's byte class
	byLine                   // the whole text
)

// Options tunes a Detector.
type Options struct {
	// MinScore drops findings scoring below it (0 keeps all).
	MinScore float64
}

// Detector finds the values of a set of identifiers. It is immutable and
// safe for concurrent use.
type Detector struct {
	idents   []*compiledIdent
	patterns []*compiledPattern
	words    []word
	ac       *ahocorasick.Matcher
	byClass  []*compiledPattern
	byLine   []*compiledPattern
	// classAny is the union of the byte classes of byClass patterns, and
	// classMinLen the shortest match among them.
	classAny    [256]bool
	classMinLen int
	minScore    float64
	pool        sync.Pool
}

type compiledIdent struct {
	id       *identifiers.Identifier
	window   int
	patterns []*compiledPattern
	// keywordByWord maps an automaton word to the catalog keyword it comes from.
	hasKeywords bool
}

type compiledPattern struct {
	index        int
	ident        *compiledIdent
	identIndex   int
	re           regex.Regexp
	info         *prefilter.Info
	needsKeyword bool
	trigger      trigger
	validator    *identifiers.Validator
	standalone   bool
	// required lists the bytes every match contains.
	required []byte
	// whole is set for class patterns whose bytes all either continue a value
	// or join it to one (IPv4: digits and '.'): a match must then be a whole
	// run of the class, trimmed of joiners, and anchored checks it without
	// searching (and without allocating).
	whole    bool
	anchored regex.Regexp
	// joiners are bytes that join a match to a letter or digit beyond them
	// (Pattern.WordChars).
	joiners [256]bool
}

type owner struct {
	ident   int
	keyword string // as written in the catalog
}

// word is one entry of the automaton: a keyword variant, a literal, or both.
type word struct {
	text     []byte
	keywords []owner // identifiers this is a keyword of
	literals []int   // patterns this is a literal of
	// boundary checks apply to keywords only: a keyword must not continue a word.
	startWord, endWord bool
}

// Compile compiles identifiers into a Detector with default options.
func Compile(ids []*identifiers.Identifier) (*Detector, error) {
	return CompileOptions(ids, Options{})
}

// CompileOptions compiles identifiers into a Detector. Identifier names must
// be unique. It reports the first invalid identifier or pattern, naming it.
func CompileOptions(ids []*identifiers.Identifier, opts Options) (*Detector, error) {
	return compile(ids, opts, regex.Default)
}

func compile(ids []*identifiers.Identifier, opts Options, engine regex.Engine) (*Detector, error) {
	d := &Detector{minScore: opts.MinScore, classMinLen: -1}
	wordIndex := map[string]int{}
	addWord := func(s string) *word {
		i, ok := wordIndex[s]
		if !ok {
			i = len(d.words)
			wordIndex[s] = i
			d.words = append(d.words, word{text: []byte(s)})
		}
		return &d.words[i]
	}
	seen := map[string]bool{}
	for ii, id := range ids {
		if id == nil {
			return nil, fmt.Errorf("detector: identifier %d is nil", ii)
		}
		if err := id.Validate(); err != nil {
			return nil, fmt.Errorf("detector: %w", err)
		}
		if seen[id.Name] {
			return nil, fmt.Errorf("detector: identifier %q listed twice", id.Name)
		}
		seen[id.Name] = true
		ci := &compiledIdent{id: id, window: id.ProximityWindow(), hasKeywords: len(id.Keywords) > 0}
		d.idents = append(d.idents, ci)
		for _, kw := range id.Keywords {
			for _, v := range keywordForms(kw) {
				w := addWord(v)
				if !slices.ContainsFunc(w.keywords, func(o owner) bool { return o.ident == ii }) {
					w.keywords = append(w.keywords, owner{ident: ii, keyword: kw})
				}
			}
		}
		for pi, p := range id.Patterns {
			re, err := engine.Compile(p.Expr)
			if err != nil {
				return nil, fmt.Errorf("detector: identifier %q: pattern %d: %w", id.Name, pi, err)
			}
			info, err := prefilter.Analyze(p.Expr)
			if err != nil {
				return nil, fmt.Errorf("detector: identifier %q: pattern %d: %w", id.Name, pi, err)
			}
			cp := &compiledPattern{
				index:        len(d.patterns),
				ident:        ci,
				identIndex:   ii,
				re:           re,
				info:         info,
				needsKeyword: id.KeywordRequired || p.NeedsKeyword,
				validator:    id.Validator,
				standalone:   p.Standalone,
			}
			if p.Validator != nil {
				cp.validator = p.Validator
			}
			for c, ok := range info.Required {
				if ok {
					cp.required = append(cp.required, byte(c))
				}
			}
			for i := 0; i < len(p.WordChars); i++ {
				cp.joiners[p.WordChars[i]] = true
			}
			switch {
			case cp.needsKeyword:
				cp.trigger = byKeyword
			case info.Literals != nil:
				cp.trigger = byLiteral
				for _, l := range info.Literals {
					w := addWord(l)
					w.literals = append(w.literals, cp.index)
				}
			case !info.AllowedAll && info.MinLen > 0 && !allowsLower(info):
				cp.trigger = byClass
				cp.whole = wholeRuns(info, p.WordChars)
				if cp.whole {
					if cp.anchored, err = engine.Compile(`^(?:` + p.Expr + `)$`); err != nil {
						return nil, fmt.Errorf("detector: identifier %q: pattern %d: %w", id.Name, pi, err)
					}
				}
				d.byClass = append(d.byClass, cp)
				for b, ok := range info.Allowed {
					if ok {
						d.classAny[b] = true
					}
				}
				if d.classMinLen < 0 || info.MinLen < d.classMinLen {
					d.classMinLen = info.MinLen
				}
			default:
				cp.trigger = byLine
				d.byLine = append(d.byLine, cp)
			}
			ci.patterns = append(ci.patterns, cp)
			d.patterns = append(d.patterns, cp)
		}
	}
	if len(d.words) > 0 {
		dict := make([][]byte, len(d.words))
		for i := range d.words {
			w := &d.words[i]
			dict[i] = w.text
			w.startWord = isWordByte(w.text[0])
			w.endWord = isWordByte(w.text[len(w.text)-1])
		}
		d.ac = ahocorasick.NewMatcher(dict)
	}
	d.pool.New = func() any { return new(scratch) }
	return d, nil
}

// wholeRuns reports whether every byte of the pattern's class is a value
// character or one of its joiners, so that a match must be a whole run.
func wholeRuns(info *prefilter.Info, joiners string) bool {
	if joiners == "" {
		return false
	}
	for c, ok := range info.Allowed {
		if ok && !valueWordChars[c] && strings.IndexByte(joiners, byte(c)) < 0 {
			return false
		}
	}
	return true
}

// allowsLower reports whether a class admits most lower-case letters, in
// which case runs of it are most of any text and the class is no filter.
func allowsLower(info *prefilter.Info) bool {
	n := 0
	for c := 'a'; c <= 'z'; c++ {
		if info.Allowed[c] {
			n++
		}
	}
	return n > 6
}

// keywordForms returns the automaton words for a keyword: its variants,
// ASCII-lower-cased, plus an upper-cased form of those with non-ASCII
// letters (the automaton runs over ASCII-lower-cased text).
func keywordForms(kw string) []string {
	var out []string
	for _, v := range identifiers.KeywordVariants(kw) {
		out = append(out, v)
		if up := asciiLowerString(strings.ToUpper(v)); up != v {
			out = append(out, up)
		}
	}
	return out
}

func asciiLowerString(s string) string {
	b := []byte(s)
	for i, c := range b {
		b[i] = lowerTable[c]
	}
	return string(b)
}

var lowerTable = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
		if i >= 'A' && i <= 'Z' {
			t[i] = byte(i + 32)
		}
	}
	return t
}()

// isWordByte reports whether c can continue a word: ASCII letters and
// digits, and any non-ASCII byte (which may start a letter). '_' and '-'
// separate words.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= utf8.RuneSelf
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// continuesWordBefore reports whether the character before text[i] is a
// letter or digit, so that a keyword starting at i would be inside a word.
func continuesWordBefore(text []byte, i int) bool {
	if i == 0 {
		return false
	}
	if c := text[i-1]; c < utf8.RuneSelf {
		// A case change starts a word: "userSsn" holds the keyword "ssn".
		return isWordByte(c) && !(isLower(c) && isUpper(text[i]))
	}
	r, _ := utf8.DecodeLastRune(text[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// continuesWordAfter reports whether text[i] starts a letter or digit.
func continuesWordAfter(text []byte, i int) bool {
	if i >= len(text) {
		return false
	}
	if c := text[i]; c < utf8.RuneSelf {
		// A case change ends a word: "passportNumber" holds "passport".
		return isWordByte(c) && !(isUpper(c) && i > 0 && isLower(text[i-1]))
	}
	r, _ := utf8.DecodeRune(text[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// valueWordChars are the bytes that continue a value for value boundaries:
// ASCII letters, digits and '_' (so "blk_123" holds no number).
var valueWordChars = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
	}
	return t
}()

// Identifiers returns the identifiers the detector was compiled from.
func (d *Detector) Identifiers() []*identifiers.Identifier {
	out := make([]*identifiers.Identifier, len(d.idents))
	for i, ci := range d.idents {
		out[i] = ci.id
	}
	return out
}

// Find returns the findings in text, sorted by Start, not overlapping.
func (d *Detector) Find(text []byte) []Finding {
	return d.AppendFindings(nil, text)
}

// FindString is Find for a string.
func (d *Detector) FindString(text string) []Finding {
	return d.AppendFindings(nil, []byte(text))
}

// scratch is per-call working memory, pooled.
type scratch struct {
	lower    []byte
	kwOccs   []occurrence
	windows  []window
	cands    []Finding
	accepted []Finding
	specific []int8
}

type occurrence struct {
	start, end int
	word       int
}

type window struct {
	pattern    int
	start, end int
}

// AppendFindings appends the findings in text to dst, sorted by Start and
// not overlapping, and returns the extended slice. text is not retained.
func (d *Detector) AppendFindings(dst []Finding, text []byte) []Finding {
	dst, _ = d.appendFindings(context.Background(), dst, text)
	return dst
}

// AppendFindingsContext is AppendFindings that stops early, returning
// ctx.Err() and the findings so far discarded, when ctx is done: for long
// texts under a deadline. The context is checked every few verification
// windows, so a cancelled scan stops within microseconds.
func (d *Detector) AppendFindingsContext(ctx context.Context, dst []Finding, text []byte) ([]Finding, error) {
	if err := ctx.Err(); err != nil {
		return dst, err
	}
	return d.appendFindings(ctx, dst, text)
}

// maxPooledBuffer is the largest scratch buffer kept for reuse: a single
// huge text must not pin its size in memory after the call.
const maxPooledBuffer = 1 << 20

// checkEvery is how many verification windows run between context checks.
const checkEvery = 64

func (d *Detector) appendFindings(ctx context.Context, dst []Finding, text []byte) ([]Finding, error) {
	if len(text) == 0 || len(d.patterns) == 0 {
		return dst, nil
	}
	s := d.pool.Get().(*scratch)
	defer func() {
		if cap(s.lower) > maxPooledBuffer {
			s.lower = nil
		}
		if cap(s.windows) > maxPooledBuffer/16 {
			s.windows, s.kwOccs, s.cands, s.accepted, s.specific = nil, nil, nil, nil, nil
		}
		d.pool.Put(s)
	}()
	s.kwOccs, s.windows, s.cands = s.kwOccs[:0], s.windows[:0], s.cands[:0]

	d.collectWords(s, text)
	d.collectClassRuns(s, text)
	for _, cp := range d.byLine {
		s.windows = append(s.windows, window{cp.index, 0, len(text)})
	}
	if len(s.windows) == 0 {
		if len(s.cands) == 0 {
			return dst, nil
		}
		return d.resolve(s, dst), nil
	}
	slices.SortFunc(s.windows, func(a, b window) int {
		if a.pattern != b.pattern {
			return a.pattern - b.pattern
		}
		return a.start - b.start
	})
	// Merge overlapping windows of the same pattern, then verify.
	cur := s.windows[0]
	for i, w := range s.windows[1:] {
		if w.pattern == cur.pattern && w.start <= cur.end {
			if w.end > cur.end {
				cur.end = w.end
			}
			continue
		}
		d.verify(s, text, cur)
		cur = w
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return dst, err
			}
		}
	}
	d.verify(s, text, cur)
	if len(s.cands) == 0 {
		return dst, nil
	}
	return d.resolve(s, dst), nil
}

// collectWords runs the automaton, locates the words it reports, records
// keyword occurrences and adds windows for triggered patterns.
func (d *Detector) collectWords(s *scratch, text []byte) {
	if d.ac == nil {
		return
	}
	if cap(s.lower) < len(text) {
		s.lower = make([]byte, len(text), len(text)+len(text)/4)
	}
	lower := s.lower[:len(text)]
	for i, c := range text {
		lower[i] = lowerTable[c]
	}
	if !d.ac.Contains(lower) {
		return
	}
	hits := d.ac.MatchThreadSafe(lower)
	for _, wi := range hits {
		w := &d.words[wi]
		for off := 0; off < len(lower); {
			i := bytes.Index(lower[off:], w.text)
			if i < 0 {
				break
			}
			start := off + i
			end := start + len(w.text)
			off = start + 1
			for _, pi := range w.literals {
				d.addLiteralWindow(s, d.patterns[pi], text, start, end)
			}
			if len(w.keywords) == 0 {
				continue
			}
			if w.startWord && continuesWordBefore(text, start) || w.endWord && continuesWordAfter(text, end) {
				continue
			}
			s.kwOccs = append(s.kwOccs, occurrence{start, end, wi})
			for _, o := range w.keywords {
				ci := d.idents[o.ident]
				for _, cp := range ci.patterns {
					if cp.trigger == byKeyword {
						d.addWindow(s, cp, start, end, len(text), 4*ci.window)
					}
				}
			}
		}
	}
	if len(s.kwOccs) > 1 {
		slices.SortFunc(s.kwOccs, func(a, b occurrence) int { return a.start - b.start })
	}
}

// addWindow adds the window in which a match of cp near [start, end) can lie:
// a match touching the span extended by gap bytes on each side.
func (d *Detector) addWindow(s *scratch, cp *compiledPattern, start, end, n, gap int) {
	lo, hi := 0, n
	if max := cp.info.MaxLen; max != prefilter.Unbounded {
		lo = start - gap - max
		hi = end + gap + max
		if lo < 0 {
			lo = 0
		}
		if hi > n {
			hi = n
		}
	}
	s.windows = append(s.windows, window{cp.index, lo, hi})
}

// addLiteralWindow adds the window in which a match of cp containing the
// literal at [start, end) can lie. When the pattern's matches are made of a
// narrow byte class, the window is only the run of that class around the
// literal (an email address is the run of address characters around '@').
func (d *Detector) addLiteralWindow(s *scratch, cp *compiledPattern, text []byte, start, end int) {
	info := cp.info
	if info.AllowedAll {
		d.addWindow(s, cp, start, end, len(text), 0)
		return
	}
	lo, hi := start, end
	minLo, maxHi := 0, len(text)
	if info.MaxLen != prefilter.Unbounded {
		minLo, maxHi = max(0, start-info.MaxLen), min(len(text), end+info.MaxLen)
	}
	for lo > minLo && info.Allowed[text[lo-1]] {
		lo--
	}
	for hi < maxHi && info.Allowed[text[hi]] {
		hi++
	}
	if hi-lo >= info.MinLen {
		s.windows = append(s.windows, window{cp.index, lo, hi})
	}
}

// collectClassRuns finds runs of bytes of the class patterns' classes and
// adds a window for each pattern whose class covers a long enough piece.
func (d *Detector) collectClassRuns(s *scratch, text []byte) {
	if len(d.byClass) == 0 {
		return
	}
	for i := 0; i < len(text); {
		if !d.classAny[text[i]] {
			i++
			continue
		}
		j := i
		for j < len(text) && d.classAny[text[j]] {
			j++
		}
		if j-i >= d.classMinLen {
			for _, cp := range d.byClass {
				if cp.whole {
					d.wholePieces(s, cp, text, i, j)
				} else {
					d.classPieces(s, cp, text, i, j)
				}
			}
		}
		i = j
	}
}

// classPieces splits text[i:j] into maximal pieces of cp's class and adds a
// window for each piece that could hold a match.
func (d *Detector) classPieces(s *scratch, cp *compiledPattern, text []byte, i, j int) {
	info := cp.info
	for i < j {
		if !info.Allowed[text[i]] {
			i++
			continue
		}
		k, digits := i, 0
		for k < j && info.Allowed[text[k]] {
			if c := text[k]; c >= '0' && c <= '9' {
				digits++
			}
			k++
		}
		if k-i >= info.MinLen && digits >= info.MinDigits && containsAll(text[i:k], cp.required) {
			s.windows = append(s.windows, window{cp.index, i, k})
		}
		i = k
	}
}

// bounded reports whether text[ms:me] stands on its own: it does not
// continue a word (a letter, digit or '_' on both sides of an edge) and is
// not joined to one by a joiner ("1.2.3.4" in "1.2.3.4.5").
func (cp *compiledPattern) bounded(text []byte, ms, me int) bool {
	w := &valueWordChars
	if ms > 0 {
		c := text[ms-1]
		if cp.info.WordStart && w[c] && w[text[ms]] || cp.joiners[c] && ms >= 2 && w[text[ms-2]] {
			return false
		}
		// A number never starts right after "digit." ("10.11.10" in "1.10.11.10").
		if c == '.' && isDigit(text[ms]) && ms >= 2 && isDigit(text[ms-2]) {
			return false
		}
	}
	if me < len(text) {
		c := text[me]
		if cp.info.WordEnd && w[c] && w[text[me-1]] || cp.joiners[c] && me+1 < len(text) && w[text[me+1]] {
			return false
		}
		// Nor ends right before ".digit" ("10.11.10" in "10.11.10.1").
		if c == '.' && isDigit(text[me-1]) && me+1 < len(text) && isDigit(text[me+1]) {
			return false
		}
	}
	return true
}

// keywordEndsAt reports whether a keyword occurrence ends at byte i (so a
// digit there, as in "cvv2 123", is the keyword's, not a digit group's).
func keywordEndsAt(s *scratch, i int) bool {
	for _, o := range s.kwOccs {
		if o.end == i {
			return true
		}
	}
	return false
}

func isGroupSep(c byte) bool { return c == ' ' || c == '-' || c == '.' || c == '/' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// digitGroupBefore reports whether a match starting at ms follows a digit
// and a separator: it would be one group of a longer grouped number.
func digitGroupBefore(text []byte, ms int) bool {
	return ms >= 2 && isGroupSep(text[ms-1]) && isDigit(text[ms-2])
}

// digitGroupAfter reports whether a separator and a digit follow a match
// ending at me.
func digitGroupAfter(text []byte, me int) bool {
	return me+1 < len(text) && isGroupSep(text[me]) && isDigit(text[me+1])
}

// wholePieces checks each maximal run of cp's class in text[i:j], trimmed
// of joiners, as one candidate.
func (d *Detector) wholePieces(s *scratch, cp *compiledPattern, text []byte, i, j int) {
	info := cp.info
	for i < j {
		if !info.Allowed[text[i]] {
			i++
			continue
		}
		k := i
		for k < j && info.Allowed[text[k]] {
			k++
		}
		if !d.wholeCandidate(s, cp, text, i, k) {
			// "10.0.0.1." ends a sentence: try again without edge joiners.
			lo, hi := i, k
			for lo < hi && cp.joiners[text[lo]] {
				lo++
			}
			for hi > lo && cp.joiners[text[hi-1]] {
				hi--
			}
			if lo != i || hi != k {
				d.wholeCandidate(s, cp, text, lo, hi)
			}
		}
		i = k
	}
}

// wholeCandidate considers text[lo:hi] as a whole match of cp and reports
// whether it was kept.
func (d *Detector) wholeCandidate(s *scratch, cp *compiledPattern, text []byte, lo, hi int) bool {
	info := cp.info
	n := hi - lo
	if n < info.MinLen || info.MaxLen != prefilter.Unbounded && n > info.MaxLen ||
		!containsAll(text[lo:hi], cp.required) || !cp.anchored.Match(text[lo:hi]) {
		return false
	}
	kept, _ := d.consider(s, text, cp, lo, hi)
	return kept
}

// containsAll reports whether b contains every byte of required.
func containsAll(b, required []byte) bool {
	for _, c := range required {
		if bytes.IndexByte(b, c) < 0 {
			return false
		}
	}
	return true
}

// verify runs a pattern over one window and records candidates. Matches
// are taken one at a time: after a rejected match the search resumes one
// character after its start, since a longer false match may hide a true one;
// after a kept match it resumes at its end.
func (d *Detector) verify(s *scratch, text []byte, w window) {
	cp := d.patterns[w.pattern]
	for pos := w.start; pos < w.end; {
		ms, me, ok := cp.re.Find(text[pos:w.end])
		if !ok {
			return
		}
		ms, me = pos+ms, pos+me
		if me == ms {
			pos = me + 1
			continue
		}
		kept, retry := d.consider(s, text, cp, ms, me)
		switch {
		case kept || !retry:
			pos = me
		default:
			_, size := utf8.DecodeRune(text[ms:])
			pos = ms + size
		}
	}
}

// consider checks one match and records it as a candidate. It reports
// whether the match was kept and, if not, whether a retry further on could
// find another.
func (d *Detector) consider(s *scratch, text []byte, cp *compiledPattern, ms, me int) (kept, retry bool) {
	id := cp.ident.id
	if !cp.bounded(text, ms, me) {
		return false, true
	}
	if cp.standalone && (digitGroupBefore(text, ms) && !keywordEndsAt(s, ms-1) || digitGroupAfter(text, me)) {
		return false, true
	}
	value := text[ms:me]
	if cp.validator != nil && !cp.validator.Check(value) {
		return false, true
	}
	if id.IsNeverReported(value) {
		return false, false
	}
	gap, kw := d.nearestKeyword(s, text, cp, ms, me)
	if cp.needsKeyword && gap < 0 {
		return false, false
	}
	score := id.BaseConfidence()
	if cp.validator != nil {
		score += 0.15
	}
	if gap >= 0 {
		score += 0.1 + 0.2*(1-float64(gap)/float64(cp.ident.window+1))
	}
	if negativeContext(text, ms) {
		score -= 0.2
	}
	score = min(max(score, 0), 1)
	if score < d.minScore {
		return false, false
	}
	s.cands = append(s.cands, Finding{Identifier: id.Name, Start: ms, End: me, Score: score, Keyword: kw})
	s.specific = append(s.specific[:len(s.cands)-1], specificity(cp, gap))
	return true, false
}

// specificity ranks findings of equal score: keyword-supported and
// validated identifiers are more specific than bare pattern matches.
func specificity(cp *compiledPattern, gap int) int8 {
	var n int8
	if cp.validator != nil {
		n += 2
	}
	if gap >= 0 {
		n++
	}
	if cp.ident.id.KeywordRequired {
		n++
	}
	return n
}

// nearestKeyword returns the gap in characters to the nearest keyword of
// cp's identifier within its window, and that keyword, or -1.
func (d *Detector) nearestKeyword(s *scratch, text []byte, cp *compiledPattern, ms, me int) (int, string) {
	ci := cp.ident
	if !ci.hasKeywords {
		return -1, ""
	}
	best, bestKW := -1, ""
	limit := 4 * ci.window // bytes: a character is at most 4
	for _, o := range s.kwOccs {
		var gapBytes int
		var between []byte
		switch {
		case o.end <= ms:
			gapBytes, between = ms-o.end, text[o.end:ms]
		case o.start >= me:
			gapBytes, between = o.start-me, text[me:o.start]
		default:
			continue // a keyword inside the value does not count
		}
		if gapBytes > limit {
			continue
		}
		kw, ok := d.keywordOf(o.word, cp.identIndex)
		if !ok {
			continue
		}
		gap := gapBytes
		if gapBytes > ci.window/4 {
			gap = utf8.RuneCount(between)
		}
		if gap > ci.window {
			continue
		}
		if best < 0 || gap < best {
			best, bestKW = gap, kw
		}
	}
	return best, bestKW
}

func (d *Detector) keywordOf(wordIndex, ident int) (string, bool) {
	for _, o := range d.words[wordIndex].keywords {
		if o.ident == ident {
			return o.keyword, true
		}
	}
	return "", false
}

// negativeContext reports whether the text just before a match marks it as
// an identifier of something else: a version, a UUID, an id= field.
func negativeContext(text []byte, ms int) bool {
	lo := ms - 12
	if lo < 0 {
		lo = 0
	}
	before := text[lo:ms]
	for _, neg := range negativeWords {
		if containsFold(before, neg) {
			return true
		}
	}
	return false
}

var negativeWords = []string{"version", "uuid", "build", "id=", "ver=", "v="}

// containsFold reports whether b contains the lower-case ASCII word w,
// ignoring ASCII case, without allocating.
func containsFold(b []byte, w string) bool {
	for i := 0; i+len(w) <= len(b); i++ {
		j := 0
		for j < len(w) && lowerTable[b[i+j]] == w[j] {
			j++
		}
		if j == len(w) {
			return true
		}
	}
	return false
}

// resolve keeps, of overlapping candidates, the stronger: higher score, then
// more specific, then longer, then earlier. It appends the kept findings to
// dst sorted by Start.
func (d *Detector) resolve(s *scratch, dst []Finding) []Finding {
	order := make([]int, len(s.cands))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		fa, fb := &s.cands[a], &s.cands[b]
		switch {
		case fa.Score != fb.Score:
			if fa.Score > fb.Score {
				return -1
			}
			return 1
		case s.specific[a] != s.specific[b]:
			return int(s.specific[b]) - int(s.specific[a])
		case fa.End-fa.Start != fb.End-fb.Start:
			return (fb.End - fb.Start) - (fa.End - fa.Start)
		case fa.Start != fb.Start:
			return fa.Start - fb.Start
		}
		return strings.Compare(fa.Identifier, fb.Identifier)
	})
	acc := s.accepted[:0]
	for _, i := range order {
		f := s.cands[i]
		// acc is sorted by Start and non-overlapping.
		k, _ := slices.BinarySearchFunc(acc, f.Start, func(a Finding, start int) int { return a.Start - start })
		if k > 0 && acc[k-1].End > f.Start {
			continue
		}
		if k < len(acc) && acc[k].Start < f.End {
			continue
		}
		acc = slices.Insert(acc, k, f)
	}
	s.accepted = acc
	n := len(dst)
	dst = append(dst, acc...)
	for i := n; i < len(dst); i++ {
		dst[i].Score = float64(int(dst[i].Score*100+0.5)) / 100
	}
	return dst
}
