/**
 * Malformed and abusive feeds: every file of tests/fixtures/malformed/ (see its README
 * for the defect each one carries and where it comes from) plus the three generated large feeds
 * (100,000 EXDATEs, 10 MB, deeply folded lines).
 *
 * For each: parse, expand a window, look for the next occurrence; the good events are there (by
 * name), the bad part is reported as a warning naming its UID or line, nothing is thrown except a
 * CalendarError, and time and retained heap stay under generous safety bounds (not performance
 * claims: `npm run bench` measures performance).
 *
 * Files are decoded as a browser's `response.text()` would: UTF-8, invalid bytes replaced; the
 * text encodings fetchCalendarText reads (byte-order mark, declared charset) are tested through it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expandCalendarAsync } from '../../src/calendar/expand.js';
import {
  CalendarError,
  clearCalendarCache,
  expandCalendar,
  fetchCalendarText,
  findNextOccurrence,
  parseCalendar,
  type Calendar,
  type CalendarWarning,
  type Occurrence,
} from '../../src/calendar/index.js';
import {
  EXDATE_COUNT,
  EXDATE_TITLE,
  EXDATE_UID,
  FOLDED_TITLE,
  FOLDED_UID,
  GOOD_START,
  GOOD_TITLE,
  GOOD_UID,
  bigFeed,
  deeplyFoldedFeed,
  feedWithManyExdates,
  isKeptExdateDay,
} from '../fixtures/malformed/generate.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const MB = 1024 * 1024;

/** Time bound for one small file (parse + expand + next), and for the generated large feeds. */
const SMALL_FILE_MS = 2_000;
const LARGE_FEED_MS = 8_000;

// A real collection before each heap reading, so the bound is on what is retained, not on garbage.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

function heapUsed(): number {
  collect();
  return process.memoryUsage().heapUsed;
}

function readFixture(name: string): string {
  return new TextDecoder('utf-8').decode(readFileSync(join(FIXTURES, name)));
}

interface Outcome {
  readonly calendar: Calendar;
  readonly occurrences: Occurrence[];
  /** Parse warnings, then expansion warnings. */
  readonly warnings: CalendarWarning[];
  readonly next: Occurrence | undefined;
  readonly ms: number;
  readonly heapGrowth: number;
}

/**
 * Parse, expand `[from, to)` (viewer zone UTC) and find the next occurrence after `from`;
 * rethrows anything that is not a CalendarError as a test failure with the input's name.
 */
function run(name: string, text: string, from: string, to: string): Outcome {
  const before = heapUsed();
  const started = performance.now();
  let calendar: Calendar;
  try {
    calendar = parseCalendar(text);
  } catch (error) {
    if (error instanceof CalendarError) throw error;
    assert.fail(`${name}: parseCalendar threw ${String(error)} (only CalendarError may escape)`);
  }
  const window = { from: Date.parse(from), to: Date.parse(to), timeZone: 'UTC' };
  const expansion = expandCalendar(calendar, window);
  const next = findNextOccurrence(calendar, window.from, { timeZone: 'UTC', years: 2 });
  const ms = performance.now() - started;
  const heapGrowth = heapUsed() - before;
  return {
    calendar,
    occurrences: expansion.occurrences,
    warnings: [...calendar.warnings, ...expansion.warnings],
    next,
    ms,
    heapGrowth,
  };
}

/** `YYYY-MM-DDTHH:MMZ title` rows (or `YYYY-MM-DD title` for all-day). */
function rows(occurrences: readonly Occurrence[], uid?: string): string[] {
  return occurrences
    .filter((o) => uid === undefined || o.uid === uid)
    .map((o) => `${o.allDay ? o.startDate : new Date(o.start).toISOString().slice(0, 16) + 'Z'} ${o.title}`);
}

function titles(outcome: Outcome): Set<string> {
  return new Set(outcome.occurrences.map((o) => o.title));
}

