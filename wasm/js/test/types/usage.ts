// Usage sample that must type-check against node.d.ts and core.d.ts.
import { compile, load, PiiGuardError, ErrorCode, type Finding, type Config, type AuditReport } from '../../node.js';
import { instantiate, Module, Scanner } from '../../core.js';

export async function sample(): Promise<string> {
  const config: Config = { identifiers: ['EmailAddress'], custom: [{ name: 'Emp', regex: 'EMP-\\d+' }], minScore: 0.5 };
  const s: Scanner = await compile(config);
  const findings: Finding[] = s.scan('jane@example.com');
  const first: string | null = findings[0]?.keyword ?? null;
  const masked: string = s.mask('jane@example.com');
  const bytes: Uint8Array = s.mask(new Uint8Array([97]));
  const names: readonly string[] = s.identifiers;
  const m: Module = await load({ path: 'x.wasm' });
  const p = m.compile({ policy: { Name: 'x' } });
  p.close();
  const v: number = m.abiVersion.major;
  try {
    m.compileJSON('{}');
  } catch (e) {
    if (e instanceof PiiGuardError && e.code === ErrorCode.INVALID_CONFIG) return e.codeName;
  }
  await instantiate(new Uint8Array(), { imports: {}, initialize: (i: WebAssembly.Instance) => void i });
  // ABI 1.1: keys, styles, JSON, audit reports, unmask; values and character offsets.
  const keyed = m.compile({ style: 'token', key: new Uint8Array(32), resourceArn: 'arn:x' });
  const token: string = keyed.mask('jane@example.com');
  const back: string = keyed.unmask(token);
  const json: string = keyed.maskJSON('{"a":"jane@example.com"}');
  const report: AuditReport | null = keyed.audit('jane@example.com');
  const count: number = report?.dataIdentifiers[0]?.detections[0]?.start ?? 0;
  const f = findings[0];
  const slice: string = f ? 'jane@example.com'.slice(f.charStart, f.charEnd) + f.value : '';
  if (ErrorCode.INVALID_TOKEN !== -10) return back + json + count + slice;
  // ABI 1.2: batches.
  const perRecord: Finding[][] = s.scanBatch(['jane@example.com', new Uint8Array([97])]);
  const maskedLines: string[] = s.maskBatch(['jane@example.com', '']);
  const maskedBytes: Uint8Array[] = s.maskBatch([new Uint8Array([97])]);
  if (perRecord.length + maskedLines.length + maskedBytes.length === 0) return '';
  return `${first} ${masked} ${bytes.length} ${names.length} ${v}`;
}
