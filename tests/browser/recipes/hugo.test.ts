/**
 * The Hugo + Docsy recipe (docs/recipes/hugo.md), built by real Hugo: `npm run test:browser` runs
 * scripts/build-hugo-example.js first, which snapshots the demo calendar (series that never end),
 * builds examples/hugo into examples/hugo/public/ (served here at /examples/hugo/public/, loading
 * the CDN bundle from dist/cdn) and prerenders its pages with `otel-calendar prerender` (times in
 * UTC, as of the build). The Spanish events page holds all three elements, and its event list
 * names no zone, so the reader's zone (Europe/Berlin here) differs from the build's.
 *
 * Without JavaScript the page is complete; with it, the elements take their content over in place:
 * rows in every frame, never a skeleton, then times in the reader's zone.
 */
import { expect } from '@open-wc/testing';
import { frameDocument, loadFrame, loadFrameHtml, renderedEvents, shadowParts, waitFor } from './frame.js';

const PAGE = '/examples/hugo/public/es/events/index.html';
const AGENDA = '/examples/hugo/public/es/agenda/index.html';
const ELEMENTS = ['otel-event-list', 'otel-discussion-card', 'chatham-notice'] as const;

/** The Bootstrap stand-in's values (themes/docsy-standin/assets/scss/_bootstrap-vars.scss). */
const BS_PRIMARY = 'rgb(48, 99, 142)'; // #30638e
const BS_DARK_LINK = 'rgb(131, 173, 240)'; // #83adf0, the dark theme's --bs-link-color

/** The built page, or a failure that says how to build it. */
async function builtPage(path: string): Promise<string> {
  const response = await fetch(path);
  if (!response.ok)
    throw new Error(`${path} is not built: run node scripts/build-hugo-example.js (npm run test:browser does)`);
  return response.text();
}

/** The element of a tag in a document. */
function element(doc: Document, tag: string): HTMLElement {
  const found = doc.querySelector<HTMLElement>(tag);
  if (!found) throw new Error(`no <${tag}> in the page`);
  return found;
}

