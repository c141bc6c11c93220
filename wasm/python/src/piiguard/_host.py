"""The piiguard WebAssembly host for Python, on wasmtime (wasm/ABI.md)."""

from __future__ import annotations

import enum
import hashlib
import json
import os
import struct
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Sequence, TypeVar, Union, overload

import wasmtime

ABI_MAJOR = 1
"""ABI major version this host implements: the module's must be equal."""
ABI_MINOR = 0
"""Lowest ABI minor version this host accepts. Keys, styles, mask_json,
audit and unmask need a 1.1 module (UNSUPPORTED with a 1.0 one)."""

_HEADER = struct.Struct("<II")

_T = TypeVar("_T", str, bytes)
_RECORD_SIZE = 20
_NO_KEYWORD = 0xFFFFFFFF
_SCORE_SCALE = 1_000_000
_MIN_BUFFER = 64 << 10
_MAX_ALLOC = 1 << 30

_EXPORTS = (
    "_initialize",
    "piiguard_abi_version",
    "piiguard_alloc",
    "piiguard_free",
    "piiguard_compile",
    "piiguard_close",
    "piiguard_identifiers",
    "piiguard_scan",
    "piiguard_mask",
    "piiguard_result_ptr",
    "piiguard_result_len",
    "piiguard_error_code",
    "piiguard_error_ptr",
    "piiguard_error_len",
)

# Exports of ABI 1.1, absent from 1.0 modules.
_EXPORTS_1_1 = (
    "piiguard_compile_keyed",
    "piiguard_mask_json",
    "piiguard_audit",
    "piiguard_unmask",
)

# Exports of ABI 1.2 (batches), absent from 1.0 and 1.1 modules.
_EXPORTS_1_2 = (
    "piiguard_scan_batch",
    "piiguard_mask_batch",
)


class ErrorCode(enum.IntEnum):
    """Error codes of the ABI."""

    OK = 0
    INTERNAL = -1
    INVALID_ARGUMENT = -2
    INVALID_POINTER = -3
    INVALID_HANDLE = -4
    INVALID_CONFIG = -5
    INVALID_POLICY = -6
    UNSUPPORTED = -7
    INVALID_KEY = -8
    INVALID_JSON = -9
    INVALID_TOKEN = -10


class PiiGuardError(Exception):
    """An error the module reported, or a misuse the host caught."""

    def __init__(self, code: int, message: str) -> None:
        try:
            name = ErrorCode(code).name
        except ValueError:
            name = f"UNKNOWN({code})"
        super().__init__(f"piiguard: {name}: {message}")
        self.code = code
        """The ABI error code (negative)."""
        self.code_name = name
        """The code's name ("INVALID_CONFIG")."""
        self.message = message
        """The module's message."""


@dataclass(frozen=True)
class Finding:
    """One sensitive value found in a text.

    start and end are byte offsets in the UTF-8 encoding of the text, end
    exclusive; score is in [0, 1], to 1e-6; keyword is the keyword that
    supported the finding, None when none was near. value is the text
    found, and char_start and char_end its offsets in characters (code
    points), so that text[f.char_start:f.char_end] == f.value for a str;
    for bytes, they index text.decode("utf-8", "surrogateescape").
    """

    identifier: str
    start: int
    end: int
    score: float
    keyword: Optional[str]
    value: str = ""
    char_start: int = 0
    char_end: int = 0


@dataclass(frozen=True)
class CustomIdentifier:
    """A custom data identifier: a name and a regex, with CloudWatch's rules."""

    name: str
    regex: str


@dataclass(frozen=True)
class _Identifier:
    name: str
    keywords: tuple[str, ...]


