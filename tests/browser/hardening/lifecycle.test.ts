/**
 * Element lifecycle under real, slow HTTP (the fault server's `?delay=` feeds): elements removed,
 * re-added, or given a new `src` while a request is in flight. Nothing stale may render, nothing
 * may fire from a removed element, every timer / observer / listener an element registers must be
 * released when it leaves the page, and no promise may be left rejected and unhandled.
 */
import { expect } from '@open-wc/testing';
import { clearCalendarCache } from '../../../src/calendar/fetch.js';
import '../../../src/elements/discussion-card/define.js';
import type { OtelDiscussionCard } from '../../../src/elements/discussion-card/discussion-card.js';
import '../../../src/elements/event-list/define.js';
import type { OtelEventList } from '../../../src/elements/event-list/event-list.js';
import { feedId, feedStats as stats, feedUrl, parts, sleep, titles, until } from '../harness.js';

const NOW = Date.parse('2026-11-23T12:00:00Z');

/** Every otel-load / otel-error an element fires, in order. */
function record(el: HTMLElement): string[] {
  const log: string[] = [];
  el.addEventListener('otel-load', () => log.push('load'));
  el.addEventListener('otel-error', (e) => log.push(`error:${e.error.message}`));
  return log;
}

function eventList(src: string, attributes: Readonly<Record<string, string>> = {}): OtelEventList {
  const el = document.createElement('otel-event-list');
  el.now = NOW;
  el.setAttribute('src', src);
  el.setAttribute('lang', 'en');
  el.setAttribute('timezone', 'UTC');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
}

// ---------------------------------------------------------------------------------------------
// Resource accounting: timers, observers and listeners registered between install() and now.
// ---------------------------------------------------------------------------------------------

interface Listener {
  readonly target: EventTarget;
  readonly type: string;
  readonly listener: EventListenerOrEventListenerObject | null;
  readonly capture: boolean;
}

/**
 * Wraps setTimeout/setInterval (and their clears), MutationObserver.observe/disconnect and
 * EventTarget.addEventListener/removeEventListener (on window, document, MediaQueryLists and
 * AbortSignals), so a test can see what is still registered after an element left the page.
 */
class ResourceTracker {
  readonly timeouts = new Set<number>();
  readonly intervals = new Map<number, number>();
  readonly observing = new Set<MutationObserver>();
  readonly listeners: Listener[] = [];
  readonly #restore: (() => void)[] = [];

