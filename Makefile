# Build and test tasks. Each target is independent; add new ones below
# (and to .PHONY).
#
#   make test        go test ./... with the default (pure Go) regex backend
#   make librure     build build/rure/librure.a (Rust regex C API) with cargo
#   make test-rure   go test ./... with the rure backend (cgo + librure.a)
#   make bench       the benchmark suite on both backends, start-up and whole
#                    processes (and Vectorscan when libhs is installed):
#                    bench/RESULTS.md, bench/*.png, raw output and benchstat
#                    in bench/out/
#   make bench-vectorscan  install Debian's libvectorscan-dev when missing (as
#                    root), test the cgo binding and run the Vectorscan
#                    baseline alone (bench/out/vectorscan*.txt)
#   make bench-smoke every benchmark once on samples (CI; a minute or two)
#   make generate    regenerate what is generated from the catalog:
#                    identifiers/IDENTIFIERS.md, identifiers/patterns_gen.go
#                    and the precompiled automata detector/precompiled.bin
#                    (seconds); tests fail while any is stale

GO    ?= go
CARGO ?= cargo

# Packages to test; e.g. `make test-rure PKGS=./internal/regex/`.
PKGS ?= ./...

RURE_CRATE := internal/rurecapi
RURE_DIR   := build/rure
# Environment for building and running with the rure backend.
RURE_ENV   := CGO_ENABLED=1 CGO_LDFLAGS="-L$(CURDIR)/$(RURE_DIR) -lrure -lm -ldl -lpthread"

# Benchmark runs: BENCH_COUNT rounds, each running every engine once in
# turn (go test -count 1 per engine), so that other load on a shared
# machine, which comes and goes, weighs on all engines alike and ratios
# within a round hold; the slow baselines (naive, Go alternation: minutes
# per run on the full corpora) run in the first BENCH_BASE_COUNT rounds only,
# naive20 on 44 MB in the first BENCH_PROC_BASE_COUNT.
BENCH_COUNT      ?= 5
BENCH_BASE_COUNT ?= 1
BENCH_OUT        := bench/out
BENCHSTAT        ?= $(GO) run golang.org/x/perf/cmd/benchstat@latest
# A note on the run for RESULTS.md, such as other load on the machine.
BENCH_NOTE       ?=
# The results generator is a module of its own (plotting dependencies).
BENCH_RESULTS    := $(GO) -C bench/cmd/results run .

.PHONY: test generate librure test-rure bench bench-smoke bench-vectorscan bench-vectorscan-check vectorscan-deps

test:
	$(GO) test $(PKGS)

generate:
	$(GO) generate ./identifiers/ ./detector/

librure:
	cd $(RURE_CRATE) && $(CARGO) build --release --locked
	mkdir -p $(RURE_DIR)
	cp $(RURE_CRATE)/target/release/librure.a $(RURE_DIR)/librure.a

test-rure: librure
	$(RURE_ENV) $(GO) test -tags rure $(PKGS)

# ---- WASM module and its hosts (wasm/; see wasm/ABI.md) ---------------------
#
#   make wasm        build wasm/piiguard.wasm (GOOS=wasip1 reactor, c-shared),
#                    then make its forward jumps direct and its loops
#                    WebAssembly loops (wasm/internal/directjumps)
#   make test-wasm   build it, then test the Go host (wazero), the Node.js host
#                    (node --test) and the Python host (pytest, mypy) against it
#                    and against the native build

NODE   ?= node
NPM    ?= npm
PYTHON ?= python3

WASM_MODULE := wasm/piiguard.wasm
WASM_GOLDEN := build/wasm-golden.json
WASM_VENV   := build/wasm-venv
WASM_ENV    := PIIGUARD_WASM=$(CURDIR)/$(WASM_MODULE) PIIGUARD_GOLDEN=$(CURDIR)/$(WASM_GOLDEN)

.PHONY: wasm test-wasm test-wasm-go test-wasm-node test-wasm-python wasm-golden

