// Types of node.js: the piiguard WebAssembly host for Node.js (node:wasi).
import type { Config, Module, Scanner } from './core.js';

export * from './core.js';

/** Options of load(). */
export interface LoadOptions {
  /** Path of piiguard.wasm; default defaultModulePath(). */
  path?: string;
  /** The module's bytes, instead of a path. */
  bytes?: BufferSource;
}

/** $PIIGUARD_WASM, else a packaged piiguard.wasm, else the repository's wasm/piiguard.wasm. */
export declare function defaultModulePath(): string;

/** Loads and initializes the module. */
export declare function load(options?: LoadOptions): Promise<Module>;

/** Compiles a scanner with a module loaded once per process. */
export declare function compile(config?: Config): Promise<Scanner>;
