import { expect } from '@open-wc/testing';
import {
  googleCalendarUrl,
  icsFileName,
  occurrenceToIcs,
  occurrenceUid,
  outlookCalendarUrl,
} from '../../../src/calendar/export-links.js';
import { seriesToIcs } from '../../../src/calendar/export.js';
import { descriptionToText } from '../../../src/calendar/html.js';
import {
  createSnapshot,
  expandCalendar,
  parseCalendar,
  snapshotOccurrences,
  toOccurrenceJson,
  type Calendar,
  type Occurrence,
} from '../../../src/calendar/index.js';
import { fixture, occurrence } from './helpers.js';

const NOW = Date.parse('2026-11-01T12:00:00Z');
const FROM = Date.parse('2026-11-01T00:00:00Z');
const TO = Date.parse('2027-02-01T00:00:00Z');

function expand(calendar: Calendar, timeZone = 'UTC', from = FROM, to = TO): Occurrence[] {
  return expandCalendar(calendar, { from, to, timeZone, includeCancelled: true }).occurrences;
}

function find(occurrences: readonly Occurrence[], predicate: (o: Occurrence) => boolean): Occurrence {
  const found = occurrences.find(predicate);
  if (!found) throw new Error('occurrence not found');
  return found;
}

/** Undoes RFC 5545 folding. */
function unfold(text: string): string {
  return text.replace(/\r\n[ \t]/g, '');
}

/** The unfolded content lines of an iCalendar text. */
function contentLines(text: string): string[] {
  return unfold(text)
    .split('\r\n')
    .filter((l) => l.length > 0);
}

function lineOf(text: string, name: string): string | undefined {
  return contentLines(text).find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
}

/** What a re-import should preserve: times, title, status. */
function essentials(o: Occurrence): string {
  const j = toOccurrenceJson(o);
  return `${j.start} ${j.end} ${j.allDay} ${j.title}${o.cancelled ? ' [cancelled]' : ''}`;
}

