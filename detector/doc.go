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
//     only over runs of that class long enough to hold a match;
//   - anything else runs over the whole text.
//
// All keywords (with their variants) and literals form one case-insensitive
// Aho-Corasick automaton (github.com/cloudflare/ahocorasick), which says
// which words occur; the detector then locates only those. Matches are
// checked for word boundaries, validated (checksums, never-reported values),
// scored by keyword proximity, and overlaps are resolved, keeping the
// stronger finding.
//
// A Detector is immutable once compiled and safe for concurrent use.
// AppendFindings allocates nothing when the text holds no finding and no
// keyword or literal.
package detector
