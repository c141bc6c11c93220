package detector

import (
	"sync"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/aho"
	"github.com/piiguard/piiguard/internal/dfa"
	"github.com/piiguard/piiguard/internal/prefilter"
	"github.com/piiguard/piiguard/internal/regex"
)

// How a pattern is triggered.
type trigger uint8

const (
	byKeyword   trigger = iota // windows around the identifier's keywords
	byLiteral                  // windows around the pattern's literals
	byClass                    // runs of the pattern's byte class
	byWholeText                // the whole text
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
	// wholeText lists the byWholeText patterns without a DFA: each is
	// verified over one window spanning the text.
	wholeText []*compiledPattern
	// runs holds the byClass patterns that have a required byte, each
	// triggered by the rarest one, and the tables of the pass that finds
	// their runs (classrun.go). wholeTextClass lists the byClass patterns
	// without one (and without a DFA): they are verified over the whole
	// text too.
	runs           classRuns
	wholeTextClass []*compiledPattern
	// wholeGroups group the patterns searched over the whole text (byWholeText
	// ones, and byClass ones without a required byte) that have a DFA: one
	// pass over the text tries each byte that can start a match of any of
	// them.
	wholeGroups []wholeGroup
	// marked says the keyword automaton's pass also marks the offsets
	// where a whole-text match may start and the class runs' trigger
	// bytes (scanMarks).
	marked   bool
	minScore float64
	// blocks holds the names of the Block identifiers (private keys),
	// whose overlapping candidates resolve takes as one span, or nil when
	// there are none.
	blocks map[string]bool
	pool   sync.Pool
}

type compiledIdent struct {
	// id is the detector's own copy of the identifier (see cloneIdentifier):
	// changing the caller's after Compile changes nothing here.
	id       *identifiers.Identifier
	window   int
	patterns []*compiledPattern
	// hasKeywords says the identifier has keywords, so proximity is scored.
	hasKeywords bool
	// neverReported says the identifier has values never reported
	// (Identifier.NeverReported): only then is a value checked against them.
	neverReported bool
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
	// stored, for a pattern triggered by keywords or literals whose DFA
	// the precompiled catalog holds, decodes it on first use (see
	// automaton): dfa is then nil.
	stored *storedDFA
	// lazy, for patterns whose DFA is too big to build in full, or large
	// and run only near keywords or literals (street addresses), builds its
	// states as texts reach them.
	lazy *lazyDFA
	// any, for class patterns with a small enough automaton, tells in one
	// pass whether a run holds a match (classRun); built on first use.
	any  lazyUnanchored
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
	return compile(ids, opts, regex.Default, precompiledCatalog())
}

// Identifiers returns copies of the identifiers the detector was compiled
// from, in order. Changing them does not change the detector.
func (d *Detector) Identifiers() []*identifiers.Identifier {
	out := make([]*identifiers.Identifier, len(d.idents))
	for i, ci := range d.idents {
		out[i] = cloneIdentifier(ci.id)
	}
	return out
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
