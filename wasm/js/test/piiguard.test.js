// Tests of the Node.js host: node --test test/ (make test-wasm builds the
// module and the golden file first).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test, describe, before } from 'node:test';
import { fileURLToPath } from 'node:url';

import { ABI_MAJOR, ErrorCode, PiiGuardError, compile, defaultModulePath, load } from '../node.js';

const repo = (rel) => fileURLToPath(new URL(`../../../${rel}`, import.meta.url));

let modulePath;
try {
  modulePath = defaultModulePath();
} catch {
  modulePath = undefined;
}
const skip = modulePath === undefined ? 'wasm/piiguard.wasm not built: run `make wasm`' : false;

describe('piiguard (Node.js host)', { skip }, () => {
  let mod;
  before(async () => {
    mod = await load();
  });

  test('ABI version', () => {
    assert.equal(mod.abiVersion.major, ABI_MAJOR);
  });

  test('masks and scans with every managed identifier', () => {
    const s = mod.compile();
    assert.equal(
      s.mask('login jane@example.com from 203.0.113.42, ssn 536-22-1234'),
      'login **************** from ************, ssn ***********',
    );
    assert.deepEqual(s.scan('card 4929 3812 6548 1006'), [
      { identifier: 'CreditCardNumber', start: 5, end: 24, score: s.scan('card 4929 3812 6548 1006')[0].score, keyword: 'card' },
    ]);
    assert.ok(s.identifiers.includes('EmailAddress'));
    assert.equal(s.mask(''), '');
    assert.deepEqual(s.scan(''), []);
    s.close();
  });

  test('offsets are UTF-8 byte offsets; bytes in, bytes out', () => {
    const s = mod.compile({ identifiers: ['EmailAddress'] });
    const text = 'é→ jane@example.com';
    const [f] = s.scan(text);
    const bytes = new TextEncoder().encode(text);
    assert.equal(new TextDecoder().decode(bytes.subarray(f.start, f.end)), 'jane@example.com');
    assert.equal(f.start, 6);
    assert.equal(f.keyword, null);
    const masked = s.mask(bytes);
    assert.ok(masked instanceof Uint8Array);
    assert.equal(new TextDecoder().decode(masked), 'é→ ****************');
    assert.deepEqual(s.scan(bytes), s.scan(text));
  });

  test('custom identifiers, policies and minScore', () => {
    const s = mod.compile({ identifiers: ['Ssn-US'], custom: [{ name: 'EmployeeId', regex: 'EMP-[0-9]{6}' }] });
    assert.deepEqual(s.identifiers, ['Ssn-US', 'EmployeeId']);
    assert.equal(s.mask('EMP-123456 ssn 536-22-1234 jane@example.com'), '********** ssn *********** jane@example.com');
    const policyText = readFileSync(repo('policy/testdata/loggroup-custom.json'), 'utf8');
    for (const policy of [policyText, JSON.parse(policyText)]) {
      const p = mod.compile({ policy });
      assert.deepEqual(p.identifiers, ['Ssn-US', 'CreditCardNumber', 'EmployeeId', 'Internal_Ticket']);
      assert.equal(p.mask('TKT-ABC-123456 jane@example.com'), '************** jane@example.com');
    }
    const all = mod.compile().scan('ssn 536-22-1234 dob 1985-07-23');
    const high = mod.compile({ minScore: 0.99 }).scan('ssn 536-22-1234 dob 1985-07-23');
    assert.ok(high.length < all.length || all.every((f) => f.score >= 0.99));
  });

  test('errors', () => {
    const code = (fn) => {
      try {
        fn();
      } catch (e) {
        return e instanceof PiiGuardError ? e.codeName : e.constructor.name;
      }
      return 'no error';
    };
    assert.equal(code(() => mod.compile({ identifiers: ['Ssn-UK'] })), 'INVALID_CONFIG');
    assert.equal(code(() => mod.compile({ custom: [{ name: 'A', regex: '((' }] })), 'INVALID_CONFIG');
    assert.equal(code(() => mod.compile({ policy: { Name: 'x' } })), 'INVALID_POLICY');
    assert.equal(code(() => mod.compile({ policy: 'not json' })), 'INVALID_POLICY');
    assert.equal(code(() => mod.compileJSON('{')), 'INVALID_CONFIG');
    const policy = readFileSync(repo('policy/testdata/loggroup-custom.json'), 'utf8');
    assert.equal(code(() => mod.compile({ policy, identifiers: ['EmailAddress'] })), 'INVALID_CONFIG');
    // The hash mask style needs a key, which ABI 1.0 cannot pass.
    assert.equal(code(() => mod.compile({ policy: readFileSync(repo('policy/testdata/extended.json'), 'utf8') })), 'UNSUPPORTED');
    assert.equal(code(() => mod.compile({ identifier: ['EmailAddress'] })), 'TypeError');
    assert.equal(code(() => mod.compile().scan(42)), 'TypeError');
    const s = mod.compile({ identifiers: ['EmailAddress'] });
    s.close();
    s.close(); // idempotent
    assert.equal(code(() => s.scan('x')), 'INVALID_HANDLE');
    try {
      mod.compile({ identifiers: ['Ssn-UK'] });
    } catch (e) {
      assert.equal(e.code, ErrorCode.INVALID_CONFIG);
      assert.match(e.message, /unknown managed identifier "Ssn-UK"/);
    }
    // The module still works after errors.
    assert.equal(mod.compile({ identifiers: ['EmailAddress'] }).mask('a@example.com'), '*************');
  });

  test('large inputs grow the buffer and memory', () => {
    const s = mod.compile({ identifiers: ['EmailAddress'] });
    const line = 'user jane@example.com from the web é ok\n';
    const big = line.repeat(50_000); // 2 MB
    const masked = s.mask(big);
    assert.equal(masked, 'user **************** from the web é ok\n'.repeat(50_000));
    assert.equal(s.scan(big).length, 50_000);
    assert.equal(s.mask(line), 'user **************** from the web é ok\n'); // small again
  });

  test('compile() shares one module', async () => {
    const a = await compile({ identifiers: ['EmailAddress'] });
    const b = await compile();
    assert.equal(a.mask('x a@example.com'), b.mask('x a@example.com'));
  });

  test('load() from bytes', async () => {
    const m = await load({ bytes: readFileSync(modulePath) });
    assert.equal(m.compile().mask('ssn 536-22-1234'), 'ssn ***********');
  });

  test('examples/node/mask-log.mjs', () => {
    const log = repo('examples/logs/app.log');
    const out = execFileSync(process.execPath, [repo('examples/node/mask-log.mjs'), '--identifiers', 'EmailAddress,Ssn-US', log], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const s = mod.compile({ identifiers: ['EmailAddress', 'Ssn-US'] });
    const want = readFileSync(log, 'utf8').split('\n');
    if (want.at(-1) === '') want.pop();
    assert.equal(out, want.map((l) => s.mask(l) + '\n').join(''));
    assert.doesNotMatch(out, /maria\.garcia@example\.org/);
  });

  // The native build's output (build/wasm-golden.json, written by `make
  // test-wasm` with go run ./wasm/internal/golden) must be what the module
  // gives through this host.
  const goldenPath = process.env.PIIGUARD_GOLDEN ?? repo('build/wasm-golden.json');
  test('same findings and masks as the native build', { skip: !existsSync(goldenPath) && 'no golden file: run `make test-wasm`' }, () => {
    const golden = JSON.parse(readFileSync(goldenPath, 'utf8'));
    const scanners = new Map(golden.configs.map((c) => [c.name, mod.compileJSON(JSON.stringify(c.config))]));
    let n = 0;
    for (const c of golden.cases) {
      const s = scanners.get(c.config);
      const text = c.file ? readFileSync(c.file) : c.text;
      const got = s.scan(text).map((f) => [f.identifier, f.start, f.end, Math.round(f.score * 1e6), f.keyword]);
      assert.deepEqual(got, c.findings, `${c.config} ${c.name}: findings`);
      const masked = s.mask(text);
      if (c.masked_sha256) {
        assert.equal(createHash('sha256').update(masked).digest('hex'), c.masked_sha256, `${c.config} ${c.name}: mask`);
      } else {
        assert.equal(masked, c.masked, `${c.config} ${c.name}: mask`);
      }
      n++;
    }
    assert.ok(n > 100);
  });
});
