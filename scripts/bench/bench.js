#!/usr/bin/env node
// `npm run bench`: the benchmark the repo owns. Node-side engine timings, then the
// same 30-day window of the same generated Google-style feeds in headless Chromium, side by
// side: <otel-event-list> from ICS and from the CLI's JSON snapshot, FullCalendar's list view
// (icalendar plugin), a plain-DOM page over pre-expanded JSON (the floor), and the JSON snapshot's
// page prerendered by `otel-calendar prerender` (its rows in the HTML, then the element taking
// them over). Medians of several rounds; every page must show the same number of event rows, or
// the run fails.
//
// Usage: npm run bench -- [--rounds 5] [--sizes 100,1000,10000] [--seed 1] [--timeout 60]
//                         [--pages floor,prerendered,…] [--no-engine] [--no-browser]
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../find-chromium.js';
import { PAGE_KINDS, PAGE_LABELS, REPO, buildSite, pinnedNow } from './build-pages.js';
import { engineTimings, loadEngine } from './engine-timings.js';
import { FEED_ZONE } from './generate-feed.js';
import { measurePage } from './measure-page.js';
import { formatBytes, formatCls, formatMs, markdownTable, median } from './stats.js';

const ANCHOR = '2026-06-01';
const WINDOW_DAYS = 30;
/** Page kinds whose repeat visit is measured (the element's cache is theirs). */
const REPEAT_KINDS = new Set(['otel-ics', 'otel-json']);

/** @param {string[]} argv */
function parseArgs(argv) {
  const options = {
    rounds: 5,
    sizes: [100, 1000, 10_000],
    seed: 1,
    timeoutMs: 60_000,
    /** @type {string[]} */
    pages: [...PAGE_KINDS],
    engine: true,
    browser: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1] ?? '';
    if (flag === '--rounds') options.rounds = Number(value);
    else if (flag === '--sizes') options.sizes = value.split(',').map(Number);
    else if (flag === '--pages') options.pages = value.split(',');
    else if (flag === '--seed') options.seed = Number(value);
    else if (flag === '--timeout') options.timeoutMs = Number(value) * 1000;
    else if (flag === '--no-engine') {
      options.engine = false;
      continue;
    } else if (flag === '--no-browser') {
      options.browser = false;
      continue;
    } else throw new Error(`Unknown option ${flag}`);
    i++;
  }
  if (!Number.isInteger(options.rounds) || options.rounds < 1) throw new Error('--rounds must be a positive integer');
  if (options.sizes.some((s) => !Number.isInteger(s) || s < 1))
    throw new Error('--sizes must be positive integers, comma-separated');
  if (!(options.timeoutMs > 0)) throw new Error('--timeout must be a positive number of seconds');
  const unknown = options.pages.filter((p) => !(/** @type {readonly string[]} */ (PAGE_KINDS).includes(p)));
  if (unknown.length > 0 || options.pages.length === 0)
    throw new Error(`--pages takes some of ${PAGE_KINDS.join(', ')} (comma-separated)`);
  return options;
}

/**
 * @typedef {import('./measure-page.js').PageMeasurement} PageMeasurement
 * @typedef {{ kind: string, size: number, samples: PageMeasurement[], repeats: PageMeasurement[], failure: string | null }} Cell
 */

/**
 * Median of one metric over a cell's samples.
 * @param {PageMeasurement[]} samples
 * @param {(m: PageMeasurement) => number} metric
 */
const medianOf = (samples, metric) => median(samples.map(metric));

/**
 * Every page of a size must show the same rows (count, and the same first start where the page
 * writes one). Returns the problems found.
 * @param {Cell[]} cells
 * @returns {string[]}
 */
function fairnessProblems(cells) {
  const problems = [];
  const sizes = [...new Set(cells.map((c) => c.size))];
  for (const size of sizes) {
    const ofSize = cells.filter((c) => c.size === size && c.samples.length > 0);
    const counts = ofSize.map((c) => ({ kind: c.kind, rows: [...new Set(c.samples.map((s) => s.rows))] }));
    const all = new Set(counts.flatMap((c) => c.rows));
    if (all.size > 1)
      problems.push(
        `${size} events: rows differ between pages: ${counts.map((c) => `${c.kind}=${c.rows.join('/')}`).join(', ')}`,
      );
    const starts = ofSize
      .flatMap((c) => c.samples.map((s) => s.firstStart))
      .filter((s) => s !== null)
      .map((s) => new Date(s).getTime());
    if (new Set(starts).size > 1) problems.push(`${size} events: the first row's start differs between pages`);
  }
  return problems;
}

