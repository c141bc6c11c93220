package detector

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/aho"
	"github.com/piiguard/piiguard/internal/precompiled"
	"github.com/piiguard/piiguard/internal/regex"
)

// The precompiled catalog also stores the detector's words and their
// automaton (a setup, see package precompiled) for the two sets of
// identifiers most programs compile: the whole catalog, and the managed
// identifiers alone (NewScanner's default). Computing the keywords' forms
// and building the automaton is most of what Compile does once the
// patterns' automata are precompiled; a stored setup is decoded instead.
//
// A setup is looked up by keywordKey, everything the words and the
// automaton are derived from, written out from the detector being
// compiled (the input itself rather than a hash of it: comparing its 13 KB
// with the stored ones costs less than hashing them, in WebAssembly most
// of all): each identifier's keywords, each pattern's source and how it
// is triggered, and the tables of the automaton's marks (the bytes that may
// start a whole-text pattern, the class runs' trigger bytes). Any other
// set (a subset, custom identifiers, a policy's) has another key and is
// built as before. The rest is a function of these and of this package's
// code, which TestPrecompiledUpToDate keeps in step with the stored form.
// A setup whose form does not decode (it is checked throughout: see
// decodeWords and aho.Decode) is built from the identifiers instead.

func init() { precompiled.RegisterSetups(storedSetups) }

// storedSetups returns the setups the precompiled catalog stores for the
// catalog ids: of ids, and of those that are not extensions. Their
// automata come from automata, and their words are built, never decoded.
func storedSetups(ids []*identifiers.Identifier, automata *precompiled.Catalog) ([]precompiled.Setup, error) {
	var managed []*identifiers.Identifier
	for _, id := range ids {
		if !id.Extension {
			managed = append(managed, id)
		}
	}
	var out []precompiled.Setup
	for _, set := range [][]*identifiers.Identifier{ids, managed} {
		d, err := compile(set, Options{}, regex.Default, automata)
		if err != nil {
			return nil, err
		}
		out = append(out, precompiled.Setup{Key: d.keywordKey(d.entries(automata)), Form: d.appendWords(nil)})
	}
	return out, nil
}

// entries returns the entry of each of the detector's patterns in cat (nil
// for none), as compile gives keywordKey.
func (d *Detector) entries(cat *precompiled.Catalog) []*precompiled.Entry {
	out := make([]*precompiled.Entry, len(d.patterns))
	for ii, ci := range d.idents {
		for pi, cp := range ci.patterns {
			out[cp.index] = cat.Lookup(d.idents[ii].id.Patterns[pi].Expr)
		}
	}
	return out
}

// wordsVersion is the version of the form appendWords writes.
const wordsVersion = 1

// keywordKey returns the key of the detector's setup: what its words and
// their automaton are derived from (see above), which compile has computed
// when it calls it. A pattern found in the precompiled
// catalog (entries[i] for pattern i, nil when not found) stands for its
// source by its index there (setups are looked up in the catalog they were
// stored with), and the marks by what the predicates read of them, so that
// the key is about 13 KB for the catalog, most of it keywords.
func (d *Detector) keywordKey(entries []*precompiled.Entry) []byte {
	b := make([]byte, 0, 16<<10)
	b = append(b, "piiguard words\x00"...)
	b = binary.AppendUvarint(b, uint64(len(d.idents)))
	for _, ci := range d.idents {
		b = binary.AppendUvarint(b, uint64(len(ci.id.Keywords)))
		for _, kw := range ci.id.Keywords {
			b = binary.AppendUvarint(b, uint64(len(kw)))
			b = append(b, kw...)
		}
		b = binary.AppendUvarint(b, uint64(len(ci.patterns)))
		for pi, cp := range ci.patterns {
			b = append(b, byte(cp.trigger))
			expr := ci.id.Patterns[pi].Expr
			if e := entries[cp.index]; e != nil {
				b = append(b, 1)
				b = binary.AppendUvarint(b, uint64(e.Index()))
				continue
			}
			b = append(b, 0)
			b = binary.AppendUvarint(b, uint64(len(expr)))
			b = append(b, expr...)
		}
	}
	// The marks: mayStartWhole(b, c) reads, of c, whether a group may
	// start at c, and whether one may inside a word; isTrigger whether c is
	// a trigger byte, whether it is in the union, and how the two combine;
	// and whether the whole-text marks are on the byte after a start, with
	// the bytes that may follow one (the byte after 256 bytes).
	var marks [257]byte
	for c := range 256 {
		for gi := range d.wholeGroups {
			g := &d.wholeGroups[gi]
			if g.starts[c] != 0 {
				marks[c] |= 1
			}
			if g.starts[c]&^g.inWord != 0 {
				marks[c] |= 2
			}
			if g.afterStart && g.seconds[c] != 0 {
				marks[c] |= 16
			}
		}
		if d.runs.trig[c] != 0 {
			marks[c] |= 4
		}
		if d.runs.union[c] {
			marks[c] |= 8
		}
	}
	switch {
	case d.runs.minLen < 2:
		marks[256] = 1
	case d.runs.pairs:
		marks[256] = 2
	}
	if len(d.wholeGroups) > 0 && d.wholeGroups[0].afterStart {
		marks[256] |= 4
	}
	return append(b, marks[:]...)
}

