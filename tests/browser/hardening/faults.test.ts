/**
 * Network faults, end to end over real HTTP: the fault server (fault-server.js, installed by
 * web-test-runner.config.js under /__faults/) fails a feed in one way; the element must say what
 * went wrong in words, fire `otel-error` with the right code, and load the feed when the server is
 * healthy again and the reader presses Retry.
 */
import { expect } from '@open-wc/testing';
import { goOffline, skipUnlessEngineCan } from '../engine.js';
import { clearCalendarCache } from '../../../src/calendar/fetch.js';
import type { CalendarError } from '../../../src/calendar/errors.js';
import '../../../src/elements/discussion-card/define.js';
import '../../../src/elements/event-list/define.js';
import { OtelErrorEvent } from '../../../src/elements/events.js';
import { mount, parts } from '../harness.js';

/** A Monday; the feed's weekly meeting is on Mondays at 10:00Z, so the next one is a week ahead. */
const NOW = Date.parse('2026-11-23T12:00:00Z');

let counter = 0;
/** A feed id of its own for each test: the server keeps a mode and a hit count per id. */
function feedId(kind: string): string {
  return `${kind}-${Date.now().toString(36)}-${++counter}`;
}

async function setMode(id: string, kind: string): Promise<void> {
  const response = await fetch(`/__faults/mode/${id}/${kind}`);
  if (response.status !== 204) throw new Error(`fault server refused mode ${kind}: HTTP ${response.status}`);
}

async function hits(id: string): Promise<number> {
  const body: unknown = await (await fetch(`/__faults/hits/${id}`)).json();
  if (typeof body !== 'object' || body === null || !('hits' in body) || typeof body.hits !== 'number')
    throw new Error('bad hits answer');
  return body.hits;
}

function feedUrl(id: string, query = ''): string {
  return `/__faults/feed/${id}.ics${query}`;
}

