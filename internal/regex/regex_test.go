package regex

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// The differential test: Default (Go's regexp, or rure with -tags rure)
// against regexp's FindAllIndex and Match.

var diffPatterns = []string{
	// ASCII, PII-like.
	`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`,
	`\b\d{3}-\d{2}-\d{4}\b`,
	`\b(?:\d[ -]?){12,15}\d\b`,
	`\b(?:\d{1,3}\.){3}\d{1,3}\b`,
	`(?i)password=\S+`,
	`(?i)bearer [a-z0-9._~+/-]+=*`,
	`(?i:api[_-]?key)\s*[:=]\s*"?([A-Za-z0-9]{8,})"?`,
	`\bfoo\b`, `\w+`, `\W+`, `\s+`, `\S+`, `\d+`, `\D+`,
	`[[:word:]]+`, `[[:space:]]+`, `[[:^alpha:]]+`, `[^a-z ]+`,
	// Leftmost-first and greediness.
	`a|ab`, `ab|a`, `(a+)(b+)?`, `a*?b`, `.*?x`, `(?U)a+`, `a{2,3}`, `a{2,}?`,
	// Anchors, \b and \B where the previous match ends.
	`^a`, `a$`, `^\d+|\d+$`, `(?m)^\w+`, `(?m)\w+$`, `\Aa`, `a\z`,
	`a|\bb`, `a|\Bb`, `\b\w`, `\w\b`, `\Bo`,
	// Empty matches.
	``, `a*`, `x*`, `\b`, `\B`, `^`, `$`, `(?m)^`, `(?m)$`, `a??`, `(?:)|a`, `a*?`,
	// Non-ASCII patterns.
	`é+`, `\pL+`, `\p{Greek}+`, `[à-ÿ]+`, `(?i)straße`, `(?i)k`, `(?i)s+`,
	`(?i)σ`, `.`, `.+`, `a.b`, `(?s).`, `[^ ]+`, `\x{FFFD}`, `[^a]`, `\PL+`,
	`日本`, `\w+é`,
	// Never matches.
	`[^\x00-\x{10FFFF}]`, `a[^\x00-\x{10FFFF}]|b`,
}

var diffInputs = []string{
	"",
	"a", "b", "ab", "aab abb", "aaa", "baaac", "xax", "foo", "a b",
	"user=jean.dupont@example.com ip=10.0.0.1 card=4111 1111 1111 1111 ssn=123-45-6789 " +
		"password=hunter2 Authorization: Bearer abc.def-ghi== api_key: \"A1b2C3d4E5\"",
	"2024-01-02T03:04:05Z INFO foo=bar foobar foo_bar foo.bar",
	// Non-ASCII text.
	"café naïve Ærøskøbing",
	"éfoo foo fooé éaé",
	"straße STRASSE Straße",
	"Kelvin \u212a k K ſs S",
	"ΣΑΣ σας",
	"日本語テキスト 日本",
	"tab\there\u00a0nbsp\u2003emsp x\vy",
	"aéa", "ééé", "aé", "éb", "a\u0301b",
	// Invalid UTF-8.
	"ab\xffcd",
	"caf\xe9 x",
	"pass=\xe9t\xe9 ok password=s3\xffcr3t done",
	"\xc3", "\xc3a", "\xe2\x82", "\xe2\x82a", "a\x80b", "\xed\xa0\x80", "\xff\xfe", "\xf0\x9f\x98",
	"\xef\xbf\xbd", "é\xa9", "a\xc3\xa9\xa9b", "foo\xfffoo",
	// Lines.
	"a\nb\n", "line1\nline2\n\n", "\na\n",
}

func flatten(locs [][]int) []int {
	var out []int
	for _, l := range locs {
		out = append(out, l[0], l[1])
	}
	return out
}

