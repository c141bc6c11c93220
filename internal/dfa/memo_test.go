package dfa_test

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/cputime"
	"github.com/piiguard/piiguard/internal/dfa"
	"github.com/piiguard/piiguard/internal/pattern"
)

// memoPatterns have unbounded matches, so that walks are long and the memo
// is used.
var memoPatterns = []string{
	`[a-z ]+? (?:street|road)`, `a[ab]*b`, `(?:ab|a)*c`, `x[a-z0-9 ]+?y`, `[0-9][0-9 ]*[0-9]`,
	`[0-9]+(?: [0-9]+)*x`, `(?:a|b)+?bb`, `[^x]+x`, `[a-c]+[0-9]{3}`, `(?:[ab]{2})+c`,
}

// memoText is long text from a small alphabet, so that long runs of a
// pattern's class hold few matches.
func memoText(r *rand.Rand) []byte {
	alphabets := []string{"ab", "abc ", "0 1", "a b ", "xyz a", "ab\n", "0123 x"}
	words := []string{"street", "road", "bb", "c", "x", "y", "123"}
	a := alphabets[r.IntN(len(alphabets))]
	var b strings.Builder
	n := 100 + r.IntN(500)
	for b.Len() < n {
		if r.IntN(200) == 0 {
			b.WriteString(words[r.IntN(len(words))])
			continue
		}
		b.WriteByte(a[r.IntN(len(a))])
	}
	return []byte(b.String())
}

