// Package bench measures the detector beside the baselines it replaces, on
// real logs (loghub) and on synthetic logs with a tunable density of
// sensitive values.
//
// The package holds the corpora and the baselines; the benchmarks are in its
// tests:
//
//   - BenchmarkDetector: detector.Compile(identifiers.Catalog()), AppendFindings
//     line by line with a reused findings slice;
//   - BenchmarkNaive: every pattern of every identifier compiled with Go's
//     regexp and run one after another over each line (FindAllIndex), as most
//     Go PII libraries do; no validation;
//   - BenchmarkAlternation: all the patterns as one Go regexp alternation;
//   - BenchmarkRureAlternation (build tags rure and cgo): the same
//     alternation compiled with Rust's regex through internal/regex.
//
// Each runs on three corpora: loghub (../shared/corpus/loghub beside the
// checkout, skipped when absent), and Synthetic at 1% and 10% density. They
// report MB/s, ns/line, allocs/op (per pass over the whole corpus) and
// matches/op. bench/cmd/results turns `go test -bench` output into
// RESULTS.md:
//
//	go test -run '^$' -bench . -benchmem -count 3 ./bench/ | go run ./bench/cmd/results > bench/RESULTS.md
//
// Synthetic corpora come with their ground truth (Corpus.Planted), which
// TestSyntheticRecall checks the detector against.
package bench