describe('export: occurrenceToIcs', () => {
  it('writes a complete VCALENDAR with one VEVENT, CRLF only, ending with CRLF', async () => {
    const cal = await fixture('overrides.ics');
    const o = find(expand(cal), (x) => x.uid === 'sig-a@test' && x.recurrenceId === '2026-11-18T17:00:00Z');
    const ics = occurrenceToIcs(o, { now: NOW });
    expect(ics.endsWith('\r\n')).to.equal(true);
    expect(ics.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
    expect(contentLines(ics)).to.deep.equal([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//otel-community-widgets//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'UID:sig-a@test-20261118T170000Z',
      'DTSTAMP:20261101T120000Z',
      'DTSTART:20261118T170000Z',
      'DTEND:20261118T180000Z',
      'SUMMARY:SIG A',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
    expect(occurrenceToIcs(o, { now: NOW, productId: '-//Example//Widgets 1.0//EN' })).to.contain(
      'PRODID:-//Example//Widgets 1.0//EN\r\n',
    );
  });

  it('round-trips a timed instance, a moved instance and an all-day multi-day event through parseCalendar + expandCalendar', async () => {
    const overrides = await fixture('overrides.ics');
    const dates = await fixture('dates.ics');
    for (const timeZone of ['UTC', 'America/New_York', 'Asia/Kolkata']) {
      const fromOverrides = expand(overrides, timeZone);
      const picks = [
        find(fromOverrides, (o) => o.uid === 'sig-a@test' && o.recurrenceId === '2026-11-18T17:00:00Z'),
        find(fromOverrides, (o) => o.title === 'SIG A (moved to Thursday)'),
        find(fromOverrides, (o) => o.title === 'SIG A (January session pulled into December)'),
        find(expand(dates, timeZone), (o) => o.uid === 'multiday@test'),
        find(expand(dates, timeZone), (o) => o.uid === 'allday-weekly@test' && o.startDate === '2026-11-23'),
      ];
      for (const o of picks) {
        const back = expand(parseCalendar(occurrenceToIcs(o, { now: NOW })), timeZone);
        expect(back.map(essentials), `${o.title} in ${timeZone}`).to.deep.equal([essentials(o)]);
        expect(back[0]?.start).to.equal(o.start);
        expect(back[0]?.end).to.equal(o.end);
        expect(back[0]?.uid).to.equal(occurrenceUid(o));
        expect(back[0]?.recurrenceId).to.equal(null);
      }
    }
  });

  it('writes all-day occurrences as dates with an exclusive end', async () => {
    const cal = await fixture('dates.ics');
    const o = find(expand(cal, 'America/New_York'), (x) => x.uid === 'multiday@test');
    const ics = occurrenceToIcs(o, { now: NOW });
    expect(lineOf(ics, 'DTSTART')).to.equal('DTSTART;VALUE=DATE:20261201');
    expect(lineOf(ics, 'DTEND')).to.equal('DTEND;VALUE=DATE:20261204');
    expect(lineOf(ics, 'UID')).to.equal('UID:multiday@test');
    const weekly = find(expand(cal), (x) => x.uid === 'allday-weekly@test' && x.startDate === '2026-11-23');
    expect(lineOf(occurrenceToIcs(weekly), 'UID')).to.equal('UID:allday-weekly@test-20261123');
  });

  it('omits DTEND for zero-length events (a re-import is zero length too)', async () => {
    const cal = await fixture('dates.ics');
    const o = find(expand(cal), (x) => x.uid === 'noend@test');
    const ics = occurrenceToIcs(o, { now: NOW });
    expect(lineOf(ics, 'DTEND')).to.equal(undefined);
    expect(expand(parseCalendar(ics)).map(essentials)).to.deep.equal([essentials(o)]);
  });

  it('marks cancelled instances STATUS:CANCELLED', async () => {
    const cal = await fixture('overrides.ics');
    const o = find(expand(cal), (x) => x.uid === 'sig-a@test' && x.cancelled);
    const ics = occurrenceToIcs(o, { now: NOW });
    expect(lineOf(ics, 'STATUS')).to.equal('STATUS:CANCELLED');
    expect(expand(parseCalendar(ics))[0]?.cancelled).to.equal(true);
  });

  it('folds every line at 75 octets without splitting a character, and unfolds to the original', () => {
    const title = `Überlänge €uro 😀 ${'ü€😀'.repeat(40)} a${'😀'.repeat(30)}`;
    const location = `Straße ${'€'.repeat(60)}`;
    const o = occurrence({ title, location, description: 'x'.repeat(300) });
    const ics = occurrenceToIcs(o, { now: NOW });
    const encoder = new TextEncoder();
    const physical = ics.split('\r\n').slice(0, -1);
    expect(physical.length).to.be.greaterThan(contentLines(ics).length);
    for (const line of physical) {
      expect(encoder.encode(line).length, line).to.be.at.most(75);
      // A character split across lines would show up as an unpaired surrogate.
      expect(line).not.to.match(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    expect(lineOf(ics, 'SUMMARY')).to.equal(`SUMMARY:${title}`);
    expect(lineOf(ics, 'LOCATION')).to.equal(`LOCATION:${location}`);
    const back = expand(parseCalendar(ics))[0];
    expect(back?.title).to.equal(title);
    expect(back?.location).to.equal(location);
  });

  it('escapes backslashes, semicolons, commas and line breaks in text', () => {
    const title = 'A, B; C\\D';
    const description = 'Line 1\nLine 2\r\nLine 3; with, punctuation \\ here';
    const o = occurrence({
      title,
      description,
      location: 'Room 1, Floor 2; Building \\A',
      categories: ['SIG, Collector', 'Meeting'],
    });
    const ics = occurrenceToIcs(o, { now: NOW });
    expect(lineOf(ics, 'SUMMARY')).to.equal('SUMMARY:A\\, B\\; C\\\\D');
    expect(lineOf(ics, 'DESCRIPTION')).to.equal(
      'DESCRIPTION:Line 1\\nLine 2\\nLine 3\\; with\\, punctuation \\\\ here',
    );
    expect(lineOf(ics, 'LOCATION')).to.equal('LOCATION:Room 1\\, Floor 2\\; Building \\\\A');
    expect(lineOf(ics, 'CATEGORIES')).to.equal('CATEGORIES:SIG\\, Collector,Meeting');
    const back = expand(parseCalendar(ics))[0];
    expect(back?.title).to.equal(title);
    expect(back?.description).to.equal('Line 1\nLine 2\nLine 3; with, punctuation \\ here');
    expect(back?.location).to.equal('Room 1, Floor 2; Building \\A');
    expect(back?.categories).to.deep.equal(['SIG, Collector', 'Meeting']);
  });

  it('drops control characters and unpaired surrogates', () => {
    const ics = occurrenceToIcs(occurrence({ title: `Bell\u0007 tab\tend \uD800x` }), { now: NOW });
    expect(lineOf(ics, 'SUMMARY')).to.equal('SUMMARY:Bell tab\tend \uFFFDx');
  });

  it('writes an HTML description as readable plain text', () => {
    const html =
      '<p>Hello &amp; welcome&nbsp;to the <b>SIG</b>!</p><ul><li>One</li><li>Two &lt;3</li></ul>' +
      'Agenda<br>Notes: <a href="https://docs.example.org/notes?a=1&amp;b=2">meeting notes</a>' +
      '<br/>Mail <a href="mailto:sig@example.org">sig@example.org</a><script>alert(1)</script><style>p{}</style> &#x1F600; &#8211; end';
    const text =
      'Hello & welcome to the SIG!\n\n- One\n- Two <3\nAgenda\nNotes: meeting notes (https://docs.example.org/notes?a=1&b=2)\nMail sig@example.org 😀 – end';
    expect(descriptionToText(html)).to.equal(text);
    const ics = occurrenceToIcs(occurrence({ description: html }), { now: NOW });
    expect(expand(parseCalendar(ics))[0]?.description).to.equal(text);
    // Plain text is kept as it is (no entity decoding, no "<" eaten).
    // Plain text keeps its characters; entities are read as the widget shows them.
    expect(descriptionToText('a < b && c > d &amp; e\n\nnext')).to.equal('a < b && c > d & e\n\nnext');
  });

  it('adds URL only for http(s) and the join link to the description when it is not there yet', () => {
    const join = 'https://zoom.us/j/123456';
    const withJoin = occurrenceToIcs(
      occurrence({ url: 'https://example.org/sig', joinUrl: join, description: 'Weekly sync' }),
      { now: NOW },
    );
    expect(lineOf(withJoin, 'URL')).to.equal('URL:https://example.org/sig');
    expect(lineOf(withJoin, 'DESCRIPTION')).to.equal(`DESCRIPTION:Weekly sync\\n\\n${join}`);
    const already = occurrenceToIcs(occurrence({ joinUrl: join, description: `Join: ${join}` }), { now: NOW });
    expect(lineOf(already, 'DESCRIPTION')).to.equal(`DESCRIPTION:Join: ${join}`);
    const unsafe = occurrenceToIcs(occurrence({ url: 'javascript:alert(1)' }), { now: NOW });
    expect(lineOf(unsafe, 'URL')).to.equal(undefined);
  });

  it('works for snapshot occurrences (no event)', async () => {
    const cal = await fixture('dates.ics');
    const original = expand(cal).filter((o) => ['multiday@test', 'duration@test', 'rdates@test'].includes(o.uid));
    const snapshot = JSON.parse(
      JSON.stringify(createSnapshot(original, { generated: NOW, from: FROM, to: TO })),
    ) as Parameters<typeof snapshotOccurrences>[0];
    const fromSnapshot = snapshotOccurrences(snapshot, 'UTC');
    expect(fromSnapshot.every((o) => o.event === undefined)).to.equal(true);
    for (const o of fromSnapshot) {
      const back = expand(parseCalendar(occurrenceToIcs(o, { now: NOW })));
      expect(back.map(essentials)).to.deep.equal([essentials(o)]);
    }
  });
});

describe('export: seriesToIcs', () => {
  const window = ['2026-11-01T00:00:00Z', '2027-02-01T00:00:00Z'] as const;

  function seriesRows(calendar: Calendar, uid: string, timeZone = 'UTC'): string[] {
    return expandCalendar(calendar, {
      from: Date.parse(window[0]),
      to: Date.parse(window[1]),
      timeZone,
      includeCancelled: true,
    })
      .occurrences.filter((o) => o.uid === uid)
      .map((o) => `${essentials(o)} ${o.recurrenceId ?? ''} ${o.source}`);
  }

  it('re-parses to the same occurrences as the original (instances, moved, EXDATE, cancelled)', async () => {
    const cal = await fixture('overrides.ics');
    const ics = seriesToIcs(cal, 'sig-a@test', { now: NOW });
    expect(ics).to.be.a('string');
    const back = parseCalendar(ics ?? '');
    expect(back.warnings).to.deep.equal([]);
    for (const timeZone of ['UTC', 'America/New_York', 'Asia/Kolkata']) {
      const expected = seriesRows(cal, 'sig-a@test', timeZone);
      expect(expected.length).to.equal(11);
      expect(seriesRows(back, 'sig-a@test', timeZone)).to.deep.equal(expected);
    }
    expect(back.events.every((e) => e.uid === 'sig-a@test')).to.equal(true);
  });

  it('is a valid VCALENDAR: header, exactly the used VTIMEZONE, master first, CRLF, folded', async () => {
    const cal = await fixture('overrides.ics');
    const ics = seriesToIcs(cal, 'sig-a@test', { now: NOW }) ?? '';
    const lines = contentLines(ics);
    expect(lines.slice(0, 5)).to.deep.equal([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//otel-community-widgets//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
    ]);
    expect(lines.at(-1)).to.equal('END:VCALENDAR');
    expect(ics.endsWith('\r\n')).to.equal(true);
    expect(ics.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
    expect(lines.filter((l) => l === 'BEGIN:VTIMEZONE')).to.have.length(1);
    expect(lines.filter((l) => l.startsWith('TZID:'))).to.deep.equal(['TZID:America/Los_Angeles']);
    expect(lines.indexOf('BEGIN:VTIMEZONE')).to.be.lessThan(lines.indexOf('BEGIN:VEVENT'));
    // The master and four overrides; the override of the EXDATE'd 12-09 instance is left out.
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).to.have.length(5);
    expect(ics).not.to.contain('must not show');
    const firstEvent = lines.slice(lines.indexOf('BEGIN:VEVENT'), lines.indexOf('END:VEVENT'));
    expect(firstEvent).to.include('RRULE:FREQ=WEEKLY;BYDAY=WE');
    expect(firstEvent.some((l) => l.startsWith('RECURRENCE-ID'))).to.equal(false);
    expect(lines.filter((l) => l.startsWith('RECURRENCE-ID'))).to.have.length(4);
    expect(lines).to.include('EXDATE;TZID=America/Los_Angeles:20261125T090000');
    expect(lines).to.include('EXDATE:20261209T170000Z');
    // A DTSTAMP is added where the feed has none.
    expect(lines.filter((l) => l === 'DTSTAMP:20261101T120000Z')).to.have.length(5);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).to.be.at.most(75);
  });

  it('keeps the latest of duplicate overrides (highest SEQUENCE)', async () => {
    const cal = await fixture('overrides.ics');
    const ics = seriesToIcs(cal, 'dup@test', { now: NOW }) ?? '';
    expect(ics).to.contain('SUMMARY:Daily x3 (latest edit)');
    expect(ics).not.to.contain('old edit');
    expect(seriesRows(parseCalendar(ics), 'dup@test')).to.deep.equal(seriesRows(cal, 'dup@test'));
  });

  it('keeps RANGE=THISANDFUTURE and all-day series', async () => {
    const cal = await fixture('overrides.ics');
    const future = seriesToIcs(cal, 'future@test', { now: NOW }) ?? '';
    expect(future).to.contain('RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=America/Los_Angeles:20261203T080000');
    expect(seriesRows(parseCalendar(future), 'future@test')).to.deep.equal(seriesRows(cal, 'future@test'));
    const dates = await fixture('dates.ics');
    const weekly = seriesToIcs(dates, 'allday-weekly@test', { now: NOW }) ?? '';
    expect(weekly).to.contain('EXDATE;VALUE=DATE:20261130');
    for (const timeZone of ['UTC', 'Asia/Kolkata']) {
      expect(seriesRows(parseCalendar(weekly), 'allday-weekly@test', timeZone)).to.deep.equal(
        seriesRows(dates, 'allday-weekly@test', timeZone),
      );
    }
  });

  it('writes zones without VTIMEZONE in the file as they are, and only the VTIMEZONEs used', async () => {
    const dates = await fixture('dates.ics');
    const rdates = seriesToIcs(dates, 'rdates@test', { now: NOW }) ?? '';
    expect(rdates).not.to.contain('BEGIN:VTIMEZONE');
    expect(rdates).to.contain('DTSTART;TZID=Europe/Paris:20261123T140000');
    expect(seriesRows(parseCalendar(rdates), 'rdates@test')).to.deep.equal(seriesRows(dates, 'rdates@test'));
    const zones = await fixture('zones.ics');
    const custom = seriesToIcs(zones, 'custom@test', { now: NOW }) ?? '';
    expect(contentLines(custom).filter((l) => l.startsWith('TZID:'))).to.deep.equal(['TZID:Makebelieve/Standard']);
    expect(seriesRows(parseCalendar(custom), 'custom@test')).to.deep.equal(seriesRows(zones, 'custom@test'));
    expect(seriesToIcs(zones, 'iana@test', { now: NOW })).not.to.contain('BEGIN:VTIMEZONE');
  });

  it('removes VALARM and ATTENDEE on a copy; the calendar is untouched', () => {
    const source = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//EN',
      'BEGIN:VEVENT',
      'UID:private@test',
      'DTSTAMP:20260101T000000Z',
      'DTSTART:20261124T170000Z',
      'DTEND:20261124T180000Z',
      'RRULE:FREQ=WEEKLY;COUNT=3',
      'SUMMARY:Private, with alarm',
      'ORGANIZER;CN=SIG Lead:mailto:lead@example.org',
      'ATTENDEE;CN="Doe, Jane";PARTSTAT=ACCEPTED:mailto:jane@example.org',
      'ATTENDEE;CN=John:mailto:john@example.org',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'DESCRIPTION:Reminder',
      'TRIGGER:-PT10M',
      'END:VALARM',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:private@test',
      'DTSTAMP:20260101T000000Z',
      'RECURRENCE-ID:20261201T170000Z',
      'DTSTART:20261201T190000Z',
      'DTEND:20261201T200000Z',
      'SUMMARY:Private, moved',
      'ATTENDEE:mailto:jane@example.org',
      'BEGIN:VALARM',
      'ACTION:AUDIO',
      'TRIGGER:-PT5M',
      'END:VALARM',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const cal = parseCalendar(source);
    const before = JSON.stringify(cal.events.map((e) => e.raw));
    const ics = seriesToIcs(cal, 'private@test', { now: NOW }) ?? '';
    expect(ics).not.to.match(/ATTENDEE|VALARM|TRIGGER|jane|john/i);
    expect(ics).to.contain('ORGANIZER;CN=SIG Lead:mailto:lead@example.org');
    expect(ics).to.contain('SUMMARY:Private\\, with alarm');
    expect(ics).to.contain('DTSTAMP:20260101T000000Z');
    expect(JSON.stringify(cal.events.map((e) => e.raw))).to.equal(before);
    expect(before).to.contain('valarm');
    expect(before).to.contain('attendee');
    expect(seriesRows(parseCalendar(ics), 'private@test')).to.deep.equal(seriesRows(cal, 'private@test'));
  });

  it('writes a date without VALUE=DATE as a date', () => {
    const cal = parseCalendar(
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:bare@test\r\nDTSTART:20261124\r\nSUMMARY:Bare date\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    );
    const ics = seriesToIcs(cal, 'bare@test', { now: NOW }) ?? '';
    expect(lineOf(ics, 'DTSTART')).to.equal('DTSTART;VALUE=DATE:20261124');
    expect(seriesRows(parseCalendar(ics), 'bare@test')).to.deep.equal(seriesRows(cal, 'bare@test'));
  });

  it('is undefined for an unknown UID or events without raw', async () => {
    const cal = await fixture('overrides.ics');
    expect(seriesToIcs(cal, 'nope@test')).to.equal(undefined);
    const noRaw: Calendar = { ...cal, events: cal.events.map((e) => ({ ...e, raw: undefined })) };
    expect(seriesToIcs(noRaw, 'sig-a@test')).to.equal(undefined);
  });

  it('exports an override whose series is not in the file as it is', async () => {
    const cal = await fixture('overrides.ics');
    const ics = seriesToIcs(cal, 'orphan@test', { now: NOW }) ?? '';
    expect(lineOf(ics, 'RECURRENCE-ID')).to.equal('RECURRENCE-ID;TZID=America/Los_Angeles:20261201T100000');
    expect(seriesRows(parseCalendar(ics), 'orphan@test')).to.deep.equal(seriesRows(cal, 'orphan@test'));
  });
});

describe('export: web links', () => {
  function paramsOf(url: string): Record<string, string> {
    const entries: Record<string, string> = {};
    for (const [key, value] of new URL(url).searchParams) entries[key] = value;
    return entries;
  }

  it('Google: a timed occurrence with host zone, details and location', async () => {
    const cal = await fixture('overrides.ics');
    const o = find(expand(cal), (x) => x.title === 'SIG A (moved to Thursday)');
    const extra = {
      ...o,
      description: '<p>Agenda &amp; notes</p>',
      location: 'Zoom, Room 1',
      joinUrl: 'https://zoom.us/j/1',
    };
    const url = googleCalendarUrl(extra);
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname).to.equal('https://calendar.google.com/calendar/render');
    expect(paramsOf(url)).to.deep.equal({
      action: 'TEMPLATE',
      text: 'SIG A (moved to Thursday)',
      dates: '20261203T210000Z/20261203T220000Z',
      ctz: 'America/Los_Angeles',
      details: 'Agenda & notes\n\nhttps://zoom.us/j/1',
      location: 'Zoom, Room 1',
    });
    expect(url).not.to.contain('+');
  });

  it('Google: all-day dates with an exclusive end, recurrence lines, long details cut', async () => {
    const cal = await fixture('dates.ics');
    const o = find(expand(cal), (x) => x.uid === 'multiday@test');
    const long = { ...o, description: 'ü'.repeat(5000), url: 'https://example.org/conf' };
    const params = paramsOf(
      googleCalendarUrl(long, {
        recurrence: ['RRULE:FREQ=YEARLY', 'FREQ=WEEKLY;BYDAY=MO', 'EXDATE;VALUE=DATE:20271201'],
      }),
    );
    expect(params['dates']).to.equal('20261201/20261204');
    expect(params['ctz']).to.equal(undefined);
    expect(params['location']).to.equal(undefined);
    expect(params['recur']).to.equal('RRULE:FREQ=YEARLY\nRRULE:FREQ=WEEKLY;BYDAY=MO\nEXDATE;VALUE=DATE:20271201');
    const details = params['details'] ?? '';
    expect(Array.from(details).length).to.equal(1500);
    expect(details.endsWith('…')).to.equal(true);
    expect(paramsOf(googleCalendarUrl({ ...o, url: 'https://example.org/conf' }))['details']).to.equal(
      'https://example.org/conf',
    );
  });

  it('Outlook: live and office, timed and all-day', async () => {
    const cal = await fixture('dates.ics');
    const timed = occurrence({
      title: 'SIG Collector + friends',
      start: Date.parse('2026-11-24T10:00:00Z'),
      end: Date.parse('2026-11-24T11:00:00Z'),
      location: 'Online',
      description: 'Line 1<br>Line 2',
    });
    const live = outlookCalendarUrl(timed);
    const parsed = new URL(live);
    expect(parsed.origin + parsed.pathname).to.equal('https://outlook.live.com/calendar/0/action/compose');
    expect(paramsOf(live)).to.deep.equal({
      path: '/calendar/action/compose',
      rru: 'addevent',
      subject: 'SIG Collector + friends',
      startdt: '2026-11-24T10:00:00Z',
      enddt: '2026-11-24T11:00:00Z',
      body: 'Line 1\nLine 2',
      location: 'Online',
    });
    expect(live).not.to.match(/\+/);
    expect(new URL(outlookCalendarUrl(timed, { service: 'office' })).host).to.equal('outlook.office.com');
    const allDay = find(expand(cal, 'Asia/Kolkata'), (x) => x.uid === 'multiday@test');
    const params = paramsOf(outlookCalendarUrl(allDay));
    expect([params['startdt'], params['enddt'], params['allday']]).to.deep.equal(['2026-12-01', '2026-12-04', 'true']);
    expect(params['body']).to.equal(undefined);
  });
});

describe('export: icsFileName', () => {
  it('slugs the title and adds the local start date', async () => {
    expect(icsFileName(occurrence({ title: 'SIG: Collector', start: Date.parse('2026-11-24T17:00:00Z') }))).to.equal(
      'sig-collector-2026-11-24.ics',
    );
    // 2026-11-25T04:00Z is still the 24th in Los Angeles (the host's zone).
    expect(icsFileName(occurrence({ title: 'Late call', start: Date.parse('2026-11-25T04:00:00Z') }))).to.equal(
      'late-call-2026-11-24.ics',
    );
    expect(icsFileName(occurrence({ title: 'Café Über Straße — Œuvre!', timeZone: 'UTC' }))).to.equal(
      'cafe-uber-strasse-oeuvre-2026-11-24.ics',
    );
    expect(icsFileName(occurrence({ title: '😀 ✨', timeZone: 'UTC' }))).to.equal('event-2026-11-24.ics');
    expect(icsFileName(occurrence({ title: '', timeZone: 'UTC' }))).to.equal('event-2026-11-24.ics');
    const cal = await fixture('dates.ics');
    expect(icsFileName(find(expand(cal, 'Asia/Kolkata'), (x) => x.uid === 'multiday@test'))).to.equal(
      'three-day-conference-2026-12-01.ics',
    );
  });

  it('keeps names short and safe', () => {
    const name = icsFileName(occurrence({ title: `${'word '.repeat(40)}../../etc/passwd`, timeZone: 'UTC' }));
    expect(name).to.match(/^[a-z0-9-]+\.ics$/);
    const slug = name.replace(/-2026-11-24\.ics$/, '');
    expect(slug.length).to.be.at.most(60);
    expect(slug.endsWith('-')).to.equal(false);
    expect(slug.startsWith('word-word')).to.equal(true);
    expect(icsFileName(occurrence({ title: 'x'.repeat(200), timeZone: 'UTC' }))).to.equal(
      `${'x'.repeat(60)}-2026-11-24.ics`,
    );
  });
});
