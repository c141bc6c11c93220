// Package bench measures the detector beside the baselines it replaces, on
// real logs (loghub) and on synthetic logs with a tunable density of
// sensitive values; and what programs pay before their first scan.
//
// The package is its tests; the corpora, generated custom identifiers and
// core identifiers are internal/testcorpus's, shared with the detector's
// differential tests and the WebAssembly tests. The benchmarks:
//
//   - BenchmarkDetector: detector.Compile(identifiers.Catalog()), AppendFindings
//     line by line with a reused findings slice;
//   - BenchmarkNaive: every pattern of every identifier compiled with Go's
//     regexp and run one after another over each line (FindAllIndex), as most
//     Go PII libraries do; no validation;
//   - BenchmarkAlternation: all the patterns as one Go regexp alternation;
//   - BenchmarkRureAlternation (build tags rure and cgo): the same
//     alternation compiled with Rust's regex through internal/regex;
//   - BenchmarkVectorscan (build tags vectorscan and cgo, libhs): every
//     pattern Vectorscan takes in one Vectorscan (Hyperscan) database;
//     TestVectorscanPatterns lists those it cannot take (see
//     bench/internal/vectorscan);
//   - BenchmarkDetectorCore, BenchmarkNaiveCore, BenchmarkRureAlternationCore,
//     BenchmarkVectorscanCore: the same on the core identifiers
//     (testcorpus.CoreNames, the first catalog's), where the baselines are at
//     their best;
//   - BenchmarkDetectorIdentifiers: the catalog plus 0 to 100 generated custom
//     identifiers;
//   - BenchmarkDetectorInputSize: one call over texts of 1 KB to 100 MB;
//   - BenchmarkDetectorGoroutines: one Detector shared by 1, 2 and 4
//     goroutines taking 64 KiB chunks of loghub in turn, beside
//     BenchmarkControlGoroutines, a pure CPU loop that shows how far the
//     machine itself scales at the time;
//   - BenchmarkDetectorNoFindings: one line without findings (0 allocations);
//   - BenchmarkStartupNewScanner, BenchmarkStartupCompile: compiling every
//     managed identifier in process;
//   - BenchmarkStartupProcess: built binaries started and run to exit on an
//     empty file: the piiguard CLI, and naive20 (bench/internal/naive20), a
//     Go program that compiles 20 regexps;
//   - BenchmarkProcessLoghubX10: the same two binaries, start to exit, on one
//     file holding loghub ten times over (44 MB, built in a temporary
//     directory by the benchmark): the whole-process measure, where
//     start-up is a few percent of `piiguard scan`'s time; `make bench` runs
//     its naive20 sub-benchmark (half a minute a run) in the first
//     BENCH_PROC_BASE_COUNT rounds only (3), `piiguard scan` in every round;
//   - BenchmarkProcess: the same two binaries over the 16 loghub files
//     (4.4 MB), where start-up weighs on `piiguard scan`;
//   - BenchmarkStartupWASM: the WebAssembly module's time to first scan
//     under wazero (warm compilation cache) and Node.js; skipped until
//     `make wasm` has built it.
//   - BenchmarkStartupFirstScanProcess, BenchmarkStartupFirstScanWASM: the
//     first scan of a line without a name and of one with a name (whose
//     first Name candidate loads the word lists), by the piiguard CLI and
//     the WebAssembly module (bench/startup_name_test.go);
//   - BenchmarkWASMThroughput: scans of the loghub files by the
//     WebAssembly module under wazero and Node.js beside native Go, in the
//     same run, a call per file and batches of 100 lines
//     (bench/wasm_throughput_test.go);
//
// The corpora are loghub (../shared/corpus/loghub beside the checkout, or
// $PIIGUARD_LOGHUB; skipped when absent) and testcorpus.Synthetic at 1% and
// 10% density. The throughput benchmarks report MB/s, ns/line, allocs/op
// (per pass over the whole corpus) and matches/op. `make bench` runs
// everything with -count on both regex backends (and Vectorscan when libhs
// is installed) and turns the output into RESULTS.md with
// bench/cmd/results, a module of its own so that its plotting dependencies
// stay out of the library's go.mod:
//
//	make bench                          # bench/RESULTS.md, bench/*.png, bench/out/
//	make bench BENCH_COUNT=10           # more runs per benchmark
//	make bench-vectorscan               # install libvectorscan-dev (Debian), run Vectorscan alone
//
// RESULTS.md gives medians with the spread of the runs, and ratios of
// medians from one run. A smoke run (-short, or -benchtime=1x as CI runs
// it: make bench-smoke) samples the corpora and skips the largest inputs
// (BenchmarkProcessLoghubX10 takes two loghub files twice, not 44 MB), so
// that every benchmark runs once in a minute or two. To run the 44 MB
// measure alone:
//
//	go test -run '^$' -bench '^BenchmarkProcessLoghubX10$' -count 3 ./bench/
//
// On a shared machine wall-clock figures are noisy; compare within one run.
// The opt-in CPU-time tests (PIIGUARD_CPUTIME=1 go test ./bench -run
// CPUTime -v) report MB per CPU-second of the scanning thread, which other
// load disturbs much less. The opt-in scaling tests (PIIGUARD_SCALING=1 go
// test ./bench -run 'GoroutinesScaling|LinesScaling' -v) report two
// goroutines' or workers' speed-up over one beside the control loop's in
// the same rounds, and the CPU time the two spend over what one spends;
// TestLinesTrace writes runtime traces of MaskLines' goroutines.
//
// Accuracy beside speed: TestNamesEval scores the Name identifier on an
// independent labelled set (real people's names from public commit
// metadata in log lines, testdata/names-eval, a dev and a held-out half),
// on Presidio's synthetic multi-word PERSON names, and counts false Names on
// loghub; TestAddressEval scores Address spans on outside addresses
// (testdata/address-eval). `make eval-names` prints them; ACCURACY.md
// records them.
package bench
