#!/usr/bin/env node
// A tiny static server for the playground (development and tests): it serves
// the wasm/ directory on 127.0.0.1, so that the page (/playground/), the
// runtime-agnostic host (/js/core.js) and the module (/piiguard.wasm, or
// $PIIGUARD_WASM) come from one origin. Any static server of wasm/ works as
// well (`cd wasm && python3 -m http.server`).
//
//   node wasm/playground/server.mjs [--port 8086]
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.md': 'text/plain; charset=utf-8',
};

/**
 * Starts the server; resolves to { server, url } once it listens (port 0:
 * any free port). root: the directory served (default wasm/); wasm: the
 * file served as /piiguard.wasm (default $PIIGUARD_WASM, else root's).
 */
export function startServer({ port = 0, host = '127.0.0.1', root, wasm, log = () => {} } = {}) {
  const base = resolve(root ?? fileURLToPath(new URL('..', import.meta.url)));
  const wasmPath = wasm ?? process.env.PIIGUARD_WASM ?? join(base, 'piiguard.wasm');
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let path;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      path = '\0';
    }
    const done = (status, file) => log(`${status} ${req.method} ${url.pathname}${file ? ` ${file}` : ''}`);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return done(405);
    }
    if (path === '/') {
      res.writeHead(302, { Location: '/playground/' }).end();
      return done(302);
    }
    if (path.endsWith('/')) path += 'index.html';
    let file = resolve(base, `.${path}`);
    if (path === '/piiguard.wasm') file = wasmPath;
    const hidden = path.split('/').some((p) => p.startsWith('.') || p === 'node_modules');
    if (path.includes('\0') || hidden || (file !== wasmPath && !file.startsWith(base + sep))) {
      res.writeHead(404).end();
      return done(404);
    }
    let st;
    try {
      st = statSync(file);
    } catch {
      st = undefined;
    }
    if (st === undefined || !st.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end(path === '/piiguard.wasm' ? 'piiguard.wasm not built: run `make wasm`\n' : 'not found\n');
      return done(404);
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': st.size,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
    return done(200, file);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: p } = server.address();
      ok({ server, url: `http://${host}:${p}` });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--port');
  const port = i > 0 ? Number(process.argv[i + 1]) : 8086;
  const { url } = await startServer({ port, log: (l) => console.log(l) });
  console.log(`piiguard playground: ${url}/playground/ (Ctrl-C to stop)`);
}
