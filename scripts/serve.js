#!/usr/bin/env node
// Zero-dependency static server: serves the built site (dist/site/: demo, playground, docs, CDN
// files; written by `npm run build`) as the site root on 127.0.0.1 — or another folder given as
// an argument. It does nothing a plain static server does not: the site needs no build tools.
// Usage: node scripts/serve.js [folder]      (PORT=9000 node scripts/serve.js for another port;
//        PORT=0 picks a free one; the first line printed is the address)
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SITE = join(REPO, 'dist', 'site');
const ROOT = process.argv[2] ? resolve(process.argv[2]) : existsSync(SITE) ? SITE : join(REPO, 'demo');
const PORT = Number(process.env.PORT || 8000);
const HOST = '127.0.0.1';

/** @type {Record<string, string>} */
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} message
 */
function sendText(res, status, message) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-cache',
  });
  res.end(`${message}\n`);
}

/**
 * Maps a URL path to a file under ROOT, or null when the path is not acceptable.
 * @param {string} url
 */
function toFilePath(url) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const segments = pathname.split(/[/\\]/);
  if (segments.includes('..')) return null;
  const filePath = resolve(join(ROOT, ...segments));
  if (filePath !== ROOT && !filePath.startsWith(ROOT + sep)) return null;
  return filePath;
}

/** @param {string} path */
async function statOrNull(path) {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

const server = createServer(async (req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    sendText(res, 405, 'Method Not Allowed');
    return;
  }

  let filePath = toFilePath(req.url ?? '/');
  if (filePath === null) {
    sendText(res, 400, 'Bad Request');
    return;
  }

  let info = await statOrNull(filePath);
  if (info?.isDirectory()) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.endsWith('/')) {
      // Directory without a trailing slash: redirect so relative URLs in its index.html resolve.
      res.writeHead(301, { Location: `${url.pathname}/${url.search}`, 'Cache-Control': 'no-cache' });
      res.end();
      return;
    }
    filePath = join(filePath, 'index.html');
    info = await statOrNull(filePath);
  }
  if (!info?.isFile()) {
    sendText(res, 404, 'Not Found');
    return;
  }

  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(filePath);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
});

server.listen(PORT, HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : PORT;
  console.log(`Serving ${ROOT} on http://localhost:${port}/`);
  if (ROOT !== SITE && !process.argv[2])
    console.log('(dist/site/ is not built: run `npm run build` for the playground and docs.)');
});
