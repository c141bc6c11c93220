// Package prefilter analyses a regular expression to decide how the
// detector can avoid running it over text that cannot match.
//
// Analyze reads a pattern's simplified tree, as package pattern parsed it
// once for all its consumers, and reports: the byte-length bounds of a match; a set
// of literals, one of which every match contains (so an Aho-Corasick pass can
// trigger the pattern); the set of bytes a match can be made of, the bytes
// every match contains and the minimum number of ASCII digits in a match (so
// a byte-class pass can find candidate runs); and whether the match starts
// and ends with a word character (so the detector can check boundaries).
package prefilter

import (
	"regexp/syntax"
	"strings"
	"unicode/utf8"

	"github.com/piiguard/piiguard/internal/pattern"
)

// Unbounded is MaxLen for patterns whose matches have no length limit.
const Unbounded = -1

// Info describes one pattern.
type Info struct {
	// MinLen and MaxLen bound the byte length of a match; MaxLen is
	// Unbounded when there is no bound.
	MinLen, MaxLen int
	// Literals, lower-cased: every match contains at least one of them,
	// ignoring ASCII case. Nil when no useful set exists.
	Literals []string
	// Prefix reports that every match starts with one of Literals.
	// AfterNonWord reports that in every match, the occurrence of one of
	// Literals that the set was chosen for is at the start of the match or
	// right after a byte that is not an ASCII letter or digit (" Street" in
	// a street address).
	Prefix, AfterNonWord bool
	// Allowed is the set of bytes a match can contain; AllowedAll is set when
	// any byte can occur (then Allowed is meaningless).
	Allowed    [256]bool
	AllowedAll bool
	// Required is the set of bytes every match contains.
	Required [256]bool
	// MinDigits is the minimum number of ASCII digits in a match.
	MinDigits int
	// WordStart and WordEnd report whether a match can begin or end with a
	// letter or digit.
	WordStart, WordEnd bool
}

// Analyze describes a parsed pattern.
func Analyze(p *pattern.Pattern) *Info {
	re := p.Simplified()
	info := &Info{}
	info.MinLen, info.MaxLen = lengths(re)
	if lits, ok := literals(re); ok && useful(lits) {
		info.Literals = dedupe(lits)
		if pre, ok := prefixes(re); ok {
			info.Prefix = sameSet(dedupe(pre), info.Literals)
		}
		if re.Op == syntax.OpConcat {
			if _, at, ok := concatLiteralsAt(re.Sub); ok {
				info.AfterNonWord = endsNonWord(re.Sub[:at])
			}
		}
	}
	info.AllowedAll = !allowed(re, &info.Allowed)
	req := required(re)
	info.Required = req
	info.MinDigits = minDigits(re)
	info.WordStart = edgeWord(re, true)
	info.WordEnd = edgeWord(re, false)
	return info
}

func runeBytes(r rune) int {
	if r < 0 || r > utf8.MaxRune {
		return 3
	}
	return utf8.RuneLen(r)
}

func add(a, b int) int {
	if a == Unbounded || b == Unbounded {
		return Unbounded
	}
	return a + b
}

