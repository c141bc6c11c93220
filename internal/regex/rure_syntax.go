//go:build rure && cgo

package regex

import (
	"regexp/syntax"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// rurePattern is a Go (RE2 syntax) pattern rewritten for Rust's regex crate
// with Go's meaning.
//
// The pattern is parsed with Go's regexp/syntax, exactly as regexp.Compile
// parses it, and printed back in a Rust syntax that leaves nothing to
// interpretation: every character class as explicit code point ranges, case
// folding as explicit classes, \b as (?-u:\b). This is what makes the two
// backends agree, because the same pattern text means different things to
// the two engines:
//
//   - \d, \w, \s, \b and [[:word:]] are ASCII in Go; in Rust's Unicode mode
//     they are Unicode classes (é is a word character, U+00A0 a space, and
//     \b sees "é" as part of a word). In Rust's ASCII mode \s also matches
//     \v, Go's \s does not.
//   - (?i) folds case with Unicode simple folding in Go (k matches U+212A
//     KELVIN SIGN, s matches U+017F LONG S); in Rust's ASCII mode it does not.
//   - ., [^...], \D, \W, \S match a code point in Go; in Rust's ASCII mode
//     they match one byte, so `a.b` would not match "aéb".
//   - Go parses a pattern once, Rust reparses its own syntax: escapes,
//     x{,n}, \<, \> and the like differ; the rewrite only uses \x{...},
//     [...], (?:...), quantifiers, \A, \z, (?m:^), (?m:$) and (?-u:\b).
//
// With the rewrite, ASCII mode (the Unicode flag off) and Unicode mode give
// the same results for a pattern whose classes and literals are all ASCII:
// such patterns are compiled with the flag off, others with it on (see
// unicode).
type rurePattern struct {
	expr string // Rust syntax
	// unicode reports a class or literal beyond ASCII, which needs Rust's
	// Unicode mode (the flag off makes \x{E9} the byte 0xE9).
	unicode bool
	// matchesFFFD reports a class or literal that matches U+FFFD. Go's
	// regexp reads each byte of invalid UTF-8 as U+FFFD, so such a pattern
	// (., [^...], \S, ...) matches invalid bytes in Go and never in Rust's
	// Unicode mode.
	matchesFFFD bool
	// canBeEmpty reports that the pattern can match the empty string.
	canBeEmpty bool
}

// translateTree rewrites a pattern parsed with Go's syntax (package
// pattern's tree as parsed, before simplification) for rure.
func translateTree(re *syntax.Regexp) rurePattern {
	var t translator
	t.emit(re)
	return rurePattern{
		expr:        t.b.String(),
		unicode:     t.unicode,
		matchesFFFD: t.fffd,
		canBeEmpty:  canBeEmpty(re),
	}
}

type translator struct {
	b       strings.Builder
	unicode bool
	fffd    bool
	scratch []rune
}

// emit writes re so that it can stand alone or as one element of a
// concatenation.
func (t *translator) emit(re *syntax.Regexp) {
	switch re.Op {
	case syntax.OpNoMatch:
		t.b.WriteString(`[a&&b]`) // an empty class
	case syntax.OpEmptyMatch:
		t.b.WriteString(`(?:)`)
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			t.b.WriteString(`(?:)`)
		}
		for _, r := range re.Rune {
			t.literal(r, re.Flags&syntax.FoldCase != 0)
		}
	case syntax.OpCharClass:
		t.class(re.Rune)
	case syntax.OpAnyCharNotNL:
		t.class([]rune{0, '\n' - 1, '\n' + 1, unicode.MaxRune})
	case syntax.OpAnyChar:
		t.class([]rune{0, unicode.MaxRune})
	case syntax.OpBeginLine:
		t.b.WriteString(`(?m:^)`)
	case syntax.OpEndLine:
		t.b.WriteString(`(?m:$)`)
	case syntax.OpBeginText:
		t.b.WriteString(`\A`)
	case syntax.OpEndText:
		t.b.WriteString(`\z`)
	case syntax.OpWordBoundary:
		t.b.WriteString(`(?-u:\b)`)
	case syntax.OpNoWordBoundary:
		t.b.WriteString(`(?-u:\B)`)
	case syntax.OpCapture:
		// Only whole-match offsets are used: captures become plain groups.
		t.emit(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		t.atom(re.Sub[0])
		switch re.Op {
		case syntax.OpStar:
			t.b.WriteByte('*')
		case syntax.OpPlus:
			t.b.WriteByte('+')
		case syntax.OpQuest:
			t.b.WriteByte('?')
		default:
			t.b.WriteByte('{')
			t.b.WriteString(strconv.Itoa(re.Min))
			if re.Max != re.Min {
				t.b.WriteByte(',')
				if re.Max >= 0 {
					t.b.WriteString(strconv.Itoa(re.Max))
				}
			}
			t.b.WriteByte('}')
		}
		if re.Flags&syntax.NonGreedy != 0 {
			t.b.WriteByte('?')
		}
	case syntax.OpConcat:
		if len(re.Sub) == 0 {
			t.b.WriteString(`(?:)`)
		}
		for _, sub := range re.Sub {
			t.emit(sub)
		}
	case syntax.OpAlternate:
		t.b.WriteString(`(?:`)
		for i, sub := range re.Sub {
			if i > 0 {
				t.b.WriteByte('|')
			}
			t.emit(sub)
		}
		t.b.WriteByte(')')
	default:
		// Every Op of regexp/syntax is handled above; a new one would be
		// caught by the tests, and this keeps the pattern failing to match
		// rather than matching too much.
		t.b.WriteString(`[a&&b]`)
	}
}

// atom writes re as the operand of a quantifier.
func (t *translator) atom(re *syntax.Regexp) {
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	switch {
	case re.Op == syntax.OpCharClass, re.Op == syntax.OpAnyChar, re.Op == syntax.OpAnyCharNotNL,
		re.Op == syntax.OpLiteral && len(re.Rune) == 1:
		t.emit(re)
	default:
		t.b.WriteString(`(?:`)
		t.emit(re)
		t.b.WriteByte(')')
	}
}

// literal writes r, or the class of its case-folding orbit when fold is set
// (as Go's regexp matches it: unicode.SimpleFold).
func (t *translator) literal(r rune, fold bool) {
	if fold {
		orbit := append(t.scratch[:0], r)
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			orbit = append(orbit, f)
		}
		t.scratch = orbit
		if len(orbit) > 1 {
			t.b.WriteByte('[')
			for _, f := range orbit {
				t.note(f, f)
				t.writeRune(f)
			}
			t.b.WriteByte(']')
			return
		}
	}
	t.note(r, r)
	t.writeRune(r)
}

