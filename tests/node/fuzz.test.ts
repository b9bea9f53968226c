/**
 * Property test: mutate the valid fixtures in seeded, reproducible ways and check that
 * the engine never throws anything but a CalendarError, never runs long, and that what it returns
 * is well-formed (sorted occurrences that overlap the window, warnings with codes and messages).
 *
 * The cases run in a worker thread; the main thread is a watchdog: a case still running after
 * HANG_MS is a hang (an unbounded loop), the worker is terminated and the case printed. A case
 * that finishes but takes more than CASE_MS fails too. Every failure prints the seed, the case
 * number and the mutated input, and can be replayed alone:
 *
 *   FUZZ_SEED=<seed> FUZZ_CASE=<n> TZ=America/New_York node --import tsx --test tests/node/fuzz.test.ts
 *
 * FUZZ_CASES sets how many cases run (default 2,000), FUZZ_SEED the seed (default fixed, so
 * `npm test` is deterministic).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
  CalendarError,
  expandCalendar,
  findNextOccurrence,
  parseCalendar,
  type CalendarWarning,
  type Occurrence,
} from '../../src/calendar/index.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const BASES = [
  'dates.ics',
  'discussion-groups.ics',
  'hostile.ics',
  'old-series.ics',
  'overrides.ics',
  'rrule-variety.ics',
  'rtl.ics',
  'x-wr-timezone.ics',
  'zones.ics',
];

const DEFAULT_SEED = 20261122;
const DEFAULT_CASES = 2_000;
/** A finished case slower than this fails (a generous safety bound, not a performance claim). */
const CASE_MS = 1_000;
/** A case still running after this long is a hang: the worker is stopped. */
const HANG_MS = 10_000;

// ---------------------------------------------------------------------------------------------
// Deterministic generation

