#!/usr/bin/env python3
"""Masks a log file with piiguard's WebAssembly module from Python.

    make wasm                                  # builds wasm/piiguard.wasm
    pip install ./wasm/python                  # the piiguard package (wasmtime)
    python examples/python/mask_log.py [--identifiers EmailAddress,Ssn-US] [--policy policy.json] [--findings] [file]

Reads the file (default examples/logs/app.log; "-" for standard input) line
by line, as bytes (so that any encoding passes through unchanged), and
writes it masked to standard output; with --findings, writes a count of
findings per identifier to standard error.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

import piiguard


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", default=str(Path(__file__).resolve().parent.parent / "logs" / "app.log"))
    ap.add_argument("--identifiers", help="comma-separated managed identifier names (default: all)")
    ap.add_argument("--policy", help="a CloudWatch Logs data protection policy document")
    ap.add_argument("--findings", action="store_true", help="count findings per identifier on stderr")
    args = ap.parse_args()
    try:
        scanner = piiguard.compile(
            identifiers=args.identifiers.split(",") if args.identifiers else None,
            policy=Path(args.policy).read_text() if args.policy else None,
        )
    except piiguard.PiiGuardError as e:
        print(e, file=sys.stderr)
        return 2
    counts: collections.Counter[str] = collections.Counter()
    src = sys.stdin.buffer if args.file == "-" else open(args.file, "rb")
    out = sys.stdout.buffer
    with src, scanner:
        for line in src:
            if args.findings:
                counts.update(f.identifier for f in scanner.scan(line))
            out.write(scanner.mask(line))
    for name, n in sorted(counts.items()):
        print(f"{name}\t{n}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
