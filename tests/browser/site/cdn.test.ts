/**
 * The CDN files (dist/cdn/, written by `npm run build`) on pages that have nothing but a script
 * tag: the elements register and render; the ICS parser and ical.js are downloaded only by a page
 * with an ICS source, both at once (observed through the frame's resource timing entries, and
 * by reading every script the page fetched); a second copy of the library warns instead of throwing.
 */
import { expect } from '@open-wc/testing';

const PAGES = '/tests/browser/site/pages';

/** A same-origin page in an iframe, with the URLs it has fetched. */
interface LoadedPage {
  readonly frame: HTMLIFrameElement;
  readonly document: Document;
  /** Every resource the page has requested so far (resource timing entries). */
  readonly requested: () => string[];
  /** The resource timing entries behind {@link requested}. */
  readonly timings: () => PerformanceResourceTiming[];
}

async function loadPage(path: string): Promise<LoadedPage> {
  const frame = document.createElement('iframe');
  frame.style.width = '900px';
  frame.style.height = '700px';
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.src = path;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as (Window & typeof globalThis) | null;
  const doc = frame.contentDocument;
  if (!win || !doc) throw new Error(`${path} is not same-origin`);
  // What was fetched before the frame's load event (everything, in some engines), then what comes
  // later. A buffered observer would deliver the first part only in a later task.
  const entries = win.performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  new win.PerformanceObserver((list) => {
    for (const entry of list.getEntries()) entries.push(entry as PerformanceResourceTiming);
  }).observe({ type: 'resource' });
  return { frame, document: doc, requested: () => entries.map((e) => e.name), timings: () => [...entries] };
}

async function waitFor<T>(what: string, find: () => T | undefined | null | false, timeout = 8000): Promise<T> {
  const deadline = performance.now() + timeout;
  for (;;) {
    const found = find();
    if (found) return found;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Occurrences rendered by an `<otel-event-list>` (skeleton rows are `event` parts too). */
function renderedEvents(list: Element | null): Element[] {
  return [...(list?.shadowRoot?.querySelectorAll('[part~="event"]:not([part~="skeleton"])') ?? [])];
}

const isParserChunk = (url: string): boolean => /\/chunks\/(?:ics-parser|ical)-[^/]+\.js$/.test(url);

/**
 * The scripts a page fetched that contain ical.js, found by their text (ical.js's licence notice
 * and its parser's own error message), not by file name.
 */
async function scriptsWithIcalJs(page: LoadedPage): Promise<string[]> {
  const scripts = page.requested().filter((url) => new URL(url).pathname.endsWith('.js'));
  const found: string[] = [];
  for (const url of scripts) {
    const text = await (await fetch(url)).text();
    if (text.includes('Contains ical.js') || text.includes('component began but did not end')) found.push(url);
  }
  return found;
}

/**
 * Lets requests still in flight show up in the observer. (A parser import would come before the
 * render that the tests wait for; this is a margin. No requestAnimationFrame: it does not fire in
 * a background tab, where a test file runs when the runner runs several side by side.)
 */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 200));
}

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});
async function open(path: string): Promise<LoadedPage> {
  const page = await loadPage(`${PAGES}/${path}`);
  frames.push(page.frame);
  return page;
}

