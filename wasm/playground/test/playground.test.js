// Tests of the browser playground: node --test test/ (make test-playground
// builds the module, installs Chromium and playwright-core first).
//
// 1. The WASI shim (wasi.js) in Node: it implements every import of
//    piiguard.wasm, and the module behaves under it as under node:wasi.
// 2. The page end to end in headless Chromium (Debian's /usr/bin/chromium, or
//    $CHROMIUM) driven by playwright-core: findings highlighted, masked
//    output, identifier choice, errors for a bad custom regex and an invalid
//    policy, no request beyond the page's own origin. Screenshots go to
//    $PIIGUARD_SCREENSHOT (default build/playground/screenshot.png) and
//    screenshot-error.png beside it.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { instantiate } from '../../js/core.js';
import { defaultModulePath, load } from '../../js/node.js';
import { startServer } from '../server.mjs';
import { IMPLEMENTED, WasiExit, createWasi } from '../wasi.js';

const repo = (rel) => fileURLToPath(new URL(`../../../${rel}`, import.meta.url));

let modulePath;
try {
  modulePath = defaultModulePath();
} catch {
  modulePath = undefined;
}
const noModule = modulePath === undefined ? 'wasm/piiguard.wasm not built: run `make wasm`' : false;

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const noBrowser = noModule || (existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM}: install Debian's chromium (make test-playground does, as root) or set CHROMIUM`);
if (noBrowser && !noModule) console.log(`# SKIP browser test: ${noBrowser}`);

const SCREENSHOT = process.env.PIIGUARD_SCREENSHOT || repo('build/playground/screenshot.png');

// A log with an email, an SSN near "ssn", a card number near "card", an
// employee ID for a custom identifier, and non-ASCII text before the
// findings (UTF-8 byte offsets differ from string offsets).
const LOG = `2026-11-02T10:15:04Z INFO auth: connexion réussie → user=jane.doe@example.com
2026-11-02T10:15:05Z INFO kyc: tier 𝔸 identity verified, ssn 536-22-1234 on file
2026-11-02T10:15:07Z WARN billing: charge retried, card 4929 3812 6548 1006 exp 09/28
2026-11-02T10:15:09Z INFO support: ticket assigned to EMP-004211
`;

const MASKED_ALL = `2026-11-02T10:15:04Z INFO auth: connexion réussie → user=********************
2026-11-02T10:15:05Z INFO kyc: tier 𝔸 identity verified, ssn *********** on file
2026-11-02T10:15:07Z WARN billing: charge retried, card ******************* exp 09/28
2026-11-02T10:15:09Z INFO support: ticket assigned to EMP-004211
`;

describe('WASI shim (wasi.js) in Node', { skip: noModule }, () => {
  let bytes;
  before(() => {
    bytes = readFileSync(modulePath);
  });

  test('implements every import of piiguard.wasm', () => {
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(bytes));
    assert.ok(imports.length > 0);
    for (const imp of imports) {
      assert.equal(imp.module, 'wasi_snapshot_preview1', `${imp.module}.${imp.name}`);
      assert.ok(IMPLEMENTED.includes(imp.name), `wasi.js does not implement ${imp.name}`);
    }
  });

  test('the module behaves as under node:wasi', async () => {
    const wasi = createWasi({ onStdout: () => {}, onStderr: () => {} });
    const mod = await instantiate(bytes, wasi);
    const ref = await load({ bytes });
    for (const config of [{}, { identifiers: ['EmailAddress'], custom: [{ name: 'EmployeeId', regex: 'EMP-\\d{6}' }] }]) {
      const a = mod.compile(config);
      const b = ref.compile(config);
      assert.deepEqual(a.identifiers, b.identifiers);
      assert.deepEqual(a.scan(LOG), b.scan(LOG));
      assert.equal(a.mask(LOG), b.mask(LOG));
    }
    assert.equal(mod.compile().mask(LOG), MASKED_ALL);
    for (const name of Object.keys(wasi.calls)) assert.ok(IMPLEMENTED.includes(name), `called ${name}`);
    assert.ok(wasi.calls.clock_time_get > 0 && wasi.calls.random_get > 0);
    assert.equal(wasi.stderr, '');
    // proc_exit, as the Go runtime calls it on a fatal error, ends the instance.
    assert.throws(() => wasi.imports.proc_exit(2), (e) => e instanceof WasiExit && e.code === 2);
  });
});

