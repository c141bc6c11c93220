package detector

import (
	"os"
	"slices"
	"testing"
	"time"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/cputime"
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

// TestCPUTimeKeywordPass measures the keyword and literal automaton alone,
// as BenchmarkKeywordAutomaton does, in MB per CPU-second of the scanning
// thread (median and range of 9 runs of 10 passes), which other load on a
// shared machine disturbs less than wall-clock time. Opt in with
// PIIGUARD_CPUTIME=1:
//
//	PIIGUARD_CPUTIME=1 go test ./detector -run CPUTimeKeywordPass -v
func TestCPUTimeKeywordPass(t *testing.T) {
	if os.Getenv("PIIGUARD_CPUTIME") == "" {
		t.Skip("set PIIGUARD_CPUTIME=1")
	}
	lh, err := testcorpus.Loghub("")
	if err != nil {
		t.Skip(err)
	}
	d, err := Compile(identifiers.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	n, occs := 0, 0
	for _, l := range lh.Lines {
		n += len(l)
	}
	const passes = 10
	times := make([]time.Duration, 9)
	for i := range times {
		times[i] = cputime.Of(func() {
			for range passes {
				for _, l := range lh.Lines {
					d.ac.Scan(l, func(_, _, _ int) { occs++ })
				}
			}
		})
	}
	slices.Sort(times)
	mb := passes * float64(n) / 1e6
	t.Logf("keyword pass, loghub: %.0f MB/cpu-s (median of %d; %.0f–%.0f); %d states, %d bytes", mb/times[len(times)/2].Seconds(), len(times),
		mb/times[len(times)-1].Seconds(), mb/times[0].Seconds(), d.ac.States(), d.ac.Bytes())
}
