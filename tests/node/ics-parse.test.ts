/**
 * Reading iCalendar text through the public API (ical.js parses; our code cuts the text into
 * components, recovers what ical.js refuses, and builds the model): line ends and folds,
 * parameters and escapes, lists and periods, recovery so that one broken component costs only
 * itself (with UID and line), the series export written back by ical.js, the `notBefore`
 * pre-scan, and `parseCalendarAsync` (same result as `parseCalendar`, in slices, abortable).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  decodeCalendarBytes,
  expandCalendar,
  parseCalendar,
  parseCalendarAsync,
  type Calendar,
  type CalendarEvent,
} from '../../src/calendar/index.js';
import { seriesToIcs } from '../../src/calendar/export.js';
import { parseDateTime } from '../../src/calendar/time.js';
import { occurrenceToIcs } from '../../src/calendar/export-links.js';

const calendar = (...lines: string[]): string => `BEGIN:VCALENDAR\r\n${lines.join('\r\n')}\r\nEND:VCALENDAR\r\n`;
const vevent = (...lines: string[]): string => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\r\n');

function onlyEvent(cal: Calendar): CalendarEvent {
  assert.equal(cal.events.length, 1, `one event (warnings: ${JSON.stringify(cal.warnings)})`);
  const event = cal.events[0];
  assert.ok(event);
  return event;
}

/** The event of a one-VEVENT calendar written with `lines`. */
const eventOf = (...lines: string[]): CalendarEvent =>
  onlyEvent(parseCalendar(calendar(vevent('UID:u', 'DTSTART:20261124T100000Z', ...lines))));

const warnings = (cal: Calendar): [string, string | undefined, number | undefined][] =>
  cal.warnings.map((w) => [w.code, w.uid, w.line]);

const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;

describe('line ends and folds', () => {
  test('CRLF, LF and CR line ends, mixed; folds with a space or a tab; line numbers of each event', () => {
    const text =
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\nUID:a\rDTSTART:20261124T100000Z\r\nSUMMARY:Lo\r\n ng\n\ttext\nEND:VEVENT\r' +
      'BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20261125T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR';
    const cal = parseCalendar(text);
    assert.deepEqual(
      cal.events.map((e) => [e.uid, e.summary, e.line]),
      [
        ['a', 'Longtext', 2],
        ['b', '', 9],
      ],
    );
    assert.deepEqual(cal.warnings, []);
    // Only the one whitespace character of a fold is removed.
    assert.equal(eventOf('SUMMARY:a\r\n  b').summary, 'a b');
  });

  test('a byte-order mark and blank lines are tolerated without a warning', () => {
    const cal = parseCalendar(
      '\uFEFFBEGIN:VCALENDAR\n\nBEGIN:VEVENT\n\nUID:x\nDTSTART:20261124\n\nEND:VEVENT\nEND:VCALENDAR\n',
    );
    assert.equal(onlyEvent(cal).uid, 'x');
    assert.deepEqual(cal.warnings, []);
  });

  test('a fold inside a surrogate pair joins the character again', () => {
    const emoji = '\u{1F600}';
    assert.equal(eventOf(`SUMMARY:a${emoji.slice(0, 1)}\r\n ${emoji.slice(1)}b`).summary, `a${emoji}b`);
  });

  test('bytes folded inside a multi-byte UTF-8 sequence decode to the character (decodeCalendarBytes)', () => {
    const euro = [0xe2, 0x82, 0xac];
    const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
    // "SUMMARY:5 €" with the fold between the second and third byte of the euro sign.
    const bytes = new Uint8Array([
      ...ascii('SUMMARY:5 '),
      euro[0]!,
      euro[1]!,
      0x0d,
      0x0a,
      0x20,
      euro[2]!,
      ...ascii('\r\nUID:x\r\n'),
    ]);
    assert.ok(new TextDecoder().decode(bytes).includes('\uFFFD'), 'a plain decode loses the character');
    assert.equal(decodeCalendarBytes(bytes), 'SUMMARY:5 €\r\nUID:x\r\n');
    // Ordinary folds are left for the parser.
    assert.equal(decodeCalendarBytes(new TextEncoder().encode('SUMMARY:a\r\n b\r\n')), 'SUMMARY:a\r\n b\r\n');
  });

  test('folded names, parameters and BEGIN/END lines are unfolded', () => {
    const cal = parseCalendar(
      calendar(
        'BEGIN:VEV\r\n ENT',
        'UID:f',
        'DTSTART;TZID=Europe/Ber\r\n lin:20261124T100000',
        'S\r\n U\r\n MMARY:Folded',
        'END:VEVENT',
      ),
    );
    const event = onlyEvent(cal);
    assert.equal(event.summary, 'Folded');
    assert.equal(typeof event.start.zone === 'object' ? event.start.zone.iana : undefined, 'Europe/Berlin');
  });
});

