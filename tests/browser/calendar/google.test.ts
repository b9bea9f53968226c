import { expect } from '@open-wc/testing';
import { fetchGoogleCalendar, type GoogleCalendarOptions } from '../../../src/calendar/google.js';
import { formatInstant } from '../../../src/calendar/time.js';
import type { Occurrence } from '../../../src/calendar/types.js';
import { failure } from './helpers.js';

const DAY = 86_400_000;
const SOURCE = { calendarId: 'abc@group.calendar.google.com', apiKey: 'AIzaSy-test-key_123' };
const FROM = Date.parse('2026-03-01T00:00:00Z');
const TO = Date.parse('2026-03-31T00:00:00Z');
const MEET = 'https://meet.google.com/abc-defg-hij';
const ZOOM_EMEA = 'https://zoom.us/j/123456789?pwd=s3cret';
const ZOOM_APAC = 'https://zoom.us/j/987654321';

/** The weekly "SIG: Collector" series (calendar zone America/Los_Angeles), as Google expands it. */
function sigInstance(
  id: string,
  start: string,
  end: string,
  original: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    kind: 'calendar#event',
    etag: '"3391"',
    id: `sigcollector_${id}`,
    status: 'confirmed',
    htmlLink: `https://www.google.com/calendar/event?eid=c2lnY29sbGVjdG9yXz${id}`,
    created: '2025-01-10T18:00:00.000Z',
    updated: '2026-02-20T09:12:44.000Z',
    summary: 'SIG: Collector',
    description: 'Weekly Collector SIG. Notes: https://docs.google.com/document/d/xyz',
    creator: { email: 'otel@example.org' },
    organizer: { email: SOURCE.calendarId, displayName: 'OpenTelemetry', self: true },
    start: { dateTime: start, timeZone: 'America/Los_Angeles' },
    end: { dateTime: end, timeZone: 'America/Los_Angeles' },
    recurringEventId: 'sigcollector',
    originalStartTime: { dateTime: original, timeZone: 'America/Los_Angeles' },
    iCalUID: 'sigcollector@google.com',
    sequence: 2,
    hangoutLink: MEET,
    conferenceData: {
      entryPoints: [
        { entryPointType: 'video', uri: MEET, label: 'meet.google.com/abc-defg-hij' },
        { entryPointType: 'more', uri: 'https://tel.meet/abc-defg-hij?pin=123' },
        { entryPointType: 'phone', uri: 'tel:+1-555-0100', label: '+1 555-0100', pin: '123' },
      ],
      conferenceSolution: { key: { type: 'hangoutsMeet' }, name: 'Google Meet' },
      conferenceId: 'abc-defg-hij',
    },
    eventType: 'default',
    ...extra,
  };
}

