// Package precompiled holds the automata of the managed catalog's patterns
// compiled ahead of time: Build determinises every pattern once, at build
// time (go generate), into one compact, versioned, checksummed form; Open
// reads it back at start-up without determinising anything, as Hyperscan's
// hs_serialize_database and regex-automata's DFA::from_bytes do. The
// detector embeds the form (detector/precompiled.bin) and takes a pattern's
// automaton from it when the pattern is there, compiling it from its source
// otherwise: custom identifiers, and catalog patterns changed since the
// form was generated.
//
// # Form
//
//	magic    "piiguard-dfa\x00\x00\x00\x00" (16 bytes)
//	version  uint32, little-endian: Version, then dfa.FormatVersion
//	crc      uint32: CRC-32C (Castagnoli) of the body (all that follows the
//	         header) but the entries' automata and the setups' forms
//	hash     32 bytes: SHA-256 of the catalog's patterns (CatalogHash)
//	count    uvarint
//	entries  count times, sorted by pattern source:
//	         kind (byte), source (uvarint length, bytes),
//	         description (uvarint length, the pattern's prefilter.Info,
//	         see appendInfo),
//	         automaton checksum (uint32, CRC-32C of the automaton's bytes),
//	         automaton (uvarint length, dfa.AppendBinary's bytes; empty
//	         unless kind is KindDFA)
//	setups   uvarint count, then each, sorted by key: key (uvarint
//	         length, bytes), crc (uint32, CRC-32C of its form), length of
//	         its form (uvarint)
//	forms    the setups' forms, in order, back to back
//
// The header's checksum covers the index of the body: every entry's kind,
// source and description, the lengths and checksums of the automata, and
// the setups' keys, checksums and lengths. Each automaton and each setup's
// form has its own checksum, checked when it is first decoded or looked
// up, so that opening the catalog reads none of the automata's bytes (a
// start-up cost: 309 KB of CRC-32C, which WebAssembly computes without the
// processor's instruction) and a compile reads only the automata and the
// form it uses.
//
// A setup is what the detector derives from a whole set of identifiers
// before it can scan (their keywords' forms and the patterns' literals, the
// automaton that finds them, package aho's form): the detector gives Build
// the setups of the sets worth storing (the catalog, and the identifiers
// NewScanner takes by default) and looks one up by the key of its own input
// (the input itself, as the detector writes it: comparing it costs less
// than hashing it, in WebAssembly most of all), so that a set stored here
// is decoded instead of built, and any other set is built as before. The form of a
// setup is the detector's, versioned and checked by it.
//
// Open refuses a form with another magic or version or a wrong checksum,
// and a damaged automaton fails on its own when decoded (its checksum, and
// package dfa checks every field): the caller then compiles from source,
// never trusting it.
// A pattern is looked up by its exact source, so a form generated from an
// older catalog still serves the patterns that did not change, and the
// others are compiled; the detector's tests fail while the embedded form is
// stale, and go generate ./detector/ (make generate) renews it.
package precompiled

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/dfa"
	"github.com/piiguard/piiguard/internal/pattern"
	"github.com/piiguard/piiguard/internal/prefilter"
)

// Version is the version of the form; it changes whenever the form does.
const Version = 4

const magic = "piiguard-dfa\x00\x00\x00\x00"

// headerLen is the length of the magic, version, checksum and hash.
const headerLen = len(magic) + 4 + 4 + sha256.Size

// Kind says how the detector gets a pattern's automaton.
type Kind uint8

const (
	// KindDFA: the entry holds the pattern's full automaton.
	KindDFA Kind = iota
	// KindLazy: the pattern's full automaton is large and the pattern runs
	// only near its keywords or word literals (street addresses): it is
	// built lazily, state by state as texts reach them (dfa.Lazy), from
	// first use.
	KindLazy
	// KindRegexp: package dfa refuses the pattern (an empty-width
	// assertion, [\s\S]): a regexp engine runs it.
	KindRegexp
)

// LazyBytes is the size of serialised transitions above which a pattern
// that runs only near keywords or word literals is built lazily instead of
// stored.
const LazyBytes = 64 << 10

// ErrCorrupt reports a form that Open refuses.
var ErrCorrupt = errors.New("precompiled: corrupt or mismatched form")

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// A Setup is a stored set-up of the detector's words: its form, under the
// key of the input it was built from.
type Setup struct {
	Key  []byte // not empty
	Form []byte
}