/** The warning about `uid`; fails with the warnings seen when there is none. */
function warningFor(outcome: Outcome, uid: string, pattern: RegExp): CalendarWarning {
  const found = outcome.warnings.find((w) => w.uid === uid && pattern.test(w.message));
  assert.ok(
    found,
    `expected a warning for ${uid} matching ${pattern}; got ${JSON.stringify(outcome.warnings, null, 1)}`,
  );
  return found;
}

function assertBounded(name: string, outcome: Outcome, inputLength: number, limitMs = SMALL_FILE_MS): void {
  assert.ok(outcome.ms < limitMs, `${name}: took ${outcome.ms.toFixed(0)} ms (bound ${limitMs} ms)`);
  // Retained heap: the parsed model keeps the text's content a few times over; 32 MB + 40× input.
  const bound = 32 * MB + 40 * inputLength;
  assert.ok(
    outcome.heapGrowth < bound,
    `${name}: heap grew ${(outcome.heapGrowth / MB).toFixed(0)} MB (bound ${(bound / MB).toFixed(0)} MB)`,
  );
}

function typedError(text: string): CalendarError {
  try {
    parseCalendar(text);
  } catch (error) {
    if (error instanceof CalendarError) return error;
    assert.fail(`expected a CalendarError, got ${String(error)}`);
  }
  assert.fail('expected a CalendarError, the input was accepted');
}

/** Serves `bytes` for one fetchCalendarText call (with `contentType`), then restores fetch. */
async function fetchBytes(bytes: Uint8Array, contentType: string): Promise<string> {
  const original = globalThis.fetch;
  const url = `https://calendar.example/${Math.random().toString(36).slice(2)}.ics`;
  globalThis.fetch = async (): Promise<Response> =>
    new Response(new Uint8Array(bytes), { status: 200, headers: { 'content-type': contentType } });
  try {
    clearCalendarCache(url);
    return await fetchCalendarText(url);
  } finally {
    globalThis.fetch = original;
  }
}

const NOV = ['2026-11-01T00:00:00Z', '2027-01-01T00:00:00Z'] as const;

/** Runs one fixture with the November–December 2026 window (or another) and checks the bounds. */
function fixture(name: string, window: readonly [string, string] = NOV): Outcome {
  const text = readFixture(name);
  const outcome = run(name, text, window[0], window[1]);
  assertBounded(name, outcome, text.length);
  return outcome;
}

