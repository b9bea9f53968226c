// Serves pages prerendered by the real CLI for the browser tests (a Koa middleware of the test
// runner, Node-side): GET /__prerendered/<name>.html?now=<ISO>&tz=<zone>[&csp=<how>] runs
// `otel-calendar prerender --style-hashes` (the built one: `npm run build` first) on a copy of
// tests/fixtures/prerender/<name>.html, with the repository as the site's root, and answers the
// result. Each distinct query is rendered once per test run.
//
// csp= puts the page under STRICT_POLICY, as a site would: `meta` in a <meta http-equiv> written
// into the page before prerendering (which adds the styles' hashes to it), `header` as a response
// header without the hashes, `header-hashed` as a header with the hashes the CLI printed.
import { spawn } from 'node:child_process';
import process from 'node:process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const rendered = new Map();

/** A strict policy: the page's own scripts and style sheets, nothing inline. */
export const STRICT_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; base-uri 'none'";

function run(args) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist/cli/otel-calendar.js'), ...args], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('close', (code) =>
      code === 0 ? resolvePromise(stdout) : reject(new Error(`prerender failed: ${stderr}`)),
    );
  });
}

async function prerendered(name, now, tz, csp) {
  const folder = await mkdtemp(join(tmpdir(), 'otel-prerender-'));
  try {
    const page = join(folder, `${name}.html`);
    let html = await readFile(join(ROOT, 'tests/fixtures/prerender', `${name}.html`), 'utf8');
    if (csp === 'meta')
      html = html.replace(
        '<head>',
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${STRICT_POLICY}" />`,
      );
    await writeFile(page, html);
    const hashes = await run([
      'prerender',
      page,
      '--root',
      ROOT,
      '--now',
      now,
      '--tz',
      tz,
      '--strict',
      '--style-hashes',
    ]);
    const headers = {};
    if (csp === 'header') headers['content-security-policy'] = STRICT_POLICY;
    if (csp === 'header-hashed') {
      const styles = hashes.trim().split('\n').join(' ');
      headers['content-security-policy'] = STRICT_POLICY.replace("style-src 'self'", `style-src 'self' ${styles}`);
    }
    return { html: await readFile(page, 'utf8'), headers };
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
  const csp = String(ctx.query.csp ?? '');
  const key = `${match[1]}|${now}|${tz}|${csp}`;
  if (!rendered.has(key)) rendered.set(key, prerendered(match[1], now, tz, csp));
  try {
    const { html, headers } = await rendered.get(key);
    ctx.body = html;
    for (const [name, value] of Object.entries(headers)) ctx.set(name, value);
    ctx.type = 'text/html';
    ctx.set('cache-control', 'no-store');
  } catch (error) {
    rendered.delete(key);
    ctx.status = 500;
    ctx.body = error instanceof Error ? error.message : String(error);
  }
  return undefined;
}