// SetupBuilder returns the setups to store with the catalog ids, given the
// catalog of their patterns' automata (without setups).
type SetupBuilder func(ids []*identifiers.Identifier, automata *Catalog) ([]Setup, error)

var setupBuilder SetupBuilder

// RegisterSetups sets the function Build calls for the setups to store
// with a catalog. Package detector registers its own when it is
// initialised (only it knows how it derives its words), and the generator
// imports it. Without one, Build stores no setup.
func RegisterSetups(f SetupBuilder) { setupBuilder = f }

// Build compiles the patterns of ids into the form Open reads, with the
// setups of the registered builder (RegisterSetups). The result depends
// only on the patterns (their sources and how the detector triggers them)
// and the setups, so the same catalog always gives the same bytes.
func Build(ids []*identifiers.Identifier) ([]byte, error) {
	entries, err := buildEntries(ids)
	if err != nil {
		return nil, err
	}
	var setups []Setup
	if setupBuilder != nil {
		automata, err := Open(seal(ids, entries, nil))
		if err != nil {
			return nil, err
		}
		if setups, err = setupBuilder(ids, automata); err != nil {
			return nil, fmt.Errorf("precompiled: %w", err)
		}
	}
	return seal(ids, entries, setups), nil
}

// seal returns the form of the entries (the body up to its setups) and
// the setups.
func seal(ids []*identifiers.Identifier, entries []byte, setups []Setup) []byte {
	body := slices.Clip(entries)
	setups = slices.Clone(setups)
	slices.SortFunc(setups, func(a, b Setup) int { return bytes.Compare(a.Key, b.Key) })
	setups = slices.CompactFunc(setups, func(a, b Setup) bool { return bytes.Equal(a.Key, b.Key) })
	body = binary.AppendUvarint(body, uint64(len(setups)))
	for _, su := range setups {
		body = binary.AppendUvarint(body, uint64(len(su.Key)))
		body = append(body, su.Key...)
		body = binary.LittleEndian.AppendUint32(body, crc32.Checksum(su.Form, crcTable))
		body = binary.AppendUvarint(body, uint64(len(su.Form)))
	}
	for _, su := range setups {
		body = append(body, su.Form...)
	}
	out := make([]byte, 0, headerLen+len(body))
	out = append(out, magic...)
	out = binary.LittleEndian.AppendUint32(out, version())
	out = binary.LittleEndian.AppendUint32(out, 0) // the checksum, below
	h := CatalogHash(ids)
	out = append(out, h[:]...)
	out = append(out, body...)
	// The body was just written: it indexes.
	_, sum, _ := index(out[headerLen:])
	binary.LittleEndian.PutUint32(out[len(magic)+4:], sum)
	return out
}

// Reseal recomputes the checksums of a form (the header's and each
// setup's) after a change: for tests that damage a form under valid
// checksums. It fails on a form Open could not index.
func Reseal(form []byte) error {
	if len(form) < headerLen {
		return fmt.Errorf("%w: no header", ErrCorrupt)
	}
	body := form[headerLen:]
	c, _, err := index(body)
	if err != nil {
		return err
	}
	for i := range c.entries {
		e := &c.entries[i]
		binary.LittleEndian.PutUint32(body[e.crcAt:], crc32.Checksum(e.auto, crcTable))
	}
	for i := range c.setups {
		su := &c.setups[i]
		binary.LittleEndian.PutUint32(body[su.crcAt:], crc32.Checksum(su.form, crcTable))
	}
	// The automata's and setups' checksums are within what the header's
	// covers: index again.
	_, sum, _ := index(body)
	binary.LittleEndian.PutUint32(form[len(magic)+4:], sum)
	return nil
}