  install(): void {
    const { timeouts, intervals, observing, listeners } = this;
    const w = window;
    const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = w;
    w.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]): number => {
      const id: number = st(
        (...a: unknown[]) => {
          timeouts.delete(id);
          if (typeof handler === 'function') (handler as (...x: unknown[]) => void)(...a);
        },
        ms,
        ...args,
      );
      timeouts.add(id);
      return id;
    }) as typeof setTimeout;
    w.clearTimeout = ((id?: number): void => {
      if (id !== undefined) timeouts.delete(id);
      ct(id);
    }) as typeof clearTimeout;
    w.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]): number => {
      const id = si(handler, ms, ...args);
      intervals.set(id, ms ?? 0);
      return id;
    }) as typeof setInterval;
    w.clearInterval = ((id?: number): void => {
      if (id !== undefined) intervals.delete(id);
      ci(id);
    }) as typeof clearInterval;
    this.#restore.push(() =>
      Object.assign(w, { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci }),
    );

    const mo = MutationObserver.prototype;
    const { observe, disconnect } = mo;
    mo.observe = function (this: MutationObserver, target: Node, options?: MutationObserverInit): void {
      observing.add(this);
      observe.call(this, target, options);
    };
    mo.disconnect = function (this: MutationObserver): void {
      observing.delete(this);
      disconnect.call(this);
    };
    this.#restore.push(() => Object.assign(mo, { observe, disconnect }));

    const et = EventTarget.prototype;
    const { addEventListener: add, removeEventListener: remove } = et;
    const tracked = (target: EventTarget): boolean =>
      target === window || target === document || target instanceof MediaQueryList || target instanceof AbortSignal;
    const captureOf = (options?: boolean | EventListenerOptions): boolean =>
      typeof options === 'boolean' ? options : (options?.capture ?? false);
    const index = (
      target: EventTarget,
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      capture: boolean,
    ): number =>
      listeners.findIndex(
        (l) => l.target === target && l.type === type && l.listener === listener && l.capture === capture,
      );
    et.addEventListener = function (
      this: EventTarget,
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | AddEventListenerOptions,
    ): void {
      if (tracked(this) && listener && index(this, type, listener, captureOf(options)) < 0) {
        const entry: Listener = { target: this, type, listener, capture: captureOf(options) };
        listeners.push(entry);
        if (typeof options === 'object' && options.once) {
          // A once listener is gone after it runs: account for that too.
          const drop = (): void => {
            const i = listeners.indexOf(entry);
            if (i >= 0) listeners.splice(i, 1);
          };
          add.call(this, type, drop, { once: true, capture: entry.capture });
        }
      }
      add.call(this, type, listener, options);
    };
    et.removeEventListener = function (
      this: EventTarget,
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | EventListenerOptions,
    ): void {
      const i = index(this, type, listener, captureOf(options));
      if (i >= 0) listeners.splice(i, 1);
      remove.call(this, type, listener, options);
    };
    this.#restore.push(() => Object.assign(et, { addEventListener: add, removeEventListener: remove }));
  }

  uninstall(): void {
    for (const restore of this.#restore.splice(0).reverse()) restore();
  }

  /** What is still registered, in words (listeners on aborted signals can never fire: not counted). */
  leftovers(): string[] {
    const out: string[] = [];
    for (const [, ms] of this.intervals) out.push(`setInterval(${ms} ms)`);
    if (this.timeouts.size) out.push(`${this.timeouts.size} pending setTimeout`);
    if (this.observing.size) out.push(`${this.observing.size} MutationObserver(s) still observing`);
    for (const l of this.listeners) {
      if (l.target instanceof AbortSignal && l.target.aborted) continue;
      const name = l.target === window ? 'window' : l.target === document ? 'document' : l.target.constructor.name;
      out.push(`${name} ${l.type} listener`);
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------

describe('element lifecycle', () => {
  const rejections: unknown[] = [];
  const onRejection = (event: PromiseRejectionEvent): void => {
    rejections.push(event.reason);
  };
  let tracker: ResourceTracker | undefined;

  before(() => window.addEventListener('unhandledrejection', onRejection));
  after(() => window.removeEventListener('unhandledrejection', onRejection));
  beforeEach(() => {
    clearCalendarCache();
    rejections.length = 0;
  });
  afterEach(async () => {
    tracker?.uninstall();
    tracker = undefined;
    for (const el of document.querySelectorAll('otel-event-list, otel-discussion-card')) el.remove();
    // Unhandled rejections are reported a task later.
    await sleep(50);
    expect(rejections.map(String), 'unhandled rejections').to.deep.equal([]);
  });

  it('removed mid-fetch: the request is abandoned, nothing renders or fires afterwards', async () => {
    const id = feedId('remove');
    const el = eventList(feedUrl(id, 1_000));
    const log = record(el);
    document.body.append(el);
    await until(async () => (await stats(id)).hits === 1, 'the request to reach the server');
    el.remove();
    await until(async () => (await stats(id)).abandoned === 1, 'the request to be abandoned');
    await sleep(1_200); // past the moment the server would have answered
    expect(log).to.deep.equal([]);
    expect(titles(el)).to.deep.equal([]);
    expect(parts(el, 'error')).to.have.length(0);
  });

  it('removed mid-fetch and added again: loads again and renders', async () => {
    const id = feedId('readd');
    const el = eventList(feedUrl(id, 600));
    const log = record(el);
    document.body.append(el);
    await until(async () => (await stats(id)).hits === 1, 'the first request');
    el.remove();
    await until(async () => (await stats(id)).abandoned === 1, 'the first request to be abandoned');
    document.body.append(el);
    await until(() => log.length > 0, 'a load after re-adding');
    await el.updateComplete;
    expect(log).to.deep.equal(['load']);
    expect(titles(el)).to.deep.equal(Array(4).fill(`Feed ${id} weekly meeting`));
    expect((await stats(id)).hits).to.equal(2);
  });

  it('moved in the page (removed and added in one task) keeps loading and renders once', async () => {
    const id = feedId('move');
    const el = eventList(feedUrl(id, 300));
    const log = record(el);
    const box = document.createElement('div');
    document.body.append(el, box);
    await until(async () => (await stats(id)).hits >= 1, 'the request');
    box.append(el);
    await until(() => log.length > 0, 'a load');
    await sleep(400);
    expect(log).to.deep.equal(['load']);
    expect(titles(el)).to.have.length(4);
    box.remove();
  });

  it('src changed mid-fetch: the old answer never renders, the new one does', async () => {
    const old = feedId('old');
    const next = feedId('new');
    // The old feed would answer after 1.5 s, long after src changed (a busy machine may take a few
    // hundred milliseconds to notice its request): it is abandoned, and the new one (0.9 s) renders.
    const el = eventList(feedUrl(old, 1500));
    const log = record(el);
    document.body.append(el);
    await until(async () => (await stats(old)).hits === 1, 'the old request');
    el.setAttribute('src', feedUrl(next, 900));
    const seen = new Set<string>();
    const watch = setInterval(() => titles(el).forEach((t) => seen.add(t)), 10);
    try {
      await until(() => log.length > 0, 'the new feed to load');
      await el.updateComplete;
      await sleep(300);
    } finally {
      clearInterval(watch);
    }
    expect([...seen], 'titles ever rendered').to.deep.equal([`Feed ${next} weekly meeting`]);
    expect(titles(el)).to.deep.equal(Array(4).fill(`Feed ${next} weekly meeting`));
    expect(log).to.deep.equal(['load']);
    expect((await stats(old)).abandoned, 'the old request was abandoned').to.equal(1);
  });

  it('many rapid src changes: only the last feed renders, one otel-load, earlier requests abandoned', async () => {
    // Each answer takes 1.5 s, so every feed but the last is replaced before it is answered, even
    // when a busy machine stretches the 25 ms between changes (with 0.4 s, some were answered).
    const ids = Array.from({ length: 12 }, (_, i) => feedId(`rapid${i}`));
    const el = eventList(feedUrl(ids[0] ?? '', 1500));
    const log = record(el);
    document.body.append(el);
    for (const id of ids.slice(1)) {
      await sleep(25);
      el.setAttribute('src', feedUrl(id, 1500));
    }
    const last = ids[ids.length - 1] ?? '';
    await until(() => log.length > 0, 'the last feed to load');
    await sleep(500);
    await el.updateComplete;
    expect(log).to.deep.equal(['load']);
    expect(titles(el)).to.deep.equal(Array(4).fill(`Feed ${last} weekly meeting`));
    const all = await Promise.all(ids.map((id) => stats(id)));
    // Requests that reached the server before being replaced were given up, never completed.
    all.slice(0, -1).forEach((s, i) => expect(s.abandoned, `feed ${i}`).to.equal(s.hits));
    expect(all[all.length - 1]).to.deep.equal({ hits: 1, abandoned: 0 });
  });

  it('removed while waiting for the minute clock and watching the language: everything is released', async () => {
    const id = feedId('leaks');
    tracker = new ResourceTracker();
    tracker.install();
    const wrapper = document.createElement('div');
    wrapper.lang = 'en';
    document.body.append(wrapper);
    const el = eventList(feedUrl(id));
    el.removeAttribute('lang');
    el.now = undefined; // a live clock
    const log = record(el);
    wrapper.append(el);
    await until(() => log.length > 0, 'the feed to load');
    await el.updateComplete;
    // While on the page: the page clock (a timer while the page is visible; it sleeps while hidden, as
    // a background test tab may be, and listens for the page to show again) and a language observer.
    if (document.visibilityState === 'visible') expect(tracker.timeouts.size, 'the page clock').to.be.greaterThan(0);
    expect(tracker.listeners.some((l) => l.target === document && l.type === 'visibilitychange')).to.equal(true);
    expect(tracker.observing.size).to.be.greaterThan(0);

    el.remove();
    await sleep(50);
    expect(tracker.leftovers(), 'registered after removal').to.deep.equal([]);

    // The language changes while it is away: nothing happens to it; back on the page it follows.
    const before = el.shadowRoot?.textContent;
    wrapper.lang = 'fr';
    await sleep(100);
    expect(el.shadowRoot?.textContent).to.equal(before);
    wrapper.append(el);
    await until(
      () =>
        (parts(el, 'footer')[0]?.textContent ?? '').includes('S’abonner') ||
        (parts(el, 'footer')[0]?.textContent ?? '').includes("S'abonner"),
      'French after re-adding',
    );
    el.remove();
    wrapper.remove();
    await sleep(50);
    expect(tracker.leftovers(), 'registered after the second removal').to.deep.equal([]);
  });

  it('removed mid-fetch with a timeout armed: the timer and the abort listener are released', async () => {
    const id = feedId('timer');
    tracker = new ResourceTracker();
    tracker.install();
    const el = eventList(feedUrl(id, 2_000), { timeout: '5000' });
    const log = record(el);
    document.body.append(el);
    await until(async () => (await stats(id)).hits === 1, 'the request');
    expect(tracker.timeouts.size, 'the request timeout is armed').to.be.greaterThan(0);
    el.remove();
    await until(async () => (await stats(id)).abandoned === 1, 'the request to be abandoned');
    await sleep(50);
    expect(tracker.leftovers(), 'registered after removal').to.deep.equal([]);
    expect(log).to.deep.equal([]);
  });

  it('a discussion card removed mid-fetch fires nothing; re-added it loads', async () => {
    const id = feedId('card');
    const el: OtelDiscussionCard = document.createElement('otel-discussion-card');
    el.now = NOW;
    for (const [k, v] of Object.entries({
      src: feedUrl(id, 600),
      match: 'weekly',
      heading: 'Weekly',
      lang: 'en',
      'display-timezone': 'UTC',
    }))
      el.setAttribute(k, v);
    const log = record(el);
    document.body.append(el);
    await until(async () => (await stats(id)).hits === 1, 'the request');
    el.remove();
    await until(async () => (await stats(id)).abandoned === 1, 'the request to be abandoned');
    await sleep(700);
    expect(log).to.deep.equal([]);
    document.body.append(el);
    await until(() => log.length > 0, 'a load after re-adding');
    await el.updateComplete;
    expect(log).to.deep.equal(['load']);
    expect(parts(el, 'session')[0]?.querySelector('time')?.getAttribute('datetime')).to.equal('2026-11-30T10:00:00Z');
  });

  it('a discussion card and a Chatham notice, mounted and removed, leave nothing registered', async () => {
    const id = feedId('card-leaks');
    tracker = new ResourceTracker();
    tracker.install();
    const el: OtelDiscussionCard = document.createElement('otel-discussion-card');
    for (const [k, v] of Object.entries({
      src: feedUrl(id, 200),
      match: 'weekly',
      heading: 'Weekly',
      lang: 'en',
      chatham: '',
    }))
      el.setAttribute(k, v);
    const log = record(el);
    document.body.append(el);
    await until(() => log.length > 0, 'the card to load');
    await el.updateComplete;
    expect(log).to.deep.equal(['load']);
    expect(el.shadowRoot?.querySelector('chatham-notice'), 'the card shows a Chatham notice').to.not.equal(null);
    el.remove();
    await sleep(50);
    expect(tracker.leftovers(), 'registered after removal').to.deep.equal([]);
  });

  it('two lists share one request; removing one keeps the other loading', async () => {
    const id = feedId('shared');
    const a = eventList(feedUrl(id, 500));
    const b = eventList(feedUrl(id, 500));
    const logA = record(a);
    const logB = record(b);
    document.body.append(a, b);
    await until(async () => (await stats(id)).hits === 1, 'the shared request');
    a.remove();
    await until(() => logB.length > 0, 'the remaining list to load');
    await b.updateComplete;
    expect(logA).to.deep.equal([]);
    expect(logB).to.deep.equal(['load']);
    expect(titles(b)).to.have.length(4);
    expect(await stats(id)).to.deep.equal({ hits: 1, abandoned: 0 });
  });
});
