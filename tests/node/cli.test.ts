/**
 * End-to-end tests of the built CLI, dist/cli/otel-calendar.js (run `npm run build` first;
 * `npm test` does). Every case spawns the real program with `process.execPath`, so argument
 * parsing, exit statuses, stdout/stderr and the files written are all checked as a user sees them.
 *
 * Fixtures are the repository's own tests/fixtures/*.ics. Expected values were derived from the
 * fixtures and RFC 5545 by hand (the reasoning is in the comments) and then confirmed with the CLI.
 * The process zone is pinned to America/New_York for every child (as scripts/run-node-tests.js
 * does for the test process), so defaults that depend on it are reproducible.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PROCESS_ZONE, ROOT, type RunResult, collect, run, startCli } from './cli-process.js';

const FIXTURES = join(ROOT, 'tests', 'fixtures');
const fixture = (name: string): string => join(FIXTURES, name);

function assertFailure(result: RunResult, code: number, message: RegExp, label = ''): void {
  const context = `${label ? `${label}: ` : ''}stderr was ${JSON.stringify(result.stderr)}`;
  assert.equal(result.code, code, `exit status (${context})`);
  assert.equal(result.stdout, '', `nothing on stdout (${context})`);
  assert.ok(!result.stderr.includes('    at '), `no stack trace on stderr (${context})`);
  const lines = result.stderr.split('\n');
  assert.equal(lines.length, 2, `exactly one stderr line (${context})`);
  assert.equal(lines[1], '');
  assert.match(lines[0] ?? '', /^otel-calendar: error: /, context);
  assert.match(lines[0] ?? '', message, context);
}

// ---------------------------------------------------------------------------------------------
// The JSON contract
// ---------------------------------------------------------------------------------------------

interface ListRow {
  readonly uid: string;
  readonly title: string;
  readonly start: string;
  readonly end: string;
  readonly allDay: boolean;
  readonly status: string | null;
  readonly recurrenceId: string | null;
  readonly location: string | null;
  readonly url: string | null;
  readonly joinUrl: string | null;
}

interface SnapshotRow extends ListRow {
  readonly description: string | null;
  readonly categories: readonly string[];
  readonly timeZone: string | null;
}

const LIST_KEYS = [
  'uid',
  'title',
  'start',
  'end',
  'allDay',
  'status',
  'recurrenceId',
  'location',
  'url',
  'joinUrl',
] as const;
const SNAPSHOT_KEYS = [...LIST_KEYS, 'description', 'categories', 'timeZone'] as const;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOrNull(row: Record<string, unknown>, key: string): string | null {
  const value = row[key];
  assert.ok(value === null || typeof value === 'string', `${key} is a string or null, got ${JSON.stringify(value)}`);
  return value;
}

function string(row: Record<string, unknown>, key: string): string {
  const value = row[key];
  assert.equal(typeof value, 'string', `${key} is a string`);
  return String(value);
}

/** Checks one row's exact key set and value types; all-day rows use dates, timed rows instants. */
function toListRow(raw: unknown, keys: readonly string[]): ListRow {
  assert.ok(isRecord(raw), 'each row is an object');
  assert.deepEqual(Object.keys(raw).sort(), [...keys].sort());
  assert.equal(typeof raw['allDay'], 'boolean');
  const row: ListRow = {
    uid: string(raw, 'uid'),
    title: string(raw, 'title'),
    start: string(raw, 'start'),
    end: string(raw, 'end'),
    allDay: raw['allDay'] === true,
    status: stringOrNull(raw, 'status'),
    recurrenceId: stringOrNull(raw, 'recurrenceId'),
    location: stringOrNull(raw, 'location'),
    url: stringOrNull(raw, 'url'),
    joinUrl: stringOrNull(raw, 'joinUrl'),
  };
  const form = row.allDay ? DATE : INSTANT;
  assert.match(row.start, form, `${row.uid} start`);
  assert.match(row.end, form, `${row.uid} end`);
  if (row.recurrenceId !== null) assert.match(row.recurrenceId, form, `${row.uid} recurrenceId`);
  return row;
}

/** Parses `list --format json` output: an array of rows with exactly the documented keys, sorted by start. */
function parseList(stdout: string): ListRow[] {
  const data: unknown = JSON.parse(stdout);
  assert.ok(Array.isArray(data), 'list --format json prints an array');
  const rows = data.map((raw: unknown) => toListRow(raw, LIST_KEYS));
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    // Dates and instants both sort correctly as text within one kind; compare as instants.
    if (a && b) assert.ok(Date.parse(a.start) <= Date.parse(b.start), `sorted by start: ${a.start} before ${b.start}`);
  }
  return rows;
}

interface Snapshot {
  readonly format: unknown;
  readonly version: unknown;
  readonly generated: unknown;
  readonly source: unknown;
  readonly name: unknown;
  readonly from: unknown;
  readonly to: unknown;
  readonly events: SnapshotRow[];
}

function parseSnapshot(text: string): Snapshot {
  const data: unknown = JSON.parse(text);
  assert.ok(isRecord(data), 'the snapshot is a JSON object');
  const events = data['events'];
  assert.ok(Array.isArray(events), 'the snapshot has an events array');
  return {
    format: data['format'],
    version: data['version'],
    generated: data['generated'],
    source: data['source'],
    name: data['name'],
    from: data['from'],
    to: data['to'],
    events: events.map((raw: unknown): SnapshotRow => {
      const row = toListRow(raw, SNAPSHOT_KEYS);
      assert.ok(isRecord(raw));
      const categories = raw['categories'];
      assert.ok(
        Array.isArray(categories) && categories.every((c: unknown) => typeof c === 'string'),
        'categories is a string array',
      );
      return {
        ...row,
        description: stringOrNull(raw, 'description'),
        categories: categories as string[],
        timeZone: stringOrNull(raw, 'timeZone'),
      };
    }),
  };
}

/** [start, end, uid, recurrenceId, title] — a compact way to state a whole expected list. */
type Brief = readonly [start: string, end: string, uid: string, recurrenceId: string | null, title: string];
const brief = (r: ListRow): Brief => [r.start, r.end, r.uid, r.recurrenceId, r.title];

// ---------------------------------------------------------------------------------------------
// Temporary directories and a local HTTP server
// ---------------------------------------------------------------------------------------------

const tempDirs: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'otel-calendar-cli-'));
  tempDirs.push(dir);
  return dir;
}

