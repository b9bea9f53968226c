/**
 * The last good data, kept and persisted and painted at once on a repeat visit:
 * the localStorage store's limits and failure modes, the data layer's "a failed or invalid refresh
 * never replaces it", and the element's saved-copy states (first render, swap, offline, opt-out).
 *
 * A "new page" is simulated with `forgetLoadedCalendars()`, which drops what this page fetched,
 * parsed and read, but not localStorage — what a reload keeps.
 */
import { expect } from '@open-wc/testing';
import '../../../src/elements/event-list/define.js';
import type { OtelEventList } from '../../../src/elements/event-list/event-list.js';
import {
  cachedLoaded as cachedLoadedIn,
  forgetLoadedCalendars,
  loadAll,
  persistedWritesSettled,
  type LoadAllOptions,
} from '../../../src/elements/data/load.js';
import { calendarKinds, sourcesFrom as sourcesIn, sourcesKey } from '../../../src/elements/data/sources/registry.js';
import type { CacheMode, CalendarSource, Loaded } from '../../../src/elements/data/types.js';
import { viewOf } from '../../../src/elements/data/view.js';
import { loadMessages } from '../../../src/elements/i18n/messages/index.js';
import {
  CACHE_PREFIX,
  CACHE_SCHEMA,
  MAX_ENTRY_CHARS,
  MAX_TOTAL_CHARS,
  readCached,
  writeCached,
} from '../../../src/elements/data/persisted-cache.js';
import { runWhenIdle } from '../../../src/elements/data/idle-steps.js';
import { savedAgo } from '../../../src/elements/ui/saved-notice.js';
import { parts } from '../harness.js';

const TAG = 'otel-event-list';
const realFetch = window.fetch;
const NOW = Date.parse('2026-11-16T12:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------------------------------------
// Feeds: what each test URL answers, set per test.

type Behaviour = 'ok' | 'offline' | 'html' | 'empty' | 'http-500' | 'hang' | 'big';
const behaviours = new Map<string, Behaviour>();
const fetched: string[] = [];
let unique = 0;

const EMPTY_CALENDAR = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//cache//EN\r\nEND:VCALENDAR\r\n';

/** A daily series whose every instance carries a 2 KB description: far more than one entry may hold. */
function bigCalendar(): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//cache//EN'];
  for (let i = 0; i < 12; i++) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:big-${i}@test`,
      'DTSTAMP:20260101T000000Z',
      `DTSTART:20260101T${String(8 + i).padStart(2, '0')}0000Z`,
      'DURATION:PT30M',
      'RRULE:FREQ=DAILY',
      `SUMMARY:Big series ${i}`,
      `DESCRIPTION:${'x'.repeat(2000)}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n') + '\r\n';
}

function feedUrl(name: string, behaviour: Behaviour): string {
  const url = `/cache-test/${name}-${++unique}.ics`;
  behaviours.set(url, behaviour);
  return url;
}

beforeEach(() => {
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), location.href).pathname;
    const behaviour = behaviours.get(url);
    if (!behaviour) return realFetch(input, init);
    fetched.push(url);
    switch (behaviour) {
      case 'ok':
        return realFetch('/tests/fixtures/overrides.ics', init);
      case 'offline':
        return Promise.reject(new TypeError('Failed to fetch'));
      case 'html':
        return Promise.resolve(
          new Response('<!doctype html><title>Sign in</title>', { headers: { 'content-type': 'text/html' } }),
        );
      case 'empty':
        return Promise.resolve(new Response(EMPTY_CALENDAR, { headers: { 'content-type': 'text/calendar' } }));
      case 'http-500':
        return Promise.resolve(new Response('oops', { status: 500 }));
      case 'big':
        return Promise.resolve(new Response(bigCalendar(), { headers: { 'content-type': 'text/calendar' } }));
      case 'hang':
        return new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
        });
    }
  }) as typeof fetch;
});

afterEach(() => {
  window.fetch = realFetch;
  forgetLoadedCalendars({ persisted: true });
  for (const el of document.querySelectorAll(TAG)) el.remove();
});

