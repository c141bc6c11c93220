package detector

import (
	"fmt"
	"slices"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/aho"
	"github.com/piiguard/piiguard/internal/precompiled"
	"github.com/piiguard/piiguard/internal/prefilter"
	"github.com/piiguard/piiguard/internal/regex"
)

// compile compiles ids, taking the automata of the patterns cat holds from
// it (cat may be nil) and parsing each other pattern once (see sources).
func compile(ids []*identifiers.Identifier, opts Options, engine regex.Engine, cat *precompiled.Catalog) (*Detector, error) {
	d := &Detector{minScore: opts.MinScore}
	src := newSources(engine, cat)
	seen := map[string]bool{}
	var entries []*precompiled.Entry // of each pattern, nil when cat has none
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
		ci := &compiledIdent{id: id, window: id.ProximityWindow(), hasKeywords: len(id.Keywords) > 0, neverReported: len(id.NeverReported) > 0}
		d.idents = append(d.idents, ci)
		if id.Block {
			if d.blocks == nil {
				d.blocks = map[string]bool{}
			}
			d.blocks[id.Name] = true
		}
		for pi, p := range id.Patterns {
			entry := cat.Lookup(p.Expr)
			entries = append(entries, entry)
			re, info, err := src.source(entry, p.Expr)
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
			if near := cp.needsKeyword || info.Literals != nil; near && entry != nil && entry.Kind == precompiled.KindDFA {
				// Triggered by a keyword or literal, the pattern needs its
				// automaton only when a text holds one: it is decoded then.
				cp.stored = &storedDFA{entry: entry, expr: p.Expr}
			} else {
				cp.dfa, cp.lazy = src.automaton(entry, p.Expr, near)
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
			case !info.AllowedAll && info.MinLen > 0 && !allowsLower(info):
				cp.trigger = byClass
				d.addClassTrigger(cp)
			default:
				cp.trigger = byWholeText
				d.wholeText = append(d.wholeText, cp)
			}
			ci.patterns = append(ci.patterns, cp)
			d.patterns = append(d.patterns, cp)
		}
	}
	d.groupWholeText()
	d.indexTriggers()
	d.setUpWords(cat, entries)
	d.pool.New = func() any { return new(scratch) }
	return d, nil
}

// memoMinLen is the match length above which a pattern's searches use a
// dfa.Memo: below it, a walk from each start costs at most that many steps.
const memoMinLen = 256

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

// setUpWords gives the detector its automaton words (the forms of the
// identifiers' keywords, the patterns' literals) and their automaton:
// decoded from cat when it holds them for exactly this input (see
// keywordKey; entries are the patterns' entries in cat), built otherwise.
func (d *Detector) setUpWords(cat *precompiled.Catalog, entries []*precompiled.Entry) {
	if form := cat.KeywordSetup(d.keywordKey(entries)); form == nil || d.decodeWords(form) != nil {
		d.buildWords()
	}
	d.marked = d.ac != nil && (len(d.wholeGroups) > 0 || len(d.runs.slots) > 0)
}

// buildWords computes the automaton words and builds their automaton.
func (d *Detector) buildWords() {
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
	for ii, ci := range d.idents {
		for _, kw := range ci.id.Keywords {
			for _, v := range keywordForms(kw) {
				w := addWord(v)
				if !slices.ContainsFunc(w.keywords, func(o owner) bool { return o.ident == ii }) {
					w.keywords = append(w.keywords, owner{ident: ii, keyword: kw})
				}
			}
		}
		for _, cp := range ci.patterns {
			if cp.trigger == byLiteral {
				for _, l := range cp.info.Literals {
					w := addWord(l)
					w.literals = append(w.literals, cp.index)
				}
			}
		}
	}
	if len(d.words) > 0 {
		dict := make([][]byte, len(d.words))
		for i := range d.words {
			dict[i] = d.words[i].text
		}
		d.indexWords()
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
		// The automaton's pass also finds the bytes that may start a
		// whole-text match and the class runs' trigger bytes (see
		// scanMarks).
		d.ac = aho.NewMarked(dict, bounded, [2]func(b, c byte) bool{d.mayStartWhole, d.isTrigger})
	}
}

// indexWords sets what each word's text says of it, and maxWordLen.
func (d *Detector) indexWords() {
	for i := range d.words {
		w := &d.words[i]
		w.startWord = isWordByte(w.text[0])
		w.endWord = isWordByte(w.text[len(w.text)-1])
		d.maxWordLen = max(d.maxWordLen, len(w.text))
	}
}
