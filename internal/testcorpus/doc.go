// Package testcorpus holds the texts piiguard's tests and benchmarks run
// on, in one place: the loghub corpus of real logs beside the repository
// (../shared/corpus/loghub, or $PIIGUARD_LOGHUB), a generator of realistic
// synthetic logs with a tunable density of planted sensitive values and
// their ground truth (Synthetic), a generator of lines dense in sensitive
// values of many kinds for differential tests (Dense), generated custom
// identifiers (CustomIdentifiers, CustomValue), the core identifiers
// (CoreNames) and a policy with piiguard's extensions (ExtendedPolicy).
//
// Its users are the detector's differential tests, the benchmarks in
// bench/ and the tests of the WebAssembly build in wasm/. Everything is
// deterministic: the same arguments always give the same texts.
package testcorpus