// TestMemoMatchesRegexp: searches with a Memo, from every offset of a
// window in turn (as the detector retries), give regexp's matches, for the
// full and the lazy automaton, with and without the word-start rule.
func TestMemoMatchesRegexp(t *testing.T) {
	exprs := append([]string(nil), memoPatterns...)
	for _, id := range identifiers.Catalog() {
		for _, p := range id.Patterns {
			if strings.Contains(p.Expr, "+") || strings.Contains(p.Expr, "*") {
				exprs = append(exprs, p.Expr)
			}
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	rounds := 6
	if testing.Short() {
		rounds = 2
	}
	var m dfa.Memo
	for _, expr := range exprs {
		p := pattern.MustParse(expr)
		d, err := dfa.Compile(p, dfa.Options{})
		if err != nil {
			continue
		}
		l, err := dfa.CompileLazy(p, dfa.Options{})
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		re := regexp.MustCompile(expr)
		for range rounds {
			text := memoText(r)
			if r.IntN(2) == 0 {
				text = append(text, randomText(r, 40)...)
			}
			lo := r.IntN(len(text) / 2)
			m.Reset(lo, len(text))
			var lm, wm, wlm dfa.Memo
			lm.Reset(lo, len(text))
			wm.Reset(lo, len(text))
			wlm.Reset(lo, len(text))
			for i := lo; i <= len(text); i++ {
				loc := re.FindIndex(text[i:])
				s, e, ok := d.FindFromMemo(text, i, nil, &m)
				if ok != (loc != nil) || ok && (s != i+loc[0] || e != i+loc[1]) {
					t.Fatalf("%s: FindFromMemo(%q, %d) = %d %d %v, regexp %v", expr, text, i, s, e, ok, loc)
				}
				s, e, found, done := l.FindFromMemo(text, i, nil, &lm)
				if !done || found != (loc != nil) || found && (s != i+loc[0] || e != i+loc[1]) {
					t.Fatalf("%s: lazy FindFromMemo(%q, %d) = %d %d %v %v, regexp %v", expr, text, i, s, e, found, done, loc)
				}
				ws, we, wok := wordStartFind(d, text, i)
				s, e, ok = d.FindFromMemo(text, i, &wordBytes, &wm)
				if ok != wok || ok && (s != ws || e != we) {
					t.Fatalf("%s: FindFromMemo(%q, %d, word) = %d %d %v, want %d %d %v", expr, text, i, s, e, ok, ws, we, wok)
				}
				s, e, found, done = l.FindFromMemo(text, i, &wordBytes, &wlm)
				if !done || found != wok || found && (s != ws || e != we) {
					t.Fatalf("%s: lazy FindFromMemo(%q, %d, word) = %d %d %v %v, want %d %d %v", expr, text, i, s, e, found, done, ws, we, wok)
				}
			}
		}
	}
}

// TestMemoLinear: a lazy loop over a long run without the word that ends a
// match costs time linear in the run with a Memo (it was quadratic), as
// the ratio of the time at 4n to the time at n.
func TestMemoLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	d, err := dfa.Compile(pattern.MustParse(`[0-9]{1,5} [0-9a-z .-]+? (?:street|road)`), dfa.Options{})
	if err != nil {
		t.Fatal(err)
	}
	run := func(n int) time.Duration {
		text := []byte(strings.Repeat("0 ", n/2))
		best := time.Hour
		var m dfa.Memo
		for range 5 {
			best = min(best, cputime.PerRun(func() {
				m.Reset(0, len(text))
				for pos := 0; ; {
					_, e, ok := d.FindFromMemo(text, pos, nil, &m)
					if !ok {
						break
					}
					pos = e
				}
			}))
		}
		return best
	}
	n := 256 << 10 // from here on the memo no longer fits a CPU's cache
	small, large := run(n), run(4*n)
	if ratio := float64(large) / float64(small); ratio > 6 {
		t.Errorf("time at 4n / time at n = %.1f (%v, %v), want about 4", ratio, small, large)
	}
}

// TestMemoPages: over windows of several pages of records, not aligned to
// a page, with Memos reused from window to window (pages of an earlier
// generation must read as empty), searches from every offset give
// regexp's matches, and a window whose long walks stay in one stretch
// holds records for that stretch only.
func TestMemoPages(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	rounds := 2
	if testing.Short() {
		rounds = 1
	}
	var m, lm dfa.Memo
	for _, expr := range memoPatterns {
		p := pattern.MustParse(expr)
		d, err := dfa.Compile(p, dfa.Options{})
		if err != nil {
			continue // as in TestMemoMatchesRegexp
		}
		l, err := dfa.CompileLazy(p, dfa.Options{})
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		re := regexp.MustCompile(expr)
		for range rounds {
			var text []byte
			for len(text) < 1300+r.IntN(1500) {
				text = append(text, memoText(r)...)
			}
			lo := r.IntN(600)
			m.Reset(lo, len(text))
			lm.Reset(lo, len(text))
			for i := lo; i <= len(text); i++ {
				loc := re.FindIndex(text[i:])
				s, e, ok := d.FindFromMemo(text, i, nil, &m)
				if ok != (loc != nil) || ok && (s != i+loc[0] || e != i+loc[1]) {
					t.Fatalf("%s: FindFromMemo(text of %d, %d) from window %d = %d %d %v, regexp %v", expr, len(text), i, lo, s, e, ok, loc)
				}
				s, e, found, done := l.FindFromMemo(text, i, nil, &lm)
				if !done || found != (loc != nil) || found && (s != i+loc[0] || e != i+loc[1]) {
					t.Fatalf("%s: lazy FindFromMemo(text of %d, %d) from window %d = %d %d %v %v, regexp %v", expr, len(text), i, lo, s, e, found, done, loc)
				}
			}
		}
	}

	// Long walks in one stretch of a 16 MiB window: the records are for
	// that stretch (a few pages), not 8 bytes for each of its positions.
	d, err := dfa.Compile(pattern.MustParse(`[0-9][0-9 ]*[0-9]x`), dfa.Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := make([]byte, 16<<20)
	for i := range text {
		text[i] = 'a'
	}
	const at = 9 << 20
	copy(text[at:], strings.Repeat("1 ", 3000))
	var big dfa.Memo
	big.Reset(0, len(text))
	for i := at; i < at+6000; i += 2 {
		if e := d.EndAtMemo(text, i, &big); e >= 0 {
			t.Fatalf("a match from %d to %d in text without an x", i, e)
		}
	}
	if b := big.Bytes(); b > 1<<20 {
		t.Errorf("a memo whose walks covered 6,000 positions of 16 MiB holds %d bytes, want under 1 MiB", b)
	}
}
