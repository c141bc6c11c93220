"""Tests of the Python host (make test-wasm builds the module and the golden
file first, and installs the package into build/wasm-venv)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import FrameType
from typing import Any, Callable

import pytest
import wasmtime

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
        assert f == Finding("EmailAddress", 6, 22, f.score, None, "jane@example.com", 3, 19)
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
    # The hash mask style needs a key.
    extended = (REPO / "policy" / "testdata" / "extended.json").read_text()
    assert raises(lambda: mod.compile(policy=extended)) == "UNSUPPORTED"
    assert raises(lambda: mod.compile(style="token")) == "UNSUPPORTED"
    assert raises(lambda: mod.compile(style="token", key=bytes([7]) * 32)) == "INVALID_KEY"
    assert raises(lambda: mod.compile(style="token", key="not bytes")) == "TypeError"  # type: ignore[arg-type]
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


def test_close_from_threads_at_once(mod: piiguard.Module) -> None:
    """Regression test of two threads closing one scanner at once: both
    could read the handle before either cleared it, and the second close
    raised INVALID_HANDLE. A tracer yields the GIL at every line of the
    host, so that the threads interleave there as preemption (or a
    free-threaded Python) may make them: before the fix, most rounds
    raised."""
    host = piiguard._host.__file__

    def yield_in_host(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line" and frame.f_code.co_filename == host:
            time.sleep(0)
        return yield_in_host

    for round in range(40):
        s = mod.compile(identifiers=["EmailAddress"])
        handle = s._handle
        start = threading.Barrier(8)
        errors: list[BaseException] = []

        def close() -> None:
            sys.settrace(yield_in_host)
            try:
                start.wait()
                s.close()
            except BaseException as e:  # noqa: BLE001 - every error is the failure
                errors.append(e)
            finally:
                sys.settrace(None)

        threads = [threading.Thread(target=close) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == [], f"round {round}"
        s.close()  # a no-op
        with pytest.raises(PiiGuardError) as e:
            s.scan("x")
        assert e.value.code == ErrorCode.INVALID_HANDLE
        with mod._lock:  # the module released the handle
            assert mod._call("piiguard_close", handle) == ErrorCode.INVALID_HANDLE
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


def test_findings_carry_value_and_character_offsets(mod: piiguard.Module) -> None:
    """Byte offsets do not index a str after a non-ASCII character;
    char_start and char_end do."""
    with mod.compile(identifiers=["EmailAddress", "Ssn-US"]) as s:
        for text in ["é→ jane@example.com ssn 536-22-1234", "😀 x jane@example.com", "plain jane@example.com"]:
            fs = s.scan(text)
            assert fs
            for f in fs:
                assert text[f.char_start : f.char_end] == f.value
                assert text.encode()[f.start : f.end].decode() == f.value
                assert f.value in ("jane@example.com", "536-22-1234")
            assert [f.value for f in s.scan(text.encode())] == [f.value for f in fs]
        raw = b"\xff jane@example.com"
        [f] = s.scan(raw)
        assert raw.decode("utf-8", "surrogateescape")[f.char_start : f.char_end] == "jane@example.com"
        assert (f.start, f.char_start) == (2, 2)


def test_character_offsets_of_overlapping_findings(mod: piiguard.Module) -> None:
    """Several identifiers can report one span; the offsets of such
    overlapping findings are counted from the last finding's start (not
    the start of the text, which made a call quadratic in its findings)."""
    line = "é driver license D1234567 passport C01234567 😀 NHS 943 476 5919 ITIN 912-70-1234 "
    with mod.compile() as s:
        for text in [line, line * 50]:
            fs = s.scan(text)
            assert sum(1 for i in range(1, len(fs)) if fs[i].start < fs[i - 1].end) >= 2
            data = text.encode()
            for f in fs:
                char_start = len(data[: f.start].decode())
                value = data[f.start : f.end].decode()
                assert (f.char_start, f.char_end, f.value) == (char_start, char_start + len(value), value)
                assert text[f.char_start : f.char_end] == f.value


def test_abi_1_1(mod: piiguard.Module) -> None:
    """A key given once; hash and token styles; unmask; JSON masking; audit
    reports."""
    assert mod.abi_version >= (1, 1)
    key = bytes((i * 37 + 11) & 0xFF for i in range(32))
    text = "mail jane@example.com ssn 536-22-1234"
    with mod.compile(style="hash", key=key) as h:
        masked = h.mask(text)
        assert masked.startswith("mail <hash:EmailAddress:") and "536" not in masked
    with mod.compile(style="token", key=key) as t:
        masked = t.mask(text)
        assert "jane" not in masked and t.unmask(masked) == text
        assert t.unmask(masked.encode()) == text.encode()
        with pytest.raises(PiiGuardError) as e:
            t.unmask("a <pii:v1:EmailAddress:SECRETPAYLOAD> b")
        assert e.value.code_name == "INVALID_TOKEN" and "SECRET" not in str(e.value)
    with pytest.raises(PiiGuardError) as e:
        mod.compile(style="rot13", key=key)
    assert e.value.code_name == "INVALID_CONFIG" and key.hex()[:8] not in str(e.value)
    assert raises(lambda: mod.compile().unmask("x")) == "UNSUPPORTED"
    with mod.compile(resource_arn="arn:aws:logs:us-east-1:111122223333:log-group:app") as s:
        assert s.mask_json('{"user":{"email":"jane@example.com"},"ssn":"536-22-1234","n":1}') == (
            '{"user":{"email":"****************"},"ssn":"***********","n":1}'
        )
        assert raises(lambda: s.mask_json("not json")) == "INVALID_JSON"
        r = s.audit("é jane@example.com")
        assert r is not None and r["resourceArn"].endswith("log-group:app")
        assert r["dataIdentifiers"] == [{"name": "EmailAddress", "count": 1, "detections": [{"start": 2, "end": 18}]}]
        assert s.audit("nothing") is None


def test_abi_1_2_batches(mod: piiguard.Module) -> None:
    """scan_batch and mask_batch give what scan and mask give for each
    record, for str and bytes, empty records and multi-line records."""
    assert mod.abi_version[1] >= 2
    s = mod.compile()
    lines = [
        "login jane@example.com from 203.0.113.42",
        "",
        "é→ ssn 536-22-1234 😀 card 4929 3812 6548 1006",
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\nssn 536-22-1234\n",
        "nothing here",
    ]
    found = s.scan_batch(lines)
    assert found == [s.scan(r) for r in lines]
    assert len(found[2]) >= 2
    assert s.mask_batch(lines) == [s.mask(r) for r in lines]
    blines = [r.encode() for r in lines]
    assert s.scan_batch(blines) == found
    assert s.mask_batch(blines) == [s.mask(r) for r in blines]
    assert s.scan_batch([]) == [] and s.mask_batch([]) == []
    with pytest.raises(TypeError):
        s.scan_batch([1])  # type: ignore[list-item]
    # A module before ABI 1.2: one call per record, the same results.
    old = piiguard.load(MODULE_PATH)
    old._has_1_2 = False
    o = old.compile()
    assert o.scan_batch(lines) == found
    assert o.mask_batch(lines) == s.mask_batch(lines)


GOLDEN = Path(os.environ.get("PIIGUARD_GOLDEN", REPO / "build" / "wasm-golden.json"))


@pytest.mark.skipif(not GOLDEN.is_file(), reason="no golden file: run `make test-wasm`")
def test_same_as_native(mod: piiguard.Module) -> None:
    """The native build's output (written by `go run ./wasm/internal/golden`)
    is what the module gives through this host."""
    golden = json.loads(GOLDEN.read_text())
    scanners = {
        c["name"]: mod.compile_json(json.dumps(c["config"]), key=bytes.fromhex(c["key"]) if c.get("key") else None)
        for c in golden["configs"]
    }
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
        if "json_event" in c:
            # ABI 1.1: JSON masking, audit reports, unmasking.
            try:
                mj: object = s.mask_json(c["json_event"])
            except PiiGuardError as e:
                assert e.code_name == "INVALID_JSON"
                mj = None
            assert mj == c.get("masked_json"), f"{c['config']} {c['name']}: mask_json"
            report = s.audit(text)
            if report is not None:
                report["auditTimestamp"] = ""
            assert report == c["audit"], f"{c['config']} {c['name']}: audit"
            if c["config"] in ("token", "keyed-policy"):
                try:
                    u: object = s.unmask(masked)
                except PiiGuardError as e:
                    assert e.code_name == "INVALID_TOKEN"
                    u = None
                assert u == c.get("unmasked"), f"{c['config']} {c['name']}: unmask"
        if isinstance(text, str):
            for f in s.scan(text):
                assert text[f.char_start : f.char_end] == f.value
        n += 1
    assert n > 100
    # ABI 1.2: each configuration's inline texts in one batch, and each
    # loghub file's lines in one batch (the same as a call per line).
    for name, s in scanners.items():
        cases = [c for c in golden["cases"] if c["config"] == name and not c.get("file")]
        texts: list[str] = [c["text"] for c in cases]
        for c, found, m in zip(cases, s.scan_batch(texts), s.mask_batch(texts)):
            assert [[f.identifier, f.start, f.end, round(f.score * 1e6), f.keyword] for f in found] == c["findings"], (
                f"{name} {c['name']}: batch findings"
            )
            assert m == c["masked"], f"{name} {c['name']}: batch mask"
    files = [c for c in golden["cases"] if c.get("file") and c["config"] == "all"][:2]
    for c in files:
        lines = Path(c["file"]).read_bytes().splitlines(keepends=True)
        s = scanners["all"]
        assert s.scan_batch(lines) == [s.scan(line) for line in lines], c["name"]
        assert s.mask_batch(lines) == [s.mask(line) for line in lines], c["name"]


def test_trap_leaves_the_module_unusable() -> None:
    """A call that traps (here the Go runtime out of memory: four buffers of
    1 GiB do not fit the 4 GiB address space) leaves the instance in an
    unknown state (wasm/ABI.md §7): every later call raises, naming what
    happened, instead of running on in it."""
    m = piiguard.load(MODULE_PATH)
    s = m.compile(identifiers=["EmailAddress"])
    assert s.mask("a jane@example.com") == "a ****************"
    assert m.stopped is None
    with pytest.raises(RuntimeError, match="unusable: piiguard_alloc stopped the instance"):
        with m._lock:
            for _ in range(5):
                m._call("piiguard_alloc", 1 << 30)
    assert m.stopped is not None and m.stopped.startswith("piiguard_alloc stopped the instance")
    calls: list[Callable[[], object]] = [
        lambda: s.mask("a jane@example.com"),
        lambda: s.scan_batch(["x"]),
        lambda: m.compile(),
        s.close,
    ]
    for call in calls:
        with pytest.raises(RuntimeError, match="unusable: piiguard_alloc stopped the instance"):
            call()
    # piiguard.compile's shared module is loaded again once it has stopped.
    saved = piiguard._host._shared
    piiguard._host._shared = m
    try:
        assert piiguard.compile(identifiers=["EmailAddress"]).mask("a jane@example.com") == "a ****************"
        assert piiguard._host._shared is not m
    finally:
        piiguard._host._shared = saved


def test_trap_while_compiling_with_a_key_leaves_no_key_bytes() -> None:
    """A compile with a key that traps still overwrites the key's buffer:
    the trapped instance's memory holds no key bytes. (The trap is
    simulated: the export runs, then raises as a trap does.)"""
    m = piiguard.load(MODULE_PATH)
    allocs: list[tuple[int, int]] = []
    alloc, compile_keyed = m._f["piiguard_alloc"], m._f["piiguard_compile_keyed"]

    def recording_alloc(store: object, n: int) -> int:
        p = int(alloc(store, n))
        allocs.append((p & 0xFFFFFFFF, n))
        return p

    def trapping_compile_keyed(store: object, *args: int) -> int:
        compile_keyed(store, *args)
        raise wasmtime.Trap("unreachable")

    m._f["piiguard_alloc"] = recording_alloc
    m._f["piiguard_compile_keyed"] = trapping_compile_keyed
    key = bytes(0xA0 + (i * 7) % 31 for i in range(32))
    with pytest.raises(RuntimeError, match="unusable: piiguard_compile_keyed stopped the instance"):
        m.compile(style="token", key=key)
    [kp] = [p for p, n in allocs if n == len(key)]
    assert bytes(m._mem.read(m._store, kp, kp + len(key))) == bytes(len(key))