after(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

const HTML_PAGE =
  '<!doctype html>\n<html><head><title>Sign in</title></head><body><p>Please sign in.</p></body></html>\n';

interface LocalServer {
  readonly server: Server;
  readonly base: string;
  /** Resolves when /hang has sent its headers and first half. */
  readonly hanging: Promise<void>;
}

async function startServer(calendar: string): Promise<LocalServer> {
  let markHanging: () => void = () => undefined;
  const hanging = new Promise<void>((resolvePromise) => (markHanging = resolvePromise));
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    switch (request.url) {
      case '/calendar.ics':
        response.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' });
        response.end(calendar);
        return;
      case '/fail':
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end('internal error\n');
        return;
      case '/login':
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(HTML_PAGE);
        return;
      case '/hang': {
        // Headers and half the calendar, then nothing: a download that never finishes.
        const bytes = Buffer.from(calendar, 'utf8');
        response.writeHead(200, {
          'content-type': 'text/calendar; charset=utf-8',
          'content-length': String(bytes.length),
        });
        response.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => markHanging());
        return;
      }
      default:
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('not found\n');
    }
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolvePromise());
  });
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${port}`, hanging };
}

async function stopServer(local: LocalServer | undefined): Promise<void> {
  if (!local) return;
  local.server.closeAllConnections();
  await new Promise<void>((resolvePromise) => local.server.close(() => resolvePromise()));
}

/** Files in `dir` other than those expected: leftovers such as `.out.ics.<pid>.<hex>.tmp`. */
async function assertOnlyFiles(dir: string, expected: readonly string[]): Promise<void> {
  assert.deepEqual((await readdir(dir)).sort(), [...expected].sort(), `no temporary files left in ${dir}`);
}

// ---------------------------------------------------------------------------------------------
// list: overrides.ics
// ---------------------------------------------------------------------------------------------

/*
 * overrides.ics, window [2026-11-01Z, 2027-02-01Z), --tz UTC. Los Angeles is on PST (UTC-8) from
 * 2026-11-01, so 09:00 LA is 17:00Z throughout the window.
 *
 * SIG A (weekly Wed 09:00–10:00 LA, uid sig-a): Nov 4, 11, 18; Nov 25 EXDATE'd; Dec 2 moved to
 * Thu Dec 3 13:00 LA (21:00Z) and keeps RECURRENCE-ID 2026-12-02T17:00:00Z; Dec 9 EXDATE'd (as
 * 17:00Z) — its override (moved to Dec 10) must not show, EXDATE wins; Dec 16 CANCELLED; Dec 23
 * pushed to Jan 13; Dec 30 regular; Jan 6 pulled into Dec 30; Jan 13, 20, 27 regular. So Dec 30
 * and Jan 13 each carry two SIG A rows (the regular one and the moved one).
 * SIG B (weekly Wed 09:00–09:30 LA, a different UID in the same slot): every Wednesday, only its
 * own Nov 18 override (11:00 LA = 19:00Z) applies; SIG A's EXDATEs/overrides do not touch it.
 * Orphan override: a single event Dec 1 10:00 LA = 18:00Z, recurrenceId from its RECURRENCE-ID.
 * dup (daily ×3 at 15:00 LA = 23:00Z): Dec 2 replaced by the SEQUENCE:2 edit, 17:00 LA = Dec 3 01:00Z.
 * future (daily ×5 at 08:00 LA = 16:00Z): RANGE=THISANDFUTURE from Dec 3 moves Dec 3–5 to
 * 09:30 LA (17:30Z), 30 minutes, with the new title; recurrence ids stay the original slots.
 * Ties are ordered by end, then title: SIG B (30 min) before SIG A (60 min).
 */
const OVERRIDES_WITH_CANCELLED: readonly (readonly [...Brief, status: string | null])[] = [
  [
    '2026-11-04T17:00:00Z',
    '2026-11-04T17:30:00Z',
    'sig-b@test',
    '2026-11-04T17:00:00Z',
    'SIG B (same slot as SIG A)',
    null,
  ],
  ['2026-11-04T17:00:00Z', '2026-11-04T18:00:00Z', 'sig-a@test', '2026-11-04T17:00:00Z', 'SIG A', null],
  [
    '2026-11-11T17:00:00Z',
    '2026-11-11T17:30:00Z',
    'sig-b@test',
    '2026-11-11T17:00:00Z',
    'SIG B (same slot as SIG A)',
    null,
  ],
  ['2026-11-11T17:00:00Z', '2026-11-11T18:00:00Z', 'sig-a@test', '2026-11-11T17:00:00Z', 'SIG A', null],
  ['2026-11-18T17:00:00Z', '2026-11-18T18:00:00Z', 'sig-a@test', '2026-11-18T17:00:00Z', 'SIG A', null],
  [
    '2026-11-18T19:00:00Z',
    '2026-11-18T19:30:00Z',
    'sig-b@test',
    '2026-11-18T17:00:00Z',
    'SIG B (later this week)',
    null,
  ],
  [
    '2026-11-25T17:00:00Z',
    '2026-11-25T17:30:00Z',
    'sig-b@test',
    '2026-11-25T17:00:00Z',
    'SIG B (same slot as SIG A)',
    null,
  ],
  ['2026-12-01T16:00:00Z', '2026-12-01T16:30:00Z', 'future@test', '2026-12-01T16:00:00Z', 'Before the change', null],
  [
    '2026-12-01T18:00:00Z',
    '2026-12-01T19:00:00Z',
    'orphan@test',
    '2026-12-01T18:00:00Z',
    'Orphan override (series not in this file)',
    null,
  ],
  ['2026-12-01T23:00:00Z', '2026-12-02T00:00:00Z', 'dup@test', '2026-12-01T23:00:00Z', 'Daily x3', null],
  ['2026-12-02T16:00:00Z', '2026-12-02T16:30:00Z', 'future@test', '2026-12-02T16:00:00Z', 'Before the change', null],
  [
    '2026-12-02T17:00:00Z',
    '2026-12-02T17:30:00Z',
    'sig-b@test',
    '2026-12-02T17:00:00Z',
    'SIG B (same slot as SIG A)',
    null,
  ],
  ['2026-12-03T01:00:00Z', '2026-12-03T02:00:00Z', 'dup@test', '2026-12-02T23:00:00Z', 'Daily x3 (latest edit)', null],
  [
    '2026-12-03T17:30:00Z',
    '2026-12-03T18:00:00Z',
    'future@test',
    '2026-12-03T16:00:00Z',
    'After the change (this and future)',
    null,
  ],
  [
    '2026-12-03T21:00:00Z',
    '2026-12-03T22:00:00Z',
    'sig-a@test',
    '2026-12-02T17:00:00Z',
    'SIG A (moved to Thursday)',
    null,
  ],
  ['2026-12-03T23:00:00Z', '2026-12-04T00:00:00Z', 'dup@test', '2026-12-03T23:00:00Z', 'Daily x3', null],
  [
    '2026-12-04T17:30:00Z',
    '2026-12-04T18:00:00Z',
    'future@test',
    '2026-12-04T16:00:00Z',
    'After the change (this and future)',
    null,
  ],
  [
    '2026-12-05T17:30:00Z',
    '2026-12-05T18:00:00Z',
    'future@test',
    '2026-12-05T16:00:00Z',
    'After the change (this and future)',
    null,
  ],
  [
    '2026-12-09T17:00:00Z',
    '2026-12-09T17:30:00Z',
    'sig-b@test',
    '2026-12-09T17:00:00Z',
    'SIG B (same slot as SIG A)',
    null,
  ],
  [
    '2026-12-16T17:00:00Z',
    '2026-12-16T17:30:00Z',
    'sig-b@test',
    '2026-12-16T17:00:00Z',
    'SIG B (same slot as SIG A)',
    null,
  ],
  ['2026-12-16T17:00:00Z', '2026-12-16T18:00:00Z', 'sig-a@test', '2026-12-16T17:00:00Z', 'SIG A', 'CANCELLED'],
  [
    '2026-12-23T17:00:00Z',
    '2026-12-23T17:30:00Z',
    'sig-b@test',
    '2026-12-23T17:00:00Z',
    'SIG B (same slot as SIG A)',
    null,
  ],
  [
    '2026-12-30T17:00:00Z',
    '2026-12-30T17:30:00Z',
    'sig-b@test',
    '2026-12-30T17:00:00Z',
    'SIG B (same slot as SIG A)',
    null,
  ],
  ['2026-12-30T17:00:00Z', '2026-12-30T18:00:00Z', 'sig-a@test', '2026-12-30T17:00:00Z', 'SIG A', null],
  [
    '2026-12-30T17:00:00Z',
    '2026-12-30T18:00:00Z',
    'sig-a@test',
    '2027-01-06T17:00:00Z',
    'SIG A (January session pulled into December)',
    null,
  ],
  [
    '2027-01-06T17:00:00Z',
    '2027-01-06T17:30:00Z',
    'sig-b@test',
    '2027-01-06T17:00:00Z',
    'SIG B (same slot as SIG A)',
    null,
  ],
  [
    '2027-01-13T17:00:00Z',
    '2027-01-13T17:30:00Z',
    'sig-b@test',
    '2027-01-13T17:00:00Z',
    'SIG B (same slot as SIG A)',
    null,
  ],
  ['2027-01-13T17:00:00Z', '2027-01-13T18:00:00Z', 'sig-a@test', '2027-01-13T17:00:00Z', 'SIG A', null],
  [
    '2027-01-13T17:00:00Z',
    '2027-01-13T18:00:00Z',
    'sig-a@test',
    '2026-12-23T17:00:00Z',
    'SIG A (December session pushed to January)',
    null,
  ],
  [
    '2027-01-20T17:00:00Z',
    '2027-01-20T17:30:00Z',
    'sig-b@test',
    '2027-01-20T17:00:00Z',
    'SIG B (same slot as SIG A)',
    null,
  ],
  ['2027-01-20T17:00:00Z', '2027-01-20T18:00:00Z', 'sig-a@test', '2027-01-20T17:00:00Z', 'SIG A', null],
  [
    '2027-01-27T17:00:00Z',
    '2027-01-27T17:30:00Z',
    'sig-b@test',
    '2027-01-27T17:00:00Z',
    'SIG B (same slot as SIG A)',
    null,
  ],
  ['2027-01-27T17:00:00Z', '2027-01-27T18:00:00Z', 'sig-a@test', '2027-01-27T17:00:00Z', 'SIG A', null],
];
const briefOnly = (r: readonly [...Brief, string | null]): Brief => [r[0], r[1], r[2], r[3], r[4]];

const OVERRIDES_WINDOW = ['--from', '2026-11-01T00:00:00Z', '--to', '2027-02-01T00:00:00Z', '--tz', 'UTC'] as const;

describe('list --format json on overrides.ics', { concurrency: true }, () => {
  let plain: ListRow[] = [];
  let withCancelled: ListRow[] = [];

  before(async () => {
    const [a, b] = await Promise.all([
      run(['list', fixture('overrides.ics'), ...OVERRIDES_WINDOW, '--format', 'json']),
      run(['list', fixture('overrides.ics'), ...OVERRIDES_WINDOW, '--format', 'json', '--include-cancelled']),
    ]);
    for (const result of [a, b]) {
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stderr, '', 'no warnings for overrides.ics');
    }
    plain = parseList(a.stdout);
    withCancelled = parseList(b.stdout);
  });

  test('is exactly the expected occurrences, sorted by start, with only the documented keys', () => {
    // parseList has checked the key set, the value forms and the order of every row.
    assert.deepEqual(plain.map(brief), OVERRIDES_WITH_CANCELLED.filter((r) => r[5] !== 'CANCELLED').map(briefOnly));
    assert.equal(plain.length, 32);
    for (const row of plain) {
      assert.equal(row.allDay, false);
      assert.equal(row.status, null);
      assert.equal(row.location, null);
      assert.equal(row.url, null);
      assert.equal(row.joinUrl, null);
    }
  });

  test('a moved instance carries the recurrenceId of its original slot', () => {
    const moved = plain.filter((r) => r.title === 'SIG A (moved to Thursday)');
    assert.equal(moved.length, 1);
    assert.equal(moved[0]?.start, '2026-12-03T21:00:00Z');
    assert.equal(moved[0]?.recurrenceId, '2026-12-02T17:00:00Z');
    // The original Wednesday slot is gone for SIG A (SIG B still has it).
    assert.deepEqual(
      plain.filter((r) => r.start === '2026-12-02T17:00:00Z').map((r) => r.uid),
      ['sig-b@test'],
    );
    // Moves across the month boundary in both directions keep their original slots too.
    const pulled = plain.find((r) => r.title === 'SIG A (January session pulled into December)');
    assert.deepEqual(pulled && [pulled.start, pulled.recurrenceId], ['2026-12-30T17:00:00Z', '2027-01-06T17:00:00Z']);
    const pushed = plain.find((r) => r.title === 'SIG A (December session pushed to January)');
    assert.deepEqual(pushed && [pushed.start, pushed.recurrenceId], ['2027-01-13T17:00:00Z', '2026-12-23T17:00:00Z']);
    assert.ok(
      !plain.some((r) => r.uid === 'sig-a@test' && r.start === '2027-01-06T17:00:00Z'),
      'Jan 6 SIG A was pulled away',
    );
    assert.ok(
      !plain.some((r) => r.uid === 'sig-a@test' && r.start === '2026-12-23T17:00:00Z'),
      'Dec 23 SIG A was pushed away',
    );
  });

  test('the CANCELLED instance is absent by default and present with --include-cancelled', () => {
    const isCancelledSlot = (r: ListRow): boolean =>
      r.uid === 'sig-a@test' && r.recurrenceId === '2026-12-16T17:00:00Z';
    assert.equal(plain.filter(isCancelledSlot).length, 0);
    assert.ok(plain.every((r) => r.status !== 'CANCELLED'));

    const cancelled = withCancelled.filter(isCancelledSlot);
    assert.equal(cancelled.length, 1);
    assert.deepEqual(cancelled[0], {
      uid: 'sig-a@test',
      title: 'SIG A',
      start: '2026-12-16T17:00:00Z',
      end: '2026-12-16T18:00:00Z',
      allDay: false,
      status: 'CANCELLED',
      recurrenceId: '2026-12-16T17:00:00Z',
      location: null,
      url: null,
      joinUrl: null,
    });
    // Otherwise the two lists are the same.
    assert.deepEqual(
      withCancelled.map((r) => [...brief(r), r.status]),
      OVERRIDES_WITH_CANCELLED,
    );
    assert.equal(withCancelled.length, plain.length + 1);
  });

  test("the override of an EXDATE'd instance never appears", () => {
    for (const rows of [plain, withCancelled]) {
      assert.ok(
        !rows.some((r) => r.title.includes('must not show')),
        'the override of the EXDATE’d Dec 9 instance is hidden',
      );
      assert.ok(
        !rows.some((r) => r.uid === 'sig-a@test' && r.recurrenceId === '2026-12-09T17:00:00Z'),
        'no SIG A for the Dec 9 slot',
      );
      assert.ok(
        !rows.some((r) => r.uid === 'sig-a@test' && r.recurrenceId === '2026-11-25T17:00:00Z'),
        'no SIG A for the Nov 25 slot',
      );
      assert.ok(!rows.some((r) => r.start.startsWith('2026-12-10')), 'nothing on Dec 10');
    }
  });

  test("SIG B's override does not affect SIG A, and SIG A's exceptions do not affect SIG B", () => {
    // Same UTC slot (Wed 17:00Z), different UID: each series only sees its own overrides.
    const sigA18 = plain.filter((r) => r.uid === 'sig-a@test' && r.recurrenceId === '2026-11-18T17:00:00Z');
    assert.deepEqual(sigA18.map(brief), [
      ['2026-11-18T17:00:00Z', '2026-11-18T18:00:00Z', 'sig-a@test', '2026-11-18T17:00:00Z', 'SIG A'],
    ]);
    const sigB18 = plain.filter((r) => r.uid === 'sig-b@test' && r.recurrenceId === '2026-11-18T17:00:00Z');
    assert.deepEqual(sigB18.map(brief), [
      ['2026-11-18T19:00:00Z', '2026-11-18T19:30:00Z', 'sig-b@test', '2026-11-18T17:00:00Z', 'SIG B (later this week)'],
    ]);

    const sigB = plain.filter((r) => r.uid === 'sig-b@test');
    const wednesdays = [
      '2026-11-04',
      '2026-11-11',
      '2026-11-18',
      '2026-11-25',
      '2026-12-02',
      '2026-12-09',
      '2026-12-16',
      '2026-12-23',
      '2026-12-30',
      '2027-01-06',
      '2027-01-13',
      '2027-01-20',
      '2027-01-27',
    ];
    assert.deepEqual(
      sigB.map((r) => r.recurrenceId),
      wednesdays.map((d) => `${d}T17:00:00Z`),
      'SIG B keeps every Wednesday',
    );
    assert.ok(
      sigB.every((r) => r.status === null),
      'SIG A’s cancellation does not cancel SIG B',
    );
  });

  test('the orphan override appears once', () => {
    const orphans = withCancelled.filter((r) => r.uid === 'orphan@test');
    assert.deepEqual(orphans.map(brief), [
      [
        '2026-12-01T18:00:00Z',
        '2026-12-01T19:00:00Z',
        'orphan@test',
        '2026-12-01T18:00:00Z',
        'Orphan override (series not in this file)',
      ],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// list: dates.ics, zones, filtering, text, warnings
// ---------------------------------------------------------------------------------------------

/*
 * dates.ics, window [2026-11-01Z, 2027-01-01Z), --tz UTC:
 * - all-day rows keep their dates, end exclusive: All-day 11-24→11-25; no DTEND → one day
 *   11-26→11-27; the conference 12-01→12-04; Monday all-day every Monday from 11-02 except the
 *   EXDATE 11-30.
 * - DURATION PT1H30M: 15:00Z→16:30Z; no DTEND/DURATION on a DATE-TIME: zero length (18:00Z).
 * - Floating 09:00 read in --tz UTC: 09:00Z.
 * - RDATEs: Paris 14:00 (CET, UTC+1) → 13:00Z on 11-23 (DTSTART) and 11-28; 12-05 16:00 Paris →
 *   15:00Z; PERIOD 12:00Z/15:00Z and 12:00Z/PT15M keep their own lengths.
 * - Daily ×4 at 08:00 Paris (07:00Z) 11-23…11-26, minus EXDATE;VALUE=DATE 11-24 and EXDATE
 *   11-25T07:00Z → 11-23 and 11-26.
 */
const DATES_UTC: readonly (readonly [...Brief, allDay: boolean])[] = [
  ['2026-11-02', '2026-11-03', 'allday-weekly@test', '2026-11-02', 'Monday all-day', true],
  ['2026-11-09', '2026-11-10', 'allday-weekly@test', '2026-11-09', 'Monday all-day', true],
  ['2026-11-16', '2026-11-17', 'allday-weekly@test', '2026-11-16', 'Monday all-day', true],
  ['2026-11-23', '2026-11-24', 'allday-weekly@test', '2026-11-23', 'Monday all-day', true],
  [
    '2026-11-23T07:00:00Z',
    '2026-11-23T07:30:00Z',
    'exdate-date@test',
    '2026-11-23T07:00:00Z',
    'Daily with EXDATE as DATE and in UTC',
    false,
  ],
  ['2026-11-23T13:00:00Z', '2026-11-23T14:00:00Z', 'rdates@test', '2026-11-23T13:00:00Z', 'Irregular (RDATE)', false],
  ['2026-11-24', '2026-11-25', 'allday@test', null, 'All-day', true],
  ['2026-11-25T15:00:00Z', '2026-11-25T16:30:00Z', 'duration@test', null, 'Ninety minutes (DURATION)', false],
  ['2026-11-25T18:00:00Z', '2026-11-25T18:00:00Z', 'noend@test', null, 'Deadline (no DTEND: zero length)', false],
  ['2026-11-26', '2026-11-27', 'allday-noend@test', null, 'All-day without DTEND (one day)', true],
  [
    '2026-11-26T07:00:00Z',
    '2026-11-26T07:30:00Z',
    'exdate-date@test',
    '2026-11-26T07:00:00Z',
    'Daily with EXDATE as DATE and in UTC',
    false,
  ],
  ['2026-11-27T09:00:00Z', '2026-11-27T10:00:00Z', 'floating@test', null, 'Floating 09:00 wherever you are', false],
  ['2026-11-28T13:00:00Z', '2026-11-28T14:00:00Z', 'rdates@test', '2026-11-28T13:00:00Z', 'Irregular (RDATE)', false],
  ['2026-12-01', '2026-12-04', 'multiday@test', null, 'Three-day conference', true],
  ['2026-12-05T15:00:00Z', '2026-12-05T16:00:00Z', 'rdates@test', '2026-12-05T15:00:00Z', 'Irregular (RDATE)', false],
  ['2026-12-07', '2026-12-08', 'allday-weekly@test', '2026-12-07', 'Monday all-day', true],
  ['2026-12-10T12:00:00Z', '2026-12-10T15:00:00Z', 'rdates@test', '2026-12-10T12:00:00Z', 'Irregular (RDATE)', false],
  ['2026-12-12T12:00:00Z', '2026-12-12T12:15:00Z', 'rdates@test', '2026-12-12T12:00:00Z', 'Irregular (RDATE)', false],
  ['2026-12-14', '2026-12-15', 'allday-weekly@test', '2026-12-14', 'Monday all-day', true],
  ['2026-12-21', '2026-12-22', 'allday-weekly@test', '2026-12-21', 'Monday all-day', true],
  ['2026-12-28', '2026-12-29', 'allday-weekly@test', '2026-12-28', 'Monday all-day', true],
];

async function listJson(args: readonly string[], env?: NodeJS.ProcessEnv): Promise<ListRow[]> {
  const result = await run(['list', ...args, '--format', 'json'], env);
  assert.equal(result.code, 0, result.stderr);
  return parseList(result.stdout);
}

const FLOATING_DAY = [
  '--from',
  '2026-11-27T00:00:00Z',
  '--to',
  '2026-11-28T00:00:00Z',
  '--filter',
  'floating',
] as const;

describe('list on dates.ics', { concurrency: true }, () => {
  test('all-day values are YYYY-MM-DD with an exclusive end and allDay: true', async () => {
    const rows = await listJson([
      fixture('dates.ics'),
      '--from',
      '2026-11-01T00:00:00Z',
      '--to',
      '2027-01-01T00:00:00Z',
      '--tz',
      'UTC',
    ]);
    assert.deepEqual(
      rows.map((r) => [...brief(r), r.allDay]),
      DATES_UTC,
    );
    const conference = rows.filter((r) => r.uid === 'multiday@test');
    assert.equal(conference.length, 1);
    assert.equal(conference[0]?.start, '2026-12-01');
    assert.equal(conference[0]?.end, '2026-12-04');
    assert.equal(conference[0]?.allDay, true);
    assert.ok(!rows.some((r) => r.start === '2026-11-30'), 'the EXDATE’d Monday is absent');
  });

  test('all-day dates do not move with --tz', async () => {
    for (const tz of ['Pacific/Auckland', 'America/Los_Angeles']) {
      const rows = await listJson([
        fixture('dates.ics'),
        '--from',
        '2026-11-20',
        '--to',
        '2026-12-10',
        '--tz',
        tz,
        '--filter',
        'conference',
      ]);
      assert.deepEqual(
        rows.map((r) => [r.start, r.end, r.allDay]),
        [['2026-12-01', '2026-12-04', true]],
        tz,
      );
    }
  });

  test('floating times follow --tz, and the process zone without it', async () => {
    const [newYork, berlin, utc, processZone] = await Promise.all([
      listJson([fixture('dates.ics'), ...FLOATING_DAY, '--tz', 'America/New_York']),
      listJson([fixture('dates.ics'), ...FLOATING_DAY, '--tz', 'Europe/Berlin']),
      listJson([fixture('dates.ics'), ...FLOATING_DAY, '--tz', 'UTC']),
      listJson([fixture('dates.ics'), ...FLOATING_DAY], { TZ: PROCESS_ZONE }),
    ]);
    // 09:00 EST (UTC-5) = 14:00Z; 09:00 CET (UTC+1) = 08:00Z.
    assert.deepEqual(
      newYork.map((r) => [r.start, r.end]),
      [['2026-11-27T14:00:00Z', '2026-11-27T15:00:00Z']],
    );
    assert.deepEqual(
      berlin.map((r) => [r.start, r.end]),
      [['2026-11-27T08:00:00Z', '2026-11-27T09:00:00Z']],
    );
    assert.deepEqual(
      utc.map((r) => [r.start, r.end]),
      [['2026-11-27T09:00:00Z', '2026-11-27T10:00:00Z']],
    );
    assert.deepEqual(
      processZone.map((r) => [r.start, r.end]),
      [['2026-11-27T14:00:00Z', '2026-11-27T15:00:00Z']],
    );
  });

  test('a --from date without a time is midnight in --tz', async () => {
    // 2026-11-27 00:00 in Berlin is 2026-11-26T23:00Z; the window [26T23:00Z, 27T23:00Z) holds 08:00Z.
    const berlin = await listJson([
      fixture('dates.ics'),
      '--from',
      '2026-11-27',
      '--to',
      '2026-11-28',
      '--tz',
      'Europe/Berlin',
    ]);
    assert.deepEqual(
      berlin.map((r) => [r.uid, r.start]),
      [['floating@test', '2026-11-27T08:00:00Z']],
    );
  });
});

describe('list --filter and --limit', { concurrency: true }, () => {
  test('--filter keeps titles containing the text, case-insensitively', async () => {
    const rows = await listJson([fixture('overrides.ics'), ...OVERRIDES_WINDOW, '--filter', 'DAILY x3']);
    assert.deepEqual(rows.map(brief), [
      ['2026-12-01T23:00:00Z', '2026-12-02T00:00:00Z', 'dup@test', '2026-12-01T23:00:00Z', 'Daily x3'],
      ['2026-12-03T01:00:00Z', '2026-12-03T02:00:00Z', 'dup@test', '2026-12-02T23:00:00Z', 'Daily x3 (latest edit)'],
      ['2026-12-03T23:00:00Z', '2026-12-04T00:00:00Z', 'dup@test', '2026-12-03T23:00:00Z', 'Daily x3'],
    ]);
    // "sig a" is a substring of "SIG A…" and of "SIG B (same slot as SIG A)", not of "SIG B (later this week)".
    const sig = await listJson([fixture('overrides.ics'), ...OVERRIDES_WINDOW, '--filter', 'sig a']);
    assert.equal(sig.filter((r) => r.uid === 'sig-a@test').length, 10);
    assert.equal(sig.filter((r) => r.uid === 'sig-b@test').length, 12);
    assert.equal(sig.length, 22);
    assert.ok(!sig.some((r) => r.title === 'SIG B (later this week)'));
    const none = await listJson([fixture('overrides.ics'), ...OVERRIDES_WINDOW, '--filter', 'no such event']);
    assert.deepEqual(none, []);
  });

  test('--limit keeps the earliest N (after filtering)', async () => {
    const [two, zero, filtered] = await Promise.all([
      listJson([fixture('overrides.ics'), ...OVERRIDES_WINDOW, '--limit', '2']),
      listJson([fixture('overrides.ics'), ...OVERRIDES_WINDOW, '--limit', '0']),
      listJson([fixture('overrides.ics'), ...OVERRIDES_WINDOW, '--filter', 'before the change', '--limit', '1']),
    ]);
    assert.deepEqual(two.map(brief), OVERRIDES_WITH_CANCELLED.slice(0, 2).map(briefOnly));
    assert.deepEqual(zero, []);
    assert.deepEqual(
      filtered.map((r) => [r.uid, r.start]),
      [['future@test', '2026-12-01T16:00:00Z']],
    );
  });
});

describe('list --format text', { concurrency: true }, () => {
  test('prints an agenda with day headings and times in --tz', async () => {
    const result = await run([
      'list',
      fixture('overrides.ics'),
      '--from',
      '2026-12-01T00:00:00Z',
      '--to',
      '2026-12-04T00:00:00Z',
      '--tz',
      'UTC',
      '--format',
      'text',
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    const out = result.stdout;
    assert.ok(out.startsWith('Overrides — 1 Dec 2026, 00:00 to 4 Dec 2026, 00:00 (UTC)\n'), out);
    for (const heading of ['\nTue, 1 Dec 2026\n', '\nWed, 2 Dec 2026\n', '\nThu, 3 Dec 2026\n'])
      assert.ok(out.includes(heading), `heading ${JSON.stringify(heading)} in:\n${out}`);
    assert.match(out, /^ {2}18:00–19:00 {2}Orphan override \(series not in this file\)/m);
    // The host's own time is shown next to the viewer's (LA is UTC-8 in December).
    assert.match(out, /^ {2}21:00–22:00 {2}SIG A \(moved to Thursday\) \(13:00 (GMT-8|PST)\)$/m);
    assert.ok(
      out.indexOf('Tue, 1 Dec') < out.indexOf('Wed, 2 Dec') && out.indexOf('Wed, 2 Dec') < out.indexOf('Thu, 3 Dec'),
    );
    assert.ok(!out.includes('SIG A (override of an EXDATE'), 'hidden instances stay hidden in the agenda');
  });

  test('is the default format, and shows all-day spans and cancellations', async () => {
    const [dates, cancelled, empty] = await Promise.all([
      run(['list', fixture('dates.ics'), '--from', '2026-11-30', '--to', '2026-12-03', '--tz', 'Europe/Berlin']),
      run([
        'list',
        fixture('overrides.ics'),
        '--from',
        '2026-12-16',
        '--to',
        '2026-12-17',
        '--tz',
        'America/Los_Angeles',
        '--include-cancelled',
        '--filter',
        'sig a',
      ]),
      run(['list', fixture('dates.ics'), '--from', '2030-01-01', '--to', '2030-01-02', '--tz', 'UTC']),
    ]);
    assert.equal(dates.code, 0, dates.stderr);
    assert.ok(dates.stdout.includes('\nTue, 1 Dec 2026\n'), dates.stdout);
    assert.match(dates.stdout, /all day, until Thu, 3 Dec 2026 {2}Three-day conference/);
    assert.equal(cancelled.code, 0, cancelled.stderr);
    assert.ok(cancelled.stdout.includes('\nWed, 16 Dec 2026\n'), cancelled.stdout);
    assert.match(cancelled.stdout, /^ {2}09:00–10:00 {2}SIG A \[CANCELLED\]$/m);
    assert.match(cancelled.stdout, /^ {2}09:00–09:30 {2}SIG B \(same slot as SIG A\)$/m);
    assert.equal(empty.code, 0, empty.stderr);
    assert.ok(empty.stdout.includes('No events in this window.'), empty.stdout);
  });
});

describe('list on the other fixtures', { concurrency: true }, () => {
  test('malformed.ics: exit 0, the good events listed, warnings on stderr', async () => {
    const result = await run([
      'list',
      fixture('malformed.ics'),
      '--from',
      '2026-11-20T00:00:00Z',
      '--to',
      '2026-12-01T00:00:00Z',
      '--tz',
      'UTC',
      '--format',
      'json',
    ]);
    assert.equal(result.code, 0, result.stderr);
    const rows = parseList(result.stdout);
    const good = rows.filter((r) => r.uid.startsWith('good-')).map((r) => [r.uid, r.start, r.end, r.title]);
    assert.deepEqual(good, [
      ['good-1@test', '2026-11-24T10:00:00Z', '2026-11-24T11:00:00Z', 'Good event before the damage'],
      ['good-2@test', '2026-11-28T10:00:00Z', '2026-11-28T11:00:00Z', 'Good event after the damage'],
    ]);
    for (const uid of ['no-start@test', 'bad-rule@test', 'bad-date@test', 'unterminated@test']) {
      assert.ok(!rows.some((r) => r.uid === uid), `${uid} is skipped`);
    }
    const lines = result.stderr.trimEnd().split('\n');
    assert.ok(lines.length >= 4, `several warnings, got:\n${result.stderr}`);
    for (const line of lines) assert.match(line, /^otel-calendar: warning: \S/);
    assert.ok(!result.stderr.includes('    at '));
    assert.match(result.stderr, /FORTNIGHTLY.*\(uid bad-rule@test, line 15\)/);
    assert.match(result.stderr, /no END:VEVENT.*uid unterminated@test/);
    assert.match(result.stderr, /no valid DTSTART.*uid no-start@test/);
  });

  test('x-wr-timezone.ics: floating times use X-WR-TIMEZONE, not --tz', async () => {
    for (const tz of ['UTC', 'Europe/Berlin']) {
      const rows = await listJson([
        fixture('x-wr-timezone.ics'),
        '--from',
        '2026-11-23T00:00:00Z',
        '--to',
        '2026-11-25T00:00:00Z',
        '--tz',
        tz,
      ]);
      // 09:00 in Tokyo (UTC+9) is 00:00Z; the UTC event stays at 09:00Z.
      assert.deepEqual(
        rows.map((r) => [r.uid, r.start, r.end]),
        [
          ['floating-tokyo@test', '2026-11-24T00:00:00Z', '2026-11-24T01:00:00Z'],
          ['utc-stays@test', '2026-11-24T09:00:00Z', '2026-11-24T10:00:00Z'],
        ],
        tz,
      );
    }
  });

  test('zones.ics: Windows, vendor-prefixed and custom zones; an unknown zone warns', async () => {
    const result = await run([
      'list',
      fixture('zones.ics'),
      '--from',
      '2026-11-24T00:00:00Z',
      '--to',
      '2026-11-26T00:00:00Z',
      '--tz',
      'UTC',
      '--format',
      'json',
    ]);
    assert.equal(result.code, 0, result.stderr);
    // 12:00 local: Kolkata +05:30 → 06:30Z; +03:15 → 08:45Z; Berlin CET → 11:00Z; New York EST → 17:00Z;
    // Los Angeles PST → 20:00Z; the unknown zone is read as floating in --tz UTC → 12:00Z.
    assert.deepEqual(
      parseList(result.stdout).map((r) => [r.uid, r.start, r.end]),
      [
        ['mozilla@test', '2026-11-24T06:30:00Z', '2026-11-24T07:30:00Z'],
        ['custom@test', '2026-11-24T08:45:00Z', '2026-11-24T09:45:00Z'],
        ['windows-quoted@test', '2026-11-24T11:00:00Z', '2026-11-24T12:00:00Z'],
        ['iana@test', '2026-11-24T17:00:00Z', '2026-11-24T18:00:00Z'],
        ['windows@test', '2026-11-24T20:00:00Z', '2026-11-24T21:00:00Z'],
        ['unknown@test', '2026-11-25T12:00:00Z', '2026-11-25T13:00:00Z'],
      ],
    );
    assert.match(result.stderr, /^otel-calendar: warning: .*Nowhere\/Special/m);
  });

  test('rrule-variety.ics: November 2026 in UTC', async () => {
    const rows = await listJson([
      fixture('rrule-variety.ics'),
      '--from',
      '2026-11-01T00:00:00Z',
      '--to',
      '2026-12-01T00:00:00Z',
      '--tz',
      'UTC',
    ]);
    // Berlin is CET (UTC+1) in November. UNTIL is inclusive in all three forms (UTC instant,
    // DATE, local time); third Tuesday = Nov 17; last Friday = Nov 27; last day and last workday
    // = Mon Nov 30.
    assert.deepEqual(
      rows.map((r) => [r.uid, r.start]),
      [
        ['until-utc@test', '2026-11-02T09:00:00Z'],
        ['until-date@test', '2026-11-03T09:00:00Z'],
        ['until-floating@test', '2026-11-04T09:00:00Z'],
        ['until-utc@test', '2026-11-09T09:00:00Z'],
        ['until-date@test', '2026-11-10T09:00:00Z'],
        ['until-floating@test', '2026-11-11T09:00:00Z'],
        ['until-utc@test', '2026-11-16T09:00:00Z'],
        ['until-date@test', '2026-11-17T09:00:00Z'],
        ['third-tuesday@test', '2026-11-17T10:00:00Z'],
        ['until-floating@test', '2026-11-18T09:00:00Z'],
        ['last-friday@test', '2026-11-27T16:00:00Z'],
        ['last-day@test', '2026-11-30T08:00:00Z'],
        ['last-workday@test', '2026-11-30T15:00:00Z'],
      ],
    );
  });

  test('old-series.ics: a FREQ=SECONDLY rule is cut off with a warning, and the old series still expand', async () => {
    const result = await run([
      'list',
      fixture('old-series.ics'),
      '--from',
      '2026-11-24T08:00:00Z',
      '--to',
      '2026-11-24T09:00:00Z',
      '--tz',
      'UTC',
      '--format',
      'json',
      '--filter',
      'since 2012',
    ]);
    assert.equal(result.code, 0, result.stderr);
    // Daily 09:30 Berlin (CET) = 08:30Z on Tue Nov 24. 2026-11-24 is in an "on" week of the
    // biweekly series (2012-01-03 + 464 weeks), but 09:00 LA = 17:00Z is outside this hour.
    assert.deepEqual(
      parseList(result.stdout).map((r) => [r.uid, r.start, r.end]),
      [['daily-2012@test', '2026-11-24T08:30:00Z', '2026-11-24T08:45:00Z']],
    );
    assert.match(result.stderr, /^otel-calendar: warning: .*Hostile rule.*\(uid secondly@test\)$/m);
  });
});

// ---------------------------------------------------------------------------------------------
// Usage and errors
// ---------------------------------------------------------------------------------------------

describe('usage and errors', { concurrency: true }, () => {
  test('a missing file: exit 1, one error line, no stack trace', async () => {
    const missing = join(tmpdir(), 'otel-calendar-no-such-file.ics');
    assertFailure(
      await run(['list', missing]),
      1,
      new RegExp(`^otel-calendar: error: file not found: ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    );
  });

  test('a file that is not a calendar: exit 1 with a clear message', async () => {
    assertFailure(await run(['list', join(ROOT, 'package.json')]), 1, /not an iCalendar file/);
    assertFailure(await run(['list', FIXTURES]), 1, /is a directory, not a calendar file/);
  });

  test('usage mistakes exit 2', async () => {
    const file = fixture('overrides.ics');
    const cases: readonly (readonly [args: readonly string[], message: RegExp])[] = [
      [['list', file, '--bogus'], /unknown option --bogus/],
      [['frobnicate', file], /unknown command "frobnicate"/],
      [['list', file, '--from', 'not-a-date'], /--from "not-a-date" is not a date/],
      [['list', file, '--from', '2026-02-30'], /--from "2026-02-30" is not a date/],
      [['list', file, '--from', '2026-12-01T00:00:00Z', '--to', '2026-11-01T00:00:00Z'], /--to must be after --from/],
      [['list', file, '--from', '2026-12-01T00:00:00Z', '--to', '2026-12-01T00:00:00Z'], /--to must be after --from/],
      [['list', file, '--tz', 'Mars/Olympus_Mons'], /unknown time zone: Mars\/Olympus_Mons/],
      [['list', file, '--format', 'xml'], /--format must be json, text or markdown, not xml/],
      [['list', file, '--format', 'markdown', '--lang', 'not a tag!'], /--lang "not a tag!" is not a language tag/],
      [['list', file, '--lang', 'es'], /--lang applies to --format markdown only/],
      [['list', file, '--limit', '-1'], /--limit must be a whole number/],
      [['list', file, '--limit'], /--limit needs a value/],
      [['list'], /list needs a file or URL/],
      [['snapshot', file], /snapshot needs -o/],
      [['snapshot', file, '-o', join(tmpdir(), 'x.json'), '--days', '0'], /--days must be a positive number/],
    ];
    const results = await Promise.all(cases.map(([args]) => run(args)));
    cases.forEach(([args, message], i) => {
      const result = results[i];
      assert.ok(result);
      assertFailure(result, 2, message, `otel-calendar ${args.join(' ')}`);
    });
  });

  test('a reader that stops early (`list … | head -1`) gets no stack trace', async () => {
    // old-series.ics's FREQ=SECONDLY rule yields 10 000 rows (~3 MB of JSON), far more than a
    // pipe buffer, so the CLI is still writing when the reader goes away.
    const child = startCli([
      'list',
      fixture('old-series.ics'),
      '--from',
      '2026-11-24T00:00:00Z',
      '--to',
      '2026-11-25T00:00:00Z',
      '--tz',
      'UTC',
      '--format',
      'json',
    ]);
    const done = collect(child);
    child.stdout?.once('data', () => child.stdout?.destroy());
    const result = await done;
    // Regression: an unhandled EPIPE on stdout used to print "Error: write EPIPE" with a stack.
    assert.ok(
      !result.stderr.includes('    at '),
      `EPIPE on stdout printed a stack trace:\n${result.stderr.slice(0, 800)}`,
    );
    for (const line of result.stderr.trimEnd().split('\n')) assert.match(line, /^otel-calendar: /);
  });

  test('--help prints the usage on stdout and exits 0', async () => {
    for (const flag of ['--help', '-h']) {
      const result = await run([flag]);
      assert.equal(result.code, 0, flag);
      assert.equal(result.stderr, '');
      assert.ok(result.stdout.includes('Usage:'), result.stdout);
      assert.ok(result.stdout.includes('otel-calendar list <file-or-url>'));
      assert.ok(result.stdout.includes('otel-calendar snapshot <url-or-file> -o <file.ics|file.json>'));
      assert.ok(result.stdout.includes(`process zone, ${PROCESS_ZONE}`));
    }
  });

  test('no arguments prints the usage and exits 2', async () => {
    const result = await run([]);
    assert.equal(result.code, 2);
    assert.ok(result.stdout.includes('Usage:'));
  });

  test("--version prints package.json's version", async () => {
    const pkg: unknown = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
    assert.ok(isRecord(pkg) && typeof pkg['version'] === 'string');
    const version = pkg['version'];
    const viaCommand = await run(['version']);
    assert.deepEqual([viaCommand.code, viaCommand.stdout], [0, `${version}\n`], '`otel-calendar version`');
    // Regression: `--version` without a command used to print the help and exit 2.
    const result = await run(['--version']);
    assert.equal(result.stdout, `${version}\n`, '`otel-calendar --version` prints the version');
    assert.equal(result.code, 0, '`otel-calendar --version` exits 0');
    assert.equal(result.stderr, '');
  });
});