# go build writes to a temporary file: over the rewritten module, which
# keeps the build ID, it would see an up-to-date file and write nothing.
wasm:
	GOOS=wasip1 GOARCH=wasm $(GO) build -buildmode=c-shared -trimpath -ldflags="-s -w" -o $(WASM_MODULE).tmp ./wasm/guest
	$(GO) run ./wasm/internal/directjumps -o $(WASM_MODULE) $(WASM_MODULE).tmp
	rm -f $(WASM_MODULE).tmp

test-wasm: test-wasm-go test-wasm-node test-wasm-python

test-wasm-go: wasm
	$(WASM_ENV) $(GO) test ./wasm/...

# The native build's findings and masks, which the Node.js and Python tests
# compare the module's with.
wasm-golden:
	$(GO) run ./wasm/internal/golden -o $(WASM_GOLDEN)

test-wasm-node: wasm wasm-golden
	cd wasm/js && $(NPM) ci --no-audit --no-fund --loglevel=error
	cd wasm/js && $(WASM_ENV) $(NODE) --test test/

test-wasm-python: wasm wasm-golden
	test -x $(WASM_VENV)/bin/python || $(PYTHON) -m venv $(WASM_VENV)
	$(WASM_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r wasm/python/requirements-test.txt
	rm -rf build/wasm-python && cp -R wasm/python build/wasm-python # builds out of the tree
	$(WASM_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall ./build/wasm-python
	cd wasm/python && $(WASM_ENV) $(CURDIR)/$(WASM_VENV)/bin/python -m mypy --cache-dir $(CURDIR)/build/wasm-mypy-cache src tests
	cd wasm/python && $(WASM_ENV) $(CURDIR)/$(WASM_VENV)/bin/python -m pytest -q -p no:cacheprovider tests

# The benchmarks of each engine, for one round (BENCH_FLAGS adds -count).
BENCH_FLAGS   ?= -count 1
BENCH_GO      := $(GO) test -run '^$$' -bench '^Benchmark(Detector|Control|Startup|Process$$|WASMThroughput)' -benchmem -timeout 3h $(BENCH_FLAGS) ./bench/
# The issue's whole-process measure on 44 MB (loghub ten times over):
# `piiguard scan` every round, naive20 (half a minute a run) in the first
# BENCH_PROC_BASE_COUNT rounds.
BENCH_PROC_BASE_COUNT ?= 3
BENCH_PROC      := $(GO) test -run '^$$' -bench '^BenchmarkProcessLoghubX10$$/^piiguard-scan$$' -timeout 1h $(BENCH_FLAGS) ./bench/
BENCH_PROC_BASE := $(GO) test -run '^$$' -bench '^BenchmarkProcessLoghubX10$$/^naive20$$' -timeout 1h $(BENCH_FLAGS) ./bench/
BENCH_BASE    := $(GO) test -run '^$$' -bench '^Benchmark(Naive|Alternation|NaiveCore)$$' -benchmem -timeout 3h $(BENCH_FLAGS) ./bench/
BENCH_RURE    := $(RURE_ENV) $(GO) test -tags rure -run '^$$' -bench '^Benchmark(Detector|DetectorCore|DetectorNoFindings|RureAlternation|RureAlternationCore)$$' -benchmem -timeout 3h $(BENCH_FLAGS) ./bench/
BENCH_VS      := $(GO) test -tags vectorscan -run '^$$' -bench '^BenchmarkVectorscan' -benchmem -timeout 3h $(BENCH_FLAGS) ./bench/

# The Vectorscan binding's tests and the patterns Vectorscan rejects; needs
# libhs (vectorscan-deps).
bench-vectorscan-check:
	mkdir -p $(BENCH_OUT)
	$(GO) test -tags vectorscan ./bench/internal/vectorscan/
	$(GO) test -tags vectorscan -run '^TestVectorscanPatterns$$' -v -timeout 1h ./bench/ > $(BENCH_OUT)/vectorscan-patterns.txt

bench: librure wasm
	mkdir -p $(BENCH_OUT)
	rm -f $(BENCH_OUT)/*.txt
	cat /proc/loadavg > $(BENCH_OUT)/loadavg-start.txt
	@if pkg-config --exists libhs 2>/dev/null; then $(MAKE) --no-print-directory bench-vectorscan-check; else \
		echo "bench: libhs (Vectorscan) is not installed: no Vectorscan rows (make vectorscan-deps installs it)"; fi
	set -e; for round in $$(seq $(BENCH_COUNT)); do \
		echo "bench: round $$round of $(BENCH_COUNT)"; \
		$(BENCH_GO) >> $(BENCH_OUT)/go.txt; \
		$(BENCH_PROC) >> $(BENCH_OUT)/go.txt; \
		if [ $$round -le $(BENCH_PROC_BASE_COUNT) ]; then $(BENCH_PROC_BASE) >> $(BENCH_OUT)/baselines.txt; fi; \
		if [ $$round -le $(BENCH_BASE_COUNT) ]; then $(BENCH_BASE) >> $(BENCH_OUT)/baselines.txt; fi; \
		$(BENCH_RURE) >> $(BENCH_OUT)/rure.txt; \
		if [ -f $(BENCH_OUT)/vectorscan-patterns.txt ]; then $(BENCH_VS) >> $(BENCH_OUT)/vectorscan.txt; fi; \
	done
	$(BENCHSTAT) go=$(BENCH_OUT)/go.txt rure=$(BENCH_OUT)/rure.txt > $(BENCH_OUT)/benchstat.txt
	cat $(BENCH_OUT)/go.txt $(BENCH_OUT)/baselines.txt $(BENCH_OUT)/rure.txt $$(test -f $(BENCH_OUT)/vectorscan.txt && echo $(BENCH_OUT)/vectorscan.txt) | \
		$(BENCH_RESULTS) -plots $(CURDIR)/bench -benchstat $(CURDIR)/$(BENCH_OUT)/benchstat.txt \
		-loadstart $(CURDIR)/$(BENCH_OUT)/loadavg-start.txt \
		$$(test -f $(BENCH_OUT)/vectorscan-patterns.txt && echo -vectorscan $(CURDIR)/$(BENCH_OUT)/vectorscan-patterns.txt) \
		-command "make bench BENCH_COUNT=$(BENCH_COUNT) BENCH_BASE_COUNT=$(BENCH_BASE_COUNT) BENCH_PROC_BASE_COUNT=$(BENCH_PROC_BASE_COUNT)" \
		-commit "$$(git rev-parse --short HEAD)$$(git diff --quiet HEAD -- . ':!bench/RESULTS.md' ':!bench/*.png' || echo ' with uncommitted changes')" \
		-note "$(BENCH_NOTE)" > bench/RESULTS.md

# Debian's libvectorscan-dev when libhs is missing (CI and this target run
# as root); otherwise it says what to install.
vectorscan-deps:
	@if pkg-config --exists libhs 2>/dev/null; then \
		echo "vectorscan: libhs $$(pkg-config --modversion libhs) found"; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		echo "vectorscan: libhs is missing: apt-get install -y libvectorscan-dev"; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get install -y -qq libvectorscan-dev || { apt-get update -qq && apt-get install -y -qq libvectorscan-dev; }; \
	else \
		echo "vectorscan: libhs is missing; install Vectorscan (Debian: sudo apt-get install -y libvectorscan-dev)"; exit 1; \
	fi

# The Vectorscan baseline alone, beside the detector: BENCH_COUNT runs.
bench-vectorscan: vectorscan-deps bench-vectorscan-check
	$(GO) test -tags vectorscan -run '^$$' -bench '^Benchmark(Vectorscan|VectorscanCore|Detector|DetectorCore)$$' -benchmem -count $(BENCH_COUNT) -timeout 3h ./bench/ | tee $(BENCH_OUT)/vectorscan-alone.txt
	cat $(BENCH_OUT)/vectorscan-patterns.txt

# Every benchmark once on samples, the WebAssembly start-up included (so it
# builds the module first).
bench-smoke: wasm
	bash bench/smoke.sh

# ---- SARIF output, checked by Microsoft's validator -------------------------
#
#   make test-sarif   install @microsoft/sarif-multitool (npm, pinned) into
#                     build/sarif and run the CLI test that validates
#                     `piiguard scan --format sarif` with it

SARIF_DIR       := build/sarif
SARIF_MULTITOOL := @microsoft/sarif-multitool@5.7.0

.PHONY: test-sarif

test-sarif:
	mkdir -p $(SARIF_DIR)
	test -x $(SARIF_DIR)/node_modules/.bin/sarif-multitool || \
		$(NPM) install --no-audit --no-fund --loglevel=error --no-save --prefix $(SARIF_DIR) $(SARIF_MULTITOOL)
	PIIGUARD_SARIF_MULTITOOL=$(CURDIR)/$(SARIF_DIR)/node_modules/.bin/sarif-multitool \
		$(GO) test -count=1 -run '^TestSARIFValidates$$' -v ./cmd/piiguard/

# ---- Browser playground (wasm/playground/) ----------------------------------
#
#   make playground       build the module and serve the playground on
#                         http://127.0.0.1:8086/playground/ (PLAYGROUND_PORT)
#   make test-playground  build the module, install Chromium (Debian's, when
#                         $(CHROMIUM) is missing) and playwright-core (npm ci),
#                         then test the page end to end in headless Chromium;
#                         the screenshot goes to build/playground/screenshot.png

CHROMIUM        ?= /usr/bin/chromium
PLAYGROUND_DIR  := wasm/playground
PLAYGROUND_PORT ?= 8086
PLAYGROUND_OUT  := build/playground

.PHONY: playground test-playground playground-chromium playground-deps

playground: wasm
	$(NODE) $(PLAYGROUND_DIR)/server.mjs --port $(PLAYGROUND_PORT)

# Debian's chromium when $(CHROMIUM) is missing (CI runs as root). Without
# apt-get or root, it says so and goes on: the browser test then skips,
# saying why.
playground-chromium:
	@if [ -x "$(CHROMIUM)" ]; then \
		echo "playground: using $(CHROMIUM)"; \
	elif ! command -v apt-get >/dev/null 2>&1; then \
		echo "playground: SKIP installing Chromium: $(CHROMIUM) is missing and apt-get is unavailable (install Chromium, or set CHROMIUM=/path/to/chromium)"; \
	elif [ "$$(id -u)" != 0 ]; then \
		echo "playground: SKIP installing Chromium: $(CHROMIUM) is missing and apt-get needs root (run: sudo apt-get install -y chromium)"; \
	else \
		echo "playground: $(CHROMIUM) is missing: apt-get install -y chromium"; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium; \
	fi

playground-deps:
	cd $(PLAYGROUND_DIR) && $(NPM) ci --no-audit --no-fund --loglevel=error

test-playground: wasm playground-chromium playground-deps
	mkdir -p $(PLAYGROUND_OUT)
	cd $(PLAYGROUND_DIR) && CHROMIUM=$(CHROMIUM) PIIGUARD_SCREENSHOT=$(CURDIR)/$(PLAYGROUND_OUT)/screenshot.png $(NODE) --test test/

# ---- Name accuracy (bench/testdata/names-eval; see its README) --------------
#
#   make eval-names  recall and precision of Name on the independent
#                    evaluation (dev and held-out), on Presidio's synthetic
#                    multi-word PERSON names, false Names on loghub, and the
#                    strict-span F1 of Address on outside addresses

.PHONY: eval-names
eval-names:
	$(GO) test ./bench -run '^(TestNamesEval|TestAddressEval)$$' -count=1 -v | grep -E 'Name |Address |F1|^(ok|FAIL|---)'

# ---- OpenTelemetry Collector processor and distribution (otelcol/) ----------
#
#   make test-otelcol   build, vet and test the otelcol module (its own go.mod:
#                       the collector's ~200 modules stay out of the root's);
#                       its tests include the end-to-end run of the
#                       otelcol-piiguard distribution. `go mod tidy -e -diff`
#                       checks its go.mod: plain tidy stops on a test-only
#                       import of the file exporter that the proxy does not serve.
#   make bench-otelcol  the processor beside the library on loghub, one core

.PHONY: test-otelcol bench-otelcol

test-otelcol:
	@echo "otelcol: go mod tidy -e -diff (an error about otlpencodingextension, a test-only import of the file exporter, is expected)"
	cd otelcol && $(GO) mod tidy -e -diff
	cd otelcol && $(GO) build ./... && $(GO) vet ./... && $(GO) test ./...

bench-otelcol:
	cd otelcol && $(GO) test -run '^$$' -bench Loghub -cpu 1 -count 6 ./piiguardprocessor/
