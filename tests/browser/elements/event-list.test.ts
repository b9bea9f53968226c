import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '../engine.js';
import { clearCalendarCache } from '../../../src/calendar/fetch.js';
import '../../../src/elements/event-list/define.js';
import type { OtelEventList } from '../../../src/elements/event-list/event-list.js';
import type { OtelLoadEvent } from '../../../src/elements/events.js';
import { message } from '../../../src/elements/i18n/messages/index.js';
import { enGB, mount, openDetails, parts } from '../harness.js';

const NOW = Date.parse('2026-11-16T12:00:00Z');
const realFetch = window.fetch;

interface Mounted {
  readonly el: OtelEventList;
  readonly loaded: Promise<Event>;
}

/**
 * Mounts a list with `now` pinned (NOW unless given); `children` is light-DOM fallback text (a
 * link). Resolves `loaded` on otel-load or otel-error.
 */
function mountList(
  attributes: Record<string, string>,
  options: { now?: number; parent?: HTMLElement; children?: string } = {},
): Mounted {
  const parent = options.parent ?? document.body;
  const { el, done } = mount('otel-event-list', attributes, options.now ?? NOW, parent);
  if (options.children) {
    const child = document.createElement('a');
    child.href = 'https://example.org/calendar';
    child.textContent = options.children;
    el.append(child);
  }
  return { el, loaded: done };
}

function starts(el: HTMLElement): string[] {
  return parts(el, 'event').map((e) => e.querySelector('time')?.getAttribute('datetime') ?? '');
}

function titles(el: HTMLElement): string[] {
  return parts(el, 'title').map((t) => t.textContent?.trim() ?? '');
}

/** A fetch that hangs until aborted, for the loading state and removal mid-fetch. */
function hangingFetch(): { aborted: () => boolean } {
  let aborted = false;
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    if (!String(input).includes('/hang/')) return realFetch(input, init);
    return new Promise<Response>((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => {
        aborted = true;
        reject(new DOMException('Aborted', 'AbortError'));
      });
    });
  }) as typeof fetch;
  return { aborted: () => aborted };
}

afterEach(() => {
  window.fetch = realFetch;
  clearCalendarCache();
  for (const el of document.querySelectorAll('otel-event-list, div[data-test]')) el.remove();
});