// checkFindAll compares re with Go's regexp on one input.
func checkFindAll(t *testing.T, re Regexp, std *regexp.Regexp, in string) (knownBad bool) {
	t.Helper()
	pat, b := std.String(), []byte(in)
	want := flatten(std.FindAllIndex(b, -1))
	got := re.FindAll(nil, b)
	if !slices.Equal(got, want) {
		t.Errorf("FindAll(%q, %q) = %v, want %v (FindAllIndex)", pat, in, got, want)
	}
	// Appends to dst.
	dst := re.FindAll([]int{-7}, b)
	if dst[0] != -7 || !slices.Equal(dst[1:], got) {
		t.Errorf("FindAll([-7], %q, %q) = %v, want [-7] + %v", pat, in, dst, got)
	}
	if got, want := re.Match(b), std.Match(b); got != want {
		t.Errorf("Match(%q, %q) = %v, want %v", pat, in, got, want)
	}
	s, e, ok := re.Find(b)
	if loc := std.FindIndex(b); ok != (loc != nil) || ok && (s != loc[0] || e != loc[1]) {
		t.Errorf("Find(%q, %q) = %d, %d, %v; want %v (FindIndex)", pat, in, s, e, ok, loc)
	}
	if utf8.ValidString(in) {
		if vs, ve, vok := re.FindValid(b); vs != s || ve != e || vok != ok {
			t.Errorf("FindValid(%q, %q) = %d, %d, %v; Find gives %d, %d, %v", pat, in, vs, ve, vok, s, e, ok)
		}
	}
	return knownBad
}

func TestFindAllDifferential(t *testing.T) {
	t.Logf("backend %q", Default.Name())
	known := 0
	for _, pat := range diffPatterns {
		re, err := Compile(pat)
		if err != nil {
			t.Errorf("Compile(%q): %v", pat, err)
			continue
		}
		if re.String() != pat {
			t.Errorf("Compile(%q).String() = %q", pat, re.String())
		}
		std := regexp.MustCompile(pat)
		for _, in := range diffInputs {
			if checkFindAll(t, re, std, in) {
				known++
			}
		}
	}
	if known > 0 {
		t.Logf("%d known Go-backend deviations from FindAllIndex", known)
	}
}

// TestFindAllRandom runs the differential test on random inputs made of
// pieces that exercise word boundaries, multi-byte and invalid UTF-8.
func TestFindAllRandom(t *testing.T) {
	pieces := []string{"a", "b", "o", "x", "1", "_", " ", "-", "@", ".", "=", "\n",
		"é", "ß", "K", "\u212a", "ſ", "\u00a0", "日", "\ufffd", "\xff", "\xa9", "\xc3", "\xe2\x82", "\xed\xa0\x80"}
	rng := rand.New(rand.NewPCG(1, 2))
	inputs := make([]string, 300)
	for i := range inputs {
		var sb strings.Builder
		for n := rng.IntN(12); n > 0; n-- {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		inputs[i] = sb.String()
	}
	known := 0
	for _, pat := range diffPatterns {
		re, err := Compile(pat)
		if err != nil {
			t.Fatalf("Compile(%q): %v", pat, err)
		}
		std := regexp.MustCompile(pat)
		for _, in := range inputs {
			if checkFindAll(t, re, std, in) {
				known++
			}
		}
	}
	if known > 0 {
		t.Logf("%d known Go-backend deviations from FindAllIndex", known)
	}
}

func TestCompileError(t *testing.T) {
	for _, pat := range []string{`(`, `a**`, `\8`, `[z-a]`, `x{1001}`, "\xff"} {
		if re, err := Compile(pat); err == nil || re != nil {
			t.Errorf("Compile(%q) = %v, %v; want nil, an error", pat, re, err)
		} else if !strings.HasPrefix(err.Error(), "regex: ") {
			t.Errorf("Compile(%q): error %q lacks the regex: prefix", pat, err)
		}
	}
}

// logLine is a 1 KB log-like line.
var logLine = func() []byte {
	var sb strings.Builder
	for i := 0; sb.Len() < 1024; i++ {
		fmt.Fprintf(&sb, "2024-05-0%dT12:34:56.789Z level=info svc=checkout req=%08x user=user%d@example.com "+
			"ip=192.168.%d.%d path=/api/v1/orders/%d status=200 dur=%dms msg=\"order placed\" ",
			i%9+1, i*2654435761, i, i%256, (i*7)%256, 1000+i, 10+i)
	}
	return []byte(sb.String()[:1024])
}()

var benchPatterns = []struct{ name, expr string }{
	{"email", `[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`},
	{"ipv4", `\b(?:\d{1,3}\.){3}\d{1,3}\b`},
	{"card", `\b(?:\d[ -]?){12,15}\d\b`},
	{"secret", `(?i)(?:password|secret|token)=\S+`},
	{"word", `\w+`},
}

func BenchmarkFindAll(b *testing.B) {
	for _, p := range benchPatterns {
		re, err := Compile(p.expr)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(p.name, func(b *testing.B) {
			dst := make([]int, 0, 1024)
			b.SetBytes(int64(len(logLine)))
			b.ReportAllocs()
			for b.Loop() {
				dst = re.FindAll(dst[:0], logLine)
			}
		})
	}
}
