// Package bench measures the detector beside the baselines it replaces, on
// real logs (loghub) and on synthetic logs with a tunable density of
// sensitive values.
//
// The package holds the corpora, the baselines and generated custom
// identifiers; the benchmarks are in its tests:
//
//   - BenchmarkDetector: detector.Compile(identifiers.Catalog()), AppendFindings
//     line by line with a reused findings slice;
//   - BenchmarkNaive: every pattern of every identifier compiled with Go's
//     regexp and run one after another over each line (FindAllIndex), as most
//     Go PII libraries do; no validation;
//   - BenchmarkAlternation: all the patterns as one Go regexp alternation;
//   - BenchmarkRureAlternation (build tags rure and cgo): the same
//     alternation compiled with Rust's regex through internal/regex;
//   - BenchmarkDetectorCore, BenchmarkNaiveCore, BenchmarkRureAlternationCore:
//     the same on the core identifiers (CoreNames, the first catalog's), where
//     the baselines are at their best;
//   - BenchmarkDetectorIdentifiers: the catalog plus 0 to 100 generated custom
//     identifiers (CustomIdentifiers);
//   - BenchmarkDetectorInputSize: one call over texts of 1 KB to 100 MB;
//   - BenchmarkDetectorGoroutines: one Detector shared by 1, 2 and 4
//     goroutines, beside BenchmarkControlGoroutines, a pure CPU loop that
//     shows how far the machine itself scales at the time;
//   - BenchmarkDetectorNoFindings: one line without findings (0 allocations).
//
// The corpora are loghub (../shared/corpus/loghub beside the checkout,
// skipped when absent) and Synthetic at 1% and 10% density. The benchmarks
// report MB/s, ns/line, allocs/op (per pass over the whole corpus) and
// matches/op. bench/cmd/results turns `go test -bench` output into
// RESULTS.md, with the performance targets checked, the scaling tables and
// PNG plots; `make bench` runs everything on both regex backends, with
// -count, and benchstat:
//
//	make bench                 # bench/RESULTS.md, bench/*.png, bench/out/
//	make bench BENCH_COUNT=10  # more runs per benchmark
//
// A smoke run (-short, or -benchtime=1x as CI runs it: bench/smoke.sh)
// samples the corpora and skips the largest inputs, so that every benchmark
// runs once in seconds.
//
// On a shared machine wall-clock figures are noisy; compare within one run.
// The opt-in CPU-time tests (PIIGUARD_CPUTIME=1 go test ./bench -run
// CPUTime -v) report MB per CPU-second of the scanning thread, which other
// load disturbs much less.
//
// Synthetic corpora come with their ground truth (Corpus.Planted), which
// TestSyntheticRecall checks the detector against.
//
// Accuracy beside speed: TestNamesEval scores the Name identifier on an
// independent labelled set (real people's names from public commit
// metadata in log lines, testdata/names-eval, a dev and a held-out half),
// on Presidio's synthetic multi-word PERSON names, and counts false Names on
// loghub; TestAddressEval scores Address spans on outside addresses
// (testdata/address-eval). `make eval-names` prints them; ACCURACY.md
// records them.
package bench