describe('parameters and values', () => {
  test('quoted parameter values may contain : ; and , (ORGANIZER CN)', () => {
    assert.equal(
      eventOf('ORGANIZER;CN="Doe, Jane; PhD: MD";ROLE=CHAIR:mailto:jane@example.com').organizer,
      'Doe, Jane; PhD: MD',
    );
    assert.equal(eventOf('ORGANIZER:mailto:jane@example.com').organizer, 'jane@example.com');
  });

  test("RFC 6868 parameter escapes: ^n ^^ ^'", () => {
    assert.equal(eventOf(`ORGANIZER;CN="a^nb ^^ ^'quoted^'":mailto:x@y.org`).organizer, 'a\nb ^ "quoted"');
  });

  test('lower-case names, empty values, values containing colons', () => {
    const event = onlyEvent(
      parseCalendar(
        calendar(vevent('uid:lower', 'dtStart;value=date:20261124', 'summary:', 'Url;Value=URI:https://x.org/a:b')),
      ),
    );
    assert.deepEqual(
      [event.uid, event.summary, event.start.isDate, event.url],
      ['lower', '', true, 'https://x.org/a:b'],
    );
  });

  test('TEXT escapes are decoded for TEXT properties, not in URLs; X-WR-CALNAME and X-WR-CALDESC are decoded too', () => {
    const event = eventOf(
      'SUMMARY:a\\, b\\; c\\\\d\\ne\\Nf',
      'DESCRIPTION:line1\\nline2',
      'URL:https://x.org/?a=1\\,2',
    );
    assert.equal(event.summary, 'a, b; c\\d\ne\nf');
    assert.equal(event.description, 'line1\nline2');
    assert.equal(event.url, 'https://x.org/?a=1\\,2');
    const cal = parseCalendar(
      calendar('X-WR-CALNAME:Big\\, feed', 'X-WR-CALDESC:One\\nTwo', vevent('UID:v', 'DTSTART:20261124')),
    );
    assert.deepEqual([cal.name, cal.description], ['Big, feed', 'One\nTwo']);
  });

  test('lists: EXDATE, RDATE (dates and periods), CATEGORIES with an escaped comma', () => {
    const event = eventOf(
      'RRULE:FREQ=DAILY;COUNT=10',
      'EXDATE:20261125T100000Z,20261126T100000Z',
      'RDATE;VALUE=PERIOD:20261201T100000Z/PT1H,20261202T100000Z/20261202T120000Z',
      'RDATE:20261203',
      'CATEGORIES:Meeting,Lean Coffee\\, EMEA',
    );
    assert.deepEqual(
      event.exdates.map((d) => d.wall),
      [Date.UTC(2026, 10, 25, 10), Date.UTC(2026, 10, 26, 10)],
    );
    assert.deepEqual(
      event.rdates.map((r) => [r.start.wall, r.start.isDate, r.duration]),
      [
        [Date.UTC(2026, 11, 1, 10), false, 3_600_000],
        [Date.UTC(2026, 11, 2, 10), false, 7_200_000],
        [Date.UTC(2026, 11, 3), true, undefined],
      ],
    );
    assert.deepEqual(event.categories, ['Meeting', 'Lean Coffee, EMEA']);
  });

  test('DTSTART values are read as parseDateTime reads them (valid or not), through ical.js (jCal)', () => {
    const samples = ['20261124', '20240229', '20230229', '20261301', '20261100', '20261124T100000', '20261124T100000Z'];
    samples.push('20261124T240000', '20261124T240001', '20261124T235960Z', '20261124T236000', '20261124T250000');
    for (let i = 0; i < 500; i++) {
      // Pseudo-random digit strings of the basic lengths (deterministic).
      const length = [8, 15, 16][i % 3] ?? 8;
      let text = '';
      for (let j = 0; j < length; j++)
        text += j === 8 ? 'T' : j === 15 ? 'Z' : String((i * 7 + j * 13 + ((i * j) % 11)) % 10);
      samples.push(text);
    }
    for (const sample of samples) {
      const expected = parseDateTime(sample);
      const start = parseCalendar(calendar(vevent('UID:d', `DTSTART:${sample}`))).events[0]?.start;
      assert.deepEqual(
        start && { wall: start.wall, isDate: start.isDate, utc: start.zone === 'utc' },
        expected && { wall: expected.wall, isDate: expected.isDate, utc: expected.utc },
        sample,
      );
    }
  });

  test('RRULE parts in any case; a bare YYYYMMDD DTSTART and RECURRENCE-ID are DATEs; DURATION is read', () => {
    const event = onlyEvent(
      parseCalendar(
        calendar(
          vevent('UID:r', 'DTSTART:20231224', 'rrule:freq=MONTHLY;byday=3TU;UNTIL=20271231T235959Z', 'DURATION:P1DT2H'),
        ),
      ),
    );
    assert.equal(event.start.isDate, true);
    assert.deepEqual(
      [event.rrules[0]?.freq, event.rrules[0]?.byDay, event.rrules[0]?.until?.wall, event.duration],
      // A UTC UNTIL on an all-day series is the date it falls on (docs/correctness.md).
      ['MONTHLY', [{ weekday: 2, ordinal: 3 }], Date.UTC(2027, 11, 31), 26 * 3_600_000],
    );
    const override = eventOf('RECURRENCE-ID:20261124');
    assert.equal(override.recurrenceId?.isDate, true);
  });
});

