/**
 * WCAG 2.2 AA across the three elements: axe in every state × theme, colour contrast of the key
 * pairs computed from the rendered colours, right-to-left layout and bidi isolation, reflow at
 * 320 CSS px and at 200% text size, keyboard order and visible focus, the live region, reduced
 * motion and forced colours.
 *
 * Forced colours and the media-query theme need the runner to emulate a media feature, which it
 * cannot do in every engine (tests/browser/engine-limits.js): where it cannot, the forced-colours
 * rules are checked at the CSS level, and the dark theme is tested through `color-scheme: dark`.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia, engineCan, sendKeys, setViewport, skipUnlessEngineCan } from '../engine.js';
import type { CSSResult } from 'lit';
import { clearCalendarCache } from '../../../src/calendar/fetch.js';
import '../../../src/elements/chatham-notice/define.js';
import { chathamNoticeStyles } from '../../../src/elements/chatham-notice/chatham-notice.styles.js';
import '../../../src/elements/discussion-card/define.js';
import { discussionCardStyles } from '../../../src/elements/discussion-card/discussion-card.styles.js';
import '../../../src/elements/event-list/define.js';
import { eventListStyles } from '../../../src/elements/event-list/event-list.styles.js';
import { statusStyles } from '../../../src/elements/styles/status.styles.js';
import type { OtelEventList } from '../../../src/elements/event-list/event-list.js';
import { tokenStyles } from '../../../src/elements/styles/tokens.styles.js';
import { controlStyles } from '../../../src/elements/styles/controls.styles.js';
import { forgetLoadedCalendars, persistedWritesSettled } from '../../../src/elements/data/load.js';
import { mount, openDetails, parts } from '../harness.js';

const realFetch = window.fetch;
const NOW = Date.parse('2026-11-16T12:00:00Z');
/** Half an hour into the Arabic-titled event of rtl.ics: "Happening now" is shown. */
const DURING = Date.parse('2026-11-17T15:30:00Z');
const CARD_NOW = Date.parse('2026-11-10T12:00:00Z');
const EMEA = { rrule: 'FREQ=MONTHLY;BYDAY=3TU', dtstart: '2024-01-16T11:00', timezone: 'Europe/Berlin' };

// ---------------------------------------------------------------------------------------------
// Fetch: hanging (loading), failing (error) and fail-on-refresh (stale) calendars.

const failing = new Set<string>();
let unique = 0;

function installFetch(): void {
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.includes('/a11y/hang')) {
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      });
    }
    if (url.includes('/a11y/error')) return Promise.resolve(new Response('busy', { status: 503 }));
    if (url.includes('/a11y/stale')) {
      const path = new URL(url, location.href).pathname;
      return failing.has(path)
        ? Promise.reject(new TypeError('Failed to fetch'))
        : realFetch('/tests/fixtures/overrides.ics', init);
    }
    return realFetch(input, init);
  }) as typeof fetch;
}

// ---------------------------------------------------------------------------------------------
// Themes

type Theme = 'light' | 'dark (color-scheme wrapper)' | 'dark (prefers-color-scheme)';
const THEMES: readonly Theme[] = ['light', 'dark (color-scheme wrapper)', 'dark (prefers-color-scheme)'];

/**
 * A page that follows the reader's preference, as a real site would (`:root { color-scheme: light
 * dark }`). The canvas then turns dark by itself; `background: Canvas` paints that same colour on
 * the root explicitly, because axe assumes white behind a transparent <html> and would measure
 * the dark-scheme colours against white. The rendering is the same either way (the contrast
 * checks below compute against the real canvas colour).
 */
const rootScheme = document.createElement('style');
rootScheme.textContent = ':root { color-scheme: light dark; background: Canvas; }';

/**
 * A wrapper for one theme. Light and the dark wrapper paint their own background with the
 * scheme's system colours (a page that turns a region dark gives it a dark background too); the
 * media-query theme inherits the page's canvas, which follows `prefers-color-scheme`.
 */
async function themed(theme: Theme, attributes: Record<string, string> = {}): Promise<HTMLDivElement> {
  const wrapper = document.createElement('div');
  wrapper.dataset['a11y'] = '';
  for (const [name, value] of Object.entries(attributes)) wrapper.setAttribute(name, value);
  if (theme === 'light')
    wrapper.style.cssText = 'color-scheme: light; background: Canvas; color: CanvasText; padding: 8px;';
  if (theme === 'dark (color-scheme wrapper)')
    wrapper.style.cssText = 'color-scheme: dark; background: Canvas; color: CanvasText; padding: 8px;';
  if (theme === 'dark (prefers-color-scheme)') {
    await emulateMedia({ colorScheme: 'dark' });
    expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
  } else {
    await emulateMedia({ colorScheme: 'light' });
  }
  document.body.append(wrapper);
  return wrapper;
}

/** Skips a test of the media-query theme in the engines where the runner cannot emulate it. */
async function skipUnlessThemeEmulated(context: Mocha.Context, theme: Theme): Promise<void> {
  if (theme === 'dark (prefers-color-scheme)') await skipUnlessEngineCan(context, 'emulate prefers-color-scheme');
}

// ---------------------------------------------------------------------------------------------
// Mounting

type Kind = 'otel-event-list' | 'otel-discussion-card' | 'chatham-notice';

interface Variant {
  readonly kind: Kind;
  readonly name: string;
  /** Creates the element in `parent` and resolves once it shows the state. */
  readonly mount: (parent: HTMLElement) => Promise<HTMLElement>;
}

/** Waits for `otel-load` / `otel-error` (listeners attached before connecting), then for rendering. */
async function mountData(
  tag: 'otel-event-list' | 'otel-discussion-card',
  parent: HTMLElement,
  attributes: Record<string, string>,
  now: number,
  wait = true,
): Promise<HTMLElement> {
  const { el, done } = mount(tag, attributes, now, parent);
  if (wait) await done;
  await settle(el);
  return el;
}

