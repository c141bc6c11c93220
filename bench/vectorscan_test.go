//go:build vectorscan && cgo

package bench

// The Vectorscan baseline (Hyperscan's portable fork), through cgo. Build
// with the vectorscan tag against the system's libhs (Debian:
// libvectorscan-dev; make bench-vectorscan installs it):
//
//	go test -tags vectorscan -run '^$' -bench Vectorscan -benchmem ./bench/
//	go test -tags vectorscan -run VectorscanPatterns -v ./bench/   # the patterns it rejects

import (
	"sync"
	"testing"

	"github.com/piiguard/piiguard/bench/internal/vectorscan"
	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/testcorpus"
)

// vectorscanSet is one pattern set compiled by Vectorscan.
type vectorscanSet struct {
	once     sync.Once
	db       *vectorscan.Database
	rejected []vectorscan.Rejected
	err      error
}

var vsFull, vsCore vectorscanSet

func (s *vectorscanSet) load(tb testing.TB, patterns []string) *vectorscan.Database {
	s.once.Do(func() { s.db, s.rejected, s.err = vectorscan.Compile(patterns) })
	if s.err != nil {
		tb.Fatal(s.err)
	}
	return s.db
}

// patternOwners returns, for each pattern of CatalogPatterns(ids), the
// name of its identifier.
func patternOwners(ids []*identifiers.Identifier) []string {
	var out []string
	for _, id := range ids {
		for range id.Patterns {
			out = append(out, id.Name)
		}
	}
	return out
}

// TestVectorscanPatterns lists the catalog patterns Vectorscan rejects,
// with its reasons, and checks that it takes most of them.
func TestVectorscanPatterns(t *testing.T) {
	setup(t)
	ids := identifiers.Catalog()
	owners := patternOwners(ids)
	vsFull.load(t, patterns)
	t.Logf("Vectorscan compiles %d of the catalog's %d patterns (%d identifiers); it rejects %d:",
		vsFull.db.Patterns(), len(patterns), len(ids), len(vsFull.rejected))
	for _, r := range vsFull.rejected {
		t.Logf("  %s pattern %d: %s", owners[r.Index], r.Index, r.Reason)
	}
	t.Logf("It compiles %d only without the start of match (reporting where matches end):", len(vsFull.db.NoStart))
	for _, r := range vsFull.db.NoStart {
		t.Logf("  %s pattern %d: %s", owners[r.Index], r.Index, r.Reason)
	}
	if 2*len(vsFull.rejected) > len(patterns) {
		t.Errorf("Vectorscan rejects %d of %d patterns: the baseline would not be the same pattern set", len(vsFull.rejected), len(patterns))
	}
}

// scanCorpusLines is scanCorpus for engines that take all the lines in one
// call (text holds them back to back, ends[i] is where line i ends).
func scanCorpusLines(b *testing.B, c *testcorpus.Corpus, scan func(text []byte, ends []int32) int) {
	var text []byte
	ends := make([]int32, 0, len(c.Lines))
	for _, l := range c.Lines {
		text = append(text, l...)
		ends = append(ends, int32(len(text)))
	}
	b.SetBytes(c.Bytes())
	b.ReportAllocs()
	matches := 0
	for b.Loop() {
		matches = scan(text, ends)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(c.Lines)), "ns/line")
	b.ReportMetric(float64(len(c.Lines)), "lines/op")
	b.ReportMetric(float64(matches), "matches/op")
}

func benchmarkVectorscan(b *testing.B, db *vectorscan.Database, rejected int) {
	for i, c := range corpora {
		b.Run(corpusNames[i], func(b *testing.B) {
			if c == nil {
				skipLoghub(b)
			}
			scanCorpusLines(b, c, func(text []byte, ends []int32) int {
				n, err := db.ScanLines(text, ends)
				if err != nil {
					b.Fatal(err)
				}
				return n
			})
			b.ReportMetric(float64(db.Patterns()), "patterns")
			b.ReportMetric(float64(rejected), "rejected")
			b.ReportMetric(float64(len(db.NoStart)), "nostart")
		})
	}
}

// BenchmarkVectorscan: every catalog pattern Vectorscan accepts in one
// database (block mode, leftmost start of match), one hs_scan per line, all
// the lines in one cgo call; matches counted, no validation.
func BenchmarkVectorscan(b *testing.B) {
	setup(b)
	db := vsFull.load(b, patterns)
	benchmarkVectorscan(b, db, len(vsFull.rejected))
}

// BenchmarkVectorscanCore: the same on the core identifiers' patterns.
func BenchmarkVectorscanCore(b *testing.B) {
	setupCore(b)
	db := vsCore.load(b, corePatterns)
	benchmarkVectorscan(b, db, len(vsCore.rejected))
}
