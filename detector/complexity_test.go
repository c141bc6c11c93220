package detector_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/cputime"
)

// The complexity tests (issue 12 items 6 and 7): for each hostile input
// shape, the time at 4n over the time at n, measured in one run as the
// thread's CPU time (the best of a few repetitions), must stay near 4
// (maxRatio allows for noise), and the memory allocated stays under a
// bound proportional to the input. Sizes start where the detector's
// scratch no longer fits a CPU cache, so that the ratio measures the
// algorithm, not the cache.

const (
	// maxRatio bounds time(4n)/time(n): 4 for linear time, 16 for
	// quadratic; generous for noise.
	maxRatio = 6.0
	// complexityN is n.
	complexityN = 256 << 10
	// maxAllocPerByte bounds the bytes allocated per byte of input by one
	// scan (findings included), plus maxAllocBase.
	maxAllocPerByte    = 48
	maxAllocPerFinding = 512
	maxAllocBase       = 4 << 20
)

// skipTiming skips timing tests where they measure something else.
func skipTiming(t *testing.T) {
	t.Helper()
	if testing.Short() || raceEnabled {
		t.Skip("timing: not under -short or the race detector")
	}
}

// repeatTo returns prefix followed by unit repeated to n bytes.
func repeatTo(prefix, unit string, n int) []byte {
	b := make([]byte, 0, n+len(unit))
	b = append(b, prefix...)
	for len(b) < n {
		b = append(b, unit...)
	}
	return b[:n]
}

// checkLinear checks that scanning build(4n) costs about four times
// build(n), and that a scan allocates memory in proportion to its input.
func checkLinear(t *testing.T, d *detector.Detector, build func(n int) []byte) {
	t.Helper()
	checkLinearAt(t, d, complexityN, build)
}

