#!/usr/bin/env bash
# Runs every benchmark of the bench and detector packages (and internal/)
# once, on samples of the corpora: a check that they all run, for CI. It
# measures nothing; `make bench` does. Takes well under a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
go test -run '^$' -bench . -benchtime=1x ./bench/ ./detector/ ./internal/...
