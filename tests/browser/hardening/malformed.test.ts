/**
 * Malformed and abusive feeds in the browser: `<otel-event-list>` keeps the good events
 * of a broken feed, and loading the 100,000-EXDATE and 10 MB feeds causes no main-thread task
 * over 200 ms from expansion done in slices (`expandCalendarAsync`; PerformanceObserver, type
 * `longtask`).
 *
 * Small feeds are served from tests/fixtures/malformed/; the large ones are generated in the page
 * and served as Blob URLs.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { expandCalendar, expandCalendarAsync } from '../../../src/calendar/expand.js';
import { parseCalendar } from '../../../src/calendar/index.js';
import '../../../src/elements/event-list/define.js';
import type { OtelEventList } from '../../../src/elements/event-list/event-list.js';
import { skipUnlessEngineCan } from '../engine.js';
import {
  BIG_FEED_BYTES,
  EXDATE_UID,
  GOOD_TITLE,
  bigFeed,
  feedWithManyExdates,
} from '../../fixtures/malformed/generate.js';

const NOW = Date.parse('2026-11-16T12:00:00Z');
const DAY = 86_400_000;
/** The longest main-thread task expansion may cause. */
const LONG_TASK_BOUND_MS = 200;

/** Mounts the element; resolves on its first otel-load (rejects on otel-error). */
async function load(src: string, attributes: Record<string, string> = {}): Promise<OtelEventList> {
  const el = document.createElement('otel-event-list');
  el.now = NOW;
  el.setAttribute('src', src);
  el.setAttribute('days', '30');
  el.setAttribute('timezone', 'UTC');
  el.setAttribute('group-by', 'none');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const loaded = new Promise<void>((resolve, reject) => {
    el.addEventListener('otel-load', () => resolve(), { once: true });
    el.addEventListener(
      'otel-error',
      (event) => reject(new Error(`otel-error: ${String((event as Event & { error?: unknown }).error)}`)),
      {
        once: true,
      },
    );
  });
  document.body.append(el);
  await loaded;
  await el.updateComplete;
  return el;
}

function titles(el: HTMLElement): string[] {
  return Array.from(el.shadowRoot?.querySelectorAll<HTMLElement>('[part~="title"]') ?? []).map(
    (t) => t.textContent?.trim() ?? '',
  );
}

function eventCount(el: HTMLElement): number {
  return el.shadowRoot?.querySelectorAll('[part~="event"]').length ?? 0;
}

/** Long tasks (ms) seen while `work` runs, and until the observer has delivered them. */
async function longTasksDuring(work: () => Promise<void> | void): Promise<number[]> {
  const durations: number[] = [];
  const started = performance.now();
  const record = (entries: PerformanceEntryList): void => {
    // Only tasks that began while watching (not the end of an earlier one reported late).
    for (const entry of entries) if (entry.startTime >= started) durations.push(entry.duration);
  };
  const observer = new PerformanceObserver((list) => record(list.getEntries()));
  observer.observe({ type: 'longtask' });
  try {
    // Start the work in a task of its own, after `started`: the filter above must not hide it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await work();
    // Long-task entries are delivered after the task: give the observer two turns. (Not
    // requestAnimationFrame: a test page in a background tab gets no frames, as when the runner
    // runs test files side by side.)
    await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 100));
    record(observer.takeRecords());
  } finally {
    observer.disconnect();
  }
  return durations;
}

function blobUrl(text: string): string {
  return URL.createObjectURL(new Blob([text], { type: 'text/calendar' }));
}

afterEach(() => {
  for (const el of document.querySelectorAll('otel-event-list')) el.remove();
});