/** Waits for the element and every element nested in its shadow root to finish rendering. */
async function settle(el: HTMLElement): Promise<void> {
  await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  for (const nested of el.shadowRoot?.querySelectorAll<HTMLElement>('chatham-notice') ?? []) await settle(nested);
  // Animations that end (a panel fading in) finished: midway, text is nearly its background's colour.
  const ending = (el.shadowRoot?.getAnimations() ?? []).filter(
    (a) => a.effect?.getComputedTiming().endTime !== Infinity,
  );
  await Promise.all(ending.map((a) => a.finished.catch(() => undefined)));
  // A task, not a frame: a page in a background tab (test files run side by side) gets no frames.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

async function mountNotice(parent: HTMLElement, attributes: Record<string, string>): Promise<HTMLElement> {
  const el = document.createElement('chatham-notice');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  parent.append(el);
  await settle(el);
  return el;
}

const VARIANTS: readonly Variant[] = [
  {
    kind: 'otel-event-list',
    name: 'loading',
    mount: (p) => mountData('otel-event-list', p, { src: `/a11y/hang-${++unique}.ics` }, NOW, false),
  },
  {
    kind: 'otel-event-list',
    name: 'error',
    mount: (p) =>
      mountData(
        'otel-event-list',
        p,
        { src: `/a11y/error-${++unique}.ics`, 'calendar-url': 'https://example.org/calendar' },
        NOW,
      ),
  },
  {
    kind: 'otel-event-list',
    name: 'empty',
    mount: (p) =>
      mountData(
        'otel-event-list',
        p,
        { src: '/tests/fixtures/dates.ics', timezone: 'UTC', days: '5', lang: 'en-GB' },
        Date.parse('2027-02-02T00:00:00Z'),
      ),
  },
  {
    kind: 'otel-event-list',
    name: 'loaded',
    // Two calendars: host times, "Happening now", join links, descriptions and "More info".
    mount: (p) =>
      mountData(
        'otel-event-list',
        p,
        { src: '/tests/fixtures/overrides.ics /tests/fixtures/rtl.ics', timezone: 'UTC', lang: 'en-GB', limit: '6' },
        DURING,
      ),
  },
  {
    kind: 'otel-event-list',
    name: 'stale',
    mount: async (p) => {
      const path = `/a11y/stale-${++unique}.ics`;
      const el = (await mountData(
        'otel-event-list',
        p,
        { src: path, timezone: 'UTC', limit: '3' },
        NOW,
      )) as OtelEventList;
      failing.add(path);
      await el.reload();
      await settle(el);
      expect(el.shadowRoot?.querySelector('[part="stale"]'), 'stale notice').not.to.equal(null);
      return el;
    },
  },
  {
    kind: 'otel-event-list',
    // A new page view while offline: the copy persisted by an earlier view, with its age and Retry.
    name: 'saved copy, offline (with its age)',
    mount: async (p) => {
      const path = `/a11y/stale-${++unique}.ics`;
      const earlier = await mountData('otel-event-list', p, { src: path, timezone: 'UTC', limit: '3' }, NOW);
      await persistedWritesSettled();
      earlier.remove();
      forgetLoadedCalendars();
      failing.add(path);
      const el = await mountData('otel-event-list', p, { src: path, timezone: 'UTC', limit: '3' }, NOW);
      expect(el.shadowRoot?.querySelector('[part="stale"]')?.textContent, 'saved-copy notice').to.match(/saved .+ ago/);
      expect(el.shadowRoot?.querySelector('[part="retry"]'), 'Retry').not.to.equal(null);
      return el;
    },
  },
  {
    kind: 'otel-event-list',
    // A feed with unreadable parts: the rest is shown, with the problems in words (opened).
    name: 'loaded, with feed warnings',
    mount: async (p) => {
      const el = await mountData(
        'otel-event-list',
        p,
        { src: '/tests/fixtures/malformed.ics', timezone: 'UTC', days: '365' },
        NOW,
      );
      const note = el.shadowRoot?.querySelector<HTMLDetailsElement>('[part="warnings"]');
      expect(note, 'warnings note').not.to.equal(null);
      if (note) note.open = true;
      await settle(el);
      return el;
    },
  },
  {
    kind: 'otel-event-list',
    name: 'loaded, show-cancelled',
    mount: (p) =>
      mountData(
        'otel-event-list',
        p,
        {
          src: '/tests/fixtures/overrides.ics',
          timezone: 'UTC',
          filter: 'SIG A',
          days: '40',
          limit: '50',
          'show-cancelled': '',
        },
        NOW,
      ),
  },
  {
    kind: 'otel-discussion-card',
    name: 'inline schedule, loaded',
    mount: (p) =>
      mountData(
        'otel-discussion-card',
        p,
        {
          heading: 'End User Discussion Group — EMEA',
          ...EMEA,
          region: 'EMEA',
          lang: 'en-GB',
          chatham: '',
          recorded: '',
          'join-url': 'https://zoom.us/j/111',
          'slack-url': 'https://example.org/slack',
          'notes-url': 'https://example.org/notes',
          'display-timezone': 'UTC',
        },
        CARD_NOW,
      ),
  },
  {
    kind: 'otel-discussion-card',
    name: 'calendar, loaded with a cancelled session',
    mount: (p) =>
      mountData(
        'otel-discussion-card',
        p,
        {
          heading: 'End User Discussion Group — EMEA',
          region: 'EMEA',
          src: '/tests/fixtures/discussion-groups.ics',
          match: 'EMEA',
          lang: 'en-GB',
          'display-timezone': 'UTC',
          chatham: '',
        },
        CARD_NOW,
      ),
  },
  {
    kind: 'otel-discussion-card',
    name: 'loading',
    mount: (p) =>
      mountData(
        'otel-discussion-card',
        p,
        { heading: 'End User Discussion Group — EMEA', src: `/a11y/hang-${++unique}.ics`, match: 'EMEA' },
        CARD_NOW,
        false,
      ),
  },
  {
    kind: 'otel-discussion-card',
    // No heading attribute or slot, no match, no region: named "Discussion group", never an empty heading.
    name: 'inline schedule, no heading',
    mount: async (p) => {
      const el = await mountData('otel-discussion-card', p, { ...EMEA, lang: 'en-GB' }, CARD_NOW);
      expect(el.shadowRoot?.querySelector('[part="title"]')?.textContent?.trim()).to.equal('Discussion group');
      return el;
    },
  },
  {
    kind: 'otel-discussion-card',
    // The heading slot: a name with markup of its own (a link and an abbreviation).
    name: 'calendar, heading slot',
    mount: async (p) => {
      const holder = document.createElement('div');
      holder.innerHTML =
        '<span slot="heading"><a href="https://example.org/eu">End User group</a> — <abbr title="Europe, Middle East and Africa">EMEA</abbr></span>';
      const { el, done } = mount(
        'otel-discussion-card',
        { src: '/tests/fixtures/discussion-groups.ics', match: 'EMEA', lang: 'en-GB', 'display-timezone': 'UTC' },
        CARD_NOW,
        p,
      );
      el.append(...holder.childNodes);
      await done;
      await settle(el);
      return el;
    },
  },
  {
    kind: 'otel-discussion-card',
    name: 'error',
    mount: (p) =>
      mountData(
        'otel-discussion-card',
        p,
        { heading: 'End User Discussion Group — EMEA', src: `/a11y/error-${++unique}.ics`, match: 'EMEA' },
        CARD_NOW,
      ),
  },
  {
    kind: 'otel-discussion-card',
    name: 'empty',
    mount: (p) =>
      mountData(
        'otel-discussion-card',
        p,
        {
          heading: 'End User Discussion Group — Nowhere',
          src: '/tests/fixtures/discussion-groups.ics',
          match: 'No such group',
          lang: 'en-GB',
        },
        CARD_NOW,
      ),
  },
  {
    kind: 'chatham-notice',
    name: 'badge, collapsed',
    mount: (p) => mountNotice(p, { variant: 'badge', 'no-recording': '', 'no-leads': '' }),
  },
  {
    kind: 'chatham-notice',
    name: 'badge, expanded',
    mount: (p) => mountNotice(p, { variant: 'badge', open: '', 'no-recording': '', 'no-leads': '' }),
  },
  {
    kind: 'chatham-notice',
    name: 'inline',
    mount: (p) => mountNotice(p, { variant: 'inline', 'no-recording': '', 'no-leads': '' }),
  },
  {
    kind: 'chatham-notice',
    name: 'banner',
    mount: (p) =>
      mountNotice(p, {
        variant: 'banner',
        'storage-key': `a11y-${Date.now()}-${++unique}`,
        'no-recording': '',
        'no-leads': '',
      }),
  },
  {
    kind: 'chatham-notice',
    name: 'recorded',
    mount: (p) => mountNotice(p, { variant: 'inline', recorded: '', 'no-leads': '' }),
  },
  {
    kind: 'chatham-notice',
    name: 'recorded, badge expanded',
    mount: (p) => mountNotice(p, { variant: 'badge', recorded: '', open: '' }),
  },
];

function variant(kind: Kind, name: string): Variant {
  const found = VARIANTS.find((v) => v.kind === kind && v.name === name);
  if (!found) throw new Error(`no variant ${kind} ${name}`);
  return found;
}

// ---------------------------------------------------------------------------------------------
// DOM helpers

function part(root: HTMLElement, name: string): HTMLElement {
  const found = parts(root, name)[0];
  if (!found) throw new Error(`no part ${name} in <${root.localName}>`);
  return found;
}

/** Every element in an element's shadow tree, nested shadow trees included. */
function shadowElements(root: Element): Element[] {
  const out: Element[] = [];
  const walk = (node: Element | ShadowRoot): void => {
    for (const child of Array.from(node.children)) {
      out.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
      walk(child);
    }
  };
  if (root.shadowRoot) walk(root.shadowRoot);
  return out;
}

function parentOrHost(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  if (root instanceof ShadowRoot) return root.host;
  if (node.parentNode instanceof ShadowRoot) return node.parentNode.host;
  return null;
}

/** The focused element, looking into shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

// ---------------------------------------------------------------------------------------------
// Colour

type RGBA = readonly [number, number, number, number];

const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true });

/** A computed colour (`rgb()`, `rgba()`, `color(srgb …)`, anything else via a canvas) as 0–255 channels and alpha. */
function parseColor(value: string): RGBA {
  const rgb = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), alpha(rgb[4])];
  const srgb = /^color\(srgb\s+([-\d.e]+)\s+([-\d.e]+)\s+([-\d.e]+)(?:\s*\/\s*([\d.]+%?))?\s*\)$/.exec(value);
  if (srgb) return [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255, alpha(srgb[4])];
  if (!probe) throw new Error(`cannot parse colour ${value}`);
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = value;
  probe.fillRect(0, 0, 1, 1);
  const [r = 0, g = 0, b = 0, a = 0] = probe.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
}