describe('malformed feeds: the good parts render, the bad part is reported', () => {
  test('truncated download: the complete event is kept, the cut one reported with its UID and line', () => {
    const out = fixture('malformed/truncated.ics');
    assert.deepEqual(rows(out.occurrences), ['2026-11-24T10:00Z Complete event before the cut']);
    const w = warningFor(out, 'truncated-cut@test', /END:VEVENT/);
    assert.equal(w.line, 11);
  });

  test('missing END:VEVENT and END:VCALENDAR: both closed events render', () => {
    const out = fixture('malformed/missing-end.ics');
    assert.deepEqual(rows(out.occurrences), [
      '2026-11-24T10:00Z Properly closed event',
      '2026-11-26T10:00Z Last event, closed, but no END:VCALENDAR',
    ]);
    assert.equal(warningFor(out, 'missing-end-open@test', /END:VEVENT/).line, 11);
  });

  test('impossible dates: events without a readable DTSTART are skipped by UID, bad EXDATE values ignored', () => {
    const out = fixture('malformed/bad-dates.ics');
    assert.ok(titles(out).has('Event with good dates'));
    // COUNT=7 from 11-23, 11-24 excluded; the two unreadable EXDATE values are reported, not applied.
    assert.deepEqual(
      rows(out.occurrences, 'bad-dates-exdate@test').map((r) => r.slice(0, 10)),
      ['2026-11-23', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'],
    );
    for (const uid of ['bad-dates-feb30@test', 'bad-dates-hour25@test', 'bad-dates-words@test']) {
      assert.equal(warningFor(out, uid, /DTSTART/).code, 'malformed-component');
      assert.equal(
        out.calendar.events.some((e) => e.uid === uid),
        false,
      );
    }
    assert.equal(out.warnings.filter((w) => w.uid === 'bad-dates-exdate@test' && /EXDATE/.test(w.message)).length, 2);
    // An impossible DTEND does not cost the event: it is read as absent (a DATE-TIME start lasts
    // zero, RFC 5545) and reported with the event's UID and line.
    assert.deepEqual(rows(out.occurrences, 'bad-dates-end@test'), ['2026-11-27T10:00Z Event with an impossible DTEND']);
    const withoutEnd = out.occurrences.find((o) => o.uid === 'bad-dates-end@test');
    assert.equal(withoutEnd?.end, withoutEnd?.start);
    const dtend = warningFor(out, 'bad-dates-end@test', /DTEND.*20261199T110000Z/);
    assert.equal(dtend.code, 'invalid-property');
    assert.equal(dtend.line, 38);
  });

  test('an unreadable DTEND next to a DURATION: the DURATION gives the end, the DTEND is reported', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'UID:dtend-and-duration@test',
      'DTSTART:20261124T100000Z',
      'DTEND:tomorrow',
      'DURATION:PT90M',
      'SUMMARY:Ninety minutes',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:all-day-bad-end@test',
      'DTSTART;VALUE=DATE:20261125',
      'DTEND;VALUE=DATE:someday',
      'SUMMARY:One day',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const out = run('dtend-and-duration', text, NOV[0], NOV[1]);
    const timed = out.occurrences.find((o) => o.uid === 'dtend-and-duration@test');
    assert.equal(timed && (timed.end - timed.start) / 60_000, 90);
    assert.equal(warningFor(out, 'dtend-and-duration@test', /DTEND/).line, 2);
    // A DATE start without a usable end lasts one day.
    const allDay = out.occurrences.find((o) => o.uid === 'all-day-bad-end@test');
    assert.deepEqual([allDay?.startDate, allDay?.endDate], ['2026-11-25', '2026-11-26']);
    assert.equal(warningFor(out, 'all-day-bad-end@test', /DTEND/).line, 9);
  });

  test('invalid RRULE parts: each broken series is reported by UID and names the bad part; the valid one renders', () => {
    const out = fixture('malformed/invalid-rrule-parts.ics');
    assert.deepEqual(rows(out.occurrences, 'rrule-good@test').slice(0, 2), [
      '2026-11-23T15:00Z Weekly meeting with a valid rule',
      '2026-11-30T15:00Z Weekly meeting with a valid rule',
    ]);
    const bad: [string, RegExp][] = [
      ['rrule-fortnightly@test', /FORTNIGHTLY/],
      ['rrule-no-freq@test', /FREQ/],
      ['rrule-bymonthday@test', /BYMONTHDAY/],
      ['rrule-byday@test', /BYDAY|XX/],
      ['rrule-until@test', /UNTIL/],
    ];
    for (const [uid, part] of bad) warningFor(out, uid, part);
    // Skipping is the documented handling for a rule that cannot be read (no invented events).
    for (const uid of [
      'rrule-fortnightly@test',
      'rrule-no-freq@test',
      'rrule-bymonthday@test',
      'rrule-byday@test',
      'rrule-until@test',
    ]) {
      assert.deepEqual(rows(out.occurrences, uid), [], uid);
    }
  });

  test('INTERVAL=abc is read as INTERVAL=1 and reported with the UID and line', () => {
    const out = fixture('malformed/invalid-rrule-parts.ics');
    const w = warningFor(out, 'rrule-interval-text@test', /INTERVAL=abc/);
    assert.equal(w.code, 'invalid-rrule');
    assert.equal(w.line, 47);
    // DAILY;COUNT=2 with the default interval: two consecutive days.
    assert.deepEqual(rows(out.occurrences, 'rrule-interval-text@test'), [
      '2026-11-25T08:00Z Daily with an unreadable INTERVAL',
      '2026-11-26T08:00Z Daily with an unreadable INTERVAL',
    ]);
  });

  test('UNTIL before DTSTART: no occurrences (policy), and a warning that says why', () => {
    const out = fixture('malformed/until-before-dtstart.ics');
    assert.deepEqual(rows(out.occurrences), ['2026-11-24 All-day event that is fine']);
    for (const uid of ['until-before@test', 'until-before-timed@test']) {
      const w = warningFor(out, uid, /UNTIL is before its DTSTART/);
      assert.equal(w.code, 'invalid-rrule');
    }
  });

  test('DTEND before DTSTART: shown at its start without an end, reported; a VTODO with the same UID is not an event', () => {
    const out = fixture('malformed/dtend-before-dtstart.ics');
    assert.deepEqual(rows(out.occurrences), [
      '2026-11-24T09:00Z Event that ends after it starts',
      '2026-11-25T22:45Z Event that ends before it starts',
    ]);
    const swapped = out.occurrences.find((o) => o.uid === 'dtend-swapped@test');
    assert.equal(swapped?.end, swapped?.start);
    assert.equal(warningFor(out, 'dtend-swapped@test', /DTEND/).code, 'end-before-start');
  });

  test('absurd COUNT and INTERVAL: bounded, the billion-minute series reported, the others read sensibly', () => {
    const out = fixture('malformed/absurd-count-interval.ics');
    assert.ok(titles(out).has('Ordinary event'));
    assert.deepEqual(rows(out.occurrences, 'absurd-interval@test'), [
      '2026-11-25T10:00Z Once, then every six million years',
    ]);
    assert.deepEqual(rows(out.occurrences, 'absurd-interval-huge@test'), [
      '2026-11-26T10:00Z An interval larger than any number of years',
    ]);
    assert.equal(rows(out.occurrences, 'absurd-interval-zero@test').length, 5);
    assert.equal(warningFor(out, 'absurd-interval-zero@test', /INTERVAL=0 as INTERVAL=1/).code, 'invalid-rrule');
    // Huge but whole intervals are valid: not reported.
    assert.equal(
      out.warnings.some((w) => w.uid === 'absurd-interval@test' || w.uid === 'absurd-interval-huge@test'),
      false,
    );
    assert.equal(warningFor(out, 'absurd-count@test', /safety limit/).code, 'expansion-limit');
  });

  test('FREQ=SECONDLY and a rule dense to the second: the safety bound stops them and says so', () => {
    const out = fixture('malformed/secondly.ics');
    assert.ok(titles(out).has('Ordinary event next to hostile rules'));
    assert.equal(warningFor(out, 'secondly@test', /FREQ=SECONDLY/).code, 'expansion-limit');
    assert.equal(warningFor(out, 'yearly-every-second@test', /safety limit/).code, 'expansion-limit');
    // BYSETPOS=366 on one-candidate periods selects nothing, ever: known at once, not a limit hit.
    assert.equal(
      out.warnings.some((w) => w.uid === 'secondly-setpos@test'),
      false,
    );
    assert.deepEqual(rows(out.occurrences, 'secondly-setpos@test'), []);
  });

  test('Windows-1252 bytes read as UTF-8: the events stay, the letters are replaced', () => {
    const out = fixture('malformed/latin1.ics');
    assert.deepEqual(rows(out.occurrences, 'latin1-2@test'), ['2026-11-25T10:00Z Plain ASCII event']);
    const title = out.occurrences.find((o) => o.uid === 'latin1-1@test')?.title ?? '';
    assert.match(title, /^Caf\uFFFD r\uFFFDunion/);
  });

  test('UTF-16 text decoded as UTF-8 (no fetch) is refused with a typed error, not a crash', () => {
    const error = typedError(readFixture('malformed/utf16.ics'));
    assert.equal(error.code, 'not-calendar');
  });

  test('fetched: a UTF-16LE feed with a byte-order mark is decoded as UTF-16', async () => {
    const text = await fetchBytes(readFileSync(join(FIXTURES, 'malformed/utf16.ics')), 'text/calendar');
    assert.deepEqual(
      parseCalendar(text).events.map((e) => e.summary),
      ['Event in a UTF-16 file'],
    );
  });

  test('fetched: a feed declared charset=windows-1252 keeps its accented letters (and 0x96, an en dash)', async () => {
    const text = await fetchBytes(
      readFileSync(join(FIXTURES, 'malformed/latin1.ics')),
      'text/calendar; charset=windows-1252',
    );
    assert.equal(parseCalendar(text).events[0]?.summary, 'Café réunion – développeurs');
  });

  test('binary junk between events: both events render', () => {
    const out = fixture('malformed/binary-junk.ics');
    assert.deepEqual(rows(out.occurrences), [
      '2026-11-24T10:00Z Event before the binary junk',
      '2026-11-26T10:00Z Event after the binary junk',
    ]);
  });

  test('a binary file (PNG) is not a calendar: a typed error', () => {
    const error = typedError(readFixture('malformed/binary.png.ics'));
    assert.equal(error.code, 'not-calendar');
    assert.match(error.message, /not an iCalendar/);
  });

  test("the project's first malformed fixture: five broken components, two good events", () => {
    const out = fixture('malformed.ics');
    assert.ok(titles(out).has('Good event before the damage'));
    assert.ok(titles(out).has('Good event after the damage'));
    for (const uid of ['no-start@test', 'bad-rule@test', 'bad-date@test', 'unterminated@test'])
      assert.ok(
        out.warnings.some((w) => w.uid === uid),
        uid,
      );
  });
});