// checkLinearAt is checkLinear from n bytes.
func checkLinearAt(t *testing.T, d *detector.Detector, n int, build func(n int) []byte) {
	t.Helper()
	small, large := build(n), build(4*n)
	var fs []detector.Finding
	measure := func(text []byte) time.Duration {
		best := time.Hour
		for range 2 {
			best = min(best, cputime.PerRun(func() { fs = d.AppendFindings(fs[:0], text) }))
		}
		return best
	}
	measure(small) // warm the pool and the lazy automata
	ts, tl := measure(small), measure(large)
	ratio := float64(tl) / float64(max(ts, time.Microsecond))
	for retry := 0; retry < 3 && ratio > maxRatio; retry++ {
		// Again, in case of a disturbance (a loaded machine shares its
		// caches: a quadratic scan stays over the bound every time).
		ts, tl = measure(small), measure(large)
		ratio = min(ratio, float64(tl)/float64(max(ts, time.Microsecond)))
	}
	if ratio > maxRatio {
		t.Errorf("time at 4n / time at n = %.1f (%v at %d bytes, %v at %d), want at most %.0f", ratio, ts, len(small), tl, len(large), maxRatio)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fs = d.AppendFindings(nil, large)
	runtime.ReadMemStats(&after)
	bound := maxAllocPerByte*len(large) + maxAllocPerFinding*len(fs) + maxAllocBase
	if grew := after.TotalAlloc - before.TotalAlloc; grew > uint64(bound) {
		t.Errorf("one scan of %d bytes with %d findings allocated %d bytes, want at most %d", len(large), len(fs), grew, bound)
	}
	if err := detector.CheckFindings(fs, len(large)); err != nil {
		t.Error(err)
	}
}

// hostileShapes are inputs built to make a scan superlinear: runs of each
// joiner and punctuation character (each rejected candidate in a run once
// re-walked the whole run), keywords followed by runs (long keyword
// windows), digit runs that long-match patterns walk to their end, keyword
// floods and values back to back.
var hostileShapes = []struct{ name, prefix, unit string }{
	{"colons and hex", "", "a:"},
	{"double colons", "", "1::"},
	{"dots", "", "."},
	{"digits and dots", "", "1."},
	{"ip addresses joined", "", "10.0.0.1."},
	{"dashes", "", "-"},
	{"digits and dashes", "", "12-"},
	{"slashes", "", "/"},
	{"plus signs", "", "+"},
	{"equals", "", "="},
	{"underscores", "", "_"},
	{"at signs", "", "a@"},
	{"email-like", "", "a.b@c."},
	{"digits", "", "0"},
	{"digits and spaces", "", "0 "},
	{"hex", "", "a1f"},
	{"letters", "", "a"},
	{"capital letters", "", "A"},
	{"capitalised words", "", "Aa "},
	{"names", "", "Jane Doe "},
	{"non-ASCII letters", "", "é"},
	{"invalid UTF-8", "", "\xff"},
	{"bearer and plus signs", "Authorization: Bearer ", "+"},
	{"bearer and slashes", "bearer ", "/"},
	{"bearer and dashes", "bearer ", "-"},
	{"card and digit groups", "card ", "0 "},
	{"card and colons", "card ", ":"},
	{"ssn and dots", "ssn ", "0."},
	{"phone and dots", "phone ", "0."},
	{"address and digits", "address ", "0 "},
	{"keyword flood", "", "ssn card passport number iban dob phone bearer "},
	{"keywords and values", "", "ssn 536-22-1234 card 4929 3812 6548 1006 mail a@b.co "},
	{"private key headers", "", "-----BEGIN RSA PRIVATE KEY-----"},
	{"PKCS #8 headers and foreign END lines", "", "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n"},
	{"every PKCS header, no END", "", "-----BEGIN PRIVATE KEY----- -----BEGIN RSA PRIVATE KEY----- -----BEGIN EC PRIVATE KEY-----\nMIIB\n"},
	{"crossed private keys", "", "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END OPENSSH PRIVATE KEY-----\n" +
		"-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END RSA PRIVATE KEY-----\n"},
	{"jwt prefixes", "", "eyJhbGciOi."},
}

// TestIssue12_LinearScans: every hostile shape, over the whole catalog
// (extensions included), scans in linear time and memory. (The two the
// issue reports have tests of their own below.)
func TestIssue12_LinearScans(t *testing.T) {
	skipTiming(t)
	d := catalogDetector(t)
	for _, sh := range hostileShapes {
		t.Run(sh.name, func(t *testing.T) {
			checkLinear(t, d, func(n int) []byte { return repeatTo(sh.prefix, sh.unit, n) })
		})
	}
}

// TestIssue12_QuadraticColons: a line of ':' took 1.3 s at 64 KiB and 89 s
// at 512 KiB (each rejected IPv6 candidate re-walked the run of joiners).
func TestIssue12_QuadraticColons(t *testing.T) {
	skipTiming(t)
	checkLinear(t, catalogDetector(t), func(n int) []byte { return repeatTo("", ":", n) })
}

// TestIssue12_QuadraticBearerDots: "bearer " followed by dots, likewise.
func TestIssue12_QuadraticBearerDots(t *testing.T) {
	skipTiming(t)
	checkLinear(t, catalogDetector(t), func(n int) []byte { return repeatTo("bearer ", ".", n) })
}

// TestIssue12_QuadraticOverlapResolution: custom identifiers whose matches
// overlap in one long chain (2 MiB took 109 s when resolution inserted
// into a slice), and shared spans.
func TestIssue12_QuadraticOverlapResolution(t *testing.T) {
	skipTiming(t)
	d, err := detector.Compile(append(identifiers.Catalog(), overlappingCustom(t)...))
	if err != nil {
		t.Fatal(err)
	}
	for _, unit := range []string{"12-", "123 456 ", "1", "123456789 ", "1-2 "} {
		t.Run(fmt.Sprintf("%q", unit), func(t *testing.T) {
			// From 1 MiB: below, the findings' buffers are pooled, above
			// they are not (see maxPooledBuffer), a constant factor that
			// would make the ratio measure the pool.
			checkLinearAt(t, d, 1<<20, func(n int) []byte { return repeatTo("", unit, n) })
		})
	}
}

// TestIssue12_CompileCost: compiling custom identifiers costs time and
// memory in proportion to them, even with large Unicode classes (ten
// [\pL\pN]{190} took 16-18 s and 400 MB when every step of the automaton
// builder cleared arrays the size of the whole NFA).
func TestIssue12_CompileCost(t *testing.T) {
	skipTiming(t)
	tests := []struct {
		name string
		expr func(i int) string
	}{
		{"unicode classes", func(i int) string { return fmt.Sprintf(`[\pL\pN]{190}x%d`, i) }},
		{"unicode letters and separators", func(i int) string { return fmt.Sprintf(`(?:\p{Lu}\p{Ll}+ ){1,40}y%d`, i) }},
		{"alternation of words", func(i int) string {
			words := make([]string, 30)
			for k := range words {
				words[k] = fmt.Sprintf("w%dk%d", i, k)
			}
			return `(?:` + strings.Join(words, "|") + `)-[0-9]{4}`
		}},
	}
	// maxBytesPerIdentifier bounds the memory compiling one takes.
	const maxBytesPerIdentifier = 24 << 20
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := func(k int) []*identifiers.Identifier {
				var ids []*identifiers.Identifier
				for i := range k {
					id, err := identifiers.NewCustom(fmt.Sprintf("C%d", i), tt.expr(i))
					if err != nil {
						t.Fatal(err)
					}
					ids = append(ids, id)
				}
				return ids
			}
			measure := func(k int) time.Duration {
				ids := set(k)
				best := time.Hour
				for range 2 {
					best = min(best, cputime.PerRun(func() {
						if _, err := detector.Compile(ids); err != nil {
							t.Fatal(err)
						}
					}))
				}
				return best
			}
			ts, tl := measure(2), measure(8)
			if ratio := float64(tl) / float64(max(ts, time.Microsecond)); ratio > maxRatio {
				t.Errorf("compile time for 8 / for 2 = %.1f (%v, %v)", ratio, ts, tl)
			}
			ids := set(8)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			d, err := detector.Compile(ids)
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Fatal(err)
			}
			grew := after.TotalAlloc - before.TotalAlloc
			if grew > 8*maxBytesPerIdentifier {
				t.Errorf("compiling 8 identifiers allocated %d MB", grew>>20)
			}
			t.Logf("compile: 2 identifiers %v, 8 identifiers %v of CPU, %d MB allocated", ts, tl, grew>>20)
			// And a scan over text that drives the automata far stays
			// linear: lazily built states are bounded in memory.
			if tt.name == "unicode classes" {
				checkLinear(t, d, func(n int) []byte { return repeatTo("", "Ωé1 ", n) })
			}
		})
	}
}
