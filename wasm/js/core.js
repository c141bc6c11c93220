// piiguard WebAssembly host, runtime-agnostic part: the ABI (wasm/ABI.md)
// on top of an instantiated and initialized module. It needs only the
// WebAssembly, TextEncoder and TextDecoder globals, so it runs in Node.js
// (node.js supplies WASI with node:wasi) and in browsers (where a WASI
// shim supplies the wasi_snapshot_preview1 imports).

/**
 * ABI version this host implements: major must match, minor at least.
 * Keys, styles, maskJSON, audit and unmask need a 1.1 module; with a 1.0
 * module they throw PiiGuardError(UNSUPPORTED).
 */
export const ABI_MAJOR = 1;
export const ABI_MINOR = 0;

/** Error codes of the ABI. */
export const ErrorCode = Object.freeze({
  OK: 0,
  INTERNAL: -1,
  INVALID_ARGUMENT: -2,
  INVALID_POINTER: -3,
  INVALID_HANDLE: -4,
  INVALID_CONFIG: -5,
  INVALID_POLICY: -6,
  UNSUPPORTED: -7,
  INVALID_KEY: -8,
  INVALID_JSON: -9,
  INVALID_TOKEN: -10,
});

const codeNames = new Map(Object.entries(ErrorCode).map(([k, v]) => [v, k]));

/** An error the module reported, or a host-side misuse (code INVALID_ARGUMENT). */
export class PiiGuardError extends Error {
  constructor(code, message) {
    const name = codeNames.get(code) ?? `UNKNOWN(${code})`;
    super(`piiguard: ${name}: ${message}`);
    this.name = 'PiiGuardError';
    /** The ABI error code (negative). */
    this.code = code;
    /** The symbolic name of the code ("INVALID_CONFIG"). */
    this.codeName = name;
  }
}

const EXPORTS = [
  'memory', '_initialize', 'piiguard_abi_version', 'piiguard_alloc', 'piiguard_free',
  'piiguard_compile', 'piiguard_close', 'piiguard_identifiers', 'piiguard_scan',
  'piiguard_mask', 'piiguard_result_ptr', 'piiguard_result_len', 'piiguard_error_code',
  'piiguard_error_ptr', 'piiguard_error_len',
];

// Exports of ABI 1.1, absent from 1.0 modules.
const EXPORTS_1_1 = ['piiguard_compile_keyed', 'piiguard_mask_json', 'piiguard_audit', 'piiguard_unmask'];

const HEADER_SIZE = 8;
const RECORD_SIZE = 20;
const NO_KEYWORD = 0xffffffff;
const SCORE_SCALE = 1e6;
const MIN_BUFFER = 64 * 1024;
const MAX_ALLOC = 1 << 30;

const CONFIG_KEYS = new Set(['identifiers', 'custom', 'policy', 'minScore', 'style', 'resourceArn', 'key']);

/**
 * Instantiates the module. `source` is the module's bytes or a compiled
 * WebAssembly.Module; `wasi` supplies WASI: `imports` (the
 * wasi_snapshot_preview1 functions) and `initialize(instance)`, which must
 * call the reactor's `_initialize` (node:wasi's WASI.initialize does).
 */
export async function instantiate(source, wasi) {
  const mod = source instanceof WebAssembly.Module ? source : await WebAssembly.compile(source);
  const instance = await WebAssembly.instantiate(mod, { wasi_snapshot_preview1: wasi.imports });
  wasi.initialize(instance);
  return new Module(instance);
}

/** An initialized instance of the module, from which Scanners are compiled. */
export class Module {
  #x;
  #buf = 0;
  #bufCap = 0;
  #enc = new TextEncoder();
  #dec = new TextDecoder();

  /** Wraps an instance whose `_initialize` has been called. */
  constructor(instance) {
    const x = instance.exports;
    for (const name of EXPORTS) {
      if (!(name in x)) throw new Error(`piiguard: the module does not export ${name}: not a piiguard module`);
    }
    this.#x = x;
    const v = x.piiguard_abi_version() >>> 0;
    const major = v >>> 16;
    const minor = v & 0xffff;
    if (major !== ABI_MAJOR || minor < ABI_MINOR) {
      throw new Error(`piiguard: module ABI version ${major}.${minor}, this host needs ${ABI_MAJOR}.${ABI_MINOR} or a later ${ABI_MAJOR}.x`);
    }
    if (minor >= 1) {
      for (const name of EXPORTS_1_1) {
        if (!(name in x)) throw new Error(`piiguard: the module (ABI ${major}.${minor}) does not export ${name}`);
      }
    }
    /** The module's ABI version. */
    this.abiVersion = Object.freeze({ major, minor });
  }