/** mulberry32: a tiny, fast, seedable PRNG (32-bit state). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Random {
  /** Integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

function random(seed: number): Random {
  const next = prng(seed);
  const int = (n: number): number => Math.floor(next() * n);
  return {
    int,
    pick: <T>(items: readonly T[]): T => items[int(items.length)] as T,
    chance: (p) => next() < p,
  };
}

const HUGE = [
  '0',
  '-1',
  '1',
  '2',
  '7',
  '366',
  '-366',
  '999',
  '65535',
  '2147483647',
  '4294967296',
  '99999999999999999999',
  '1e308',
  'NaN',
  '',
  'x',
];
const RULE_PARTS = [
  'FREQ',
  'INTERVAL',
  'COUNT',
  'UNTIL',
  'BYSETPOS',
  'BYDAY',
  'BYMONTHDAY',
  'BYYEARDAY',
  'BYWEEKNO',
  'BYMONTH',
  'BYHOUR',
  'BYMINUTE',
  'BYSECOND',
  'WKST',
];
const FREQS = ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'FORTNIGHTLY', ''];
const PART_VALUES: Readonly<Record<string, readonly string[]>> = {
  FREQ: FREQS,
  UNTIL: ['20261231', '20261231T235959Z', '19000101T000000Z', '99991231T235959Z', '20260230', 'tomorrow', ''],
  BYDAY: ['MO', '-1SU', '53TU', '-54FR', '1MO,2TU,3WE,4TH,5FR', 'XX', '0MO', 'MO,TU,WE,TH,FR,SA,SU'],
  WKST: ['MO', 'SU', 'XX', '8'],
};
const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Mars/Olympus_Mons',
  'W. Europe Standard Time',
  '(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi',
  '(GMT-99:00) Nowhere',
  '/mozilla.org/20050126_1/Europe/Paris',
  'US-Eastern',
  '',
  '"',
  'Etc/GMT+12',
  'Pacific/Kiritimati',
  'Z'.repeat(300),
];
const VIEWER_ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Pacific/Apia', 'America/St_Johns'];
const COMPONENTS = ['VEVENT', 'VCALENDAR', 'VTIMEZONE', 'STANDARD', 'DAYLIGHT', 'VALARM', 'VTODO', 'X-NESTED'];

type Mutation = (lines: string[], r: Random) => string[];

function at<T>(items: readonly T[], i: number): T {
  return items[Math.min(Math.max(i, 0), items.length - 1)] as T;
}

const mutations: Readonly<Record<string, Mutation>> = {
  deleteLine: (lines, r) => lines.filter((_, i) => i !== r.int(lines.length)),
  duplicateLine: (lines, r) => {
    const i = r.int(lines.length);
    return [...lines.slice(0, i), at(lines, i), ...lines.slice(i)];
  },
  swapLines: (lines, r) => {
    const out = [...lines];
    const i = r.int(out.length);
    const j = r.int(out.length);
    [out[i], out[j]] = [at(out, j), at(out, i)];
    return out;
  },
  truncate: (lines, r) => {
    const text = lines.join('\r\n');
    return text.slice(0, r.int(text.length + 1)).split('\r\n');
  },
  flipChars: (lines, r) => {
    const chars = [...lines.join('\r\n')];
    for (let n = 1 + r.int(8); n > 0; n--)
      chars[r.int(chars.length)] = String.fromCharCode(r.int(0x10000) & (r.chance(0.7) ? 0xff : 0xffff));
    return chars.join('').split('\r\n');
  },
  insertControl: (lines, r) => {
    const text = lines.join('\r\n');
    const i = r.int(text.length);
    const control = r.pick(['\r', '\n', '\0', '\r\n ', '\t', '\u2028', '\uFEFF', '\r\r\n']);
    return (text.slice(0, i) + control + text.slice(i)).split('\r\n');
  },
  rulePart: (lines, r) => {
    const part = r.pick(RULE_PARTS);
    const value = r.pick(PART_VALUES[part] ?? HUGE);
    const rules = lines.map((l, i) => (/^RRULE[:;]/i.test(l) ? i : -1)).filter((i) => i >= 0);
    if (rules.length === 0) return lines;
    const i = r.pick(rules);
    const out = [...lines];
    const line = at(out, i);
    const pattern = new RegExp(`${part}=[^;]*`, 'i');
    out[i] = pattern.test(line) ? line.replace(pattern, `${part}=${value}`) : `${line};${part}=${value}`;
    return out;
  },
  swapStartEnd: (lines) =>
    lines.map((l) =>
      /^DTSTART/i.test(l) ? l.replace(/^DTSTART/i, 'DTEND') : /^DTEND/i.test(l) ? l.replace(/^DTEND/i, 'DTSTART') : l,
    ),
  randomTzid: (lines, r) => {
    const zone = r.pick(ZONES);
    return lines.map((l) =>
      r.chance(0.5) ? l.replace(/TZID=("[^"]*"|[^;:]*)/gi, `TZID=${zone}`).replace(/^TZID:.*/i, `TZID:${zone}`) : l,
    );
  },
  unbalanced: (lines, r) => {
    const out = [...lines];
    out.splice(r.int(out.length + 1), 0, `${r.pick(['BEGIN', 'END'])}:${r.pick(COMPONENTS)}`);
    return out;
  },
  deepNesting: (lines, r) => {
    const depth = 1 + r.int(2000);
    const kind = r.pick(COMPONENTS);
    const i = r.int(lines.length + 1);
    const open = Array.from({ length: depth }, () => `BEGIN:${kind}`);
    const close = r.chance(0.5) ? Array.from({ length: depth }, () => `END:${kind}`) : [];
    return [...lines.slice(0, i), ...open, ...close, ...lines.slice(i)];
  },
  dateDigits: (lines, r) =>
    lines.map((l) =>
      /^(DTSTART|DTEND|EXDATE|RDATE|RECURRENCE-ID|UNTIL)/i.test(l) && r.chance(0.3)
        ? l.replace(/\d/g, (d) => (r.chance(0.2) ? String(r.int(10)) : d))
        : l,
    ),
  hugeList: (lines, r) => {
    const out = [...lines];
    const count = 1 + r.int(5000);
    const value = `EXDATE:${Array.from({ length: count }, (_, k) => `2026${String(1 + (k % 12)).padStart(2, '0')}${String(1 + (k % 28)).padStart(2, '0')}T100000Z`).join(',')}`;
    const events = out.map((l, i) => (/^BEGIN:VEVENT/i.test(l) ? i : -1)).filter((i) => i >= 0);
    out.splice(events.length > 0 ? r.pick(events) + 1 : 0, 0, value);
    return out;
  },
};
const MUTATION_NAMES = Object.keys(mutations);

interface FuzzCase {
  readonly base: string;
  readonly applied: string[];
  readonly input: string;
  readonly viewer: string;
  readonly from: number;
  readonly to: number;
  readonly next: boolean;
}