def default_module_path() -> Path:
    """Returns the module's path.

    $PIIGUARD_WASM when set, else piiguard.wasm in this package (a release
    copies it in), else wasm/piiguard.wasm in the working directory or its
    nearest parent that has one, or in the source tree this file is in.
    """
    env = os.environ.get("PIIGUARD_WASM")
    if env:
        return Path(env)
    packaged = resources.files(__package__ or "piiguard").joinpath("piiguard.wasm")
    if packaged.is_file():
        return Path(str(packaged))
    here = Path(__file__).resolve()
    for d in [Path.cwd().resolve(), *Path.cwd().resolve().parents, *here.parents]:
        p = d / "wasm" / "piiguard.wasm"
        if p.is_file():
            return p
        if d.name == "wasm" and (d / "piiguard.wasm").is_file():
            return d / "piiguard.wasm"
    raise FileNotFoundError("piiguard: wasm/piiguard.wasm not found (build it with `make wasm`, or set PIIGUARD_WASM)")


def default_cache_dir() -> Path:
    """Returns the directory of the compiled-module cache: piiguard/wasmtime
    under $XDG_CACHE_HOME or ~/.cache."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "piiguard" / "wasmtime"


def _i32(v: int) -> int:
    """An unsigned 32-bit value as the signed one wasmtime passes for i32."""
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v >= 1 << 31 else v


def _wasmtime_version() -> str:
    try:
        from importlib.metadata import version

        return version("wasmtime")
    except Exception:  # not installed as a distribution: key on the file
        return str(Path(wasmtime.__file__).stat().st_mtime_ns)


def _compile_module(engine: wasmtime.Engine, wasm: bytes, cache_dir: Optional[Path]) -> wasmtime.Module:
    """Compiles the module, or loads it from the cache, keyed by the
    module's bytes and the wasmtime version. The cache directory must be
    trusted: deserializing runs native code."""
    if cache_dir is None:
        return wasmtime.Module(engine, wasm)
    key = hashlib.sha256(wasm + b"\0wasmtime " + _wasmtime_version().encode()).hexdigest()[:32]
    path = cache_dir / f"{key}.cwasm"
    try:
        # Read rather than mapped (deserialize_file): a mapped file that
        # something truncates kills the process with SIGBUS.
        return wasmtime.Module.deserialize(engine, path.read_bytes())
    except (OSError, wasmtime.WasmtimeError):
        pass  # absent, stale or damaged: compile anew
    module = wasmtime.Module(engine, wasm)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(module.serialize())
        os.replace(tmp, path)
    except OSError:
        pass  # a cache is an optimisation
    return module


class Module:
    """An instance of the module, from which scanners are compiled.

    Calls are serialized with a lock: one Module serves one thread at a
    time. Use a Module per thread for parallelism.

    A call that traps (the module out of memory, an exit) leaves the
    instance unusable (wasm/ABI.md §7): it and every later call on the
    Module and its Scanners raise RuntimeError; load a new Module.
    """

    def __init__(
        self,
        path: Union[str, os.PathLike[str], None] = None,
        *,
        wasm: Optional[bytes] = None,
        cache: bool = True,
        cache_dir: Union[str, os.PathLike[str], None] = None,
    ) -> None:
        if wasm is None:
            wasm = Path(path if path is not None else default_module_path()).read_bytes()
        engine = wasmtime.Engine()
        cdir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        module = _compile_module(engine, wasm, cdir if cache else None)
        names = {e.name for e in module.exports}
        self._has_1_1 = all(n in names for n in _EXPORTS_1_1)
        self._has_1_2 = self._has_1_1 and all(n in names for n in _EXPORTS_1_2)
        missing = [n for n in (*_EXPORTS, "memory") if n not in names]
        if missing:
            raise ValueError(f"piiguard: the module does not export {', '.join(missing)}: not a piiguard module")
        self._store = wasmtime.Store(engine)
        self._store.set_wasi(wasmtime.WasiConfig())
        linker = wasmtime.Linker(engine)
        linker.define_wasi()
        instance = linker.instantiate(self._store, module)
        exports = instance.exports(self._store)
        self._f: dict[str, Any] = {
            n: exports[n]
            for n in (*_EXPORTS, *(_EXPORTS_1_1 if self._has_1_1 else ()), *(_EXPORTS_1_2 if self._has_1_2 else ()))
        }
        mem = exports["memory"]
        assert isinstance(mem, wasmtime.Memory)
        self._mem: wasmtime.Memory = mem
        self._lock = threading.Lock()
        self._stopped: Optional[str] = None  # what trapped the instance, once something did
        self._buf = 0
        self._buf_cap = 0
        self._f["_initialize"](self._store)
        v = self._call("piiguard_abi_version") & 0xFFFFFFFF
        major, minor = v >> 16, v & 0xFFFF
        if major != ABI_MAJOR or minor < ABI_MINOR:
            raise ValueError(
                f"piiguard: module ABI version {major}.{minor}, this host needs {ABI_MAJOR}.{ABI_MINOR} or a later {ABI_MAJOR}.x"
            )
        if minor >= 1 and not self._has_1_1:
            raise ValueError(f"piiguard: the module (ABI {major}.{minor}) lacks the exports of ABI 1.1")
        if minor >= 2 and not self._has_1_2:
            raise ValueError(f"piiguard: the module (ABI {major}.{minor}) lacks the exports of ABI 1.2")
        self.abi_version: tuple[int, int] = (major, minor)
        """The module's ABI version (major, minor)."""

    def compile(
        self,
        *,
        identifiers: Optional[Sequence[str]] = None,
        custom: Optional[Iterable[Union[CustomIdentifier, Mapping[str, str]]]] = None,
        policy: Union[str, bytes, Mapping[str, Any], None] = None,
        min_score: Optional[float] = None,
        style: Optional[str] = None,
        resource_arn: Optional[str] = None,
        key: Optional[bytes] = None,
    ) -> Scanner:
        """Compiles a scanner.

        identifiers names managed identifiers (none means every CloudWatch
        one); custom adds custom identifiers; policy is a CloudWatch Logs
        data protection policy document, with or without piiguard's
        extensions (JSON text or parsed), which chooses the identifiers
        alone (identifiers and custom must then be None); min_score drops
        findings scoring below it. ABI 1.1: style masks every identifier
        one way ("asterisk", "fixed", "partial", "placeholder", "redact",
        "hash", "token"; it overrides a policy's styles); resource_arn is written in
        audit reports; key (at least 32 secret random bytes) is the key of
        the hash and token styles and of unmask, given to the module once,
        never in the JSON configuration and never in messages. Raises
        PiiGuardError (INVALID_CONFIG, INVALID_POLICY, INVALID_KEY,
        UNSUPPORTED) for a configuration it cannot compile.
        """
        wire: dict[str, Any] = {}
        if identifiers is not None:
            if isinstance(identifiers, (str, bytes)):
                raise TypeError("piiguard: identifiers must be a sequence of names, not a string")
            wire["identifiers"] = list(identifiers)
        if custom is not None:
            wire["custom"] = [
                {"name": c.name, "regex": c.regex} if isinstance(c, CustomIdentifier) else dict(c) for c in custom
            ]
        if policy is not None:
            wire["policy"] = policy.decode() if isinstance(policy, bytes) else policy
        if min_score is not None:
            wire["min_score"] = float(min_score)
        if style is not None:
            wire["style"] = style
        if resource_arn is not None:
            wire["resource_arn"] = resource_arn
        return self.compile_json(json.dumps(wire), key=key)

    def compile_json(self, config: Union[str, bytes], *, key: Optional[bytes] = None) -> Scanner:
        """Compiles a scanner from the JSON configuration of piiguard_compile,
        with an optional key (ABI 1.1, piiguard_compile_keyed)."""
        data = config.encode() if isinstance(config, str) else bytes(config)
        if key is not None and not isinstance(key, (bytes, bytearray, memoryview)):
            raise TypeError("piiguard: key must be bytes")
        with self._lock:
            if key:
                h = self._compile_keyed(data, bytes(key))
            else:
                ptr, n = self._put(data)
                h = self._call("piiguard_compile", ptr, n)
                if h < 0:
                    raise self._error(h)
            idents = self._identifiers(h)
        return Scanner(self, h, idents)

    def _need_1_1(self, what: str) -> None:
        if not self._has_1_1:
            major, minor = self.abi_version
            raise PiiGuardError(ErrorCode.UNSUPPORTED, f"{what} needs ABI 1.1; the module is {major}.{minor}")

    def _compile_keyed(self, data: bytes, key: bytes) -> int:
        """Passes the key in a buffer of its own, overwritten and freed after
        the call."""
        self._need_1_1("a key")
        ptr, n = self._put(data)
        kp = self._call("piiguard_alloc", len(key)) & 0xFFFFFFFF
        if kp == 0:
            raise self._error(self._call("piiguard_error_code"))
        err = None
        try:
            self._mem.write(self._store, key, kp)
            h = self._call("piiguard_compile_keyed", ptr, n, _i32(kp), len(key))
            err = self._error(h) if h < 0 else None
        finally:
            # Also after a trap: the instance's memory outlives it.
            self._mem.write(self._store, bytes(len(key)), kp)
            if self._stopped is None:
                self._call("piiguard_free", _i32(kp))
        if err is not None:
            raise err
        return h

    # The methods below run with the lock held.

    def _call(self, name: str, *args: int) -> int:
        if self._stopped is not None:
            raise self._unusable()
        try:
            r = self._f[name](self._store, *args)
        except (wasmtime.Trap, wasmtime.WasmtimeError) as e:
            # A trap (the Go runtime out of memory, an exit) leaves the
            # instance in an unknown state (wasm/ABI.md §7): this call and
            # every later one raise.
            first_line = str(e).splitlines()[0] if str(e) else type(e).__name__
            self._stopped = f"{name} stopped the instance ({first_line})"
            raise self._unusable() from e
        return int(r) if r is not None else 0

    @property
    def stopped(self) -> Optional[str]:
        """What trapped the instance (the export and the trap), or None while
        it is usable. Once set, every call raises RuntimeError: load a new
        Module."""
        return self._stopped

    def _unusable(self) -> RuntimeError:
        return RuntimeError(f"piiguard: the module is unusable: {self._stopped}; load it again")

    def _check(self, code: int) -> None:
        if code != 0:
            raise self._error(code)

    def _error(self, code: int) -> PiiGuardError:
        c = self._call("piiguard_error_code") or code
        n = self._call("piiguard_error_len") & 0xFFFFFFFF
        msg = ""
        if n:
            p = self._call("piiguard_error_ptr") & 0xFFFFFFFF
            msg = bytes(self._mem.read(self._store, p, p + n)).decode("utf-8", "replace")
        return PiiGuardError(c, msg)

    def _put(self, data: bytes) -> tuple[int, int]:
        n = len(data)
        if n == 0:
            return 0, 0
        if n > self._buf_cap:
            if n > _MAX_ALLOC:
                raise PiiGuardError(ErrorCode.INVALID_ARGUMENT, f"input of {n} bytes is larger than {_MAX_ALLOC}")
            if self._buf:
                self._check(self._call("piiguard_free", _i32(self._buf)))
                self._buf = self._buf_cap = 0
            size = _MIN_BUFFER
            while size < n:
                size *= 2
            size = min(size, _MAX_ALLOC)
            p = self._call("piiguard_alloc", size) & 0xFFFFFFFF
            if p == 0:
                raise self._error(self._call("piiguard_error_code"))
            self._buf, self._buf_cap = p, size
        self._mem.write(self._store, data, self._buf)
        return _i32(self._buf), n

    def _result(self) -> bytes:
        n = self._call("piiguard_result_len") & 0xFFFFFFFF
        if n == 0:
            return b""
        p = self._call("piiguard_result_ptr") & 0xFFFFFFFF
        return bytes(self._mem.read(self._store, p, p + n))

    def _identifiers(self, handle: int) -> tuple[_Identifier, ...]:
        self._check(self._call("piiguard_identifiers", handle))
        buf = self._result()
        pos = 0

        def u32() -> int:
            nonlocal pos
            if pos + 4 > len(buf):
                raise ValueError("piiguard: malformed identifier table")
            (v,) = struct.unpack_from("<I", buf, pos)
            pos += 4
            return int(v)

        def string() -> str:
            nonlocal pos
            n = u32()
            if pos + n > len(buf):
                raise ValueError("piiguard: malformed identifier table")
            s = buf[pos : pos + n].decode("utf-8")
            pos += n
            return s

        out = []
        for _ in range(u32()):
            name = string()
            out.append(_Identifier(name, tuple(string() for _ in range(u32()))))
        return tuple(out)

    def _scan(self, handle: int, data: bytes, idents: tuple[_Identifier, ...]) -> list[Finding]:
        with self._lock:
            ptr, n = self._put(data)
            self._check(self._call("piiguard_scan", handle, ptr, n))
            buf = self._result()
        if len(buf) < _HEADER.size:
            raise ValueError("piiguard: malformed scan result")
        count, size = _HEADER.unpack_from(buf)
        if size < _RECORD_SIZE or len(buf) != _HEADER.size + count * size:
            raise ValueError("piiguard: malformed scan result")
        return _findings(buf, _HEADER.size, count, size, idents, data)

    def _scan_batch(self, handle: int, records: list[bytes], idents: tuple[_Identifier, ...]) -> list[list[Finding]]:
        if not self._has_1_2:
            return [self._scan(handle, r, idents) for r in records]
        with self._lock:
            ptr, n = self._put(_batch(records))
            self._check(self._call("piiguard_scan_batch", handle, ptr, n))
            buf = self._result()
        m = len(records)
        if len(buf) < _HEADER.size + 4 * m:
            raise ValueError("piiguard: malformed scan batch result")
        count, size = _HEADER.unpack_from(buf)
        counts = struct.unpack_from(f"<{m}I", buf, _HEADER.size)
        if count != m or size < _RECORD_SIZE or len(buf) != _HEADER.size + 4 * m + sum(counts) * size:
            raise ValueError("piiguard: malformed scan batch result")
        out = []
        pos = _HEADER.size + 4 * m
        for r, c in zip(records, counts):
            out.append(_findings(buf, pos, c, size, idents, r))
            pos += c * size
        return out

    def _mask_batch(self, handle: int, records: list[bytes]) -> list[bytes]:
        if not self._has_1_2:
            return [self._mask(handle, r) for r in records]
        with self._lock:
            ptr, n = self._put(_batch(records))
            self._check(self._call("piiguard_mask_batch", handle, ptr, n))
            buf = self._result()
        m = len(records)
        if len(buf) < 4 + 4 * m:
            raise ValueError("piiguard: malformed mask batch result")
        count, *ends = struct.unpack_from(f"<{m + 1}I", buf)
        data = 4 + 4 * m
        if count != m or (ends and data + ends[-1] != len(buf)) or (not ends and len(buf) != 4):
            raise ValueError("piiguard: malformed mask batch result")
        out = []
        start = 0
        for end in ends:
            if end < start:
                raise ValueError("piiguard: malformed mask batch result")
            out.append(buf[data + start : data + end])
            start = end
        return out

    def _mask(self, handle: int, data: bytes) -> bytes:
        with self._lock:
            ptr, n = self._put(data)
            self._check(self._call("piiguard_mask", handle, ptr, n))
            return self._result()

    def _text(self, export: str, handle: int, data: bytes) -> bytes:
        self._need_1_1(export)
        with self._lock:
            ptr, n = self._put(data)
            self._check(self._call(export, handle, ptr, n))
            return self._result()

    def _close(self, scanner: Scanner) -> None:
        # The handle is taken and released under the lock, so that of two
        # threads closing one scanner at once, one releases it and the
        # other finds it closed (it read the handle before the other
        # cleared it: the module raised INVALID_HANDLE).
        with self._lock:
            h, scanner._handle = scanner._handle, 0
            if h:
                self._check(self._call("piiguard_close", h))


