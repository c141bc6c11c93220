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

// Exports of ABI 1.2 (batches), absent from 1.0 and 1.1 modules.
const EXPORTS_1_2 = ['piiguard_scan_batch', 'piiguard_mask_batch'];

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
  // What stopped the instance (a trap), once one did.
  #stopped;
  #buf = 0;
  #bufCap = 0;
  // Views of the memory, made again when it grows (growing detaches the
  // old buffer: its views' length becomes 0).
  #u8 = new Uint8Array(0);
  #dv = new DataView(new ArrayBuffer(0));
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
    for (const [need, names] of [[1, EXPORTS_1_1], [2, EXPORTS_1_2]]) {
      if (minor < need) continue;
      for (const name of names) {
        if (!(name in x)) throw new Error(`piiguard: the module (ABI ${major}.${minor}) does not export ${name}`);
      }
    }
    /** The module's ABI version. */
    this.abiVersion = Object.freeze({ major, minor });
    // From here on the exports are called through guards (see #guard).
    const guarded = { memory: x.memory };
    for (const name of [...EXPORTS, ...EXPORTS_1_1, ...EXPORTS_1_2]) {
      if (name !== 'memory' && typeof x[name] === 'function') guarded[name] = this.#guard(name, x[name]);
    }
    this.#x = guarded;
  }

  /**
   * What trapped the instance (a message naming the export and the trap),
   * or undefined while it is usable. Once set, every call throws: load a
   * new Module.
   */
  get stopped() {
    return this.#stopped;
  }

  // #guard wraps an export: a call that throws (a trap: the Go runtime out
  // of memory, an exit, a WASI import that threw) leaves the instance in
  // an unknown state (wasm/ABI.md §7), so that call and every later one
  // throw an Error (not a PiiGuardError) saying the module is unusable.
  #guard(name, fn) {
    return (a, b, c, d) => {
      if (this.#stopped !== undefined) throw this.#unusable();
      try {
        return fn(a, b, c, d);
      } catch (e) {
        this.#stopped = `${name} stopped the instance (${e instanceof Error ? e.message : String(e)})`;
        throw this.#unusable(e);
      }
    };
  }

  #unusable(cause) {
    return new Error(`piiguard: the module is unusable: ${this.#stopped}; load it again`, cause === undefined ? undefined : { cause });
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
    let h;
    let err;
    try {
      new Uint8Array(x.memory.buffer, kp, key.length).set(key);
      h = x.piiguard_compile_keyed(ptr, len, kp, key.length);
      if (h < 0) err = this._error(h);
    } finally {
      // Also after a trap: the instance's memory outlives it.
      new Uint8Array(x.memory.buffer, kp, key.length).fill(0);
      if (this.#stopped === undefined) x.piiguard_free(kp);
    }
    if (err !== undefined) throw err;
    return h;
  }

  _need11(what) {
    if (this.abiVersion.minor < 1) {
      throw new PiiGuardError(ErrorCode.UNSUPPORTED, `${what} needs ABI 1.1; the module is ${this.abiVersion.major}.${this.abiVersion.minor}`);
    }
  }

  // _identifiers reads the scanner's identifier table: each identifier's
  // name, and its keywords, which are decoded on first use (a finding
  // reports one): decoding ~900 keywords as strings was a visible share of
  // the time to first scan. The table is checked whole here.
  _identifiers(handle) {
    this._check(this.#x.piiguard_identifiers(handle));
    const [at, n] = this._result();
    // A copy: the result slot is valid only until the next call.
    const table = this.#u8.slice(at, at + n);
    const view = new DataView(table.buffer);
    let p = 0;
    const u32 = () => {
      if (p + 4 > n) throw new Error('piiguard: malformed identifier table');
      const v = view.getUint32(p, true);
      p += 4;
      return v;
    };
    const skip = () => {
      const len = u32();
      if (p + len > n) throw new Error('piiguard: malformed identifier table');
      p += len;
      return p - len;
    };
    const ids = [];
    for (let i = u32(); i > 0; i--) {
      const from = skip();
      const name = this.#dec.decode(table.subarray(from, p));
      const count = u32();
      const keywordsAt = p;
      for (let k = count; k > 0; k--) skip();
      ids.push(new IdentifierEntry(name, table, keywordsAt, count, this.#dec));
    }
    return ids;
  }

  _scan(handle, text, idents) {
    const [ptr, len] = this._put(text);
    this._check(this.#x.piiguard_scan(handle, ptr, len));
    const [p, n] = this._result();
    const dv = this.#dv;
    if (n < HEADER_SIZE) throw new Error('piiguard: malformed scan result');
    const count = dv.getUint32(p, true);
    const size = dv.getUint32(p + 4, true);
    if (size < RECORD_SIZE || n !== HEADER_SIZE + count * size) {
      throw new Error('piiguard: malformed scan result');
    }
    const out = this._findings(p + HEADER_SIZE, count, size, idents);
    this._addChars(text, out, len);
    return out;
  }

  // _findings decodes count finding records of size bytes at p.
  _findings(p, count, size, idents) {
    const dv = this.#dv;
    const out = new Array(count);
    for (let i = 0; i < count; i++, p += size) {
      const id = idents[dv.getUint32(p, true)];
      const kw = dv.getUint32(p + 16, true);
      if (id === undefined || (kw !== NO_KEYWORD && kw >= id.keywords.length)) {
        throw new Error('piiguard: malformed scan result');
      }
      out[i] = {
        identifier: id.name,
        start: dv.getUint32(p + 4, true),
        end: dv.getUint32(p + 8, true),
        score: dv.getUint32(p + 12, true) / SCORE_SCALE,
        keyword: kw === NO_KEYWORD ? null : id.keywords[kw],
      };
    }
    return out;
  }

  // _scanBatch scans each record as _scan does, in one call with an ABI
  // 1.2 module (one call per record before).
  _scanBatch(handle, records, idents) {
    checkRecords(records);
    if (this.abiVersion.minor < 2) return Array.from(records, (r) => this._scan(handle, r, idents));
    const [ptr, len, lengths] = this._putBatch(records);
    this._check(this.#x.piiguard_scan_batch(handle, ptr, len));
    const [p, n] = this._result();
    const dv = this.#dv;
    const m = records.length;
    if (n < HEADER_SIZE + 4 * m || dv.getUint32(p, true) !== m) throw new Error('piiguard: malformed scan batch result');
    const size = dv.getUint32(p + 4, true);
    let total = 0;
    for (let i = 0; i < m; i++) total += dv.getUint32(p + HEADER_SIZE + 4 * i, true);
    if (size < RECORD_SIZE || n !== HEADER_SIZE + 4 * m + total * size) throw new Error('piiguard: malformed scan batch result');
    const out = new Array(m);
    let q = p + HEADER_SIZE + 4 * m;
    for (let i = 0; i < m; i++) {
      const count = dv.getUint32(p + HEADER_SIZE + 4 * i, true);
      out[i] = this._findings(q, count, size, idents);
      q += count * size;
    }
    // Offsets into the records, after the last read of the result.
    for (let i = 0; i < m; i++) this._addChars(records[i], out[i], lengths[i]);
    return out;
  }

  // _maskBatch masks each record as _mask does, in one call with an ABI
  // 1.2 module (one call per record before).
  _maskBatch(handle, records) {
    checkRecords(records);
    if (this.abiVersion.minor < 2) return Array.from(records, (r) => this._mask(handle, r));
    const [ptr, len] = this._putBatch(records);
    this._check(this.#x.piiguard_mask_batch(handle, ptr, len));
    const [p, n] = this._result();
    const dv = this.#dv;
    const u8 = this.#u8;
    const m = records.length;
    if (n < 4 + 4 * m || dv.getUint32(p, true) !== m) throw new Error('piiguard: malformed mask batch result');
    const data = p + 4 + 4 * m;
    const out = new Array(m);
    let start = 0;
    for (let i = 0; i < m; i++) {
      const end = dv.getUint32(p + 4 + 4 * i, true);
      if (end < start || data + end > p + n) throw new Error('piiguard: malformed mask batch result');
      const r = u8.subarray(data + start, data + end);
      out[i] = typeof records[i] === 'string' ? this.#dec.decode(r) : r.slice();
      start = end;
    }
    if (data + start !== p + n) throw new Error('piiguard: malformed mask batch result');
    return out;
  }

  // _addChars gives each finding its value and its offsets in the
  // JavaScript string (UTF-16 code units): charStart and charEnd, so that
  // text.slice(f.charStart, f.charEnd) === f.value. For bytes, the string
  // is new TextDecoder().decode(text). bytes is the length of the text in
  // UTF-8: a string of as many UTF-16 code units is ASCII (every other
  // code unit takes 2 bytes or more), and its offsets are the findings'.
  _addChars(text, findings, bytes) {
    if (findings.length === 0) return;
    if (typeof text === 'string' && bytes === text.length) {
      for (const f of findings) {
        f.charStart = f.start;
        f.charEnd = f.end;
        f.value = text.slice(f.start, f.end);
      }
      return;
    }
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
    // The text is decoded piece by piece, between the findings' offsets,
    // which gives the whole text's decoding when no offset cuts a
    // sequence TextDecoder decodes as one (see sequenceBounds): an offset
    // that does is moved to the sequence's start (a start) or end (an
    // end), so that the value covers its U+FFFD whole.
    let chars = 0;
    let b = 0;
    let lastChars = 0;
    let lastB = 0;
    for (const f of findings) {
      const start = sequenceBounds(text, f.start)[0];
      const end = sequenceBounds(text, f.end)[1];
      if (start < b) {
        [chars, b] = start >= lastB ? [lastChars, lastB] : [0, 0];
      }
      chars += this._utf16Length(text, b, start);
      [lastChars, lastB] = [chars, start];
      f.charStart = chars;
      f.value = this.#dec.decode(text.subarray(start, end));
      chars += f.value.length;
      f.charEnd = chars;
      b = end;
    }
  }

  // _utf16Length returns the length of the string TextDecoder makes of
  // text[from, to): the number of bytes when they are ASCII, without
  // making the string.
  _utf16Length(text, from, to) {
    return isASCII(text, from, to) ? to - from : this.#dec.decode(text.subarray(from, to)).length;
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
      // UTF-16 code units to UTF-8 bytes: at most 3 each; counted exactly
      // only when that bound passes the largest allocation (the buffer
      // then grows to the bound, so that texts of about this size do not
      // count again).
      const max = text.length * 3;
      this._reserve(max <= MAX_ALLOC ? max : utf8Length(text));
      const { written } = this.#enc.encodeInto(text, this._memory().subarray(this.#buf, this.#buf + this.#bufCap));
      return [this.#buf, written];
    }
    if (!(text instanceof Uint8Array)) throw new TypeError('piiguard: text must be a string or a Uint8Array');
    if (text.length === 0) return [0, 0];
    this._reserve(text.length);
    this._memory().set(text, this.#buf);
    return [this.#buf, text.length];
  }

  // _putBatch writes records (strings, as UTF-8, or bytes) into the input
  // buffer as a batch (wasm/ABI.md §5.9) and returns [ptr, len, lengths]:
  // lengths[i] is the length of record i in bytes.
  _putBatch(records) {
    let max = 4 + 4 * records.length;
    for (const r of records) {
      if (typeof r === 'string') max += r.length * 3;
      else max += r.length;
    }
    if (max > MAX_ALLOC) {
      // Counted exactly (see _put).
      max = 4 + 4 * records.length;
      for (const r of records) max += typeof r === 'string' ? utf8Length(r) : r.length;
    }
    this._reserve(max);
    const u8 = this._memory();
    const dv = this.#dv;
    const p = this.#buf;
    dv.setUint32(p, records.length, true);
    const data = p + 4 + 4 * records.length;
    const lengths = new Array(records.length);
    let end = 0;
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      if (typeof r === 'string') {
        lengths[i] = this.#enc.encodeInto(r, u8.subarray(data + end, p + this.#bufCap)).written;
      } else {
        u8.set(r, data + end);
        lengths[i] = r.length;
      }
      end += lengths[i];
      dv.setUint32(p + 4 + 4 * i, end, true);
    }
    return [p, data + end - p, lengths];
  }

  // _memory returns a view of the whole memory (and keeps #dv on it too),
  // made again when the memory has grown.
  _memory() {
    if (this.#u8.length === 0) {
      const b = this.#x.memory.buffer;
      this.#u8 = new Uint8Array(b);
      this.#dv = new DataView(b);
    }
    return this.#u8;
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

  // The result slot, valid until the next call into the module, as
  // [ptr, len] into the views #u8 and #dv (taken again after the call: the
  // call may have grown the memory).
  _result() {
    const x = this.#x;
    const n = x.piiguard_result_len() >>> 0;
    const p = x.piiguard_result_ptr() >>> 0;
    const u8 = this._memory();
    if (p + n > u8.length) throw new Error('piiguard: result outside memory');
    return [p, n];
  }

  _resultBytes() {
    const [p, n] = this._result();
    return this.#u8.subarray(p, p + n);
  }
}

// IdentifierEntry is one identifier of a scanner's table: its name, and its
// keywords, decoded from the table (checked already) on first use.
class IdentifierEntry {
  #keywords;
  #table;
  #at;
  #count;
  #dec;

  constructor(name, table, at, count, dec) {
    this.name = name;
    this.#table = table;
    this.#at = at;
    this.#count = count;
    this.#dec = dec;
  }

  get keywords() {
    if (this.#keywords === undefined) {
      const t = this.#table;
      const keywords = new Array(this.#count);
      let p = this.#at;
      for (let k = 0; k < this.#count; k++) {
        const len = (t[p] | (t[p + 1] << 8) | (t[p + 2] << 16) | (t[p + 3] << 24)) >>> 0;
        keywords[k] = this.#dec.decode(t.subarray(p + 4, p + 4 + len));
        p += 4 + len;
      }
      this.#keywords = keywords;
      this.#table = undefined;
    }
    return this.#keywords;
  }
}

// checkRecords throws a TypeError unless records is an array of strings
// and Uint8Arrays.
function checkRecords(records) {
  if (!Array.isArray(records)) throw new TypeError('piiguard: records must be an array of strings or Uint8Arrays');
  for (const r of records) {
    if (typeof r !== 'string' && !(r instanceof Uint8Array)) {
      throw new TypeError('piiguard: each record must be a string or a Uint8Array');
    }
  }
}

// utf8Length returns the length of s in UTF-8 as TextEncoder writes it
// (a lone surrogate as U+FFFD, 3 bytes).
function utf8Length(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

// sequenceBounds returns [p, p] when TextDecoder, decoding b, starts a
// character (or a U+FFFD) at offset p or ends one there; otherwise p is
// inside a sequence it decodes as one (a character, or the U+FFFD of the
// valid start of a truncated sequence: e2 82 followed by no continuation
// byte), and it returns [start, end) of that sequence. Go (and so the
// module) decodes each byte of a truncated sequence as a U+FFFD of its own,
// and may report a finding that ends or starts inside one. The sequence
// rules are the WHATWG UTF-8 decoder's (the Encoding Standard).
function sequenceBounds(b, p) {
  if (p <= 0 || p >= b.length || (b[p] & 0xc0) !== 0x80) return [p, p];
  // A sequence holding p starts at one of the 3 bytes before p, with a
  // lead byte; the bytes after it up to p must continue it.
  for (let q = p - 1; q >= 0 && q >= p - 3; q--) {
    const lead = b[q];
    if ((lead & 0xc0) === 0x80) continue;
    let need;
    let lo = 0x80;
    let hi = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      if (lead === 0xe0) lo = 0xa0;
      else if (lead === 0xed) hi = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      if (lead === 0xf0) lo = 0x90;
      else if (lead === 0xf4) hi = 0x8f;
    } else return [p, p];
    if (p - q > need) return [p, p];
    // The sequence is the lead and the continuation bytes that follow it
    // (at most need): the first within [lo, hi], the others any.
    let end = q + 1;
    while (end - q <= need && end < b.length && b[end] >= (end === q + 1 ? lo : 0x80) && b[end] <= (end === q + 1 ? hi : 0xbf)) end++;
    return end > p ? [q, end] : [p, p];
  }
  return [p, p];
}

// isASCII reports whether the bytes b[from, to) are ASCII, a word at a
// time where there are many.
function isASCII(b, from, to) {
  let i = from;
  if (to - from >= 64) {
    for (; (b.byteOffset + i) & 3; i++) if (b[i] >= 0x80) return false;
    const n = (to - i) >> 2;
    const w = new Uint32Array(b.buffer, b.byteOffset + i, n);
    for (let k = 0; k < n; k++) if (w[k] & 0x80808080) return false;
    i += n << 2;
  }
  for (; i < to; i++) if (b[i] >= 0x80) return false;
  return true;
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
   * Returns the findings of each record (a log event, a line: strings or
   * bytes), exactly as scan(record) returns them, in one call into the
   * module (ABI 1.2; one call per record with an older module): a log
   * shipper that scans event by event saves the cost of a call each.
   */
  scanBatch(records) {
    return this.#module._scanBatch(this.#live(), records, this.#idents);
  }

  /**
   * Returns each record masked, exactly as mask(record) returns it, in one
   * call into the module (ABI 1.2; one call per record with an older
   * module).
   */
  maskBatch(records) {
    return this.#module._maskBatch(this.#live(), records);
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