const PAGE_1 = {
  kind: 'calendar#events',
  etag: '"p1"',
  summary: 'OpenTelemetry community',
  description: 'Public meetings',
  updated: '2026-02-20T09:12:44.000Z',
  timeZone: 'America/Los_Angeles',
  accessRole: 'reader',
  defaultReminders: [],
  nextPageToken: 'CigKGjQ-page-2',
  items: [
    sigInstance(
      '20260304T170000Z',
      '2026-03-04T09:00:00-08:00',
      '2026-03-04T10:00:00-08:00',
      '2026-03-04T09:00:00-08:00',
    ),
    {
      kind: 'calendar#event',
      id: 'enduser-emea',
      status: 'confirmed',
      htmlLink: 'https://www.google.com/calendar/event?eid=ZW5kdXNlci1lbWVh',
      summary: 'End User Discussion Group — EMEA',
      description: `Join us!<br>Zoom: <a href="${ZOOM_EMEA}">${ZOOM_EMEA}</a>`,
      location: 'Online',
      start: { dateTime: '2026-03-05T11:00:00+01:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2026-03-05T12:00:00+01:00', timeZone: 'Europe/Berlin' },
      iCalUID: 'enduser-emea@google.com',
      eventType: 'default',
    },
    {
      kind: 'calendar#event',
      id: 'enduser-apac',
      status: 'confirmed',
      htmlLink: 'https://www.google.com/calendar/event?eid=ZW5kdXNlci1hcGFj',
      summary: 'End User Discussion Group — APAC',
      location: ZOOM_APAC,
      start: { dateTime: '2026-03-06T10:00:00+09:00', timeZone: 'Asia/Tokyo' },
      end: { dateTime: '2026-03-06T11:00:00+09:00', timeZone: 'Asia/Tokyo' },
      iCalUID: 'enduser-apac@google.com',
    },
    {
      kind: 'calendar#event',
      id: 'wl1',
      status: 'confirmed',
      summary: 'Home',
      eventType: 'workingLocation',
      start: { date: '2026-03-09' },
      end: { date: '2026-03-10' },
    },
    {
      kind: 'calendar#event',
      id: 'ooo1',
      status: 'confirmed',
      summary: 'Out of office',
      eventType: 'outOfOffice',
      start: { dateTime: '2026-03-10T09:00:00-07:00' },
      end: { dateTime: '2026-03-10T17:00:00-07:00' },
    },
    // Moved from Wednesday 10:00 to Thursday 09:00 (after the US DST change).
    sigInstance(
      '20260311T170000Z',
      '2026-03-12T09:00:00-07:00',
      '2026-03-12T10:00:00-07:00',
      '2026-03-11T10:00:00-07:00',
      { summary: 'SIG: Collector (moved)' },
    ),
    sigInstance(
      '20260318T160000Z',
      '2026-03-18T09:00:00-07:00',
      '2026-03-18T10:00:00-07:00',
      '2026-03-18T09:00:00-07:00',
      { status: 'cancelled' },
    ),
    { kind: 'calendar#event', id: 'broken', status: 'confirmed', summary: 'No start at all' },
    {
      kind: 'calendar#event',
      id: 'garbled',
      summary: 'Bad time',
      start: { dateTime: 'next tuesday' },
      end: { dateTime: 'later' },
    },
  ],
};

const PAGE_2 = {
  kind: 'calendar#events',
  summary: 'OpenTelemetry community',
  timeZone: 'America/Los_Angeles',
  items: [
    {
      kind: 'calendar#event',
      id: 'kubecon-eu-2026',
      status: 'confirmed',
      htmlLink: 'https://www.google.com/calendar/event?eid=a3ViZWNvbg',
      summary: 'KubeCon + CloudNativeCon Europe',
      location: 'Amsterdam, Netherlands',
      start: { date: '2026-03-23' },
      end: { date: '2026-03-27' },
      iCalUID: 'kubecon-eu-2026@google.com',
      eventType: 'default',
    },
    {
      kind: 'calendar#event',
      id: 'community-day',
      status: 'tentative',
      htmlLink: 'http://www.google.com/calendar/event?eid=Y29tbXVuaXR5',
      summary: 'Community Day (tentative)',
      start: { dateTime: '2026-03-25T08:00:00-07:00' },
      end: { dateTime: '2026-03-25T16:00:00-07:00' },
      eventType: 'fromGmail',
    },
    {
      kind: 'calendar#event',
      id: 'bday',
      summary: 'Happy birthday',
      eventType: 'birthday',
      start: { date: '2026-03-20' },
      end: { date: '2026-03-21' },
    },
  ],
};

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=UTF-8' } });

const googleError = (code: number, reason: string, message: string, domain = 'global'): Response =>
  json({ error: { code, message, errors: [{ message, domain, reason }] } }, code);

type Answer = Response | 'hang' | Error;

