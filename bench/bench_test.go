package bench

import (
	"errors"
	"flag"
	"io/fs"
	"sync"
	"testing"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/testcorpus"
)

// SyntheticLines is the size of the synthetic benchmark corpora: about as
// many bytes as a third of loghub.
const SyntheticLines = 20000

// syntheticSeed fixes the synthetic corpora.
const syntheticSeed = 2024

var (
	setupOnce sync.Once
	corpora   []*testcorpus.Corpus // loghub (nil when absent), synthetic 1%, synthetic 10%
	loghubErr error
	det       *detector.Detector
	naive     *Naive
	alt       *Alternation
	patterns  []string
	setupErr  error
)

func setup(tb testing.TB) {
	tb.Helper()
	setupOnce.Do(func() {
		var lh *testcorpus.Corpus
		lh, loghubErr = testcorpus.Loghub("")
		corpora = []*testcorpus.Corpus{lh, testcorpus.Synthetic(SyntheticLines, 0.01, syntheticSeed), testcorpus.Synthetic(SyntheticLines, 0.10, syntheticSeed)}
		if smoke() {
			// A smoke run (CI): every benchmark once, on a sample.
			for i, c := range corpora {
				if c != nil && len(c.Lines) > smokeLines {
					cut := *c
					cut.Lines = sampleLines(c.Lines, smokeLines)
					corpora[i] = &cut
				}
			}
		}
		ids := identifiers.Catalog()
		patterns = CatalogPatterns(ids)
		if det, setupErr = detector.Compile(ids); setupErr != nil {
			return
		}
		if naive, setupErr = NewNaive(patterns); setupErr != nil {
			return
		}
		alt, setupErr = NewAlternation(patterns)
	})
	if setupErr != nil {
		tb.Fatal(setupErr)
	}
}

// smokeLines is the corpus size of a smoke run.
const smokeLines = 500

// smoke reports a smoke run, which checks that every benchmark runs rather
// than measuring: -short, or -benchtime=1x (as CI runs them). It samples
// the corpora and skips the largest inputs, so that running every benchmark
// once takes seconds, not the minutes the baselines need on full corpora.
func smoke() bool {
	if testing.Short() {
		return true
	}
	f := flag.Lookup("test.benchtime")
	return f != nil && f.Value.String() == "1x"
}

// sampleLines returns n lines spread evenly over lines.
func sampleLines(lines [][]byte, n int) [][]byte {
	out := make([][]byte, 0, n)
	for i := range n {
		out = append(out, lines[i*len(lines)/n])
	}
	return out
}

// corpusNames are the sub-benchmark names, in the order of corpora.
var corpusNames = []string{"loghub", "synthetic-1pct", "synthetic-10pct"}

// eachCorpus runs one sub-benchmark per corpus; newScan returns the function
// that scans one line and returns its number of findings or matches.
func eachCorpus(b *testing.B, newScan func() func(line []byte) int) {
	setup(b)
	for i, c := range corpora {
		b.Run(corpusNames[i], func(b *testing.B) {
			if c == nil {
				if errors.Is(loghubErr, fs.ErrNotExist) {
					b.Skipf("loghub corpus absent: %v", loghubErr)
				}
				b.Fatal(loghubErr)
			}
			scanCorpus(b, c, newScan())
		})
	}
}

// scanCorpus scans every line of c per op, reporting MB/s (corpus bytes per
// op), ns/line, allocs/op and matches/op.
func scanCorpus(b *testing.B, c *testcorpus.Corpus, scan func(line []byte) int) {
	b.SetBytes(c.Bytes())
	b.ReportAllocs()
	matches := 0
	for b.Loop() {
		matches = 0
		for _, line := range c.Lines {
			matches += scan(line)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(c.Lines)), "ns/line")
	b.ReportMetric(float64(len(c.Lines)), "lines/op")
	b.ReportMetric(float64(matches), "matches/op")
}

// BenchmarkDetector: the detector with every catalog identifier,
// AppendFindings per line into a reused slice.
func BenchmarkDetector(b *testing.B) {
	eachCorpus(b, func() func([]byte) int {
		var fs []detector.Finding
		return func(line []byte) int {
			fs = det.AppendFindings(fs[:0], line)
			return len(fs)
		}
	})
}