/**
 * @param {Cell[]} cells
 * @returns {string}
 */
function browserTable(cells) {
  const floorOf = (/** @type {number} */ size) => cells.find((c) => c.kind === 'floor' && c.size === size);
  const rows = cells.map((c) => {
    if (c.samples.length === 0)
      return [
        String(c.size),
        PAGE_LABELS[/** @type {keyof typeof PAGE_LABELS} */ (c.kind)],
        `DNF (${c.failure})`,
        '–',
        '–',
        '–',
        '–',
        '–',
        '–',
        '–',
        '0',
      ];
    const first = medianOf(c.samples, (s) => s.firstRowMs);
    const floor = floorOf(c.size);
    const floorFirst = floor && floor.samples.length > 0 ? medianOf(floor.samples, (s) => s.firstRowMs) : Number.NaN;
    return [
      String(c.size),
      PAGE_LABELS[/** @type {keyof typeof PAGE_LABELS} */ (c.kind)],
      formatMs(first),
      `${(first / floorFirst).toFixed(2)}×`,
      formatMs(medianOf(c.samples, (s) => s.longTaskMs)),
      String(median(c.samples.map((s) => s.longTaskCount))),
      formatMs(medianOf(c.samples, (s) => s.longestTaskMs)),
      formatCls(medianOf(c.samples, (s) => s.cls)),
      formatBytes(medianOf(c.samples, (s) => s.heapBytes)),
      formatBytes(medianOf(c.samples, (s) => s.transferBytes)),
      String(c.samples[0]?.rows ?? 0),
    ];
  });
  return markdownTable(
    [
      'events',
      'page',
      'first row (ms)',
      'vs floor',
      'long tasks (ms)',
      'long tasks (n)',
      'longest (ms)',
      'CLS',
      'JS heap',
      'transferred',
      'rows',
    ],
    rows,
    ['r', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
}

/**
 * The prerendered page beside the floor, per size: when each painted its first event, and the
 * element's take-over of the rows that were in the HTML.
 * @param {Cell[]} cells
 * @returns {string}
 */
function takeOverTable(cells) {
  const sizes = [...new Set(cells.map((c) => c.size))];
  const rows = sizes.flatMap((size) => {
    const floor = cells.find((c) => c.kind === 'floor' && c.size === size);
    const cell = cells.find((c) => c.kind === 'prerendered' && c.size === size);
    if (!floor || !cell || cell.samples.length === 0 || floor.samples.length === 0) return [];
    const takeOvers = cell.samples.flatMap((s) => (s.takeOver ? [s.takeOver] : []));
    const first = medianOf(cell.samples, (s) => s.firstRowMs);
    const floorFirst = medianOf(floor.samples, (s) => s.firstRowMs);
    return [
      [
        String(size),
        formatMs(floorFirst),
        formatMs(first),
        `${(first / floorFirst).toFixed(2)}×`,
        formatCls(Math.max(...cell.samples.map((s) => s.cls))),
        formatMs(median(takeOvers.map((t) => t.atMs))),
        formatMs(median(takeOvers.map((t) => t.longTaskMs))),
        String(median(takeOvers.map((t) => t.longTaskCount))),
        formatMs(median(takeOvers.map((t) => t.longestTaskMs))),
        formatMs(Math.max(...takeOvers.map((t) => t.longestTaskMs))),
        String(Math.max(...takeOvers.map((t) => t.blankFrames))),
        formatBytes(medianOf(cell.samples, (s) => s.transferBytes)),
        `${takeOvers.length}/${cell.samples.length}`,
      ],
    ];
  });
  return markdownTable(
    [
      'events',
      'floor: first row (ms)',
      'prerendered: first row (ms)',
      'vs floor',
      'CLS (worst)',
      'taken over at (ms)',
      'take-over long tasks (ms)',
      '(n)',
      'longest (ms)',
      'longest, worst round (ms)',
      'frames without rows',
      'transferred',
      'rounds seen',
    ],
    rows,
    ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
}

/**
 * The prerendered page's goals, per size: its first event painted no later than the floor's (it
 * is in the HTML), CLS under 0.1 over the load and the take-over, and no long task (over 50 ms)
 * while the element takes its rows over.
 * @param {Cell[]} cells
 * @param {number} size
 * @returns {string | null}
 */
function takeOverGoals(cells, size) {
  const floor = cells.find((c) => c.kind === 'floor' && c.size === size);
  const cell = cells.find((c) => c.kind === 'prerendered' && c.size === size);
  if (!floor || !cell || cell.samples.length === 0 || floor.samples.length === 0) return null;
  const first = medianOf(cell.samples, (s) => s.firstRowMs);
  const floorFirst = medianOf(floor.samples, (s) => s.firstRowMs);
  const cls = Math.max(...cell.samples.map((s) => s.cls));
  const takeOvers = cell.samples.flatMap((s) => (s.takeOver ? [s.takeOver] : []));
  const withLongTask = takeOvers.filter((t) => t.longTaskCount > 0);
  const longest = Math.max(0, ...takeOvers.map((t) => t.longestTaskMs));
  const met = (/** @type {boolean} */ ok) => (ok ? 'met' : 'NOT met');
  return (
    `${PAGE_LABELS.prerendered}, ${size} events: first row ${formatMs(first)} ms against the floor's ${formatMs(floorFirst)} ms (≤ floor: ${met(first <= floorFirst)}); ` +
    `CLS ${formatCls(cls)} in the worst round (< 0.1: ${met(cls < 0.1)}); ` +
    `a long task during the take-over in ${withLongTask.length} of ${takeOvers.length} rounds, the longest ${formatMs(longest)} ms (none over 50 ms: ${met(takeOvers.length > 0 && withLongTask.length === 0)})`
  );
}

/** @param {Cell[]} cells */
function repeatTable(cells) {
  const rows = cells
    .filter((c) => c.repeats.length > 0)
    .map((c) => [
      String(c.size),
      PAGE_LABELS[/** @type {keyof typeof PAGE_LABELS} */ (c.kind)],
      formatMs(medianOf(c.repeats, (s) => s.firstRowMs)),
      String(median(c.repeats.map((s) => s.framesAfterUpgrade ?? Number.NaN))),
      formatMs(medianOf(c.repeats, (s) => s.longTaskMs)),
      formatBytes(medianOf(c.repeats, (s) => s.transferBytes)),
    ]);
  return markdownTable(
    [
      'events',
      'page (repeat visit, same context)',
      'first row (ms)',
      'frames after upgrade',
      'long tasks (ms)',
      'transferred',
    ],
    rows,
    ['r', 'l', 'r', 'r', 'r', 'r'],
  );
}

/**
 * The speed targets, per size: the first row at most 2× the plain-DOM floor at 1,000 events
 * (3× at 10,000, where the feed is 8.9 MB of text) and at least 5× faster than FullCalendar;
 * long tasks are reported beside them (the target at 10,000 events: no worse than the floor's).
 * @param {Cell[]} cells
 * @param {number} size
 * @param {number} timeoutMs
 * @returns {string[]}
 */
function budgetLines(cells, size, timeoutMs) {
  const cell = (/** @type {string} */ kind) => cells.find((c) => c.kind === kind && c.size === size);
  const first = (/** @type {string} */ kind) => {
    const c = cell(kind);
    return c && c.samples.length > 0 ? medianOf(c.samples, (s) => s.firstRowMs) : Number.NaN;
  };
  const floorMax = size >= 10_000 ? 3 : 2;
  const lines = [];
  const fc = cell('fullcalendar');
  const floorLongTasks = medianOf(cell('floor')?.samples ?? [], (s) => s.longTaskMs);
  // Only what was measured (`--pages` may leave pages out).
  if (!cell('floor') || !fc) return lines;
  for (const kind of ['otel-ics', 'otel-json']) {
    if (!cell(kind)) continue;
    const ours = first(kind);
    const label = PAGE_LABELS[/** @type {keyof typeof PAGE_LABELS} */ (kind)];
    const fcFinished = Boolean(fc && fc.samples.length > 0);
    // A FullCalendar page that timed out took at least the timeout: a lower bound on the ratio.
    const ratio = (fcFinished ? first('fullcalendar') : timeoutMs) / ours;
    const speedup = fcFinished
      ? `${ratio.toFixed(1)}× faster than FullCalendar (${formatMs(first('fullcalendar'))} ms)`
      : `≥ ${ratio.toFixed(1)}× faster than FullCalendar (it did not finish: ${fc?.failure ?? 'not run'})`;
    const floorRatio = ours / first('floor');
    const longTasks = medianOf(cell(kind)?.samples ?? [], (s) => s.longTaskMs);
    lines.push(
      `${label}, ${size} events: first row ${formatMs(ours)} ms; ${speedup} (≥ 5×: ${ratio >= 5 ? 'met' : 'NOT met'}); ` +
        `${floorRatio.toFixed(2)}× the floor's ${formatMs(first('floor'))} ms (≤ ${floorMax}×: ${floorRatio <= floorMax ? 'met' : 'NOT met'}); ` +
        `long tasks ${formatMs(longTasks)} ms (the floor's: ${formatMs(floorLongTasks)} ms)`,
    );
  }
  return lines;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const root = join(REPO, '.bench');
  await mkdir(root, { recursive: true });
  const started = Date.now();
  const report = [];
  /** @type {Record<string, unknown>} */
  const results = { options, anchor: ANCHOR, windowDays: WINDOW_DAYS, zone: FEED_ZONE, date: new Date().toISOString() };

  if (options.engine) {
    console.log('Engine timings (Node)…');
    const engine = await loadEngine(root);
    const { rows, age } = engineTimings(engine, {
      sizes: options.sizes,
      seed: options.seed,
      anchor: ANCHOR,
      rounds: options.rounds,
    });
    results.engine = { rows, age };
    const table = markdownTable(
      [
        'events',
        'parse (ms)',
        'expand 1 year (ms)',
        'occurrences in the year',
        'expand 30 days (ms)',
        'occurrences in 30 days',
      ],
      rows.map((r) => [
        String(r.size),
        formatMs(r.parseMs),
        formatMs(r.expandMs),
        String(r.occurrences),
        formatMs(r.expandWindowMs),
        String(r.windowOccurrences),
      ]),
      ['r', 'r', 'r', 'r', 'r', 'r'],
    );
    const ageTable = markdownTable(
      ['series age (expand a 30-day window)', 'ms per call', 'occurrences'],
      age.map((a) => [a.label, a.ms.toFixed(3), String(a.occurrences)]),
      ['l', 'r', 'r'],
    );
    report.push(`### Engine (Node ${process.version}, median of ${options.rounds})\n\n${table}\n\n${ageTable}`);
    console.log(`${table}\n\n${ageTable}\n`);
  }

  let failed = false;
  if (options.browser) {
    console.log('Building pages from the current sources…');
    const pages = await buildSite({
      root,
      sizes: options.sizes,
      seed: options.seed,
      anchor: ANCHOR,
      days: WINDOW_DAYS,
    });
    const { startServer } = await import('./server.js');
    const server = await startServer(join(root, 'site'));
    const executablePath = findChromium();
    if (!executablePath) throw new Error("No Chromium found (set CHROME_PATH or install Debian's chromium)");
    const browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      env: { ...process.env, TZ: FEED_ZONE },
    });
    const version = await browser.version();
    results.browser = version;
    const now = pinnedNow(ANCHOR);
    /** @type {Cell[]} */
    const cells = [];
    results.loadBefore = loadavg();
    try {
      // One untimed visit of each page (server's gzip cache, Chromium's code paths), except the
      // FullCalendar pages of 10,000+ events, which would only burn the timeout.
      console.log('Warm-up visits…');
      for (const [key, path] of pages) {
        const [kind, size] = key.split(':');
        if (!options.pages.includes(kind ?? '') || (kind === 'fullcalendar' && Number(size) > 1000)) continue;
        await measurePage(browser, `${server.origin}${path}`, {
          pinnedNow: now,
          timeZone: FEED_ZONE,
          timeout: options.timeoutMs,
          repeat: false,
        }).catch(() => undefined);
      }
      for (const size of options.sizes) {
        const ofSize = PAGE_KINDS.filter((kind) => options.pages.includes(kind)).map((kind) => {
          /** @type {Cell} */
          const c = { kind, size, samples: [], repeats: [], failure: null };
          cells.push(c);
          return c;
        });
        for (let round = 0; round < options.rounds; round++) {
          // Rotate the order each round so no page always runs first (or right after another).
          for (let k = 0; k < ofSize.length; k++) {
            const cell = /** @type {Cell} */ (ofSize[(k + round) % ofSize.length]);
            if (cell.failure) continue;
            const url = `${server.origin}${pages.get(`${cell.kind}:${size}`)}`;
            try {
              const { first, repeat } = await measurePage(browser, url, {
                pinnedNow: now,
                timeZone: FEED_ZONE,
                timeout: options.timeoutMs,
                repeat: REPEAT_KINDS.has(cell.kind),
              });
              cell.samples.push(first);
              if (repeat) cell.repeats.push(repeat);
              const takenOver = first.takeOver
                ? `, taken over at ${formatMs(first.takeOver.atMs)} ms (longest task then ${formatMs(first.takeOver.longestTaskMs)} ms)`
                : '';
              process.stdout.write(
                `  ${size} ${cell.kind} round ${round + 1}: first row ${formatMs(first.firstRowMs)} ms, long tasks ${formatMs(first.longTaskMs)} ms, CLS ${formatCls(first.cls)}${takenOver}, ${first.rows} rows\n`,
              );
            } catch (error) {
              const message = error instanceof Error ? error.message : String(error);
              cell.failure = /timeout|exceeded/i.test(message)
                ? `timeout ${options.timeoutMs / 1000} s`
                : (message.split('\n')[0] ?? 'error');
              process.stdout.write(
                `  ${size} ${cell.kind} round ${round + 1}: did not finish (${cell.failure}); no more rounds for this page\n`,
              );
            }
          }
        }
      }
    } finally {
      await browser.close();
      await server.close();
    }
    results.cells = cells;
    results.loadAfter = loadavg();
    const table = browserTable(cells);
    const repeats = repeatTable(cells);
    const budgets = options.sizes
      .filter((size) => size >= 1000)
      .flatMap((size) => budgetLines(cells, size, options.timeoutMs));
    const takeOver = takeOverTable(cells);
    const goals = options.sizes.flatMap((size) => takeOverGoals(cells, size) ?? []);
    const load = (/** @type {number[]} */ l) => l.map((x) => x.toFixed(1)).join(' / ');
    report.push(
      `### Browser (${version}, zone ${FEED_ZONE}, window ${ANCHOR} + ${WINDOW_DAYS} days, median of ${options.rounds}; load average before ${load(/** @type {number[]} */ (results.loadBefore))}, after ${load(/** @type {number[]} */ (results.loadAfter))})\n\n${table}\n\n${repeats}\n\nBudgets:\n${budgets.map((b) => `- ${b}`).join('\n')}`,
      `### Prerendered page: first row beside the floor, and the take-over\n\n${takeOver}\n\nGoals:\n${goals.map((g) => `- ${g}`).join('\n')}`,
    );
    console.log(`\n${table}\n\n${repeats}\n\n${budgets.join('\n')}\n\n${takeOver}\n\n${goals.join('\n')}`);
    const problems = fairnessProblems(cells);
    const failures = cells
      .filter((c) => c.failure && c.kind !== 'fullcalendar')
      .map((c) => `${c.size} ${c.kind}: ${c.failure}`);
    if (problems.length > 0 || failures.length > 0) {
      failed = true;
      console.error(`\nUNFAIR OR FAILED COMPARISON:\n${[...problems, ...failures].map((p) => `  - ${p}`).join('\n')}`);
      report.push(`**Comparison problems:**\n${[...problems, ...failures].map((p) => `- ${p}`).join('\n')}`);
    }
  }

  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  report.push(`Run took ${minutes} min.`);
  await writeFile(join(root, 'results.json'), JSON.stringify(results, null, 2));
  await writeFile(join(root, 'results.md'), `${report.join('\n\n')}\n`);
  console.log(`\nRun took ${minutes} min. Results: .bench/results.md, .bench/results.json`);
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