/** A mock `fetch` that records every request and answers by page token; honours abort. */
function mockFetch(answer: (url: URL, call: number) => Answer): { fetch: typeof fetch; calls: URL[] } {
  const calls: URL[] = [];
  const fake = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    calls.push(url);
    const result = answer(url, calls.length);
    return new Promise<Response>((resolve, reject) => {
      const signal = init?.signal;
      if (signal?.aborted) return reject(new DOMException('Aborted', 'AbortError'));
      signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      if (result instanceof Error) setTimeout(() => reject(result), 5);
      else if (result !== 'hang') setTimeout(() => resolve(result), 5);
    });
  };
  return { fetch: fake as typeof fetch, calls };
}

const pages = (url: URL): Answer =>
  url.searchParams.get('pageToken') === 'CigKGjQ-page-2' ? json(PAGE_2) : json(PAGE_1);

function options(fake: { fetch: typeof fetch }, extra: Partial<GoogleCalendarOptions> = {}): GoogleCalendarOptions {
  return { from: FROM, to: TO, fetch: fake.fetch, timeZone: 'UTC', ...extra };
}

const row = (o: Occurrence): string =>
  `${o.allDay ? `${o.startDate} ${o.endDate}` : `${formatInstant(o.start)} ${formatInstant(o.end)}`} ${o.title}${o.cancelled ? ' [cancelled]' : ''}`;