  /**
   * Compiles a scanner. config: { identifiers?, custom?: [{name, regex}],
   * policy?: object | string, minScore?, style?, resourceArn?, key? } (a
   * policy chooses the identifiers alone; style, resourceArn and key need
   * ABI 1.1). key (a Uint8Array of at least 32 secret random bytes) is
   * given to the module once, never in the JSON configuration and never
   * in messages; it enables the hash and token styles and unmask. Throws
   * a PiiGuardError with code INVALID_CONFIG, INVALID_POLICY, INVALID_KEY
   * or UNSUPPORTED for a configuration it cannot compile.
   */
  compile(config = {}) {
    if (config === null || typeof config !== 'object') throw new TypeError('piiguard: config must be an object');
    for (const k of Object.keys(config)) {
      if (!CONFIG_KEYS.has(k)) throw new TypeError(`piiguard: unknown config key ${JSON.stringify(k)}`);
    }
    const wire = {};
    if (config.identifiers !== undefined) wire.identifiers = config.identifiers;
    if (config.custom !== undefined) wire.custom = config.custom;
    if (config.policy !== undefined && config.policy !== null) wire.policy = config.policy;
    if (config.minScore !== undefined) wire.min_score = config.minScore;
    if (config.style !== undefined) wire.style = config.style;
    if (config.resourceArn !== undefined) wire.resource_arn = config.resourceArn;
    let key;
    if (config.key !== undefined && config.key !== null) {
      if (!(config.key instanceof Uint8Array)) throw new TypeError('piiguard: key must be a Uint8Array');
      key = config.key;
    }
    const handle = this._compileJSON(JSON.stringify(wire), key);
    return new Scanner(this, handle, this._identifiers(handle));
  }

  /** Compiles a scanner from the JSON configuration of piiguard_compile, with an optional key (ABI 1.1). */
  compileJSON(json, key) {
    const handle = this._compileJSON(json, key);
    return new Scanner(this, handle, this._identifiers(handle));
  }

  _compileJSON(json, key) {
    if (key !== undefined && key.length > 0) return this._compileKeyed(json, key);
    const [ptr, len] = this._put(json);
    const h = this.#x.piiguard_compile(ptr, len);
    if (h < 0) throw this._error(h);
    return h;
  }

  // _compileKeyed passes the key in a buffer of its own, overwritten and
  // freed after the call.
  _compileKeyed(json, key) {
    this._need11('a key');
    const x = this.#x;
    const [ptr, len] = this._put(json);
    const kp = x.piiguard_alloc(key.length) >>> 0;
    if (kp === 0) throw this._error(x.piiguard_error_code());
    new Uint8Array(x.memory.buffer, kp, key.length).set(key);
    const h = x.piiguard_compile_keyed(ptr, len, kp, key.length);
    const err = h < 0 ? this._error(h) : undefined;
    new Uint8Array(x.memory.buffer, kp, key.length).fill(0);
    x.piiguard_free(kp);
    if (err !== undefined) throw err;
    return h;
  }

  _need11(what) {
    if (this.abiVersion.minor < 1) {
      throw new PiiGuardError(ErrorCode.UNSUPPORTED, `${what} needs ABI 1.1; the module is ${this.abiVersion.major}.${this.abiVersion.minor}`);
    }
  }