// buildEntries returns the entries of the patterns of ids, the body of the
// form up to its setups.
func buildEntries(ids []*identifiers.Identifier) ([]byte, error) {
	type pat struct {
		parsed *pattern.Pattern
		near   bool // runs only near a keyword or literal, in every use
		info   *prefilter.Info
	}
	byExpr := map[string]*pat{}
	for _, id := range ids {
		for pi, p := range id.Patterns {
			q, ok := byExpr[p.Expr]
			if !ok {
				// Parse succeeds exactly when regexp.Compile does: the
				// detector may compile these patterns with Go's regexp on
				// first use, without checking again.
				parsed, err := pattern.Parse(p.Expr)
				if err != nil {
					return nil, fmt.Errorf("precompiled: identifier %q: pattern %d: %w", id.Name, pi, err)
				}
				q = &pat{parsed: parsed, near: true, info: prefilter.Analyze(parsed)}
				byExpr[p.Expr] = q
			}
			// Triggered by keywords, or by literals that are words (street
			// types), as the detector triggers it (see detector.compile),
			// rather than by punctuation that every value holds ('@'). This
			// only chooses between a stored and a lazily built automaton,
			// which find the same matches.
			q.near = q.near && (id.KeywordRequired || p.NeedsKeyword || wordLiterals(q.info.Literals))
		}
	}
	pats := make([]*pat, 0, len(byExpr))
	for _, p := range byExpr {
		pats = append(pats, p)
	}
	sort.Slice(pats, func(i, j int) bool { return pats[i].parsed.String() < pats[j].parsed.String() })
	body := binary.AppendUvarint(nil, uint64(len(pats)))
	for _, p := range pats {
		expr := p.parsed.String()
		kind, auto := KindRegexp, []byte(nil)
		if d, err := dfa.Compile(p.parsed, dfa.Options{}); err == nil {
			if auto, err = d.AppendBinary(nil); err != nil {
				return nil, fmt.Errorf("precompiled: pattern %q: %w", expr, err)
			}
			kind = KindDFA
			if p.near && len(auto) > LazyBytes {
				kind, auto = KindLazy, nil
			}
		} else if _, err := dfa.CompileLazy(p.parsed, dfa.Options{}); err == nil {
			kind = KindLazy
		}
		body = append(body, byte(kind))
		body = binary.AppendUvarint(body, uint64(len(expr)))
		body = append(body, expr...)
		info := appendInfo(nil, p.info)
		body = binary.AppendUvarint(body, uint64(len(info)))
		body = append(body, info...)
		body = binary.LittleEndian.AppendUint32(body, crc32.Checksum(auto, crcTable))
		body = binary.AppendUvarint(body, uint64(len(auto)))
		body = append(body, auto...)
	}
	return body, nil
}

// wordLiterals reports whether there are literals and each holds a letter.
func wordLiterals(lits []string) bool {
	for _, l := range lits {
		if !strings.ContainsFunc(l, unicode.IsLetter) {
			return false
		}
	}
	return len(lits) > 0
}

func version() uint32 { return Version<<8 | dfa.FormatVersion }

// CatalogHash returns the SHA-256 of the sources of ids' patterns and the
// facts Build derives from them, in a canonical order: two catalogs with
// equal hashes build the same form.
func CatalogHash(ids []*identifiers.Identifier) [sha256.Size]byte {
	var lines []string
	for _, id := range ids {
		for _, p := range id.Patterns {
			lines = append(lines, fmt.Sprintf("%q %v %v", p.Expr, id.KeywordRequired, p.NeedsKeyword))
		}
	}
	slices.Sort(lines)
	return sha256.Sum256([]byte(strings.Join(lines, "\n")))
}

// Catalog is an opened form. It is safe for concurrent use; each entry's
// automaton is decoded or created once, on first use, and shared.
type Catalog struct {
	hash    [sha256.Size]byte
	entries []Entry
	setups  []setup

	// byExpr indexes the entries by source, made on the first Lookup: a
	// compile looks up each of its ~190 patterns, and a binary search
	// compares sources that share long prefixes.
	byExprOnce sync.Once
	byExpr     map[string]*Entry
}

// setup is a Setup of a Catalog, its checksum checked on first use.
type setup struct {
	key   []byte // within the form
	crc   uint32
	crcAt int // of crc, in the body
	form  []byte
	once  sync.Once
	ok    bool
}

// Entry is one pattern of a Catalog.
type Entry struct {
	Kind  Kind
	index int    // in the catalog, in order of source
	expr  []byte // the pattern's source, within the form
	info  []byte
	auto  []byte
	crc   uint32 // of auto, checked when it is decoded
	crcAt int    // of crc, in the body

	once sync.Once
	dfa  *dfa.DFA
	lazy *dfa.Lazy
	err  error

	infoOnce    sync.Once
	infoDecoded *prefilter.Info
	infoErr     error
}