/** Resolves with the next `otel-load` or `otel-error` of `el` (the event itself). */
function nextOutcome(el: HTMLElement, within = 9_000): Promise<Event> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no otel-load/otel-error within ${within} ms`)), within);
    const settle = (event: Event): void => {
      clearTimeout(timer);
      el.removeEventListener('otel-load', settle);
      el.removeEventListener('otel-error', settle);
      resolve(event);
    };
    el.addEventListener('otel-load', settle);
    el.addEventListener('otel-error', settle);
  });
}

function errorOf(event: Event): CalendarError {
  expect(event, `expected otel-error, got ${event.type}`).to.be.instanceOf(OtelErrorEvent);
  return (event as OtelErrorEvent).error as CalendarError;
}

/** An outcome event in words, for assertion messages. */
function outcomeText(event: Event): string {
  return event instanceof OtelErrorEvent ? `otel-error: ${event.error.message}` : event.type;
}

/** The error box's text as the reader sees it (whitespace collapsed). */
function errorBoxText(el: HTMLElement): string {
  const box = parts(el, 'error')[0];
  expect(box, 'an error box is shown').to.not.equal(undefined);
  expect(box?.getAttribute('role')).to.equal('alert');
  return (box?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function eventTitles(el: HTMLElement): string[] {
  // Loading placeholders are `part="event skeleton"` rows: not events.
  return parts(el, 'event')
    .filter((li) => !li.matches('[part~="skeleton"]'))
    .map((li) => li.querySelector('[part~="title"]')?.textContent?.trim() ?? '');
}

/** Presses Retry and waits for the element to load; returns the event. */
async function retry(el: HTMLElement): Promise<Event> {
  const button = parts(el, 'retry')[0];
  expect(button, 'a Retry button').to.not.equal(undefined);
  expect(button?.textContent?.trim()).to.equal('Retry');
  const outcome = nextOutcome(el);
  button?.click();
  return outcome;
}

interface FaultCase {
  readonly kind: string;
  readonly code: CalendarError['code'];
  /** What the reader is told (the localized sentence), exactly. */
  readonly says: string;
  /** Further words the error box must contain (the engine's detail). */
  readonly detail?: RegExp;
  readonly status?: number;
  readonly retryAfter?: number;
  readonly incomplete?: boolean;
  /** The element's `timeout` attribute (ms). */
  readonly timeout?: number;
  readonly query?: string;
}

const NETWORK =
  'The calendar could not be reached (network problem, or the server does not allow this site to read it).';
const CUT_OFF = 'The connection broke while the calendar was loading; nothing partial is shown.';
const NOT_CALENDAR = 'The address does not point to a calendar.';
const TOO_SLOW = 'The calendar took too long to answer.';

const CASES: readonly FaultCase[] = [
  { kind: '404', code: 'http', status: 404, says: 'The calendar was not found (HTTP 404).' },
  { kind: '500', code: 'http', status: 500, says: 'The calendar server answered with an error (HTTP 500).' },
  {
    kind: '429',
    code: 'http',
    status: 429,
    retryAfter: 120,
    says: 'The calendar server is busy (HTTP 429). Try again in 2 minutes.',
  },
  {
    kind: '503',
    code: 'http',
    status: 503,
    retryAfter: 30,
    says: 'The calendar server is busy (HTTP 503). Try again in 1 minute.',
  },
  { kind: 'hang', code: 'timeout', timeout: 500, says: TOO_SLOW, detail: /did not answer within 0\.5 s/ },
  { kind: 'reset', code: 'network', incomplete: false, says: NETWORK },
  { kind: 'reset-mid-body', code: 'network', incomplete: true, says: CUT_OFF },
  { kind: 'truncated', code: 'network', incomplete: true, says: CUT_OFF },
  { kind: 'cors', code: 'network', incomplete: false, says: NETWORK },
  { kind: 'html', code: 'not-calendar', says: NOT_CALENDAR, detail: /HTML\/XML page, not an iCalendar file/ },
  { kind: 'empty', code: 'not-calendar', says: NOT_CALENDAR, detail: /The calendar is empty \(no data\)/ },
  // A valid feed dripped over 3 s to an element that waits 0.8 s: the download is abandoned.
  {
    kind: 'drip',
    code: 'timeout',
    incomplete: true,
    timeout: 800,
    query: '?drip=3000',
    says: TOO_SLOW,
    detail: /did not finish loading within 0\.8 s/,
  },
];

describe('network faults: <otel-event-list>', () => {
  beforeEach(() => clearCalendarCache());
  afterEach(() => {
    for (const el of document.querySelectorAll('otel-event-list, otel-discussion-card')) el.remove();
  });

  for (const c of CASES) {
    it(`${c.kind}: says "${c.says}", fires otel-error (${c.code}), and Retry loads the feed once the server is healthy`, async () => {
      const id = feedId(c.kind);
      await setMode(id, c.kind);
      const attributes: Record<string, string> = { src: feedUrl(id, c.query), lang: 'en', timezone: 'UTC' };
      if (c.timeout !== undefined) attributes['timeout'] = String(c.timeout);
      const { el, done } = mount('otel-event-list', attributes, NOW);
      const error = errorOf(await done);
      expect(error.code).to.equal(c.code);
      if (c.status !== undefined) expect(error.status).to.equal(c.status);
      expect(error.retryAfter).to.equal(c.retryAfter);
      if (c.incomplete !== undefined) expect(error.incomplete, 'incomplete').to.equal(c.incomplete);
      await el.updateComplete;
      const text = errorBoxText(el);
      expect(text).to.contain('The calendar could not be loaded');
      expect(text).to.contain(c.says);
      if (c.detail) expect(text).to.match(c.detail);
      // The wait is said once, in the reader's words, not echoed in the engine's English.
      if (c.retryAfter !== undefined) expect(text.match(/try again/gi)).to.have.length(1);
      expect(parts(el, 'event')).to.have.length(0);
      const before = await hits(id);
      expect(before, 'the feed was requested').to.be.greaterThan(0);

      await setMode(id, 'healthy');
      const loaded = await retry(el);
      expect(loaded.type, outcomeText(loaded)).to.equal('otel-load');
      await el.updateComplete;
      expect(await hits(id), 'Retry asked the server again').to.equal(before + 1);
      expect(parts(el, 'error')).to.have.length(0);
      // Mondays 10:00Z from Nov 30 within 30 days: Nov 30, Dec 7, 14, 21.
      expect(eventTitles(el)).to.deep.equal(Array(4).fill(`Feed ${id} weekly meeting`));
      expect(parts(el, 'event')[0]?.querySelector('time')?.getAttribute('datetime')).to.equal('2026-11-30T10:00:00Z');
    });
  }

  it('429: Retry-After is respected: other loads of that feed wait instead of asking again; Retry asks now', async () => {
    const id = feedId('backoff');
    await setMode(id, '429');
    const first = mount('otel-event-list', { src: feedUrl(id), lang: 'en', timezone: 'UTC' }, NOW);
    expect(errorOf(await first.done).retryAfter).to.equal(120);
    expect(await hits(id)).to.equal(1);
    // The server is healthy again, but asked for two minutes: a second list on the page (and the
    // first one put back on the page) do not ask it before then, and say how long is left.
    await setMode(id, 'healthy');
    const second = mount('otel-event-list', { src: feedUrl(id), lang: 'en', timezone: 'UTC' }, NOW);
    const waiting = errorOf(await second.done);
    expect([waiting.code, waiting.status]).to.deep.equal(['http', 429]);
    expect(waiting.retryAfter).to.be.within(118, 120);
    await second.el.updateComplete;
    expect(errorBoxText(second.el)).to.contain('The calendar server is busy (HTTP 429). Try again in 2 minutes.');
    expect(await hits(id), 'no request inside the Retry-After window').to.equal(1);
    // The reader presses Retry: that is a request now.
    expect((await retry(second.el)).type).to.equal('otel-load');
    expect(await hits(id)).to.equal(2);
    first.el.remove();
  });

  it('offline: says so; back online, Retry loads', async function () {
    await skipUnlessEngineCan(this, 'go offline');
    const id = feedId('offline');
    await setMode(id, 'healthy');
    const offline = new Promise((resolve) => window.addEventListener('offline', resolve, { once: true }));
    const online = new Promise((resolve) => window.addEventListener('online', resolve, { once: true }));
    await goOffline(2000);
    await offline;
    expect(navigator.onLine).to.equal(false);
    const { el, done } = mount('otel-event-list', { src: feedUrl(id), lang: 'en', timezone: 'UTC' }, NOW);
    const error = errorOf(await done);
    expect([error.code, error.incomplete]).to.deep.equal(['network', false]);
    await el.updateComplete;
    expect(errorBoxText(el)).to.contain('You appear to be offline.');
    await online;
    expect((await retry(el)).type).to.equal('otel-load');
    await el.updateComplete;
    expect(eventTitles(el)).to.have.length(4);
  });

  it('a slow drip that finishes within the timeout shows the loading state, then the events', async () => {
    const id = feedId('drip-ok');
    await setMode(id, 'drip');
    const { el, done } = mount(
      'otel-event-list',
      { src: feedUrl(id, '?drip=2000'), lang: 'en', timezone: 'UTC', timeout: '8000' },
      NOW,
    );
    await new Promise((resolve) => setTimeout(resolve, 600));
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('[aria-busy="true"]'), 'still loading after 0.6 s').to.not.equal(null);
    expect(parts(el, 'event').every((li) => li.matches('[part~="skeleton"]'))).to.equal(true);
    const outcome = await done;
    expect(outcome.type).to.equal('otel-load');
    await el.updateComplete;
    expect(eventTitles(el)).to.have.length(4);
  });

  it('a failed Retry after good data keeps the events and says the copy is stale', async () => {
    const id = feedId('stale');
    const { el, done } = mount('otel-event-list', { src: feedUrl(id), lang: 'en', timezone: 'UTC' }, NOW);
    expect((await done).type).to.equal('otel-load');
    await el.updateComplete;
    await setMode(id, '500');
    const outcomes: string[] = [];
    el.addEventListener('otel-error', (e) =>
      outcomes.push(`error:${e.error instanceof Error && 'code' in e.error ? String(e.error.code) : '?'}`),
    );
    const refreshed = nextOutcome(el);
    await el.reload();
    await refreshed;
    await el.updateComplete;
    expect(outcomes).to.deep.equal(['error:http']);
    expect(eventTitles(el)).to.have.length(4);
    const stale = parts(el, 'stale')[0];
    expect(
      stale?.textContent
        ?.replace(/\s*Retry\s*$/, '')
        .replace(/\s+/g, ' ')
        .trim(),
    ).to.match(/^Showing events saved .*; the calendar could not be refreshed\.$/);
  });
});

describe('network faults: <otel-discussion-card>', () => {
  beforeEach(() => clearCalendarCache());
  afterEach(() => {
    for (const el of document.querySelectorAll('otel-discussion-card')) el.remove();
  });

  for (const c of CASES.filter((x) => ['429', 'hang', 'cors', 'html', 'reset-mid-body'].includes(x.kind))) {
    it(`${c.kind}: says "${c.says}" and Retry shows the sessions`, async () => {
      const id = feedId(`card-${c.kind}`);
      await setMode(id, c.kind);
      const attributes: Record<string, string> = {
        src: feedUrl(id, c.query),
        match: 'weekly',
        heading: 'Weekly',
        lang: 'en',
        'display-timezone': 'UTC',
      };
      if (c.timeout !== undefined) attributes['timeout'] = String(c.timeout);
      const { el, done } = mount('otel-discussion-card', attributes, NOW);
      const error = errorOf(await done);
      expect(error.code).to.equal(c.code);
      expect(error.retryAfter).to.equal(c.retryAfter);
      await el.updateComplete;
      expect(errorBoxText(el)).to.contain(c.says);

      await setMode(id, 'healthy');
      const loaded = await retry(el);
      expect(loaded.type, outcomeText(loaded)).to.equal('otel-load');
      await el.updateComplete;
      expect(parts(el, 'error')).to.have.length(0);
      const first = parts(el, 'session')[0];
      expect(first?.querySelector('time')?.getAttribute('datetime')).to.equal('2026-11-30T10:00:00Z');
    });
  }
});