class Scanner:
    """A compiled configuration: finds and masks sensitive values.

    Use it as a context manager, or call close(), to release it in the
    module.
    """

    def __init__(self, module: Module, handle: int, idents: tuple[_Identifier, ...]) -> None:
        self._module = module
        self._handle = handle
        self._idents = idents
        self.identifiers: tuple[str, ...] = tuple(i.name for i in idents)
        """Names of the identifiers the scanner looks for."""

    def _live(self) -> int:
        if self._handle == 0:
            raise PiiGuardError(ErrorCode.INVALID_HANDLE, "scanner is closed")
        return self._handle

    def scan(self, text: Union[str, bytes]) -> list[Finding]:
        """Returns the findings in text, sorted by start, not overlapping.
        start and end are byte offsets in the UTF-8 encoding of text;
        char_start and char_end are offsets in characters, so that
        text[f.char_start:f.char_end] == f.value."""
        return self._module._scan(self._live(), _encode(text), self._idents)

    @overload
    def mask(self, text: str) -> str: ...
    @overload
    def mask(self, text: bytes) -> bytes: ...
    def mask(self, text: Union[str, bytes]) -> Union[str, bytes]:
        """Returns text with every finding masked (with asterisks, or the
        configured style)."""
        out = self._module._mask(self._live(), _encode(text))
        return out.decode("utf-8", "surrogateescape") if isinstance(text, str) else out

    def scan_batch(self, records: Sequence[Union[str, bytes]]) -> list[list[Finding]]:
        """Returns the findings of each record (a log event, a line), exactly
        as scan(record) returns them, in one call into the module (ABI 1.2;
        one call per record with an older module): a log shipper that
        scans event by event saves the cost of a call each."""
        return self._module._scan_batch(self._live(), [_encode(r) for r in records], self._idents)

    def mask_batch(self, records: Sequence[_T]) -> list[_T]:
        """Returns each record masked, exactly as mask(record) returns it
        (str for str, bytes for bytes), in one call into the module (ABI
        1.2; one call per record with an older module)."""
        out = self._module._mask_batch(self._live(), [_encode(r) for r in records])
        return [m.decode("utf-8", "surrogateescape") if isinstance(r, str) else m for r, m in zip(records, out)]

    @overload
    def mask_json(self, event: str) -> str: ...
    @overload
    def mask_json(self, event: bytes) -> bytes: ...
    def mask_json(self, event: Union[str, bytes]) -> Union[str, bytes]:
        """Masks one JSON event, an object or an array (ABI 1.1): string
        values and member names, keeping it valid JSON, field names counting
        as keywords. Other text raises PiiGuardError(INVALID_JSON)."""
        out = self._module._text("piiguard_mask_json", self._live(), _encode(event))
        return out.decode("utf-8", "surrogateescape") if isinstance(event, str) else out

    def audit(self, event: Union[str, bytes]) -> Optional[dict[str, Any]]:
        """Returns the findings report of one log event (ABI 1.1), in
        CloudWatch's shape ({"auditTimestamp", "resourceArn",
        "dataIdentifiers": [{"name", "count", "detections": [{"start",
        "end"}]}]}, offsets in characters), or None when it holds no
        finding."""
        out = self._module._text("piiguard_audit", self._live(), _encode(event))
        if not out:
            return None
        report: dict[str, Any] = json.loads(out)
        return report

    @overload
    def unmask(self, text: str) -> str: ...
    @overload
    def unmask(self, text: bytes) -> bytes: ...
    def unmask(self, text: Union[str, bytes]) -> Union[str, bytes]:
        """Restores the values of the tokens in text (ABI 1.1; style token,
        with the scanner's key). A token it cannot open raises
        PiiGuardError(INVALID_TOKEN), whose message gives its byte offset,
        never bytes of the text."""
        out = self._module._text("piiguard_unmask", self._live(), _encode(text))
        return out.decode("utf-8", "surrogateescape") if isinstance(text, str) else out

    def close(self) -> None:
        """Releases the scanner in the module; further calls raise. Closing
        a closed scanner does nothing, and several threads may close one
        scanner at once."""
        self._module._close(self)

    def __enter__(self) -> Scanner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _findings(
    buf: bytes, pos: int, count: int, size: int, idents: tuple[_Identifier, ...], data: bytes
) -> list[Finding]:
    """Decodes count finding records of size bytes at buf[pos:] of a scan
    of data."""
    out: list[tuple[str, int, int, float, Optional[str]]] = []
    for i in range(count):
        ident, start, end, score, kw = struct.unpack_from("<5I", buf, pos + i * size)
        if ident >= len(idents):
            raise ValueError("piiguard: malformed scan result")
        id_ = idents[ident]
        if kw != _NO_KEYWORD and kw >= len(id_.keywords):
            raise ValueError("piiguard: malformed scan result")
        out.append((id_.name, start, end, score / _SCORE_SCALE, None if kw == _NO_KEYWORD else id_.keywords[kw]))
    # Values and character offsets: decode the text between findings.
    # Findings are sorted by start and may overlap (several identifiers
    # can report one span): one that starts before the end of the last
    # is counted from the last one's start, so that a call decodes its
    # text about once.
    findings = []
    chars = p = 0
    last_chars = last_p = 0
    for name, start, end, score, keyword in out:
        if start < p:
            chars, p = (last_chars, last_p) if start >= last_p else (0, 0)
        chars += len(data[p:start].decode("utf-8", "surrogateescape"))
        last_chars, last_p = chars, start
        value = data[start:end].decode("utf-8", "surrogateescape")
        findings.append(Finding(name, start, end, score, keyword, value, chars, chars + len(value)))
        chars += len(value)
        p = end
    return findings


