/**
 * Hostile content end to end: every payload of tests/fixtures/hostile/payloads.json in every
 * rendered field of each source kind (ICS, Google Calendar API v3 through a mocked fetch, the JSON
 * snapshot) and in the elements' text attributes and slots, mounted in real Chromium with traps
 * installed first (tests/fixtures/hostile/traps.ts). After rendering, and time for any
 * `onerror`/`onload` to fire, every shadow root is walked (tests/fixtures/hostile/inspect.ts).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { openDetails } from '../harness.js';
import '../../../src/elements/chatham-notice/define.js';
import '../../../src/elements/discussion-card/define.js';
import '../../../src/elements/event-list/define.js';
import { clearCalendarCache } from '../../../src/calendar/fetch.js';
import { stripBidiControls } from '../../../src/calendar/html.js';
import {
  CARD_SCHEDULE_ATTRIBUTES,
  CARD_TEXT_ATTRIBUTES,
  GOOGLE_FIELDS,
  ICS_FIELDS,
  NOTICE_TEXT_ATTRIBUTES,
  SNAPSHOT_FIELDS,
  hostileEvents,
  hostileGoogleResponse,
  hostileIcs,
  hostileSnapshot,
  type HostilePayload,
} from '../../fixtures/hostile/generate.js';
import type { OtelErrorEvent } from '../../../src/elements/events.js';
import { computedStyles, inspectWidgets, type InspectOptions } from '../../fixtures/hostile/inspect.js';
import { installTraps, type TrapReport } from '../../fixtures/hostile/traps.js';

const NOW = Date.parse('2026-11-23T08:00:00Z');
const START = NOW + 3_600_000;
const ICS_URL = 'https://hostile.test/feed.ics';
const JSON_URL = 'https://hostile.test/snapshot.json';
const GOOGLE_API = 'https://www.googleapis.com/calendar/v3/calendars/';
/** Time for image errors, `onload`s, animations and toggles a payload might hook to fire. */
const SETTLE_MS = 600;

const realFetch = window.fetch;
let payloads: HostilePayload[] = [];
const tally = { cases: 0, mounts: 0, executions: 0, elements: 0, links: 0 };

const settle = (ms = SETTLE_MS): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Serves the hostile feeds; anything else goes to the real fetch (and through the traps first). */
function serveFeeds(): void {
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    if (url === ICS_URL)
      return Promise.resolve(
        new Response(hostileIcs(payloads, START), { headers: { 'content-type': 'text/calendar' } }),
      );
    if (url === JSON_URL)
      return Promise.resolve(
        new Response(JSON.stringify(hostileSnapshot(payloads, START)), {
          headers: { 'content-type': 'application/json' },
        }),
      );
    const failing = /^error-(\d+)%40/.exec(url.slice(GOOGLE_API.length));
    if (failing) {
      const message = payloads[Number(failing[1])]?.payload ?? '';
      const body = JSON.stringify({ error: { code: 400, message, errors: [{ reason: message, message }] } });
      return Promise.resolve(new Response(body, { status: 400, headers: { 'content-type': 'application/json' } }));
    }
    if (url.startsWith(GOOGLE_API))
      return Promise.resolve(
        new Response(JSON.stringify(hostileGoogleResponse(payloads, START)), {
          headers: { 'content-type': 'application/json' },
        }),
      );
    return realFetch(input, init);
  }) as typeof fetch;
}

/** Elements of the host page whose computed style must not change. */
function hostPage(): HTMLElement {
  const page = document.createElement('div');
  page.className = 'host-page';
  for (const tag of ['h2', 'h3', 'p', 'a', 'ul', 'li', 'button', 'span', 'time', 'section']) {
    const el = document.createElement(tag);
    el.textContent = `host ${tag}`;
    if (tag === 'a') el.setAttribute('href', 'https://example.org/');
    page.append(el);
  }
  document.body.append(page);
  return page;
}

interface Outcome {
  readonly traps: TrapReport;
  readonly hosts: Element[];
}

/**
 * Installs the traps, mounts what `mountAll` creates into a container, waits for every element's
 * first `otel-load` or `otel-error` (as `waitFor` expects; the other fails the test), its update and the settle time, opens every
 * `<details>`, settles again, then checks the traps, the shadow roots and the host page's styles.
 */
