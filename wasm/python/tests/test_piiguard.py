"""Tests of the Python host (make test-wasm builds the module and the golden
file first, and installs the package into build/wasm-venv)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Callable

import pytest

import piiguard
from piiguard import CustomIdentifier, ErrorCode, Finding, PiiGuardError

REPO = Path(__file__).resolve().parents[3]

try:
    MODULE_PATH = piiguard.default_module_path()
except FileNotFoundError:
    pytest.skip("wasm/piiguard.wasm not built: run `make wasm`", allow_module_level=True)


@pytest.fixture(scope="module")
def mod() -> piiguard.Module:
    return piiguard.load(MODULE_PATH)


def test_abi_version(mod: piiguard.Module) -> None:
    assert mod.abi_version[0] == piiguard.ABI_MAJOR


def test_mask_and_scan(mod: piiguard.Module) -> None:
    s = mod.compile()
    assert s.mask("login jane@example.com from 203.0.113.42, ssn 536-22-1234") == (
        "login **************** from ************, ssn ***********"
    )
    [f] = s.scan("card 4929 3812 6548 1006")
    assert (f.identifier, f.start, f.end, f.keyword) == ("CreditCardNumber", 5, 24, "card")
    assert 0 < f.score <= 1
    assert "EmailAddress" in s.identifiers
    assert s.mask("") == "" and s.scan("") == []


def test_offsets_are_utf8_bytes(mod: piiguard.Module) -> None:
    with mod.compile(identifiers=["EmailAddress"]) as s:
        text = "é→ jane@example.com"
        [f] = s.scan(text)
        assert text.encode()[f.start : f.end] == b"jane@example.com"
        assert f == Finding("EmailAddress", 6, 22, f.score, None)
        assert s.mask(text.encode()) == "é→ ****************".encode()
        assert s.scan(text.encode()) == s.scan(text)
        # Invalid UTF-8 round-trips through str with surrogateescape.
        raw = b"\xff jane@example.com"
        assert s.mask(raw.decode("utf-8", "surrogateescape")).encode("utf-8", "surrogateescape") == b"\xff ****************"


def test_custom_policy_min_score(mod: piiguard.Module) -> None:
    s = mod.compile(identifiers=["Ssn-US"], custom=[CustomIdentifier("EmployeeId", "EMP-[0-9]{6}")])
    assert s.identifiers == ("Ssn-US", "EmployeeId")
    assert s.mask("EMP-123456 ssn 536-22-1234 jane@example.com") == "********** ssn *********** jane@example.com"
    s2 = mod.compile(custom=[{"name": "EmployeeId", "regex": "EMP-[0-9]{6}"}], identifiers=["EmailAddress"])
    assert s2.mask("EMP-123456 jane@example.com") == "********** ****************"
    text = (REPO / "policy" / "testdata" / "loggroup-custom.json").read_text()
    for policy in (text, text.encode(), json.loads(text)):
        p = mod.compile(policy=policy)
        assert p.identifiers == ("Ssn-US", "CreditCardNumber", "EmployeeId", "Internal_Ticket")
        assert p.mask("TKT-ABC-123456 jane@example.com") == "************** jane@example.com"
    sample = "ssn 536-22-1234 dob 1985-07-23 ip 10.0.0.1"
    high = mod.compile(min_score=0.95).scan(sample)
    assert all(f.score >= 0.95 for f in high)
    assert len(high) <= len(mod.compile().scan(sample))


def raises(fn: Callable[[], object]) -> str:
    try:
        fn()
    except PiiGuardError as e:
        return e.code_name
    except Exception as e:  # noqa: BLE001
        return type(e).__name__
    return "no error"


def test_errors(mod: piiguard.Module) -> None:
    assert raises(lambda: mod.compile(identifiers=["Ssn-UK"])) == "INVALID_CONFIG"
    assert raises(lambda: mod.compile(custom=[CustomIdentifier("A", "((")])) == "INVALID_CONFIG"
    assert raises(lambda: mod.compile(custom=[{"name": "A", "regex": "a", "x": "y"}])) == "INVALID_CONFIG"
    assert raises(lambda: mod.compile(policy={"Name": "x"})) == "INVALID_POLICY"
    assert raises(lambda: mod.compile(policy="not json")) == "INVALID_POLICY"
    assert raises(lambda: mod.compile_json("{")) == "INVALID_CONFIG"
    policy = (REPO / "policy" / "testdata" / "loggroup-custom.json").read_text()
    assert raises(lambda: mod.compile(policy=policy, identifiers=["EmailAddress"])) == "INVALID_CONFIG"
    # The hash mask style needs a key, which ABI 1.0 cannot pass.
    extended = (REPO / "policy" / "testdata" / "extended.json").read_text()
    assert raises(lambda: mod.compile(policy=extended)) == "UNSUPPORTED"
    assert raises(lambda: mod.compile(identifiers="EmailAddress")) == "TypeError"
    assert raises(lambda: mod.compile().scan(42)) == "TypeError"  # type: ignore[arg-type]
    with pytest.raises(PiiGuardError) as e:
        mod.compile(identifiers=["Ssn-UK"])
    assert e.value.code == ErrorCode.INVALID_CONFIG
    assert 'unknown managed identifier "Ssn-UK"' in e.value.message
    s = mod.compile(identifiers=["EmailAddress"])
    s.close()
    s.close()  # idempotent
    assert raises(lambda: s.scan("x")) == "INVALID_HANDLE"
    # The module still works after errors.
    assert mod.compile(identifiers=["EmailAddress"]).mask("a@example.com") == "*************"


def test_large_input(mod: piiguard.Module) -> None:
    s = mod.compile(identifiers=["EmailAddress"])
    line = "user jane@example.com from the web é ok\n"
    assert s.mask(line * 50_000) == "user **************** from the web é ok\n" * 50_000
    assert len(s.scan(line * 50_000)) == 50_000
    assert s.mask(line) == "user **************** from the web é ok\n"


def test_threads(mod: piiguard.Module) -> None:
    s = mod.compile()
    lines = [f"user{i}@example.com ssn 536-22-{1000 + i}" for i in range(200)]
    want = [s.scan(line) for line in lines]
    errors: list[str] = []

    def work(k: int) -> None:
        for i in range(k, len(lines), 4):
            if s.scan(lines[i]) != want[i]:
                errors.append(lines[i])

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_shared_compile_and_cache(tmp_path: Path) -> None:
    a = piiguard.compile(identifiers=["EmailAddress"])
    assert a.mask("x a@example.com") == "x *************"
    m1 = piiguard.load(MODULE_PATH, cache_dir=tmp_path)
    assert list(tmp_path.glob("*.cwasm"))
    m2 = piiguard.load(MODULE_PATH, cache_dir=tmp_path)  # from the cache
    assert m1.compile().mask("ssn 536-22-1234") == m2.compile().mask("ssn 536-22-1234") == "ssn ***********"
    for f in tmp_path.glob("*.cwasm"):
        f.write_bytes(b"garbage")  # a damaged cache entry is compiled anew
    assert piiguard.load(MODULE_PATH, cache_dir=tmp_path).compile().mask("ssn 536-22-1234") == "ssn ***********"
    assert piiguard.load(MODULE_PATH, cache=False).abi_version[0] == 1


def test_not_a_module(tmp_path: Path) -> None:
    p = tmp_path / "empty.wasm"
    p.write_bytes(b"\0asm\x01\0\0\0")
    with pytest.raises(ValueError, match="not a piiguard module"):
        piiguard.load(p, cache=False)


def test_example(mod: piiguard.Module) -> None:
    log = REPO / "examples" / "logs" / "app.log"
    out = subprocess.run(
        [sys.executable, str(REPO / "examples" / "python" / "mask_log.py"), "--identifiers", "EmailAddress,Ssn-US", str(log)],
        check=True,
        capture_output=True,
    ).stdout
    s = mod.compile(identifiers=["EmailAddress", "Ssn-US"])
    assert out == b"".join(s.mask(line) for line in log.read_bytes().splitlines(keepends=True))
    assert b"maria.garcia@example.org" not in out


GOLDEN = Path(os.environ.get("PIIGUARD_GOLDEN", REPO / "build" / "wasm-golden.json"))


@pytest.mark.skipif(not GOLDEN.is_file(), reason="no golden file: run `make test-wasm`")
def test_same_as_native(mod: piiguard.Module) -> None:
    """The native build's output (written by `go run ./wasm/internal/golden`)
    is what the module gives through this host."""
    golden = json.loads(GOLDEN.read_text())
    scanners = {c["name"]: mod.compile_json(json.dumps(c["config"])) for c in golden["configs"]}
    n = 0
    for c in golden["cases"]:
        s = scanners[c["config"]]
        text = Path(c["file"]).read_bytes() if c.get("file") else c["text"]
        got = [[f.identifier, f.start, f.end, round(f.score * 1e6), f.keyword] for f in s.scan(text)]
        assert got == c["findings"], f"{c['config']} {c['name']}: findings"
        masked = s.mask(text)
        if "masked_sha256" in c:
            assert isinstance(masked, bytes)
            assert hashlib.sha256(masked).hexdigest() == c["masked_sha256"], f"{c['config']} {c['name']}: mask"
        else:
            assert masked == c["masked"], f"{c['config']} {c['name']}: mask"
        n += 1
    assert n > 100
