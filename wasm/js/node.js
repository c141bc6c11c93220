// piiguard WebAssembly host for Node.js (>= 20): WASI from node:wasi.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { WASI } from 'node:wasi';

import { instantiate } from './core.js';

export { ABI_MAJOR, ABI_MINOR, ErrorCode, Module, PiiGuardError, Scanner, instantiate } from './core.js';

/**
 * Returns the path of the module: $PIIGUARD_WASM when set, else
 * piiguard.wasm in this package (a packaged copy), else ../piiguard.wasm
 * (wasm/piiguard.wasm of the piiguard repository, built by `make wasm`).
 */
export function defaultModulePath() {
  if (process.env.PIIGUARD_WASM) return process.env.PIIGUARD_WASM;
  for (const rel of ['./piiguard.wasm', '../piiguard.wasm']) {
    const p = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(p)) return p;
  }
  throw new Error('piiguard: wasm/piiguard.wasm not found (build it with `make wasm`, or set PIIGUARD_WASM)');
}

/** Loads and initializes the module, from options.bytes, options.path or defaultModulePath(). */
export async function load(options = {}) {
  const bytes = options.bytes ?? (await readFile(options.path ?? defaultModulePath()));
  const wasi = new WASI({ version: 'preview1', args: [], env: {}, returnOnExit: true });
  return instantiate(bytes, {
    imports: wasi.wasiImport,
    initialize: (instance) => wasi.initialize(instance),
  });
}

let shared;

/**
 * Compiles a scanner with a module loaded once per process by load(), and
 * loaded again once a call has trapped it (Module.stopped).
 */
export async function compile(config = {}) {
  if (shared !== undefined) {
    const current = shared;
    const m = await current.catch(() => undefined);
    if (m !== undefined && m.stopped !== undefined && shared === current) shared = undefined;
  }
  if (shared === undefined) {
    shared = load();
    shared.catch(() => {
      shared = undefined; // try again next time
    });
  }
  return (await shared).compile(config);
}
