package bench

import (
	"sync"
	"testing"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/internal/testcorpus"
)

var (
	coreOnce     sync.Once
	coreDet      *detector.Detector
	coreNaive    *Naive
	corePatterns []string
	coreErr      error
)

func setupCore(b *testing.B) {
	setup(b)
	coreOnce.Do(func() {
		ids := testcorpus.CoreIdentifiers()
		corePatterns = CatalogPatterns(ids)
		if coreDet, coreErr = detector.Compile(ids); coreErr != nil {
			return
		}
		coreNaive, coreErr = NewNaive(corePatterns)
	})
	if coreErr != nil {
		b.Fatal(coreErr)
	}
}

// BenchmarkDetectorCore: the detector with the core identifiers
// (CoreNames).
func BenchmarkDetectorCore(b *testing.B) {
	setupCore(b)
	eachCorpus(b, func() func([]byte) int {
		var fs []detector.Finding
		return func(line []byte) int {
			fs = coreDet.AppendFindings(fs[:0], line)
			return len(fs)
		}
	})
}

// BenchmarkNaiveCore: the naive baseline on the core identifiers' patterns.
func BenchmarkNaiveCore(b *testing.B) {
	setupCore(b)
	eachCorpus(b, func() func([]byte) int {
		var ms [][2]int
		return func(line []byte) int {
			ms = coreNaive.AppendMatches(ms[:0], line)
			return len(ms)
		}
	})
}