function options(extra: Partial<LoadAllOptions> = {}): LoadAllOptions {
  return { from: NOW - DAY, to: NOW + 30 * DAY + 90 * DAY, timeZone: 'UTC', now: NOW, ...extra };
}

/** The sources a list with `src="<url>"` reads. */
function sourcesFrom(url: string): CalendarSource[] {
  return sourcesIn(calendarKinds, (attribute) => (attribute === 'src' ? url : ''), document.baseURI);
}

/** What a persisted copy is stored under: the sources' key. */
const persistedKey = sourcesKey;

/** The persisted copy of `sources`, read in UTC. */
function cachedLoaded(sources: readonly CalendarSource[], now: number, cache?: CacheMode): Loaded | undefined {
  return cachedLoadedIn(sources, now, 'UTC', cache);
}

/** Loads `url` once for real and waits for its persisted copy; then forgets the page's caches (a new page). */
async function persistGoodCopy(url: string, savedAt?: number): Promise<void> {
  await loadAll(sourcesFrom(url), options(), undefined);
  await persistedWritesSettled();
  const key = persistedKey(sourcesFrom(url));
  const entry = readCached(key, NOW);
  if (!entry) throw new Error('nothing was persisted');
  if (savedAt !== undefined) writeCached(key, entry.data, savedAt, entry.until);
  forgetLoadedCalendars();
}

function ownKeys(): string[] {
  return Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? '').filter((k) =>
    k.startsWith(CACHE_PREFIX),
  );
}

function mountList(attributes: Record<string, string>, now = NOW): { el: OtelEventList; done: Promise<Event> } {
  const el = document.createElement(TAG) as OtelEventList;
  el.now = now;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const done = new Promise<Event>((resolve) => {
    el.addEventListener('otel-load', resolve, { once: true });
    el.addEventListener('otel-error', resolve, { once: true });
  });
  document.body.append(el);
  return { el, done };
}

/** Rendered occurrences (not the loading skeleton's placeholder rows). */
function events(el: HTMLElement): HTMLElement[] {
  return parts(el, 'event').filter((e) => !e.part.contains('skeleton'));
}

function starts(el: HTMLElement): string[] {
  return events(el).map((e) => e.querySelector('time')?.getAttribute('datetime') ?? '');
}

// ---------------------------------------------------------------------------------------------

