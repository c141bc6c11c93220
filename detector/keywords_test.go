package detector

import (
	"testing"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/testcorpus"
)

// BenchmarkKeywordAutomaton measures the keyword and literal automaton
// alone, with the catalog's words, over loghub line by line (as the
// benchmarks in package bench scan it).
func BenchmarkKeywordAutomaton(b *testing.B) {
	lh, err := testcorpus.Loghub("")
	if err != nil {
		b.Skip(err)
	}
	d, err := Compile(identifiers.Catalog())
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, l := range lh.Lines {
		n += len(l)
	}
	b.SetBytes(int64(n))
	occs := 0
	for b.Loop() {
		for _, l := range lh.Lines {
			d.ac.Scan(l, func(_, _, _ int) { occs++ })
		}
	}
	b.ReportMetric(float64(occs)/float64(b.N), "occs/op")
}