// lengths returns the min and max byte length of a match.
func lengths(re *syntax.Regexp) (min, max int) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpNoMatch:
		return 0, 0
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			n := runeBytes(r)
			min += n
			if re.Flags&syntax.FoldCase != 0 {
				n = 4 // a fold may be longer (k and the Kelvin sign)
			}
			max += n
		}
		return min, max
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			return 0, 0
		}
		min, max = 4, 1
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := runeBytes(re.Rune[i]), runeBytes(re.Rune[i+1])
			if lo < min {
				min = lo
			}
			if hi > max {
				max = hi
			}
		}
		if re.Rune[len(re.Rune)-1] >= utf8.RuneSelf && min > 1 {
			min = 1 // invalid UTF-8 bytes match as U+FFFD, one byte each
		}
		return min, max
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		return 1, 4
	case syntax.OpCapture:
		return lengths(re.Sub[0])
	case syntax.OpStar:
		return 0, Unbounded
	case syntax.OpPlus:
		mn, _ := lengths(re.Sub[0])
		return mn, Unbounded
	case syntax.OpQuest:
		_, mx := lengths(re.Sub[0])
		return 0, mx
	case syntax.OpRepeat:
		mn, mx := lengths(re.Sub[0])
		min = mn * re.Min
		if re.Max < 0 || mx == Unbounded {
			return min, Unbounded
		}
		return min, mx * re.Max
	case syntax.OpConcat:
		for _, s := range re.Sub {
			mn, mx := lengths(s)
			min += mn
			max = add(max, mx)
		}
		return min, max
	case syntax.OpAlternate:
		min = -1
		for _, s := range re.Sub {
			mn, mx := lengths(s)
			if min < 0 || mn < min {
				min = mn
			}
			if max != Unbounded && (mx == Unbounded || mx > max) {
				max = mx
			}
		}
		if min < 0 {
			min = 0
		}
		return min, max
	}
	return 0, Unbounded
}

const maxLiterals = 64

// literals returns a set of strings one of which every match contains.
func literals(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{strings.ToLower(string(re.Rune))}, true
	case syntax.OpCharClass:
		// A small class of ASCII characters (five at most) is a set of
		// one-byte literals. Most classes are larger ([0-9], [A-Z]): they
		// are refused before any string is made.
		if !smallASCIIClass(re.Rune, 5) {
			return nil, false
		}
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				out = append(out, strings.ToLower(string(r)))
			}
		}
		return dedupe(out), len(out) > 0
	case syntax.OpCapture, syntax.OpPlus:
		return literals(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return literals(re.Sub[0])
		}
		return nil, false
	case syntax.OpAlternate:
		var out []string
		for _, s := range re.Sub {
			l, ok := literals(s)
			if !ok {
				return nil, false
			}
			out = append(out, l...)
		}
		if len(out) > maxLiterals {
			return nil, false
		}
		return out, true
	case syntax.OpConcat:
		return concatLiterals(re.Sub)
	}
	return nil, false
}

// smallASCIIClass reports whether the class ranges hold at most n code
// points, all ASCII.
func smallASCIIClass(ranges []rune, n int) bool {
	for i := 0; i+1 < len(ranges); i += 2 {
		lo, hi := ranges[i], ranges[i+1]
		if hi >= utf8.RuneSelf || int(hi-lo)+1 > n {
			return false
		}
		n -= int(hi-lo) + 1
	}
	return true
}

// concatLiterals joins runs of adjacent single literals (so "a", "b" become
// "ab") and otherwise picks the child with the best literal set.
func concatLiterals(subs []*syntax.Regexp) ([]string, bool) {
	best, _, ok := concatLiteralsAt(subs)
	return best, ok
}

// concatLiteralsAt is concatLiterals that also returns the index of the
// sub-expression where the chosen literals start.
func concatLiteralsAt(subs []*syntax.Regexp) ([]string, int, bool) {
	var best []string
	bestAt := 0
	consider := func(l []string, at int) {
		if len(l) > 0 && (best == nil || quality(l) > quality(best)) {
			best, bestAt = l, at
		}
	}
	var run strings.Builder
	runAt := 0
	flush := func() {
		if run.Len() > 0 {
			consider([]string{run.String()}, runAt)
			run.Reset()
		}
	}
	for i, s := range subs {
		if s.Op == syntax.OpLiteral {
			if run.Len() == 0 {
				runAt = i
			}
			run.WriteString(strings.ToLower(string(s.Rune)))
			continue
		}
		flush()
		if l, ok := literals(s); ok {
			consider(l, i)
		}
	}
	flush()
	return best, bestAt, best != nil
}

