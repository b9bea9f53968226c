/**
 * Prerendered pages under a strict Content Security Policy (no inline styles: prerender-server.js's
 * STRICT_POLICY): the styles in the declarative shadow roots apply when the policy lists their
 * hashes — written by the CLI into the page's CSP <meta>, or taken from `--style-hashes` into a
 * header — and are blocked when it does not (which is what makes the hashes necessary).
 */
import { expect } from '@open-wc/testing';
import { until } from '../harness.js';

const BUILT = new Date(Math.floor((Date.now() - 60_000) / 60_000) * 60_000).toISOString();

type FrameWindow = Window & typeof globalThis & { otelViolations?: string[] };

async function open(csp: string, scripts: boolean): Promise<FrameWindow> {
  const frame = document.createElement('iframe');
  if (!scripts) frame.setAttribute('sandbox', 'allow-same-origin');
  frame.style.width = '800px';
  frame.style.height = '1200px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/__prerendered/strict.html?now=${encodeURIComponent(BUILT)}&tz=Europe/Berlin&csp=${csp}`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as FrameWindow | null;
  if (!win) throw new Error('no frame window');
  return win;
}

/** Whether the list's prerendered styles apply: its live region is visually hidden by them. */
function listStyled(win: Window): boolean {
  const status = win.document.querySelector('otel-event-list')?.shadowRoot?.querySelector('[role="status"]');
  if (!status) throw new Error('no prerendered live region');
  return win.getComputedStyle(status).position === 'absolute';
}

function noticeStyled(win: Window): boolean {
  const root = win.document.querySelector('chatham-notice')?.shadowRoot;
  const base = root?.querySelector('[part~="base"]') ?? root?.firstElementChild;
  if (!base) throw new Error('no prerendered notice');
  // The notice's styles give its box a border; the user agent's give none.
  return win.getComputedStyle(base).borderTopStyle !== 'none';
}

afterEach(() => {
  for (const frame of document.querySelectorAll('iframe')) frame.remove();
});

describe('a prerendered page under a strict Content Security Policy', () => {
  for (const csp of ['meta', 'header-hashed']) {
    it(`${csp === 'meta' ? 'in its <meta>' : 'in a header with the printed hashes'}: styled without JavaScript`, async () => {
      const win = await open(csp, false);
      expect(listStyled(win), 'the list').to.equal(true);
      expect(noticeStyled(win), 'the notice').to.equal(true);
    });

    it(`${csp === 'meta' ? 'in its <meta>' : 'in a header with the printed hashes'}: no violation, and taken over`, async () => {
      const win = await open(csp, true);
      await until(
        () => win.document.querySelector('otel-event-list')?.shadowRoot?.querySelector('style') === null,
        'the list to take over',
        10_000,
      );
      expect(win.otelViolations).to.deep.equal([]);
      expect(listStyled(win)).to.equal(true);
    });
  }

  it('without the hashes: the policy blocks the prerendered styles', async () => {
    const win = await open('header', false);
    expect(listStyled(win), 'the list').to.equal(false);
    expect(noticeStyled(win), 'the notice').to.equal(false);
    const scripted = await open('header', true);
    await until(() => (scripted.otelViolations ?? []).length > 0, 'a violation to be reported', 5_000);
    expect(scripted.otelViolations?.every((v) => v.startsWith('style-src'))).to.equal(true);
  });
});
