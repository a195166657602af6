#!/usr/bin/env node
// Static file server for the e2e tests: serves the repository (built dist/, demo-dist/, test pages, node_modules).
import http from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.env.PORT ?? 4173);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.dump': 'application/gzip',
  '.csv': 'text/csv',
  '.ndjson': 'application/x-ndjson',
};

/**
 * Content-Security-Policies served under `/__csp/<name>/…` (the prefix is stripped, and relative URLs keep it, so
 * the page, its worker and their chunks all get the header): pages under a strict policy without `blob:`.
 */
const policies = {
  strict: "default-src 'self'; worker-src 'self'",
  noworker: "default-src 'self'; worker-src 'none'",
};

http
  .createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const csp = /^\/__csp\/([a-z]+)(\/.*)$/.exec(url.pathname);
    if (csp && !Object.hasOwn(policies, csp[1])) {
      res.writeHead(404).end('unknown policy');
      return;
    }
    let path = normalize(decodeURIComponent(csp ? csp[2] : url.pathname));
    if (path.endsWith('/')) path += 'index.html';
    const file = join(root, path);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
    } catch {
      res.writeHead(404).end('not found');
      return;
    }
    const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    // Cross-origin isolation (ISOLATE=1) enables performance.measureUserAgentSpecificMemory() for the benchmarks.
    if (process.env.ISOLATE === '1') Object.assign(headers, { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' });
    if (csp) headers['content-security-policy'] = policies[csp[1]];
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  })
  .listen(port, '127.0.0.1', () => console.log(`e2e server on http://127.0.0.1:${port}`));
