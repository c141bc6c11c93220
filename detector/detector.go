package detector

import (
	"bytes"
	"context"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/aho"
	"github.com/piiguard/piiguard/internal/dfa"
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
	ac       *aho.Matcher
	// maxWordLen is the length of the longest automaton word.
	maxWordLen int
	byLine     []*compiledPattern
	// triggers group the byClass patterns that have a required byte by the
	// rarest one: each occurrence of it is expanded to the run of the
	// pattern's class around it. anyWhere lists the byClass patterns
	// without one: they are verified over the whole text.
	triggers []classTrigger
	anyWhere []*compiledPattern
	// wholeText groups the patterns searched over the whole text (byLine,
	// anyWhere) that have a DFA: one pass over the text tries each byte that
	// can start a match of any of them.
	wholeText []wholeGroup
	minScore  float64
	pool      sync.Pool
}

type compiledIdent struct {
	// id is the detector's own copy of the identifier (see cloneIdentifier):
	// changing the caller's after Compile changes nothing here.
	id       *identifiers.Identifier
	window   int
	patterns []*compiledPattern
	// hasKeywords says the identifier has keywords, so proximity is scored.
	hasKeywords bool
}

type compiledPattern struct {
	index      int
	ident      *compiledIdent
	identIndex int
	re         regex.Regexp
	// dfa, when the pattern compiles to one (most do), finds matches
	// instead of re: exactly the same matches, faster and without
	// allocating.
	dfa *dfa.DFA
	// lazy, for patterns whose DFA is too big to build in full, builds its
	// states as texts reach them.
	lazy *dfa.Lazy
	info *prefilter.Info
	// memo says the pattern's matches can be long (unbounded, or longer
	// than memoMinLen): its searches share a dfa.Memo per window, so that
	// walks from successive starts stop where an earlier walk was, and a
	// window costs time linear in its length.
	memo         bool
	needsKeyword bool
	trigger      trigger
	validator    *identifiers.Validator
	standalone   bool
	// required lists the bytes every match contains.
	required []byte
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
	d := &Detector{minScore: opts.MinScore}
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
		// Everything below reads the detector's own copy: the caller may
		// change or reuse its identifier once Compile returns.
		id = cloneIdentifier(id)
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
				dfa:          compileDFA(p.Expr),
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
			if cp.dfa == nil {
				cp.lazy, _ = dfa.CompileLazy(p.Expr, 0)
			}
			cp.memo = info.MaxLen == prefilter.Unbounded || info.MaxLen > memoMinLen
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
				d.addClassTrigger(cp)
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
			d.maxWordLen = max(d.maxWordLen, len(w.text))
			w.endWord = isWordByte(w.text[len(w.text)-1])
		}
		bounded := make([]bool, len(d.words))
		for i := range d.words {
			w := &d.words[i]
			// A keyword that starts with a letter or digit only counts at a
			// word start. So does a literal that starts every match of its
			// patterns when they must start a word (EMP-[0-9]{6}), or that
			// always follows a byte other than a letter or digit in them
			// (" Street"): an occurrence inside a word belongs to no match
			// that bounded would keep. Other literals count anywhere.
			bounded[i] = w.startWord
			for _, pi := range w.literals {
				if info := d.patterns[pi].info; !(info.Prefix && info.WordStart) && !info.AfterNonWord {
					bounded[i] = false
				}
			}
		}
		d.ac = aho.NewBounded(dict, bounded)
	}
	d.groupWholeText()
	d.pool.New = func() any { return new(scratch) }
	return d, nil
}

// wholeGroup is up to 64 patterns searched over the whole text in one pass:
// starts[c] has bit k when pattern k can start with byte c.
type wholeGroup struct {
	starts [256]uint64
	// seconds[c] has bit k when byte c can follow the first byte of a match
	// of pattern k (every pattern here matches at least 2 bytes).
	seconds [256]uint64
	// inWord has bit k when pattern k's matches that start with a letter
	// or digit must start a word: a start right after a letter, digit or
	// '_' is rejected by bounded, so it is not tried.
	inWord   uint64
	patterns []*compiledPattern
}