// class writes a class of Go's form: sorted, non-overlapping lo, hi pairs.
// Surrogates are left out: Rust rejects them, and Go never decodes one from
// its input.
func (t *translator) class(ranges []rune) {
	n := 0
	t.b.WriteByte('[')
	for i := 0; i+1 < len(ranges); i += 2 {
		lo, hi := ranges[i], ranges[i+1]
		if lo < 0xD800 && hi >= 0xD800 {
			t.rng(lo, 0xD7FF)
			n++
			lo = 0xE000
		} else if lo >= 0xD800 && lo <= 0xDFFF {
			lo = 0xE000
		}
		if lo <= hi {
			t.rng(lo, hi)
			n++
		}
	}
	if n == 0 {
		t.b.WriteString(`a&&b`) // empty class: matches nothing
	}
	t.b.WriteByte(']')
}

func (t *translator) rng(lo, hi rune) {
	t.note(lo, hi)
	t.writeRune(lo)
	if hi != lo {
		t.b.WriteByte('-')
		t.writeRune(hi)
	}
}

// note records what the range lo-hi needs.
func (t *translator) note(lo, hi rune) {
	if hi >= utf8.RuneSelf {
		t.unicode = true
	}
	if lo <= utf8.RuneError && utf8.RuneError <= hi {
		t.fffd = true
	}
}

// writeRune writes r as itself if it is an ASCII letter or digit, else as
// \x{HEX}, which Rust reads as that code point in and out of classes.
func (t *translator) writeRune(r rune) {
	if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' {
		t.b.WriteRune(r)
		return
	}
	t.b.WriteString(`\x{`)
	var buf [8]byte
	t.b.Write(strconv.AppendUint(buf[:0], uint64(r), 16))
	t.b.WriteByte('}')
}

// canBeEmpty reports whether re can match the empty string.
func canBeEmpty(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpNoMatch, syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return false
	case syntax.OpLiteral:
		return len(re.Rune) == 0
	case syntax.OpStar, syntax.OpQuest:
		return true
	case syntax.OpPlus, syntax.OpCapture:
		return canBeEmpty(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min == 0 || canBeEmpty(re.Sub[0])
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !canBeEmpty(sub) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if canBeEmpty(sub) {
				return true
			}
		}
		return false
	default: // empty-width assertions, OpEmptyMatch
		return true
	}
}
