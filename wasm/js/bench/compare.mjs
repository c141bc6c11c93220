// Builds of the module against each other under Node.js, in one process:
//   node wasm/js/bench/compare.mjs a.wasm b.wasm ... [-- corpus-dir]
// For each operation and granularity, passes over the loghub corpus
// alternate between the modules (so that other load on a shared machine
// falls on each alike); each pass is timed in CPU time of the process
// (user and system, every thread). Prints the median and the spread of 7
// passes after a warm-up, in MB of input per CPU-second.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { load } from '../node.js';

const args = process.argv.slice(2);
const sep = args.indexOf('--');
const paths = sep < 0 ? args : args.slice(0, sep);
const dir = sep < 0 ? fileURLToPath(new URL('../../../../shared/corpus/loghub', import.meta.url)) : args[sep + 1];
if (paths.length === 0) {
  console.error('usage: node compare.mjs a.wasm b.wasm ... [-- corpus-dir]');
  process.exit(2);
}
const files = readdirSync(dir).filter((f) => f.endsWith('.log')).sort().map((f) => readFileSync(join(dir, f)));
const total = files.reduce((n, f) => n + f.length, 0);
const lines = files.flatMap((f) => {
  const out = [];
  let i = 0;
  for (let j; (j = f.indexOf(10, i)) >= 0; i = j + 1) out.push(f.subarray(i, j + 1));
  if (i < f.length) out.push(f.subarray(i));
  return out;
});
const scanners = [];
for (const path of paths) scanners.push((await load({ path })).compile());

const PASSES = 7;
for (const [gran, inputs] of [['per file', files], ['per line', lines]]) {
  for (const op of ['scan', 'mask']) {
    const times = paths.map(() => []);
    for (let pass = 0; pass <= PASSES; pass++) {
      scanners.forEach((s, i) => {
        const c = process.cpuUsage();
        for (const x of inputs) s[op](x);
        const u = process.cpuUsage(c);
        if (pass > 0) times[i].push((u.user + u.system) / 1e6);
      });
    }
    paths.forEach((p, i) => {
      const t = times[i].sort((a, b) => a - b);
      const rate = (s) => (total / 1e6 / s).toFixed(1);
      console.log(`${op}, ${gran}: ${p}: ${rate(t[PASSES >> 1])} MB/CPU-s (${rate(t[PASSES - 1])}–${rate(t[0])})`);
    });
  }
}
