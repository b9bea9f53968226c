/**
 * The widgets on a page with a strict Content Security Policy and Trusted Types enforced.
 *
 * WTR's own harness runs inline scripts, so this is a Node test: the three elements are bundled
 * from `src/` with esbuild into a temp dir, served by node:http with the policy as a header,
 * together with the hostile ICS feed and JSON snapshot (tests/fixtures/hostile/), and the page is
 * opened in Chromium through puppeteer-core. Traps (tests/fixtures/hostile/traps.ts) load first;
 * the page writes what it saw to `window.__strictResult` (tests/fixtures/hostile/strict-page/).
 *
 * Lit creates one Trusted Types policy, `lit-html` (for its `<template>` HTML). Checked here: the
 * policy docs/security.md documents works with no violation; the bare strict policy (no
 * `trusted-types` directive: any policy name allowed) works too; and a page that allows no policy
 * at all (`trusted-types 'none'`) gets a violation naming `lit-html` — so that name is needed, and
 * nothing else is.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import puppeteer, { type Browser } from 'puppeteer-core';
import { hostileEvents, hostileIcs, hostileSnapshot, type HostilePayload } from '../fixtures/hostile/generate.js';
import type { StrictPageResult } from '../fixtures/hostile/strict-page/app-entry.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const HOSTILE = join(ROOT, 'tests/fixtures/hostile');

/** The base strict policy: scripts and styles from the page's own origin only. */
const STRICT = "script-src 'self'; style-src 'self'; object-src 'none'";
/** What docs/security.md tells sites to send: the strict policy, Trusted Types, and Lit's policy name. */
export const DOCUMENTED_POLICY = `${STRICT}; base-uri 'none'; require-trusted-types-for 'script'; trusted-types lit-html`;
const POLICIES: Record<string, string> = {
  documented: DOCUMENTED_POLICY,
  'issue-6': `${STRICT}; require-trusted-types-for 'script'`,
  'no-policy-allowed': `${STRICT}; require-trusted-types-for 'script'; trusted-types 'none'`,
};

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Strict page</title>
    <link rel="stylesheet" href="/page.css" />
    <script type="module" src="/traps-entry.js"></script>
    <script type="module" src="/app-entry.js"></script>
  </head>
  <body>
    <h1>A site with a strict CSP</h1>
    <otel-event-list id="ics" src="/hostile.ics" days="7" limit="1000" timezone="UTC" timeout="60000"></otel-event-list>
    <otel-event-list id="json" src="/hostile.json" days="7" limit="1000" timezone="UTC" timeout="60000"></otel-event-list>
    <otel-discussion-card id="card" src="/hostile.ics" heading="Hostile group" count="5" chatham recorded timeout="60000"></otel-discussion-card>
    <otel-discussion-card id="inline" heading="Inline group" rrule="FREQ=WEEKLY;BYDAY=TU" dtstart="2026-01-06T11:00" timezone="Europe/Berlin" chatham></otel-discussion-card>
    <chatham-notice id="banner" variant="banner" storage-key="strict-page" no-leads></chatham-notice>
  </body>