// groupWholeText moves the whole-text patterns that have a DFA from byLine
// and anyWhere into wholeText groups.
func (d *Detector) groupWholeText() {
	var rest []*compiledPattern
	add := func(cps []*compiledPattern) []*compiledPattern {
		var keep []*compiledPattern
		for _, cp := range cps {
			if cp.dfa == nil || cp.memo {
				keep = append(keep, cp)
				continue
			}
			if len(d.wholeText) == 0 || len(d.wholeText[len(d.wholeText)-1].patterns) == 64 {
				d.wholeText = append(d.wholeText, wholeGroup{})
			}
			g := &d.wholeText[len(d.wholeText)-1]
			k := len(g.patterns)
			g.patterns = append(g.patterns, cp)
			if cp.info.WordStart {
				g.inWord |= 1 << k
			}
			for c := range 256 {
				if cp.dfa.Starts(byte(c)) {
					g.starts[c] |= 1 << k
				}
				if cp.info.MinLen < 2 || cp.dfa.Seconds(byte(c)) {
					g.seconds[c] |= 1 << k
				}
			}
		}
		return keep
	}
	d.byLine = add(d.byLine)
	rest = add(d.anyWhere)
	d.anyWhere = rest
}

// scanWholeText searches the whole text for the wholeText patterns, as
// verify would over one window spanning the text, all patterns in one
// pass: next[k] is where pattern k's search resumes.
func (d *Detector) scanWholeText(s *scratch, text []byte) {
	for gi := range d.wholeText {
		g := &d.wholeText[gi]
		var next [64]int
		for i := 0; i < len(text); i++ {
			m := g.starts[text[i]]
			if m == 0 {
				continue
			}
			if i+1 < len(text) {
				m &= g.seconds[text[i+1]]
			}
			if i > 0 && valueWordChars[text[i-1]] && valueWordChars[text[i]] {
				m &^= g.inWord
			}
			for m != 0 {
				k := bits.TrailingZeros64(m)
				m &= m - 1
				if i < next[k] {
					continue
				}
				cp := g.patterns[k]
				me := cp.dfa.EndAt(text, i)
				if me < 0 {
					continue
				}
				// A match starts with an ASCII byte or a UTF-8 lead byte, so
				// the next start after a rejected one is at i+1 or later.
				if kept, retry := d.consider(s, text, cp, i, me); kept || !retry {
					next[k] = me
				} else {
					next[k] = i + 1
				}
			}
		}
	}
}

// compileDFA compiles a pattern to a DFA when the package supports it.
func compileDFA(expr string) *dfa.DFA {
	d, err := dfa.Compile(expr, dfa.Options{})
	if err != nil {
		return nil
	}
	return d
}

// memoMinLen is the match length above which a pattern's searches use a
// dfa.Memo: below it, a walk from each start costs at most that many steps.
const memoMinLen = 256