function alpha(value: string | undefined): number {
  if (value === undefined) return 1;
  return value.endsWith('%') ? Number(value.slice(0, -1)) / 100 : Number(value);
}

function over(top: RGBA, bottom: RGBA): RGBA {
  const a = top[3];
  return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
}

function luminance([r, g, b]: RGBA): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function ratio(a: RGBA, b: RGBA): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour the page's canvas is painted with (follows the root's color-scheme). */
function canvasColor(): RGBA {
  const div = document.createElement('div');
  div.style.cssText = 'background: Canvas; position: absolute;';
  document.documentElement.append(div);
  const color = parseColor(getComputedStyle(div).backgroundColor);
  div.remove();
  return color;
}

/** The opaque colour behind an element: its own background and its ancestors' (across shadow roots), composited. */
function backdrop(el: Element, includeSelf = true): RGBA {
  const layers: RGBA[] = [];
  let node: Element | null = includeSelf ? el : parentOrHost(el);
  while (node) {
    const color = parseColor(getComputedStyle(node).backgroundColor);
    if (color[3] > 0) layers.push(color);
    if (color[3] >= 1) break;
    node = parentOrHost(node);
  }
  let result = layers.length > 0 && layers[layers.length - 1]?.[3] === 1 ? (layers.pop() as RGBA) : canvasColor();
  for (const layer of layers.reverse()) result = over(layer, result);
  return result;
}

interface Pair {
  readonly label: string;
  readonly ratio: number;
  readonly min: number;
}

/** Text colour of `el` against what is behind it. */
function textPair(label: string, el: Element, min = 4.5): Pair {
  const bg = backdrop(el);
  return { label, ratio: ratio(over(parseColor(getComputedStyle(el).color), bg), bg), min };
}

/** A control's boundary (its border, or its fill when filled) against what is around it. */
function boundaryPair(label: string, el: Element, min = 3): Pair {
  const style = getComputedStyle(el);
  const outside = backdrop(el, false);
  const fill = parseColor(style.backgroundColor);
  const border = parseColor(style.borderInlineStartColor);
  const hasBorder = parseFloat(style.borderInlineStartWidth) > 0;
  const edge = hasBorder ? over(border, fill[3] > 0 ? over(fill, outside) : outside) : over(fill, outside);
  return { label, ratio: ratio(edge, outside), min };
}

/** The colour `color` (e.g. the focus ring or an accent edge) against `el`'s backdrop. */
function colorPair(label: string, color: string, el: Element, min = 3): Pair {
  const bg = backdrop(el);
  return { label, ratio: ratio(over(parseColor(color), bg), bg), min };
}

function describePairs(pairs: readonly Pair[]): string {
  return pairs
    .map((p) => `${p.ratio >= p.min ? 'ok  ' : 'FAIL'} ${p.ratio.toFixed(2)}:1 (≥ ${p.min}) ${p.label}`)
    .join('\n');
}

function expectPairs(pairs: readonly Pair[]): void {
  const failed = pairs.filter((p) => p.ratio < p.min).map((p) => `${p.label}: ${p.ratio.toFixed(2)}:1`);
  expect(failed, `\n${describePairs(pairs)}\n`).to.deep.equal([]);
}

// ---------------------------------------------------------------------------------------------

before(() => {
  document.head.append(rootScheme);
  installFetch();
});

after(async () => {
  rootScheme.remove();
  window.fetch = realFetch;
  await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
});

afterEach(async () => {
  clearCalendarCache();
  for (const el of document.querySelectorAll('[data-a11y]')) el.remove();
  document.documentElement.style.fontSize = '';
  await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
});

