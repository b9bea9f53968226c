/* global document */
// Loads one benchmark page in a fresh browser context (cold HTTP cache, empty storage) and reads
// what the probe recorded: time to the first painted event row, long tasks, layout shifts, rows
// shown, JS heap and bytes transferred, and on a prerendered page the element's take-over.
// Optionally visits it again in the same context (the repeat visit).
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
 * @property {number} longestTaskMs   the longest long task until settled (0 when none)
 * @property {number} cls             cumulative layout shift until settled (see `cumulativeLayoutShift`)
 * @property {TakeOver | null} takeOver on a page whose rows were in its HTML: the element taking them over
 */

/**
 * @typedef {object} TakeOver
 * @property {number} atMs            navigation start → the frame that showed the element's own render
 * @property {number} longTaskMs      long tasks from the element's definition until settled: total
 * @property {number} longTaskCount
 * @property {number} longestTaskMs   … and the longest of them
 * @property {number} blankFrames     frames without any row once the first had been painted
 * @property {Array<[number, number]>} tasks those long tasks: [start, duration], ms from the definition
 */

/**
 * @typedef {object} MeasureOptions
 * @property {number} pinnedNow epoch ms the pages' clock starts at
 * @property {string} timeZone  the pages' zone
 * @property {number} timeout   ms before a page counts as "did not finish"
 * @property {boolean} repeat   also measure a second visit in the same context
 */

/**
 * Cumulative layout shift as Chromium's Web Vitals define it: shifts grouped into session windows
 * (a gap under 1 s, at most 5 s long); the largest window's sum.
 * @param {ReadonlyArray<readonly [number, number]>} shifts [startTime, value], in time order
 * @returns {number}
 */
export function cumulativeLayoutShift(shifts) {
  let largest = 0;
  let sum = 0;
  let windowStart = Number.NEGATIVE_INFINITY;
  let previous = Number.NEGATIVE_INFINITY;
  for (const [time, value] of shifts) {
    if (time - previous >= 1000 || time - windowStart >= 5000) {
      windowStart = time;
      sum = 0;
    }
    sum += value;
    previous = time;
    largest = Math.max(largest, sum);
  }
  return largest;
}

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
  crashed.catch(() => undefined); // a crash after the race is over must not end the whole run
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
      layoutShifts: /** @type {Array<[number, number]>} */ (probe.layoutShifts),
      prerendered: /** @type {boolean} */ (probe.prerendered),
      upgradedAt: /** @type {number | null} */ (probe.upgradedAt),
      takenOver: /** @type {number | null} */ (probe.takenOver),
      blankFrames: /** @type {number} */ (probe.blankFrames),
    };
  });
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  const longest = (/** @type {Array<[number, number]>} */ tasks) => Math.max(0, ...tasks.map(([, d]) => d));
  // The take-over: from the element's definition (its script has run) until the page settled;
  // a task counts when it ends after the definition (the task that ran the script included).
  const upgradedAt = state.upgradedAt ?? Number.POSITIVE_INFINITY;
  const duringTakeOver = state.longTasks.filter(([start, duration]) => start + duration >= upgradedAt);
  return {
    firstRowMs: state.firstRowMs,
    longTaskMs: state.longTasks.reduce((sum, [, duration]) => sum + duration, 0),
    longTaskCount: state.longTasks.length,
    heapBytes: usedSize,
    transferBytes,
    rows: state.rows,
    firstStart: state.firstStart,
    framesAfterUpgrade: state.framesAfterUpgrade,
    longestTaskMs: longest(state.longTasks),
    cls: cumulativeLayoutShift(state.layoutShifts),
    takeOver: state.prerendered
      ? {
          atMs: state.takenOver ?? Number.NaN,
          longTaskMs: duringTakeOver.reduce((sum, [, duration]) => sum + duration, 0),
          longTaskCount: duringTakeOver.length,
          longestTaskMs: longest(duringTakeOver),
          blankFrames: state.blankFrames,
          tasks: duringTakeOver.map(([start, duration]) => [start - upgradedAt, duration]),
        }
      : null,
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