describe('malformed files from peer projects (equivalents or Apache-2.0 copies, see the README)', () => {
  test('blank lines inside a component are tolerated', () => {
    const out = fixture('malformed/corpus-blank-line.ics');
    assert.deepEqual(rows(out.occurrences), ['2026-11-24T10:00Z Event with a blank line inside']);
  });

  test("a floating UNTIL on a zoned series is read in the series' zone; a UTC EXDATE matches by instant", () => {
    const out = fixture('malformed/corpus-floating-until.ics');
    assert.deepEqual(
      rows(out.occurrences).map((r) => r.slice(0, 17)),
      ['2026-11-23T08:00Z', '2026-11-25T08:00Z', '2026-11-26T08:00Z'],
    );
  });

  test('fuzzed garbage: the readable event renders, the garbled component and FREQ are reported', () => {
    const out = fixture('malformed/corpus-fuzzed.ics');
    assert.ok(titles(out).has('The one readable event'));
    assert.ok(
      out.warnings.some((w) => w.line === 10),
      JSON.stringify(out.warnings),
    );
    warningFor(out, 'fuzzed-rule@test', /MOVTHLB/);
  });

  test('a misspelled RRULE part (UNTL) is ignored with a warning; the series and its neighbour render', () => {
    const out = fixture('malformed/corpus-misspelled-until.ics');
    assert.ok(titles(out).has('Neighbour event'));
    assert.equal(rows(out.occurrences, 'misspelled-until@test').length, 9);
    assert.equal(warningFor(out, 'misspelled-until@test', /UNTL/).code, 'invalid-rrule');
  });

  test('COUNT=-1 with an UNTIL: the COUNT is ignored with a warning, the UNTIL holds (7 blocks)', () => {
    const out = fixture('malformed/corpus-negative-count.ics', ['2026-01-01T00:00:00Z', '2028-01-01T00:00:00Z']);
    assert.deepEqual(
      rows(out.occurrences).map((r) => r.slice(0, 10)),
      ['2026-10-05', '2026-11-02', '2026-11-30', '2026-12-28', '2027-01-25', '2027-02-22', '2027-03-22'],
    );
    const w = warningFor(out, 'negative-count@test', /COUNT=-1.*UNTIL/);
    assert.equal(w.code, 'invalid-rrule');
    assert.equal(w.line, 2);
  });

  test('no VCALENDAR, folded property names and parameters, an unknown TZID: events read as floating, zone reported', () => {
    const out = fixture('malformed/corpus-no-vcalendar.ics');
    assert.deepEqual(rows(out.occurrences), [
      '2026-11-05T09:00Z Third Tue/Wed/Thu of the month',
      '2026-11-24T09:00Z Biweekly with a made-up zone name',
      '2026-11-29T09:00Z Biweekly with a made-up zone name',
      '2026-12-03T09:00Z Third Tue/Wed/Thu of the month',
      '2026-12-08T09:00Z Biweekly with a made-up zone name',
      '2026-12-13T09:00Z Biweekly with a made-up zone name',
    ]);
    assert.ok(out.warnings.some((w) => w.code === 'unknown-timezone' && /US-Eastern/.test(w.message)));
  });

  test('RDATE written as a date with a Z: the dates are kept', () => {
    const out = fixture('malformed/corpus-rdate-date-with-z.ics', ['2024-01-01T00:00:00Z', '2027-01-01T00:00:00Z']);
    assert.deepEqual(
      rows(out.occurrences).map((r) => r.slice(0, 10)),
      ['2024-12-10', '2025-12-10', '2026-12-10'],
    );
  });

  test("a UTC UNTIL on an all-day series is the local date in the calendar's zone", () => {
    const out = fixture('malformed/corpus-utc-until-on-date.ics');
    assert.deepEqual(
      rows(out.occurrences).map((r) => r.slice(0, 10)),
      ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'],
    );
  });

  test("node-ical: an override whose DTEND is before its DTSTART keeps the series' length; EXDATEs apply", () => {
    const out = fixture('malformed/node-ical-daily-count-exdate-recurrence-id.ics', [
      '2015-07-01T00:00:00Z',
      '2015-08-01T00:00:00Z',
    ]);
    assert.deepEqual(rows(out.occurrences), [
      '2015-07-06T19:00Z Treasure Hunting',
      '2015-07-09T19:00Z Treasure Hunting',
      '2015-07-09T22:00Z More Treasure Hunting',
      '2015-07-11T19:00Z Treasure Hunting',
      '2015-07-12T19:00Z Treasure Hunting',
      '2015-07-13T19:00Z Treasure Hunting',
      '2015-07-14T19:00Z Treasure Hunting',
      '2015-07-15T19:00Z Treasure Hunting',
    ]);
    assert.equal(warningFor(out, '0000001', /DTEND/).code, 'end-before-start');
  });

  test('node-ical: "RRULE:RRULE:AnythingRandom;…" keeps its series with a warning; the other series render', () => {
    const out = fixture('malformed/node-ical-badRRULE.ics', ['2020-10-12T00:00:00Z', '2020-11-09T00:00:00Z']);
    const count = (title: string): number => out.occurrences.filter((o) => o.title === title).length;
    // Monday–Friday for four weeks, 10-15 excluded, for the two Denver series; the Budapest one starts 11-02.
    assert.equal(count('Brain Break'), 19);
    assert.equal(count('Academic Time'), 19);
    assert.equal(count('Invalid RRULE property'), 5);
    assert.equal(warningFor(out, '11le1ep09hvog7dbotn6foj38e@google.com', /ANYTHINGRANDOM/i).code, 'invalid-rrule');
  });

  test('node-ical: an Outlook list of cities as TZID and UNTIL before DTSTART: both reported', () => {
    const out = fixture('malformed/node-ical-test_with_tz_list.ics', ['2024-04-01T00:00:00Z', '2024-05-01T00:00:00Z']);
    assert.deepEqual(out.occurrences, []);
    assert.ok(out.warnings.some((w) => w.code === 'unknown-timezone' && /Amsterdam, Belgrade/.test(w.message)));
    warningFor(out, 'E689AEB8C02C4E2CADD8C7D3D303CEAD0', /UNTIL is before its DTSTART/);
  });

  test('allenporter/ical: a DATE UNTIL on a DATE-TIME series ends with that day (13 weeks)', () => {
    const out = fixture('malformed/allenporter-google_dtstart_until_mismatch.ics', [
      '2023-10-01T00:00:00Z',
      '2024-02-01T00:00:00Z',
    ]);
    assert.equal(out.occurrences.length, 13);
    assert.equal(rows(out.occurrences).at(-1), '2023-12-28T14:00Z Weekly Meeting (Google Calendar UNTIL mismatch)');
  });
});

