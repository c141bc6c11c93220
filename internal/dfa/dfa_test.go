package dfa_test

import (
	"errors"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/dfa"
	"github.com/piiguard/piiguard/internal/pattern"
)

// fragments make inputs in which the catalog's patterns match, nearly
// match and fail.
var fragments = []string{
	"0", "1", "12", "123", "4929", "3812", "6548", "1006", "536-22-1234", "4929 3812 6548 1006", " ", "-", ".", ":",
	"/", "+", "+1", "+44", "(", ")", "@", "a", "Z", "K", "k", "s", "S", "é", "\u212a", "\u017f", "\xff", "\xe2\x84",
	"jane.doe@example.com", "10.0.0.1", "2001:db8::1", "::", "GB29 NWBK 6016 1331 9268 19", "DE89370400440532013000",
	"1M8GDM9AXKP042788", "K1A 0B1", "jan", "Sept", "2024", "12/25", "1985-07-23", "41.948614,-87.655311", "ab", "_",
	"-----BEGIN ", "RSA PRIVATE KEY-----", "\n", "\\n", "MIIB", "==", "AKIA", "x", "Q", "9", "99", "1985",
}

func randomText(r *rand.Rand, n int) []byte {
	var b strings.Builder
	for range n {
		if r.IntN(8) == 0 {
			b.WriteByte(byte(r.IntN(256)))
			continue
		}
		b.WriteString(fragments[r.IntN(len(fragments))])
	}
	return []byte(b.String())
}

// check compares the DFA with regexp on text: Find from every offset, and
// MatchWhole on every slice of a few sizes.
func check(t *testing.T, expr string, d *dfa.DFA, re, whole *regexp.Regexp, text []byte) bool {
	t.Helper()
	for i := 0; i <= len(text); i++ {
		loc := re.FindIndex(text[i:])
		s, e, ok := d.FindFrom(text, i)
		if ok != (loc != nil) || ok && (s != i+loc[0] || e != i+loc[1]) {
			t.Errorf("%s: FindFrom(%q, %d) = %d %d %v, regexp %v", expr, text, i, s, e, ok, loc)
			return false
		}
		if ok {
			if got := d.EndAt(text, s); got != e {
				t.Errorf("%s: EndAt(%q, %d) = %d, want %d", expr, text, s, got, e)
				return false
			}
		}
		ws, we, wok := wordStartFind(d, text, i)
		if s, e, ok := d.FindFromWordStart(text, i, &wordBytes); ok != wok || ok && (s != ws || e != we) {
			t.Errorf("%s: FindFromWordStart(%q, %d) = %d %d %v, want %d %d %v", expr, text, i, s, e, ok, ws, we, wok)
			return false
		}
	}
	if whole == nil {
		return true
	}
	for i := 0; i < len(text); i++ {
		for _, n := range []int{1, 3, 7, 9, 11, 16, 19, 40} {
			if i+n > len(text) {
				break
			}
			w := text[i : i+n]
			if got, want := d.MatchWhole(w), whole.Match(w); got != want {
				t.Errorf("%s: MatchWhole(%q) = %v, regexp %v", expr, w, got, want)
				return false
			}
		}
	}
	return true
}

// wordBytes are the word bytes of the FindFromWordStart checks.
var wordBytes = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
	}
	return t
}()

// wordStartFind is FindFromWordStart by its definition: FindFrom, and
// again one byte after a match that starts inside a word.
func wordStartFind(d *dfa.DFA, text []byte, from int) (start, end int, ok bool) {
	for pos := from; pos <= len(text); {
		s, e, ok := d.FindFrom(text, pos)
		if !ok {
			return 0, 0, false
		}
		if s > 0 && wordBytes[text[s-1]] && wordBytes[text[s]] {
			pos = s + 1
			continue
		}
		return s, e, true
	}
	return 0, 0, false
}

func differential(t *testing.T, exprs []string, texts int) {
	if raceEnabled || testing.Short() {
		texts = max(texts/10, 4)
	}
	r := rand.New(rand.NewPCG(7, 11))
	for _, expr := range exprs {
		d, err := dfa.Compile(pattern.MustParse(expr), dfa.Options{Whole: true})
		if errors.Is(err, dfa.ErrUnsupported) {
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", expr, err)
			continue
		}
		re := regexp.MustCompile(expr)
		whole := regexp.MustCompile(`^(?:` + expr + `)$`)
		for range texts {
			if !check(t, expr, d, re, whole, randomText(r, 1+r.IntN(12))) {
				break
			}
		}
	}
}

func catalogExprs() []string {
	var out []string
	for _, id := range identifiers.Catalog() {
		for _, p := range id.Patterns {
			out = append(out, p.Expr)
		}
	}
	return out
}

func TestCatalogMatchesRegexp(t *testing.T) {
	exprs := catalogExprs()
	supported := 0
	for _, e := range exprs {
		if d, err := dfa.Compile(pattern.MustParse(e), dfa.Options{}); err == nil {
			supported++
			t.Logf("%4d states  %s", d.States(), e)
		} else {
			t.Logf("unsupported (%v): %s", err, e)
		}
	}
	t.Logf("%d of %d catalog patterns compile", supported, len(exprs))
	texts := 300
	if testing.Short() {
		texts = 60
	}
	differential(t, exprs, texts)
}