describe('<otel-event-list>', () => {
  it('renders the upcoming occurrences, one part="event" each, start in the first <time>', async () => {
    const { el, loaded } = mountList({ src: '/tests/fixtures/overrides.ics', timezone: 'UTC', lang: 'en-GB' });
    await loaded;
    await el.updateComplete;
    expect(parts(el, 'event')).to.have.length(10);
    expect(starts(el).slice(0, 4)).to.deep.equal([
      '2026-11-18T17:00:00Z',
      '2026-11-18T19:00:00Z',
      '2026-11-25T17:00:00Z',
      '2026-12-01T16:00:00Z',
    ]);
    expect(parts(el, 'event').every((e) => e.tagName === 'LI')).to.equal(true);
    expect(parts(el, 'group-heading')[0]?.tagName).to.equal('H3');
    expect(parts(el, 'group-heading')[0]?.textContent).to.contain(enGB('Wednesday 18 November'));
    expect(titles(el)[1]).to.equal('SIG B (later this week)');
    await expect(el).to.be.accessible();
  });

  for (const [timeZone, text] of [
    ['UTC', '17:00'],
    ['America/New_York', '12:00'],
    ['Asia/Kolkata', '22:30'],
  ] as const) {
    it(`shows times in the viewer's zone and the host's beside them (${timeZone})`, async () => {
      const { el, loaded } = mountList({
        src: '/tests/fixtures/overrides.ics',
        timezone: timeZone,
        lang: 'en-GB',
        limit: '1',
      });
      await loaded;
      await el.updateComplete;
      const first = parts(el, 'event')[0];
      expect(first?.querySelector('time')?.textContent).to.equal(text);
      expect(first?.querySelector('time')?.getAttribute('datetime')).to.equal('2026-11-18T17:00:00Z');
      expect(parts(el, 'host-time')[0]?.textContent).to.contain('09:00');
      // Not the viewer's own zone (the browser is pinned to Europe/Berlin): the zone is named.
      const label = first?.querySelector('.your-time')?.textContent ?? '';
      expect(label).not.to.equal('your time');
      expect(label.length).to.be.greaterThan(0);
    });
  }

  it('says "your time" when the times are in the viewer\'s own zone', async () => {
    const { el, loaded } = mountList({ src: '/tests/fixtures/overrides.ics', lang: 'en-GB', limit: '1' });
    await loaded;
    await el.updateComplete;
    expect(parts(el, 'event')[0]?.querySelector('time')?.textContent).to.equal('18:00');
    expect(parts(el, 'event')[0]?.querySelector('.your-time')?.textContent).to.equal('your time');
  });

  it('says "your time" for the viewer\'s zone however the page writes it, and for a zone on the same clock', async () => {
    // Engines name the viewer's zone differently (India's is "Asia/Calcutta" in Chromium,
    // "Asia/Kolkata" in Firefox; WebKit keeps any alias as given), so names are not compared.
    for (const timezone of ['europe/berlin', 'Europe/Paris']) {
      const { el, loaded } = mountList({ src: '/tests/fixtures/overrides.ics', timezone, lang: 'en-GB', limit: '1' });
      await loaded;
      await el.updateComplete;
      expect(parts(el, 'event')[0]?.querySelector('time')?.textContent, timezone).to.equal('18:00');
      expect(parts(el, 'event')[0]?.querySelector('.your-time')?.textContent, timezone).to.equal('your time');
      el.remove();
    }
  });

  it('shows the date with each time when not grouped by day', async () => {
    const { el, loaded } = mountList({
      src: '/tests/fixtures/overrides.ics',
      timezone: 'UTC',
      lang: 'en-GB',
      'group-by': 'none',
      limit: '2',
    });
    await loaded;
    await el.updateComplete;
    expect(parts(el, 'group-heading')).to.have.length(0);
    expect(parts(el, 'event')[0]?.querySelector('time')?.textContent).to.equal(enGB('Wed 18 Nov, 17:00'));
    const month = mountList({
      src: '/tests/fixtures/overrides.ics',
      timezone: 'UTC',
      lang: 'en-GB',
      'group-by': 'month',
      limit: '2',
    });
    await month.loaded;
    await month.el.updateComplete;
    expect(parts(month.el, 'group-heading')[0]?.textContent).to.contain('November 2026');
    expect(parts(month.el, 'event')[0]?.querySelector('time')?.textContent).to.equal(enGB('Wed 18 Nov, 17:00'));
  });

  it("dark defaults follow the page's color-scheme", async () => {
    const dark = document.createElement('div');
    dark.dataset['test'] = '';
    dark.style.colorScheme = 'dark';
    document.body.append(dark);
    const inDark = mountList({ src: '/tests/fixtures/overrides.ics', timezone: 'UTC', limit: '1' }, { parent: dark });
    const inLight = mountList({ src: '/tests/fixtures/overrides.ics', timezone: 'UTC', limit: '1' });
    await Promise.all([inDark.loaded, inLight.loaded]);
    await Promise.all([inDark.el.updateComplete, inLight.el.updateComplete]);
    const accent = (el: HTMLElement): string => getComputedStyle(parts(el, 'join')[0] ?? el).color;
    const summaryColor = (el: HTMLElement): string =>
      getComputedStyle(el.shadowRoot?.querySelector('summary') ?? el).color;
    expect(summaryColor(inDark.el)).to.equal('rgb(159, 168, 255)');
    expect(summaryColor(inLight.el)).to.equal('rgb(63, 81, 181)');
    expect(accent(inLight.el)).to.be.a('string');
  });

  it('announces what is shown when the filter changes', async () => {
    const { el, loaded } = mountList({ src: '/tests/fixtures/overrides.ics', timezone: 'UTC' });
    await loaded;
    await el.updateComplete;
    const status = (): string => el.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '';
    expect(status()).to.equal('10 upcoming events loaded.');
    el.filter = 'orphan';
    await el.updateComplete;
    await el.updateComplete;
    expect(status()).to.equal('1 event shown.');
  });

  it('follows a DST change: 09:00 Los Angeles seen from Berlin before and after US clocks change', async () => {
    const { el, loaded } = mountList(
      { src: '/tests/fixtures/overrides.ics', timezone: 'Europe/Berlin', lang: 'en-GB', days: '10' },
      { now: Date.parse('2026-10-27T12:00:00Z') },
    );
    await loaded;
    await el.updateComplete;
    const sigA = parts(el, 'event').filter((e) => e.dataset['uid'] === 'sig-a@test');
    expect(sigA.map((e) => e.querySelector('time')?.getAttribute('datetime'))).to.deep.equal([
      '2026-10-28T16:00:00Z',
      '2026-11-04T17:00:00Z',
    ]);
    expect(sigA.map((e) => e.querySelector('time')?.textContent)).to.deep.equal(['17:00', '18:00']);
  });

  it('filter, limit and days', async () => {
    const filtered = mountList({ src: '/tests/fixtures/overrides.ics', timezone: 'UTC', filter: 'sig b', limit: '3' });
    await filtered.loaded;
    await filtered.el.updateComplete;
    expect(titles(filtered.el)).to.have.length(3);
    expect(titles(filtered.el).every((t) => t.startsWith('SIG B'))).to.equal(true);
    const short = mountList({ src: '/tests/fixtures/overrides.ics', timezone: 'UTC', days: '3' });
    await short.loaded;
    await short.el.updateComplete;
    expect(starts(short.el)).to.deep.equal(['2026-11-18T17:00:00Z', '2026-11-18T19:00:00Z']);
  });

  it('merges two feeds; a multi-day event is one item; an in-progress one is marked', async () => {
    const { el, loaded } = mountList(
      { src: '/tests/fixtures/overrides.ics /tests/fixtures/dates.ics', timezone: 'UTC', lang: 'en-GB', limit: '50' },
      { now: Date.parse('2026-12-02T12:00:00Z') },
    );
    await loaded;
    await el.updateComplete;
    const all = titles(el);
    expect(all.filter((t) => t === 'Three-day conference')).to.have.length(1);
    expect(all).to.include('SIG A (moved to Thursday)');
    const conference = parts(el, 'event').find((e) => e.textContent?.includes('Three-day conference'));
    expect(conference?.querySelector('time')?.getAttribute('datetime')).to.equal('2026-12-01');
    expect(conference?.textContent).to.contain('Happening now');
  });

  it('shows cancelled instances marked when asked, hides them otherwise', async () => {
    const hidden = mountList({
      src: '/tests/fixtures/overrides.ics',
      timezone: 'UTC',
      filter: 'SIG A',
      days: '40',
      limit: '50',
    });
    await hidden.loaded;
    await hidden.el.updateComplete;
    const sigA = (el: HTMLElement): string[] =>
      parts(el, 'event')
        .filter((e) => e.dataset['uid'] === 'sig-a@test')
        .map((e) => e.querySelector('time')?.getAttribute('datetime') ?? '');
    expect(sigA(hidden.el)).not.to.include('2026-12-16T17:00:00Z');
    expect(sigA(hidden.el)).to.deep.equal(['2026-11-18T17:00:00Z', '2026-12-03T21:00:00Z']);
    const shown = mountList({
      src: '/tests/fixtures/overrides.ics',
      timezone: 'UTC',
      filter: 'SIG A',
      days: '40',
      limit: '50',
      'show-cancelled': '',
    });
    await shown.loaded;
    await shown.el.updateComplete;
    const cancelled = parts(shown.el, 'event').find(
      (e) =>
        e.dataset['uid'] === 'sig-a@test' &&
        e.querySelector('time')?.getAttribute('datetime') === '2026-12-16T17:00:00Z',
    );
    expect(cancelled?.textContent).to.contain('Cancelled');
    await expect(shown.el).to.be.accessible();
  });

  it('renders hostile feed text as text: nothing runs, no dangerous link, no bidi override', async () => {
    (window as unknown as { __xss?: number }).__xss = 0;
    const { el, loaded } = mountList(
      { src: '/tests/fixtures/hostile.ics', timezone: 'UTC' },
      { now: Date.parse('2026-11-20T00:00:00Z') },
    );
    await loaded;
    await el.updateComplete;
    await openDetails(el);
    await new Promise((r) => setTimeout(r, 50));
    const root = el.shadowRoot;
    expect((window as unknown as { __xss?: number }).__xss).to.equal(0);
    expect(root?.querySelectorAll('script, img, svg, style:not([data-lit]), iframe').length ?? 0).to.equal(0);
    for (const a of root?.querySelectorAll('a') ?? []) {
      expect(a.href).to.match(/^(https?:|mailto:)/);
      if (a.target === '_blank') expect(a.rel).to.contain('noopener').and.to.contain('noreferrer');
    }
    expect(titles(el)[0]).to.contain('<img src=x');
    expect(titles(el)[0]).not.to.contain('\u202e');
    const description = parts(el, 'description')[0];
    expect(description?.querySelector('a')?.getAttribute('href')).to.equal('https://zoom.us/j/123');
    expect(description?.textContent).to.contain('click');
    const plain = parts(el, 'description')[1];
    expect(plain?.querySelectorAll('br').length).to.be.greaterThan(0);
    expect(plain?.querySelector('a')?.getAttribute('href')).to.equal('https://meet.google.com/abc-defg-hij');
  });

  it('loads the JSON snapshot', async () => {
    const { el, loaded } = mountList({ src: '/tests/fixtures/overrides.snapshot.json', timezone: 'UTC' });
    await loaded;
    await el.updateComplete;
    expect(starts(el).slice(0, 2)).to.deep.equal(['2026-11-18T17:00:00Z', '2026-11-18T19:00:00Z']);
  });

  it('reads a Google calendar through the API', async () => {
    const requested: string[] = [];
    window.fetch = ((input: RequestInfo | URL) => {
      requested.push(String(input));
      const body = {
        kind: 'calendar#events',
        summary: 'Community',
        timeZone: 'America/Los_Angeles',
        items: [
          {
            id: 'abc_20261118T170000Z',
            iCalUID: 'abc@google.com',
            status: 'confirmed',
            summary: 'SIG: Collector',
            start: { dateTime: '2026-11-18T09:00:00-08:00', timeZone: 'America/Los_Angeles' },
            end: { dateTime: '2026-11-18T10:00:00-08:00', timeZone: 'America/Los_Angeles' },
            hangoutLink: 'https://meet.google.com/aaa-bbbb-ccc',
            htmlLink: 'https://www.google.com/calendar/event?eid=x',
          },
        ],
      };
      return Promise.resolve(new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }));
    }) as typeof fetch;
    const { el, loaded } = mountList({
      'google-calendar-id': 'community@group.calendar.google.com',
      'google-api-key': 'KEY',
      timezone: 'UTC',
    });
    await loaded;
    await el.updateComplete;
    expect(requested).to.have.length(1);
    expect(requested[0]).to.contain(
      'https://www.googleapis.com/calendar/v3/calendars/community%40group.calendar.google.com/events',
    );
    expect(starts(el)).to.deep.equal(['2026-11-18T17:00:00Z']);
    expect(parts(el, 'join')[0]?.getAttribute('href')).to.equal('https://meet.google.com/aaa-bbbb-ccc');
  });

  it('loading state: a skeleton that keeps the layout, accessible', async () => {
    hangingFetch();
    const { el } = mountList({ src: '/hang/slow.ics' });
    await el.updateComplete;
    expect(parts(el, 'skeleton').length).to.be.greaterThan(0);
    expect(el.shadowRoot?.querySelector('[aria-busy="true"]')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('removed mid-fetch: the request is aborted and nothing fires afterwards', async () => {
    const hang = hangingFetch();
    const { el } = mountList({ src: '/hang/removed.ics' });
    let fired = 0;
    el.addEventListener('otel-load', () => fired++);
    el.addEventListener('otel-error', () => fired++);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 20));
    el.remove();
    await new Promise((r) => setTimeout(r, 50));
    expect(hang.aborted()).to.equal(true);
    expect(fired).to.equal(0);
  });

  it('error state: says what failed, offers Retry and the link, shows the light-DOM fallback', async () => {
    const { el, loaded } = mountList({ src: '/tests/fixtures/missing.ics' }, { children: 'Our calendar' });
    const event = await loaded;
    await el.updateComplete;
    expect(event.type).to.equal('otel-error');
    const error = parts(el, 'error')[0];
    expect(error?.getAttribute('role')).to.equal('alert');
    expect(error?.textContent).to.contain('not found');
    expect(parts(el, 'retry')).to.have.length(1);
    const slot = el.shadowRoot?.querySelector('slot');
    expect(slot?.assignedElements().map((e) => e.textContent)).to.deep.equal(['Our calendar']);
    await expect(el).to.be.accessible();
  });

  it('Retry loads again after a failure', async () => {
    let calls = 0;
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      if (!String(input).includes('flaky')) return realFetch(input, init);
      calls++;
      return calls === 1
        ? Promise.resolve(new Response('busy', { status: 503 }))
        : realFetch('/tests/fixtures/overrides.ics', init);
    }) as typeof fetch;
    const { el, loaded } = mountList({ src: '/flaky.ics', timezone: 'UTC' });
    await loaded;
    await el.updateComplete;
    expect(parts(el, 'error')[0]?.textContent).to.contain('503');
    const reloaded = new Promise((resolve) => el.addEventListener('otel-load', resolve, { once: true }));
    parts(el, 'retry')[0]?.click();
    await reloaded;
    await el.updateComplete;
    expect(parts(el, 'event').length).to.be.greaterThan(0);
  });

  it('a failed refresh keeps the good data and says it is stale', async () => {
    let fail = false;
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      if (!String(input).includes('refresh')) return realFetch(input, init);
      return fail ? Promise.reject(new TypeError('Failed to fetch')) : realFetch('/tests/fixtures/overrides.ics', init);
    }) as typeof fetch;
    const { el, loaded } = mountList({ src: '/refresh.ics', timezone: 'UTC' });
    await loaded;
    await el.updateComplete;
    const before = starts(el);
    fail = true;
    await el.reload();
    await el.updateComplete;
    expect(starts(el)).to.deep.equal(before);
    expect(parts(el, 'stale')[0]?.textContent).to.contain('could not be refreshed');
    await expect(el).to.be.accessible();
  });

  it('empty state: says so and shows the next event beyond the horizon', async () => {
    const { el, loaded } = mountList(
      { src: '/tests/fixtures/dates.ics', timezone: 'UTC', days: '5', lang: 'en-GB' },
      { now: Date.parse('2027-02-02T00:00:00Z') },
    );
    await loaded;
    await el.updateComplete;
    const empty = parts(el, 'empty')[0];
    // The weekly all-day Monday is next on 2027-02-08, just past the five days.
    expect(empty?.textContent).to.contain('No upcoming events in the next 5 days');
    expect(empty?.textContent).to.contain('Next:');
    expect(empty?.textContent).to.contain('Monday all-day');
    await expect(el).to.be.accessible();
  });

  it('keyboard: every action is reachable with Tab and usable with Enter', async () => {
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.append(before);
    const { el, loaded } = mountList(
      { src: '/tests/fixtures/hostile.ics', timezone: 'UTC', limit: '1' },
      { now: Date.parse('2026-11-20T00:00:00Z') },
    );
    await loaded;
    await el.updateComplete;
    before.focus();
    const visited: string[] = [];
    for (let i = 0; i < 3; i++) {
      await sendKeys({ press: 'Tab' });
      const active = el.shadowRoot?.activeElement;
      visited.push(active?.closest('[part]')?.getAttribute('part') ?? active?.tagName ?? 'none');
    }
    expect(visited).to.deep.equal(['join', 'add-to-calendar', 'description']);
    await sendKeys({ press: 'Enter' });
    expect(parts(el, 'description')[0]?.hasAttribute('open')).to.equal(true);
    before.remove();
  });

  it('takes its language from the closest [lang]', async () => {
    const wrapper = document.createElement('div');
    wrapper.dataset['test'] = '';
    wrapper.lang = 'es';
    document.body.append(wrapper);
    const { el, loaded } = mountList(
      { src: '/tests/fixtures/overrides.ics', timezone: 'UTC', limit: '1' },
      { parent: wrapper },
    );
    await loaded;
    await el.updateComplete;
    expect(parts(el, 'group-heading')[0]?.textContent?.toLowerCase()).to.contain('miércoles');
  });
});

