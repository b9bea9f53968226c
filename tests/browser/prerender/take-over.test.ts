/**
 * Pages prerendered by `otel-calendar prerender` (served by prerender-server.js from
 * tests/fixtures/prerender/page.html, rendered with the build's zone America/New_York while the
 * browser runs in Europe/Berlin): complete without JavaScript, and taken over by the elements with
 * their rows on screen at every step, no loading placeholder, in the reader's zone; a long list
 * keeps its rows in view and gets the rest in steps.
 */
import { expect } from '@open-wc/testing';
import { until } from '../harness.js';

/** The build's time: a minute ago, so the page shows what is still to come now. */
const BUILT = new Date(Math.floor((Date.now() - 60_000) / 60_000) * 60_000).toISOString();
const PAGE = `/__prerendered/page.html?now=${encodeURIComponent(BUILT)}&tz=America/New_York`;

interface Seen {
  readonly tag: string;
  readonly rows: number;
  readonly skeleton: number;
  readonly text: number;
}

type FrameWindow = Window & typeof globalThis & { otelSeen?: Seen[]; otelShifts?: number };

/** Loads the page in a frame (`scripts`: whether it may run them) and resolves with its window. */
async function open(scripts: boolean): Promise<FrameWindow> {
  const frame = document.createElement('iframe');
  if (!scripts) frame.setAttribute('sandbox', 'allow-same-origin');
  frame.style.width = '800px';
  frame.style.height = '2000px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = PAGE;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as FrameWindow | null;
  if (!win) throw new Error('no frame window');
  return win;
}

function root(win: Window, selector: string, index = 0): ShadowRoot {
  const el = win.document.querySelectorAll(selector)[index];
  const shadow = el?.shadowRoot;
  if (!shadow) throw new Error(`${selector} #${index} has no shadow root`);
  return shadow;
}

function texts(scope: ParentNode, selector: string): string[] {
  return Array.from(scope.querySelectorAll(selector), (el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
}

afterEach(() => {
  for (const frame of document.querySelectorAll('iframe')) frame.remove();
});

describe('a prerendered page', () => {
  it('without JavaScript: the events, times with their zone, links, the cadence and the notice are in the HTML', async () => {
    const win = await open(false);
    expect(win.customElements.get('otel-event-list'), 'no script ran').to.equal(undefined);

    const list = root(win, 'otel-event-list');
    const rows = list.querySelectorAll('[part~="event"]');
    expect(rows.length, 'rows').to.equal(5);
    expect(list.querySelector('[part~="skeleton"]')).to.equal(null);
    // Every time is named with the build's zone (New York: EST or EDT), none says "your time".
    for (const row of Array.from(rows)) {
      expect(row.querySelector('time')?.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(texts(row, '.your-time')[0]).to.match(/^E[SD]T$/);
    }
    expect(texts(list, '[part~="title"]')).to.include('Daily stand-up');
    expect(texts(list, '[part~="relative"]'), 'no relative hint goes stale in the HTML').to.deep.equal([]);
    expect(texts(list, '[part="as-of"]')[0]).to.match(/^As of .* E[SD]T\.$/);
    // The add-to-calendar menu holds plain links there (the .ics downloads need the script).
    const menu = list.querySelector('[part~="add-to-calendar"]');
    expect(menu?.querySelectorAll('a[href^="https://calendar.google.com/"]').length).to.equal(1);
    expect(menu?.querySelector('button')).to.equal(null);

    const card = root(win, 'otel-discussion-card');
    expect(texts(card, '[part~="title"]')[0]).to.equal('End User Discussion Group — EMEA');
    expect(texts(card, '[part="cadence"]')[0]).to.match(/^every third Tuesday of the month at 11:00 AM/);
    expect(card.querySelectorAll('[part~="session"]').length).to.be.greaterThan(0);
    const notice = card.querySelector('chatham-notice')?.shadowRoot;
    expect(
      notice?.querySelector('details summary')?.textContent?.trim(),
      'a disclosure that opens without script',
    ).to.equal('Chatham House Rule');

    const inline = root(win, 'otel-discussion-card', 1);
    expect(inline.querySelector('[part~="join"]')?.getAttribute('href')).to.equal('https://zoom.us/j/123');
    expect(texts(root(win, 'chatham-notice'), '[part="title"]')[0]).to.equal('Regla de Chatham House');
  });

  it('with JavaScript: taken over with rows at every step, no loading placeholder, in the reader’s zone', async () => {
    const win = await open(true);
    const list = () => root(win, 'otel-event-list');
    // Taken over: the element's own rendering (no "As of" note, no inline <style> left).
    await until(
      () =>
        Array.from(win.document.querySelectorAll('otel-event-list, otel-discussion-card'), (el) => el.shadowRoot).every(
          (shadow) => shadow !== null && shadow.querySelector('[part="as-of"], style') === null,
        ),
      'the calendar elements to take over',
      10_000,
    );
    await until(() => root(win, 'chatham-notice').querySelector('style') === null, 'the notice to take over', 10_000);

    await until(
      () => root(win, 'otel-event-list', 1).querySelectorAll('[part~="event"]').length === 45,
      'the long list to show all its rows',
      10_000,
    );

    const seen = win.otelSeen ?? [];
    expect(seen.length, 'changes observed').to.be.greaterThan(3);
    for (const step of seen) {
      expect(step.skeleton, `${step.tag}: a loading placeholder`).to.equal(0);
      expect(step.text, `${step.tag}: an empty shadow root`).to.be.greaterThan(0);
      if (step.tag === 'otel-event-list') expect(step.rows, 'list rows').to.be.greaterThan(0);
      // A long list's first render keeps (at least) a screenful of rows; the rest follow in steps.
      if (step.tag === 'otel-event-list#long') expect(step.rows, 'long list rows').to.be.at.least(10);
    }
    expect(
      seen.filter((step) => step.tag === 'otel-event-list#long').at(-1)?.rows,
      'long list rows at the end',
    ).to.equal(45);
    // The reader's zone (this browser's, Europe/Berlin), and "your time" since it is the reader's.
    const row = list().querySelector('[part~="event"]');
    const start = Date.parse(row?.querySelector('time')?.getAttribute('datetime') ?? '');
    expect(start).to.be.greaterThan(Date.now() - 24 * 3_600_000);
    const berlin = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', hour: 'numeric', minute: '2-digit' });
    expect(row?.querySelector('time')?.textContent).to.equal(berlin.format(start));
    expect(list().querySelectorAll('[part~="event"]').length).to.equal(5);
    const card = root(win, 'otel-discussion-card');
    expect(texts(card, '[part="cadence"]')[0]).to.match(/^every third Tuesday of the month at 11:00 AM/);
    if (win.otelShifts !== undefined && PerformanceObserver.supportedEntryTypes.includes('layout-shift')) {
      expect(win.otelShifts, 'cumulative layout shift').to.be.below(0.1);
    }
  });
});
