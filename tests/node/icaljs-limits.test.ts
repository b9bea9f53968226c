/**
 * Where the engine's own code stands in for ical.js, and why: each test shows the ical.js
 * behaviour (ical.js 2, as installed) that one of our modules exists for, next to what the engine
 * does with the same input. docs/correctness.md ("Parsing: ical.js, and what is still ours")
 * lists the modules. A test here that starts failing after an ical.js upgrade means ical.js
 * changed: the module it justifies may then be replaced by ical.js.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ICAL from 'ical.js';
import { expandCalendar, expandRule, parseCalendar, type RecurrenceRule } from '../../src/calendar/index.js';

const calendar = (...lines: string[]): string => `BEGIN:VCALENDAR\r\n${lines.join('\r\n')}\r\nEND:VCALENDAR\r\n`;

/** ICAL.parse's reading, or its error message. */
function icalParse(text: string): unknown {
  try {
    return ICAL.parse(text) as unknown;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

// Google's VTIMEZONE for Europe/Berlin, from the benchmark's generator (plain JavaScript, typed here).
const { VTIMEZONES } = (await import(new URL('../../scripts/bench/ics-text.js', import.meta.url).href)) as {
  VTIMEZONES: Record<'Europe/Berlin', string[]>;
};
const BERLIN = VTIMEZONES['Europe/Berlin'];

describe('ics/split.ts and ics/recover.ts: ical.js refuses whole texts', () => {
  const good = ['BEGIN:VEVENT', 'UID:good', 'DTSTART:20261124T100000Z', 'END:VEVENT'];

  test('one unreadable line, one rejected RRULE part or one missing END fails the whole text', () => {
    for (const [bad, message] of [
      [['BEGIN:VEVENT', 'UID:bad', 'not a line', 'END:VEVENT'], /invalid line/],
      [['BEGIN:VEVENT', 'UID:bad', 'RRULE:FREQ=DAILY;COUNT=abc', 'END:VEVENT'], /Could not extract integer/],
      [['BEGIN:VEVENT', 'UID:bad', 'RRULE:freq=daily', 'END:VEVENT'], /invalid frequency/],
      [
        ['BEGIN:VEVENT', 'UID:bad', 'DTSTART;TZID="W. Europe Standard Time:20200609T090000"', 'END:VEVENT'],
        /parameter/,
      ],
      [['BEGIN:VEVENT', 'UID:bad'], /did not end/],
    ] as const) {
      const text = calendar(...good, ...bad);
      assert.match(String(icalParse(text)), message);
      // The engine keeps the good event (and what it can of the bad one).
      assert.ok(
        parseCalendar(text).events.some((e) => e.uid === 'good'),
        bad.join(' / '),
      );
    }
  });

  test('lines end at LF only: a file with CR line ends is one line to ical.js', () => {
    const text = calendar(...good).replace(/\r\n/g, '\r');
    assert.match(String(icalParse(text)), /did not end/);
    assert.equal(parseCalendar(text).events[0]?.uid, 'good');
  });

  test('strict mode reads a bare date where a DATE-TIME is expected as `YYYY-MM-DDT::`; INTERVAL=0 as 1, silently', () => {
    const parsed = icalParse(
      calendar('BEGIN:VEVENT', 'DTSTART:20231224', 'RRULE:FREQ=DAILY;INTERVAL=0;COUNT=2', 'END:VEVENT'),
    );
    assert.match(JSON.stringify(parsed), /"dtstart",\{\},"date-time","2023-12-24T::"/);
    assert.match(JSON.stringify(parsed), /"interval":1/);
    const cal = parseCalendar(
      calendar('BEGIN:VEVENT', 'UID:z', 'DTSTART:20231224', 'RRULE:FREQ=DAILY;INTERVAL=0;COUNT=2', 'END:VEVENT'),
    );
    assert.equal(cal.events[0]?.start.isDate, true);
    assert.match(cal.warnings[0]?.message ?? '', /INTERVAL=0 as INTERVAL=1/);
  });
});

describe('time.ts parseDateTime: ical.js rolls impossible dates over', () => {
  test('30 February is 2 March to ICAL.Time; the engine refuses the date', () => {
    assert.equal(ICAL.Time.fromDateTimeString('2026-02-30T10:00:00').toString(), '2026-03-02T10:00:00');
    const cal = parseCalendar(calendar('BEGIN:VEVENT', 'UID:feb30', 'DTSTART:20260230T100000Z', 'END:VEVENT'));
    assert.deepEqual(cal.events, []);
    assert.equal(cal.warnings[0]?.code, 'malformed-component');
  });
});

describe('zones/vtimezone.ts: ical.js converts instants near a DST change wrongly', () => {
  const tz = new ICAL.Timezone(new ICAL.Component(ICAL.parse(BERLIN.join('\r\n')) as unknown[]));
  /** ical.js's local time in Berlin for a UTC instant (`convertToZone`). */
  const icalLocal = (iso: string): string => {
    const utc = ICAL.Time.fromDateTimeString(iso);
    utc.zone = ICAL.Timezone.utcTimezone;
    return utc.convertToZone(tz).toString();
  };

  test('an hour after the spring change, and in the repeated autumn hour, ical.js is an hour off', () => {
    // 01:30 UTC on 29 March 2026 is 03:30 CEST (the change was at 01:00 UTC); ical.js says 02:30,
    // a time that does not exist in Berlin that day. 01:30 UTC on 25 October is 02:30 CET.
    assert.equal(icalLocal('2026-03-29T01:30:00'), '2026-03-29T02:30:00');
    assert.equal(icalLocal('2026-10-25T01:30:00'), '2026-10-25T03:30:00');
    const cal = parseCalendar(
      calendar(
        ...BERLIN,
        'BEGIN:VEVENT',
        'UID:z',
        'DTSTART;TZID=Europe/Berlin:20260329T033000',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:y',
        'DTSTART;TZID=Europe/Berlin:20261025T023000',
        'END:VEVENT',
      ),
    );
    const zone = cal.events[0]?.start.zone;
    assert.ok(typeof zone === 'object');
    assert.equal(zone.offsetAt(Date.UTC(2026, 2, 29, 1, 30)), 2 * 3_600_000);
    assert.equal(zone.offsetAt(Date.UTC(2026, 9, 25, 1, 30)), 1 * 3_600_000);
    // 02:30 on 25 October happens twice: RFC 5545 takes the first (CEST, 00:30 UTC).
    assert.equal(zone.toInstant(cal.events[1]?.start.wall ?? 0), Date.UTC(2026, 9, 25, 0, 30));
  });

  test('ICAL.UtcOffset drops the seconds of an offset (local mean time)', () => {
    assert.equal(ICAL.UtcOffset.fromString('+00:53:28').toSeconds(), 53 * 60);
  });
});

describe('rrule/expand-rrule.ts and expand.ts: expansion near the window, overrides by UID', () => {
  test("ical.js's iterator starts at DTSTART: a daily series from 2012 takes 5,000 steps to reach 2026", () => {
    const event = new ICAL.Event(
      new ICAL.Component(
        ICAL.parse(
          ['BEGIN:VEVENT', 'UID:old', 'DTSTART:20120102T100000Z', 'RRULE:FREQ=DAILY', 'END:VEVENT'].join('\r\n'),
        ) as unknown[],
      ),
    );
    const iterator = event.iterator();
    const window = ICAL.Time.fromDateTimeString('2026-06-01T00:00:00');
    let steps = 0;
    for (let next = iterator.next(); next && next.compare(window) < 0; next = iterator.next()) steps++;
    assert.ok(steps > 5000, `${steps} steps`);
    // Ours visits the periods of the window only (and gives the same instances).
    const rule: RecurrenceRule = {
      freq: 'DAILY',
      interval: 1,
      count: undefined,
      until: undefined,
      wkst: 1,
      bySecond: undefined,
      byMinute: undefined,
      byHour: undefined,
      byDay: undefined,
      byMonthDay: undefined,
      byYearDay: undefined,
      byWeekNo: undefined,
      byMonth: undefined,
      bySetPos: undefined,
    };
    // Allowed 40 periods (days), it is not cut short: it starts near the window.
    const ours = expandRule(rule, {
      dtstart: Date.UTC(2012, 0, 2, 10),
      isDate: false,
      from: Date.UTC(2026, 5, 1),
      to: Date.UTC(2026, 5, 8),
      until: undefined,
      maxPeriods: 40,
    });
    assert.deepEqual([ours.instances.length, ours.truncated], [7, false]);
  });

  test('ICAL.Event without `exceptions` takes every override in the file, of any UID', () => {
    const text = calendar(
      'BEGIN:VEVENT',
      'UID:a',
      'DTSTART:20260105T100000Z',
      'RRULE:FREQ=DAILY;COUNT=3',
      'SUMMARY:A',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:b',
      'DTSTART:20260105T100000Z',
      'RRULE:FREQ=DAILY;COUNT=3',
      'SUMMARY:B',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:b',
      'RECURRENCE-ID:20260106T100000Z',
      'DTSTART:20260106T150000Z',
      'SUMMARY:B moved',
      'END:VEVENT',
    );
    const vevents = new ICAL.Component(ICAL.parse(text) as unknown[]).getAllSubcomponents('vevent');
    const a = new ICAL.Event(vevents[0]);
    const iterator = a.iterator();
    const titles: string[] = [];
    for (let next = iterator.next(); next; next = iterator.next())
      titles.push(a.getOccurrenceDetails(next).item.summary);
    assert.deepEqual(titles, ['A', 'B moved', 'A']);
    const { occurrences } = expandCalendar(parseCalendar(text), {
      from: Date.UTC(2026, 0, 1),
      to: Date.UTC(2026, 0, 10),
      timeZone: 'UTC',
    });
    assert.deepEqual(
      occurrences.filter((o) => o.uid === 'a').map((o) => o.title),
      ['A', 'A', 'A'],
    );
  });
});

describe('ics/fold.ts: ical.js folds continuation lines at 76 octets', () => {
  test('ICAL.stringify writes a continuation line of 76 octets (RFC 5545: at most 75)', () => {
    const lines = ICAL.stringify.property(['summary', {}, 'text', 'x'.repeat(200)], ICAL.design.icalendar, false);
    assert.ok(
      lines.split('\r\n').some((line) => Buffer.byteLength(line) === 76),
      lines,
    );
  });
});
