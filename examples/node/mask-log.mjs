#!/usr/bin/env node
// Masks a log file with piiguard's WebAssembly module from Node.js (>= 20).
//
//   make wasm                                   # builds wasm/piiguard.wasm
//   node examples/node/mask-log.mjs [--identifiers EmailAddress,Ssn-US] [--policy policy.json] [--findings] [file]
//
// Reads the file (default examples/logs/app.log; "-" for standard input)
// line by line and writes it masked to standard output; with --findings,
// writes a count of findings per identifier to standard error. In a package
// of your own, import from '@piiguard/wasm' instead of the relative path.
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { compile } from '../../wasm/js/node.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    identifiers: { type: 'string' },
    policy: { type: 'string' },
    findings: { type: 'boolean', default: false },
  },
});
const file = positionals[0] ?? fileURLToPath(new URL('../logs/app.log', import.meta.url));

const config = {};
if (values.identifiers) config.identifiers = values.identifiers.split(',');
if (values.policy) config.policy = readFileSync(values.policy, 'utf8');

let scanner;
try {
  scanner = await compile(config);
} catch (e) {
  console.error(e.message);
  process.exit(2);
}

const counts = new Map();
const input = file === '-' ? process.stdin : createReadStream(file);
for await (const line of createInterface({ input, crlfDelay: Infinity })) {
  if (values.findings) {
    for (const f of scanner.scan(line)) counts.set(f.identifier, (counts.get(f.identifier) ?? 0) + 1);
  }
  process.stdout.write(scanner.mask(line) + '\n');
}
if (values.findings) {
  for (const [id, n] of [...counts].sort()) console.error(`${id}\t${n}`);
}