async function mountHostile(
  mountAll: (container: HTMLElement) => Element[],
  waitFor: 'load' | 'error' | 'none',
  cases: number,
  options: InspectOptions = {},
): Promise<Outcome> {
  const page = hostPage();
  const watched = [document.documentElement, document.body, ...Array.from(page.children)];
  const before = computedStyles(watched);
  const traps = installTraps();
  const container = document.createElement('div');
  document.body.append(container);
  try {
    const hosts = mountAll(container);
    const done = hosts.map(
      (el) =>
        new Promise<void>((resolve, reject) => {
          if (waitFor === 'none') return resolve();
          const fail = (why: string): void => reject(new Error(`${el.tagName}: ${why}`));
          el.addEventListener(
            'otel-load',
            () => (waitFor === 'load' ? resolve() : fail('loaded, an error was expected')),
            { once: true },
          );
          el.addEventListener(
            'otel-error',
            (event) =>
              waitFor === 'error' ? resolve() : fail(`failed to load: ${(event as OtelErrorEvent).error.message}`),
            { once: true },
          );
        }),
    );
    await Promise.all(done);
    await Promise.all(hosts.map((el) => (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete));
    await settle();
    // Long lists render in steps, a task each: wait for the last row (slower engines take longer).
    await waitUntil(
      () => hosts.every((el) => !el.shadowRoot?.querySelector('[part="list"][aria-busy="true"]')),
      'every row rendered',
      { timeout: 60_000 },
    );
    // Descriptions and menus render their content when opened (their code loads then).
    for (const host of hosts) await openDetails(host);
    const bodies = hosts.flatMap((host) =>
      Array.from(host.shadowRoot?.querySelectorAll('[part~="description"] .body') ?? []),
    );
    if (bodies.length > 0)
      expect(
        bodies.some((body) => (body.textContent ?? '').trim() !== ''),
        'opened descriptions are rendered',
      ).to.equal(true);
    for (const host of hosts)
      host.shadowRoot?.querySelectorAll<HTMLButtonElement>('button[aria-expanded]').forEach((b) => b.click());
    await settle();
    const inspection = inspectWidgets(hosts, options);
    const report = traps.report();
    expect(report.executions, 'payload executions').to.equal(0);
    expect(report.violations, 'security policy violations').to.deep.equal([]);
    expect(report.injected, 'elements added outside shadow roots').to.deep.equal([]);
    expect(report.beacons, 'requests to hostile hosts').to.deep.equal([]);
    expect(inspection.problems.slice(0, 20), `${inspection.problems.length} problems`).to.deep.equal([]);
    expect(inspection.elements).to.be.greaterThan(hosts.length);
    expect(computedStyles(watched), 'host page styles').to.deep.equal(before);
    expect(typeof (window as unknown as { __xss: unknown }).__xss, '__xss clobbered').to.equal('number');
    tally.cases += cases;
    tally.mounts += hosts.length;
    tally.executions += report.executions;
    tally.elements += inspection.elements;
    tally.links += inspection.links;
    return { traps: report, hosts };
  } finally {
    traps.dispose();
    container.remove();
    page.remove();
  }
}

/** What a title must read as: the payload as text, bidi controls removed, whitespace collapsed. */
const asText = (text: string): string => stripBidiControls(text).replace(/\s+/g, ' ').trim();

function titles(host: Element): string[] {
  return Array.from(host.shadowRoot?.querySelectorAll('[part~="event"] [part~="title"]') ?? []).map((el) =>
    asText(el.textContent ?? ''),
  );
}

function eventList(
  container: HTMLElement,
  attributes: Record<string, string>,
): HTMLElementTagNameMap['otel-event-list'] {
  const el = document.createElement('otel-event-list');
  el.now = NOW;
  for (const [name, value] of Object.entries({
    days: '7',
    limit: '1000',
    timezone: 'UTC',
    timeout: '60000',
    ...attributes,
  }))
    el.setAttribute(name, value);
  container.append(el);
  return el;
}

describe('hostile feeds and attributes (payload corpus, end to end)', function () {
  this.timeout(120_000);

  before(async () => {
    const response = await realFetch('/tests/fixtures/hostile/payloads.json');
    payloads = (await response.json()) as HostilePayload[];
    serveFeeds();
  });

  after(() => {
    window.fetch = realFetch;
    clearCalendarCache(ICS_URL);
    clearCalendarCache(JSON_URL);
    // The corpus in numbers: what was mounted and inspected.
    // eslint-disable-next-line no-console -- the corpus summary is the test's report
    console.log(
      `hostile corpus: ${payloads.length} payloads, ${tally.cases} cases (payload × field × source), ${tally.mounts} elements mounted, ` +
        `${tally.elements} rendered elements and ${tally.links} links inspected, ${tally.executions} executions`,
    );
  });

  it('the corpus has 100+ payloads in every category the issue names', () => {
    expect(payloads.length).to.be.at.least(100);
    const categories = new Set(payloads.map((p) => p.category));
    for (const category of [
      'script',
      'event-handler',
      'url-javascript',
      'url-data',
      'url-vbscript',
      'svg-mathml',
      'style',
      'base-meta-form',
      'clobbering',
      'bidi',
    ]) {
      expect(categories, category).to.include(category);
    }
  });

  it('the traps notice a payload that does run (so 0 means 0)', async () => {
    const traps = installTraps();
    try {
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__xss++'); // before the listener below, so it runs first
      const fired = new Promise((resolve) => img.addEventListener('error', resolve, { once: true }));
      img.src = '/no-such-image.png';
      document.body.append(img);
      await fired;
      window.alert('x');
      img.remove();
      const report = traps.report();
      expect(report.executions).to.equal(2);
      expect(report.injected).to.deep.equal([]);
      const script = document.createElement('script');
      document.body.append(script);
      script.remove();
      expect(traps.report().injected).to.deep.equal(['script']);
    } finally {
      traps.dispose();
    }
  });

  it('the inspector flags unsafe rendering (so no problems means none)', () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    const bad = [
      '<a href="javascript:void 0" target="_blank">x</a>',
      '<img src="x">',
      '<p style="color:red" id="__xss">\u202Ex</p>',
      '<style>p{}</style>',
      '<a href="https://ok.example/" target="_blank" rel="noopener">y</a>',
    ];
    for (const markup of bad) {
      const template = document.createElement('template');
      template.setHTMLUnsafe(markup);
      root.append(template.content);
    }
    const { problems } = inspectWidgets([host]);
    expect(problems.join('\n'))
      .to.contain('href="javascript:void 0"')
      .and.contain('<img>: element outside the allow-list')
      .and.contain('style="color:red"')
      .and.contain('id="__xss"')
      .and.contain('bidi control')
      .and.contain('<style> element')
      .and.contain('rel="noopener"');
  });

  it('<otel-event-list> with an ICS feed: every payload shows as text, nothing runs', async () => {
    const { hosts } = await mountHostile(
      (c) => [eventList(c, { src: ICS_URL })],
      'load',
      payloads.length * ICS_FIELDS.length,
    );
    const host = hosts[0];
    if (!host) throw new Error('not mounted');
    const expected = hostileEvents(payloads).map((e) => asText(e.payload));
    expect(titles(host)).to.deep.equal(expected);
    expect(host.shadowRoot?.querySelectorAll('[part~="description"] .body a[part="link"]').length).to.be.greaterThan(0);
  });

  it('<otel-event-list> with a Google Calendar API response: every payload shows as text, nothing runs', async () => {
    const { hosts } = await mountHostile(
      (c) => [eventList(c, { 'google-calendar-id': 'hostile@group.calendar.google.com', 'google-api-key': 'KEY' })],
      'load',
      payloads.length * GOOGLE_FIELDS.length,
    );
    const host = hosts[0];
    if (!host) throw new Error('not mounted');
    expect(titles(host)).to.deep.equal(hostileEvents(payloads).map((e) => asText(e.payload)));
  });

  it("<otel-event-list> error state: every payload as Google's error message, shown as text", async () => {
    const { hosts } = await mountHostile(
      (c) =>
        payloads.map((_, k) =>
          eventList(c, { 'google-calendar-id': `error-${k}@group.calendar.google.com`, 'google-api-key': 'KEY' }),
        ),
      'error',
      payloads.length,
    );
    hosts.forEach((host, k) => {
      const detail = host.shadowRoot?.querySelector('[part~="error"] .detail')?.textContent ?? '';
      // Google's words are shown as text, without control characters (and bidi controls, checked above).
      // eslint-disable-next-line no-control-regex -- control characters are what is removed
      const expected = asText((payloads[k]?.payload ?? '').replace(/[\u0000-\u001F\u007F]+/g, ' ')).slice(0, 20);
      expect(asText(detail), `payload ${k}`).to.contain(expected);
    });
  });

  it('<otel-event-list> with a JSON snapshot: every payload shows as text, nothing runs', async () => {
    const { hosts } = await mountHostile(
      (c) => [eventList(c, { src: JSON_URL })],
      'load',
      payloads.length * SNAPSHOT_FIELDS.length,
    );
    const host = hosts[0];
    if (!host) throw new Error('not mounted');
    expect(titles(host)).to.deep.equal(hostileEvents(payloads).map((e) => asText(e.payload)));
    // The snapshot's joinUrl and url fields held every payload: only http(s) ones may become links.
    const joins = Array.from(host.shadowRoot?.querySelectorAll<HTMLAnchorElement>('a[part="join"]') ?? []);
    for (const a of joins) expect(a.protocol).to.match(/^https?:$/);
  });

  it('<otel-event-list> empty states: every payload as the filter, its event shown as "next" beyond the window', async () => {
    const { hosts } = await mountHostile(
      (c) =>
        [ICS_URL, JSON_URL].flatMap((src) =>
          payloads.map(({ payload }) => {
            // iCalendar text has no CR: a CRLF in the payload reads back as LF (the snapshot keeps it).
            const el = eventList(c, {
              src,
              filter: src === ICS_URL ? payload.replace(/\r\n?/g, '\n') : payload,
              days: '1',
            });
            el.now = START - 3 * 86_400_000;
            return el;
          }),
        ),
      'load',
      payloads.length * 2,
    );
    for (const host of hosts) {
      const next = host.shadowRoot?.querySelector('[part~="empty"] strong');
      expect(next, host.getAttribute('filter') ?? '').to.not.equal(null);
      // The next event's title, from the feed, has its bidi controls removed even there.
      expect(next?.textContent).to.equal(stripBidiControls(next?.textContent ?? ''));
      expect(next?.textContent?.toLocaleLowerCase()).to.contain(
        asText(host.getAttribute('filter') ?? '')
          .toLocaleLowerCase()
          .split(' ')[0],
      );
    }
  });

  it('<otel-discussion-card> with the ICS feed and the JSON snapshot: nothing runs', async () => {
    await mountHostile(
      (c) =>
        [ICS_URL, JSON_URL].map((src) => {
          const el = document.createElement('otel-discussion-card');
          el.now = NOW;
          for (const [name, value] of Object.entries({
            src,
            heading: 'Hostile group',
            count: '400',
            'display-timezone': 'UTC',
            chatham: '',
            timeout: '60000',
          }))
            el.setAttribute(name, value);
          c.append(el);
          return el;
        }),
      'load',
      payloads.length * (ICS_FIELDS.length + SNAPSHOT_FIELDS.length),
    );
  });

  it('<otel-discussion-card> with every payload in its text and inline-schedule attributes: nothing runs', async () => {
    const { hosts } = await mountHostile(
      (c) =>
        payloads.flatMap(({ payload }) => {
          const withSchedule = document.createElement('otel-discussion-card');
          withSchedule.now = NOW;
          for (const name of CARD_TEXT_ATTRIBUTES) withSchedule.setAttribute(name, payload);
          for (const [name, value] of Object.entries({
            rrule: 'FREQ=WEEKLY;BYDAY=TU',
            dtstart: '2026-01-06T11:00',
            timezone: 'Europe/Berlin',
            chatham: '',
            recorded: '',
          })) {
            withSchedule.setAttribute(name, value);
          }
          withSchedule.append(document.createTextNode(payload));
          const badSchedule = document.createElement('otel-discussion-card');
          badSchedule.now = NOW;
          for (const name of [...CARD_TEXT_ATTRIBUTES, ...CARD_SCHEDULE_ATTRIBUTES])
            badSchedule.setAttribute(name, payload);
          c.append(withSchedule, badSchedule);
          return [withSchedule, badSchedule];
        }),
      'none',
      payloads.length * (CARD_TEXT_ATTRIBUTES.length * 2 + CARD_SCHEDULE_ATTRIBUTES.length + 1),
    );
    // The heading is the payload as text (bidi controls removed), in every card.
    hosts.forEach((host, k) => {
      const payload = payloads[Math.floor(k / 2)]?.payload ?? '';
      expect(asText(host.shadowRoot?.querySelector('[part~="title"]')?.textContent ?? '')).to.equal(asText(payload));
    });
  });

  it('<chatham-notice> with every payload in its attributes and slot, in every variant: nothing runs', async () => {
    await mountHostile(
      (c) =>
        payloads.flatMap(({ payload }) =>
          ['badge', 'inline', 'banner', payload].map((variant) => {
            const el = document.createElement('chatham-notice');
            el.setAttribute('variant', variant);
            for (const name of NOTICE_TEXT_ATTRIBUTES.filter((n) => n !== 'variant')) el.setAttribute(name, payload);
            el.append(document.createTextNode(payload));
            c.append(el);
            return el;
          }),
        ),
      'none',
      payloads.length * (NOTICE_TEXT_ATTRIBUTES.length + 1) * 4,
    );
  });
});
