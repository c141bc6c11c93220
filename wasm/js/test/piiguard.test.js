// Tests of the Node.js host: node --test test/ (make test-wasm builds the
// module and the golden file first).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test, describe, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { WASI } from 'node:wasi';

import { ABI_MAJOR, ErrorCode, Module, PiiGuardError, compile, defaultModulePath, instantiate, load } from '../node.js';

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
      {
        identifier: 'CreditCardNumber', start: 5, end: 24, score: s.scan('card 4929 3812 6548 1006')[0].score, keyword: 'card',
        value: '4929 3812 6548 1006', charStart: 5, charEnd: 24,
      },
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
    // The hash mask style needs a key.
    assert.equal(code(() => mod.compile({ policy: readFileSync(repo('policy/testdata/extended.json'), 'utf8') })), 'UNSUPPORTED');
    assert.equal(code(() => mod.compile({ style: 'token' })), 'UNSUPPORTED');
    assert.equal(code(() => mod.compile({ style: 'token', key: new Uint8Array(32).fill(7) })), 'INVALID_KEY');
    assert.equal(code(() => mod.compile({ style: 'token', key: 'not bytes' })), 'TypeError');
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

  test('findings carry their value and string offsets (UTF-16)', () => {
    const s = mod.compile({ identifiers: ['EmailAddress', 'Ssn-US'] });
    for (const text of ['é→ jane@example.com ssn 536-22-1234', '😀 \ud800 x jane@example.com', 'plain jane@example.com']) {
      const fs = s.scan(text);
      assert.ok(fs.length >= 1, text);
      for (const f of fs) {
        assert.equal(text.slice(f.charStart, f.charEnd), f.value);
        assert.ok(['jane@example.com', '536-22-1234'].includes(f.value), f.value);
      }
      const bytes = new TextEncoder().encode(text);
      for (const [i, f] of s.scan(bytes).entries()) {
        assert.equal(f.value, fs[i].value);
        assert.equal(new TextDecoder().decode(bytes).slice(f.charStart, f.charEnd), f.value);
      }
    }
  });

  // Several identifiers can report one span; the offsets of such
  // overlapping findings are counted from the last finding's start (not
  // the start of the text, which made a call quadratic in its findings).
  test('string offsets of overlapping findings', () => {
    const s = mod.compile();
    const line = 'é driver license D1234567 passport C01234567 😀 NHS 943 476 5919 ITIN 912-70-1234 ';
    for (const text of [line, line.repeat(50)]) {
      const fs = s.scan(text);
      const overlaps = fs.filter((f, i) => i > 0 && f.start < fs[i - 1].end).length;
      assert.ok(overlaps >= 2, `${overlaps} overlapping findings`);
      const bytes = new TextEncoder().encode(text);
      const bfs = s.scan(bytes);
      assert.equal(bfs.length, fs.length);
      const dec = new TextDecoder();
      for (const [i, f] of fs.entries()) {
        const charStart = dec.decode(bytes.subarray(0, f.start)).length;
        const value = dec.decode(bytes.subarray(f.start, f.end));
        assert.deepEqual([f.charStart, f.charEnd, f.value], [charStart, charStart + value.length, value]);
        assert.deepEqual([bfs[i].charStart, bfs[i].charEnd, bfs[i].value], [f.charStart, f.charEnd, f.value]);
      }
    }
  });

  test('ABI 1.1: a key, hash and token styles, unmask, JSON masking, audit reports', () => {
    assert.ok(mod.abiVersion.minor >= 1);
    const key = new Uint8Array(32).map((_, i) => (i * 37 + 11) & 0xff);
    const text = 'mail jane@example.com ssn 536-22-1234';
    const h = mod.compile({ style: 'hash', key });
    assert.match(h.mask(text), /^mail <hash:EmailAddress:[^>]+> ssn <hash:Ssn-US:[^>]+>$/);
    const t = mod.compile({ style: 'token', key });
    const masked = t.mask(text);
    assert.doesNotMatch(masked, /jane|536/);
    assert.equal(t.unmask(masked), text);
    assert.equal(t.unmask(new TextEncoder().encode(masked)).length, text.length);
    // The caller's key is left as it was; errors never hold key bytes.
    assert.equal(key[1], 48);
    try {
      mod.compile({ style: 'rot13', key });
      assert.fail('no error');
    } catch (e) {
      assert.equal(e.codeName, 'INVALID_CONFIG');
      assert.doesNotMatch(e.message, /0b30|11, 48/);
    }
    try {
      t.unmask('a <pii:v1:EmailAddress:SECRETPAYLOAD> b');
      assert.fail('no error');
    } catch (e) {
      assert.equal(e.codeName, 'INVALID_TOKEN');
      assert.doesNotMatch(e.message, /SECRET/);
    }
    assert.equal(code11(() => mod.compile().unmask('x')), 'UNSUPPORTED');
    const s = mod.compile({ resourceArn: 'arn:aws:logs:us-east-1:111122223333:log-group:app' });
    const event = '{"user":{"email":"jane@example.com"},"ssn":"536-22-1234","n":1}';
    const mj = s.maskJSON(event);
    assert.equal(mj, '{"user":{"email":"****************"},"ssn":"***********","n":1}');
    assert.equal(code11(() => s.maskJSON('not json')), 'INVALID_JSON');
    const r = s.audit('é jane@example.com');
    assert.equal(r.resourceArn, 'arn:aws:logs:us-east-1:111122223333:log-group:app');
    assert.deepEqual(r.dataIdentifiers, [{ name: 'EmailAddress', count: 1, detections: [{ start: 2, end: 18 }] }]);
    assert.equal(s.audit('nothing'), null);
  });

  const code11 = (fn) => {
    try {
      fn();
    } catch (e) {
      return e instanceof PiiGuardError ? e.codeName : e.constructor.name;
    }
    return 'no error';
  };

  test('ABI 1.2: scanBatch and maskBatch give what scan and mask give for each record', () => {
    assert.ok(mod.abiVersion.minor >= 2);
    const s = mod.compile();
    const lines = [
      'login jane@example.com from 203.0.113.42',
      '',
      'é→ ssn 536-22-1234 😀 card 4929 3812 6548 1006',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\nssn 536-22-1234\n',
      'nothing here',
    ];
    const records = [...lines, ...lines.map((l) => new TextEncoder().encode(l))];
    const found = s.scanBatch(records);
    const masked = s.maskBatch(records);
    assert.equal(found.length, records.length);
    records.forEach((r, i) => {
      assert.deepEqual(found[i], s.scan(r), `record ${i}: findings`);
      assert.deepEqual(masked[i], s.mask(r), `record ${i}: mask`);
    });
    assert.ok(found[2].length >= 2);
    assert.equal(typeof masked[0], 'string');
    assert.ok(masked[5] instanceof Uint8Array);
    assert.deepEqual(s.scanBatch([]), []);
    assert.deepEqual(s.maskBatch([]), []);
    assert.throws(() => s.scanBatch('one string'), TypeError);
    assert.throws(() => s.maskBatch([1]), TypeError);
    // Loghub's lines (when present): the batch gives each line's findings.
    const dir = process.env.PIIGUARD_LOGHUB ?? repo('../shared/corpus/loghub');
    if (existsSync(dir)) {
      const f = readFileSync(`${dir}/OpenSSH_2k.log`);
      const ls = [];
      for (let i = 0, j; i < f.length; i = j + 1) {
        j = f.indexOf(10, i);
        if (j < 0) j = f.length - 1;
        ls.push(f.subarray(i, j + 1));
      }
      const fb = s.scanBatch(ls);
      const mb = s.maskBatch(ls);
      let n = 0;
      ls.forEach((l, i) => {
        assert.deepEqual(fb[i], s.scan(l), `OpenSSH line ${i}`);
        assert.deepEqual(mb[i], s.mask(l), `OpenSSH line ${i}: mask`);
        n += fb[i].length;
      });
      assert.ok(n > 100, `${n} findings`);
    }
  });

  test('batches with a module before ABI 1.2: one call per record, same results', async () => {
    const m = await load();
    m.abiVersion = Object.freeze({ major: 1, minor: 1 });
    const s = m.compile({ identifiers: ['EmailAddress'] });
    assert.deepEqual(s.maskBatch(['x jane@example.com', '']), ['x ****************', '']);
    assert.equal(s.scanBatch(['x jane@example.com'])[0][0].value, 'jane@example.com');
  });

  // A finding may end in, or start after, part of an invalid UTF-8
  // sequence: X\xe2 below, then \x82, which TextDecoder decodes with \xe2
  // as one U+FFFD. Offsets are into the whole text's decoding, so values
  // and offsets cover that U+FFFD whole (they were counted piece by piece,
  // which counted it twice and shifted every later finding).
  test('string offsets of bytes with findings cutting an invalid UTF-8 sequence', () => {
    const s = mod.compileJSON(JSON.stringify({ identifiers: ['EmailAddress'], custom: [{ name: 'Dot', regex: 'X.' }] }));
    const enc = new TextEncoder();
    const dec = new TextDecoder();
    const cases = [
      [0x58, 0xe2, 0x82, 0x59, 0x20, ...enc.encode('jane@example.com')],
      [0x20, 0xf0, 0x9f, 0x58, 0x98, 0x80, 0x20, ...enc.encode('jane@example.com'), 0xe2, 0x82],
      [0x58, 0xf0, 0x9f, 0x98, 0x20, ...enc.encode('a@example.com'), 0x20, 0x58, 0xed, 0x9f, 0x20],
    ];
    for (const c of cases) {
      const bytes = new Uint8Array(c);
      const whole = dec.decode(bytes);
      const fs = s.scan(bytes);
      assert.ok(fs.some((f) => f.identifier === 'EmailAddress'), JSON.stringify(fs));
      for (const f of fs) {
        assert.equal(whole.slice(f.charStart, f.charEnd), f.value, JSON.stringify(f));
        assert.ok(f.charStart <= f.charEnd);
      }
      assert.deepEqual(s.scanBatch([bytes])[0], fs);
    }
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

  // Input buffers hold up to 2^30 bytes (wasm/ABI.md §10): a string of
  // more than a third of that in UTF-16 code units fits when its UTF-8
  // does (the host reserved 3 bytes per code unit, and refused it).
  test('a string of more than 2^30/3 ASCII characters scans', () => {
    const s = mod.compile({ identifiers: ['EmailAddress'] });
    const pad = Math.floor(2 ** 30 / 3) + 1;
    const text = 'x'.repeat(pad) + ' jane@example.com';
    const fs = s.scan(text);
    assert.deepEqual(fs.map((f) => [f.start, f.charStart, f.value]), [[pad + 1, pad + 1, 'jane@example.com']]);
    assert.deepEqual(s.scanBatch([text, 'a@example.com']).map((r) => r.length), [1, 1]);
    assert.throws(() => s.scan('\u20ac'.repeat(Math.floor(2 ** 30 / 3) + 1)), (e) => e instanceof PiiGuardError && e.code === ErrorCode.INVALID_ARGUMENT);
  });

  // A call that traps or exits (the Go runtime out of memory, a WASI
  // import that throws: a host's interruption) leaves the instance in an
  // unknown state (wasm/ABI.md §7): every later call throws, naming what
  // happened, instead of running on in it.
  test('after a trap the module refuses every call', async () => {
    const wasi = new WASI({ version: 'preview1', args: [], env: {}, returnOnExit: true });
    let interrupt = false;
    const imports = {
      ...wasi.wasiImport,
      clock_time_get: (...args) => {
        if (interrupt) throw new Error('interrupted by the host');
        return wasi.wasiImport.clock_time_get(...args);
      },
    };
    const m = await instantiate(readFileSync(modulePath), { imports, initialize: (i) => wasi.initialize(i) });
    const s = m.compile({ identifiers: ['EmailAddress'] });
    assert.equal(s.mask('a jane@example.com'), 'a ****************');
    assert.equal(m.stopped, undefined);
    interrupt = true;
    assert.throws(() => s.audit('a jane@example.com'), /interrupted by the host/);
    interrupt = false;
    assert.match(m.stopped, /^piiguard_audit stopped the instance \(interrupted by the host\)$/);
    for (const call of [() => s.mask('a jane@example.com'), () => s.scanBatch(['x']), () => m.compile(), () => s.close()]) {
      assert.throws(call, (e) => !(e instanceof PiiGuardError) && /unusable/.test(e.message) && /piiguard_audit/.test(e.message));
    }
  });

  // A compile with a key that traps still overwrites the key's buffer:
  // the trapped instance's memory, which the Module keeps, holds no key
  // bytes. (The trap is simulated: the export runs, then throws as a trap
  // does.)
  test('a trap while compiling with a key leaves no key bytes in memory', async () => {
    const wasi = new WASI({ version: 'preview1', args: [], env: {}, returnOnExit: true });
    let instance;
    await instantiate(readFileSync(modulePath), {
      imports: wasi.wasiImport,
      initialize: (i) => {
        instance = i;
        wasi.initialize(i);
      },
    });
    const x = instance.exports;
    const allocs = [];
    const exports = {
      ...x,
      piiguard_alloc: (n) => {
        const p = x.piiguard_alloc(n);
        allocs.push([p >>> 0, n]);
        return p;
      },
      piiguard_compile_keyed: (...args) => {
        x.piiguard_compile_keyed(...args);
        throw new WebAssembly.RuntimeError('unreachable');
      },
    };
    const m = new Module({ exports });
    const key = new Uint8Array(32).map((_, i) => 0xa0 + ((i * 7) % 31));
    assert.throws(() => m.compile({ style: 'token', key }), /unusable: piiguard_compile_keyed stopped the instance \(unreachable\)/);
    const [kp] = allocs.find(([, n]) => n === key.length);
    assert.deepEqual(new Uint8Array(x.memory.buffer, kp, key.length), new Uint8Array(key.length));
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

  // README: a process may have V8 validate the module lazily
  // (--wasm-lazy-validation) to start faster; the module must work the same.
  test('same scans under node --wasm-lazy-validation', () => {
    const texts = ['mail jane@example.com', 'Contact: John Smith, 1 Main St, Springfield, IL 62704', 'card 4929 3812 6548 1006, ssn 536-22-1234'];
    const script = `import { load } from ${JSON.stringify(new URL('../node.js', import.meta.url).href)};
const s = (await load({ path: ${JSON.stringify(modulePath)} })).compile();
console.log(JSON.stringify(${JSON.stringify(texts)}.map((t) => [s.scan(t), s.mask(t)])));`;
    const out = execFileSync(process.execPath, ['--no-warnings', '--wasm-lazy-validation', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const s = mod.compile();
    const want = texts.map((t) => [s.scan(t), s.mask(t)]);
    assert.ok(want.every(([found]) => found.length > 0));
    assert.deepEqual(JSON.parse(out), want);
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
    const hexKey = (h) => (h ? Uint8Array.from(h.match(/../g), (x) => parseInt(x, 16)) : undefined);
    const scanners = new Map(golden.configs.map((c) => [c.name, mod.compileJSON(JSON.stringify(c.config), hexKey(c.key))]));
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
      if (c.json_event !== undefined) {
        // ABI 1.1: JSON masking, audit reports, unmasking.
        let mj = null;
        try {
          mj = s.maskJSON(c.json_event);
        } catch (e) {
          if (!(e instanceof PiiGuardError) || e.codeName !== 'INVALID_JSON') throw e;
        }
        assert.equal(mj, c.masked_json ?? null, `${c.config} ${c.name}: maskJSON`);
        const r = s.audit(text);
        if (r !== null) r.auditTimestamp = '';
        assert.deepEqual(r, c.audit, `${c.config} ${c.name}: audit`);
        if (c.config === 'token' || c.config === 'keyed-policy') {
          let u = null;
          try {
            u = s.unmask(masked);
          } catch (e) {
            if (!(e instanceof PiiGuardError) || e.codeName !== 'INVALID_TOKEN') throw e;
          }
          assert.equal(u, c.unmasked ?? null, `${c.config} ${c.name}: unmask`);
        }
      }
      // Values and string offsets agree with the byte offsets.
      if (typeof text === 'string') {
        const bytes = new TextEncoder().encode(text);
        for (const f of s.scan(text)) {
          assert.equal(f.value, new TextDecoder().decode(bytes.subarray(f.start, f.end)));
          assert.equal(text.slice(f.charStart, f.charEnd), f.value);
        }
      }
      n++;
    }
    assert.ok(n > 100);
    // ABI 1.2: each configuration's inline texts in one batch.
    for (const [name, s] of scanners) {
      const cases = golden.cases.filter((c) => c.config === name && !c.file);
      const texts = cases.map((c) => c.text);
      const found = s.scanBatch(texts);
      const masked = s.maskBatch(texts);
      cases.forEach((c, i) => {
        const got = found[i].map((f) => [f.identifier, f.start, f.end, Math.round(f.score * 1e6), f.keyword]);
        assert.deepEqual(got, c.findings, `${name} ${c.name}: batch findings`);
        assert.equal(masked[i], c.masked, `${name} ${c.name}: batch mask`);
      });
    }
  });
});
