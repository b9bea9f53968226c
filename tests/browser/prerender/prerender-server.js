// Serves pages prerendered by the real CLI for the browser tests (a Koa middleware of the test
// runner, Node-side): GET /__prerendered/<name>.html?now=<ISO>&tz=<zone> runs
// `otel-calendar prerender` (the built one: `npm run build` first) on a copy of
// tests/fixtures/prerender/<name>.html, with the repository as the site's root, and answers the
// result. Each distinct query is rendered once per test run.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const rendered = new Map();

function run(args) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist/cli/otel-calendar.js'), ...args], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolvePromise(stderr) : reject(new Error(`prerender failed: ${stderr}`)),
    );
  });
}

async function prerendered(name, now, tz) {
  const folder = await mkdtemp(join(tmpdir(), 'otel-prerender-'));
  try {
    const page = join(folder, `${name}.html`);
    await writeFile(page, await readFile(join(ROOT, 'tests/fixtures/prerender', `${name}.html`)));
    await run(['prerender', page, '--root', ROOT, '--now', now, '--tz', tz, '--strict']);
    return await readFile(page, 'utf8');
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The Koa middleware. */
export async function prerenderMiddleware(ctx, next) {
  const match = /^\/__prerendered\/([\w-]+)\.html$/.exec(ctx.path);
  if (!match) return next();
  const now = String(ctx.query.now ?? '2026-11-17T05:00:00Z');
  const tz = String(ctx.query.tz ?? 'UTC');
  const key = `${match[1]}|${now}|${tz}`;
  if (!rendered.has(key)) rendered.set(key, prerendered(match[1], now, tz));
  try {
    ctx.body = await rendered.get(key);
    ctx.type = 'text/html';
    ctx.set('cache-control', 'no-store');
  } catch (error) {
    rendered.delete(key);
    ctx.status = 500;
    ctx.body = error instanceof Error ? error.message : String(error);
  }
  return undefined;
}
