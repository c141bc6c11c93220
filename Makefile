# Build and test tasks. Each target is independent; add new ones below
# (and to .PHONY).
#
#   make test        go test ./... with the default (pure Go) regex backend
#   make librure     build build/rure/librure.a (Rust regex C API) with cargo
#   make test-rure   go test ./... with the rure backend (cgo + librure.a)

GO    ?= go
CARGO ?= cargo

# Packages to test; e.g. `make test-rure PKGS=./internal/regex/`.
PKGS ?= ./...

RURE_CRATE := internal/rurecapi
RURE_DIR   := build/rure
# Environment for building and running with the rure backend.
RURE_ENV   := CGO_ENABLED=1 CGO_LDFLAGS="-L$(CURDIR)/$(RURE_DIR) -lrure -lm -ldl -lpthread"

.PHONY: test librure test-rure

test:
	$(GO) test $(PKGS)

librure:
	cd $(RURE_CRATE) && $(CARGO) build --release --locked
	mkdir -p $(RURE_DIR)
	cp $(RURE_CRATE)/target/release/librure.a $(RURE_DIR)/librure.a

test-rure: librure
	$(RURE_ENV) $(GO) test -tags rure $(PKGS)
