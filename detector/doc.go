// Package detector compiles identifiers into one automaton and finds their
// values in text.
//
// Compile analyses every pattern once (package internal/prefilter) and
// chooses how each is triggered, so that no regular expression runs over text
// that cannot match:
//
//   - keyword-required patterns run only in windows around their keywords;
//   - patterns that contain a literal (such as "@" or "-----BEGIN") run only
//     in windows around occurrences of that literal;
//   - patterns made of a narrow byte class (digits and separators, say) run
//     only over the maximal runs of that class that hold the pattern's
//     rarest required byte ('.' for IPv4), found with bytes.IndexByte;
//   - anything else runs over the whole text, all such patterns in one pass
//     that tries only the bytes that can start a match (and be followed by
//     its second byte), and never a start inside a word when the pattern's
//     matches must start one.
//
// # Engines
//
// All keywords (with their variants) and literals form one Aho-Corasick
// automaton (package internal/aho): a dense DFA over byte classes with ASCII
// case folding in its class table, which reports every occurrence with its
// position in one pass over the text as it is, skips bytes that start no
// word, and inside a word skips bytes that could only start a keyword (a
// keyword counts only at a word start).
//
// Patterns are matched by package internal/dfa: each pattern is determinised
// into a byte automaton that finds exactly the leftmost-first matches Go's
// regexp finds (the Pike VM's priority-ordered thread lists, cut at a match),
// without allocating. Patterns whose automaton is large (street addresses)
// get a lazily built one, shared by all goroutines; patterns it cannot
// handle (empty-width assertions, classes that match invalid UTF-8 such as
// [\s\S]) and searches that outgrow the lazy automaton's bound use the
// regular expression engine of package internal/regex: Go's regexp, or
// Rust's regex with the rure build tag.
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
// the match or at its edge), standalone digit groups, validators (checksums,
// never-reported values), and scored by keyword proximity and negative
// context.
//
// # Overlaps
//
// Every enabled identifier that matches is reported, as CloudWatch
// evaluates each identifier on its own: when several identifiers match the
// same span (a 9-digit number near "passport number" has the shape of a US
// and of a UK passport number), each gives one finding for it, the
// strongest first, and a masker masks the span once. Findings of
// different spans never overlap: candidates are taken in order of strength
// (higher score, then more specific — validated, keyword-supported,
// keyword-required —, then longer, then earlier, then by identifier name),
// and each is kept unless it overlaps a kept one of another span. A weaker
// value that overlaps a stronger one is therefore not reported even where
// it reaches beyond it; masking the stronger one hides the overlap, and
// the re-scan that masking does finds what remains. Resolution takes
// O(k log k) time for k candidates.
//
// A Detector is immutable once compiled and safe for concurrent use.
// AppendFindings allocates nothing when the text holds no finding, whether
// or not it holds keywords, literals or matches that a validator rejects
// (except for the rare patterns that fall back to Go's regexp, which
// allocates when it finds a match).
package detector