describe('persisted cache: the store', () => {
  it('reads back what was written, until the end of its window', () => {
    expect(writeCached('k:roundtrip', { a: [1, 2] }, NOW - HOUR, NOW + DAY)).to.equal('saved');
    expect(readCached('k:roundtrip', NOW)).to.deep.equal({
      savedAt: NOW - HOUR,
      until: NOW + DAY,
      data: { a: [1, 2] },
    });
    expect(readCached('k:roundtrip', NOW + DAY)).to.equal(undefined);
    expect(readCached('k:other', NOW)).to.equal(undefined);
  });

  it('treats malformed stored text as absent', () => {
    const name = `${CACHE_PREFIX}v${CACHE_SCHEMA}:k:bad`;
    const bad = [
      '{not json',
      'null',
      '[]',
      JSON.stringify({ savedAt: NOW, until: NOW + DAY, key: 'k:someone-else', data: {} }),
      JSON.stringify({ savedAt: 'yesterday', until: NOW + DAY, key: 'k:bad', data: {} }),
      JSON.stringify({ savedAt: NOW, until: NOW + DAY, key: 'k:bad' }),
    ];
    for (const text of bad) {
      localStorage.setItem(name, text);
      expect(readCached('k:bad', NOW), text).to.equal(undefined);
    }
  });

  it('a schema version bump: entries of other versions are ignored, then removed by the next write', () => {
    const oldName = `${CACHE_PREFIX}v${CACHE_SCHEMA - 1}:k:versioned`;
    const oldEntry = JSON.stringify({ savedAt: NOW, until: NOW + DAY, key: 'k:versioned', data: { old: true } });
    localStorage.setItem(oldName, oldEntry);
    expect(readCached('k:versioned', NOW)).to.equal(undefined);
    expect(writeCached('k:another', {}, NOW, NOW + DAY)).to.equal('saved');
    expect(localStorage.getItem(oldName)).to.equal(null);
  });

  it('refuses an entry over the size limit and evicts the oldest to stay under the total', () => {
    expect(writeCached('k:huge', 'x'.repeat(MAX_ENTRY_CHARS), NOW, NOW + DAY)).to.equal('too-large');
    expect(readCached('k:huge', NOW)).to.equal(undefined);
    const chunk = 'y'.repeat(Math.floor(MAX_ENTRY_CHARS * 0.8));
    // Room for three of these. f0 is written first but saved again later: eviction follows
    // savedAt, not the order keys were first written.
    const writes: ReadonlyArray<readonly [string, number]> = [
      ['k:f0', 0],
      ['k:f1', 1],
      ['k:f2', 2],
      ['k:f0', 3],
      ['k:f3', 4],
      ['k:f4', 5],
    ];
    expect(Math.floor(MAX_TOTAL_CHARS / (chunk.length + 40))).to.equal(3);
    for (const [key, minutes] of writes)
      expect(writeCached(key, chunk, NOW - DAY + minutes * MINUTE, NOW + DAY)).to.equal('saved');
    const total = ownKeys().reduce((sum, k) => sum + k.length + (localStorage.getItem(k) ?? '').length, 0);
    expect(total).to.be.at.most(MAX_TOTAL_CHARS);
    const kept = ['k:f0', 'k:f1', 'k:f2', 'k:f3', 'k:f4'].filter((k) => readCached(k, NOW) !== undefined);
    expect(kept).to.deep.equal(['k:f0', 'k:f3', 'k:f4']);
  });

  it('storage that throws (disabled, private mode) never breaks: reads are absent, writes fail quietly', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(window, 'localStorage');
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    try {
      // A copy of the module that has never seen the real storage: WebKit's optimizing compiler
      // keeps reading the property as it was once the module's code is hot (as it is here after
      // the tests above), where a page whose storage is disabled has it throw from the start.
      const fresh = (await import(
        `../../../src/elements/data/persisted-cache.ts?throwing-storage=${Date.now()}`
      )) as typeof import('../../../src/elements/data/persisted-cache.js');
      expect(fresh.writeCached('k:nostore', {}, NOW, NOW + DAY)).to.equal('failed');
      expect(fresh.readCached('k:nostore', NOW)).to.equal(undefined);
    } finally {
      if (descriptor) Object.defineProperty(window, 'localStorage', descriptor);
    }
  });

  it('quota exceeded: makes room once by evicting our oldest entry, else gives up without throwing', () => {
    expect(writeCached('k:old', { n: 1 }, NOW - DAY, NOW + DAY)).to.equal('saved');
    const realSetItem = Storage.prototype.setItem;
    let refusals = 1;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      if (key.startsWith(CACHE_PREFIX) && refusals-- > 0)
        throw new DOMException('Quota exceeded', 'QuotaExceededError');
      realSetItem.call(this, key, value);
    };
    try {
      expect(writeCached('k:new', { n: 2 }, NOW, NOW + DAY)).to.equal('saved');
      expect(readCached('k:old', NOW)).to.equal(undefined);
      expect(readCached('k:new', NOW)?.data).to.deep.equal({ n: 2 });
      refusals = Infinity;
      expect(writeCached('k:newer', { n: 3 }, NOW, NOW + DAY)).to.equal('failed');
      expect(readCached('k:newer', NOW)).to.equal(undefined);
    } finally {
      Storage.prototype.setItem = realSetItem;
    }
  });

  it('the age reads in the locale: minutes, hours, then days', () => {
    expect(savedAgo(NOW - 5 * MINUTE, NOW, 'en')).to.equal('5 minutes ago');
    expect(savedAgo(NOW - 3 * HOUR, NOW, 'en')).to.equal('3 hours ago');
    expect(savedAgo(NOW - 3 * DAY, NOW, 'en')).to.equal('3 days ago');
    expect(savedAgo(NOW + HOUR, NOW, 'en')).to.equal('1 minute ago');
    expect(savedAgo(NOW - 3 * HOUR, NOW, 'es')).to.equal('hace 3 horas');
  });
});