describe('recovery: a broken component costs only itself', () => {
  test('a VEVENT without END is dropped with its UID and line; its neighbours are kept', () => {
    const cal = parseCalendar(
      'BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART:20261124\nEND:VEVENT\nBEGIN:VEVENT\nUID:open\nBEGIN:VEVENT\nUID:b\nDTSTART:20261124\nEND:VEVENT\nBEGIN:VEVENT\nUID:last\n',
    );
    assert.deepEqual(
      cal.events.map((e) => e.uid),
      ['a', 'b'],
    );
    assert.deepEqual(warnings(cal), [
      ['malformed-component', 'open', 6],
      ['malformed-component', 'last', 12],
    ]);
  });

  test('a VEVENT begun inside an unterminated VTIMEZONE ends it (dropped); a VALARM without END costs only itself', () => {
    const cal = parseCalendar(
      'BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:X\nBEGIN:VEVENT\nUID:a\nDTSTART:20261124\nBEGIN:VALARM\nACTION:DISPLAY\nEND:VEVENT\nEND:VCALENDAR\n',
    );
    assert.equal(onlyEvent(cal).uid, 'a');
    assert.deepEqual(
      cal.warnings.map((w) => w.message),
      [
        'VTIMEZONE starting on line 2 has no END:VTIMEZONE; skipped',
        'VALARM starting on line 7 has no END:VALARM; skipped',
      ],
    );
    assert.deepEqual(cal.timezoneComponents.size, 0);
  });

  test('unreadable lines are dropped with one warning per component; a stray or misspelt END is reported', () => {
    const cal = parseCalendar(
      'BEGIN:VCALENDAR\nEND:VEVENT\nBEGIN:VEVENT\nUID:g\nDTSTART:20261124\nnot a line\n\u0000junk\nSUMMARY:kept\nEND:VEYENT\nEND:VCALENDAR\ntrailing garbage\n',
    );
    const event = onlyEvent(cal);
    assert.deepEqual([event.uid, event.summary], ['g', 'kept']);
    assert.deepEqual(
      warnings(cal).sort((a, b) => (a[2] ?? 0) - (b[2] ?? 0)),
      [
        ['malformed-component', undefined, 2],
        ['invalid-property', 'g', 3],
        ['malformed-component', undefined, 9],
        ['invalid-property', undefined, 11],
      ],
    );
  });

  test('an RRULE ical.js rejects is read part by part: what can be repaired is, with a warning', () => {
    const cal = parseCalendar(
      calendar(
        vevent('UID:text-interval', 'DTSTART:20261124T100000Z', 'RRULE:FREQ=DAILY;INTERVAL=abc;COUNT=2'),
        vevent('UID:lower-freq', 'DTSTART:20261124T100000Z', 'RRULE:freq=daily;count=3'),
        vevent('UID:bad-day', 'DTSTART:20261124T100000Z', 'RRULE:FREQ=WEEKLY;BYDAY=XX'),
        vevent('UID:zero', 'DTSTART:20261124T100000Z', 'RRULE:FREQ=DAILY;INTERVAL=0;COUNT=2'),
      ),
    );
    assert.deepEqual(
      cal.events.map((e) => [e.uid, e.rrules[0]?.interval, e.rrules[0]?.count]),
      [
        ['text-interval', 1, 2],
        ['lower-freq', 1, 3],
        ['zero', 1, 2],
      ],
    );
    assert.deepEqual(
      cal.warnings.map((w) => [w.code, w.uid, /INTERVAL=abc|BYDAY|INTERVAL=0/.exec(w.message)?.[0]]),
      [
        ['invalid-rrule', 'text-interval', 'INTERVAL=abc'],
        ['invalid-rrule', 'bad-day', 'BYDAY'],
        ['invalid-rrule', 'zero', 'INTERVAL=0'],
      ],
    );
  });

  test("Exchange's misplaced quote in TZID is repaired and reported", () => {
    for (const written of [
      'DTSTART;TZID="W. Europe Standard Time:20200609T090000"',
      'DTSTART;TZID="W. Europe Standard Time:20200609T090000',
    ]) {
      const cal = parseCalendar(calendar(vevent('UID:q', written)));
      const zone = onlyEvent(cal).start.zone;
      assert.equal(typeof zone === 'object' ? zone.iana : zone, 'Europe/Berlin', written);
      assert.deepEqual(warnings(cal), [['invalid-property', undefined, 4]]);
    }
  });

  test('absurd nesting is skipped at a fixed depth; the next event is kept', () => {
    const depth = 5000;
    const cal = parseCalendar(
      calendar(
        `${'BEGIN:X-DEEP\n'.repeat(depth)}${'END:X-DEEP\n'.repeat(depth)}${vevent('UID:after', 'DTSTART:20261124')}`,
      ),
    );
    assert.equal(onlyEvent(cal).uid, 'after');
    assert.deepEqual(warnings(cal), [['malformed-component', undefined, 2]]);
  });

  test('warnings carry UID and line; an event without a usable DTSTART is skipped', () => {
    const cal = parseCalendar(
      calendar(vevent('UID:bad', 'DTSTART:2026-13-45'), vevent('UID:ok', 'DTSTART:20261124T100000Z')),
    );
    assert.deepEqual(
      cal.events.map((e) => [e.uid, e.line]),
      [['ok', 6]],
    );
    assert.deepEqual(warnings(cal), [['malformed-component', 'bad', 2]]);
  });

  test('VEVENTs outside the VCALENDAR are kept; a text without any calendar is a CalendarError', () => {
    const cal = parseCalendar(
      `${calendar(vevent('UID:in', 'DTSTART:20261124'))}${vevent('UID:out', 'DTSTART:20261124')}\r\n`,
    );
    assert.deepEqual(
      cal.events.map((e) => e.uid),
      ['in', 'out'],
    );
    assert.throws(() => parseCalendar('<html>nope</html>'), /HTML/);
    assert.equal(onlyEvent(parseCalendar(vevent('UID:bare', 'DTSTART:20261124'))).uid, 'bare');
  });
});

