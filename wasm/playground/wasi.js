// A minimal WASI preview 1 shim for piiguard.wasm in a browser (or any
// JavaScript runtime with WebAssembly, TextDecoder, crypto.getRandomValues
// and performance.now).
//
// piiguard.wasm is a Go wasip1 reactor (wasm/ABI.md §2). It imports 16
// wasi_snapshot_preview1 functions, and needs no file system, arguments or
// environment: the Go runtime reads the clocks, asks for random bytes,
// probes file descriptors 0-2 and the (absent) preopened directories, and
// writes to stderr only when it dies. This shim gives it exactly that:
//
//   args_sizes_get, args_get, environ_sizes_get, environ_get
//                     empty argument list and environment
//   clock_time_get    realtime (Date.now) and monotonic (performance.now)
//   random_get        crypto.getRandomValues
//   fd_write          fds 1 and 2, line-buffered, to the onStdout/onStderr callbacks
//   fd_read           fd 0 is empty (end of file)
//   fd_fdstat_get     fds 0-2 are character devices
//   fd_fdstat_set_flags, fd_close   fds 0-2 accept, others are EBADF
//   fd_prestat_get, fd_prestat_dir_name   no preopened directories (EBADF)
//   poll_oneoff       every subscription is ready at once (a page cannot
//                     block; piiguard never sleeps)
//   sched_yield       nothing to yield to
//   proc_exit         throws WasiExit (the instance is unusable afterwards)
//
// Anything else the module might import in a later build is an ENOSYS stub
// (see `imports`' Proxy), so that instantiation does not fail on a name this
// shim does not know.

const ESUCCESS = 0;
const EBADF = 8;
const EFAULT = 21;
const EINVAL = 28;
const ENOSYS = 52;

const CLOCK_REALTIME = 0;
const CLOCK_MONOTONIC = 1;
const CLOCK_PROCESS_CPUTIME_ID = 2;
const CLOCK_THREAD_CPUTIME_ID = 3;

const FILETYPE_CHARACTER_DEVICE = 2;
const EVENTTYPE_CLOCK = 0;
const SUBSCRIPTION_SIZE = 48;
const EVENT_SIZE = 32;
const RANDOM_CHUNK = 65536; // getRandomValues' limit per call
const ALL_RIGHTS = 0x1fffffffn;

/** Thrown by proc_exit: the module ended (the Go runtime's fatal errors exit with 2). */
export class WasiExit extends Error {
  constructor(code, stderr) {
    super(`piiguard.wasm exited with code ${code}${stderr ? `: ${stderr}` : ''}`);
    this.name = 'WasiExit';
    /** The exit code. */
    this.code = code;
    /** What the module wrote to stderr before it exited. */
    this.stderr = stderr;
  }
}

class LineSink {
  #dec = new TextDecoder();
  #pending = '';
  #all = '';
  #cb;

  constructor(cb) {
    this.#cb = cb;
  }

  write(bytes) {
    const s = this.#dec.decode(bytes, { stream: true });
    this.#all = (this.#all + s).slice(-16384);
    this.#pending += s;
    let nl;
    while ((nl = this.#pending.indexOf('\n')) >= 0) {
      this.#cb(this.#pending.slice(0, nl));
      this.#pending = this.#pending.slice(nl + 1);
    }
  }

  flush() {
    if (this.#pending !== '') this.#cb(this.#pending);
    this.#pending = '';
  }

  /** The last 16 KiB written. */
  get text() {
    return this.#all;
  }
}

/**
 * Creates the WASI imports for one instance. Returns { imports,
 * initialize(instance), calls }: `imports` is the wasi_snapshot_preview1
 * object, `initialize` binds the instance's memory and runs its
 * `_initialize` (the shape core.js' instantiate() takes), `calls` counts the
 * calls of each import (for tests and curiosity).
 */
export function createWasi({ onStdout = (l) => console.log(l), onStderr = (l) => console.error(l) } = {}) {
  let memory;
  const calls = Object.create(null);
  const out = new LineSink(onStdout);
  const err = new LineSink(onStderr);
  const view = () => new DataView(memory.buffer);
  const bytes = (ptr, len) => new Uint8Array(memory.buffer, ptr >>> 0, len >>> 0);
  const now = (id) => {
    switch (id) {
      case CLOCK_REALTIME:
        return BigInt(Date.now()) * 1_000_000n;
      case CLOCK_MONOTONIC:
      case CLOCK_PROCESS_CPUTIME_ID:
      case CLOCK_THREAD_CPUTIME_ID:
        return BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e6));
      default:
        return undefined;
    }
  };
  const stdio = (fd) => fd >= 0 && fd <= 2;

