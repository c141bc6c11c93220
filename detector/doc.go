// Package detector compiles identifiers into one automaton and finds their
// values in text.
//
// The package is laid out by pipeline stage, one file each; the sections
// below name them. detector.go holds the Detector, its compiled forms and
// its public API, and finding.go the Finding type.
//
// # Compilation
//
// Compile (compile.go) copies the identifiers it is given, analyses every
// pattern once (package internal/prefilter) and chooses how each is
// triggered, so that no regular expression runs over text that cannot
// match. A pattern that the precompiled form (see Start-up) does not hold
// is parsed once (package internal/pattern, source.go): its analysis, its
// full or lazy automaton and, with rure, its regular expression all start
// from that one parsed form, as Go's regexp/syntax feeds regexp's
// compiler; Go's regexp, which cannot start from a parsed tree, compiles
// the pattern's source on first use, if a search ever needs it. There are
// four trigger strategies, one file each:
//
//   - keyword-required patterns run only in windows around their keywords
//     (keywordwindow.go);
//   - patterns that contain a literal (such as "@" or "-----BEGIN") run only
//     in windows around occurrences of that literal (literalwindow.go);
//   - patterns made of a narrow byte class (digits and separators, say) run
//     only over the maximal runs of that class that hold the pattern's
//     rarest required byte ('.' for IPv4) (classrun.go): the keyword
//     automaton's pass marks the trigger bytes that lie in a union run of
//     two bytes or more, or, when every class pattern's match holds two or
//     more of its trigger byte (the catalog's), only the bytes after a
//     trigger byte that continue its run, so that a run whose trigger bytes
//     all end it ("9-", "host.") is not visited (marks.go; without
//     keywords, a pass of its own finds the trigger bytes, eight bytes at a
//     time when there are at most four); each maximal run of the union of
//     the classes around a mark is read once, one table load per byte,
//     counting each trigger byte it holds, and a pattern whose
//     trigger it holds looks at its own runs in it only when the run is
//     long enough, holds as many of the trigger as a match needs
//     (dfa.DFA.MinCount: three dots for IPv4, two colons for IPv6; six
//     colons when no two are in a row, dfa.DFA.MinCountApart) and the
//     pattern's unanchored automaton finds a match in it (most runs —
//     times, dates, versions — hold none);
//   - anything else runs over the whole text (wholetext.go), all such
//     patterns in one pass that tries only the bytes that can start a match
//     (and be followed by its second and third bytes, dfa.DFA.BytesAt),
//     never a start inside a word when the pattern's matches must start
//     one: the keyword automaton's pass marks those bytes (marks.go), or,
//     when no whole-text pattern's match has a letter as its second byte
//     (the core identifiers' PostalCode-CA: a capital, then a digit), the
//     bytes after a start that can continue a match, far fewer in logs;
//     without keywords, the pass skips eight bytes at a time to the next
//     such byte when they lie in a narrow range (capitals). The catalog's
//     Name pattern, which starts at every capitalised word, is tried only
//     where its first word ends in a small letter and a space and is
//     followed by particles and a capital (wholetext_name.go), which the
//     next mark mostly tells from two bytes.
//
// Keywords are entered into the automaton in the forms keywords.go makes
// of them (variants, with upper-cased forms for non-ASCII letters).
//
// # Scanning
//
// A scan (scan.go) runs the automaton over the text (keywords.go), which
// adds keyword and literal windows, finds the class runs, searches the
// whole-text patterns, then verifies each pattern over its merged windows
// (a keyword or literal window without one of the bytes every match holds,
// an '@' with no '.' in its run for an e-mail address, is skipped) and
// resolves the candidates. A long text is read in blocks, so that the
// second pass over a block finds it in the cache, and its windows are
// verified a span of 256 KiB at a time (every pattern's windows that start
// in the span, then the next span's), so that the patterns after the first
// find the span in the cache too; the findings are those of verifying
// pattern by pattern. The per-call working memory (windows, candidates,
// memos) is pooled (scratch.go); buffers grown past a bound by a huge text
// are dropped rather than pooled, and grow by doubling, so that such a call
// copies each about twice on its way to its final size.
//
// # Engines
//
// All keywords (with their variants) and literals are searched in one
// pass by package internal/aho, with ASCII case folding in its class
// tables, reporting every occurrence with its position in the text as it
// is. Keywords that only count at a word start (and literals that only
// count there) form a trie walked from each word start whose first two
// bytes begin one; the other words (literals that may start inside a word,
// such as "@" or "strasse") form a small Aho-Corasick automaton run from
// each offset where one may start. Both kinds of start are found 64 offsets
// at a time, through a table indexed by byte pairs, without a branch per
// byte; two more bits of that table mark, in the same pass, the class
// runs' trigger bytes and the bytes that may start a whole-text match
// (marks.go), so that no other pass reads every byte.
//
// Patterns are matched (scan.go, compiledPattern.find) by package
// internal/dfa: each pattern is determinised into a byte automaton that
// finds exactly the leftmost-first matches Go's regexp finds (the Pike VM's
// priority-ordered thread lists, cut at a match), without allocating. Class
// patterns also get the unanchored form of their automaton (dfa.Unanchored:
// all starts at once, two bytes a step), which tells in one walk whether a
// run holds a match at all. Patterns whose automaton is large (street
// addresses) get a lazily built one, created on first use and shared by all
// goroutines and detectors (each automaton is bounded in states and bytes);
// patterns whose matches can be long share, per window, a dfa.Memo, so that
// walks from successive starts stop where an earlier walk was and a window
// costs time linear in its length; patterns it cannot handle (empty-width
// assertions, classes that match invalid UTF-8 such as [\s\S]) and searches
// that outgrow the lazy automaton's bound use the regular expression engine
// of package internal/regex: Go's regexp, or Rust's regex with the rure
// build tag.
//
// # Start-up
//
// Determinising the catalog's patterns is most of the cost of Compile, so
// the managed catalog's automata and pattern descriptions are built ahead
// of time (go generate; package internal/precompiled) into a versioned,
// checksummed form embedded in the package, precompiled.bin, which
// precompiled.go loads. Compile takes
// a pattern's automaton from it when the form holds that exact pattern, and
// compiles the others (custom identifiers, catalog patterns changed since
// the form was generated) from source; a form of another version or with a
// wrong checksum is ignored, and an entry that fails its checks is compiled
// from source. Automata loaded from the form are shared by every Detector.
// What a scan may never need waits for its first use: the stored DFA of a
// pattern triggered by keywords or literals is decoded when a text first
// holds one (an entry that fails its checks then is compiled from source),
// and a class pattern's unanchored automaton (classrun.go) is built when a
// run of its class first reaches it, each once, safely under concurrent
// scans.
// TestPrecompiledUpToDate fails while the form is stale: go generate
// ./detector/ (make generate) renews it. The keyword automaton is built at
// Compile in one pass over the sorted words.
//
// # Windows and exactness
//
// The result is the same as running every pattern over the whole text, one
// match at a time (a rejected match retried one character on, unless it was
// rejected for good), and applying the rules below; windows only skip text
// in which no match could be kept. Class and literal windows are maximal
// runs of the bytes a match can hold, so no match straddles their edges.
// Keyword windows reach the identifier's proximity window, counted in
// characters, plus twice the pattern's maximum length on each side, so that
// a match that straddles a window's edge is too far from the keyword to be
// kept. The differential tests check this against a straightforward
// implementation (every pattern with Go's regexp over the whole text) on
// real logs, synthetic logs and random texts.
//
// # Rules
//
// Matches are checked for boundaries (a value does not continue a word, and
// is not glued to one by a joiner such as '.' in an IPv4 address, outside
// the match or at its edge) and standalone digit groups (boundary.go, which
// also holds the rule that a keyword does not continue a word), then for
// validators (checksums, never-reported values), and scored by keyword
// proximity and negative context (score.go).
//
// # Overlaps
//
// Every enabled identifier that matches is reported, as CloudWatch
// evaluates each identifier on its own: when several identifiers match the
// same span (a 9-digit number near "passport number" has the shape of a US
// and of a UK passport number), each gives one finding for it, the
// strongest first, and a masker masks the span once. Findings of
// different spans never overlap (resolve.go): candidates are taken in
// order of strength (higher score, then more specific — validated, keyword-supported,
// keyword-required —, then longer, then earlier, then by identifier name),
// and each is kept unless it overlaps a kept one of another span. A weaker
// value that overlaps a stronger one is therefore not reported even where
// it reaches beyond it; masking the stronger one hides the overlap, and
// the re-scan that masking does finds what remains. Values of Block
// identifiers (identifiers.Identifier.Block: the private keys) are the
// exception, since what remains of a key once another is masked has lost
// its BEGIN line and would not be found again: before the rule above,
// candidates of Block identifiers that overlap one another (a key begun
// inside another and ending after it, a key nested in another, a key's
// whole block and its header alone) all take the span of their union, so
// that each such identifier gives one finding of the union and a masker
// masks every key whole (joinBlocks). Resolution takes O(k log k) time
// for k candidates.
//
// # Cost
//
// A scan costs time linear in the text: each start is walked at most as
// far as the longest match a bounded pattern allows, long-match patterns
// share a Memo, the runs of joiners a boundary check walks are walked once
// per scan, a union run of the class patterns is read once to find it and
// count its triggers and a few times more per class pattern whose trigger
// it holds often enough, a keyword window's edges are found eight ASCII
// bytes at a time (keywordwindow.go), and
// resolution takes O(k log k) for k candidates. Memory is
// proportional to the text and its findings. The complexity tests check
// this on hostile shapes as a ratio of times at n and 4n.
//
// A Detector is immutable once compiled and safe for concurrent use: it
// keeps its own copies of the identifiers it was compiled from, so
// changing them afterwards changes nothing.
// AppendFindings allocates nothing when the text holds no finding, whether
// or not it holds keywords, literals or matches that a validator rejects
// (except for the rare patterns that fall back to Go's regexp, which
// allocates when it finds a match).
package detector