describe('writing back: series export by ical.js, occurrence export folded by us', () => {
  test('round trip: parse → seriesToIcs → parse gives the same series', () => {
    const source = calendar(
      vevent(
        'UID:round@trip',
        'DTSTART;TZID="America/New_York":20261124T100000',
        'DTEND;TZID=America/New_York:20261124T110000',
        'RRULE:FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20271231T235959Z',
        'EXDATE;TZID=America/New_York:20261126T100000,20261201T100000',
        'RDATE;VALUE=PERIOD:20261127T150000Z/PT1H',
        'SUMMARY:Comma\\, semicolon\\; backslash\\\\ newline\\n😀',
        'CATEGORIES:a\\,b,c',
        `DESCRIPTION:${'long text é '.repeat(20)}`,
        `ORGANIZER;CN="Doe, ^'Jane^'":mailto:jane@example.com`,
        'X-UNKNOWN;X-P=1:raw\\,kept',
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        'END:VALARM',
      ),
    );
    const first = parseCalendar(source);
    const text = seriesToIcs(first, 'round@trip', { now: Date.UTC(2026, 10, 22) }) ?? '';
    for (const line of text.split('\r\n')) assert.ok(utf8Bytes(line) <= 75, `${utf8Bytes(line)} octets: ${line}`);
    const second = parseCalendar(text);
    assert.deepEqual(second.warnings, []);
    const strip = (e: CalendarEvent): unknown => ({ ...e, raw: undefined, line: undefined });
    assert.deepEqual(second.events.map(strip), first.events.map(strip));
    assert.match(text, /\r\nDTSTART;TZID=America\/New_York:20261124T100000\r\n/);
    assert.match(text, /\r\nORGANIZER;CN="Doe, \^'Jane\^'":mailto:jane@example.com\r\n/);
    assert.match(text, /\r\nX-UNKNOWN;X-P=1:raw\\,kept\r\n/);
    assert.doesNotMatch(text, /VALARM/);
  });

  test('series export writes VALUE=DATE for a bare date and a DTSTAMP when missing', () => {
    const cal = parseCalendar(calendar(vevent('UID:d', 'DTSTART:20231224', 'RECURRENCE-ID:20231224', 'SUMMARY:x')));
    const ics = seriesToIcs(cal, 'd', { now: Date.UTC(2026, 10, 22, 4, 5, 6) }) ?? '';
    assert.match(ics, /\r\nDTSTART;VALUE=DATE:20231224\r\n/);
    assert.match(ics, /\r\nRECURRENCE-ID;VALUE=DATE:20231224\r\n/);
    assert.match(ics, /\r\nDTSTAMP:20261122T040506Z\r\n/);
  });

  test('an occurrence export folds at 75 octets and never inside a UTF-8 character', () => {
    const title = 'é€😀a'.repeat(40);
    const cal = parseCalendar(calendar(vevent('UID:o', 'DTSTART:20261124T100000Z', `SUMMARY:${title}`)));
    const [occurrence] = expandCalendar(cal, { from: Date.UTC(2026, 10, 24), to: Date.UTC(2026, 10, 25) }).occurrences;
    assert.ok(occurrence);
    const lines = occurrenceToIcs(occurrence, { now: 0 }).split('\r\n');
    for (const line of lines) {
      assert.ok(utf8Bytes(line) <= 75, `${utf8Bytes(line)} octets`);
      assert.ok(!/[\uD800-\uDBFF]$/.test(line) && !/^ ?[\uDC00-\uDFFF]/.test(line), 'no split surrogate pair');
    }
    const unfolded = lines.join('\r\n').replace(/\r\n /g, '');
    assert.ok(unfolded.includes(`SUMMARY:${title}`));
  });
});

