/**
 * The hostile corpus at the source level: what each reader (ICS, Google API, JSON snapshot) lets
 * through to the elements, and what the add-to-calendar export writes back out. The elements
 * then only ever get http(s)/mailto links, whatever the feed holds.
 */
import { expect } from '@open-wc/testing';
import { occurrenceToIcs, stripControls } from '../../../src/calendar/export-links.js';
import { expandCalendar } from '../../../src/calendar/expand.js';
import { fetchGoogleCalendar } from '../../../src/calendar/google.js';
import { readSnapshot, snapshotOccurrences } from '../../../src/calendar/json.js';
import { parseCalendar } from '../../../src/calendar/parse.js';
import type { Occurrence } from '../../../src/calendar/types.js';
import {
  hostileEvents,
  hostileGoogleResponse,
  hostileIcs,
  hostileSnapshot,
  type HostilePayload,
} from '../../fixtures/hostile/generate.js';

const START = Date.parse('2026-11-23T09:00:00Z');
const WINDOW = { from: START - 86_400_000, to: START + 7 * 86_400_000, timeZone: 'UTC' };
const SAFE_LINK = /^(?:https?:\/\/|mailto:)/;
const HTTP_LINK = /^https?:\/\//;

let payloads: HostilePayload[] = [];

/** Every link-like field of an occurrence. */
function linksOf(o: Occurrence): { url: string | undefined; joinUrl: string | undefined } {
  return { url: o.url, joinUrl: o.joinUrl };
}

function expectSafeLinks(occurrences: readonly Occurrence[]): void {
  for (const o of occurrences) {
    const { url, joinUrl } = linksOf(o);
    if (url !== undefined) expect(url, `url of ${o.uid}`).to.match(SAFE_LINK);
    if (joinUrl !== undefined) expect(joinUrl, `joinUrl of ${o.uid}`).to.match(HTTP_LINK);
  }
}

describe('hostile corpus through each source reader', () => {
  before(async () => {
    payloads = (await (await fetch('/tests/fixtures/hostile/payloads.json')).json()) as HostilePayload[];
  });

  it('ICS: every event is read, one per generated VEVENT (no property injection), links only http(s)', () => {
    const calendar = parseCalendar(hostileIcs(payloads, START));
    expect(calendar.events.length).to.equal(hostileEvents(payloads).length);
    expect(calendar.events.map((e) => e.summary)).to.deep.equal(
      hostileEvents(payloads).map((e) => e.payload.replace(/\r\n|\r/g, '\n')),
    );
    const { occurrences } = expandCalendar(calendar, WINDOW);
    expect(occurrences.length).to.equal(calendar.events.length);
    expectSafeLinks(occurrences);
  });

  it('Google API: every item is read, links only http(s) and normalised', async () => {
    const body = JSON.stringify(hostileGoogleResponse(payloads, START));
    const result = await fetchGoogleCalendar(
      { calendarId: 'hostile@group.calendar.google.com', apiKey: 'KEY' },
      { ...WINDOW, fetch: () => Promise.resolve(new Response(body)) },
    );
    expect(result.skipped).to.equal(0);
    expect(result.occurrences.length).to.equal(hostileEvents(payloads).length);
    expectSafeLinks(result.occurrences);
    // What the corpus puts in htmlLink/hangoutLink and passes URL parsing is kept, parsed.
    const kept = result.occurrences.flatMap((o) => [o.url, o.joinUrl]).filter((u): u is string => u !== undefined);
    for (const url of kept) expect(new URL(url).href).to.equal(url);
  });

  it('JSON snapshot: url and joinUrl fields that are not http(s)/mailto are dropped, unknown zones too', () => {
    const snapshot = readSnapshot(JSON.parse(JSON.stringify(hostileSnapshot(payloads, START))) as unknown);
    expect(snapshot.events.length).to.equal(hostileEvents(payloads).length);
    const occurrences = snapshotOccurrences(snapshot, 'UTC');
    expectSafeLinks(occurrences);
    expect(occurrences.every((o) => o.timeZone === undefined)).to.equal(true);
  });

  it('JSON snapshot links: the tricks of the corpus, one by one', () => {
    const read = (url: string, joinUrl: string): { url: string | null; joinUrl: string | null } => {
      const [event] = readSnapshot({
        format: 'otel-calendar-snapshot',
        version: 1,
        events: [
          {
            uid: 'u',
            title: 't',
            start: '2026-11-23T09:00:00Z',
            end: '2026-11-23T10:00:00Z',
            allDay: false,
            url,
            joinUrl,
            timeZone: 'Europe/Berlin',
          },
        ],
      }).events;
      return { url: event?.url ?? null, joinUrl: event?.joinUrl ?? null };
    };
    for (const bad of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      '\u0001javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '//evil.example/x',
      '/relative',
      'file:///etc/passwd',
    ]) {
      expect(read(bad, bad), bad).to.deep.equal({ url: null, joinUrl: null });
    }
    expect(read('https://example.org/a b', 'https://zoom.us/j/1')).to.deep.equal({
      url: 'https://example.org/a%20b',
      joinUrl: 'https://zoom.us/j/1',
    });
    expect(read('mailto:team@example.org', 'mailto:team@example.org')).to.deep.equal({
      url: 'mailto:team@example.org',
      joinUrl: null,
    });
  });

  it('JSON snapshot errors quote the file briefly, without control or bidi characters', () => {
    for (const { payload } of payloads) {
      let message = '';
      try {
        readSnapshot({ format: 'otel-calendar-snapshot', version: payload, events: [] });
      } catch (error) {
        message = error instanceof Error ? error.message : '';
      }
      expect(message, payload).to.match(/snapshot version .* is not supported/s);
      // eslint-disable-next-line no-control-regex -- control characters are what must be absent
      expect(message, payload).not.to.match(/[\u0000-\u001F\u007F\u2028\u2029\u202A-\u202E\u2066-\u2069]/);
      expect(message.length, payload).to.be.below(160);
    }
  });

  it('the add-to-calendar file of a hostile occurrence is one VEVENT with the same text and no other links', () => {
    const calendar = parseCalendar(hostileIcs(payloads, START));
    const { occurrences } = expandCalendar(calendar, WINDOW);
    for (const o of occurrences) {
      const text = occurrenceToIcs(o, { now: START });
      const back = parseCalendar(text);
      expect(back.events.length, o.uid).to.equal(1);
      const [event] = back.events;
      // The export drops control characters (they are not allowed in iCalendar text), nothing else.
      expect(event?.summary, o.uid).to.equal(stripControls(o.title));
      expect(event?.location, o.uid).to.equal(stripControls(o.location ?? '').trim() || undefined);
      if (event?.url !== undefined) expect(event.url).to.match(HTTP_LINK);
      expect(text).not.to.match(/^(?:ATTACH|X-ALT-DESC|ORGANIZER|CONFERENCE)[;:]/m);
    }
  });
});
