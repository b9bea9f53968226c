import { expect } from '@open-wc/testing';
import { CalendarError, expandCalendar, findNextOccurrence, parseCalendar } from '../../../src/calendar/index.js';
import { fixture, rows } from './helpers.js';

describe('bad input', () => {
  it('one broken component is skipped with a warning; the rest of the feed renders', async () => {
    const cal = await fixture('malformed.ics');
    expect(rows(cal, '2026-11-20T00:00:00Z', '2026-12-01T00:00:00Z')).to.deep.equal([
      '2026-11-24T10:00:00Z 2026-11-24T11:00:00Z Good event before the damage',
      '2026-11-25T10:00:00Z 2026-11-25T10:00:00Z DTEND before DTSTART',
      '2026-11-26T10:00:00Z 2026-11-26T10:00:00Z Event with a garbage line',
      '2026-11-28T10:00:00Z 2026-11-28T11:00:00Z Good event after the damage',
    ]);
    const codes = cal.warnings.map((w) => w.code).sort();
    expect(codes).to.deep.equal([
      'end-before-start',
      'invalid-property',
      'invalid-rrule',
      'malformed-component',
      'malformed-component',
      'malformed-component',
    ]);
    expect(cal.warnings.find((w) => w.uid === 'unterminated@test')?.line).to.equal(38);
  });

  it('an invalid RRULE skips that series only', () => {
    const cal = parseCalendar(
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20261124T100000Z\r\nRRULE:FREQ=MONTHLY;BYMONTHDAY=40\r\nEND:VEVENT\r\n' +
        'BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20261124T100000Z\r\nSUMMARY:kept\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    );
    expect(cal.events.map((e) => e.uid)).to.deep.equal(['b']);
    expect(cal.warnings[0]?.code).to.equal('invalid-rrule');
    expect(cal.warnings[0]?.message).to.contain('BYMONTHDAY');
  });

  it('typed errors: not a calendar, too large', () => {
    const attempt = (text: string, maxBytes?: number): CalendarError => {
      try {
        parseCalendar(text, maxBytes === undefined ? {} : { maxBytes });
      } catch (error) {
        if (error instanceof CalendarError) return error;
      }
      throw new Error('expected a CalendarError');
    };
    expect(attempt('<!DOCTYPE html><html><body>Sign in</body></html>').code).to.equal('not-calendar');
    expect(attempt('<!DOCTYPE html>').message).to.contain('HTML');
    expect(attempt('').code).to.equal('not-calendar');
    expect(attempt('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'.padEnd(2000, ' '), 1000).code).to.equal('too-large');
  });

  it('a VEVENT without VCALENDAR around it is still read', () => {
    const cal = parseCalendar('BEGIN:VEVENT\nUID:x\nDTSTART:20261124T100000Z\nSUMMARY:bare\nEND:VEVENT\n');
    expect(cal.events.map((e) => e.summary)).to.deep.equal(['bare']);
  });

  it('a hostile rule hits the safety bound and says so; other events still render', async () => {
    const cal = await fixture('old-series.ics');
    const from = Date.parse('2026-11-24T00:00:00Z');
    const { occurrences, warnings } = expandCalendar(cal, { from, to: from + 365 * 86_400_000, timeZone: 'UTC' });
    expect(warnings.map((w) => w.code)).to.deep.equal(['expansion-limit']);
    expect(warnings[0]?.uid).to.equal('secondly@test');
    expect(occurrences.filter((o) => o.uid === 'daily-2012@test')).to.have.length(365);
  });

  it("a daily series from 2012 yields today's occurrence, with a tiny expansion budget", async () => {
    const cal = await fixture('old-series.ics');
    const from = Date.parse('2026-11-17T00:00:00Z');
    const { occurrences, warnings } = expandCalendar(cal, {
      from,
      to: from + 86_400_000,
      timeZone: 'UTC',
      maxPeriods: 10,
    });
    expect(
      occurrences.filter((o) => o.uid === 'daily-2012@test').map((o) => new Date(o.start).toISOString()),
    ).to.deep.equal(['2026-11-17T08:30:00.000Z']);
    // Biweekly since 2012-01-03: the week of 2026-11-17 is an on-week (09:00 Los Angeles).
    expect(
      occurrences.filter((o) => o.uid === 'weekly-2012@test').map((o) => new Date(o.start).toISOString()),
    ).to.deep.equal(['2026-11-17T17:00:00.000Z']);
    expect(warnings.filter((w) => w.uid !== 'secondly@test')).to.deep.equal([]);
  });

  it('an all-day series with a sub-daily FREQ repeats daily (rounded up), with a warning', () => {
    const cal = parseCalendar(
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:d\r\nDTSTART;VALUE=DATE:20261123\r\nRRULE:FREQ=HOURLY;INTERVAL=36;COUNT=3\r\nSUMMARY:odd\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    );
    const { occurrences, warnings } = expandCalendar(cal, {
      from: Date.parse('2026-11-20T00:00:00Z'),
      to: Date.parse('2026-12-10T00:00:00Z'),
      timeZone: 'UTC',
    });
    expect(occurrences.map((o) => o.startDate)).to.deep.equal(['2026-11-23', '2026-11-25', '2026-11-27']);
    expect(warnings.map((w) => w.code)).to.deep.equal(['invalid-rrule']);
    expect(warnings[0]?.message).to.contain('FREQ=HOURLY');
  });

  it('UNTIL before DTSTART: no occurrence, and a warning naming the series', () => {
    const cal = parseCalendar(
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:u\r\nDTSTART:20261123T100000Z\r\nRRULE:FREQ=DAILY;UNTIL=20261001T000000Z\r\nSUMMARY:ended early\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    );
    const { occurrences, warnings } = expandCalendar(cal, {
      from: Date.parse('2026-11-20T00:00:00Z'),
      to: Date.parse('2026-12-10T00:00:00Z'),
      timeZone: 'UTC',
    });
    expect(occurrences).to.deep.equal([]);
    expect(warnings.map((w) => [w.code, w.uid])).to.deep.equal([['invalid-rrule', 'u']]);
    expect(warnings[0]?.message).to.contain('ended early');
  });

  it('filter and limit', async () => {
    const cal = await fixture('overrides.ics');
    const from = Date.parse('2026-11-15T00:00:00Z');
    const to = Date.parse('2027-02-01T00:00:00Z');
    const sigB = expandCalendar(cal, { from, to, timeZone: 'UTC', filter: 'sig b' }).occurrences;
    expect(sigB.length).to.be.greaterThan(5);
    expect(sigB.every((o) => o.title.startsWith('SIG B'))).to.equal(true);
    expect(expandCalendar(cal, { from, to, timeZone: 'UTC', limit: 3 }).occurrences).to.have.length(3);
  });

  it('findNextOccurrence looks beyond the window', async () => {
    const cal = await fixture('dates.ics');
    const next = findNextOccurrence(cal, Date.parse('2026-12-15T00:00:00Z'), { timeZone: 'UTC' });
    expect(next?.uid).to.equal('allday-weekly@test');
    expect(next?.startDate).to.equal('2026-12-21');
  });
});

// Regressions found by comparing with the reference oracle over the peer corpus.
describe('corpus regressions', () => {
  const ics = (body: string): string =>
    `BEGIN:VCALENDAR\r\n${body.trim().split('\n').join('\r\n')}\r\nEND:VCALENDAR\r\n`;

  it('a date written without VALUE=DATE (DTSTART and RECURRENCE-ID) is read as a date', () => {
    const cal = parseCalendar(
      ics(`
BEGIN:VEVENT
UID:s
DTSTART;VALUE=DATE:20200907
RRULE:FREQ=WEEKLY;COUNT=3
SUMMARY:series
END:VEVENT
BEGIN:VEVENT
UID:s
DTSTART;VALUE=DATE:20200915
RECURRENCE-ID:20200914
SEQUENCE:1
SUMMARY:moved
END:VEVENT
BEGIN:VEVENT
UID:d
DTSTART:20231224
SUMMARY:bare date
END:VEVENT`),
    );
    expect(rows(cal, '2020-09-01T00:00:00Z', '2020-10-01T00:00:00Z')).to.deep.equal([
      '2020-09-07 2020-09-08 series',
      '2020-09-15 2020-09-16 moved',
      '2020-09-21 2020-09-22 series',
    ]);
    expect(rows(cal, '2023-12-24T00:00:00Z', '2023-12-25T00:00:00Z')).to.deep.equal([
      '2023-12-24 2023-12-25 bare date',
    ]);
  });

  it('an unknown RRULE part is ignored with a warning, not the whole series', () => {
    const cal = parseCalendar(
      ics(`
BEGIN:VEVENT
UID:w
DTSTART:20261123T100000Z
RRULE:RRULE:AnythingRandom;FREQ=WEEKLY;BYDAY=MO,TU
SUMMARY:weekly
END:VEVENT`),
    );
    expect(rows(cal, '2026-11-23T00:00:00Z', '2026-11-30T00:00:00Z')).to.have.length(2);
    expect(cal.warnings.map((w) => w.code)).to.deep.equal(['invalid-rrule']);
  });

  it('an all-day start with a timed end covers every day it touches', () => {
    const cal = parseCalendar(
      ics(`
BEGIN:VEVENT
UID:m
DTSTART;VALUE=DATE:20000101
DTEND:20000103T020000Z
SUMMARY:mixed
END:VEVENT`),
    );
    expect(rows(cal, '2000-01-01T00:00:00Z', '2000-01-02T00:00:00Z')).to.deep.equal(['2000-01-01 2000-01-04 mixed']);
  });

  it("a DATE end on a UTC start is read in the start's zone", () => {
    const cal = parseCalendar(
      ics(`
BEGIN:VEVENT
UID:u
DTSTART:20000101T000000Z
DTEND;VALUE=DATE:20000102
SUMMARY:utc start
END:VEVENT`),
    );
    expect(rows(cal, '2000-01-01T00:00:00Z', '2000-01-02T00:00:00Z', { timeZone: 'America/New_York' })).to.deep.equal([
      '2000-01-01T00:00:00Z 2000-01-02T00:00:00Z utc start',
    ]);
  });

  it('Outlook display-name zones follow DST', () => {
    const cal = parseCalendar(
      ics(`
BEGIN:VEVENT
UID:o
DTSTART;TZID="(UTC-05:00) Eastern Time (US & Canada)":20260715T120000
DTEND;TZID="(UTC-05:00) Eastern Time (US & Canada)":20260715T130000
SUMMARY:summer
END:VEVENT`),
    );
    expect(rows(cal, '2026-07-15T00:00:00Z', '2026-07-16T00:00:00Z')).to.deep.equal([
      '2026-07-15T16:00:00Z 2026-07-15T17:00:00Z summer',
    ]);
  });
});