func TestHandWrittenMatchRegexp(t *testing.T) {
	differential(t, []string{
		`a|ab`, `ab|a`, `a+?b`, `a*?`, `(?:a|ab)(?:c|bcd)`, `[0-9]{3}(?:-[0-9]{2})?`, `(?i)k+`, `(?i)s[a-z]*`,
		`[é-ü]+`, `[\x{100}-\x{10FFFF}]+`, `[^\x00-\x{10FFFF}]`, `\d+\.\d+`, `(?i:jan|january)[ -]?[0-9]{2}`,
		`x*`, `^a`, `a\b`, `[\s\S]*?END`, `.+`, `(?:[0-9]{1,3}\.){3}[0-9]{1,3}`, `[A-Z]{1,2}[0-9]{5,13}`,
		`(a|b)*?c`, `(?:ab?)+`, `[\p{Greek}]+\d`, `[\x{7f}-\x{81}]+`, `[\x{7ff}-\x{801}]`, `[\x{fffe}-\x{10001}]`,
		`[\x{d7ff}-\x{e000}]`,
	}, 2000)
}

// TestRandomPatterns compares random patterns built from a small grammar.
func TestRandomPatterns(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	atoms := []string{"a", "b", "k", "1", "[0-9]", "[a-z]", "[A-Z0-9]", "(?i:k)", "(?i:s)", "é", "[é-ü]", " ", "-", "@", `\.`, "[0-9 -]"}
	var gen func(depth int) string
	gen = func(depth int) string {
		if depth <= 0 {
			return atoms[r.IntN(len(atoms))]
		}
		switch r.IntN(7) {
		case 0:
			return gen(depth-1) + gen(depth-1)
		case 1:
			return "(?:" + gen(depth-1) + "|" + gen(depth-1) + ")"
		case 2:
			return "(?:" + gen(depth-1) + ")" + []string{"*", "+", "?", "*?", "+?", "??", "{1,3}", "{2}", "{0,2}?"}[r.IntN(9)]
		default:
			return gen(depth-1) + gen(depth-1) + gen(depth-2)
		}
	}
	var exprs []string
	for range 400 {
		exprs = append(exprs, gen(4))
	}
	n := 0
	for _, e := range exprs {
		if _, err := dfa.Compile(pattern.MustParse(e), dfa.Options{}); err == nil {
			n++
		}
	}
	t.Logf("%d of %d random patterns compile", n, len(exprs))
	differential(t, exprs, 40)
}

func TestUnsupported(t *testing.T) {
	for _, expr := range []string{`^a`, `a$`, `\ba`, `.`, `[^a]`, `\S+`, `[\s\S]`, `a*`, `(?:)`} {
		if _, err := dfa.Compile(pattern.MustParse(expr), dfa.Options{}); !errors.Is(err, dfa.ErrUnsupported) {
			t.Errorf("%s: error %v, want ErrUnsupported", expr, err)
		}
	}
}

func TestNoAllocations(t *testing.T) {
	d, err := dfa.Compile(pattern.MustParse(`[0-9]{3}-[0-9]{2}-[0-9]{4}`), dfa.Options{Whole: true})
	if err != nil {
		t.Fatal(err)
	}
	text := []byte("ssn 536-22-1234 and 536-22-123 x")
	if n := testing.AllocsPerRun(100, func() {
		d.Find(text)
		d.MatchWhole(text[4:15])
	}); n != 0 {
		t.Errorf("%v allocations", n)
	}
}

// TestLazyMatchesRegexp: the lazily built automaton finds what regexp
// finds, including when its bound is tiny (it then reports that it could
// not finish, never a wrong answer).
func TestLazyMatchesRegexp(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	exprs := append(catalogExprs(), `a|ab`, `(?:a|ab)(?:c|bcd)`, `(?i)k+`, `[é-ü]+`, `a+?b`)
	textsPerPattern := 100
	if testing.Short() {
		textsPerPattern = 20
	}
	for _, bound := range []int{0, 12} {
		for _, expr := range exprs {
			l, err := dfa.CompileLazy(pattern.MustParse(expr), dfa.Options{MaxStates: bound})
			if errors.Is(err, dfa.ErrUnsupported) {
				continue
			}
			if err != nil {
				t.Errorf("%s: %v", expr, err)
				continue
			}
			re := regexp.MustCompile(expr)
		texts:
			for range textsPerPattern {
				text := randomText(r, 1+r.IntN(12))
				var m dfa.Memo
				m.Reset(0, len(text))
				for i := 0; i <= len(text); i++ {
					loc := re.FindIndex(text[i:])
					s, e, found, ok := l.FindFrom(text, i)
					if !ok {
						if bound == 0 {
							t.Errorf("%s: gave up with the default bound", expr)
						}
						continue texts
					}
					if found != (loc != nil) || found && (s != i+loc[0] || e != i+loc[1]) {
						t.Errorf("%s (bound %d): FindFrom(%q, %d) = %d %d %v, regexp %v", expr, bound, text, i, s, e, found, loc)
						break texts
					}
					// The same with a Memo: it may give up where FindFrom
					// did not (it may reach other states first), never
					// answer wrongly.
					if s, e, found, ok := l.FindFromMemo(text, i, nil, &m); ok && (found != (loc != nil) || found && (s != i+loc[0] || e != i+loc[1])) {
						t.Errorf("%s (bound %d): FindFromMemo(%q, %d) = %d %d %v, regexp %v", expr, bound, text, i, s, e, found, loc)
						break texts
					} else if !ok && bound == 0 {
						t.Errorf("%s: FindFromMemo gave up with the default bound", expr)
					}
				}
			}
		}
	}
}
