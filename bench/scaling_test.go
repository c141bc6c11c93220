package bench

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/testcorpus"
)

// The scaling benchmarks: how the detector's cost grows with the number of
// identifiers, with the size of one input, and with the goroutines sharing
// one Detector.

// CustomCounts are the numbers of custom identifiers added to the catalog
// in BenchmarkDetectorIdentifiers.
var CustomCounts = []int{0, 10, 20, 50, 100}

var (
	customOnce sync.Once
	customDets map[int]*detector.Detector
	customErr  error
)

// BenchmarkDetectorIdentifiers: the catalog plus n realistic custom
// identifiers (CustomIdentifiers), on loghub and synthetic-1pct.
func BenchmarkDetectorIdentifiers(b *testing.B) {
	setup(b)
	customOnce.Do(func() {
		customDets = map[int]*detector.Detector{}
		all := testcorpus.CustomIdentifiers(CustomCounts[len(CustomCounts)-1], 42)
		for _, n := range CustomCounts {
			d, err := detector.Compile(append(identifiers.Catalog(), all[:n]...))
			if err != nil {
				customErr = err
				return
			}
			customDets[n] = d
		}
	})
	if customErr != nil {
		b.Fatal(customErr)
	}
	for ci, c := range corpora[:2] {
		for _, n := range CustomCounts {
			b.Run(fmt.Sprintf("%s/custom=%d", corpusNames[ci], n), func(b *testing.B) {
				if c == nil {
					skipLoghub(b)
				}
				d := customDets[n]
				var fs []detector.Finding
				scanCorpus(b, c, func(line []byte) int {
					fs = d.AppendFindings(fs[:0], line)
					return len(fs)
				})
			})
		}
	}
}

func skipLoghub(b *testing.B) {
	if errors.Is(loghubErr, fs.ErrNotExist) {
		b.Skipf("loghub corpus absent: %v", loghubErr)
	}
	b.Fatal(loghubErr)
}

// InputSizes are the text sizes of BenchmarkDetectorInputSize.
var InputSizes = []int{1 << 10, 10 << 10, 100 << 10, 1 << 20, 10 << 20, 100 << 20}

// sizeName names a size: 1KB, 10KB, ..., 100MB.
func sizeName(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%dMB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%dKB", n>>10)
	}
	return fmt.Sprintf("%dB", n)
}

// textOf returns n bytes of the corpus's lines joined by newlines, in a
// fixed shuffled order (so that texts of every size have the corpus's
// mix of systems), repeated as needed.
func textOf(c *testcorpus.Corpus, n int) []byte {
	order := rand.New(rand.NewPCG(1, 1)).Perm(len(c.Lines))
	buf := make([]byte, 0, n+1024)
	for len(buf) < n {
		for _, i := range order {
			buf = append(append(buf, c.Lines[i]...), '\n')
			if len(buf) >= n {
				break
			}
		}
	}
	return buf[:n]
}

// BenchmarkDetectorInputSize: one AppendFindings call over a text of each
// size made of loghub lines (synthetic-1pct when loghub is absent), so the
// per-call costs and anything that grows faster than the text show. Each op
// scans the next text of that size cut from a long shuffled stream of the
// corpus's lines: scanning one small text over and over would let the
// branch predictors learn it and flatter the small sizes.
func BenchmarkDetectorInputSize(b *testing.B) {
	setup(b)
	c := corpora[0]
	if c == nil {
		c = corpora[1]
	}
	stream := textOf(c, 16<<20)
	if smoke() {
		stream = textOf(c, 2<<20)
	}
	for _, n := range InputSizes {
		if smoke() && n > 1<<20 {
			continue
		}
		b.Run(sizeName(n), func(b *testing.B) {
			texts := sizedTexts(stream, c, n)
			var fs []detector.Finding
			b.SetBytes(int64(n))
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				fs = det.AppendFindings(fs[:0], texts[i])
				if i++; i == len(texts) {
					i = 0
				}
			}
			b.ReportMetric(float64(len(fs)), "matches/op")
		})
	}
}

// sizedTexts cuts stream into texts of n bytes (one text of n bytes made
// from the corpus when n exceeds the stream).
func sizedTexts(stream []byte, c *testcorpus.Corpus, n int) [][]byte {
	if n > len(stream)/2 {
		return [][]byte{textOf(c, n)}
	}
	var out [][]byte
	for lo := 0; lo+n <= len(stream); lo += n {
		out = append(out, stream[lo:lo+n])
	}
	return out
}

// Goroutines are the goroutine counts of BenchmarkDetectorGoroutines.
var Goroutines = []int{1, 2, 4}

// BenchmarkDetectorGoroutines: one Detector shared by g goroutines, each
// scanning a contiguous share of the loghub lines; an op is one pass over
// the corpus, so MB/s is the aggregate throughput.
func BenchmarkDetectorGoroutines(b *testing.B) {
	setup(b)
	c := corpora[0]
	if c == nil {
		c = corpora[1]
	}
	for _, g := range Goroutines {
		b.Run(fmt.Sprintf("g=%d", g), func(b *testing.B) {
			b.SetBytes(c.Bytes())
			b.ReportAllocs()
			var wg sync.WaitGroup
			for b.Loop() {
				for k := range g {
					wg.Add(1)
					go func(lines [][]byte) {
						defer wg.Done()
						var fs []detector.Finding
						for _, l := range lines {
							fs = det.AppendFindings(fs[:0], l)
						}
					}(c.Lines[k*len(c.Lines)/g : (k+1)*len(c.Lines)/g])
				}
				wg.Wait()
			}
		})
	}
}

// BenchmarkControlGoroutines is the machine's own scaling: a pure CPU loop
// split over g goroutines (no memory traffic, no shared state). When it
// does not scale, other load holds the cores, and the detector's scaling
// in the same run cannot be judged.
func BenchmarkControlGoroutines(b *testing.B) {
	const work = 1 << 23
	for _, g := range Goroutines {
		b.Run(fmt.Sprintf("g=%d", g), func(b *testing.B) {
			b.SetBytes(work)
			var wg sync.WaitGroup
			for b.Loop() {
				for range g {
					wg.Add(1)
					go func() {
						defer wg.Done()
						x := uint64(1)
						for range work / g {
							x = x*6364136223846793005 + 1442695040888963407
						}
						controlSink.Add(x)
					}()
				}
				wg.Wait()
			}
		})
	}
}

var controlSink atomic.Uint64