// appendWords appends the form of the detector's words and automaton:
//
//	version   byte: wordsVersion
//	words     uvarint count, then each: its text (uvarint length, bytes),
//	          its keywords (uvarint count, then each: the identifier's
//	          index and the keyword's index in its Keywords), its
//	          patterns (uvarint count, then each pattern's index)
//	automaton the rest: aho.Matcher.AppendBinary's form (nothing when
//	          there are no words)
//
// Numbers are uvarints.
func (d *Detector) appendWords(b []byte) []byte {
	b = append(b, wordsVersion)
	b = binary.AppendUvarint(b, uint64(len(d.words)))
	for i := range d.words {
		w := &d.words[i]
		b = binary.AppendUvarint(b, uint64(len(w.text)))
		b = append(b, w.text...)
		b = binary.AppendUvarint(b, uint64(len(w.keywords)))
		for _, o := range w.keywords {
			kws := d.idents[o.ident].id.Keywords
			ki := 0
			for kws[ki] != o.keyword {
				ki++
			}
			b = binary.AppendUvarint(b, uint64(o.ident))
			b = binary.AppendUvarint(b, uint64(ki))
		}
		b = binary.AppendUvarint(b, uint64(len(w.literals)))
		for _, pi := range w.literals {
			b = binary.AppendUvarint(b, uint64(pi))
		}
	}
	if d.ac != nil {
		// AppendBinary fails on no Matcher.
		b, _ = d.ac.AppendBinary(b)
	}
	return b
}

var errWords = errors.New("detector: stored words damaged")

// decodeWords sets the detector's words and automaton from the form
// appendWords wrote, checking every index against the detector; on an
// error it changes nothing. The words' texts stay within form.
func (d *Detector) decodeWords(form []byte) error {
	if len(form) == 0 || form[0] != wordsVersion {
		return fmt.Errorf("%w: not version %d", errWords, wordsVersion)
	}
	r := wordsReader{form: form, off: 1}
	n, ok := r.num(len(form))
	if !ok {
		return fmt.Errorf("%w: word %d: %s", errWords, 0, "count")
	}
	words := make([]word, n)
	ends := make([]wordEnds, n)
	var owners []owner
	var literals []int
	for i := range words {
		// One place for the error: each call of fmt.Errorf is code that a
		// WebAssembly host compiles at start-up.
		if what := d.decodeWord(&r, &words[i], &owners, &literals); what != "" {
			return fmt.Errorf("%w: word %d: %s", errWords, i, what)
		}
		ends[i] = wordEnds{len(owners), len(literals)}
	}
	off := r.off
	var ac *aho.Matcher
	if n > 0 {
		var err error
		if ac, err = aho.Decode(form[off:]); err != nil {
			return fmt.Errorf("%w: %w", errWords, err)
		}
		if ac.Len() != n {
			return fmt.Errorf("%w: an automaton of %d words for %d", errWords, ac.Len(), n)
		}
	} else if off != len(form) {
		return fmt.Errorf("%w: %d bytes after the words", errWords, len(form)-off)
	}
	var from wordEnds
	for i := range words {
		to := ends[i]
		if to.owners > from.owners {
			words[i].keywords = owners[from.owners:to.owners:to.owners]
		}
		if to.literals > from.literals {
			words[i].literals = literals[from.literals:to.literals:to.literals]
		}
		from = to
	}
	d.words, d.ac = words, ac
	d.indexWords()
	return nil
}

// wordEnds are where a word's keywords and literals end in decodeWords'
// lists of all.
type wordEnds struct{ owners, literals int }

// decodeWord reads one word into w, its keywords and literals onto owners
// and literals, and returns what is damaged, or "".
func (d *Detector) decodeWord(r *wordsReader, w *word, owners *[]owner, literals *[]int) string {
	l, ok := r.num(len(r.form) - r.off)
	if !ok || l == 0 {
		return "text"
	}
	r.off += l
	w.text = r.form[r.off-l : r.off : r.off]
	k, ok := r.num(len(r.form) - r.off)
	if !ok {
		return "keyword count"
	}
	for range k {
		ii, ok := r.num(len(d.idents) - 1)
		if !ok {
			return "identifier"
		}
		kws := d.idents[ii].id.Keywords
		ki, ok := r.num(len(kws) - 1)
		if !ok || len(kws) == 0 {
			return "keyword"
		}
		*owners = append(*owners, owner{ident: ii, keyword: kws[ki]})
	}
	if k, ok = r.num(len(r.form) - r.off); !ok {
		return "pattern count"
	}
	for range k {
		pi, ok := r.num(len(d.patterns) - 1)
		if !ok || len(d.patterns) == 0 || d.patterns[pi].trigger != byLiteral {
			return "pattern"
		}
		*literals = append(*literals, pi)
	}
	return ""
}

// wordsReader reads the numbers (uvarints) of a words form.
type wordsReader struct {
	form []byte
	off  int
}

// num reads a number of at most limit; most take one byte, read without a
// call.
func (r *wordsReader) num(limit int) (int, bool) {
	if off := r.off; off < len(r.form) {
		if x := int(r.form[off]); x < 0x80 {
			r.off = off + 1
			return x, x <= limit
		}
	}
	return r.numSlow(limit)
}

// numSlow is num for a number of more than one byte (or none).
func (r *wordsReader) numSlow(limit int) (int, bool) {
	x, k := binary.Uvarint(r.form[r.off:])
	if k <= 0 || x > uint64(limit) {
		return 0, false
	}
	r.off += k
	return int(x), true
}