describe('the notBefore pre-scan of parseCalendarAsync', () => {
  const notBefore = Date.UTC(2026, 10, 22);
  const stamp = (ms: number): string => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
  /** The UIDs parseCalendarAsync keeps with notBefore. */
  const kept = async (...events: string[]): Promise<string[]> =>
    (await parseCalendarAsync(calendar(...events), { notBefore })).events.map((e) => e.uid);

  test('a one-off that ended more than two days before is skipped; anything unclear is kept', async () => {
    const old = notBefore - 2 * 86_400_000 - 1000;
    assert.deepEqual(
      await kept(
        vevent('UID:old', `DTSTART:${stamp(old - 3_600_000)}`, `DTEND:${stamp(old)}`),
        // Within the zone slack.
        vevent(
          'UID:slack',
          `DTSTART:${stamp(notBefore - 3_600_000 * 30)}`,
          `DTEND:${stamp(notBefore - 3_600_000 * 25)}`,
        ),
        // A DURATION that reaches the window.
        vevent('UID:long', 'DTSTART:20261001T100000Z', 'DURATION:P60D'),
        // A DTEND before DTSTART does not make it look earlier than its start.
        vevent('UID:swapped', 'DTSTART:20261121T100000Z', 'DTEND:20200101T000000Z'),
        // Series, overrides, unreadable dates: kept.
        vevent('UID:series', 'DTSTART:20200101T100000Z', 'RRULE:FREQ=YEARLY'),
        vevent('UID:rdate', 'DTSTART:20200101T100000Z', 'RDATE:20261201T100000Z'),
        vevent('UID:garbage', 'DTSTART:garbage'),
        // An old one-off master whose UID has an override elsewhere: kept; the old override is not.
        vevent('UID:master', 'DTSTART:20200101T100000Z'),
        vevent('UID:master', 'DTSTART:20200101T120000Z', 'RECURRENCE-ID:20200101T100000Z'),
        // Overrides: of a past instance moved into the window, of a future instance moved into
        // the past, of this and all later instances, or with an unreadable RECURRENCE-ID: kept.
        vevent('UID:moved-in', 'DTSTART:20261201T100000Z', 'RECURRENCE-ID:20200101T100000Z'),
        vevent('UID:moved-out', 'DTSTART:20200101T100000Z', 'RECURRENCE-ID:20261201T100000Z'),
        vevent('UID:future', 'DTSTART:20200101T100000Z', 'RECURRENCE-ID;RANGE=THISANDFUTURE:20200101T100000Z'),
        vevent('UID:unreadable', 'DTSTART:20200101T100000Z', 'RECURRENCE-ID:someday'),
      ),
      ['slack', 'long', 'swapped', 'series', 'rdate', 'master', 'moved-in', 'moved-out', 'future'],
    );
  });

  test('a Google-style feed: the occurrences from notBefore on are those of the whole feed', async () => {
    // The benchmark's generator (scripts/ is plain JavaScript without type declarations).
    const { generateFeed } = (await import(
      pathToFileURL(join(import.meta.dirname, '../../scripts/bench/generate-feed.js')).href
    )) as { generateFeed(options: { events: number; seed: number; anchor: string }): string };
    const text = generateFeed({ events: 2000, seed: 7, anchor: '2026-06-01' });
    const from = Date.UTC(2026, 5, 1);
    const window = { from, to: from + 90 * 86_400_000, timeZone: 'Europe/Berlin', includeCancelled: true };
    const all = parseCalendar(text);
    const scanned = await parseCalendarAsync(text, { notBefore: from });
    const rows = (cal: Calendar): string[] =>
      expandCalendar(cal, window).occurrences.map((o) => `${o.uid} ${o.start} ${o.end} ${o.title} ${o.cancelled}`);
    assert.ok(scanned.events.length < all.events.length * 0.6, `${scanned.events.length} of ${all.events.length} read`);
    assert.deepEqual(rows(scanned), rows(all));
    assert.ok(rows(all).length > 100);
  });
});

