package detector

import (
	"testing"
	"time"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/cputime"
	"github.com/piiguard/piiguard/internal/regex"
	"github.com/piiguard/piiguard/internal/testcorpus"
)

// The compile benchmarks: what compiling costs when the precompiled form
// does not answer. BenchmarkStartupCompile (package bench) measures the
// catalog with it. Besides ns/op they report cpu-ns/op, the CPU time of
// the compilation on its thread with the garbage collector held off
// (package cputime), which other load on a shared machine disturbs far
// less than wall-clock time; allocs/op and B/op show what the collector
// then has to do.

// BenchmarkCompileFromSource: the whole catalog, every pattern parsed,
// analysed and determinised at run time (as without the precompiled form).
func BenchmarkCompileFromSource(b *testing.B) {
	benchmarkCompile(b, identifiers.Catalog(), false)
}

// BenchmarkCompileCustom: 100 custom identifiers, none of them in the
// precompiled form (a policy's custom data identifiers).
func BenchmarkCompileCustom(b *testing.B) {
	benchmarkCompile(b, testcorpus.CustomIdentifiers(100, 1), true)
}

func benchmarkCompile(b *testing.B, ids []*identifiers.Identifier, withForm bool) {
	b.ReportAllocs()
	cat := precompiledCatalog()
	if !withForm {
		cat = nil
	}
	var cpu time.Duration
	for b.Loop() {
		var err error
		cpu += cputime.Of(func() { _, err = compile(ids, Options{}, regex.Default, cat) })
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
}