// ---------------------------------------------------------------------------------------------
// snapshot
// ---------------------------------------------------------------------------------------------

const SNAPSHOT_WINDOW = ['--from', '2026-11-20T00:00:00Z', '--days', '30', '--tz', 'UTC'] as const;

describe('snapshot', { concurrency: true }, () => {
  let local: LocalServer | undefined;
  let overridesText = '';
  const server = (): LocalServer => {
    assert.ok(local, 'the local server is running');
    return local;
  };

  before(async () => {
    overridesText = await readFile(fixture('overrides.ics'), 'utf8');
    local = await startServer(overridesText);
  });

  after(async () => {
    await stopServer(local);
  });

  test('-o out.json writes a pre-expanded snapshot of the window', async () => {
    const dir = await tempDir();
    const out = join(dir, 'out.json');
    const [result, listed] = await Promise.all([
      run(['snapshot', fixture('overrides.ics'), '-o', out, ...SNAPSHOT_WINDOW]),
      run([
        'list',
        fixture('overrides.ics'),
        '--from',
        '2026-11-20T00:00:00Z',
        '--to',
        '2026-12-20T00:00:00Z',
        '--tz',
        'UTC',
        '--format',
        'json',
        '--include-cancelled',
      ]),
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^otel-calendar: wrote .*out\.json \(15 occurrences, 30 days\)\n$/);
    const snapshot = parseSnapshot(await readFile(out, 'utf8'));
    assert.equal(snapshot.format, 'otel-calendar-snapshot');
    assert.equal(snapshot.version, 1);
    assert.equal(snapshot.source, 'overrides.ics');
    assert.equal(snapshot.name, 'Overrides');
    assert.equal(snapshot.from, '2026-11-20T00:00:00Z');
    assert.equal(snapshot.to, '2026-12-20T00:00:00Z');
    assert.match(String(snapshot.generated), INSTANT);
    // The rows are the list rows (cancelled ones included, marked) plus what a widget renders.
    const expected = OVERRIDES_WITH_CANCELLED.filter((r) => r[0] >= '2026-11-20' && r[0] < '2026-12-20');
    assert.deepEqual(
      snapshot.events.map((r) => [...brief(r), r.status]),
      expected,
    );
    assert.equal(snapshot.events.length, 15);
    const fromList = parseList(listed.stdout);
    assert.deepEqual(
      snapshot.events.map((e) => Object.fromEntries(LIST_KEYS.map((k) => [k, e[k]]))),
      fromList.map((r) => ({ ...r })),
    );
    for (const e of snapshot.events) {
      assert.equal(e.description, null);
      assert.deepEqual(e.categories, []);
      assert.equal(e.timeZone, 'America/Los_Angeles');
    }
    await assertOnlyFiles(dir, ['out.json']);
  });

  test('-o out.ics writes the calendar text unchanged', async () => {
    const dir = await tempDir();
    const out = join(dir, 'out.ics');
    const result = await run(['snapshot', fixture('overrides.ics'), '-o', out, ...SNAPSHOT_WINDOW]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /^otel-calendar: wrote .*out\.ics \(14 events\)\n$/);
    assert.deepEqual(await readFile(out), await readFile(fixture('overrides.ics')));
    await assertOnlyFiles(dir, ['out.ics']);
  });

  test('--trim drops the events with no occurrence after --from', async () => {
    const dir = await tempDir();
    const source = join(dir, 'source.ics');
    const out = join(dir, 'trimmed.ics');
    const header = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//otel-community-widgets//cli test//EN',
      'X-WR-CALNAME:Trim',
    ];
    const past = [
      'BEGIN:VEVENT',
      'UID:past@test',
      'DTSTART:20200115T100000Z',
      'DTEND:20200115T110000Z',
      'SUMMARY:Past one-off',
      'END:VEVENT',
    ];
    const ended = [
      'BEGIN:VEVENT',
      'UID:ended@test',
      'DTSTART:20200106T100000Z',
      'DTEND:20200106T110000Z',
      'RRULE:FREQ=WEEKLY;UNTIL=20210104T100000Z',
      'SUMMARY:Ended series',
      'END:VEVENT',
    ];
    const future = [
      'BEGIN:VEVENT',
      'UID:future@test',
      'DTSTART:20270115T100000Z',
      'DTEND:20270115T110000Z',
      'SUMMARY:Future one-off',
      'END:VEVENT',
    ];
    const ongoing = [
      'BEGIN:VEVENT',
      'UID:ongoing@test',
      'DTSTART:20250106T100000Z',
      'DTEND:20250106T110000Z',
      'RRULE:FREQ=WEEKLY',
      'SUMMARY:Ongoing series',
      'END:VEVENT',
    ];
    const footer = ['END:VCALENDAR'];
    const crlf = (lines: readonly string[]): string => lines.map((l) => `${l}\r\n`).join('');
    await writeFile(source, crlf([...header, ...past, ...ended, ...future, ...ongoing, ...footer]));

    const result = await run([
      'snapshot',
      source,
      '-o',
      out,
      '--trim',
      '--from',
      '2026-11-20T00:00:00Z',
      '--tz',
      'UTC',
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /^otel-calendar: wrote .*trimmed\.ics \(2 events, 2 past events trimmed\)\n$/);
    const written = await readFile(out, 'utf8');
    // Everything else is kept verbatim (CRLF included).
    assert.equal(written, crlf([...header, ...future, ...ongoing, ...footer]));
    assert.ok(!written.includes('past@test') && !written.includes('ended@test'));

    // The trimmed file still parses.
    const check = await run([
      'list',
      out,
      '--from',
      '2020-01-01T00:00:00Z',
      '--to',
      '2027-02-01T00:00:00Z',
      '--tz',
      'UTC',
      '--format',
      'json',
      '--filter',
      'one-off',
    ]);
    assert.equal(check.code, 0, check.stderr);
    assert.equal(check.stderr, '');
    assert.deepEqual(
      parseList(check.stdout).map((r) => [r.uid, r.start]),
      [['future@test', '2027-01-15T10:00:00Z']],
    );
    await assertOnlyFiles(dir, ['source.ics', 'trimmed.ics']);
  });

  test('a successful snapshot from an HTTP URL (200, text/calendar)', async () => {
    const dir = await tempDir();
    const url = `${server().base}/calendar.ics`;
    const [ics, json] = await Promise.all([
      run(['snapshot', url, '-o', join(dir, 'out.ics'), ...SNAPSHOT_WINDOW]),
      run(['snapshot', url, '-o', join(dir, 'out.json'), ...SNAPSHOT_WINDOW]),
    ]);
    assert.equal(ics.code, 0, ics.stderr);
    assert.equal(json.code, 0, json.stderr);
    assert.equal(await readFile(join(dir, 'out.ics'), 'utf8'), overridesText);
    const snapshot = parseSnapshot(await readFile(join(dir, 'out.json'), 'utf8'));
    assert.equal(snapshot.source, url);
    assert.equal(snapshot.events.length, 15);
    await assertOnlyFiles(dir, ['out.ics', 'out.json']);
  });

  test('a failed or invalid source never replaces a good file', async () => {
    const dir = await tempDir();
    const out = join(dir, 'out.ics');
    const outJson = join(dir, 'out.json');
    const good = await run(['snapshot', fixture('dates.ics'), '-o', out, ...SNAPSHOT_WINDOW]);
    const goodJson = await run(['snapshot', fixture('dates.ics'), '-o', outJson, ...SNAPSHOT_WINDOW]);
    assert.equal(good.code, 0, good.stderr);
    assert.equal(goodJson.code, 0, goodJson.stderr);
    const before = await readFile(out);
    const beforeJson = await readFile(outJson);

    const missing = join(dir, 'missing.ics');
    const { base } = server();
    const bad: readonly (readonly [source: string, message: RegExp])[] = [
      [join(ROOT, 'package.json'), /^otel-calendar: error: This is JSON, not an iCalendar file$/],
      [missing, /^otel-calendar: error: file not found: .*missing\.ics$/],
      [`${base}/fail`, /^otel-calendar: error: .*HTTP 500.*\/fail\)$/],
      [
        `${base}/login`,
        /^otel-calendar: error: This is an HTML\/XML page, not an iCalendar file \(http:\/\/127\.0\.0\.1:\d+\/login\)$/,
      ],
      [`${base}/not-there.ics`, /^otel-calendar: error: .*HTTP 404/],
    ];
    const attempts = bad.flatMap(([source, message]) => [out, outJson].map((target) => ({ source, message, target })));
    const results = await Promise.all(
      attempts.map(({ source, target }) => run(['snapshot', source, '-o', target, ...SNAPSHOT_WINDOW])),
    );
    attempts.forEach(({ source, message, target }, i) => {
      const result = results[i];
      assert.ok(result);
      assertFailure(result, 1, message, `snapshot ${source} -o ${target}`);
    });
    assert.deepEqual(await readFile(out), before, 'out.ics is byte-identical');
    assert.deepEqual(await readFile(outJson), beforeJson, 'out.json is byte-identical');
    await assertOnlyFiles(dir, ['out.ics', 'out.json']);
  });

  test('killing the CLI mid-download leaves the existing file and no temp file', async () => {
    const dir = await tempDir();
    const out = join(dir, 'out.ics');
    const original =
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//otel-community-widgets//cli test//EN\r\nEND:VCALENDAR\r\n';
    await writeFile(out, original);

    const child = startCli(['snapshot', `${server().base}/hang`, '-o', out, ...SNAPSHOT_WINDOW]);
    const done = collect(child);
    // Wait until half the calendar is on the wire, then give the CLI ~300 ms to read it.
    let giveUp: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      server().hanging,
      new Promise<void>(
        (_, reject) => (giveUp = setTimeout(() => reject(new Error('the CLI never requested /hang')), 30_000)),
      ),
    ]).finally(() => clearTimeout(giveUp));
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 300));
    assert.ok(child.kill('SIGKILL'), 'the CLI was still running');
    const result = await done;
    assert.equal(result.signal, 'SIGKILL', `the CLI was killed mid-download, not finished (stderr: ${result.stderr})`);

    assert.equal(await readFile(out, 'utf8'), original);
    await assertOnlyFiles(dir, ['out.ics']);
  });
});