  const fns = {
    args_sizes_get(argcPtr, bufSizePtr) {
      const v = view();
      v.setUint32(argcPtr >>> 0, 0, true);
      v.setUint32(bufSizePtr >>> 0, 0, true);
      return ESUCCESS;
    },
    args_get() {
      return ESUCCESS;
    },
    environ_sizes_get(countPtr, bufSizePtr) {
      const v = view();
      v.setUint32(countPtr >>> 0, 0, true);
      v.setUint32(bufSizePtr >>> 0, 0, true);
      return ESUCCESS;
    },
    environ_get() {
      return ESUCCESS;
    },
    clock_time_get(id, _precision, timePtr) {
      const t = now(id);
      if (t === undefined) return EINVAL;
      view().setBigUint64(timePtr >>> 0, t, true);
      return ESUCCESS;
    },
    random_get(ptr, len) {
      const b = bytes(ptr, len);
      for (let i = 0; i < b.length; i += RANDOM_CHUNK) {
        crypto.getRandomValues(b.subarray(i, i + RANDOM_CHUNK));
      }
      return ESUCCESS;
    },
    fd_write(fd, iovsPtr, iovsLen, nwrittenPtr) {
      if (fd !== 1 && fd !== 2) return EBADF;
      const v = view();
      const sink = fd === 1 ? out : err;
      let n = 0;
      for (let i = 0; i < iovsLen >>> 0; i++) {
        const p = (iovsPtr >>> 0) + i * 8;
        const len = v.getUint32(p + 4, true);
        sink.write(bytes(v.getUint32(p, true), len));
        n += len;
      }
      v.setUint32(nwrittenPtr >>> 0, n, true);
      return ESUCCESS;
    },
    fd_read(fd, _iovsPtr, _iovsLen, nreadPtr) {
      if (fd !== 0) return EBADF;
      view().setUint32(nreadPtr >>> 0, 0, true);
      return ESUCCESS;
    },
    fd_close(fd) {
      return stdio(fd) ? ESUCCESS : EBADF;
    },
    fd_fdstat_get(fd, statPtr) {
      if (!stdio(fd)) return EBADF;
      const v = view();
      const p = statPtr >>> 0;
      v.setUint8(p, FILETYPE_CHARACTER_DEVICE); // fs_filetype
      v.setUint8(p + 1, 0);
      v.setUint16(p + 2, 0, true); // fs_flags
      v.setUint32(p + 4, 0, true);
      v.setBigUint64(p + 8, ALL_RIGHTS, true); // fs_rights_base
      v.setBigUint64(p + 16, ALL_RIGHTS, true); // fs_rights_inheriting
      return ESUCCESS;
    },
    fd_fdstat_set_flags(fd) {
      return stdio(fd) ? ESUCCESS : EBADF;
    },
    fd_prestat_get() {
      return EBADF; // no preopened directories
    },
    fd_prestat_dir_name() {
      return EBADF;
    },
    poll_oneoff(inPtr, outPtr, nsubscriptions, neventsPtr) {
      const n = nsubscriptions >>> 0;
      if (n === 0) return EINVAL;
      const v = view();
      for (let i = 0; i < n; i++) {
        const s = (inPtr >>> 0) + i * SUBSCRIPTION_SIZE;
        const e = (outPtr >>> 0) + i * EVENT_SIZE;
        const tag = v.getUint8(s + 8);
        v.setBigUint64(e, v.getBigUint64(s, true), true); // userdata
        v.setUint16(e + 8, tag === EVENTTYPE_CLOCK ? ESUCCESS : EBADF, true); // error
        v.setUint8(e + 10, tag); // type
        v.setBigUint64(e + 16, 0n, true); // fd_readwrite.nbytes
        v.setUint16(e + 24, 0, true); // fd_readwrite.flags
      }
      v.setUint32(neventsPtr >>> 0, n, true);
      return ESUCCESS;
    },
    sched_yield() {
      return ESUCCESS;
    },
    proc_exit(code) {
      out.flush();
      err.flush();
      throw new WasiExit(code, err.text);
    },
  };

  const counted = {};
  for (const [name, fn] of Object.entries(fns)) {
    counted[name] = (...args) => {
      calls[name] = (calls[name] ?? 0) + 1;
      if (memory === undefined) return EFAULT;
      return fn(...args);
    };
  }
  const imports = new Proxy(counted, {
    get(target, name) {
      if (typeof name !== 'string' || name in target) return target[name];
      return () => {
        calls[name] = (calls[name] ?? 0) + 1;
        return ENOSYS;
      };
    },
  });

  return {
    imports,
    calls,
    initialize(instance) {
      memory = instance.exports.memory;
      if (!(memory instanceof WebAssembly.Memory)) throw new Error('piiguard: the module exports no memory');
      instance.exports._initialize();
    },
    /** What the module wrote to stderr (its last 16 KiB). */
    get stderr() {
      return err.text;
    },
  };
}

/** The WASI functions this shim implements. */
export const IMPLEMENTED = Object.freeze([
  'args_get', 'args_sizes_get', 'clock_time_get', 'environ_get', 'environ_sizes_get',
  'fd_close', 'fd_fdstat_get', 'fd_fdstat_set_flags', 'fd_prestat_dir_name', 'fd_prestat_get',
  'fd_read', 'fd_write', 'poll_oneoff', 'proc_exit', 'random_get', 'sched_yield',
]);