// Open checks form (magic, version, checksum) and indexes its entries,
// without decoding any automaton. The form must not change afterwards.
func Open(form []byte) (*Catalog, error) {
	if len(form) < headerLen || string(form[:len(magic)]) != magic {
		return nil, fmt.Errorf("%w: no header", ErrCorrupt)
	}
	h := form[len(magic):]
	if v := binary.LittleEndian.Uint32(h); v != version() {
		return nil, fmt.Errorf("%w: version %#x, want %#x", ErrCorrupt, v, version())
	}
	body := form[headerLen:]
	c, sum, err := index(body)
	if err != nil {
		return nil, err
	}
	if crc := binary.LittleEndian.Uint32(h[4:]); crc != sum {
		return nil, fmt.Errorf("%w: checksum mismatch", ErrCorrupt)
	}
	copy(c.hash[:], h[8:])
	return c, nil
}

// index indexes the entries and setups of body (checking every length and
// the order) and returns the checksum of what the header's covers: all of
// body but the automata and the setups' forms.
func index(body []byte) (*Catalog, uint32, error) {
	c := &Catalog{}
	var sum uint32
	from := 0 // the first byte the checksum has not read
	n, k := binary.Uvarint(body)
	if k <= 0 || n > uint64(len(body)) {
		return nil, 0, corrupt("bad entry count")
	}
	off := k
	c.entries = make([]Entry, n)
	for i := range c.entries {
		e := &c.entries[i]
		e.index = i
		if off >= len(body) || Kind(body[off]) > KindRegexp {
			return nil, 0, corrupt("entry %d: bad kind", i)
		}
		e.Kind = Kind(body[off])
		off++
		var ok bool
		if e.expr, off, ok = chunk(body, off); !ok {
			return nil, 0, corrupt("entry %d: bad source", i)
		}
		if e.info, off, ok = chunk(body, off); !ok {
			return nil, 0, corrupt("entry %d: bad description", i)
		}
		if len(body)-off < 4 {
			return nil, 0, corrupt("entry %d: bad automaton checksum", i)
		}
		e.crcAt = off
		e.crc = binary.LittleEndian.Uint32(body[off:])
		if e.auto, off, ok = chunk(body, off+4); !ok {
			return nil, 0, corrupt("entry %d: bad automaton", i)
		}
		// The checksum skips the automaton's bytes.
		sum = crc32.Update(sum, crcTable, body[from:off-len(e.auto)])
		from = off
		if i > 0 && bytes.Compare(c.entries[i-1].expr, e.expr) >= 0 {
			return nil, 0, corrupt("entry %d out of order", i)
		}
	}
	n, k = binary.Uvarint(body[off:])
	// A setup takes 7 bytes at least: a key of one byte, its length, a
	// checksum and a length.
	if k <= 0 || n > uint64(len(body)-off)/7 {
		return nil, 0, corrupt("bad setup count")
	}
	off += k
	c.setups = make([]setup, n)
	for i := range c.setups {
		su := &c.setups[i]
		var ok bool
		if su.key, off, ok = chunk(body, off); !ok || len(su.key) == 0 || len(body)-off < 4 {
			return nil, 0, corrupt("setup %d: bad key", i)
		}
		su.crcAt = off
		su.crc = binary.LittleEndian.Uint32(body[su.crcAt:])
		off += 4
		l, k := binary.Uvarint(body[off:])
		if k <= 0 || l > uint64(len(body)) {
			return nil, 0, corrupt("setup %d: bad length", i)
		}
		off += k
		su.form = body[:l] // placed below
		if i > 0 && bytes.Compare(c.setups[i-1].key, su.key) >= 0 {
			return nil, 0, corrupt("setup %d out of order", i)
		}
	}
	sum = crc32.Update(sum, crcTable, body[from:off])
	for i := range c.setups {
		su := &c.setups[i]
		l := len(su.form)
		if l > len(body)-off {
			return nil, 0, corrupt("setup %d: truncated", i)
		}
		su.form = body[off : off+l : off+l]
		off += l
	}
	if off != len(body) {
		return nil, 0, corrupt("%d bytes after the last setup", len(body)-off)
	}
	return c, sum, nil
}