describe('CDN files on a page with only a script tag', () => {
  it('otel-widgets.js registers all three elements; an ICS source renders events, loading the parser chunk then', async () => {
    const page = await open('cdn-ics.html');
    const list = page.document.querySelector('otel-event-list');
    const events = await waitFor(
      'events from the ICS feed',
      () => renderedEvents(list).length > 0 && renderedEvents(list),
    );
    expect(events.length).to.be.within(1, 5);
    expect(events[0]?.querySelector('time[datetime]')).to.not.equal(null);
    const card = page.document.querySelector('otel-discussion-card');
    await waitFor('the card to render', () => card?.shadowRoot?.querySelector('[part~="base"], h3, h2'));
    const notice = page.document.querySelector('chatham-notice');
    await waitFor('the notice to render', () => (notice?.shadowRoot?.textContent ?? '').includes('Chatham'));
    // The positive control for the tests below: this observer does see the lazy chunks, and the
    // text check does find ical.js (with its licence notice kept in the chunk that carries it).
    expect(page.requested().some(isParserChunk), page.requested().join('\n')).to.equal(true);
    expect(page.requested().some((url) => url.endsWith('/dist/cdn/otel-widgets.js'))).to.equal(true);
    const withIcal = await scriptsWithIcalJs(page);
    expect(withIcal, page.requested().join('\n')).to.have.length(1);
    const icalText = await (await fetch(withIcal[0] ?? '')).text();
    expect(icalText.startsWith('/*! Contains ical.js')).to.equal(true);
    expect(icalText).to.contain('Mozilla Public License, v. 2.0');
    // ical.js is requested with the parser chunk, not once the parser chunk has arrived.
    const timing = (pattern: RegExp): PerformanceResourceTiming | undefined =>
      page.timings().find((t) => pattern.test(new URL(t.name).pathname));
    const parser = timing(/\/chunks\/ics-parser-[^/]+\.js$/);
    const ical = timing(/\/chunks\/ical-[^/]+\.js$/);
    expect(Boolean(parser && ical), page.requested().join('\n')).to.equal(true);
    // (At most: on localhost the parser chunk may arrive within the clock's resolution, and WebKit
    // gives both times as whole milliseconds.)
    expect(ical?.startTime ?? Infinity).to.be.at.most(parser?.responseEnd ?? 0);
  });

  it('a JSON snapshot source renders events without downloading the ICS parser or ical.js', async () => {
    const page = await open('cdn-json.html');
    const list = page.document.querySelector('otel-event-list');
    await waitFor('events from the JSON snapshot', () => renderedEvents(list).length > 0);
    await settle();
    const requested = page.requested();
    expect(requested.some((url) => url.endsWith('/community.json'))).to.equal(true);
    expect(requested.filter(isParserChunk)).to.deep.equal([]);
    expect(await scriptsWithIcalJs(page)).to.deep.equal([]);
    // What `npm run size` counts for a JSON page ("showing JSON"): the file itself, which also
    // saves a copy of the events after a good load. Anything else would be uncounted bytes.
    const scripts = requested
      .map((url) => new URL(url).pathname)
      .filter((path) => path.startsWith('/dist/cdn/') && path.endsWith('.js'));
    expect(scripts).to.deep.equal(['/dist/cdn/otel-widgets.js']);
  });

  for (const file of ['cdn-chatham.html', 'cdn-chatham-alone.html']) {
    it(`a page with only <chatham-notice> (${file}) never downloads the ICS parser or ical.js`, async () => {
      const page = await open(file);
      const notice = page.document.querySelector('chatham-notice');
      await waitFor('the notice to render', () => (notice?.shadowRoot?.textContent ?? '').includes('Chatham'));
      await settle();
      const requested = page.requested();
      expect(requested.some((url) => /\/dist\/cdn\/[\w-]+\.js$/.test(url))).to.equal(true);
      expect(requested.filter(isParserChunk)).to.deep.equal([]);
      expect(await scriptsWithIcalJs(page)).to.deep.equal([]);
    });
  }

  it('two copies of the library on one page: a warning naming the tag, the first copy keeps working', async () => {
    const page = await open('cdn-two-copies.html');
    const list = page.document.querySelector('otel-event-list');
    await waitFor('events', () => renderedEvents(list).length > 0);
    const win = page.frame.contentWindow as (Window & { recordedWarnings?: string[] }) | null;
    const warnings = (win?.recordedWarnings ?? []).filter((w) => w.includes('otel-community-widgets'));
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<otel-event-list>');
    expect(warnings[0]).to.contain('two copies');
  });
});
