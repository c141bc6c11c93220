// Throughput of the module under Node.js on the loghub corpus:
//   node wasm/js/bench/throughput.mjs [corpus-dir]
// Prints start-up time and MB/s (of input, best of 5 passes, and per CPU-second) for scan and
// mask, one call per file, one call per line, and one call per batch of 100 lines (scanBatch,
// maskBatch: ABI 1.2).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { load } from '../node.js';

const dir = process.argv[2] ?? fileURLToPath(new URL('../../../../shared/corpus/loghub', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.log')).sort().map((f) => readFileSync(join(dir, f)));
const total = files.reduce((n, f) => n + f.length, 0);
const lines = files.flatMap((f) => {
  const out = [];
  let i = 0;
  for (let j; (j = f.indexOf(10, i)) >= 0; i = j + 1) out.push(f.subarray(i, j + 1));
  if (i < f.length) out.push(f.subarray(i));
  return out;
});

let t0 = performance.now();
const mod = await load();
const s = mod.compile();
s.scan('jane@example.com');
console.log(`start-up (load + compile all + first scan): ${(performance.now() - t0).toFixed(0)} ms`);

// Best of 5 passes after a warm-up pass (best, not mean: machines are
// shared), and the median MB per CPU-second of the process (user and
// system time, every thread), which other load disturbs far less.
function measure(name, fn, inputs) {
  let best = Infinity;
  const cpu = [];
  for (let pass = 0; pass < 6; pass++) {
    const t = performance.now();
    const c = process.cpuUsage();
    for (const x of inputs) fn(x);
    const d = performance.now() - t;
    const u = process.cpuUsage(c);
    if (pass > 0) {
      best = Math.min(best, d);
      cpu.push((u.user + u.system) / 1e6);
    }
  }
  cpu.sort((a, b) => a - b);
  const median = cpu[cpu.length >> 1];
  console.log(`${name}: ${(total / 1e6 / (best / 1000)).toFixed(1)} MB/s, ${(total / 1e6 / median).toFixed(1)} MB per CPU-second`);
}

measure('scan, per file', (x) => s.scan(x), files);
measure('mask, per file', (x) => s.mask(x), files);
measure('scan, per line', (x) => s.scan(x), lines);
measure('mask, per line', (x) => s.mask(x), lines);
const batches = [];
for (let i = 0; i < lines.length; i += 100) batches.push(lines.slice(i, i + 100));
measure('scan, per line in batches of 100', (x) => s.scanBatch(x), batches);
measure('mask, per line in batches of 100', (x) => s.maskBatch(x), batches);