describe('<otel-event-list> with long lists and broken feeds', () => {
  /** A daily stand-up for 120 days from 2026-11-16, as a Blob URL. */
  function dailyFeed(): string {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//long list//EN',
      'BEGIN:VEVENT',
      'UID:daily@test',
      'DTSTART:20261116T090000Z',
      'DTEND:20261116T091500Z',
      'RRULE:FREQ=DAILY;COUNT=120',
      'SUMMARY:Stand-up',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    return URL.createObjectURL(new Blob([ics], { type: 'text/calendar' }));
  }

  it('paints a long list in steps: the first rows at once (busy), all of them in the next tasks', async () => {
    const url = dailyFeed();
    try {
      const { el, loaded } = mountList({ src: url, timezone: 'UTC', days: '100', limit: '100', 'group-by': 'none' });
      const event = (await loaded) as OtelLoadEvent;
      expect(event.count).to.equal(100);
      await el.updateComplete;
      const first = parts(el, 'event').length;
      expect(first).to.be.within(1, 99);
      expect(parts(el, 'list')[0]?.getAttribute('aria-busy')).to.equal('true');
      await waitUntil(() => parts(el, 'event').length === 100, 'every row rendered');
      await el.updateComplete;
      expect(parts(el, 'list')[0]?.hasAttribute('aria-busy')).to.equal(false);
      expect(starts(el)[99]).to.equal('2027-02-24T09:00:00Z');
      el.remove();
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('says in words what in a feed could not be read, and reports it with otel-load', async () => {
    const { el, loaded } = mountList({
      src: '/tests/fixtures/malformed.ics',
      timezone: 'UTC',
      days: '365',
      limit: '50',
    });
    const event = (await loaded) as OtelLoadEvent;
    await el.updateComplete;
    expect(event.warnings.length).to.be.greaterThan(0);
    const note = parts(el, 'warnings')[0];
    expect(note, 'the warnings note').to.not.equal(undefined);
    expect(note?.querySelector('summary')?.textContent).to.equal(
      message('en', 'feedWarnings', { count: event.warnings.length }),
    );
    const items = Array.from(note?.querySelectorAll('li') ?? []);
    expect(items.length).to.equal(Math.min(20, event.warnings.length));
    expect(note?.querySelector('ul')?.getAttribute('lang')).to.equal('en');
    expect(items[0]?.textContent).to.equal(
      event.warnings[0]?.message + (event.warnings[0]?.line ? ` (line ${event.warnings[0]?.line})` : ''),
    );
    expect(parts(el, 'event').length, 'the readable events are still shown').to.be.greaterThan(0);
    el.remove();
  });

  it('shows no warnings note for a clean feed', async () => {
    const { el, loaded } = mountList({ src: '/tests/fixtures/overrides.ics', timezone: 'UTC' });
    const event = (await loaded) as OtelLoadEvent;
    await el.updateComplete;
    expect(event.warnings).to.deep.equal([]);
    expect(parts(el, 'warnings')).to.deep.equal([]);
    el.remove();
  });
});