  _identifiers(handle) {
    this._check(this.#x.piiguard_identifiers(handle));
    const view = this._resultView();
    const ids = [];
    let p = 0;
    const u32 = () => {
      if (p + 4 > view.byteLength) throw new Error('piiguard: malformed identifier table');
      const v = view.getUint32(p, true);
      p += 4;
      return v;
    };
    const str = () => {
      const n = u32();
      if (p + n > view.byteLength) throw new Error('piiguard: malformed identifier table');
      const s = this.#dec.decode(new Uint8Array(view.buffer, view.byteOffset + p, n));
      p += n;
      return s;
    };
    for (let i = u32(); i > 0; i--) {
      const name = str();
      const keywords = [];
      for (let k = u32(); k > 0; k--) keywords.push(str());
      ids.push({ name, keywords });
    }
    return ids;
  }

  _scan(handle, text, idents) {
    const [ptr, len] = this._put(text);
    this._check(this.#x.piiguard_scan(handle, ptr, len));
    const view = this._resultView();
    if (view.byteLength < HEADER_SIZE) throw new Error('piiguard: malformed scan result');
    const count = view.getUint32(0, true);
    const size = view.getUint32(4, true);
    if (size < RECORD_SIZE || view.byteLength !== HEADER_SIZE + count * size) {
      throw new Error('piiguard: malformed scan result');
    }
    const out = new Array(count);
    for (let i = 0, p = HEADER_SIZE; i < count; i++, p += size) {
      const id = idents[view.getUint32(p, true)];
      const kw = view.getUint32(p + 16, true);
      if (id === undefined || (kw !== NO_KEYWORD && kw >= id.keywords.length)) {
        throw new Error('piiguard: malformed scan result');
      }
      out[i] = {
        identifier: id.name,
        start: view.getUint32(p + 4, true),
        end: view.getUint32(p + 8, true),
        score: view.getUint32(p + 12, true) / SCORE_SCALE,
        keyword: kw === NO_KEYWORD ? null : id.keywords[kw],
      };
    }
    this._addChars(text, out);
    return out;
  }

  // _addChars gives each finding its value and its offsets in the
  // JavaScript string (UTF-16 code units): charStart and charEnd, so that
  // text.slice(f.charStart, f.charEnd) === f.value. For bytes, the string
  // is new TextDecoder().decode(text).
  _addChars(text, findings) {
    if (findings.length === 0) return;
    // Findings are sorted by start and may overlap (several identifiers
    // can report one span): a finding that starts before the end of the
    // last one is counted from the last one's start, not from the start
    // of the text, so that a call costs the length of the text once.
    if (typeof text === 'string') {
      // Walk the string, counting the UTF-8 bytes TextEncoder writes.
      let i = 0;
      let b = 0;
      let lastI = 0;
      let lastB = 0;
      const at = (target) => {
        if (target < b) {
          [i, b] = target >= lastB ? [lastI, lastB] : [0, 0];
        }
        while (b < target && i < text.length) {
          const c = text.charCodeAt(i);
          if (c < 0x80) {
            b += 1;
            i += 1;
          } else if (c < 0x800) {
            b += 2;
            i += 1;
          } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
            b += 4;
            i += 2;
          } else {
            b += 3; // lone surrogates are written as U+FFFD
            i += 1;
          }
        }
        return i;
      };
      for (const f of findings) {
        f.charStart = at(f.start);
        [lastI, lastB] = [i, b];
        f.charEnd = at(f.end);
        f.value = text.slice(f.charStart, f.charEnd);
      }
      return;
    }
    let chars = 0;
    let b = 0;
    let lastChars = 0;
    let lastB = 0;
    for (const f of findings) {
      if (f.start < b) {
        [chars, b] = f.start >= lastB ? [lastChars, lastB] : [0, 0];
      }
      chars += this._utf16Length(text, b, f.start);
      [lastChars, lastB] = [chars, f.start];
      f.charStart = chars;
      f.value = this.#dec.decode(text.subarray(f.start, f.end));
      chars += f.value.length;
      f.charEnd = chars;
      b = f.end;
    }
  }

  // _utf16Length returns the length of the string TextDecoder makes of
  // text[from, to): the number of bytes when they are ASCII, without
  // making the string.
  _utf16Length(text, from, to) {
    for (let i = from; i < to; i++) {
      if (text[i] >= 0x80) return this.#dec.decode(text.subarray(from, to)).length;
    }
    return to - from;
  }

  _mask(handle, text) {
    const [ptr, len] = this._put(text);
    this._check(this.#x.piiguard_mask(handle, ptr, len));
    const r = this._resultBytes();
    return typeof text === 'string' ? this.#dec.decode(r) : r.slice();
  }

  // _text calls an ABI 1.1 export on text; string in, string out.
  _text(name, handle, text) {
    this._need11(name);
    const [ptr, len] = this._put(text);
    this._check(this.#x[name](handle, ptr, len));
    const r = this._resultBytes();
    return typeof text === 'string' ? this.#dec.decode(r) : r.slice();
  }

  _audit(handle, text) {
    this._need11('audit');
    const [ptr, len] = this._put(text);
    this._check(this.#x.piiguard_audit(handle, ptr, len));
    const r = this._resultBytes();
    return r.length === 0 ? null : JSON.parse(this.#dec.decode(r));
  }

  _close(handle) {
    this._check(this.#x.piiguard_close(handle));
  }

  // _put copies a string (as UTF-8) or bytes into the input buffer and
  // returns [ptr, len]; it grows the buffer as needed.
  _put(text) {
    if (typeof text === 'string') {
      if (text.length === 0) return [0, 0];
      this._reserve(text.length * 3); // UTF-16 code units to UTF-8 bytes: at most 3 each
      const dst = new Uint8Array(this.#x.memory.buffer, this.#buf, this.#bufCap);
      const { written } = this.#enc.encodeInto(text, dst);
      return [this.#buf, written];
    }
    if (!(text instanceof Uint8Array)) throw new TypeError('piiguard: text must be a string or a Uint8Array');
    if (text.length === 0) return [0, 0];
    this._reserve(text.length);
    new Uint8Array(this.#x.memory.buffer, this.#buf, text.length).set(text);
    return [this.#buf, text.length];
  }

  _reserve(n) {
    if (n <= this.#bufCap) return;
    if (n > MAX_ALLOC) throw new PiiGuardError(ErrorCode.INVALID_ARGUMENT, `input of up to ${n} bytes is larger than ${MAX_ALLOC}`);
    if (this.#buf !== 0) {
      this._check(this.#x.piiguard_free(this.#buf));
      this.#buf = 0;
      this.#bufCap = 0;
    }
    let size = MIN_BUFFER;
    while (size < n) size *= 2;
    size = Math.min(size, MAX_ALLOC);
    const p = this.#x.piiguard_alloc(size) >>> 0;
    if (p === 0) throw this._error(this.#x.piiguard_error_code());
    this.#buf = p;
    this.#bufCap = size;
  }

  _check(code) {
    if (code !== 0) throw this._error(code);
  }

  _error(code) {
    const x = this.#x;
    const c = x.piiguard_error_code() || code;
    const n = x.piiguard_error_len() >>> 0;
    const msg = n === 0 ? '' : this.#dec.decode(new Uint8Array(x.memory.buffer, x.piiguard_error_ptr() >>> 0, n));
    return new PiiGuardError(c, msg);
  }

  // The result slot, valid until the next call into the module. memory.buffer
  // is read after the call: the call may have grown (and so replaced) it.
  _resultBytes() {
    const x = this.#x;
    const n = x.piiguard_result_len() >>> 0;
    if (n === 0) return new Uint8Array(0);
    return new Uint8Array(x.memory.buffer, x.piiguard_result_ptr() >>> 0, n);
  }

  _resultView() {
    const r = this._resultBytes();
    return new DataView(r.buffer, r.byteOffset, r.byteLength);
  }
}

/** A compiled configuration: finds and masks sensitive values. */
export class Scanner {
  #module;
  #handle;
  #idents;

  constructor(module, handle, idents) {
    this.#module = module;
    this.#handle = handle;
    this.#idents = idents;
    /** Names of the identifiers the scanner looks for. */
    this.identifiers = Object.freeze(idents.map((i) => i.name));
  }

  /**
   * Returns the findings in text, sorted by start, not overlapping. start
   * and end are byte offsets in the UTF-8 encoding of text, end exclusive;
   * value is the text found, and charStart and charEnd its offsets in the
   * string (UTF-16 code units: text.slice(charStart, charEnd) === value).
   */
  scan(text) {
    return this.#module._scan(this.#live(), text, this.#idents);
  }

  /**
   * Returns text with every finding masked (with asterisks, or the
   * configured style): a string for a string, bytes for bytes.
   */
  mask(text) {
    return this.#module._mask(this.#live(), text);
  }

  /**
   * Masks one JSON event, an object or an array (ABI 1.1): string values
   * and member names, keeping it valid JSON, field names counting as
   * keywords. Text that is not JSON throws PiiGuardError(INVALID_JSON).
   */
  maskJSON(event) {
    return this.#module._text('piiguard_mask_json', this.#live(), event);
  }

  /**
   * Returns the findings report of one log event (ABI 1.1), in
   * CloudWatch's shape: { auditTimestamp, resourceArn?, dataIdentifiers:
   * [{ name, count, detections: [{ start, end }] }] }, with character
   * offsets (code points); null when the event holds no finding.
   */
  audit(event) {
    return this.#module._audit(this.#live(), event);
  }

  /**
   * Restores the values of the tokens in text (ABI 1.1; style token, with
   * the scanner's key). A token it cannot open throws
   * PiiGuardError(INVALID_TOKEN), whose message gives its byte offset.
   */
  unmask(text) {
    return this.#module._text('piiguard_unmask', this.#live(), text);
  }

  /** Releases the scanner in the module. Further calls throw. */
  close() {
    if (this.#handle === 0) return;
    const h = this.#handle;
    this.#handle = 0;
    this.#module._close(h);
  }

  #live() {
    if (this.#handle === 0) throw new PiiGuardError(ErrorCode.INVALID_HANDLE, 'scanner is closed');
    return this.#handle;
  }
}