describe('persisted cache: the data layer', () => {
  it('background steps run in order in idle time; one that throws does not stop the rest', async () => {
    const ran: number[] = [];
    const steps = Array.from({ length: 20 }, (_, i) => () => {
      if (i === 3) throw new Error('step failed');
      ran.push(i);
    });
    const done = runWhenIdle(steps);
    expect(ran, 'nothing runs synchronously').to.deep.equal([]);
    await done;
    expect(ran).to.deep.equal(Array.from({ length: 20 }, (_, i) => i).filter((i) => i !== 3));
  });
  it('a good load persists the expanded occurrences of its window, not the feed', async () => {
    const url = feedUrl('good', 'ok');
    const sources = sourcesFrom(url);
    const { loaded } = await loadAll(sources, options(), undefined);
    await persistedWritesSettled();
    const entry = readCached(persistedKey(sources), NOW);
    expect(entry, 'persisted').not.to.equal(undefined);
    expect(JSON.stringify(entry?.data)).not.to.contain('BEGIN:VEVENT');
    forgetLoadedCalendars();
    const saved = cachedLoaded(sources, NOW);
    expect(saved?.cached).to.equal(true);
    const window = { from: NOW, to: NOW + 30 * DAY, timeZone: 'UTC', includeCancelled: true };
    const key = (o: { uid: string; start: number; end: number; title: string }): string =>
      `${o.uid} ${o.start} ${o.end} ${o.title}`;
    const fresh = viewOf(loaded.data, window).occurrences.map(key);
    expect(fresh.length).to.be.greaterThan(5);
    expect(viewOf(saved?.data ?? [], window).occurrences.map(key)).to.deep.equal(fresh);
  });

  for (const behaviour of ['offline', 'http-500', 'html', 'empty'] as const) {
    it(`a refresh that gives ${behaviour} never replaces the good copy: it is returned marked stale, with the error`, async () => {
      const url = feedUrl(`refresh-${behaviour}`, 'ok');
      await persistGoodCopy(url, NOW - 2 * HOUR);
      const key = persistedKey(sourcesFrom(url));
      const before = localStorage.getItem(`${CACHE_PREFIX}v${CACHE_SCHEMA}:${key}`);
      behaviours.set(url, behaviour);
      const { loaded } = await loadAll(sourcesFrom(url), options(), undefined);
      await persistedWritesSettled();
      expect(loaded.cached).to.equal(true);
      expect(loaded.staleSince).to.equal(NOW - 2 * HOUR);
      expect(loaded.staleError?.code).to.equal(
        behaviour === 'offline' ? 'network' : behaviour === 'http-500' ? 'http' : 'not-calendar',
      );
      expect(localStorage.getItem(`${CACHE_PREFIX}v${CACHE_SCHEMA}:${key}`)).to.equal(before);
    });
  }

  it('an empty calendar with no good copy to protect is shown as it is (empty)', async () => {
    const url = feedUrl('empty-first', 'empty');
    const { loaded } = await loadAll(sourcesFrom(url), options(), undefined);
    expect(loaded.staleSince).to.equal(undefined);
    expect(loaded.data).to.have.length(1);
  });

  it("with cache: 'none' nothing is written and no saved copy is used", async () => {
    const url = feedUrl('optout', 'ok');
    await persistGoodCopy(url);
    await loadAll(sourcesFrom(url), options({ cache: 'none' }), undefined);
    const other = feedUrl('optout-write', 'ok');
    await loadAll(sourcesFrom(other), options({ cache: 'none' }), undefined);
    await persistedWritesSettled();
    expect(readCached(persistedKey(sourcesFrom(other)), NOW)).to.equal(undefined);
    forgetLoadedCalendars();
    behaviours.set(url, 'offline');
    expect(cachedLoaded(sourcesFrom(url), NOW, 'none')).to.equal(undefined);
    let error: unknown;
    await loadAll(sourcesFrom(url), options({ cache: 'none' }), undefined).catch((e: unknown) => (error = e));
    expect((error as { code?: string } | undefined)?.code).to.equal('network');
  });

  it('a feed too large for one entry keeps its earliest occurrences, complete up to a shortened window', async () => {
    const url = feedUrl('big', 'big');
    const sources = sourcesFrom(url);
    const { loaded } = await loadAll(sources, options(), undefined);
    await persistedWritesSettled();
    const name = `${CACHE_PREFIX}v${CACHE_SCHEMA}:${persistedKey(sources)}`;
    const text = localStorage.getItem(name) ?? '';
    expect(text.length + name.length).to.be.within(1, MAX_ENTRY_CHARS);
    const entry = readCached(persistedKey(sources), NOW);
    expect(entry?.until).to.be.lessThan(NOW + 120 * DAY);
    const saved = cachedLoaded(sources, NOW);
    const until = entry?.until ?? 0;
    const window = { from: NOW - DAY, to: until, timeZone: 'UTC', includeCancelled: true };
    const expected = viewOf(loaded.data, window).occurrences.map((o) => `${o.uid} ${o.start}`);
    expect(expected.length).to.be.greaterThan(12);
    expect(viewOf(saved?.data ?? [], window).occurrences.map((o) => `${o.uid} ${o.start}`)).to.deep.equal(expected);
  });
});

