// The playground's worker: it owns the piiguard.wasm instance (through
// core.js and the WASI shim in wasi.js), so that compiling a scanner —
// a second or two for the whole catalog — does not freeze the page.
//
// Messages in:  { type: 'init' }
//               { type: 'run', id, config, text }
// Messages out: { type: 'ready', abi, catalog, ms }
//               { type: 'result', id, identifiers, findings, masked, compileMs, scanMs, cached }
//               { type: 'error', id, code, codeName, message, fatal }
// A finding out: { identifier, start, end (UTF-8 byte offsets, as the ABI
// reports them), from, to (UTF-16 offsets into the text, for the page),
// value, score, keyword }.

import { PiiGuardError, instantiate } from '../js/core.js';
import { WasiExit, createWasi } from './wasi.js';

const WASM_URL = new URL('../piiguard.wasm', import.meta.url);
const MAX_CACHED = 4;

let compiled; // Promise<WebAssembly.Module>
let mod; // core.js Module
const scanners = new Map(); // config JSON -> Scanner, least recently used first

async function compileModule() {
  if (typeof WebAssembly.compileStreaming === 'function') {
    try {
      return await WebAssembly.compileStreaming(fetch(WASM_URL));
    } catch {
      // Served without Content-Type: application/wasm (some static servers): compile from bytes.
    }
  }
  const res = await fetch(WASM_URL);
  if (!res.ok) throw new Error(`cannot load ${WASM_URL.pathname}: HTTP ${res.status} (build it with \`make wasm\`)`);
  return WebAssembly.compile(await res.arrayBuffer());
}

async function instance() {
  if (mod === undefined) {
    compiled ??= compileModule();
    compiled.catch(() => {
      compiled = undefined;
    });
    const wasi = createWasi({ onStdout: (l) => console.log(`piiguard.wasm: ${l}`), onStderr: (l) => console.error(`piiguard.wasm: ${l}`) });
    mod = await instantiate(await compiled, wasi);
  }
  return mod;
}

function scanner(m, config) {
  const key = JSON.stringify(config);
  let s = scanners.get(key);
  if (s !== undefined) {
    scanners.delete(key);
    scanners.set(key, s);
    return { s, compileMs: 0, cached: true };
  }
  const t0 = performance.now();
  s = m.compile(config);
  const compileMs = performance.now() - t0;
  scanners.set(key, s);
  while (scanners.size > MAX_CACHED) {
    const [oldKey, old] = scanners.entries().next().value;
    scanners.delete(oldKey);
    old.close();
  }
  return { s, compileMs, cached: false };
}

// withStringOffsets adds UTF-16 offsets and the value to each finding. The
// text is a JavaScript string, so its UTF-8 encoding is valid and every
// offset falls on a character boundary (a lone surrogate encodes as U+FFFD,
// one UTF-16 unit either way).
function withStringOffsets(text, findings) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  let byte = 0;
  let unit = 0;
  return findings.map((f) => {
    unit += dec.decode(bytes.subarray(byte, f.start)).length;
    const value = dec.decode(bytes.subarray(f.start, f.end));
    const from = unit;
    unit += value.length;
    byte = f.end;
    return { ...f, from, to: unit, value: text.slice(from, unit) };
  });
}

function reset() {
  mod = undefined;
  scanners.clear();
}

function errorMessage(id, e) {
  if (e instanceof PiiGuardError) {
    return { type: 'error', id, code: e.code, codeName: e.codeName, message: e.message.replace(/^piiguard: [A-Z_()0-9-]+: /, ''), fatal: false };
  }
  // A trap or an exit ends the instance (wasm/ABI.md §7): start a new one
  // next time. core.js throws an Error whose cause is the trap.
  const trap = (x) => x instanceof WasiExit || x instanceof WebAssembly.RuntimeError;
  const fatal = trap(e) || trap(e?.cause);
  if (fatal) reset();
  return { type: 'error', id, code: null, codeName: e?.name ?? 'Error', message: String(e?.message ?? e), fatal };
}

async function handle(msg) {
  switch (msg.type) {
    case 'init': {
      const t0 = performance.now();
      const m = await instance();
      const { s } = scanner(m, {}); // the whole catalog, cached for "all"
      return { type: 'ready', abi: m.abiVersion, catalog: [...s.identifiers], ms: performance.now() - t0 };
    }
    case 'run': {
      const m = await instance();
      const { s, compileMs, cached } = scanner(m, msg.config);
      const t0 = performance.now();
      const findings = withStringOffsets(msg.text, s.scan(msg.text));
      const masked = s.mask(msg.text);
      const scanMs = performance.now() - t0;
      return { type: 'result', id: msg.id, identifiers: [...s.identifiers], findings, masked, compileMs, scanMs, cached };
    }
    default:
      throw new Error(`unknown message ${msg.type}`);
  }
}

// Messages are handled one at a time, in order: the instance is not re-entrant.
let queue = Promise.resolve();
self.onmessage = (ev) => {
  const msg = ev.data;
  queue = queue.then(async () => {
    try {
      self.postMessage(await handle(msg));
    } catch (e) {
      self.postMessage(errorMessage(msg.id, e));
    }
  });
};