// find returns the leftmost-first match of cp in text[pos:end], as offsets
// in text. m is the window's memo, Reset for [lo, end), when cp.memo.
func (cp *compiledPattern) find(text []byte, pos, end int, m *dfa.Memo) (ms, me int, ok bool) {
	if cp.memo {
		var word *[256]bool
		if cp.info.WordStart {
			word = &valueWordChars
		}
		if cp.dfa != nil {
			return cp.dfa.FindFromMemo(text[:end], pos, word, m)
		}
		if cp.lazy != nil {
			if ms, me, found, done := cp.lazy.FindFromMemo(text[:end], pos, word, m); done {
				return ms, me, found
			}
		}
		ms, me, ok = cp.re.Find(text[pos:end])
		return pos + ms, pos + me, ok
	}
	if cp.dfa != nil {
		if cp.info.WordStart {
			return cp.dfa.FindFromWordStart(text[:end], pos, &valueWordChars)
		}
		return cp.dfa.FindFrom(text[:end], pos)
	}
	if cp.lazy != nil {
		if ms, me, found, done := cp.lazy.FindFrom(text[:end], pos); done {
			return ms, me, found
		}
	}
	ms, me, ok = cp.re.Find(text[pos:end])
	return pos + ms, pos + me, ok
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
	add := func(f string) {
		f = asciiLowerString(f)
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	for _, v := range identifiers.KeywordVariants(kw) {
		add(v)
		add(strings.ToUpper(v))
		add(capitalize(v, false)) // "Шофьорска книжка"
		add(capitalize(v, true))  // "Führerschein Republik Österreich"
	}
	return out
}

// capitalize upper-cases the first letter of s, or of every word of s when
// words is set (words are separated by ' ', '_' and '-'). The automaton folds
// ASCII case itself; these forms cover non-ASCII letters, which it does not.
func capitalize(s string, words bool) string {
	var b strings.Builder
	start := true
	for _, r := range s {
		if start {
			r = unicode.ToUpper(r)
		}
		start = words && (r == ' ' || r == '_' || r == '-')
		b.WriteRune(r)
	}
	return b.String()
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

// Identifiers returns copies of the identifiers the detector was compiled
// from, in order. Changing them does not change the detector.
func (d *Detector) Identifiers() []*identifiers.Identifier {
	out := make([]*identifiers.Identifier, len(d.idents))
	for i, ci := range d.idents {
		out[i] = cloneIdentifier(ci.id)
	}
	return out
}

// cloneIdentifier copies id deeply enough that no later change to id (its
// slices, its patterns, its validators) reaches the copy, nor the reverse.
// Validator functions are shared: a func value cannot be changed in place.
func cloneIdentifier(id *identifiers.Identifier) *identifiers.Identifier {
	c := *id
	c.Patterns = slices.Clone(id.Patterns)
	for i := range c.Patterns {
		c.Patterns[i].Validator = cloneValidator(c.Patterns[i].Validator)
	}
	c.Keywords = slices.Clone(id.Keywords)
	c.NeverReported = slices.Clone(id.NeverReported)
	c.Validator = cloneValidator(id.Validator)
	return &c
}

func cloneValidator(v *identifiers.Validator) *identifiers.Validator {
	if v == nil {
		return nil
	}
	c := *v
	return &c
}

// Find returns the findings in text, sorted by Start. Findings of different
// spans do not overlap; several identifiers matching one span each give a
// finding for it, strongest first (see Overlaps in the package doc).
func (d *Detector) Find(text []byte) []Finding {
	return d.AppendFindings(nil, text)
}

// FindString is Find for a string.
func (d *Detector) FindString(text string) []Finding {
	return d.AppendFindings(nil, []byte(text))
}

// scratch is per-call working memory, pooled.
type scratch struct {
	kwOccs []occurrence
	// windows[p] are pattern p's windows, merged as they come (they come
	// mostly in order of start); unsorted[p] says some came out of order.
	// touched lists the patterns with windows in this call.
	windows  [][]window
	unsorted []bool
	touched  []int
	nwindows int
	cands    []Finding
	accepted []Finding
	specific []int8
	order    []int
	keys     []uint64
	// coords, tree, keptEnd and kept are resolveCluster's.
	coords  []int
	tree    []int
	keptEnd []int
	kept    []keptFinding
	done    []int
	from    []int
	memo    dfa.Memo
	// joins are the patterns' joiner runs (see joinRun), valid when their
	// gen is gen, which each call advances.
	joins []joinRun
	gen   uint32
}

type occurrence struct {
	start, end int
	word       int
}

type window struct {
	pattern    int
	start, end int
}

// AppendFindings appends the findings in text to dst, as Find returns them,
// and returns the extended slice. text is not retained.
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

// blockSize is the size of the blocks a long text is scanned in.
const blockSize = 32 << 10

// checkEvery is how many verification windows run between context checks.
const checkEvery = 64

func (d *Detector) appendFindings(ctx context.Context, dst []Finding, text []byte) ([]Finding, error) {
	if len(text) == 0 || len(d.patterns) == 0 {
		return dst, nil
	}
	s := d.pool.Get().(*scratch)
	defer func() {
		for _, p := range s.touched {
			s.windows[p], s.unsorted[p] = s.windows[p][:0], false
		}
		s.touched = s.touched[:0]
		if s.nwindows > maxPooledBuffer/16 || cap(s.cands) > maxPooledBuffer/16 || cap(s.kwOccs) > maxPooledBuffer/16 {
			s.windows, s.kwOccs, s.cands, s.accepted, s.specific, s.order, s.keys = nil, nil, nil, nil, nil, nil, nil
			s.coords, s.tree, s.keptEnd, s.kept = nil, nil, nil, nil
		}
		if s.memo.Bytes() > maxPooledBuffer {
			s.memo = dfa.Memo{}
		}
		d.pool.Put(s)
	}()
	s.kwOccs, s.cands, s.nwindows = s.kwOccs[:0], s.cands[:0], 0
	if s.gen++; s.gen == 0 {
		clear(s.joins) // a joinRun of gen 0 must not look current
		s.gen = 1
	}
	if len(s.windows) != len(d.patterns) {
		s.windows, s.unsorted = make([][]window, len(d.patterns)), make([]bool, len(d.patterns))
	}

	if len(text) <= blockSize {
		d.collectWords(s, text)
		d.collectClassRuns(s, text)
	} else {
		// A long text, block by block, so that each block is read from the
		// cache by the second pass.
		d.startClassRuns(s)
		var st int32
		for lo := 0; lo < len(text); lo += blockSize {
			hi := min(lo+blockSize, len(text))
			if d.ac != nil {
				st = d.collectWordsRange(s, text, lo, hi, st)
			}
			d.collectClassRunsRange(s, text, lo, hi)
		}
		d.sortOccurrences(s)
		for _, cp := range d.anyWhere {
			s.addWindow(cp.index, 0, len(text))
		}
	}
	d.scanWholeText(s, text)
	for _, cp := range d.byLine {
		s.addWindow(cp.index, 0, len(text))
	}
	n := 0
	for _, p := range s.touched {
		ws := s.windows[p]
		if s.unsorted[p] {
			slices.SortFunc(ws, func(a, b window) int { return a.start - b.start })
			ws = mergeWindows(ws)
		}
		for _, w := range ws {
			d.verify(s, text, w)
			if n++; n%checkEvery == 0 {
				if err := ctx.Err(); err != nil {
					return dst, err
				}
			}
		}
	}
	if len(s.cands) == 0 {
		return dst, nil
	}
	return d.resolve(s, dst), nil
}

// addWindow adds a window for pattern p, merging it with the last one when
// they overlap.
func (s *scratch) addWindow(p, lo, hi int) {
	ws := s.windows[p]
	if len(ws) == 0 {
		s.touched = append(s.touched, p)
	} else if last := &ws[len(ws)-1]; lo >= last.start && lo <= last.end {
		last.end = max(last.end, hi)
		return
	} else if lo < last.start {
		s.unsorted[p] = true
	}
	s.windows[p] = append(ws, window{p, lo, hi})
	s.nwindows++
}

// mergeWindows merges overlapping windows sorted by start, in place.
func mergeWindows(ws []window) []window {
	out := ws[:0]
	for _, w := range ws {
		if n := len(out); n > 0 && w.start <= out[n-1].end {
			out[n-1].end = max(out[n-1].end, w.end)
			continue
		}
		out = append(out, w)
	}
	return out
}

// collectWords runs the automaton, records keyword occurrences and adds
// windows for the patterns they trigger.
func (d *Detector) collectWords(s *scratch, text []byte) {
	if d.ac == nil {
		return
	}
	d.collectWordsRange(s, text, 0, len(text), 0)
	d.sortOccurrences(s)
}

// collectWordsRange runs the automaton over text[from:to] from state st
// and returns the state at to.
func (d *Detector) collectWordsRange(s *scratch, text []byte, from, to int, st int32) int32 {
	return d.ac.ScanRange(text, from, to, st, func(wi, start, end int) {
		w := &d.words[wi]
		for _, pi := range w.literals {
			d.addLiteralWindow(s, d.patterns[pi], text, start, end)
		}
		if len(w.keywords) == 0 {
			return
		}
		if w.startWord && continuesWordBefore(text, start) || w.endWord && continuesWordAfter(text, end) {
			return
		}
		s.kwOccs = append(s.kwOccs, occurrence{start, end, wi})
		for _, o := range w.keywords {
			ci := d.idents[o.ident]
			for _, cp := range ci.patterns {
				if cp.trigger == byKeyword {
					d.addKeywordWindow(s, cp, text, start, end)
				}
			}
		}
	})
}

func (d *Detector) sortOccurrences(s *scratch) {
	if len(s.kwOccs) > 1 {
		slices.SortFunc(s.kwOccs, compareOccurrences)
	}
}

// compareOccurrences orders keyword occurrences by start, end, then word.
func compareOccurrences(a, b occurrence) int {
	if a.start != b.start {
		return a.start - b.start
	}
	if a.end != b.end {
		return a.end - b.end
	}
	return a.word - b.word
}

// addKeywordWindow adds the window in which a match of cp near the keyword
// at [start, end) can lie: one within the identifier's window (in
// characters) of the keyword, plus a lead-in of the pattern's maximum
// length on each side, so that a match that straddles the window's edge is
// one no keyword could keep (see DESIGN in doc.go).
func (d *Detector) addKeywordWindow(s *scratch, cp *compiledPattern, text []byte, start, end int) {
	maxLen := cp.info.MaxLen
	w := cp.ident.window
	if maxLen == prefilter.Unbounded {
		if cp.info.AllowedAll {
			s.addWindow(cp.index, 0, len(text))
			return
		}
		// A match is a run of the pattern's bytes that reaches within w
		// characters of the keyword: the window is the runs that cross the
		// edges of that zone. A match cannot straddle a run's end, so the
		// search from the run's start finds what a search of the whole text
		// would.
		lo, hi := runesBefore(text, start, w), runesAfter(text, end, w)
		for lo > 0 && cp.info.Allowed[text[lo-1]] {
			lo--
		}
		for hi < len(text) && cp.info.Allowed[text[hi]] {
			hi++
		}
		s.addWindow(cp.index, lo, hi)
		return
	}
	zlo, zhi := runesBefore(text, start, w), runesAfter(text, end, w)
	lo, hi := max(zlo-2*maxLen, 0), min(zhi+2*maxLen, len(text))
	if !cp.info.AllowedAll {
		// No match crosses a byte the pattern cannot match: the lead-ins
		// end at the last such byte before the zone (and after it), where
		// a search of the whole text would start afresh too.
		k := zlo
		for k > lo && cp.info.Allowed[text[k-1]] {
			k--
		}
		lo = k
		k = zhi
		for k < hi && cp.info.Allowed[text[k]] {
			k++
		}
		hi = k
	}
	s.addWindow(cp.index, lo, hi)
}

// runesBefore returns the offset n characters before i, counting bytes
// that do not continue a UTF-8 sequence (so never fewer bytes than n
// characters as utf8.RuneCount counts them).
func runesBefore(text []byte, i, n int) int {
	for i > 0 && n > 0 {
		i--
		if text[i]&0xC0 != 0x80 {
			n--
		}
	}
	// Include the continuation bytes of a sequence whose lead was counted.
	for i > 0 && text[i-1]&0xC0 == 0x80 {
		i--
	}
	return i
}

// runesAfter returns the offset n characters after i (see runesBefore).
func runesAfter(text []byte, i, n int) int {
	for i < len(text) && n > 0 {
		i++
		for i < len(text) && text[i]&0xC0 == 0x80 {
			i++
		}
		n--
	}
	return i
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
	s.addWindow(cp.index, lo, hi)
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
	// A literal inside the last window of the pattern adds nothing: that
	// window already is the whole run around it. (Without this check a flood
	// of literals in one long run costs quadratic time.)
	if ws := s.windows[cp.index]; len(ws) > 0 {
		if last := ws[len(ws)-1]; start >= last.start && end <= last.end && runCovers(info, text, last) {
			return
		}
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
		s.addWindow(cp.index, lo, hi)
	}
}

// runCovers reports whether window w was expanded to a whole run of the
// pattern's class: it cannot grow, so a literal inside it needs no window of
// its own. Windows bounded by MaxLen, or grown by merging with another
// trigger's window, may not be whole runs; they are expanded again.
func runCovers(info *prefilter.Info, text []byte, w window) bool {
	if info.MaxLen != prefilter.Unbounded {
		return false
	}
	return (w.start == 0 || !info.Allowed[text[w.start-1]]) && (w.end == len(text) || !info.Allowed[text[w.end]])
}

// classTrigger is a byte and the class patterns that every match of
// contains it.
type classTrigger struct {
	b        byte
	patterns []*compiledPattern
}

// triggerRank orders candidate trigger bytes: the rarer in logs, the lower.
func triggerRank(c byte) int {
	switch {
	case c == ' ':
		return 7
	case c >= 'a' && c <= 'z':
		return 6
	case c >= 'A' && c <= 'Z':
		return 5
	case c >= '0' && c <= '9':
		return 4
	case c == '.' || c == '-' || c == '_' || c == ',':
		return 3
	case c == ':' || c == '/' || c == '=':
		return 2
	case c >= 0x80:
		return 8
	}
	return 1
}

// addClassTrigger files a class pattern under its rarest required byte, or
// among those verified over the whole text.
func (d *Detector) addClassTrigger(cp *compiledPattern) {
	best := -1
	for _, c := range cp.required {
		if best < 0 || triggerRank(c) < triggerRank(byte(best)) {
			best = int(c)
		}
	}
	if best < 0 {
		d.anyWhere = append(d.anyWhere, cp)
		return
	}
	for i := range d.triggers {
		if d.triggers[i].b == byte(best) {
			d.triggers[i].patterns = append(d.triggers[i].patterns, cp)
			return
		}
	}
	d.triggers = append(d.triggers, classTrigger{b: byte(best), patterns: []*compiledPattern{cp}})
}

// collectClassRuns finds, for each class pattern with a trigger byte, the
// maximal runs of its class that hold the byte, and checks each (whole
// patterns) or adds it as a window. A match is made of the class's bytes,
// so it lies within one maximal run, and verifying runs one by one finds
// what a search of the whole text would.
func (d *Detector) collectClassRuns(s *scratch, text []byte) {
	d.startClassRuns(s)
	d.collectClassRunsRange(s, text, 0, len(text))
	for _, cp := range d.anyWhere {
		s.addWindow(cp.index, 0, len(text))
	}
}

// startClassRuns resets the positions the class-run search resumes from:
// s.from[t] for trigger t, s.done[k] for its patterns (s.doneAt[t] is where
// trigger t's patterns start in s.done).
func (d *Detector) startClassRuns(s *scratch) {
	if cap(s.from) < len(d.triggers) {
		s.from = make([]int, len(d.triggers))
	}
	s.from = s.from[:len(d.triggers)]
	clear(s.from)
	n := 0
	for _, t := range d.triggers {
		n += len(t.patterns)
	}
	if cap(s.done) < n {
		s.done = make([]int, n)
	}
	s.done = s.done[:n]
	clear(s.done)
}

// collectClassRunsRange finds the trigger bytes in text[from:to]; a run
// may reach beyond the range, and the search resumes after it.
func (d *Detector) collectClassRunsRange(s *scratch, text []byte, from, to int) {
	base := 0
	for ti := range d.triggers {
		t := &d.triggers[ti]
		done := s.done[base : base+len(t.patterns)]
		base += len(t.patterns)
		at := max(s.from[ti], from)
		for at < to {
			i := bytes.IndexByte(text[at:to], t.b)
			if i < 0 {
				at = to
				break
			}
			i += at
			next := i + 1
			for k, cp := range t.patterns {
				if i >= done[k] {
					done[k] = d.classRun(s, cp, text, i)
				}
				if len(t.patterns) == 1 {
					next = max(next, done[k])
				}
			}
			at = next
		}
		s.from[ti] = at
	}
}

// classRun handles the maximal run of cp's class around text[i] and
// returns its end.
func (d *Detector) classRun(s *scratch, cp *compiledPattern, text []byte, i int) int {
	info := cp.info
	lo, hi := i, i+1
	for lo > 0 && info.Allowed[text[lo-1]] {
		lo--
	}
	for hi < len(text) && info.Allowed[text[hi]] {
		hi++
	}
	if hi-lo < info.MinLen || !containsAll(text[lo:hi], cp.required) {
		return hi
	}
	if info.MinDigits > 0 {
		digits := 0
		for _, c := range text[lo:hi] {
			if c >= '0' && c <= '9' {
				digits++
			}
		}
		if digits < info.MinDigits {
			return hi
		}
	}
	s.addWindow(cp.index, lo, hi)
	return hi
}

// bounded reports whether text[ms:me] stands on its own: it does not
// continue a word (a letter, digit or '_' on both sides of an edge) and is
// not joined to one by joiners, outside the match ("1.2.3.4" in
// "1.2.3.4.5", "0:0" in "0:0::0:0") or at its edge ("::1:2" in
// "db8::1:2"). The runs of joiners around a match are walked through
// s.joins, so that the candidates inside one long run (a line of ':')
// cost time linear in it, not each the whole run.
func (cp *compiledPattern) bounded(s *scratch, text []byte, ms, me int) bool {
	w := &valueWordChars
	if ms > 0 {
		c := text[ms-1]
		if cp.info.WordStart && w[c] && w[text[ms]] || cp.joiners[text[ms]] && w[c] {
			return false
		}
		if cp.joiners[c] {
			// Joiners between a letter or digit and the match glue them.
			if k := s.joinRun(cp).before(&cp.joiners, text, ms-1); k >= 0 && w[text[k]] {
				return false
			}
		}
		// A number never starts right after "digit." ("10.11.10" in "1.10.11.10").
		if c == '.' && isDigit(text[ms]) && ms >= 2 && isDigit(text[ms-2]) {
			return false
		}
	}
	if me < len(text) {
		c := text[me]
		if cp.info.WordEnd && w[c] && w[text[me-1]] || cp.joiners[text[me-1]] && w[c] {
			return false
		}
		if cp.joiners[c] {
			if k := s.joinRun(cp).after(&cp.joiners, text, me); k < len(text) && w[text[k]] {
				return false
			}
		}
		// Nor ends right before ".digit" ("10.11.10" in "10.11.10.1").
		if c == '.' && isDigit(text[me-1]) && me+1 < len(text) && isDigit(text[me+1]) {
			return false
		}
	}
	return true
}

// joinRun remembers, for one pattern in one call, the last run of its
// joiners walked in each direction: text[backK+1..back] are joiners and
// text[backK] is not (or backK is -1); text[fwd..fwdK-1] are joiners and
// text[fwdK] is not (or fwdK is the text's length). A walk that enters a
// remembered run jumps to its end.
type joinRun struct {
	gen         uint32
	back, backK int
	fwd, fwdK   int
}

// joinRun returns cp's joinRun for this call.
func (s *scratch) joinRun(cp *compiledPattern) *joinRun {
	if cp.index >= len(s.joins) {
		s.joins = append(s.joins, make([]joinRun, cp.index+1-len(s.joins))...)
	}
	j := &s.joins[cp.index]
	if j.gen != s.gen {
		*j = joinRun{gen: s.gen, back: -1, backK: -1, fwd: -1, fwdK: -1}
	}
	return j
}

// before returns the offset of the last byte at or before i that is not a
// joiner, or -1.
func (j *joinRun) before(joiners *[256]bool, text []byte, i int) int {
	k := i
	for k >= 0 && joiners[text[k]] {
		if k <= j.back && k > j.backK {
			k = j.backK
			break
		}
		k--
	}
	j.back, j.backK = i, k
	return k
}

// after returns the offset of the first byte at or after i that is not a
// joiner, or len(text).
func (j *joinRun) after(joiners *[256]bool, text []byte, i int) int {
	k := i
	for k < len(text) && joiners[text[k]] {
		if k >= j.fwd && k < j.fwdK {
			k = j.fwdK
			break
		}
		k++
	}
	j.fwd, j.fwdK = i, k
	return k
}

// stronger orders candidates a and b of s.cands by strength: higher score,
// then more specific, then longer, then earlier, then by identifier name.
func (s *scratch) stronger(a, b int) int {
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
}

// resolveCluster appends to acc the candidates of one cluster that win,
// sorted by Start and, on one span, by strength: in order of strength, each
// that overlaps no stronger one already kept, and each whose span is
// exactly that of a kept one (another identifier matching the same value;
// one finding per identifier).
//
// Kept spans never overlap, so each elementary segment between two of the
// cluster's offsets is covered by at most one: a Fenwick tree over the
// segments answers "does this span overlap a kept one" in O(log k) and
// each segment is marked once, O(k log k) for the cluster in all (inserting
// into a sorted slice, as this once did, is quadratic when one cluster
// spans a whole long line).
func (d *Detector) resolveCluster(s *scratch, acc []Finding, cluster []int) []Finding {
	slices.SortFunc(cluster, s.stronger)
	// Offsets of the cluster, sorted and unique.
	coords := s.coords[:0]
	for _, i := range cluster {
		coords = append(coords, s.cands[i].Start, s.cands[i].End)
	}
	slices.Sort(coords)
	coords = slices.Compact(coords)
	s.coords = coords
	n := len(coords)
	tree := slices.Grow(s.tree[:0], n+1)[:n+1] // Fenwick tree over segments 1..n
	clear(tree)
	keptEnd := slices.Grow(s.keptEnd[:0], n)[:n] // by start offset index: end index+1 of the kept span, or 0
	clear(keptEnd)
	s.tree, s.keptEnd = tree, keptEnd
	sum := func(i int) int { // marks on segments [0, i)
		t := 0
		for ; i > 0; i -= i & -i {
			t += tree[i]
		}
		return t
	}
	index := func(off int) int { k, _ := slices.BinarySearch(coords, off); return k }
	kept := s.kept[:0]
	for rank, i := range cluster {
		f := &s.cands[i]
		a, b := index(f.Start), index(f.End)
		if keptEnd[a] == b+1 {
			// The span of a stronger finding: kept, once per identifier.
			if !slices.ContainsFunc(kept, func(k keptFinding) bool {
				c := &s.cands[k.cand]
				return c.Start == f.Start && c.End == f.End && c.Identifier == f.Identifier
			}) {
				kept = append(kept, keptFinding{i, rank})
			}
			continue
		}
		if sum(b)-sum(a) > 0 {
			continue
		}
		keptEnd[a] = b + 1
		for seg := a; seg < b; seg++ {
			for j := seg + 1; j <= n; j += j & -j {
				tree[j]++
			}
		}
		kept = append(kept, keptFinding{i, rank})
	}
	slices.SortFunc(kept, func(x, y keptFinding) int {
		if sx, sy := s.cands[x.cand].Start, s.cands[y.cand].Start; sx != sy {
			return sx - sy
		}
		return x.rank - y.rank
	})
	s.kept = kept
	for _, k := range kept {
		acc = append(acc, s.cands[k.cand])
	}
	return acc
}

// keptFinding is a candidate that won in its cluster and its rank in the
// cluster's order of strength.
type keptFinding struct{ cand, rank int }

// keywordEndsAt reports whether a keyword occurrence ends at byte i (so a
// digit there, as in "cvv2 123", is the keyword's, not a digit group's).
func (d *Detector) keywordEndsAt(s *scratch, i int) bool {
	for _, o := range s.kwOccs[d.firstOccurrence(s, i-d.maxWordLen):] {
		if o.start >= i {
			break
		}
		if o.end == i {
			return true
		}
	}
	return false
}

// firstOccurrence returns the index of the first keyword occurrence that
// starts at or after offset i (they are sorted by start).
func (d *Detector) firstOccurrence(s *scratch, i int) int {
	k, _ := slices.BinarySearchFunc(s.kwOccs, i, func(o occurrence, i int) int { return o.start - i })
	for k > 0 && s.kwOccs[k-1].start >= i {
		k--
	}
	return k
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
	if cp.memo {
		s.memo.Reset(w.start, w.end)
	}
	for pos := w.start; pos < w.end; {
		ms, me, ok := cp.find(text, pos, w.end, &s.memo)
		if !ok {
			return
		}
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
	if !cp.bounded(s, text, ms, me) {
		return false, true
	}
	if cp.standalone && (digitGroupBefore(text, ms) && !d.keywordEndsAt(s, ms-1) || digitGroupAfter(text, me)) {
		return false, true
	}
	if cp.validator != nil && cp.validator.Score != nil {
		return d.considerScored(s, text, cp, ms, me)
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
	fs, fe := ms, me
	if cp.validator != nil && cp.validator.Span != nil {
		if vs, ve := cp.validator.Span(text, ms, me); vs >= 0 && ve <= len(text) && vs < ve {
			fs, fe = vs, ve
		}
	}
	s.cands = append(s.cands, Finding{Identifier: id.Name, Start: fs, End: fe, Score: score, Keyword: kw})
	s.specific = append(s.specific[:len(s.cands)-1], specificity(cp, gap))
	return true, false
}

// considerScored records the part of a match that the pattern's
// Validator.Score accepts, with the score it gives.
func (d *Detector) considerScored(s *scratch, text []byte, cp *compiledPattern, ms, me int) (kept, retry bool) {
	vs, ve, score, ok := cp.validator.Score(text, ms, me)
	if !ok || vs < 0 || ve > len(text) || vs >= ve {
		// The scorer has weighed every part of the match.
		return false, false
	}
	if cp.ident.id.IsNeverReported(text[vs:ve]) {
		return false, false
	}
	gap, kw := d.nearestKeyword(s, text, cp, vs, ve)
	if cp.needsKeyword && gap < 0 {
		return false, false
	}
	score = min(max(score, 0), 1)
	if score < d.minScore {
		return false, false
	}
	s.cands = append(s.cands, Finding{Identifier: cp.ident.id.Name, Start: vs, End: ve, Score: score, Keyword: kw})
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
	// Only occurrences starting in [ms-limit-maxWordLen, me+limit] can be
	// near enough; they are visited in the order of the sorted list.
	for _, o := range s.kwOccs[d.firstOccurrence(s, ms-limit-d.maxWordLen):] {
		if o.start > me+limit {
			break
		}
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

// resolve keeps, of overlapping candidates, the stronger (see stronger),
// and the other identifiers' candidates of a kept span. It appends the kept
// findings to dst sorted by Start, strongest first on a span.
func (d *Detector) resolve(s *scratch, dst []Finding) []Finding {
	// Candidates that overlap no other are kept as they are; the others
	// form clusters (maximal chains of overlaps), each resolved on its own:
	// a candidate never overlaps one of another cluster, so the greedy
	// choice below gives the same result as over all candidates at once,
	// in time that stays linear in the text.
	// Sort by start: keys hold the start above the candidate's index.
	keys := s.keys[:0]
	for i := range s.cands {
		keys = append(keys, uint64(s.cands[i].Start)<<32|uint64(i))
	}
	slices.Sort(keys)
	s.keys = keys
	order := s.order[:0]
	for _, k := range keys {
		order = append(order, int(uint32(k)))
	}
	s.order = order
	acc := s.accepted[:0]
	for lo := 0; lo < len(order); {
		hi, end := lo+1, s.cands[order[lo]].End
		for hi < len(order) && s.cands[order[hi]].Start < end {
			end = max(end, s.cands[order[hi]].End)
			hi++
		}
		if hi == lo+1 {
			acc = append(acc, s.cands[order[lo]])
		} else {
			acc = d.resolveCluster(s, acc, order[lo:hi])
		}
		lo = hi
	}
	s.accepted = acc
	n := len(dst)
	dst = append(dst, acc...)
	for i := n; i < len(dst); i++ {
		dst[i].Score = float64(int(dst[i].Score*100+0.5)) / 100
	}
	return dst
}