describe('a11y: axe in every state and theme', () => {
  it('several elements on one page: landmarks and ids stay distinguishable', async () => {
    const wrapper = await themed('light');
    await variant('otel-discussion-card', 'inline schedule, loaded').mount(wrapper);
    const second = await variant('otel-discussion-card', 'calendar, loaded with a cancelled session').mount(wrapper);
    second.setAttribute('heading', 'End User Discussion Group — EMEA (calendar)');
    await settle(second);
    // Two lists showing the same days.
    await variant('otel-event-list', 'loaded').mount(wrapper);
    await variant('otel-event-list', 'loaded').mount(wrapper);
    await variant('chatham-notice', 'banner').mount(wrapper);
    await variant('chatham-notice', 'badge, expanded').mount(wrapper);
    await expect(wrapper).to.be.accessible();
  });

  for (const v of VARIANTS) {
    for (const theme of THEMES) {
      it(`${v.kind} · ${v.name} · ${theme}: no axe violations`, async function () {
        await skipUnlessThemeEmulated(this, theme);
        const wrapper = await themed(theme);
        const el = await v.mount(wrapper);
        await expect(el).to.be.accessible();
      });
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Contrast of the key pairs, computed from the rendered colours

/** The value of a private token, rendered: a probe element in the shadow root painted with it. */
function tokenColor(el: HTMLElement, token: string): string {
  const probeEl = document.createElement('span');
  probeEl.style.color = `var(${token})`;
  el.shadowRoot?.append(probeEl);
  const color = getComputedStyle(probeEl).color;
  probeEl.remove();
  return color;
}

/** The element matching `selector` in `root`'s shadow tree (or nested trees, with `>>>`). */
function need(root: HTMLElement, selector: string): HTMLElement {
  const [outer, inner] = selector.split(' >>> ') as [string, string | undefined];
  const found = root.shadowRoot?.querySelector<HTMLElement>(outer);
  if (!found) throw new Error(`${selector} not rendered in <${root.localName}>`);
  return inner === undefined ? found : need(found, inner);
}

function listPairs(loaded: HTMLElement, cancelled: HTMLElement, error: HTMLElement, stale: HTMLElement): Pair[] {
  const happening = need(loaded, '[part~="now"]');
  const event = happening.closest('[part~="event"]') as HTMLElement;
  const details = need(loaded, '[part="add-to-calendar"]') as HTMLDetailsElement;
  const calendarButton = details.querySelector<HTMLElement>('a.button') as HTMLElement;
  const join = need(loaded, '[part="join"]');
  return [
    textPair('list: title on the event surface', need(loaded, '[part="title"]')),
    textPair('list: group heading', need(loaded, '[part="group-heading"]')),
    textPair('list: time', need(loaded, '[part="time"] .main')),
    textPair('list: muted "your time"', need(loaded, '.your-time')),
    textPair('list: muted host time', need(loaded, '[part="host-time"]')),
    textPair('list: muted relative hint', need(loaded, '[part="relative"]')),
    textPair('list: muted location', need(loaded, '[part="location"]')),
    textPair('list: accent "Happening now" badge', happening),
    colorPair('list: badge outline (accent) on the surface', getComputedStyle(happening).borderInlineStartColor, event),
    textPair('list: accent disclosure (summary)', need(loaded, '[part="add-to-calendar"] summary')),
    textPair(
      'list: accent link ("More info")',
      event.querySelector('[part="actions"] > a:not(.button)') as HTMLElement,
    ),
    textPair('list: accent footer link', need(loaded, '[part="footer"] a')),
    textPair('list: on-accent text of the Join button', join),
    boundaryPair('list: Join button against the surface', join),
    textPair('list: calendar button text', calendarButton),
    boundaryPair('list: calendar button border against the surface', calendarButton),
    textPair('list: a button', need(loaded, '[part="add-to-calendar"] button')),
    boundaryPair('list: a button border', need(loaded, '[part="add-to-calendar"] button')),
    colorPair('list: focus ring on the surface', tokenColor(loaded, '--_focus'), event),
    textPair('list: danger "Cancelled" badge', need(cancelled, '[part~="cancelled-badge"]')),
    textPair('list: error text', need(error, '[part="error"] p')),
    colorPair(
      'list: danger error border',
      getComputedStyle(need(error, '[part="error"]')).borderInlineStartColor,
      need(error, '[part="error"]'),
    ),
    textPair('list: Retry text', need(error, '[part="retry"]')),
    boundaryPair('list: Retry border', need(error, '[part="retry"]')),
    textPair('list: muted stale notice', need(stale, '[part="stale"]')),
  ];
}

function cardPairs(inline: HTMLElement, calendar: HTMLElement): Pair[] {
  const next = need(calendar, '[part~="next"]');
  return [
    textPair('card: title', need(inline, '[part="title"]')),
    textPair('card: accent region code', need(inline, '[part="region"] .code')),
    textPair('card: muted region name', need(inline, '[part="region"] .full')),
    textPair('card: facts', need(inline, '[part="facts"] dt')),
    textPair('card: muted format explanation', need(inline, '[part="format"] .explanation')),
    textPair('card: accent "Learn more" link', need(inline, '[part="format"] a')),
    textPair('card: session time', need(calendar, '[part~="session"] .when')),
    textPair('card: muted "your time"', need(calendar, '[part~="session"] .muted')),
    textPair('card: muted host time', need(calendar, '[part="host-time"]')),
    textPair('card: muted relative hint', need(calendar, '[part="relative"]')),
    textPair('card: accent "Next session" badge', need(calendar, '[part~="next-badge"]')),
    textPair('card: danger "Cancelled" badge', need(calendar, '[part~="cancelled-badge"]')),
    colorPair('card: next-session mark (accent) on the card', getComputedStyle(next).borderInlineStartColor, next),
    textPair('card: on-accent Join text', need(inline, '[part="join"]')),
    boundaryPair('card: Join button against the card', need(inline, '[part="join"]')),
    textPair('card: "Add all sessions" text', need(inline, '[part="add-to-calendar"]')),
    boundaryPair('card: "Add all sessions" border', need(inline, '[part="add-to-calendar"]')),
    textPair('card: community link', need(inline, '[part="links"] a')),
    textPair('card: Chatham badge text', need(inline, 'chatham-notice >>> [part="badge"]')),
    boundaryPair('card: Chatham badge border against the card', need(inline, 'chatham-notice >>> [part="badge"]')),
    colorPair('card: focus ring on the card', tokenColor(inline, '--_focus'), need(inline, '[part="base"]')),
  ];
}

function noticePairs(badge: HTMLElement, inline: HTMLElement, banner: HTMLElement): Pair[] {
  const edge = (el: HTMLElement): string => getComputedStyle(el).borderInlineStartColor;
  return [
    textPair('notice: badge text', need(badge, '[part="badge"]')),
    boundaryPair('notice: badge border against the page', need(badge, '[part="badge"]')),
    textPair('notice: panel text', need(badge, '[part="text"]')),
    textPair('notice: muted lines', need(badge, '[part="lines"]')),
    textPair('notice: accent source link', need(badge, '[part="source"]')),
    textPair('notice: inline title', need(inline, '[part="title"]')),
    colorPair('notice: inline edge (accent)', edge(need(inline, '[part="base"]')), need(inline, '[part="base"]')),
    textPair('notice: banner text', need(banner, '[part="text"]')),
    textPair('notice: banner dismiss ×', need(banner, '[part="dismiss"]')),
    boundaryPair('notice: banner dismiss border', need(banner, '[part="dismiss"]')),
    colorPair('notice: banner edge (accent)', edge(need(banner, '[part="base"]')), need(banner, '[part="base"]')),
    colorPair('notice: focus ring on the banner', tokenColor(banner, '--_focus'), need(banner, '[part="base"]')),
  ];
}

describe('a11y: contrast of the key colour pairs (≥ 4.5:1 text, ≥ 3:1 control boundaries and marks)', () => {
  for (const theme of THEMES) {
    it(`<otel-event-list> · ${theme}`, async function () {
      await skipUnlessThemeEmulated(this, theme);
      const wrapper = await themed(theme);
      const [loaded, cancelled, error, stale] = await Promise.all(
        ['loaded', 'loaded, show-cancelled', 'error', 'stale'].map((name) =>
          variant('otel-event-list', name).mount(wrapper),
        ),
      );
      await openDetails(loaded as HTMLElement, 'add-to-calendar');
      expectPairs(
        listPairs(loaded as HTMLElement, cancelled as HTMLElement, error as HTMLElement, stale as HTMLElement),
      );
    });

    it(`<otel-discussion-card> · ${theme}`, async function () {
      await skipUnlessThemeEmulated(this, theme);
      const wrapper = await themed(theme);
      const inline = await variant('otel-discussion-card', 'inline schedule, loaded').mount(wrapper);
      const calendar = await variant('otel-discussion-card', 'calendar, loaded with a cancelled session').mount(
        wrapper,
      );
      expectPairs(cardPairs(inline, calendar));
    });

    it(`<chatham-notice> · ${theme}`, async function () {
      await skipUnlessThemeEmulated(this, theme);
      const wrapper = await themed(theme);
      const badge = await variant('chatham-notice', 'badge, expanded').mount(wrapper);
      const inline = await variant('chatham-notice', 'inline').mount(wrapper);
      const banner = await variant('chatham-notice', 'banner').mount(wrapper);
      expectPairs(noticePairs(badge, inline, banner));
    });
  }

  it('the defaults themselves: text / muted / accent / danger / on-accent on the surface, light and dark', async () => {
    // The token defaults on a plain page: black on white (light) and white on #121212 (dark).
    const pairs: Pair[] = [];
    for (const theme of ['light', 'dark (color-scheme wrapper)'] as const) {
      const wrapper = await themed(theme);
      const el = await variant('chatham-notice', 'inline').mount(wrapper);
      const surface = need(el, '[part="base"]');
      for (const token of ['--_text', '--_muted', '--_accent', '--_danger'])
        pairs.push(colorPair(`${theme}: ${token} on --_surface`, tokenColor(el, token), surface, 4.5));
      const accent = parseColor(tokenColor(el, '--_accent'));
      const onAccent = parseColor(tokenColor(el, '--_on-accent'));
      pairs.push({ label: `${theme}: --_on-accent on --_accent`, ratio: ratio(onAccent, accent), min: 4.5 });
      pairs.push(
        colorPair(`${theme}: --_control-border on --_surface`, tokenColor(el, '--_control-border'), surface, 3),
      );
    }
    expectPairs(pairs);
  });
});

// ---------------------------------------------------------------------------------------------
// Forced colours

/** The declarations inside `@media (forced-colors: active)` blocks of a stylesheet, as `selector { decls }` text. */
function forcedColorsRules(styles: CSSResult): string {
  const sheet = styles.styleSheet;
  if (!sheet) throw new Error('no constructable stylesheet');
  return Array.from(sheet.cssRules)
    .filter(
      (rule): rule is CSSMediaRule =>
        rule instanceof CSSMediaRule && rule.media.mediaText.includes('forced-colors: active'),
    )
    .flatMap((rule) => Array.from(rule.cssRules).map((r) => r.cssText))
    .join('\n');
}

describe('a11y: forced colours', () => {
  it('forced-colors mode is either emulated (then axe passes) or its CSS rules are checked', async () => {
    if (await engineCan('emulate forced-colors')) {
      // Not reached with today's launchers (see tests/browser/engine-limits.js).
      await emulateMedia({ forcedColors: 'active' });
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      try {
        for (const v of VARIANTS) {
          const wrapper = await themed('light');
          await expect(await v.mount(wrapper)).to.be.accessible();
          wrapper.remove();
        }
      } finally {
        await emulateMedia({ forcedColors: 'none' });
      }
    }
    // Emulated or not, the rules that keep controls, boundaries and marks visible must exist.
    const controls = forcedColorsRules(controlStyles);
    expect(controls).to.match(
      /button, \.button, button\.primary, \.button\.primary \{[^}]*border-color: buttontext;[^}]*color: buttontext;[^}]*background: buttonface;/i,
    );
    expect(controls).to.match(/a\.button, a\.button\.primary \{[^}]*color: linktext;/i);
    expect(forcedColorsRules(tokenStyles)).to.match(/:focus-visible \{[^}]*outline-color: highlight;/i);
    const list = forcedColorsRules(eventListStyles);
    expect(list).to.match(/\[part~="event"\][^{]*\[part="error"\][^{]*\{[^}]*border-color: canvastext;/i);
    // Skeletons of both calendar elements come from the shared status styles.
    expect(forcedColorsRules(statusStyles)).to.match(/\.skeleton \{[^}]*background: graytext;/i);
    const card = forcedColorsRules(discussionCardStyles);
    expect(card).to.match(/\[part="base"\], \[part="error"\] \{[^}]*border-color: canvastext;/i);
    expect(card).to.match(/\[part~="next"\] \{[^}]*border-inline-start-color: highlight;/i);
    const notice = forcedColorsRules(chathamNoticeStyles);
    expect(notice).to.match(/\[part="panel"\], \.inline, \.banner \{[^}]*border-color: canvastext;/i);
    expect(notice).to.match(
      /\[part="badge"\], \[part="dismiss"\] \{[^}]*border-color: buttontext;[^}]*color: buttontext;/i,
    );
    expect(notice).to.match(/:focus-visible \{[^}]*outline-color: highlight;/i);
  });
});

// ---------------------------------------------------------------------------------------------
// Right to left, and text in the other direction

/** Physical (left/right/top/bottom) properties and values, outside logical names. */
const PHYSICAL: readonly RegExp[] = [
  /(?<![\w-])(?:margin|padding|border|inset|scroll-margin|scroll-padding)-(?:left|right|top|bottom)(?:-[a-z]+)?\s*:/g,
  /(?<![\w-])border-(?:top|bottom)-(?:left|right)-radius\s*:/g,
  /(?<![\w-])(?:left|right|top|bottom)\s*:/g,
  /(?<![\w-])(?:float|clear|text-align|caption-side|resize)\s*:\s*(?:left|right|top|bottom)\b/g,
  /translateX\(|(?<![\w-])translate\(\s*-?[\d.]+(?!0\b)/g,
];

/** Four-value box shorthands whose left and right values differ (`margin: 0 1em 0 0`). */
function asymmetricShorthands(cssText: string): string[] {
  const out: string[] = [];
  for (const match of cssText.matchAll(
    /(?<![\w-])(margin|padding|inset|border-(?:width|style|color)|border-radius)\s*:\s*([^;{}]+)/g,
  )) {
    const values = (match[2] ?? '').trim().split(/\s+(?![^(]*\))/);
    if (
      match[1] === 'border-radius'
        ? values.length > 1 && values[0] !== values[1]
        : values.length === 4 && values[1] !== values[3]
    )
      out.push(match[0]);
  }
  return out;
}

/** Where the text of `el`'s first non-empty text node starts and ends on screen: which way it reads. */
function readingDirection(el: Element): 'ltr' | 'rtl' {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => ((n.textContent ?? '').trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
  });
  const node = walker.nextNode() as Text | null;
  if (!node) throw new Error(`no text in ${el.outerHTML}`);
  const text = node.data;
  const first = text.search(/\S/);
  const last = text.length - 1 - (text.length - text.trimEnd().length);
  const rect = (i: number): DOMRect => {
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    return range.getBoundingClientRect();
  };
  const a = rect(first);
  const b = rect(last);
  expect(Math.abs(a.top - b.top), `"${text}" must fit on one line for this check`).to.be.lessThan(a.height / 2);
  return b.left + b.width / 2 > a.left + a.width / 2 ? 'ltr' : 'rtl';
}

/** The direction of a text's first strong character (what `dir="auto"` picks). */
function firstStrong(text: string): 'ltr' | 'rtl' {
  const match = /[\p{L}]/u.exec(text);
  return match && /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u.test(match[0]) ? 'rtl' : 'ltr';
}

/** Each user-supplied text reads in the direction of its own first strong character. */
function expectOwnDirection(elements: readonly Element[]): void {
  expect(elements.length).to.be.greaterThan(0);
  const wrong = elements
    .map((el) => ({
      text: (el.textContent ?? '').trim(),
      want: firstStrong(el.textContent ?? ''),
      got: readingDirection(el),
    }))
    .filter((r) => r.want !== r.got);
  expect(wrong).to.deep.equal([]);
  for (const el of elements) {
    const style = getComputedStyle(el);
    expect(
      ['isolate', 'plaintext', 'isolate-override'].includes(style.unicodeBidi) || el.getAttribute('dir') === 'auto',
      `${el.localName} isolated`,
    ).to.equal(true);
  }
}

function center(el: Element): number {
  const r = el.getBoundingClientRect();
  return r.left + r.width / 2;
}

/** True when `a` comes before `b` in the reading order of direction `dir` (left of it in LTR, right of it in RTL). */
function precedes(a: Element, b: Element, dir: 'ltr' | 'rtl'): boolean {
  return dir === 'ltr' ? center(a) < center(b) : center(a) > center(b);
}

describe('a11y: right-to-left and bidi', () => {
  it('the element styles use logical properties only', () => {
    const found: string[] = [];
    for (const [name, styles] of Object.entries({
      tokenStyles,
      controlStyles,
      eventListStyles,
      discussionCardStyles,
      chathamNoticeStyles,
    })) {
      const text = styles.cssText.replace(/\/\*[\s\S]*?\*\//g, '');
      for (const pattern of PHYSICAL) for (const match of text.matchAll(pattern)) found.push(`${name}: ${match[0]}`);
      for (const shorthand of asymmetricShorthands(text)) found.push(`${name}: ${shorthand}`);
    }
    expect(found).to.deep.equal([]);
  });

  for (const dir of ['ltr', 'rtl'] as const) {
    const lang = dir === 'rtl' ? 'ar' : 'en-GB';

    it(`<otel-event-list> in ${dir}: mirrored layout, the time line in order, titles/locations/descriptions in their own direction`, async () => {
      const wrapper = await themed('light', { dir, lang });
      const el = await mountData(
        'otel-event-list',
        wrapper,
        { src: '/tests/fixtures/rtl.ics', timezone: 'UTC', days: '4', 'group-by': 'none' },
        NOW,
      );
      await openDetails(el, 'description');
      await settle(el);
      expect(parts(el, 'event').length).to.equal(3);
      for (const event of parts(el, 'event')) {
        const [start, end] = Array.from(event.querySelectorAll('[part="time"] .main time'));
        expect(Boolean(start && end), 'start and end times').to.equal(true);
        expect(precedes(start as Element, end as Element, dir), 'start time before end time').to.equal(true);
        const host = event.querySelector('[part="host-time"]');
        if (host) expect(precedes(start as Element, host, dir), "the viewer's time before the host's").to.equal(true);
        const join = event.querySelector('[part="join"]');
        const add = event.querySelector('[part="add-to-calendar"] summary');
        if (join && add) expect(precedes(join, add, dir), 'Join before Add to calendar').to.equal(true);
        // The first item of the time line sits at the inline-start edge of the event.
        const box = event.getBoundingClientRect();
        const line = event.querySelector('[part="time"] .main')?.getBoundingClientRect();
        const padding = parseFloat(getComputedStyle(event).paddingInlineStart) + 1;
        if (dir === 'ltr') expect((line?.left ?? 0) - box.left).to.be.at.most(padding + 1);
        else expect(box.right - (line?.right ?? 0)).to.be.at.most(padding + 1);
      }
      expectOwnDirection([
        ...parts(el, 'title'),
        ...parts(el, 'location'),
        ...Array.from(
          el.shadowRoot?.querySelectorAll(
            '[part="description"] .body > p:first-child, [part="description"] .body:not(:has(p))',
          ) ?? [],
        ),
      ]);
    });

    it(`<otel-event-list> empty state in ${dir}: the next event's title is isolated from the date beside it`, async () => {
      const wrapper = await themed('light', { dir, lang });
      // 12:00 on 19 November: nothing in the next 2.4 hours; next the Latin-titled call at 17:00.
      const el = await mountData(
        'otel-event-list',
        wrapper,
        { src: '/tests/fixtures/rtl.ics', timezone: 'UTC', days: '0.1' },
        Date.parse('2026-11-19T12:00:00Z'),
      );
      const strong = need(el, '[part="empty"] strong');
      expect(strong.textContent).to.equal('Community call (EMEA)!');
      expectOwnDirection([strong]);
      expect(precedes(strong, need(el, '[part="empty"] time'), dir), 'title, then its date').to.equal(true);
      // And an Arabic title the same way (17 November).
      const arabic = await mountData(
        'otel-event-list',
        wrapper,
        { src: '/tests/fixtures/rtl.ics', timezone: 'UTC', days: '0.1' },
        Date.parse('2026-11-17T12:00:00Z'),
      );
      expectOwnDirection([need(arabic, '[part="empty"] strong')]);
      expect(precedes(need(arabic, '[part="empty"] strong'), need(arabic, '[part="empty"] time'), dir)).to.equal(true);
    });

    it(`<otel-discussion-card> in ${dir}: the next-session mark on the inline-start side, title in its own direction`, async () => {
      const wrapper = await themed('light', { dir, lang });
      const el = await mountData(
        'otel-discussion-card',
        wrapper,
        {
          heading: 'קבוצת דיון — EMEA',
          region: 'EMEA',
          src: '/tests/fixtures/rtl.ics',
          match: 'קבוצת דיון',
          'display-timezone': 'UTC',
          chatham: '',
          'join-url': 'https://zoom.us/j/1',
        },
        NOW,
      );
      const next = part(el, 'next');
      const style = getComputedStyle(next);
      const [startSide, endSide] = dir === 'rtl' ? ['Right', 'Left'] : ['Left', 'Right'];
      expect(style.getPropertyValue(`border-${startSide.toLowerCase()}-width`)).to.equal('3px');
      expect(style.getPropertyValue(`border-${endSide.toLowerCase()}-width`)).to.equal('0px');
      expect(parseFloat(style.getPropertyValue(`padding-${startSide.toLowerCase()}`))).to.be.greaterThan(0);
      expect(parts(el, 'cancelled').length, 'the cancelled session is listed').to.equal(1);
      for (const session of parts(el, 'session')) {
        const [start, end] = Array.from(session.querySelectorAll('.when time'));
        expect(precedes(start as Element, end as Element, dir)).to.equal(true);
      }
      expect(precedes(part(el, 'join'), part(el, 'add-to-calendar'), dir), 'Join before Add all sessions').to.equal(
        true,
      );
      expect(
        precedes(part(el, 'title'), part(el, 'region'), dir) ||
          part(el, 'title').getBoundingClientRect().bottom <= part(el, 'region').getBoundingClientRect().top,
      ).to.equal(true);
      expectOwnDirection([part(el, 'title')]);
    });

    it(`<chatham-notice> in ${dir}: the banner's edge, the dismiss button and the badge's chevron mirror`, async () => {
      const wrapper = await themed('light', { dir, lang });
      const banner = await variant('chatham-notice', 'banner').mount(wrapper);
      const base = part(banner, 'base');
      const [startSide, endSide] = dir === 'rtl' ? ['right', 'left'] : ['left', 'right'];
      expect(getComputedStyle(base).getPropertyValue(`border-${startSide}-width`)).to.equal('4px');
      expect(getComputedStyle(base).getPropertyValue(`border-${endSide}-width`)).to.equal('1px');
      expect(precedes(need(banner, '.body'), part(banner, 'dismiss'), dir), 'text, then Dismiss').to.equal(true);
      const inline = await variant('chatham-notice', 'inline').mount(wrapper);
      expect(getComputedStyle(part(inline, 'base')).getPropertyValue(`border-${startSide}-width`)).to.equal('3px');
      expect(
        parseFloat(getComputedStyle(part(inline, 'lines')).getPropertyValue(`padding-${startSide}`)),
      ).to.be.greaterThan(0);
      // No Arabic catalog: the English wording (marked lang="en") keeps its full stop at its end.
      if (dir === 'rtl') expectOwnDirection(Array.from(part(inline, 'lines').querySelectorAll('li[lang="en"]')));
      // The chevron points to the inline end when closed (› in LTR, ‹ in RTL) and down when open.
      const badge = await variant('chatham-notice', 'badge, collapsed').mount(wrapper);
      const chevron = (): DOMMatrix => new DOMMatrix(getComputedStyle(part(badge, 'badge'), '::before').transform);
      // rotate(θ) = matrix(cos θ, sin θ, …): b < 0 is counter-clockwise.
      expect(Math.sign(chevron().b)).to.equal(dir === 'ltr' ? -1 : 1);
      badge.setAttribute('open', '');
      await settle(badge);
      for (const animation of badge.shadowRoot?.getAnimations() ?? []) animation.finish();
      expect(Math.sign(chevron().b)).to.equal(dir === 'ltr' ? 1 : -1);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Reflow (1.4.10) and text resize (1.4.4)

/** Elements that are rendered, visible and not the visually-hidden helper. */
function boxes(el: HTMLElement): HTMLElement[] {
  return shadowElements(el).filter((e): e is HTMLElement => {
    if (!(e instanceof HTMLElement) || e.closest('.visually-hidden') || e.matches('style, slot')) return false;
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && e.checkVisibility();
  });
}

describe('a11y: reflow', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  for (const [label, width, fontSize] of [
    ['320 CSS px', 320, ''],
    ['200% text at 640 CSS px', 640, '200%'],
    ['200% text at 320 CSS px', 320, '200%'],
  ] as const) {
    for (const dir of ['ltr', 'rtl'] as const) {
      it(`${label}, ${dir}: no horizontal scrolling, nothing clipped or off-screen`, async () => {
        await setViewport({ width, height: 900 });
        document.documentElement.style.fontSize = fontSize;
        const wrapper = await themed('light', { dir, lang: dir === 'rtl' ? 'ar' : 'en-GB' });
        const elements = [
          await variant('otel-event-list', 'loaded').mount(wrapper),
          await variant('otel-event-list', 'error').mount(wrapper),
          await variant('otel-event-list', 'stale').mount(wrapper),
          await variant('otel-discussion-card', 'inline schedule, loaded').mount(wrapper),
          await variant('otel-discussion-card', 'calendar, loaded with a cancelled session').mount(wrapper),
          await variant('chatham-notice', 'badge, expanded').mount(wrapper),
          await variant('chatham-notice', 'banner').mount(wrapper),
          await variant('chatham-notice', 'inline').mount(wrapper),
        ];
        if (elements[0]) await openDetails(elements[0]);
        for (const el of elements) await settle(el);
        expect(innerWidth).to.equal(width);
        expect(document.documentElement.scrollWidth, 'page scroll width').to.be.at.most(innerWidth);
        const problems: string[] = [];
        for (const el of elements) {
          for (const box of boxes(el)) {
            const r = box.getBoundingClientRect();
            const name = `<${el.localName}> ${box.localName}[part=${box.getAttribute('part') ?? ''}].${box.className}`;
            if (r.left < -0.5 || r.right > innerWidth + 0.5)
              problems.push(`${name} off-screen: ${r.left.toFixed(1)}…${r.right.toFixed(1)}`);
            const style = getComputedStyle(box);
            if (style.overflowX !== 'visible' && box.scrollWidth > box.clientWidth + 1)
              problems.push(`${name} clipped: ${box.scrollWidth} > ${box.clientWidth}`);
            if (style.textOverflow === 'ellipsis') problems.push(`${name} truncates with an ellipsis`);
          }
          for (const title of parts(el, 'title')) {
            if (title.scrollWidth > title.clientWidth + 1)
              problems.push(`<${el.localName}> title "${title.textContent}" wider than its box`);
          }
        }
        expect(problems).to.deep.equal([]);
      });
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Keyboard (2.1.1, 2.1.2, 2.4.3, 2.4.7, 2.4.11) and target size (2.5.8)

interface Stop {
  readonly name: string;
  readonly el: HTMLElement;
}

/** A short name for a focused control: its part, else its text. */
function stopName(el: Element): string {
  const partName = el.getAttribute('part') ?? el.closest('[part]')?.getAttribute('part') ?? '';
  return `${el.localName}${partName ? `[${partName}]` : ''}:${(el.textContent ?? '').replace(/\s+/g, ' ').trim()}`;
}

/**
 * Tabs from a button placed before `el` until focus reaches a button placed after it; returns
 * the stops in between. Every stop must show a focus ring (`:focus-visible` with an outline).
 */
async function tabThrough(el: HTMLElement, max = 40): Promise<Stop[]> {
  const first = document.createElement('button');
  first.textContent = 'before';
  first.dataset['a11y'] = '';
  const last = document.createElement('button');
  last.textContent = 'after';
  last.dataset['a11y'] = '';
  el.before(first);
  el.after(last);
  first.focus();
  const stops: Stop[] = [];
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: 'Tab' });
    const active = deepActive();
    if (active === last) break;
    if (!(active instanceof HTMLElement) || active === document.body)
      throw new Error(`focus left the page after ${stops.map((s) => s.name).join(' → ')}`);
    stops.push({ name: stopName(active), el: active });
    expect(active.matches(':focus-visible'), `${stopName(active)} :focus-visible`).to.equal(true);
    const style = getComputedStyle(active);
    expect(style.outlineStyle, `${stopName(active)} outline`).not.to.equal('none');
    expect(parseFloat(style.outlineWidth), `${stopName(active)} outline width`).to.be.greaterThan(0);
    expect(
      ratio(parseColor(style.outlineColor), backdrop(active, false)),
      `${stopName(active)} focus ring contrast`,
    ).to.be.at.least(3);
    // Not obscured: the focused control is on screen.
    const r = active.getBoundingClientRect();
    expect(r.width > 0 && r.height > 0, `${stopName(active)} visible`).to.equal(true);
  }
  expect(deepActive(), 'Tab leaves the element (no trap)').to.equal(last);
  // And back: Shift+Tab from after the element lands on its last control.
  if (stops.length > 0) {
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(deepActive()).to.equal(stops[stops.length - 1]?.el);
  }
  return stops;
}

/** Buttons and button-like controls are at least 24 × 24 CSS px (links in running text are exempt). */
function expectTargetSize(stops: readonly Stop[]): void {
  const small = stops
    .filter((s) => s.el.matches('button, summary, .button'))
    .map((s) => ({ name: s.name, rect: s.el.getBoundingClientRect() }))
    .filter((s) => s.rect.width < 24 || s.rect.height < 24)
    .map((s) => `${s.name} ${s.rect.width.toFixed(1)}×${s.rect.height.toFixed(1)}`);
  expect(small).to.deep.equal([]);
}

describe('a11y: keyboard', () => {
  it('<otel-event-list>: Join → Add to calendar → More info → Details for each event, then the footer', async () => {
    const wrapper = await themed('light');
    const el = await mountData(
      'otel-event-list',
      wrapper,
      { src: '/tests/fixtures/rtl.ics', timezone: 'UTC', days: '4', lang: 'en-GB' },
      NOW,
    );
    const stops = await tabThrough(el);
    const expected: string[] = [];
    for (const event of parts(el, 'event')) {
      if (event.querySelector('[part="join"]')) expected.push('join');
      expected.push('add-to-calendar');
      if (event.querySelector('[part="actions"] > a:not(.button)')) expected.push('more-info');
      if (event.querySelector('[part="description"]')) expected.push('description');
    }
    expected.push('footer');
    const kinds = stops.map((s) =>
      s.el.matches('[part="actions"] > a:not(.button)')
        ? 'more-info'
        : (s.el.closest('[part]')?.getAttribute('part') ?? s.el.localName),
    );
    expect(kinds).to.deep.equal(expected);
    expectTargetSize(stops);
    // Opening "Add to calendar" puts its buttons next in the order.
    const summary = need(el, '[part="add-to-calendar"] summary');
    summary.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(summary.parentElement?.querySelector('ul button'));
    expectTargetSize(
      Array.from(
        el.shadowRoot?.querySelectorAll<HTMLElement>('[part="add-to-calendar"][open] :is(button, .button)') ?? [],
      ).map((b) => ({ name: stopName(b), el: b })),
    );
  });

  it('<otel-event-list> error state: Retry, then the link to the calendar', async () => {
    const wrapper = await themed('light');
    const el = await variant('otel-event-list', 'error').mount(wrapper);
    const stops = await tabThrough(el);
    expect(stops.map((s) => s.name)).to.deep.equal(['button[retry]:Retry', 'a[error]:Open the calendar']);
    expectTargetSize(stops);
  });

  it('<otel-discussion-card>: Learn more → Chatham badge → Join → Add all sessions → Google Calendar → community links', async () => {
    const wrapper = await themed('light');
    const el = await variant('otel-discussion-card', 'inline schedule, loaded').mount(wrapper);
    const stops = await tabThrough(el);
    expect(stops.map((s) => s.name)).to.deep.equal([
      'a[format]:Learn more',
      'button[badge]:Chatham House Rule',
      'a[join]:Join',
      'button[add-to-calendar]:Add all sessions to your calendar',
      'a[actions]:Google Calendar',
      'a[links]:Slack channel',
      'a[links]:Meeting notes',
    ]);
    expectTargetSize(stops);
  });

  it("<chatham-notice>: the badge (Enter opens it, Escape closes it), the banner's link and Dismiss", async () => {
    const wrapper = await themed('light');
    const badge = await variant('chatham-notice', 'badge, collapsed').mount(wrapper);
    expect((await tabThrough(badge)).map((s) => s.name)).to.deep.equal(['button[badge]:Chatham House Rule']);
    part(badge, 'badge').focus();
    await sendKeys({ press: 'Enter' });
    await settle(badge);
    expect(part(badge, 'badge').getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(part(badge, 'source'));
    await sendKeys({ press: 'Escape' });
    await settle(badge);
    expect(part(badge, 'badge').getAttribute('aria-expanded')).to.equal('false');
    expect(deepActive()).to.equal(part(badge, 'badge'));
    const banner = await variant('chatham-notice', 'banner').mount(wrapper);
    const stops = await tabThrough(banner);
    expect(stops.map((s) => s.name)).to.deep.equal(['a[source]:About the Chatham House Rule', 'button[dismiss]:×']);
    expectTargetSize(stops);
  });
});

// ---------------------------------------------------------------------------------------------
// Live region (4.1.3) and reduced motion (2.3.3)

describe('a11y: live region', () => {
  it('<otel-event-list> announces once per load, not on every re-render', async () => {
    const wrapper = await themed('light');
    const el = document.createElement('otel-event-list');
    el.now = NOW;
    el.setAttribute('src', '/tests/fixtures/overrides.ics');
    el.setAttribute('timezone', 'UTC');
    el.setAttribute('filter', 'SIG');
    const loaded = new Promise((resolve) => el.addEventListener('otel-load', resolve, { once: true }));
    wrapper.append(el);
    await el.updateComplete;
    const status = need(el, '[role="status"]');
    expect(status.textContent?.trim(), 'the live region is there, empty, before anything loads').to.equal('');
    const texts: string[] = [];
    const observer = new MutationObserver(() => texts.push(status.textContent?.trim() ?? ''));
    observer.observe(status, { childList: true, characterData: true, subtree: true });
    await loaded;
    await settle(el);
    await settle(el);
    const announced = status.textContent?.trim() ?? '';
    expect(announced).to.match(/^\d+ upcoming events? loaded\.$/);
    expect(
      texts.filter((t) => t !== ''),
      'one announcement for the load',
    ).to.deep.equal([announced]);
    // Re-renders: the same filter again, a forced update, an unrelated attribute.
    texts.length = 0;
    el.filter = 'SIG';
    el.setAttribute('filter', 'SIG');
    el.requestUpdate();
    await settle(el);
    el.setAttribute('heading-level', '4');
    await settle(el);
    el.requestUpdate();
    await settle(el);
    expect(status.textContent?.trim()).to.equal(announced);
    expect(texts, 'no change to the live region on re-render').to.deep.equal([]);
    observer.disconnect();
  });
});

describe('a11y: reduced motion', () => {
  it('with prefers-reduced-motion: reduce the skeletons, the panel and the chevron do not move', async function () {
    await skipUnlessEngineCan(this, 'emulate prefers-reduced-motion');
    const wrapper = await themed('light');
    const moving = await variant('otel-event-list', 'loading').mount(wrapper);
    expect(getComputedStyle(need(moving, '.skeleton')).animationName).to.equal('pulse');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
    const list = await variant('otel-event-list', 'loading').mount(wrapper);
    const card = await variant('otel-discussion-card', 'loading').mount(wrapper);
    const badge = await variant('chatham-notice', 'badge, expanded').mount(wrapper);
    for (const skeleton of [
      ...(list.shadowRoot?.querySelectorAll('.skeleton') ?? []),
      ...(card.shadowRoot?.querySelectorAll('.skeleton') ?? []),
    ]) {
      expect(getComputedStyle(skeleton).animationName).to.equal('none');
    }
    expect(getComputedStyle(part(badge, 'panel')).animationName).to.equal('none');
    const chevron = getComputedStyle(part(badge, 'badge'), '::before');
    expect(chevron.transitionProperty === 'none' || chevron.transitionDuration === '0s').to.equal(true);
  });
});
