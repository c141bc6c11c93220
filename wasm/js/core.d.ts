// Types of core.js: the runtime-agnostic piiguard WebAssembly host.

/** ABI major version this host implements (the module's must be equal). */
export declare const ABI_MAJOR: 1;
/** Lowest ABI minor version this host accepts. */
export declare const ABI_MINOR: number;

/** Error codes of the ABI (wasm/ABI.md). */
export declare const ErrorCode: Readonly<{
  OK: 0;
  INTERNAL: -1;
  INVALID_ARGUMENT: -2;
  INVALID_POINTER: -3;
  INVALID_HANDLE: -4;
  INVALID_CONFIG: -5;
  INVALID_POLICY: -6;
  UNSUPPORTED: -7;
  INVALID_KEY: -8;
  INVALID_JSON: -9;
  INVALID_TOKEN: -10;
}>;

export type ErrorCodeName = keyof typeof ErrorCode;

/** An error the module reported, or a misuse the host caught. */
export declare class PiiGuardError extends Error {
  constructor(code: number, message: string);
  readonly name: 'PiiGuardError';
  /** The ABI error code (negative). */
  readonly code: number;
  /** The code's name, "UNKNOWN(n)" for a code this host does not know. */
  readonly codeName: ErrorCodeName | string;
}

/** A custom data identifier, with CloudWatch's rules. */
export interface CustomIdentifier {
  name: string;
  regex: string;
}

/** What a scanner looks for. */
export interface Config {
  /** Managed identifier names ("EmailAddress", "Ssn-US"); none means every CloudWatch one. */
  identifiers?: string[];
  /** Custom identifiers, added to the managed ones. */
  custom?: CustomIdentifier[];
  /**
   * A CloudWatch Logs data protection policy document (with or without
   * piiguard's "PiiGuard" extensions), parsed or as JSON text. It chooses
   * the identifiers: identifiers and custom must then be absent.
   */
  policy?: object | string | null;
  /** Findings scoring below it are dropped. */
  minScore?: number;
  /** ABI 1.1: one mask style for every identifier; hash and token need key. Overrides a policy's styles. */
  style?: 'asterisk' | 'fixed' | 'partial' | 'placeholder' | 'redact' | 'hash' | 'token';
  /** ABI 1.1: the log group ARN written in audit reports. */
  resourceArn?: string;
  /**
   * ABI 1.1: the key of the hash and token styles and of unmask, at least
   * 32 secret random bytes; given to the module once, never echoed.
   */
  key?: Uint8Array | null;
}

/** A findings report (Scanner.audit), in CloudWatch's shape; offsets in characters (code points). */
export interface AuditReport {
  auditTimestamp: string;
  resourceArn?: string;
  dataIdentifiers: { name: string; count: number; detections: { start: number; end: number }[] }[];
}

/** One sensitive value found in a text. */
export interface Finding {
  /** Name of the identifier that matched ("Ssn-US"). */
  identifier: string;
  /** Byte offset of the value in the UTF-8 encoding of the text. */
  start: number;
  /** Byte offset just past the value. */
  end: number;
  /** Confidence in [0, 1], to 1e-6. */
  score: number;
  /** The keyword that supported the finding, null when none was near. */
  keyword: string | null;
  /** The value found. */
  value: string;
  /** Offset of the value in the string (UTF-16 code units): text.slice(charStart, charEnd) === value. For bytes, in their decoded string. */
  charStart: number;
  /** Offset just past the value, in UTF-16 code units. */
  charEnd: number;
}

/** WASI for the module: its wasi_snapshot_preview1 imports and how to initialize a reactor. */
export interface WasiProvider {
  imports: Record<string, unknown>;
  /** Must call instance.exports._initialize() (node:wasi's WASI.initialize does). */
  initialize(instance: WebAssembly.Instance): void;
}

/** Instantiates and initializes the module. */
export declare function instantiate(
  source: BufferSource | WebAssembly.Module,
  wasi: WasiProvider,
): Promise<Module>;

/**
 * An initialized instance of the module; scanners are compiled in it. Not for concurrent use across workers.
 * After a call traps (out of memory, an exit, a WASI import that threw), every call throws an Error: load a new one.
 */
export declare class Module {
  /** Wraps an instance whose _initialize export has been called; checks its ABI version. */
  constructor(instance: WebAssembly.Instance);
  readonly abiVersion: Readonly<{ major: number; minor: number }>;
  /** What trapped the instance (then every call throws), or undefined while it is usable. */
  readonly stopped: string | undefined;
  /** Compiles a scanner; throws PiiGuardError (INVALID_CONFIG, INVALID_POLICY) or TypeError. */
  compile(config?: Config): Scanner;
  /** Compiles a scanner from the JSON configuration of piiguard_compile, with an optional key (ABI 1.1). */
  compileJSON(json: string, key?: Uint8Array): Scanner;
}

/** A compiled configuration. */
export declare class Scanner {
  private constructor();
  /** Names of the identifiers the scanner looks for, in the module's order. */
  readonly identifiers: readonly string[];
  /** Findings in text, sorted by start, not overlapping. */
  scan(text: string | Uint8Array): Finding[];
  /** text with every finding masked (asterisks, or the configured style). */
  mask(text: string): string;
  mask(text: Uint8Array): Uint8Array;
  /** The findings of each record, as scan(record) gives them, in one call into the module (ABI 1.2; one call per record before). */
  scanBatch(records: readonly (string | Uint8Array)[]): Finding[][];
  /** Each record masked, as mask(record) gives it, in one call into the module (ABI 1.2; one call per record before). */
  maskBatch(records: readonly string[]): string[];
  maskBatch(records: readonly Uint8Array[]): Uint8Array[];
  maskBatch(records: readonly (string | Uint8Array)[]): (string | Uint8Array)[];
  /** ABI 1.1: one JSON event masked, still valid JSON; throws PiiGuardError(INVALID_JSON) for other text. */
  maskJSON(event: string): string;
  maskJSON(event: Uint8Array): Uint8Array;
  /** ABI 1.1: the event's findings report, null when it holds none. */
  audit(event: string | Uint8Array): AuditReport | null;
  /** ABI 1.1: tokens restored with the scanner's key; throws PiiGuardError(INVALID_TOKEN). */
  unmask(text: string): string;
  unmask(text: Uint8Array): Uint8Array;
  /** Releases the scanner; later calls throw PiiGuardError(INVALID_HANDLE). */
  close(): void;
}
