import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys, skipUnlessEngineCan } from '../engine.js';
import '../../../src/elements/chatham-notice/define.js';
import {
  CHATHAM_HOUSE_RULE_URL,
  DISMISS_STORAGE_PREFIX,
  OtelDismissEvent,
  type ChathamNotice,
} from '../../../src/elements/chatham-notice/chatham-notice.js';
import { en } from '../../../src/elements/i18n/messages/en.js';
import { registerMessages } from '../../../src/elements/i18n/messages/index.js';
import { loadMessages } from '../../../src/elements/i18n/messages/index.js';

// Catalogs load on first use; these tests read Spanish texts synchronously.
await loadMessages('es');

const realFetch = window.fetch;
let fetchCalls: string[] = [];
let run = 0;

/** A storage key no other test (or earlier run in the same browser profile) has used. */
function uniqueKey(name: string): string {
  return `test-${name}-${Date.now()}-${++run}`;
}

/** Creates the element with attributes (and optional light-DOM wording) and waits for its first render. */
async function mount(
  attributes: Record<string, string> = {},
  options: { parent?: HTMLElement; wording?: string } = {},
): Promise<ChathamNotice> {
  const el = document.createElement('chatham-notice');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (options.wording) {
    const p = document.createElement('span');
    p.textContent = options.wording;
    el.append(p);
  }
  (options.parent ?? document.body).append(el);
  await el.updateComplete;
  return el;
}

function part(el: HTMLElement, name: string): HTMLElement | null {
  return el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
}

function text(el: HTMLElement, name: string): string {
  return part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The rendered text of a node in the flat tree (slotted content included, hidden content not). */
function flatText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return '';
  if (node instanceof HTMLSlotElement) {
    const assigned = node.assignedNodes({ flatten: true });
    return (assigned.length > 0 ? assigned : Array.from(node.childNodes)).map(flatText).join(' ');
  }
  if (!node.checkVisibility()) return '';
  return Array.from(node.childNodes).map(flatText).join(' ');
}

/** What the element shows (slotted wording included). */
function shownText(el: HTMLElement): string {
  const base = part(el, 'base');
  return base ? flatText(base).replace(/\s+/g, ' ').trim() : '';
}

function container(style = ''): HTMLDivElement {
  const div = document.createElement('div');
  div.dataset['test'] = '';
  div.setAttribute('style', style);
  document.body.append(div);
  return div;
}

/** Focuses a button placed just before `el`, so that Tab goes into the element next. */
function focusBefore(el: HTMLElement): HTMLButtonElement {
  const before = document.createElement('button');
  before.textContent = 'before';
  before.dataset['test'] = '';
  el.before(before);
  before.focus();
  return before;
}

beforeEach(() => {
  fetchCalls = [];
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    fetchCalls.push(String(input));
    return realFetch(input, init);
  }) as typeof fetch;
});

afterEach(() => {
  window.fetch = realFetch;
  for (const el of document.querySelectorAll('chatham-notice, [data-test]')) el.remove();
});