describe('<otel-event-list> on malformed feeds', function () {
  this.timeout(30_000);

  it('a truncated feed: the complete event renders, the list is not an error', async () => {
    const el = await load('/tests/fixtures/malformed/truncated.ics');
    expect(titles(el)).to.deep.equal(['Complete event before the cut']);
    expect(el.shadowRoot?.querySelector('[part~="error"]')).to.equal(null);
  });

  it('a missing END:VEVENT: the closed events render, the unterminated one does not', async () => {
    const el = await load('/tests/fixtures/malformed/missing-end.ics');
    expect(titles(el)).to.deep.equal(['Properly closed event', 'Last event, closed, but no END:VCALENDAR']);
  });

  it('invalid RRULE parts: the valid weekly series renders, the broken ones do not', async () => {
    const el = await load('/tests/fixtures/malformed/invalid-rrule-parts.ics');
    const shown = titles(el);
    expect(shown.filter((t) => t === 'Weekly meeting with a valid rule')).to.have.length(4);
    for (const broken of [
      'Unknown FREQ',
      'No FREQ at all',
      'BYMONTHDAY out of range',
      'BYDAY is not a weekday',
      'UNTIL is not a date',
    ]) {
      expect(shown).not.to.include(broken);
    }
  });

  it('hostile rules (FREQ=SECONDLY, every second of the year) next to an ordinary event: it renders', async () => {
    const el = await load('/tests/fixtures/malformed/secondly.ics');
    expect(titles(el)).to.include('Ordinary event next to hostile rules');
  });

  it('fuzzed garbage: the one readable event renders', async () => {
    const el = await load('/tests/fixtures/malformed/corpus-fuzzed.ics');
    expect(titles(el)).to.deep.equal(['The one readable event']);
  });
});

describe('long tasks from expansion (≤ 200 ms)', function () {
  this.timeout(120_000);

  // The window the element expands: from a day before now to `days` + its look-ahead (90 days).
  const from = NOW - DAY;
  const to = NOW + 120 * DAY;

  for (const [name, make] of [
    ['100,000 EXDATEs', () => feedWithManyExdates()],
    ['10 MB feed', () => bigFeed()],
  ] as const) {
    it(`${name}: expanding the element's window in slices causes no task over ${LONG_TASK_BOUND_MS} ms`, async function () {
      await skipUnlessEngineCan(this, 'observe long tasks');
      const calendar = parseCalendar(make());
      // Let the parse's own task (and the collection of its garbage) end before watching.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const options = { from, to, timeZone: 'Europe/Berlin' };
      let count = 0;
      const tasks = await longTasksDuring(async () => {
        count = (await expandCalendarAsync(calendar, options)).occurrences.length;
      });
      expect(count).to.equal(expandCalendar(calendar, options).occurrences.length);
      expect(count).to.be.greaterThan(0);
      const longest = Math.max(0, ...tasks);
      expect(longest, `long tasks: ${tasks.map((t) => t.toFixed(0)).join(', ')} ms`).to.be.at.most(LONG_TASK_BOUND_MS);
    });
  }

  it('100,000 EXDATEs through <otel-event-list>: the good event and the surviving instances render', async () => {
    const url = blobUrl(feedWithManyExdates());
    try {
      const el = await load(url);
      expect(titles(el)).to.include(GOOD_TITLE);
      const kept = el.shadowRoot?.querySelectorAll(`[part~="event"][data-uid="${EXDATE_UID}"]`).length ?? 0;
      // 30 days from 2026-11-16, one day in seven kept.
      expect(kept).to.be.within(4, 5);
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('10 MB feed through <otel-event-list>: it loads and renders', async () => {
    const text = bigFeed();
    expect(text.length).to.be.at.least(BIG_FEED_BYTES);
    const url = blobUrl(text);
    try {
      const el = await load(url, { limit: '50' });
      // Long lists render in steps (the first rows at once, the rest in the next tasks).
      await waitUntil(() => eventCount(el) === 50, 'all 50 rows rendered', { timeout: 5000 });
      expect(eventCount(el)).to.equal(50);
    } finally {
      URL.revokeObjectURL(url);
    }
  });
});