describe('abusive sizes (generated at test time)', () => {
  test('100,000 EXDATE lines: the series keeps exactly its surviving days; time and heap bounded', () => {
    const text = feedWithManyExdates();
    const out = run('100k EXDATEs', text, '2026-11-01T00:00:00Z', '2027-01-01T00:00:00Z');
    assertBounded('100k EXDATEs', out, text.length, LARGE_FEED_MS);
    assert.equal(out.calendar.events.find((e) => e.uid === EXDATE_UID)?.exdates.length, EXDATE_COUNT);
    assert.ok(titles(out).has(GOOD_TITLE));
    const kept = out.occurrences.filter((o) => o.uid === EXDATE_UID);
    // 61 days in the window, one in seven kept.
    assert.ok(kept.length >= 8 && kept.length <= 9, `${kept.length} instances`);
    assert.ok(kept.every((o) => isKeptExdateDay(o.start) && o.title === EXDATE_TITLE));
  });

  test('a 10 MB feed with a broken rule in every 50 events: bounded; every broken one reported by UID and line', () => {
    const text = bigFeed();
    assert.ok(text.length >= 10 * MB);
    const out = run('10 MB feed', text, '2026-11-20T00:00:00Z', '2026-12-20T00:00:00Z');
    assertBounded('10 MB feed', out, text.length, LARGE_FEED_MS);
    assert.equal(out.occurrences.find((o) => o.uid === GOOD_UID)?.start, GOOD_START);
    // Generated events big-0 … big-(n-1); big-i has FREQ=SOMETIMES when i % 50 === 49.
    const generated = (text.match(/^BEGIN:VEVENT\r$/gm)?.length ?? 0) - 1;
    const reported = out.warnings.filter((w) => w.uid?.startsWith('big-') && /SOMETIMES/.test(w.message));
    assert.equal(reported.length, Math.floor(generated / 50));
    assert.ok(reported.every((w) => typeof w.line === 'number' && w.line > 0));
  });

  test('deeply folded lines (100,000 folds, folded names and parameters) unfold correctly', () => {
    const text = deeplyFoldedFeed();
    const out = run('deep folds', text, '2026-11-01T00:00:00Z', '2027-01-01T00:00:00Z');
    assertBounded('deep folds', out, text.length);
    assert.deepEqual(rows(out.occurrences), [`2026-11-24T10:00Z ${GOOD_TITLE}`, `2026-11-26T09:00Z ${FOLDED_TITLE}`]);
    assert.equal(out.calendar.events.find((e) => e.uid === FOLDED_UID)?.description?.length, 200_000);
  });

  test('expansion in slices (expandCalendarAsync) gives the same result and lets timers run in between', async () => {
    const calendar = parseCalendar(bigFeed());
    const options = {
      from: Date.parse('2026-11-15T00:00:00Z'),
      to: Date.parse('2027-03-15T00:00:00Z'),
      timeZone: 'Europe/Berlin',
    };
    const sync = expandCalendar(calendar, options);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const sliced = await expandCalendarAsync(calendar, { ...options, sliceMs: 5 });
    clearInterval(timer);
    assert.ok(ticks > 0, 'the event loop never ran during the expansion');
    assert.equal(sliced.occurrences.length, sync.occurrences.length);
    assert.deepEqual(
      sliced.occurrences.map((o) => `${o.uid} ${o.start}`),
      sync.occurrences.map((o) => `${o.uid} ${o.start}`),
    );
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(
      expandCalendarAsync(calendar, { ...options, signal: controller.signal }),
      (error: unknown) => error instanceof CalendarError && error.code === 'aborted',
    );
  });
});