/** The visible text of a shadow part, whitespace collapsed. */
function partText(host: Element, part: string): string {
  return (shadowParts(host, part)[0]?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('Hugo recipe: the built page without JavaScript', () => {
  let frame: HTMLIFrameElement;
  let doc: Document;

  before(async () => {
    await builtPage(PAGE);
    // A sandbox without allow-scripts: the page's module script never runs.
    frame = await loadFrame(PAGE, { sandbox: 'allow-same-origin' });
    doc = frameDocument(frame);
  });

  after(() => frame.remove());

  it('runs no script: the elements are not defined, their content is the HTML’s', () => {
    for (const tag of ELEMENTS) {
      expect(frame.contentWindow?.customElements.get(tag), tag).to.equal(undefined);
      expect(element(doc, tag).shadowRoot, `${tag} has no declarative shadow root`).to.not.equal(null);
    }
  });

  it('shows the events with their times and zone, Join links and when they were true', () => {
    const list = element(doc, 'otel-event-list');
    const events = renderedEvents(list);
    expect(events.length).to.be.greaterThan(3);
    for (const event of events) {
      expect(partText(event, 'title') || event.querySelector('[part~="title"]')?.textContent).to.not.equal('');
      const time = event.querySelector('[part~="time"]')?.textContent?.replace(/\s+/g, ' ') ?? '';
      expect(time, 'every time names its zone').to.contain('UTC');
    }
    const joins = Array.from(list.shadowRoot?.querySelectorAll<HTMLAnchorElement>('a[part~="join"]') ?? []);
    expect(joins.length).to.be.greaterThan(0);
    for (const join of joins) expect(join.protocol).to.equal('https:');
    expect(shadowParts(list, 'skeleton')).to.have.length(0);
    expect(partText(list, 'as-of')).to.match(/^Actualizado el \d+ de \S+ de \d{4}/);
    expect(list.getBoundingClientRect().height).to.be.greaterThan(200);
  });

  it('shows the card’s cadence and next sessions, and the notice’s text, in Spanish', () => {
    const card = element(doc, 'otel-discussion-card');
    // The host's zone as at the next session: CET in winter, CEST in summer.
    expect(partText(card, 'cadence')).to.match(/^cada tercer martes del mes a las 11:00 CES?T$/);
    // Three sessions, and any cancelled one among them (listed, not counted).
    expect(shadowParts(card, 'session').filter((s) => !s.matches('[part~="cancelled"]'))).to.have.length(3);
    expect(partText(card, 'join')).to.equal('Unirse');
    const notice = element(doc, 'chatham-notice');
    expect(partText(notice, 'title')).to.equal('Regla de Chatham House');
    expect(partText(notice, 'text')).to.match(/^Cuando una reunión/);
  });

  it('is styled: the prerendered styles apply, themed by the Bootstrap variables', () => {
    const [join] = shadowParts(element(doc, 'otel-event-list'), 'join');
    if (!join || !frame.contentWindow) throw new Error('no Join link');
    // The primary button: the accent as its background.
    expect(frame.contentWindow.getComputedStyle(join).backgroundColor).to.equal(BS_PRIMARY);
  });

  it('the agenda page holds the Markdown agenda, as of the build', async () => {
    const agenda = await loadFrame(AGENDA, { sandbox: 'allow-same-origin' });
    try {
      const main = frameDocument(agenda).querySelector('main');
      expect(main?.querySelector('em')?.textContent).to.match(/^Actualizado el \d+ de \S+ de \d{4}\.$/);
      const days = Array.from(main?.querySelectorAll('h2') ?? []);
      expect(days.length).to.be.greaterThan(3);
      expect(days[0]?.textContent).to.match(/^(Lunes|Martes|Miércoles|Jueves|Viernes|Sábado|Domingo), \d+ de /);
      const items = Array.from(main?.querySelectorAll('li') ?? []);
      expect(items.length).to.be.greaterThan(3);
      // Every time names its zone (all-day events have none).
      for (const item of items) expect(item.textContent).to.match(/ UTC | Todo el día /);
      const joins = Array.from(main?.querySelectorAll('a') ?? []).filter((a) => a.textContent === 'Unirse');
      expect(joins.length).to.be.greaterThan(0);
    } finally {
      agenda.remove();
    }
  });
});

/** What one element's shadow root showed after each batch of changes, and in each frame. */
interface Watched {
  readonly tag: string;
  /** The prerendered nodes (the shadow root's children before the script ran). */
  readonly prerendered: readonly Node[];
  /** Rows shown (events, sessions, or the notice's text), per mutation batch and per frame. */
  readonly rows: number[];
  readonly skeletons: number[];
}

/** Rows an element shows now: events, the card's sessions, the notice's text. */
function rowsOf(host: Element): { rows: number; skeletons: number } {
  const root = host.shadowRoot;
  const skeletons = root?.querySelectorAll('[part~="skeleton"]').length ?? 0;
  if (host.localName === 'otel-event-list') return { rows: renderedEvents(host).length, skeletons };
  if (host.localName === 'otel-discussion-card') {
    const sessions = root?.querySelectorAll('[part~="session-list"] li').length ?? 0;
    return { rows: shadowParts(host, 'cadence').length > 0 ? sessions : 0, skeletons };
  }
  return { rows: shadowParts(host, 'text').length, skeletons };
}

describe('Hugo recipe: the built page with JavaScript', () => {
  let frame: HTMLIFrameElement;
  let doc: Document;
  const watched: Watched[] = [];
  let watching = true;

  before(async () => {
    const page = await builtPage(PAGE);
    // Called by the page itself at the end of its <body>: after the parser attached the declarative
    // shadow roots, before the deferred module script defines the elements.
    const hook = '__watchTakeOver';
    Object.assign(window, {
      [hook]: (frameDoc: Document) => {
        const view = frameDoc.defaultView;
        if (!view) throw new Error('no window');
        for (const tag of ELEMENTS) {
          const host = element(frameDoc, tag);
          const root = host.shadowRoot;
          if (!root) throw new Error(`<${tag}> has no declarative shadow root`);
          const entry: Watched = { tag, prerendered: Array.from(root.childNodes), rows: [], skeletons: [] };
          const record = (): void => {
            const { rows, skeletons } = rowsOf(host);
            entry.rows.push(rows);
            entry.skeletons.push(skeletons);
          };
          record();
          new view.MutationObserver(record).observe(root, { childList: true, subtree: true, characterData: true });
          const everyFrame = (): void => {
            record();
            if (watching) view.requestAnimationFrame(everyFrame);
          };
          view.requestAnimationFrame(everyFrame);
          watched.push(entry);
        }
      },
    });
    const marked = page.replace(/<\/body>/i, `<script>parent.${hook}(document)</script></body>`);
    expect(marked, 'the page has a </body>').to.not.equal(page);
    frame = await loadFrameHtml(marked, PAGE);
    doc = frameDocument(frame);
    await waitFor(
      'the elements to take over',
      () =>
        watched.length === ELEMENTS.length && watched.every((w) => w.prerendered.every((node) => !node.isConnected))
          ? watched
          : [],
      15000,
    );
    // A few more frames of the new content, then stop watching.
    await new Promise((resolve) => setTimeout(resolve, 300));
    watching = false;
  });

  after(() => frame.remove());

  it('took the prerendered content over: rows in every frame, never a skeleton', () => {
    expect(watched.map((w) => w.tag)).to.deep.equal([...ELEMENTS]);
    for (const w of watched) {
      expect(w.rows.length, `${w.tag} was watched before and after`).to.be.at.least(2);
      expect(
        w.rows.every((n) => n > 0),
        `${w.tag} showed rows throughout: ${w.rows.join(' ')}`,
      ).to.equal(true);
      expect(
        w.skeletons.every((n) => n === 0),
        `${w.tag} never showed a skeleton`,
      ).to.equal(true);
    }
  });

  it('shows the events in the reader’s zone once taken over', async () => {
    const list = element(doc, 'otel-event-list');
    // The first event with a time of day (an all-day event shows dates).
    const times = await waitFor('events', () =>
      renderedEvents(list).flatMap((event) => Array.from(event.querySelectorAll('time[datetime*="T"]')).slice(0, 1)),
    );
    const time = times[0];
    const start = new Date(time?.getAttribute('datetime') ?? '');
    const berlin = new Intl.DateTimeFormat('es', {
      timeZone: 'Europe/Berlin',
      hour: 'numeric',
      minute: '2-digit',
    }).format(start);
    expect(time?.textContent?.trim()).to.equal(berlin);
    expect(partText(list, 'as-of'), 'the build-time note is gone').to.equal('');
  });

  it('takes its accent from the Bootstrap variables, and follows the dark theme', async () => {
    const list = element(doc, 'otel-event-list');
    const [link] = await waitFor('a link in the footer', () =>
      Array.from(list.shadowRoot?.querySelectorAll<HTMLAnchorElement>('[part~="footer"] a') ?? []),
    );
    const view = frame.contentWindow;
    if (!link || !view) throw new Error('no footer link');
    expect(view.getComputedStyle(link).color).to.equal(BS_PRIMARY);
    expect(view.getComputedStyle(list).fontFamily).to.contain('Open Sans');

    doc.documentElement.setAttribute('data-bs-theme', 'dark');
    expect(view.getComputedStyle(link).color).to.equal(BS_DARK_LINK);
    doc.documentElement.setAttribute('data-bs-theme', 'light');
  });
});