</html>
`;

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };

let server: Server;
let browser: Browser;
let origin = '';
let outdir = '';
let payloads: HostilePayload[] = [];

interface PageOutcome {
  readonly result: StrictPageResult | undefined;
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly violations: string[];
  readonly defined: boolean;
}

async function openPage(policy: string, waitForResult: boolean): Promise<PageOutcome> {
  const page = await browser.newPage();
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error instanceof Error ? error.message : String(error)));
  try {
    await page.goto(`${origin}/page.html?policy=${policy}`, { waitUntil: 'load' });
    if (waitForResult) await page.waitForFunction(() => window.__strictResult !== undefined, { timeout: 60_000 });
    else await page.waitForFunction(() => (window.__traps?.report().violations.length ?? 0) > 0, { timeout: 20_000 });
    const result = await page.evaluate(() => window.__strictResult);
    const violations = await page.evaluate(() => window.__traps?.report().violations ?? []);
    const defined = await page.evaluate(() => customElements.get('otel-event-list') !== undefined);
    return { result, consoleErrors, pageErrors, violations: [...violations], defined };
  } finally {
    await page.close();
  }
}

describe('the widgets on a page with a strict CSP and Trusted Types', () => {
  before(async () => {
    payloads = JSON.parse(readFileSync(join(HOSTILE, 'payloads.json'), 'utf8')) as HostilePayload[];
    outdir = mkdtempSync(join(tmpdir(), 'otel-strict-page-'));
    await build({
      entryPoints: [join(HOSTILE, 'strict-page/traps-entry.ts'), join(HOSTILE, 'strict-page/app-entry.ts')],
      outdir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      logLevel: 'silent',
    });
    const start = Date.now() + 3_600_000;
    const feeds: Record<string, { type: string; body: string }> = {
      '/hostile.ics': { type: 'text/calendar', body: hostileIcs(payloads, start) },
      '/hostile.json': { type: 'application/json', body: JSON.stringify(hostileSnapshot(payloads, start)) },
      '/page.css': { type: 'text/css', body: 'body { font-family: sans-serif; } h1 { color: rgb(1, 2, 3); }' },
    };
    server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const policy = POLICIES[url.searchParams.get('policy') ?? ''];
      const headers: Record<string, string> = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
      if (url.pathname === '/page.html' && policy) {
        response.writeHead(200, {
          ...headers,
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': policy,
        });
        response.end(PAGE);
        return;
      }
      const feed = feeds[url.pathname];
      if (feed) {
        response.writeHead(200, { ...headers, 'content-type': feed.type });
        response.end(feed.body);
        return;
      }
      if (url.pathname === '/favicon.ico') {
        response.writeHead(204, headers);
        response.end();
        return;
      }
      const file = join(outdir, url.pathname.replace(/^\/+/, ''));
      try {
        if (!file.startsWith(outdir + '/')) throw new Error('outside');
        const body = readFileSync(file);
        response.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        response.end(body);
      } catch {
        response.writeHead(404, headers);
        response.end();
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // scripts/ is plain JavaScript without type declarations: imported by URL, its one export typed here.
    const { findChromium, CHROMIUM_ARGS } = (await import(
      pathToFileURL(join(ROOT, 'scripts/find-chromium.js')).href
    )) as {
      findChromium: () => string | null;
      CHROMIUM_ARGS: string[];
    };
    const executablePath = findChromium();
    assert.ok(executablePath, 'Chromium is needed (see scripts/find-chromium.js)');
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: ['--headless', ...CHROMIUM_ARGS],
    });
  });

  after(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
    if (outdir) rmSync(outdir, { recursive: true, force: true });
  });

  for (const policy of ['documented', 'issue-6']) {
    it(`renders every widget with no violation, error or execution (${policy}: ${POLICIES[policy] ?? ''})`, async () => {
      const { result, consoleErrors, pageErrors, violations } = await openPage(policy, true);
      assert.ok(result, 'the page reported');
      assert.deepEqual(violations, [], 'CSP / Trusted Types violations');
      assert.deepEqual(pageErrors, [], 'uncaught errors');
      assert.deepEqual(consoleErrors, [], 'console errors');
      assert.ok(result.traps);
      assert.equal(result.traps.executions, 0, 'payload executions');
      assert.deepEqual(result.traps.injected, [], 'elements added outside shadow roots');
      assert.deepEqual(result.traps.beacons, [], 'requests to hostile hosts');
      assert.deepEqual(
        result.inspection.problems.slice(0, 20),
        [],
        `${result.inspection.problems.length} unsafe renderings`,
      );
      const expectedEvents = hostileEvents(payloads).length;
      const { ics, json, card, inline, banner } = result.widgets;
      assert.deepEqual([ics?.loaded, json?.loaded, card?.loaded], [true, true, true], 'every source loaded');
      assert.equal(ics?.events, expectedEvents, 'events from the hostile ICS feed');
      assert.equal(json?.events, expectedEvents, 'events from the hostile snapshot');
      assert.equal(card?.sessions, 5, 'sessions of the card fed by the ICS feed');
      assert.ok((inline?.sessions ?? 0) > 0, 'sessions of the inline schedule');
      assert.equal(banner?.partBase, true, 'the banner rendered');
      // Styled by our constructable stylesheets (adoptedStyleSheets), which style-src 'self' allows:
      // an unknown element is display: inline, and .visually-hidden is static, without them.
      for (const [id, widget] of Object.entries(result.widgets)) {
        assert.equal(widget.hostDisplay, 'block', `${id} :host display`);
        if (id !== 'banner') assert.equal(widget.hiddenPosition, 'absolute', `${id} .visually-hidden`);
      }
    });
  }

  it("needs the lit-html Trusted Types policy: with trusted-types 'none' Lit cannot load (and the violation says so)", async () => {
    const { violations, defined, result } = await openPage('no-policy-allowed', false);
    assert.equal(result, undefined);
    assert.equal(defined, false);
    assert.ok(
      violations.some((v) => v.startsWith('trusted-types') && v.includes('lit-html')),
      violations.join('\n'),
    );
  });
});