/** Case `index` of run `seed`: the same pair always gives the same case. */
function makeCase(seed: number, index: number, bases: ReadonlyMap<string, string>): FuzzCase {
  const r = random((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const base = r.pick([...bases.keys()]);
  let lines = (bases.get(base) ?? '').split(/\r\n|\n/);
  const applied: string[] = [];
  for (let n = 1 + r.int(3); n > 0; n--) {
    const name = r.pick(MUTATION_NAMES);
    const mutation = mutations[name];
    if (!mutation || lines.length === 0) continue;
    lines = mutation(lines, r);
    applied.push(name);
  }
  const from = Date.UTC(2026, r.int(12), 1 + r.int(28), r.int(24));
  const to = from + (r.chance(0.1) ? r.int(3) - 1 : 1 + r.int(120)) * 86_400_000;
  return { base, applied, input: lines.join('\r\n'), viewer: r.pick(VIEWER_ZONES), from, to, next: r.chance(0.2) };
}

// ---------------------------------------------------------------------------------------------
// Checking one case

const WARNING_CODES = new Set([
  'malformed-component',
  'invalid-property',
  'invalid-rrule',
  'unknown-timezone',
  'invalid-timezone',
  'end-before-start',
  'expansion-limit',
]);

function checkWarnings(warnings: readonly CalendarWarning[]): void {
  for (const w of warnings) {
    assert.ok(WARNING_CODES.has(w.code), `unknown warning code ${w.code}`);
    assert.ok(typeof w.message === 'string' && w.message.length > 0, 'a warning without a message');
  }
}

function checkOccurrences(occurrences: readonly Occurrence[], from: number, to: number): void {
  let previous = Number.NEGATIVE_INFINITY;
  for (const o of occurrences) {
    assert.ok(Number.isFinite(o.start) && Number.isFinite(o.end), `non-finite time in ${o.uid}`);
    assert.ok(o.end >= o.start, `${o.uid} ends before it starts`);
    assert.ok(o.start >= previous, 'occurrences out of order');
    previous = o.start;
    const overlaps = o.end > o.start ? o.start < to && o.end > from : o.start >= from && o.start < to;
    assert.ok(overlaps, `${o.uid} at ${new Date(o.start).toISOString()} is outside the window`);
  }
}

/** Runs one case; throws (an assertion or the engine's own error) when a property fails. */
function runCase(c: FuzzCase): void {
  let calendar;
  try {
    calendar = parseCalendar(c.input);
  } catch (error) {
    if (error instanceof CalendarError) return;
    throw error;
  }
  checkWarnings(calendar.warnings);
  const { occurrences, warnings } = expandCalendar(calendar, {
    from: c.from,
    to: c.to,
    timeZone: c.viewer,
    includeCancelled: c.next,
  });
  checkWarnings(warnings);
  checkOccurrences(occurrences, c.from, c.to);
  if (c.next) {
    const next = findNextOccurrence(calendar, c.to, { timeZone: c.viewer, years: 1 });
    if (next)
      assert.ok(next.end > c.to || next.start >= c.to, 'findNextOccurrence returned an occurrence before its start');
  }
}

function describeCase(seed: number, index: number, c: FuzzCase): string {
  const shown = c.input.length > 4000 ? `${c.input.slice(0, 4000)}\n… (${c.input.length} characters)` : c.input;
  return (
    `FUZZ_SEED=${seed} FUZZ_CASE=${index}: base ${c.base}, mutations ${c.applied.join(', ')}, ` +
    `window ${new Date(c.from).toISOString()} → ${new Date(c.to).toISOString()} in ${c.viewer}\n` +
    `--- input (JSON) ---\n${JSON.stringify(shown)}\n---`
  );
}

// ---------------------------------------------------------------------------------------------
// Worker side: run the cases, tell the watchdog where we are.

interface WorkerInput {
  readonly seed: number;
  readonly first: number;
  readonly count: number;
}

type WorkerMessage =
  | { readonly type: 'start'; readonly index: number }
  | { readonly type: 'fail'; readonly index: number; readonly message: string }
  | { readonly type: 'slow'; readonly index: number; readonly ms: number }
  | { readonly type: 'done'; readonly cases: number; readonly slowest: number; readonly slowestIndex: number };

function readBases(): Map<string, string> {
  return new Map(BASES.map((name) => [name, readFileSync(join(FIXTURES, name), 'utf8')]));
}

function workerMain(port: NonNullable<typeof parentPort>, input: WorkerInput): void {
  const bases = readBases();
  let slowest = 0;
  let slowestIndex = -1;
  for (let index = input.first; index < input.first + input.count; index++) {
    const c = makeCase(input.seed, index, bases);
    port.postMessage({ type: 'start', index } satisfies WorkerMessage);
    const started = performance.now();
    try {
      runCase(c);
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
      port.postMessage({ type: 'fail', index, message } satisfies WorkerMessage);
      continue;
    }
    let ms = performance.now() - started;
    // A slow case is timed again (twice at most): a pause from the machine's other work or the
    // garbage collector is not the engine's; a case slow every time is.
    for (let retry = 0; retry < 2 && ms > CASE_MS; retry++) {
      const again = performance.now();
      runCase(c);
      ms = Math.min(ms, performance.now() - again);
    }
    if (ms > slowest) {
      slowest = ms;
      slowestIndex = index;
    }
    if (ms > CASE_MS) port.postMessage({ type: 'slow', index, ms } satisfies WorkerMessage);
  }
  port.postMessage({ type: 'done', cases: input.count, slowest, slowestIndex } satisfies WorkerMessage);
}

// ---------------------------------------------------------------------------------------------
// Main side: the test and the watchdog.

interface RunReport {
  readonly failures: string[];
  readonly cases: number;
  readonly slowest: number;
  readonly slowestIndex: number;
}

function runInWorker(input: WorkerInput): Promise<RunReport> {
  const bases = readBases();
  const failures: string[] = [];
  // The worker runs this TypeScript file too: it registers tsx's loader first (Node 20 does not
  // carry the test process's `--import tsx` over to worker threads).
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  const bootstrap = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(import.meta.url)});`;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), { workerData: input });
  let current = -1;
  let startedAt = Date.now();
  return new Promise<RunReport>((resolve, reject) => {
    const watchdog = setInterval(() => {
      if (current >= 0 && Date.now() - startedAt > HANG_MS) {
        clearInterval(watchdog);
        void worker.terminate();
        failures.push(
          `HANG (> ${HANG_MS} ms, worker stopped) ${describeCase(input.seed, current, makeCase(input.seed, current, bases))}`,
        );
        resolve({ failures, cases: current - input.first, slowest: HANG_MS, slowestIndex: current });
      }
    }, 250);
    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'start':
          current = message.index;
          startedAt = Date.now();
          break;
        case 'fail':
          failures.push(
            `${message.message}\n${describeCase(input.seed, message.index, makeCase(input.seed, message.index, bases))}`,
          );
          break;
        case 'slow':
          failures.push(
            `SLOW (${message.ms.toFixed(0)} ms > ${CASE_MS} ms) ${describeCase(input.seed, message.index, makeCase(input.seed, message.index, bases))}`,
          );
          break;
        case 'done':
          clearInterval(watchdog);
          resolve({ failures, cases: message.cases, slowest: message.slowest, slowestIndex: message.slowestIndex });
          break;
      }
    });
    worker.on('error', (error) => {
      clearInterval(watchdog);
      reject(error);
    });
  });
}

function envInt(name: string): number | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : Number.parseInt(value, 10);
}

if (isMainThread) {
  const { test } = await import('node:test');
  const seed = envInt('FUZZ_SEED') ?? DEFAULT_SEED;
  const only = envInt('FUZZ_CASE');
  const input: WorkerInput =
    only === undefined
      ? { seed, first: 0, count: envInt('FUZZ_CASES') ?? DEFAULT_CASES }
      : { seed, first: only, count: 1 };

  test('the generator is deterministic: a seed and case number always give the same input', () => {
    const bases = readBases();
    for (const index of [0, 1, 99]) assert.deepEqual(makeCase(seed, index, bases), makeCase(seed, index, bases));
    assert.notEqual(makeCase(seed, 0, bases).input, makeCase(seed, 1, bases).input);
  });

  test(`mutated feeds (seed ${seed}, ${input.count} cases): only CalendarError escapes, well-formed results, each case bounded`, async (t) => {
    const report = await runInWorker(input);
    t.diagnostic(`${report.cases} cases; slowest ${report.slowest.toFixed(0)} ms (case ${report.slowestIndex})`);
    if (report.failures.length > 0) {
      assert.fail(
        `${report.failures.length} failing case(s); the first ones:\n\n${report.failures.slice(0, 3).join('\n\n')}`,
      );
    }
  });
} else if (parentPort) {
  workerMain(parentPort, workerData as WorkerInput);
}
