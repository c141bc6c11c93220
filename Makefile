# Build and test tasks. Each target is independent; add new ones below
# (and to .PHONY).
#
#   make test        go test ./... with the default (pure Go) regex backend
#   make librure     build build/rure/librure.a (Rust regex C API) with cargo
#   make test-rure   go test ./... with the rure backend (cgo + librure.a)
#   make bench       the benchmark suite on both backends: bench/RESULTS.md,
#                    bench/*.png, raw output and benchstat in bench/out/
#   make bench-smoke every benchmark once on samples (CI; under a minute)

GO    ?= go
CARGO ?= cargo

# Packages to test; e.g. `make test-rure PKGS=./internal/regex/`.
PKGS ?= ./...

RURE_CRATE := internal/rurecapi
RURE_DIR   := build/rure
# Environment for building and running with the rure backend.
RURE_ENV   := CGO_ENABLED=1 CGO_LDFLAGS="-L$(CURDIR)/$(RURE_DIR) -lrure -lm -ldl -lpthread"

# Benchmark runs: the detector's benchmarks BENCH_COUNT times each (for
# benchstat), the slow baselines (naive, Go alternation: minutes per run on
# the full corpora) BENCH_BASE_COUNT times.
BENCH_COUNT      ?= 5
BENCH_BASE_COUNT ?= 1
BENCH_OUT        := bench/out
BENCHSTAT        ?= $(GO) run golang.org/x/perf/cmd/benchstat@latest

.PHONY: test librure test-rure bench bench-smoke

test:
	$(GO) test $(PKGS)

librure:
	cd $(RURE_CRATE) && $(CARGO) build --release --locked
	mkdir -p $(RURE_DIR)
	cp $(RURE_CRATE)/target/release/librure.a $(RURE_DIR)/librure.a

test-rure: librure
	$(RURE_ENV) $(GO) test -tags rure $(PKGS)

# ---- WASM module and its hosts (wasm/; see wasm/ABI.md) ---------------------
#
#   make wasm        build wasm/piiguard.wasm (GOOS=wasip1 reactor, c-shared)
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

wasm:
	GOOS=wasip1 GOARCH=wasm $(GO) build -buildmode=c-shared -trimpath -ldflags="-s -w" -o $(WASM_MODULE) ./wasm/guest

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

bench: librure
	mkdir -p $(BENCH_OUT)
	$(GO) test -run '^$$' -bench '^Benchmark(Detector|Control)' -benchmem -count $(BENCH_COUNT) -timeout 3h ./bench/ > $(BENCH_OUT)/go.txt
	$(GO) test -run '^$$' -bench '^Benchmark(Naive|Alternation|NaiveCore)$$' -benchmem -count $(BENCH_BASE_COUNT) -timeout 3h ./bench/ > $(BENCH_OUT)/baselines.txt
	$(RURE_ENV) $(GO) test -tags rure -run '^$$' -bench '^Benchmark(Detector|Rure)' -benchmem -count $(BENCH_COUNT) -timeout 3h ./bench/ > $(BENCH_OUT)/rure.txt
	$(BENCHSTAT) go=$(BENCH_OUT)/go.txt rure=$(BENCH_OUT)/rure.txt > $(BENCH_OUT)/benchstat.txt
	cat $(BENCH_OUT)/go.txt $(BENCH_OUT)/baselines.txt $(BENCH_OUT)/rure.txt | \
		$(GO) run ./bench/cmd/results -plots bench -benchstat $(BENCH_OUT)/benchstat.txt > bench/RESULTS.md

bench-smoke:
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
