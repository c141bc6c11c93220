"""Throughput of the module under Python (wasmtime) on the loghub corpus.

    python wasm/python/bench/throughput.py [corpus-dir]

Prints start-up times (without and with the compiled-module cache) and
MB/s (of input, best of 5 passes, and per CPU-second of the process, median
of 5) for scan and mask, one call per file, one per line, and one per batch
of 100 lines (scan_batch, mask_batch: ABI 1.2).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Sequence

import piiguard


def main() -> None:
    here = Path(__file__).resolve()
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else here.parents[4] / "shared" / "corpus" / "loghub"
    files = [p.read_bytes() for p in sorted(corpus.glob("*.log"))]
    total = sum(len(f) for f in files)
    lines = [line for f in files for line in f.splitlines(keepends=True)]

    with tempfile.TemporaryDirectory() as cache:
        for label in ("first (empty cache)", "cached"):
            t0 = time.perf_counter()
            mod = piiguard.load(cache_dir=cache)
            s = mod.compile()
            s.scan("jane@example.com")
            print(f"start-up {label} (load + compile all + first scan): {(time.perf_counter() - t0) * 1000:.0f} ms")

    batches = [lines[i : i + 100] for i in range(0, len(lines), 100)]

    def measure(name: str, fn: Callable[[Any], object], inputs: Sequence[Any]) -> None:
        """Best of 5 passes after a warm-up pass (best, not mean: machines
        are shared), and the median CPU time of the process."""
        best = float("inf")
        cpu = []
        for p in range(6):
            t0, c0 = time.perf_counter(), time.process_time()
            for x in inputs:
                fn(x)
            d, c = time.perf_counter() - t0, time.process_time() - c0
            if p > 0:
                best = min(best, d)
                cpu.append(c)
        cpu.sort()
        print(f"{name}: {total / 1e6 / best:.1f} MB/s, {total / 1e6 / cpu[2]:.1f} MB per CPU-second")

    measure("scan, per file", s.scan, files)
    measure("mask, per file", s.mask, files)
    measure("scan, per line", s.scan, lines)
    measure("mask, per line", s.mask, lines)
    measure("scan, per line in batches of 100", s.scan_batch, batches)
    measure("mask, per line in batches of 100", s.mask_batch, batches)


if __name__ == "__main__":
    main()
