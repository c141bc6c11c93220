package bench

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/testcorpus"
)

var updateFindings = flag.Bool("update-findings", false, "rewrite testdata/findings.txt from the current detector")

// TestFindingsUnchanged pins what the detector finds on the benchmark
// corpora (loghub and the two synthetic corpora), for the whole catalog and
// for the core identifiers: per corpus, the number of findings of each
// identifier and a SHA-256 of every finding (line, identifier, span, score
// to four places, keyword). A speed change must leave it untouched; a
// change of behaviour rewrites it on purpose with
//
//	go test ./bench -run TestFindingsUnchanged -update-findings
//
// and the diff of testdata/findings.txt shows what moved.
func TestFindingsUnchanged(t *testing.T) {
	if testing.Short() {
		t.Skip("scans the full corpora")
	}
	lh, err := testcorpus.Loghub("")
	if err != nil {
		t.Skipf("loghub corpus absent: %v", err)
	}
	full, err := detector.Compile(identifiers.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	core, err := detector.Compile(testcorpus.CoreIdentifiers())
	if err != nil {
		t.Fatal(err)
	}
	cs := []*testcorpus.Corpus{lh, testcorpus.Synthetic(SyntheticLines, 0.01, syntheticSeed), testcorpus.Synthetic(SyntheticLines, 0.10, syntheticSeed)}
	var b strings.Builder
	for _, set := range []struct {
		name string
		det  *detector.Detector
	}{{"catalog", full}, {"core", core}} {
		for i, c := range cs {
			fmt.Fprintf(&b, "%s %s\n", set.name, corpusNames[i])
			summarizeFindings(&b, set.det, c)
		}
	}
	got := b.String()
	path := filepath.Join("testdata", "findings.txt")
	if *updateFindings {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (create it with -update-findings)", err)
	}
	if got != string(want) {
		t.Errorf("findings on the benchmark corpora changed; if on purpose, rerun with -update-findings and review the diff of %s\ngot:\n%s", path, got)
	}
}

// summarizeFindings writes, for one corpus, the count of findings per
// identifier and a digest of all of them.
func summarizeFindings(w io.Writer, det *detector.Detector, c *testcorpus.Corpus) {
	h := sha256.New()
	counts := map[string]int{}
	var fs []detector.Finding
	for li, line := range c.Lines {
		fs = det.AppendFindings(fs[:0], line)
		for _, f := range fs {
			counts[f.Identifier]++
			fmt.Fprintf(h, "%d %s %d %d %.4f %q\n", li, f.Identifier, f.Start, f.End, f.Score, f.Keyword)
		}
	}
	names := make([]string, 0, len(counts))
	for n := range counts {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %s %d\n", n, counts[n])
	}
	fmt.Fprintf(w, "  sha256 %x\n", h.Sum(nil))
}
