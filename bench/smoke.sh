#!/usr/bin/env bash
# Runs every benchmark of the bench and detector packages (and internal/)
# once, on samples of the corpora: a check that they all run, for CI. It
# measures nothing; `make bench` does. The WebAssembly start-up benchmarks
# need wasm/piiguard.wasm (make bench-smoke builds it first) and skip
# without it; the Vectorscan ones need -tags vectorscan (make
# bench-vectorscan). A minute or two.
set -euo pipefail
cd "$(dirname "$0")/.."
go test -run '^$' -bench . -benchtime=1x ./bench/ ./detector/ ./internal/...
