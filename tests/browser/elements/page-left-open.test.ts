/**
 * A page left open for days: a list and two cards on one feed, under a fake clock. Events added to
 * the calendar appear after the next revalidation without a reload, every element of the page
 * shares one request per revalidation, nothing flashes, the live region speaks only when what is
 * shown changed, the list moves on with the days, and timers, heap and storage stay as they were.
 */
import { expect } from '@open-wc/testing';
import type sinon from 'sinon';
import '../../../src/elements/discussion-card/define.js';
import '../../../src/elements/event-list/define.js';
import { forgetLoadedCalendars, persistedWritesSettled } from '../../../src/elements/data/load.js';
import { CACHE_PREFIX } from '../../../src/elements/data/persisted-cache.js';
import {
  DAY,
  HOUR,
  MINUTE,
  addFeedEvent,
  fakeClock,
  feedId,
  feedStats,
  feedUrl,
  mount,
  nextEvents,
  parts,
  setPageVisibility,
  titles,
} from '../harness.js';

/** Monday 16 November 2026, noon UTC: the feed's weekly meeting (Mondays 10:00 UTC) was this morning. */
const NOW = Date.parse('2026-11-16T12:00:00Z');

/** Saved copies of feed `id` (other test files share this origin's storage, and run at the same time). */
function storedEntries(id: string): string[] {
  return Object.keys(localStorage).filter((key) => key.startsWith(CACHE_PREFIX) && key.includes(id));
}