// corrupt returns an ErrCorrupt saying what: one call of fmt.Errorf for
// index, whose every call is code a WebAssembly host compiles at start-up.
func corrupt(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrCorrupt}, args...)...)
}

// KeywordSetup returns the form of the setup stored under key, or nil (always
// nil on a nil Catalog, and when the form's checksum is wrong). The form is
// within the catalog's: the caller must not change it, and checks it as it
// decodes it.
func (c *Catalog) KeywordSetup(key []byte) []byte {
	if c == nil {
		return nil
	}
	i := sort.Search(len(c.setups), func(i int) bool { return bytes.Compare(c.setups[i].key, key) >= 0 })
	if i == len(c.setups) || !bytes.Equal(c.setups[i].key, key) {
		return nil
	}
	su := &c.setups[i]
	su.once.Do(func() { su.ok = crc32.Checksum(su.form, crcTable) == su.crc })
	if !su.ok {
		return nil
	}
	return su.form
}

// Setups returns the number of stored setups.
func (c *Catalog) Setups() int { return len(c.setups) }

// chunk reads a uvarint length and that many bytes at off.
func chunk(b []byte, off int) ([]byte, int, bool) {
	n, k := binary.Uvarint(b[off:])
	if k <= 0 || n > uint64(len(b)-off-k) {
		return nil, off, false
	}
	off += k
	return b[off : off+int(n) : off+int(n)], off + int(n), true
}

// Hash returns the catalog hash the form was built with (CatalogHash).
func (c *Catalog) Hash() [sha256.Size]byte { return c.hash }

// Len returns the number of entries.
func (c *Catalog) Len() int { return len(c.entries) }

// Lookup returns the entry of the pattern whose source is exactly expr, or
// nil (always nil on a nil Catalog).
func (c *Catalog) Lookup(expr string) *Entry {
	if c == nil {
		return nil
	}
	c.byExprOnce.Do(func() {
		c.byExpr = make(map[string]*Entry, len(c.entries))
		for i := range c.entries {
			e := &c.entries[i]
			c.byExpr[string(e.expr)] = e
		}
	})
	return c.byExpr[expr]
}

// Index returns the entry's index in its catalog, in order of source: a
// number that stands for the pattern's source within the catalog.
func (e *Entry) Index() int { return e.index }

// load decodes the entry's automaton, or creates its lazy one, once.
func (e *Entry) load() {
	e.once.Do(func() {
		expr := string(e.expr)
		switch e.Kind {
		case KindDFA:
			if crc32.Checksum(e.auto, crcTable) != e.crc {
				e.err = fmt.Errorf("%w: automaton checksum mismatch", ErrCorrupt)
				return
			}
			e.dfa, e.err = dfa.Decode(expr, e.auto)
		case KindLazy:
			// The entry's description and automaton come from the form:
			// the lazy automaton is the only consumer of the parsed pattern.
			var p *pattern.Pattern
			if p, e.err = pattern.Parse(expr); e.err == nil {
				e.lazy, e.err = dfa.CompileLazy(p, dfa.Options{})
			}
		}
	})
}

// DFA returns the entry's automaton (KindDFA), decoded on first use; an
// error means the entry is damaged, and the caller compiles the pattern
// from its source.
func (e *Entry) DFA() (*dfa.DFA, error) {
	if e.Kind != KindDFA {
		return nil, fmt.Errorf("precompiled: entry holds no automaton")
	}
	e.load()
	return e.dfa, e.err
}

// Info returns the entry's description (what prefilter.Analyze returns for
// it), decoded on first use and shared: the caller must not change it. An
// error means the entry is damaged; the caller analyses the pattern itself.
func (e *Entry) Info() (*prefilter.Info, error) {
	e.infoOnce.Do(func() { e.infoDecoded, e.infoErr = decodeInfo(e.info) })
	return e.infoDecoded, e.infoErr
}

// Lazy returns the entry's lazily built automaton (KindLazy), created on
// first use and shared by every detector that uses the pattern.
func (e *Entry) Lazy() (*dfa.Lazy, error) {
	if e.Kind != KindLazy {
		return nil, fmt.Errorf("precompiled: entry is not lazy")
	}
	e.load()
	return e.lazy, e.err
}
