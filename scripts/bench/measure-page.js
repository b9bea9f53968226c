/* global document */
// Loads one benchmark page in a fresh browser context (cold HTTP cache, empty storage) and reads
// what the probe recorded: time to the first painted event row, long tasks, rows shown, JS heap
// and bytes transferred. Optionally visits it again in the same context (the repeat visit).
import { installProbe } from './probe.js';

/**
 * @typedef {object} PageMeasurement
 * @property {number} firstRowMs      navigation start → first painted event row
 * @property {number} longTaskMs      total long-task time on the main thread until settled
 * @property {number} longTaskCount
 * @property {number} heapBytes       JS heap used after settling, after a GC (retained)
 * @property {number} transferBytes   encoded bytes received (headers + gzip bodies)
 * @property {number} rows            event rows shown when settled
 * @property {string | null} firstStart `datetime` of the first row's <time>, when it has one
 * @property {number | null} framesAfterUpgrade frames from <otel-event-list>'s definition to rows
 */

/**
 * @typedef {object} MeasureOptions
 * @property {number} pinnedNow epoch ms the pages' clock starts at
 * @property {string} timeZone  the pages' zone
 * @property {number} timeout   ms before a page counts as "did not finish"
 * @property {boolean} repeat   also measure a second visit in the same context
 */

/**
 * @param {import('puppeteer-core').Page} page
 * @param {string} url
 * @param {number} timeout
 * @returns {Promise<PageMeasurement>}
 */
async function visit(page, url, timeout) {
  const cdp = await page.createCDPSession();
  let transferBytes = 0;
  cdp.on('Network.loadingFinished', (event) => {
    transferBytes += event.encodedDataLength;
  });
  await cdp.send('Network.enable');
  const crashed = new Promise((_, reject) => page.once('error', (error) => reject(error)));
  await Promise.race([
    (async () => {
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
      // @ts-expect-error the probe's global
      await page.waitForFunction(() => globalThis.__bench?.done === true, { polling: 100, timeout });
    })(),
    crashed,
  ]);
  const state = await page.evaluate(() => {
    // @ts-expect-error the probe's global
    const probe = globalThis.__bench;
    const host = document.querySelector('otel-event-list');
    const scope = host?.shadowRoot ?? document;
    const first = scope.querySelector('[part~="event"]:not([part~="skeleton"]) time[datetime]');
    return {
      firstRowMs: /** @type {number} */ (probe.firstRowPainted),
      longTasks: /** @type {Array<[number, number]>} */ (probe.longTasks),
      rows: /** @type {number} */ (probe.rows),
      firstStart: first?.getAttribute('datetime') ?? null,
      framesAfterUpgrade: /** @type {number | null} */ (probe.framesAfterUpgrade),
    };
  });
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return {
    firstRowMs: state.firstRowMs,
    longTaskMs: state.longTasks.reduce((sum, [, duration]) => sum + duration, 0),
    longTaskCount: state.longTasks.length,
    heapBytes: usedSize,
    transferBytes,
    rows: state.rows,
    firstStart: state.firstStart,
    framesAfterUpgrade: state.framesAfterUpgrade,
  };
}

/**
 * Measures a page (and its repeat visit when asked). Rejects when the page does not settle in
 * time or crashes.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} url
 * @param {MeasureOptions} options
 * @returns {Promise<{ first: PageMeasurement, repeat: PageMeasurement | null }>}
 */
export async function measurePage(browser, url, { pinnedNow, timeZone, timeout, repeat }) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.emulateTimezone(timeZone);
    await page.evaluateOnNewDocument(installProbe, pinnedNow);
    const first = await visit(page, url, timeout);
    const second = repeat ? await visit(page, url, timeout) : null;
    return { first, repeat: second };
  } finally {
    await context.close().catch(() => undefined);
  }
}
