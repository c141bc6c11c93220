// Usage sample that must type-check against node.d.ts and core.d.ts.
import { compile, load, PiiGuardError, ErrorCode, type Finding, type Config } from '../../node.js';
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
  return `${first} ${masked} ${bytes.length} ${names.length} ${v}`;
}