describe('playground page in headless Chromium', { skip: noBrowser }, () => {
  let chromium;
  let browser;
  let page;
  let origin;
  let server;
  const requests = [];
  const problems = []; // console errors and page errors

  before(async () => {
    ({ chromium } = await import('playwright-core'));
    ({ server, url: origin } = await startServer({ wasm: modulePath }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Playwright starts Chromium with a new, empty user data directory.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, colorScheme: 'light' });
    context.on('request', (r) => requests.push(r.url()));
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(`${origin}/playground/`);
    await page.waitForFunction(() => ['ready', 'error'].includes(document.body.dataset.state), null, { timeout: 60_000 });
    assert.equal(await page.getAttribute('body', 'data-state'), 'ready', await page.textContent('#status'));
    await page.uncheck('#live'); // runs happen on clicks below, one at a time
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  // Clicks "Find and mask" and waits for the run to end; returns the state.
  async function run() {
    await page.click('#run');
    await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.state), null, { timeout: 60_000 });
    return page.getAttribute('body', 'data-state');
  }

  const marks = () => page.$$eval('#highlighted mark', (ms) => ms.map((m) => [m.dataset.identifier, m.textContent]));
  const legend = () => page.$$eval('#legend li', (ls) => ls.map((l) => `${l.dataset.identifier} ×${l.querySelector('.count').textContent}`));
  const masked = () => page.textContent('#masked');
  const error = async () => ((await page.isHidden('#error')) ? null : { title: await page.textContent('#error-title'), message: await page.textContent('#error-message') });

  test('loads the module and lists its catalog', async () => {
    const ref = (await load({ bytes: readFileSync(modulePath) })).compile();
    assert.match(await page.textContent('#status'), new RegExp(`ABI 1\\.\\d+\\) loaded and its ${ref.identifiers.length} managed identifiers`));
    const names = await page.$$eval('#catalog input[type=checkbox]', (cs) => cs.map((c) => c.value));
    assert.deepEqual(names, [...ref.identifiers]);
    for (const n of ['EmailAddress', 'Ssn-US', 'CreditCardNumber']) assert.ok(names.includes(n), n);
  });

  test('highlights the findings and masks them (all managed identifiers)', async () => {
    await page.fill('#log', LOG);
    assert.equal(await run(), 'done');
    assert.equal(await error(), null);
    assert.deepEqual(await marks(), [
      ['EmailAddress', 'jane.doe@example.com'],
      ['Ssn-US', '536-22-1234'],
      ['CreditCardNumber', '4929 3812 6548 1006'],
    ]);
    // Tooltips: identifier, score, keyword and UTF-8 byte offsets.
    const titles = await page.$$eval('#highlighted mark', (ms) => ms.map((m) => m.dataset.tip));
    assert.match(titles[0], /^EmailAddress · score 0\.\d\d · bytes 60–80$/);
    assert.match(titles[1], /^Ssn-US · score 0\.\d\d · keyword "ssn" · bytes 145–156$/);
    assert.match(titles[2], /^CreditCardNumber · score 0\.\d\d · keyword "card" · bytes 221–240$/);
    // The highlighted text is the log itself; the legend names what was found.
    assert.equal(await page.textContent('#highlighted'), LOG);
    assert.deepEqual(await legend(), ['CreditCardNumber ×1', 'EmailAddress ×1', 'Ssn-US ×1']);
    assert.equal(await masked(), MASKED_ALL);
    assert.equal(await page.$$eval('#findings tr', (rs) => rs.length), 3);
    assert.match(await page.textContent('#stats'), /^3 findings · /);
    await page.click('#details summary'); // the findings table, shown for the screenshot
    await page.hover('#highlighted mark[data-identifier="Ssn-US"]');
    assert.equal(await page.isVisible('#tip'), true);
    assert.equal(await page.textContent('#tip'), titles[1]);
    assert.deepEqual(await page.$$eval('#legend li.active', (ls) => ls.map((l) => l.dataset.identifier)), ['Ssn-US']);
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  test('chosen identifiers and a custom identifier', async () => {
    await page.check('input[name=mode][value=chosen]');
    await page.click('#select-none');
    await page.check('#catalog input[value="EmailAddress"]');
    await page.fill('#custom', 'EmployeeId: EMP-\\d{6}');
    assert.equal(await run(), 'done');
    assert.deepEqual(await marks(), [
      ['EmailAddress', 'jane.doe@example.com'],
      ['EmployeeId', 'EMP-004211'],
    ]);
    assert.deepEqual(await legend(), ['EmailAddress ×1', 'EmployeeId ×1']);
    const out = await masked();
    assert.match(out, /user=\*{20}\n/);
    assert.match(out, /ssn 536-22-1234 /);
    assert.match(out, /assigned to \*{10}\n/);
    // Filtering the catalog.
    await page.fill('#filter', 'ssn');
    const visible = await page.$$eval('#catalog label:not([hidden])', (ls) => ls.map((l) => l.textContent.trim()));
    assert.deepEqual(visible, ['Ssn-ES', 'Ssn-US']);
    await page.fill('#filter', '');
  });

  test('shows an invalid custom regex', async () => {
    await page.fill('#custom', 'EmployeeId: EMP-(\\d{6}');
    assert.equal(await run(), 'error');
    const e = await error();
    assert.equal(e.title, 'Invalid custom identifier');
    assert.match(e.message, /custom\[0\]: EmployeeId: custom identifier regex is invalid: .*missing closing \)/);
    assert.equal(await page.getAttribute('#masked', 'class'), 'text stale');
    await page.fill('#custom', 'EmployeeId EMP-\\d{6}');
    assert.equal(await run(), 'error');
    assert.match((await error()).message, /line 1: expected "Name: regex"/);
    await page.fill('#custom', '');
  });

  test('applies a policy, and shows an invalid one', async () => {
    await page.check('input[name=mode][value=policy]');
    assert.equal(await page.isVisible('#custom'), false);
    await page.fill('#policy', readFileSync(repo('policy/testdata/loggroup-custom.json'), 'utf8'));
    assert.equal(await run(), 'done');
    assert.equal(await error(), null);
    assert.deepEqual(await marks(), [
      ['Ssn-US', '536-22-1234'],
      ['CreditCardNumber', '4929 3812 6548 1006'],
    ]);
    assert.match(await masked(), /user=jane\.doe@example\.com\n.*ssn \*{11} .*card \*{19} /s);

    // A policy that breaks CloudWatch's rules: the module's message, with the JSON path.
    await page.fill('#policy', '{ "Name": "broken", "Version": "2021-06-01", "Statement": [] }');
    assert.equal(await run(), 'error');
    let e = await error();
    assert.equal(e.title, 'Invalid policy');
    assert.match(e.message, /Statement: must have exactly 2 statements, the Audit statement then the Deidentify statement; has 0/);
    assert.equal(await page.getAttribute('#highlighted', 'class'), 'text stale');
    assert.match(await page.textContent('#stats'), /last successful run/);

    // Not JSON at all.
    await page.fill('#policy', '{ "Name": "broken", ');
    assert.equal(await run(), 'error');
    e = await error();
    assert.equal(e.title, 'Invalid policy');
    assert.match(e.message, /invalid JSON/);
    await page.screenshot({ path: join(dirname(SCREENSHOT), 'screenshot-error.png'), fullPage: true });

    // The page's example policy and sample log.
    await page.click('#policy-example');
    await page.click('#sample');
    assert.equal(await run(), 'done');
    assert.equal(await error(), null);
    assert.deepEqual(
      (await marks()).map(([id]) => id),
      ['Ssn-US', 'CreditCardNumber', 'EmployeeId'],
    );
  });

  test('updates as one types', async () => {
    await page.check('input[name=mode][value=all]');
    await page.check('#live');
    await page.fill('#log', 'contact ops@example.org now');
    await page.waitForFunction(() => document.querySelector('#masked').textContent === 'contact *************** now', null, { timeout: 60_000 });
    assert.equal(await error(), null);
    assert.deepEqual(await marks(), [['EmailAddress', 'ops@example.org']]);
  });

  test('loads only its own files, without errors', () => {
    const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:'));
    assert.deepEqual(foreign, []);
    const paths = new Set(requests.map((u) => (u.startsWith(origin) ? new URL(u).pathname : u)));
    for (const p of ['/playground/', '/playground/app.js', '/playground/worker.js', '/playground/wasi.js', '/js/core.js', '/piiguard.wasm']) {
      assert.ok(paths.has(p), `${p} not loaded: ${[...paths].join(', ')}`);
    }
    assert.deepEqual(problems, []);
  });
});