// endsNonWord reports whether every match of the concatenation seq ends
// with a byte that is not an ASCII letter or digit, or is empty.
func endsNonWord(seq []*syntax.Regexp) bool {
	for k := len(seq) - 1; k >= 0; k-- {
		if !lastNonWord(seq[k]) {
			return false
		}
		if mn, _ := lengths(seq[k]); mn > 0 {
			return true
		}
	}
	return true
}

// lastNonWord reports whether every non-empty match of re ends with a byte
// that is not an ASCII letter or digit.
func lastNonWord(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return true
		}
		r := re.Rune[len(re.Rune)-1]
		return r >= utf8.RuneSelf || !isWord(byte(r))
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1] && r < utf8.RuneSelf; r++ {
				if isWord(byte(r)) {
					return false
				}
			}
		}
		return true
	case syntax.OpCapture, syntax.OpPlus, syntax.OpStar, syntax.OpQuest, syntax.OpRepeat:
		return lastNonWord(re.Sub[0])
	case syntax.OpConcat:
		return endsNonWord(re.Sub)
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if !lastNonWord(s) {
				return false
			}
		}
		return true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpNoMatch:
		return true
	}
	return false
}

// prefixes returns a set of strings one of which every match starts with.
func prefixes(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral, syntax.OpCharClass:
		return literals(re)
	case syntax.OpCapture:
		return prefixes(re.Sub[0])
	case syntax.OpAlternate:
		var out []string
		for _, s := range re.Sub {
			l, ok := prefixes(s)
			if !ok {
				return nil, false
			}
			out = append(out, l...)
		}
		return out, len(out) <= maxLiterals
	case syntax.OpConcat:
		if len(re.Sub) == 0 {
			return nil, false
		}
		var run strings.Builder
		for _, s := range re.Sub {
			if s.Op != syntax.OpLiteral {
				break
			}
			run.WriteString(strings.ToLower(string(s.Rune)))
		}
		if run.Len() > 0 {
			return []string{run.String()}, true
		}
		return prefixes(re.Sub[0])
	}
	return nil, false
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	in := map[string]bool{}
	for _, s := range a {
		in[s] = true
	}
	for _, s := range b {
		if !in[s] {
			return false
		}
	}
	return true
}

// quality ranks literal sets: longer shortest literal first, then fewer.
func quality(l []string) int {
	min := 1 << 20
	for _, s := range l {
		if len(s) < min {
			min = len(s)
		}
	}
	if min > 8 {
		min = 8
	}
	return min*1000 - len(l)
}

// rare single bytes make acceptable one-byte literals.
const rare = "@+#$%&*<>|~^!?{}"

func useful(lits []string) bool {
	if len(lits) == 0 {
		return false
	}
	for _, l := range lits {
		if len(l) >= 3 {
			continue
		}
		if len(l) == 1 && strings.Contains(rare, l) {
			continue
		}
		if len(l) == 2 && !isWord(l[0]) && !isWord(l[1]) {
			continue
		}
		if len(l) == 2 && strings.ContainsAny(l, rare) {
			continue
		}
		return false
	}
	return true
}

func dedupe(l []string) []string {
	seen := make(map[string]bool, len(l))
	out := l[:0:0]
	for _, s := range l {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func isWord(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf
}

func setRune(set *[256]bool, r rune, fold bool) {
	if r >= utf8.RuneSelf {
		for b := utf8.RuneSelf; b < 256; b++ {
			set[b] = true
		}
		return
	}
	set[r] = true
	if fold {
		if r >= 'a' && r <= 'z' {
			set[r-32] = true
		} else if r >= 'A' && r <= 'Z' {
			set[r+32] = true
		}
		if r == 'k' || r == 'K' || r == 's' || r == 'S' {
			for b := utf8.RuneSelf; b < 256; b++ {
				set[b] = true // Kelvin sign, long s
			}
		}
	}
}

// allowed fills set with the bytes a match can contain; false means any.
func allowed(re *syntax.Regexp, set *[256]bool) bool {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpNoMatch:
		return true
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			setRune(set, r, re.Flags&syntax.FoldCase != 0)
		}
		return true
	case syntax.OpCharClass:
		// Runes beyond ASCII allow every non-ASCII byte; the class is no
		// filter when it also allows most ASCII bytes (negated classes,
		// [\s\S]).
		n := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if hi >= utf8.RuneSelf {
				setRune(set, utf8.RuneSelf, false)
				hi = utf8.RuneSelf - 1
			}
			for r := lo; r <= hi; r++ {
				set[r] = true
				n++
			}
		}
		if n > 100 { // practically any byte
			return false
		}
		return true
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return false
	}
	for _, s := range re.Sub {
		if !allowed(s, set) {
			return false
		}
	}
	return true
}