def _batch(records: list[bytes]) -> bytes:
    """Encodes records as a batch (wasm/ABI.md §5.9)."""
    ends = []
    end = 0
    for r in records:
        end += len(r)
        ends.append(end)
    return struct.pack(f"<{len(records) + 1}I", len(records), *ends) + b"".join(records)


def _encode(text: Union[str, bytes]) -> bytes:
    if isinstance(text, str):
        # Lone surrogates (from surrogateescape decoding) map back to the
        # bytes they stand for.
        return text.encode("utf-8", "surrogateescape")
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    raise TypeError(f"piiguard: text must be str or bytes, not {type(text).__name__}")


def load(
    path: Union[str, os.PathLike[str], None] = None,
    *,
    cache: bool = True,
    cache_dir: Union[str, os.PathLike[str], None] = None,
) -> Module:
    """Loads the module from path (default: default_module_path())."""
    return Module(path, cache=cache, cache_dir=cache_dir)


_shared: Optional[Module] = None
_shared_lock = threading.Lock()


def compile(
    *,
    identifiers: Optional[Sequence[str]] = None,
    custom: Optional[Iterable[Union[CustomIdentifier, Mapping[str, str]]]] = None,
    policy: Union[str, bytes, Mapping[str, Any], None] = None,
    min_score: Optional[float] = None,
    style: Optional[str] = None,
    resource_arn: Optional[str] = None,
    key: Optional[bytes] = None,
) -> Scanner:
    """Compiles a scanner (see Module.compile) with a module loaded once per
    process, and loaded again once a call has trapped it (Module.stopped)."""
    global _shared
    with _shared_lock:
        if _shared is None or _shared.stopped is not None:
            _shared = load()
        m = _shared
    return m.compile(
        identifiers=identifiers,
        custom=custom,
        policy=policy,
        min_score=min_score,
        style=style,
        resource_arn=resource_arn,
        key=key,
    )
