// A tiny static server for the benchmark pages: 127.0.0.1 on a free port, files under one root,
// gzip when the browser asks for it (as any real host of a feed or a bundle would), and a
// short max-age so a repeat visit in the same browser context can use its HTTP cache.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** @type {Record<string, string>} */
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/**
 * Starts the server. Compressed bodies are computed once per file and kept in memory.
 * @param {string} root
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export async function startServer(root) {
  const base = resolve(root);
  /** @type {Map<string, { raw: Buffer, gzip: Buffer }>} */
  const bodies = new Map();
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(base, pathname));
    if (!file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    const cached = bodies.get(file);
    const body = cached
      ? Promise.resolve(cached)
      : readFile(file).then((raw) => {
          const entry = { raw, gzip: gzipSync(raw, { level: 6 }) };
          bodies.set(file, entry);
          return entry;
        });
    body.then(
      ({ raw, gzip }) => {
        const compressed = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
        res.writeHead(200, {
          'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          'Cache-Control': 'max-age=600',
          Vary: 'Accept-Encoding',
          ...(compressed ? { 'Content-Encoding': 'gzip' } : {}),
        });
        res.end(compressed ? gzip : raw);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done(undefined))),
  };
}