// required returns the bytes every match contains (ASCII only).
func required(re *syntax.Regexp) [256]bool {
	var set [256]bool
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase == 0 {
			for _, r := range re.Rune {
				if r < utf8.RuneSelf {
					set[r] = true
				}
			}
		}
	case syntax.OpCharClass:
		if len(re.Rune) == 2 && re.Rune[0] == re.Rune[1] && re.Rune[0] < utf8.RuneSelf {
			set[re.Rune[0]] = true
		}
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		for _, s := range re.Sub {
			r := required(s)
			for i, v := range r {
				set[i] = set[i] || v
			}
		}
	case syntax.OpAlternate:
		for i := range set {
			set[i] = true
		}
		for _, s := range re.Sub {
			r := required(s)
			for i, v := range r {
				set[i] = set[i] && v
			}
		}
	}
	return set
}

func isDigitClass(re *syntax.Regexp) bool {
	if re.Op != syntax.OpCharClass || len(re.Rune) == 0 {
		return false
	}
	for i := 0; i+1 < len(re.Rune); i += 2 {
		if re.Rune[i] < '0' || re.Rune[i+1] > '9' {
			return false
		}
	}
	return true
}

// minDigits returns the minimum number of ASCII digits in a match.
func minDigits(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		n := 0
		for _, r := range re.Rune {
			if r >= '0' && r <= '9' {
				n++
			}
		}
		return n
	case syntax.OpCharClass:
		if isDigitClass(re) {
			return 1
		}
	case syntax.OpCapture, syntax.OpPlus:
		return minDigits(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min * minDigits(re.Sub[0])
	case syntax.OpConcat:
		n := 0
		for _, s := range re.Sub {
			n += minDigits(s)
		}
		return n
	case syntax.OpAlternate:
		n := -1
		for _, s := range re.Sub {
			if d := minDigits(s); n < 0 || d < n {
				n = d
			}
		}
		if n < 0 {
			n = 0
		}
		return n
	}
	return 0
}

// edgeWord reports whether a match can start (first) or end (!first) with a
// word character. It errs on the side of true.
func edgeWord(re *syntax.Regexp, first bool) bool {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return false
		}
		r := re.Rune[len(re.Rune)-1]
		if first {
			r = re.Rune[0]
		}
		return r >= utf8.RuneSelf || r < utf8.RuneSelf && isWord(byte(r))
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if hi >= utf8.RuneSelf {
				return true
			}
			for r := lo; r <= hi; r++ {
				if isWord(byte(r)) {
					return true
				}
			}
		}
		return false
	case syntax.OpCapture, syntax.OpPlus, syntax.OpRepeat, syntax.OpStar, syntax.OpQuest:
		return edgeWord(re.Sub[0], first)
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if edgeWord(s, first) {
				return true
			}
		}
		return false
	case syntax.OpConcat:
		subs := re.Sub
		for i := range subs {
			s := subs[i]
			if !first {
				s = subs[len(subs)-1-i]
			}
			mn, _ := lengths(s)
			if edgeWord(s, first) {
				return true
			}
			if mn > 0 {
				return false
			}
		}
		return false
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpNoMatch:
		return false
	}
	return true
}