describe('fetchGoogleCalendar', () => {
  const realFetch = globalThis.fetch;
  let globalCalls = 0;
  beforeEach(() => {
    globalCalls = 0;
    globalThis.fetch = (() => {
      globalCalls++;
      return Promise.reject(new Error('the global fetch must not be used'));
    }) as typeof fetch;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
    expect(globalCalls, 'requests through the global fetch').to.equal(0);
  });

  it('asks events.list for single events in the window, ordered by start, 250 per page', async () => {
    const fake = mockFetch(pages);
    await fetchGoogleCalendar(SOURCE, options(fake));
    expect(fake.calls).to.have.length(2);
    for (const url of fake.calls) {
      expect(url.origin + url.pathname).to.equal(
        'https://www.googleapis.com/calendar/v3/calendars/abc%40group.calendar.google.com/events',
      );
      expect(url.searchParams.get('key')).to.equal(SOURCE.apiKey);
      expect(url.searchParams.get('singleEvents')).to.equal('true');
      expect(url.searchParams.get('orderBy')).to.equal('startTime');
      expect(url.searchParams.get('maxResults')).to.equal('250');
      // Widened by two days each side so all-day events are found for viewers in any zone.
      expect(url.searchParams.get('timeMin')).to.equal(new Date(FROM - 2 * DAY).toISOString());
      expect(url.searchParams.get('timeMax')).to.equal(new Date(TO + 2 * DAY).toISOString());
      expect(url.searchParams.get('timeMin')).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    expect(fake.calls[0]?.searchParams.has('pageToken')).to.equal(false);
    expect(fake.calls[1]?.searchParams.get('pageToken')).to.equal('CigKGjQ-page-2');
  });

  it('reads both pages and maps every kind of item', async () => {
    const fake = mockFetch(pages);
    const result = await fetchGoogleCalendar(SOURCE, options(fake));
    expect(result.name).to.equal('OpenTelemetry community');
    expect(result.timeZone).to.equal('America/Los_Angeles');
    expect(result.skipped).to.equal(2);
    expect(result.truncated).to.equal(false);
    expect(result.occurrences.map(row)).to.deep.equal([
      '2026-03-04T17:00:00Z 2026-03-04T18:00:00Z SIG: Collector',
      '2026-03-05T10:00:00Z 2026-03-05T11:00:00Z End User Discussion Group — EMEA',
      '2026-03-06T01:00:00Z 2026-03-06T02:00:00Z End User Discussion Group — APAC',
      '2026-03-12T16:00:00Z 2026-03-12T17:00:00Z SIG: Collector (moved)',
      '2026-03-18T16:00:00Z 2026-03-18T17:00:00Z SIG: Collector [cancelled]',
      '2026-03-23 2026-03-27 KubeCon + CloudNativeCon Europe',
      '2026-03-25T15:00:00Z 2026-03-25T23:00:00Z Community Day (tentative)',
    ]);
    const [series, emea, apac, moved, cancelled, kubecon, tentative] = result.occurrences;

    expect(series).to.deep.include({
      uid: 'sigcollector@google.com',
      allDay: false,
      startDate: undefined,
      endDate: undefined,
      status: 'CONFIRMED',
      cancelled: false,
      recurrenceId: '2026-03-04T17:00:00Z',
      source: 'series',
      joinUrl: MEET,
      url: 'https://www.google.com/calendar/event?eid=c2lnY29sbGVjdG9yXz20260304T170000Z',
      timeZone: 'America/Los_Angeles',
      event: undefined,
    });
    expect(series?.categories).to.deep.equal([]);
    expect(series?.description).to.contain('Weekly Collector SIG');

    expect(moved).to.deep.include({
      uid: 'sigcollector@google.com',
      recurrenceId: '2026-03-11T17:00:00Z',
      source: 'override',
      joinUrl: MEET,
    });
    expect(cancelled).to.deep.include({
      status: 'CANCELLED',
      cancelled: true,
      source: 'series',
      recurrenceId: '2026-03-18T16:00:00Z',
    });

    expect(emea).to.deep.include({
      uid: 'enduser-emea@google.com',
      joinUrl: ZOOM_EMEA,
      location: 'Online',
      timeZone: 'Europe/Berlin',
      source: 'single',
      recurrenceId: null,
    });
    expect(apac).to.deep.include({
      joinUrl: ZOOM_APAC,
      location: ZOOM_APAC,
      timeZone: 'Asia/Tokyo',
      description: undefined,
    });

    expect(kubecon).to.deep.include({
      allDay: true,
      startDate: '2026-03-23',
      endDate: '2026-03-27',
      start: Date.parse('2026-03-23T00:00:00Z'),
      end: Date.parse('2026-03-27T00:00:00Z'),
      timeZone: undefined,
      joinUrl: undefined,
      location: 'Amsterdam, Netherlands',
    });

    // No iCalUID → the id; an http (not https) htmlLink is dropped; no zone on the item → the calendar's.
    expect(tentative).to.deep.include({
      uid: 'community-day',
      status: 'TENTATIVE',
      cancelled: false,
      url: undefined,
      timeZone: 'America/Los_Angeles',
    });
  });

  it('places all-day dates at midnight in the viewer zone', async () => {
    const expected: Record<string, [string, string]> = {
      UTC: ['2026-03-23T00:00:00Z', '2026-03-27T00:00:00Z'],
      'America/New_York': ['2026-03-23T04:00:00Z', '2026-03-27T04:00:00Z'],
      'Asia/Kolkata': ['2026-03-22T18:30:00Z', '2026-03-26T18:30:00Z'],
    };
    for (const [zone, [start, end]] of Object.entries(expected)) {
      const fake = mockFetch(pages);
      const { occurrences } = await fetchGoogleCalendar(SOURCE, options(fake, { timeZone: zone }));
      const kubecon = occurrences.find((o) => o.allDay);
      expect(kubecon, zone).to.deep.include({ startDate: '2026-03-23', endDate: '2026-03-27' });
      expect([formatInstant(kubecon?.start ?? 0), formatInstant(kubecon?.end ?? 0)], zone).to.deep.equal([start, end]);
      // Timed events do not depend on the viewer.
      expect(formatInstant(occurrences[0]?.start ?? 0), zone).to.equal('2026-03-04T17:00:00Z');
    }
  });

  it('cuts the result to the window in the viewer zone', async () => {
    const window = { from: Date.parse('2026-03-27T00:00:00Z'), to: Date.parse('2026-03-28T00:00:00Z') };
    const inUtc = await fetchGoogleCalendar(SOURCE, options(mockFetch(pages), { ...window, timeZone: 'UTC' }));
    expect(inUtc.occurrences.map(row)).to.deep.equal([]);
    // In New York the conference's last day ends at 04:00 UTC on the 27th: still in progress.
    const inNewYork = await fetchGoogleCalendar(
      SOURCE,
      options(mockFetch(pages), { ...window, timeZone: 'America/New_York' }),
    );
    expect(inNewYork.occurrences.map(row)).to.deep.equal(['2026-03-23 2026-03-27 KubeCon + CloudNativeCon Europe']);
  });

  it('stops after maxPages', async () => {
    const fake = mockFetch(pages);
    const result = await fetchGoogleCalendar(SOURCE, options(fake, { maxPages: 1 }));
    expect(fake.calls).to.have.length(1);
    expect(result.truncated).to.equal(true);
    expect(result.occurrences.some((o) => o.allDay)).to.equal(false);
  });

  it('fetches nothing for an empty window and refuses an unknown zone', async () => {
    const fake = mockFetch(pages);
    const result = await fetchGoogleCalendar(SOURCE, options(fake, { to: FROM }));
    expect(result.occurrences).to.deep.equal([]);
    let error: unknown;
    try {
      await fetchGoogleCalendar(SOURCE, options(fake, { timeZone: 'Mars/Olympus_Mons' }));
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(RangeError);
    expect(fake.calls).to.have.length(0);
  });

  describe('errors', () => {
    it('404: the calendar was not found', async () => {
      const error = await failure(
        fetchGoogleCalendar(SOURCE, options(mockFetch(() => googleError(404, 'notFound', 'Not Found')))),
      );
      expect(error.code).to.equal('http');
      expect(error.status).to.equal(404);
      expect(error.message).to.equal('The calendar was not found (check the calendar ID; it must be public)');
      // The key is not repeated in the error.
      expect(error.url).to.contain('abc%40group.calendar.google.com');
      expect(error.url).not.to.contain(SOURCE.apiKey);
    });

    it('403 keyInvalid: the key was refused', async () => {
      const fake = mockFetch(() => googleError(403, 'keyInvalid', 'Bad Request', 'usageLimits'));
      const error = await failure(fetchGoogleCalendar(SOURCE, options(fake)));
      expect([error.code, error.status]).to.deep.equal(['http', 403]);
      expect(error.message).to.match(/^The API key was refused/);
    });

    it('400 with API_KEY_INVALID details (what Google sends today): the key was refused', async () => {
      const body = {
        error: {
          code: 400,
          message: 'API key not valid. Please pass a valid API key.',
          errors: [
            { message: 'API key not valid. Please pass a valid API key.', domain: 'global', reason: 'badRequest' },
          ],
          status: 'INVALID_ARGUMENT',
          details: [
            {
              '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
              reason: 'API_KEY_INVALID',
              domain: 'googleapis.com',
            },
          ],
        },
      };
      const error = await failure(fetchGoogleCalendar(SOURCE, options(mockFetch(() => json(body, 400)))));
      expect(error.status).to.equal(400);
      expect(error.message).to.match(/^The API key was refused/);
    });

    it('403 accessNotConfigured: the API is not enabled', async () => {
      const message = 'Google Calendar API has not been used in project 1234 before or it is disabled.';
      const error = await failure(
        fetchGoogleCalendar(
          SOURCE,
          options(mockFetch(() => googleError(403, 'accessNotConfigured', message, 'usageLimits'))),
        ),
      );
      expect(error.status).to.equal(403);
      expect(error.message).to.equal("The Google Calendar API is not enabled for this key's project");
    });

    it('403 quota and 403 forbidden get their own sentences', async () => {
      const daily = await failure(
        fetchGoogleCalendar(
          SOURCE,
          options(mockFetch(() => googleError(403, 'dailyLimitExceeded', 'Daily Limit Exceeded', 'usageLimits'))),
        ),
      );
      expect(daily.message).to.contain('daily quota');
      const rate = await failure(
        fetchGoogleCalendar(
          SOURCE,
          options(mockFetch(() => googleError(403, 'rateLimitExceeded', 'Rate Limit Exceeded', 'usageLimits'))),
        ),
      );
      expect(rate.message).to.contain('try again later');
      const forbidden = await failure(
        fetchGoogleCalendar(
          SOURCE,
          options(
            mockFetch(() => googleError(403, 'forbidden', 'Requests from referer https://example.org/ are blocked.')),
          ),
        ),
      );
      expect(forbidden.message).to.contain('refused access').and.to.contain('Requests from referer');
    });

    it("400: Bad request with Google's message", async () => {
      const fake = mockFetch(() =>
        googleError(400, 'timeRangeEmpty', 'The specified time range is empty.', 'calendar'),
      );
      const error = await failure(fetchGoogleCalendar(SOURCE, options(fake)));
      expect(error.message).to.equal('Bad request: The specified time range is empty.');
    });

    it('500 (an HTML page): http error with the status', async () => {
      const fake = mockFetch(
        () =>
          new Response('<html><body>Server Error</body></html>', {
            status: 500,
            headers: { 'content-type': 'text/html' },
          }),
      );
      const error = await failure(fetchGoogleCalendar(SOURCE, options(fake)));
      expect([error.code, error.status]).to.deep.equal(['http', 500]);
      expect(error.message).to.contain('500');
    });

    it('a non-JSON or non-list 200 is not a calendar', async () => {
      const html = await failure(
        fetchGoogleCalendar(SOURCE, options(mockFetch(() => new Response('<!doctype html><title>Sign in</title>')))),
      );
      expect(html.code).to.equal('not-calendar');
      const other = await failure(
        fetchGoogleCalendar(SOURCE, options(mockFetch(() => json({ kind: 'calendar#calendar', id: 'x' })))),
      );
      expect(other.code).to.equal('not-calendar');
    });

    it('a network TypeError (offline, CORS) is a network error', async () => {
      const fake = mockFetch(() => new TypeError('Failed to fetch'));
      const error = await failure(fetchGoogleCalendar(SOURCE, options(fake)));
      expect(error.code).to.equal('network');
      expect(error.message).to.contain('CORS');
      expect(error.cause).to.be.instanceOf(TypeError);
    });

    it('no answer in time is a timeout, and the request is aborted', async () => {
      let aborted = false;
      const fake = mockFetch(() => 'hang');
      const wrapped = ((input: RequestInfo | URL, init?: RequestInit) => {
        init?.signal?.addEventListener('abort', () => (aborted = true));
        return fake.fetch(input, init);
      }) as typeof fetch;
      const error = await failure(fetchGoogleCalendar(SOURCE, options({ fetch: wrapped }, { timeout: 50 })));
      expect(error.code).to.equal('timeout');
      expect(aborted).to.equal(true);
    });

    it("the caller's signal aborts the request", async () => {
      const fake = mockFetch(() => 'hang');
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 20);
      const error = await failure(fetchGoogleCalendar(SOURCE, options(fake, { signal: controller.signal })));
      expect(error.code).to.equal('aborted');
      expect(fake.calls).to.have.length(1);

      const early = mockFetch(pages);
      const before = await failure(fetchGoogleCalendar(SOURCE, options(early, { signal: AbortSignal.abort() })));
      expect(before.code).to.equal('aborted');
      expect(early.calls).to.have.length(0);
    });

    it('an abort between pages stops the paging', async () => {
      const controller = new AbortController();
      const fake = mockFetch((url) => {
        if (url.searchParams.has('pageToken')) return 'hang';
        setTimeout(() => controller.abort(), 30);
        return json(PAGE_1);
      });
      const error = await failure(fetchGoogleCalendar(SOURCE, options(fake, { signal: controller.signal })));
      expect(error.code).to.equal('aborted');
      expect(fake.calls).to.have.length(2);
    });
  });
});