describe('persisted cache: <otel-event-list>', () => {
  before(async () => {
    await loadMessages('es');
  });

  it('offline page load: the saved copy with its age and Retry', async () => {
    const url = feedUrl('offline-load', 'ok');
    await persistGoodCopy(url, NOW - 3 * HOUR);
    behaviours.set(url, 'offline');
    const { el, done } = mountList({ src: url, timezone: 'UTC' });
    const event = await done;
    await el.updateComplete;
    expect(event.type).to.equal('otel-load');
    expect((event as Event & { stale?: boolean }).stale).to.equal(true);
    expect(events(el).length).to.be.greaterThan(0);
    const notice = parts(el, 'stale')[0];
    expect(notice?.textContent).to.contain('could not be refreshed');
    expect(notice?.textContent).to.contain('3 hours ago');
    expect(parts(el, 'retry')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('repeat visit: the saved events are in the first render after upgrade, marked with their age', async () => {
    const url = feedUrl('first-frame', 'ok');
    await persistGoodCopy(url, NOW - 3 * HOUR);
    behaviours.set(url, 'hang');
    const { el } = mountList({ src: url, timezone: 'UTC', lang: 'es' });
    // The first update after connecting: no load has completed (the feed hangs).
    await el.updateComplete;
    expect(parts(el, 'skeleton')).to.have.length(0);
    expect(events(el).length).to.be.greaterThan(0);
    const notice = parts(el, 'stale')[0];
    expect(notice?.textContent).to.contain('hace 3 horas');
    expect(parts(el, 'retry'), 'no Retry while the refresh runs').to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('stale-while-revalidate: the saved copy is swapped for the fresh data when it arrives', async () => {
    const url = feedUrl('swap', 'ok');
    await persistGoodCopy(url, NOW - 26 * HOUR);
    const { el, done } = mountList({ src: url, timezone: 'UTC', limit: '50' });
    await el.updateComplete;
    const savedStarts = starts(el);
    expect(savedStarts.length).to.be.greaterThan(0);
    expect(parts(el, 'stale')[0]?.textContent).to.contain('26 hours ago');
    const event = await done;
    await el.updateComplete;
    expect((event as Event & { stale?: boolean }).stale).to.equal(false);
    expect(parts(el, 'stale')).to.have.length(0);
    expect(starts(el)).to.deep.equal(savedStarts);
  });

  it('cache="none": no saved copy is shown or written', async () => {
    const url = feedUrl('element-optout', 'ok');
    await persistGoodCopy(url);
    behaviours.set(url, 'offline');
    const { el, done } = mountList({ src: url, timezone: 'UTC', cache: 'none' });
    await el.updateComplete;
    expect(events(el)).to.have.length(0);
    expect((await done).type).to.equal('otel-error');
    await el.updateComplete;
    expect(parts(el, 'error')).to.have.length(1);
    const fresh = feedUrl('element-optout-write', 'ok');
    const second = mountList({ src: fresh, timezone: 'UTC', cache: 'none' });
    await second.done;
    await persistedWritesSettled();
    expect(readCached(persistedKey(sourcesFrom(fresh)), NOW)).to.equal(undefined);
  });
});
