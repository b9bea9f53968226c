/**
 * The Hugo + Docsy recipe (docs/recipes/hugo.md): examples/hugo/test-page.html is what Hugo
 * renders from the example's partial and shortcodes (scripts/render-hugo-example.js; the Node
 * test checks it is up to date). It loads the CDN bundle from dist/cdn, reads the demo calendar
 * (series that never end), and is themed by the Bootstrap variables through
 * assets/scss/_otel-widgets.scss.
 */
import { expect } from '@open-wc/testing';
import { frameDocument, loadFrame, renderedEvents, shadowParts, waitFor } from './frame.js';

/** The Bootstrap stand-in's values (themes/docsy-standin/assets/scss/_bootstrap-vars.scss). */
const BS_PRIMARY = 'rgb(48, 99, 142)'; // #30638e
const BS_DARK_LINK = 'rgb(131, 173, 240)'; // #83adf0, the dark theme's --bs-link-color

describe('Hugo + Docsy recipe page', () => {
  let frame: HTMLIFrameElement;
  let doc: Document;

  before(async () => {
    frame = await loadFrame('/examples/hugo/test-page.html');
    doc = frameDocument(frame);
  });

  after(() => frame.remove());

  it('renders upcoming events from the shortcode, in the site language', async () => {
    const list = doc.querySelector('otel-event-list');
    expect(list?.getAttribute('lang')).to.equal('es');
    const events = await waitFor('events in <otel-event-list>', () => renderedEvents(list));
    expect(events.length).to.be.greaterThan(0);
    const start = events[0]?.querySelector('time')?.getAttribute('datetime') ?? '';
    expect(Number.isNaN(Date.parse(start)), `datetime "${start}"`).to.equal(false);
    const heading = shadowParts(list, 'group-heading')[0]?.textContent ?? '';
    expect(heading).to.match(/lunes|martes|miércoles|jueves|viernes|sábado|domingo|hoy|mañana/i);
  });

  it('renders the discussion card and the Chatham House notice from their shortcodes', async () => {
    const card = doc.querySelector('otel-discussion-card');
    const sessions = await waitFor('sessions in <otel-discussion-card>', () =>
      Array.from(card?.shadowRoot?.querySelectorAll('[part~="session-list"] li') ?? []),
    );
    expect(sessions.length).to.be.greaterThan(0);
    const notice = doc.querySelector('chatham-notice');
    const text = await waitFor('the Chatham House notice text', () => shadowParts(notice, 'text'));
    expect(text[0]?.textContent?.trim().length).to.be.greaterThan(0);
  });

  it('takes its accent and font from the Bootstrap variables, and follows the dark theme', async () => {
    const list = doc.querySelector('otel-event-list');
    const [link] = await waitFor('a link in the footer', () =>
      Array.from(list?.shadowRoot?.querySelectorAll<HTMLAnchorElement>('[part~="footer"] a') ?? []),
    );
    const view = frame.contentWindow;
    if (!link || !list || !view) throw new Error('no footer link');
    expect(view.getComputedStyle(link).color).to.equal(BS_PRIMARY);
    expect(view.getComputedStyle(list).fontFamily).to.contain('Open Sans');

    doc.documentElement.setAttribute('data-bs-theme', 'dark');
    expect(view.getComputedStyle(link).color).to.equal(BS_DARK_LINK);
    doc.documentElement.setAttribute('data-bs-theme', 'light');
  });
});