describe('parseCalendarAsync', () => {
  const feed = (count: number, garbage = true): string => {
    const parts = ['BEGIN:VCALENDAR', 'X-WR-CALNAME:Big\\, feed'];
    for (let i = 0; i < count; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const year = 2020 + (i % 8);
      parts.push(
        'BEGIN:VEVENT',
        `UID:e${i}`,
        `DTSTART:${year}11${day}T100000Z`,
        `DTEND:${year}11${day}T110000Z`,
        `SUMMARY:Event ${i}`,
      );
      if (i % 10 === 0) parts.push('RRULE:FREQ=WEEKLY;COUNT=3');
      if (garbage && i % 97 === 0) parts.push('garbage line');
      parts.push('END:VEVENT');
    }
    parts.push('END:VCALENDAR');
    return parts.join('\r\n');
  };

  test('gives the same calendar as parseCalendar, and yields between slices', async () => {
    const text = feed(3000);
    const sync = parseCalendar(text);
    let turns = 0;
    let running = true;
    const tick = (): void => {
      turns++;
      if (running) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    const async = await parseCalendarAsync(text, { sliceMs: 1 });
    running = false;
    const strip = (e: CalendarEvent): unknown => ({ ...e, start: e.start.wall, end: e.end?.wall });
    assert.deepEqual(async.events.map(strip), sync.events.map(strip));
    assert.deepEqual(async.warnings, sync.warnings);
    assert.equal(async.warnings.length, Math.ceil(3000 / 97));
    assert.equal(async.name, 'Big, feed');
    assert.ok(turns > 1, `other tasks ran while parsing (${turns})`);
  });

  test('a feed read within one slice does not yield', async () => {
    let turns = 0;
    setTimeout(() => turns++, 0);
    const cal = await parseCalendarAsync(feed(20, false), { sliceMs: 10_000 });
    assert.equal(cal.events.length, 20);
    assert.equal(turns, 0, 'no other task ran');
  });

  test('notBefore leaves out old one-offs only', async () => {
    const text = feed(400);
    const notBefore = Date.UTC(2026, 0, 1);
    const all = parseCalendar(text).events;
    const kept = (await parseCalendarAsync(text, { notBefore })).events;
    const expected = all.filter((e) => e.rrules.length > 0 || e.start.wall >= notBefore - 2 * 86_400_000 - 3_600_000);
    assert.deepEqual(
      kept.map((e) => e.uid),
      expected.map((e) => e.uid),
    );
    assert.ok(kept.length < all.length && kept.length > 0);
  });

  test("an abort rejects with the signal's reason", async () => {
    const controller = new AbortController();
    const promise = parseCalendarAsync(feed(3000), { signal: controller.signal, sliceMs: 1 });
    controller.abort(new Error('stop'));
    await assert.rejects(promise, /stop/);
    await assert.rejects(parseCalendarAsync('nothing', {}), /not an iCalendar/);
  });
});