// BenchmarkNaive: every catalog pattern compiled with Go's regexp, run one
// after another over each line with FindAllIndex; no validation.
func BenchmarkNaive(b *testing.B) {
	eachCorpus(b, func() func([]byte) int {
		var ms [][2]int
		return func(line []byte) int {
			ms = naive.AppendMatches(ms[:0], line)
			return len(ms)
		}
	})
}

// BenchmarkAlternation: every catalog pattern in one Go regexp
// alternation, FindAllIndex per line; no validation.
func BenchmarkAlternation(b *testing.B) {
	eachCorpus(b, func() func([]byte) int {
		var ms [][2]int
		return func(line []byte) int {
			ms = alt.AppendMatches(ms[:0], line)
			return len(ms)
		}
	})
}

// noFindingLines are loghub lines (and lines like them) in which the
// catalog finds nothing. Some hold digit runs, dotted numbers and hex ids
// that reach the detector's byte-class pass and regexes.
var noFindingLines = []string{
	`081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating`,
	`081109 203807 222 INFO dfs.DataNode$PacketResponder: PacketResponder 0 for block blk_-6952295868487656571 terminating`,
	`2015-10-18 18:01:47,978 INFO [main] org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Created MRAppMaster for application appattempt_1445144423722_0020_000001`,
	`20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579`,
	`Jun 14 15:16:02 combo sshd(pam_unix)[19937]: check pass; user unknown`,
	`Jul  1 09:01:05 calvisitor-10-105-160-95 com.apple.CDScheduler[43]: Thermal pressure state: 1 Memory pressure state: 0`,
	`17/06/09 20:10:40 INFO executor.CoarseGrainedExecutorBackend: Registered signal handlers for [TERM, HUP, INT]`,
	`- 1131566461 2005.11.09 dn228 Nov 9 12:01:01 dn228/dn228 crond(pam_unix)[2915]: session closed for user root`,
	`03-17 16:13:38.819  1702  8671 D PowerManagerService: acquire lock=233570404, flags=0x1, tag="View Lock", name=com.android.systemui, ws=null, uid=10037, pid=2227`,
	`- 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872 R02-M1-N0-C:J12-U11 RAS KERNEL INFO instruction cache parity error corrected`,
	`{"ts":"2024-03-17T16:13:38.811Z","level":"info","service":"checkout","trace_id":"38101a0b-2096-447d-96ea-a692162415ae","msg":"request completed","attempt":0,"latency_ms":42.07,"pool_size":16}`,
}

// TestZeroAllocNoFindings checks that AppendFindings allocates nothing on
// lines without findings.
func TestZeroAllocNoFindings(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop items, so pooled scratch is allocated again")
	}
	setup(t)
	var fs []detector.Finding
	for _, s := range noFindingLines {
		line := []byte(s)
		if got := det.Find(line); len(got) != 0 {
			t.Errorf("test line has findings %v: %s", got, s)
			continue
		}
		allocs := testing.AllocsPerRun(200, func() { fs = det.AppendFindings(fs[:0], line) })
		if allocs > 0 {
			t.Errorf("%.1f allocs per AppendFindings on a line without findings: %s", allocs, s)
		}
	}
}

// BenchmarkDetectorNoFindings scans one line without findings; it must
// allocate nothing.
func BenchmarkDetectorNoFindings(b *testing.B) {
	setup(b)
	line := []byte(noFindingLines[2])
	var fs []detector.Finding
	if n := testing.AllocsPerRun(100, func() { fs = det.AppendFindings(fs[:0], line) }); n > 0 {
		b.Fatalf("%.1f allocs/op on a line without findings", n)
	}
	b.SetBytes(int64(len(line)))
	b.ReportAllocs()
	for b.Loop() {
		fs = det.AppendFindings(fs[:0], line)
	}
	if len(fs) != 0 {
		b.Fatalf("findings on a line without findings: %v", fs)
	}
}