/** What the browser says about the JS heap, after a collection where the page may ask for one. */
function heapBytes(): number | undefined {
  (globalThis as { gc?: () => void }).gc?.();
  return (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;
}

describe('a page left open', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  let restoreVisibility: (() => void) | undefined;

  beforeEach(() => {
    forgetLoadedCalendars({ persisted: true });
  });
  afterEach(() => {
    for (const el of document.querySelectorAll('otel-event-list, otel-discussion-card')) el.remove();
    clock?.restore();
    clock = undefined;
    restoreVisibility?.();
    restoreVisibility = undefined;
    forgetLoadedCalendars({ persisted: true });
  });

  /** A list and two cards on one feed, on the page's (fake) clock; resolves once all three loaded. */
  async function openPage(id: string): Promise<{ list: HTMLElement; cards: HTMLElement[]; all: HTMLElement[] }> {
    clock = fakeClock(NOW);
    restoreVisibility = setPageVisibility('visible');
    const src = feedUrl(id);
    // A request must not time out while the fake clock jumps hours ahead: give it a day.
    const common = { src, refresh: '60', cache: 'none', timeout: String(DAY), lang: 'en' };
    const list = mount('otel-event-list', { ...common, timezone: 'UTC', days: '14', limit: '50' }, undefined);
    const cardA = mount(
      'otel-discussion-card',
      { ...common, heading: 'Weekly', match: 'weekly', 'display-timezone': 'UTC' },
      undefined,
    );
    const cardB = mount(
      'otel-discussion-card',
      { ...common, heading: 'Weekly too', match: 'weekly', 'display-timezone': 'UTC', count: '1' },
      undefined,
    );
    await Promise.all([list.done, cardA.done, cardB.done]);
    const all = [list.el, cardA.el, cardB.el];
    await Promise.all(all.map((el) => el.updateComplete));
    return { list: list.el, cards: [cardA.el, cardB.el], all };
  }

  /**
   * One refresh period later: the page clock ticks every minute of the hour, and exactly one of
   * those ticks starts a revalidation (periods are aligned for the page). Resolves once every
   * element loaded again.
   */
  async function nextPeriod(all: readonly HTMLElement[]): Promise<void> {
    const loads = Promise.all(all.map((el) => nextEvents(el, 'otel-load')));
    await clock?.tickAsync(HOUR);
    await loads;
    await Promise.all(all.map((el) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
  }

  it('shows an event added to the calendar after the next revalidation, with one request for the whole page', async () => {
    const id = feedId('open');
    const { list, all } = await openPage(id);
    expect((await feedStats(id)).hits, 'one request for three elements').to.equal(1);
    const row = (): HTMLElement | undefined =>
      parts(list, 'event').find((li) => li.dataset['uid']?.startsWith('weekly-'));
    const meeting = row();
    expect(meeting).to.not.equal(undefined);
    expect(titles(list)).to.not.include('Added later');

    await addFeedEvent(id, {
      uid: 'added@test',
      summary: 'Added later',
      start: NOW + 2 * DAY + 3 * HOUR,
      end: NOW + 2 * DAY + 4 * HOUR,
    });
    // Nothing flashes while the page revalidates: no loading placeholder ever appears.
    const skeletons: string[] = [];
    const watch = new MutationObserver(() => {
      for (const el of all) if (parts(el, 'skeleton').length > 0) skeletons.push(el.tagName);
    });
    for (const el of all) if (el.shadowRoot) watch.observe(el.shadowRoot, { childList: true, subtree: true });
    await nextPeriod(all);
    watch.disconnect();

    expect((await feedStats(id)).hits, 'one more request for three elements').to.equal(2);
    expect(titles(list)).to.include('Added later');
    expect(skeletons, 'loading placeholders').to.deep.equal([]);
    expect(row(), 'rows are updated in place').to.equal(meeting);
    // The list announced the change (it now shows one more event).
    const status = list.shadowRoot?.querySelector('[role="status"]');
    expect(status?.textContent).to.match(/upcoming events loaded/);
  });

  it('announces nothing when a revalidation changes nothing, and moves on with the days', async function () {
    this.timeout(30_000);
    const id = feedId('days');
    // A stand-up every day at 15:00 UTC for three weeks, beside the weekly meeting.
    for (let day = 0; day < 21; day++) {
      const start = Date.parse('2026-11-16T15:00:00Z') + day * DAY;
      await addFeedEvent(id, { uid: `standup-${day}@test`, summary: `Stand-up ${day}`, start, end: start + HOUR / 4 });
    }
    const { list, all } = await openPage(id);
    const status = list.shadowRoot?.querySelector('[role="status"]');
    const spoken: string[] = [];
    const listen = new MutationObserver(() => spoken.push(status?.textContent ?? ''));
    if (status) listen.observe(status, { childList: true, characterData: true, subtree: true });
    await nextPeriod(all);
    listen.disconnect();
    expect(spoken, 'the live region after an unchanged revalidation').to.deep.equal([]);
    expect(titles(list)[0]).to.equal('Stand-up 0');

    // Three days later (a laptop waking up: no timer ran meanwhile), the next minute's tick.
    clock?.setSystemTime(Date.now() + 3 * DAY);
    const loads = Promise.all(all.map((el) => nextEvents(el, 'otel-load')));
    await clock?.tickAsync(MINUTE);
    await loads;
    await (list as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    // Thursday 19 November, about 13:00 UTC: the list starts at that day's stand-up, under "Today".
    expect(titles(list)[0]).to.equal('Stand-up 3');
    expect(parts(list, 'group-heading')[0]?.textContent).to.contain('Thursday');
    const starts = parts(list, 'event').map((li) =>
      Date.parse(li.querySelector('time')?.getAttribute('datetime') ?? ''),
    );
    expect(Math.min(...starts)).to.be.greaterThan(Date.now());
    // …and reaches 14 days ahead of the new day: the stand-up of Wednesday 2 December.
    expect(titles(list)).to.include('Stand-up 16');
    expect(titles(list)).to.not.include('Stand-up 17');
  });

  it('keeps timers, heap and storage flat over a day of revalidations (cache="none" writes nothing)', async function () {
    this.timeout(60_000);
    const id = feedId('flat');
    const { all } = await openPage(id);
    // A few periods first: what the first revalidations allocate once (formatters, parsed copies) is not growth.
    for (let hour = 0; hour < 4; hour++) await nextPeriod(all);
    const timers = clock?.countTimers() ?? 0;
    const nodes = (): number[] => all.map((el) => el.shadowRoot?.querySelectorAll('*').length ?? 0);
    const rendered = nodes();
    const heap = heapBytes();
    for (let hour = 0; hour < 24; hour++) await nextPeriod(all);
    await persistedWritesSettled();
    expect(clock?.countTimers(), 'timers').to.equal(timers);
    expect(nodes(), 'rendered elements').to.deep.equal(rendered);
    const after = heapBytes();
    // Measured where the browser tells (Chromium, collecting garbage first when the runner allows it).
    if (heap !== undefined && after !== undefined) expect(after - heap, 'heap growth (bytes)').to.be.below(1_000_000);
    expect(storedEntries(id), 'localStorage entries').to.deep.equal([]);
    expect((await feedStats(id)).hits, 'one request per revalidation').to.equal(29);
  });

  it('sleeps while the page is hidden and catches up when it shows again', async () => {
    const id = feedId('hidden');
    const { all } = await openPage(id);
    restoreVisibility?.();
    restoreVisibility = setPageVisibility('hidden');
    expect(clock?.countTimers(), 'no page clock while hidden').to.equal(0);
    await clock?.tickAsync(3 * HOUR);
    expect((await feedStats(id)).hits, 'no request while hidden').to.equal(1);
    const loads = Promise.all(all.map((el) => nextEvents(el, 'otel-load')));
    restoreVisibility();
    restoreVisibility = setPageVisibility('visible');
    await loads;
    expect((await feedStats(id)).hits, 'one request on showing again').to.equal(2);
  });
});
