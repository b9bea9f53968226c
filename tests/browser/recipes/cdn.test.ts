/**
 * The plain-HTML recipe (docs/recipes/cdn.md): examples/cdn/index.html with its jsDelivr script
 * URL pointed at the repository's dist/cdn (what jsDelivr serves from the published package), and
 * nothing else changed.
 */
import { expect } from '@open-wc/testing';
import { frameDocument, loadFrameHtml, renderedEvents, shadowParts, waitFor } from './frame.js';

const JSDELIVR = 'https://cdn.jsdelivr.net/npm/otel-community-widgets@0.1/dist/cdn/otel-widgets.js';
const LOCAL = '/dist/cdn/otel-widgets.js';

describe('plain HTML page with the CDN script tag', () => {
  let frame: HTMLIFrameElement;
  let doc: Document;

  before(async () => {
    const page = await (await fetch('/examples/cdn/index.html')).text();
    expect(page.split(JSDELIVR).length - 1, 'the page loads the jsDelivr bundle once').to.equal(1);
    frame = await loadFrameHtml(page.replace(JSDELIVR, LOCAL), '/examples/cdn/index.html');
    doc = frameDocument(frame);
  });

  after(() => frame.remove());

  it('renders upcoming events', async () => {
    const list = doc.querySelector('otel-event-list');
    const events = await waitFor('events in <otel-event-list>', () => renderedEvents(list));
    expect(events.length).to.be.within(1, 8);
    const start = events[0]?.querySelector('time')?.getAttribute('datetime') ?? '';
    expect(Number.isNaN(Date.parse(start)), `datetime "${start}"`).to.equal(false);
  });

  it('renders the inline discussion card and the notice', async () => {
    const card = doc.querySelector('otel-discussion-card');
    const sessions = await waitFor('sessions in <otel-discussion-card>', () =>
      Array.from(card?.shadowRoot?.querySelectorAll('[part~="session-list"] li') ?? []),
    );
    expect(sessions.length).to.equal(3);
    const notice = doc.querySelector('chatham-notice');
    const lines = await waitFor('the notice lines', () =>
      Array.from(shadowParts(notice, 'lines')[0]?.querySelectorAll('li') ?? []),
    );
    expect(lines.length).to.equal(2);
  });

  it('themes through the page’s --otel-* properties', async () => {
    const list = doc.querySelector('otel-event-list');
    const [link] = await waitFor('a footer link', () =>
      Array.from(list?.shadowRoot?.querySelectorAll<HTMLAnchorElement>('[part~="footer"] a') ?? []),
    );
    if (!link || !frame.contentWindow) throw new Error('no footer link');
    expect(frame.contentWindow.getComputedStyle(link).color).to.equal('rgb(66, 92, 199)');
  });

  it('loaded the bundle from dist/cdn and nothing from other origins', () => {
    const names = frame.contentWindow?.performance.getEntriesByType('resource').map((e) => e.name) ?? [];
    expect(names.some((name) => name.endsWith(LOCAL))).to.equal(true);
    expect(names.filter((name) => !name.startsWith(location.origin))).to.deep.equal([]);
  });
});
