// One benchmark page opened for a diagnostic (profile-page.js, trace-page.js): the bench's site
// for one size built unminified (the attribution needs esbuild's module markers), served, and
// loaded in headless Chromium with the bench's zone and the probe's pinned clock.
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../find-chromium.js';
import { REPO, buildSite, pinnedNow } from './build-pages.js';
import { FEED_ZONE } from './generate-feed.js';
import { installProbe } from './probe.js';
import { startServer } from './server.js';

const ANCHOR = '2026-06-01';

/**
 * @typedef {object} DiagnosticPage
 * @property {import('puppeteer-core').Page} page  a fresh page, zone and probe installed, not yet navigated
 * @property {string} url      the benchmark page to visit
 * @property {string} origin   the server's origin
 * @property {string} siteDir  the folder the server serves (to read the bundles a profile names)
 */

/**
 * Runs `use` with the page of `kind` and `size` events, then closes the browser and the server.
 * @template T
 * @param {string} kind  a page kind of build-pages.js (otel-ics, otel-json, fullcalendar, floor, prerendered)
 * @param {number} size  the feed's VEVENT count
 * @param {(opened: DiagnosticPage) => Promise<T>} use
 * @returns {Promise<T>}
 */
export async function withDiagnosticPage(kind, size, use) {
  const root = join(REPO, '.bench', 'profile');
  const pages = await buildSite({ root, sizes: [size], seed: 1, anchor: ANCHOR, days: 30, minify: false });
  const path = pages.get(`${kind}:${size}`);
  if (!path) throw new Error(`No page ${kind}:${size}`);
  const siteDir = join(root, 'site');
  const server = await startServer(siteDir);
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found');
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, TZ: FEED_ZONE },
  });
  try {
    const page = await browser.newPage();
    await page.emulateTimezone(FEED_ZONE);
    await page.evaluateOnNewDocument(installProbe, pinnedNow(ANCHOR));
    return await use({ page, url: `${server.origin}${path}`, origin: server.origin, siteDir });
  } finally {
    await browser.close();
    await server.close();
  }
}
