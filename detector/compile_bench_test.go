package detector

import (
	"testing"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/regex"
	"github.com/piiguard/piiguard/internal/testcorpus"
)

// The compile benchmarks: what compiling costs when the precompiled form
// does not answer. BenchmarkStartupCompile (package bench) measures the
// catalog with it.

// BenchmarkCompileFromSource: the whole catalog, every pattern parsed,
// analysed and determinised at run time (as without the precompiled form).
func BenchmarkCompileFromSource(b *testing.B) {
	b.ReportAllocs()
	ids := identifiers.Catalog()
	for b.Loop() {
		if _, err := compile(ids, Options{}, regex.Default, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompileCustom: 100 custom identifiers, none of them in the
// precompiled form (a policy's custom data identifiers).
func BenchmarkCompileCustom(b *testing.B) {
	b.ReportAllocs()
	ids := testcorpus.CustomIdentifiers(100, 1)
	for b.Loop() {
		if _, err := compile(ids, Options{}, regex.Default, precompiledCatalog()); err != nil {
			b.Fatal(err)
		}
	}
}
