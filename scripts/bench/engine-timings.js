// Node-side engine timings: parse, and expand a one-year window, per feed size; and the cost of
// expanding a 30-day window of a daily series started in 2012 against one started last month.
// The engine is bundled from src/calendar/ at run time, so this measures the tree as it is.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { REPO } from './build-pages.js';
import { FEED_ZONE, generateFeed } from './generate-feed.js';
import { VTIMEZONES, localStamp } from './ics-text.js';
import { median } from './stats.js';

const DAY = 86_400_000;

/**
 * @typedef {object} Engine
 * @property {(text: string) => { events: readonly unknown[] }} parseCalendar
 * @property {(calendar: unknown, options: { from: number, to: number, timeZone: string }) => { occurrences: readonly unknown[] }} expandCalendar
 */

/**
 * Bundles and imports the engine.
 * @param {string} root the benchmark's output folder
 * @returns {Promise<Engine>}
 */
export async function loadEngine(root) {
  const outfile = join(root, 'engine.mjs');
  await build({
    entryPoints: [join(REPO, 'src/calendar/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
  });
  return /** @type {Engine} */ (await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`));
}

/**
 * Times `fn` `rounds` times, returning the median ms per call and the last result.
 * @template T
 * @param {number} rounds
 * @param {() => T} fn
 * @returns {{ ms: number, result: T }}
 */
function timed(rounds, fn) {
  const times = [];
  let result = fn(); // warm-up (JIT, lazy zone data); not counted
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    result = fn();
    times.push(performance.now() - start);
  }
  return { ms: median(times), result };
}

/**
 * A feed with one daily series from `firstDay` (YYYY-MM-DD), 10:00 in the feed's zone.
 * @param {string} firstDay
 */
export function dailySeriesFeed(firstDay) {
  const start = Date.parse(`${firstDay}T10:00:00Z`);
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//otel-community-widgets//bench//EN',
    ...VTIMEZONES[FEED_ZONE],
    'BEGIN:VEVENT',
    `UID:daily-${firstDay}@bench`,
    'DTSTAMP:20260101T000000Z',
    `DTSTART;TZID=${FEED_ZONE}:${localStamp(start)}`,
    `DTEND;TZID=${FEED_ZONE}:${localStamp(start + 30 * 60_000)}`,
    'RRULE:FREQ=DAILY',
    'SUMMARY:Daily stand-up',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/**
 * @typedef {object} EngineRow
 * @property {number} size
 * @property {number} parseMs
 * @property {number} expandMs     one-year window
 * @property {number} occurrences  in the one-year window
 * @property {number} expandWindowMs the pages' 30-day window
 * @property {number} windowOccurrences
 */

/**
 * @param {Engine} engine
 * @param {{ sizes: number[], seed: number, anchor: string, rounds: number }} options
 * @returns {{ rows: EngineRow[], age: { label: string, ms: number, occurrences: number }[] }}
 */
export function engineTimings(engine, { sizes, seed, anchor, rounds }) {
  const from = Date.parse(`${anchor}T00:00:00Z`) - 2 * 3_600_000; // midnight in Berlin (CEST)
  const rows = sizes.map((size) => {
    const text = generateFeed({ events: size, seed, anchor });
    const parse = timed(rounds, () => engine.parseCalendar(text));
    const expand = timed(rounds, () =>
      engine.expandCalendar(parse.result, { from, to: from + 365 * DAY, timeZone: FEED_ZONE }),
    );
    const month = timed(rounds, () =>
      engine.expandCalendar(parse.result, { from, to: from + 30 * DAY, timeZone: FEED_ZONE }),
    );
    return {
      size,
      parseMs: parse.ms,
      expandMs: expand.ms,
      occurrences: expand.result.occurrences.length,
      expandWindowMs: month.ms,
      windowOccurrences: month.result.occurrences.length,
    };
  });
  const lastMonth = new Date(from - 30 * DAY).toISOString().slice(0, 10);
  const age = [
    { label: 'daily series from 2012-01-02', firstDay: '2012-01-02' },
    { label: `daily series from ${lastMonth}`, firstDay: lastMonth },
  ].map(({ label, firstDay }) => {
    const calendar = engine.parseCalendar(dailySeriesFeed(firstDay));
    // Many calls per sample: one call is a few microseconds.
    const { ms, result } = timed(Math.max(rounds, 15), () => {
      let last;
      for (let i = 0; i < 200; i++)
        last = engine.expandCalendar(calendar, { from, to: from + 30 * DAY, timeZone: FEED_ZONE });
      return last;
    });
    return { label, ms: ms / 200, occurrences: result?.occurrences.length ?? 0 };
  });
  return { rows, age };
}