describe('<chatham-notice>', () => {
  describe('badge (default)', () => {
    it('is a real button, collapsed, that names the rule; the panel holds the explanation and the source', async () => {
      const el = await mount();
      const button = part(el, 'badge');
      expect(button?.tagName).to.equal('BUTTON');
      expect(button?.getAttribute('type')).to.equal('button');
      expect(text(el, 'badge')).to.equal(en.chathamTitle);
      expect(button?.getAttribute('aria-expanded')).to.equal('false');
      const panel = part(el, 'panel');
      expect(button?.getAttribute('aria-controls')).to.equal(panel?.id);
      expect(el.shadowRoot?.getElementById(panel?.id ?? '')).to.equal(panel);
      expect(panel?.hidden).to.equal(true);
      expect(panel?.getBoundingClientRect().height).to.equal(0);
      expect(text(el, 'text')).to.equal(en.chathamRule);
      const source = part(el, 'source') as HTMLAnchorElement;
      expect(source.href).to.equal(CHATHAM_HOUSE_RULE_URL);
      expect(source.rel).to.equal('noopener noreferrer');
      expect(source.target).to.equal('_blank');
      expect(source.textContent?.trim()).to.equal(en.chathamSource);
      expect(part(el, 'lines')).to.equal(null);
      expect(part(el, 'title')).to.equal(null);
    });

    it('keyboard: Tab reaches the button, Enter and Space toggle, aria-expanded follows, Escape closes and focus returns', async () => {
      const el = await mount();
      const button = part(el, 'badge');
      const panel = part(el, 'panel');
      focusBefore(el);
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot?.activeElement).to.equal(button);

      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(button?.getAttribute('aria-expanded')).to.equal('true');
      expect(panel?.hidden).to.equal(false);
      expect(el.open).to.equal(true);
      expect(el.hasAttribute('open')).to.equal(true);
      expect(shownText(el)).to.contain(en.chathamRule);

      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(button?.getAttribute('aria-expanded')).to.equal('false');
      expect(panel?.hidden).to.equal(true);

      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(button?.getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(button?.getAttribute('aria-expanded')).to.equal('false');

      // Open, move into the panel (the source link), Escape: closed, focus back on the button.
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot?.activeElement).to.equal(part(el, 'source'));
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(button?.getAttribute('aria-expanded')).to.equal('false');
      expect(panel?.hidden).to.equal(true);
      expect(el.shadowRoot?.activeElement).to.equal(button);
      expect(document.activeElement).to.equal(el);
    });

    it('Escape while closed does nothing and lets the key through', async () => {
      const el = await mount();
      const seen: string[] = [];
      const listener = (e: KeyboardEvent): void => {
        seen.push(e.key);
      };
      document.addEventListener('keydown', listener);
      part(el, 'badge')?.focus();
      await sendKeys({ press: 'Escape' });
      document.removeEventListener('keydown', listener);
      expect(seen).to.deep.equal(['Escape']);
      expect(el.open).to.equal(false);
    });

    it('Escape while open is handled once: an enclosing dialog does not see it', async () => {
      const el = await mount({ open: '' });
      const seen: string[] = [];
      const listener = (e: KeyboardEvent): void => {
        seen.push(e.key);
      };
      document.addEventListener('keydown', listener);
      part(el, 'badge')?.focus();
      await sendKeys({ press: 'Escape' });
      document.removeEventListener('keydown', listener);
      expect(seen).to.deep.equal([]);
      expect(el.open).to.equal(false);
    });

    it('recorded: the badge reads "Recorded session" and the panel explains the recording', async () => {
      const el = await mount({ recorded: '', open: '' });
      expect(text(el, 'badge')).to.equal(en.recordedTitle);
      expect(text(el, 'text')).to.equal(en.recordedText);
      expect(shownText(el)).not.to.contain(en.chathamRule);
    });

    it('accessible collapsed and expanded', async () => {
      const el = await mount({ 'no-recording': '', 'no-leads': '' });
      await expect(el).to.be.accessible();
      el.open = true;
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });

  describe('inline', () => {
    it('is a note with the rule in plain words always visible', async () => {
      const el = await mount({ variant: 'inline' });
      const base = part(el, 'base');
      expect(base?.getAttribute('role')).to.equal('note');
      expect(text(el, 'title')).to.equal(en.chathamTitle);
      expect(text(el, 'text')).to.equal(en.chathamRule);
      expect(shownText(el)).to.contain(en.chathamRule);
      expect(part(el, 'badge')).to.equal(null);
      expect(part(el, 'dismiss')).to.equal(null);
      expect((part(el, 'source') as HTMLAnchorElement).href).to.equal(CHATHAM_HOUSE_RULE_URL);
      await expect(el).to.be.accessible();
    });

    it('recorded', async () => {
      const el = await mount({ variant: 'inline', recorded: '' });
      expect(text(el, 'title')).to.equal(en.recordedTitle);
      expect(text(el, 'text')).to.equal(en.recordedText);
      expect(shownText(el)).not.to.contain('Chatham');
      await expect(el).to.be.accessible();
    });
  });

  describe('optional lines', () => {
    it('no-recording and no-leads add their lines', async () => {
      const el = await mount({ variant: 'inline', 'no-recording': '', 'no-leads': '' });
      const items = Array.from(part(el, 'lines')?.querySelectorAll('li') ?? []).map((li) => li.textContent?.trim());
      expect(part(el, 'lines')?.tagName).to.equal('UL');
      expect(items).to.deep.equal([en.chathamNoRecording, en.chathamNoLeads]);

      const one = await mount({ variant: 'inline', 'no-leads': '' });
      expect(
        Array.from(part(one, 'lines')?.querySelectorAll('li') ?? []).map((li) => li.textContent?.trim()),
      ).to.deep.equal([en.chathamNoLeads]);

      el.noLeads = false;
      el.noRecording = false;
      await el.updateComplete;
      expect(part(el, 'lines')).to.equal(null);
    });

    it('a recorded session never says it is not recorded', async () => {
      const el = await mount({ variant: 'inline', recorded: '', 'no-recording': '', 'no-leads': '' });
      expect(text(el, 'lines')).to.equal(en.chathamNoLeads);
    });
  });

  describe('source link', () => {
    it('source-url overrides the link; only http(s) is accepted', async () => {
      const el = await mount({ variant: 'inline', 'source-url': 'https://example.org/rules#chatham' });
      expect((part(el, 'source') as HTMLAnchorElement).href).to.equal('https://example.org/rules#chatham');
      el.sourceUrl = 'javascript:alert(1)';
      await el.updateComplete;
      expect((part(el, 'source') as HTMLAnchorElement).href).to.equal(CHATHAM_HOUSE_RULE_URL);
      el.sourceUrl = 'data:text/html,hi';
      await el.updateComplete;
      expect((part(el, 'source') as HTMLAnchorElement).href).to.equal(CHATHAM_HOUSE_RULE_URL);
      el.sourceUrl = 'http://example.org/x';
      await el.updateComplete;
      expect((part(el, 'source') as HTMLAnchorElement).href).to.equal('http://example.org/x');
    });
  });

  describe('slot', () => {
    it('replaces the wording; the title, lines and link stay', async () => {
      const wording = 'Lo que se dice aquí puede usarse, pero sin decir quién lo dijo.';
      const el = await mount({ variant: 'inline', 'no-leads': '' }, { wording });
      expect(shownText(el)).to.contain(wording);
      expect(shownText(el)).not.to.contain(en.chathamRule);
      expect(text(el, 'title')).to.equal(en.chathamTitle);
      expect(text(el, 'lines')).to.equal(en.chathamNoLeads);
      expect(part(el, 'source')).not.to.equal(null);
      const slot = part(el, 'text')?.querySelector('slot');
      expect(slot?.assignedNodes().map((n) => n.textContent)).to.deep.equal([wording]);
    });

    it('wording added after the first render replaces the rule; whitespace alone does not', async () => {
      const el = await mount({ variant: 'inline' });
      el.append(document.createTextNode('\n   \n'));
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(shownText(el)).to.contain(en.chathamRule);
      const span = document.createElement('span');
      span.textContent = 'Our own words.';
      el.append(span);
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(shownText(el)).to.contain('Our own words.');
      expect(shownText(el)).not.to.contain(en.chathamRule);
    });

    it('in the badge panel too', async () => {
      const el = await mount({ open: '' }, { wording: 'Custom wording.' });
      expect(shownText(el)).to.contain('Custom wording.');
      expect(shownText(el)).not.to.contain(en.chathamRule);
      await expect(el).to.be.accessible();
    });
  });

  describe('banner', () => {
    it('renders in the flow, full width, with a labelled Dismiss button', async () => {
      const key = uniqueKey('render');
      const wrapper = container('width: 600px');
      const el = await mount({ variant: 'banner', 'storage-key': key }, { parent: wrapper });
      const base = part(el, 'base');
      expect(base?.tagName).to.equal('SECTION');
      expect(text(el, 'title')).to.equal(en.chathamTitle);
      expect(text(el, 'text')).to.equal(en.chathamRule);
      const dismiss = part(el, 'dismiss');
      expect(dismiss?.tagName).to.equal('BUTTON');
      expect(dismiss?.getAttribute('aria-label')).to.equal(en.dismiss);
      const style = getComputedStyle(base ?? el);
      expect(style.position).to.equal('static');
      expect(getComputedStyle(el).position).to.equal('static');
      expect(base?.getBoundingClientRect().width).to.equal(600);
      expect(el.dismissed).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('dismissed with the keyboard: persists for a re-created element with the same key, not for another key', async () => {
      const key = uniqueKey('persist');
      const el = await mount({ variant: 'banner', 'storage-key': key });
      const events: OtelDismissEvent[] = [];
      document.body.addEventListener('otel-dismiss', (e) => events.push(e), { once: true });
      focusBefore(el);
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot?.activeElement).to.equal(part(el, 'source'));
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot?.activeElement).to.equal(part(el, 'dismiss'));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;

      expect(el.dismissed).to.equal(true);
      expect(el.shadowRoot?.children.length).to.equal(0);
      expect(el.getBoundingClientRect().height).to.equal(0);
      expect(el.matches(':state(dismissed)')).to.equal(true);
      expect(getComputedStyle(el).display).to.equal('none');
      expect(events).to.have.length(1);
      expect(events[0]).to.be.instanceOf(OtelDismissEvent);
      expect(events[0]?.key).to.equal(DISMISS_STORAGE_PREFIX + key);
      expect(events[0]?.persisted).to.equal(true);
      expect(events[0]?.bubbles).to.equal(true);
      expect(events[0]?.composed).to.equal(true);
      expect(localStorage.getItem(DISMISS_STORAGE_PREFIX + key)).not.to.equal(null);
      el.remove();

      const again = await mount({ variant: 'banner', 'storage-key': key });
      expect(again.dismissed).to.equal(true);
      expect(part(again, 'base')).to.equal(null);

      const other = await mount({ variant: 'banner', 'storage-key': uniqueKey('other') });
      expect(other.dismissed).to.equal(false);
      expect(part(other, 'dismiss')).not.to.equal(null);
      localStorage.removeItem(DISMISS_STORAGE_PREFIX + key);
    });

    it('also persists when only localStorage remembers it (a new page view)', async () => {
      const key = uniqueKey('stored');
      localStorage.setItem(DISMISS_STORAGE_PREFIX + key, '1');
      const el = await mount({ variant: 'banner', 'storage-key': key });
      expect(el.dismissed).to.equal(true);
      expect(part(el, 'base')).to.equal(null);
      localStorage.removeItem(DISMISS_STORAGE_PREFIX + key);
    });

    it('without storage-key, the page path is the key', async () => {
      const el = await mount({ variant: 'banner' });
      expect(el.dismissKey).to.equal(DISMISS_STORAGE_PREFIX + location.pathname);
    });

    it('storage that throws (privacy mode, sandboxed iframe) still dismisses for this page view', async () => {
      const key = uniqueKey('throws');
      const descriptor = Object.getOwnPropertyDescriptor(window, 'localStorage');
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
      try {
        const el = await mount({ variant: 'banner', 'storage-key': key });
        expect(part(el, 'dismiss')).not.to.equal(null);
        let event: OtelDismissEvent | undefined;
        el.addEventListener('otel-dismiss', (e) => (event = e));
        part(el, 'dismiss')?.click();
        await el.updateComplete;
        expect(el.dismissed).to.equal(true);
        expect(part(el, 'base')).to.equal(null);
        expect(event?.persisted).to.equal(false);
        el.remove();
        // Same page view: a re-created banner stays dismissed.
        const again = await mount({ variant: 'banner', 'storage-key': key });
        expect(part(again, 'base')).to.equal(null);
      } finally {
        if (descriptor) Object.defineProperty(window, 'localStorage', descriptor);
        else delete (window as { localStorage?: Storage }).localStorage;
      }
      expect(localStorage.getItem(DISMISS_STORAGE_PREFIX + key)).to.equal(null);
    });

    it('setItem that throws (quota) still dismisses', async () => {
      const key = uniqueKey('quota');
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = () => {
        throw new DOMException('Quota exceeded', 'QuotaExceededError');
      };
      try {
        const el = await mount({ variant: 'banner', 'storage-key': key });
        el.dismiss();
        await el.updateComplete;
        expect(el.dismissed).to.equal(true);
        expect(part(el, 'base')).to.equal(null);
      } finally {
        Storage.prototype.setItem = setItem;
      }
    });

    it('recorded banner', async () => {
      const el = await mount({ variant: 'banner', recorded: '', 'storage-key': uniqueKey('recorded') });
      expect(text(el, 'title')).to.equal(en.recordedTitle);
      expect(text(el, 'text')).to.equal(en.recordedText);
      await expect(el).to.be.accessible();
    });

    it('dismiss() does nothing on the other variants', async () => {
      const el = await mount({ variant: 'inline' });
      el.dismiss();
      await el.updateComplete;
      expect(el.dismissed).to.equal(false);
      expect(part(el, 'base')).not.to.equal(null);
    });
  });

  describe('language', () => {
    it('lang="es" renders without breaking: the Spanish catalog when there is one, else the English wording marked lang="en"', async () => {
      const el = await mount({ variant: 'inline', lang: 'es', 'no-leads': '' });
      // Either a Spanish catalog (added elsewhere) or the English text: never empty, never a key.
      for (const name of ['title', 'text', 'lines', 'source']) {
        const t = text(el, name);
        expect(t, name).not.to.equal('');
        expect(t, name).not.to.match(/^(chatham|recorded)[A-Z]/);
      }
      const textPart = part(el, 'text');
      if (text(el, 'text') === en.chathamRule) expect(textPart?.getAttribute('lang')).to.equal('en');
      else expect(textPart?.hasAttribute('lang')).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('a language without a catalog shows the English wording, marked lang="en" for screen readers', async () => {
      const el = await mount({ variant: 'inline', lang: 'kl', 'no-leads': '' });
      expect(text(el, 'title')).to.equal(en.chathamTitle);
      expect(text(el, 'text')).to.equal(en.chathamRule);
      for (const name of ['title', 'text', 'source']) expect(part(el, name)?.getAttribute('lang'), name).to.equal('en');
      expect(part(el, 'lines')?.querySelector('li')?.getAttribute('lang')).to.equal('en');
    });

    it('a partial catalog: translated strings are not marked, English fallbacks are', async () => {
      registerMessages('tlh', { chathamTitle: 'Chatham House chut' });
      const el = await mount({ variant: 'inline', lang: 'tlh' });
      expect(text(el, 'title')).to.equal('Chatham House chut');
      expect(part(el, 'title')?.hasAttribute('lang')).to.equal(false);
      expect(part(el, 'text')?.getAttribute('lang')).to.equal('en');
    });

    it('slotted wording is never marked as English', async () => {
      const el = await mount({ variant: 'inline', lang: 'kl' }, { wording: 'Own words.' });
      expect(part(el, 'text')?.hasAttribute('lang')).to.equal(false);
    });

    it('English pages get no lang overrides', async () => {
      const el = await mount({ variant: 'inline', lang: 'en-GB', 'no-leads': '' });
      expect(el.shadowRoot?.querySelectorAll('[lang]').length).to.equal(0);
    });

    it('follows the closest [lang] and re-renders when it changes', async () => {
      registerMessages('tlh', { chathamTitle: 'Chatham House chut' });
      const wrapper = container();
      wrapper.lang = 'en';
      const el = await mount({}, { parent: wrapper });
      expect(text(el, 'badge')).to.equal(en.chathamTitle);
      wrapper.lang = 'tlh';
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(text(el, 'badge')).to.equal('Chatham House chut');
      el.lang = 'en';
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(text(el, 'badge')).to.equal(en.chathamTitle);
    });
  });

  describe('dark and forced colours', () => {
    it('in a color-scheme: dark container: dark accent, accessible in every variant and state', async () => {
      const dark = container('color-scheme: dark; background: Canvas; color: CanvasText');
      const badge = await mount({ 'no-leads': '' }, { parent: dark });
      const inline = await mount({ variant: 'inline', 'no-recording': '' }, { parent: dark });
      const banner = await mount({ variant: 'banner', 'storage-key': uniqueKey('dark') }, { parent: dark });
      expect(getComputedStyle(part(inline, 'source') ?? inline).color).to.equal('rgb(159, 168, 255)');
      await expect(badge).to.be.accessible();
      badge.open = true;
      await badge.updateComplete;
      await expect(badge).to.be.accessible();
      await expect(inline).to.be.accessible();
      await expect(banner).to.be.accessible();
    });

    it('forced colours: borders and buttons use system colours', async () => {
      // Chromium under puppeteer cannot emulate forced-colors, so read the rules the element adopts.
      const el = await mount({ variant: 'inline' });
      const rules = (el.shadowRoot?.adoptedStyleSheets ?? []).flatMap((sheet) => Array.from(sheet.cssRules));
      const forced = rules.filter(
        (r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText.includes('forced-colors: active'),
      );
      const inner = forced
        .flatMap((m) => Array.from(m.cssRules))
        .filter((r): r is CSSStyleRule => r instanceof CSSStyleRule);
      const borderOf = (selector: string): string | undefined =>
        inner
          .find((r) => r.selectorText.split(',').some((s) => s.trim().replaceAll('"', "'") === selector))
          ?.style.borderColor.toLowerCase();
      expect(borderOf("[part='panel']")).to.equal('canvastext');
      expect(borderOf('.inline')).to.equal('canvastext');
      expect(borderOf('.banner')).to.equal('canvastext');
      expect(borderOf("[part='badge']")).to.equal('buttontext');
      expect(borderOf("[part='dismiss']")).to.equal('buttontext');
      // Nothing is ever fixed or sticky over the page.
      for (const r of rules.filter((x): x is CSSStyleRule => x instanceof CSSStyleRule))
        expect(r.style.position, r.selectorText).not.to.be.oneOf(['fixed', 'sticky']);
    });

    it('reduced motion: the panel appears without animation', async function () {
      await skipUnlessEngineCan(this, 'emulate prefers-reduced-motion');
      const el = await mount({ open: '' });
      const panel = part(el, 'panel') as HTMLElement;
      expect(getComputedStyle(panel).animationName).to.equal('reveal');
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        expect(getComputedStyle(panel).animationName).to.equal('none');
        const before = getComputedStyle(part(el, 'badge') as HTMLElement, '::before');
        expect(before.transitionDuration).to.equal('0s');
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });

    it('light: the light accent', async () => {
      const el = await mount({ variant: 'inline' });
      expect(getComputedStyle(part(el, 'source') ?? el).color).to.equal('rgb(63, 81, 181)');
    });
  });

  it('makes no network requests', async () => {
    const started = performance.now();
    const els = [
      await mount(),
      await mount({ open: '', recorded: '' }),
      await mount({ variant: 'inline', 'no-recording': '', 'no-leads': '' }),
      await mount({ variant: 'banner', 'storage-key': uniqueKey('network') }),
    ];
    const [badge] = els;
    if (badge) {
      badge.open = true;
      await badge.updateComplete;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetchCalls).to.deep.equal([]);
    const resources = performance.getEntriesByType('resource').filter((e) => e.startTime >= started);
    expect(resources.map((e) => e.name)).to.deep.equal([]);
  });
});
