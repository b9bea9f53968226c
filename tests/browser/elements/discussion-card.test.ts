import { expect, waitUntil } from '@open-wc/testing';
import { clearCalendarCache } from '../../../src/calendar/fetch.js';
import '../../../src/elements/discussion-card/define.js';
import type { OtelDiscussionCard } from '../../../src/elements/discussion-card/discussion-card.js';
import { loadMessages } from '../../../src/elements/i18n/messages/index.js';
import { type Mounted, enGB, mount, parts } from '../harness.js';

// Catalogs load on first use; these tests read Spanish texts synchronously.
await loadMessages('es');

const realFetch = window.fetch;
const EMEA = { rrule: 'FREQ=MONTHLY;BYDAY=3TU', dtstart: '2024-01-16T11:00', timezone: 'Europe/Berlin' };

/** Mounts a card named "End User Discussion Group — EMEA" (unless `heading` says otherwise), `now` pinned. */
function mountCard(
  attributes: Record<string, string>,
  now: number,
  parent: HTMLElement = document.body,
): Mounted<OtelDiscussionCard> {
  return mount('otel-discussion-card', { heading: 'End User Discussion Group — EMEA', ...attributes }, now, parent);
}

function sessions(el: HTMLElement): { start: string; text: string; next: boolean; cancelled: boolean }[] {
  return parts(el, 'session').map((li) => ({
    start: li.querySelector('time')?.getAttribute('datetime') ?? '',
    text: li.querySelector('time')?.textContent ?? '',
    next: (li.getAttribute('part') ?? '').split(' ').includes('next'),
    cancelled: (li.getAttribute('part') ?? '').split(' ').includes('cancelled'),
  }));
}

afterEach(() => {
  window.fetch = realFetch;
  clearCalendarCache();
  for (const el of document.querySelectorAll('otel-discussion-card, div[data-test]')) el.remove();
});

describe('<otel-discussion-card>', () => {
  it('an inline schedule: cadence in words, next sessions, no fetch at all', async () => {
    let fetches = 0;
    window.fetch = ((...args: Parameters<typeof fetch>) => {
      fetches++;
      return realFetch(...args);
    }) as typeof fetch;
    const { el, done } = mountCard(
      { ...EMEA, region: 'EMEA', lang: 'en-GB', chatham: '' },
      Date.parse('2026-11-10T12:00:00Z'),
    );
    const event = await done;
    await el.updateComplete;
    expect(event.type).to.equal('otel-load');
    expect(fetches).to.equal(0);
    expect(parts(el, 'cadence')[0]?.textContent?.trim()).to.equal('every third Tuesday of the month at 11:00 CET');
    expect(sessions(el).map((s) => s.start)).to.deep.equal([
      '2026-11-17T10:00:00Z',
      '2026-12-15T10:00:00Z',
      '2027-01-19T10:00:00Z',
    ]);
    expect(sessions(el).map((s) => s.next)).to.deep.equal([true, false, false]);
    expect(parts(el, 'relative')[0]?.textContent).to.equal('in 7 days');
    expect(parts(el, 'region')[0]?.textContent).to.contain('Europe, Middle East and Africa');
    expect(parts(el, 'title')[0]?.tagName).to.equal('H3');
    expect(el.shadowRoot?.querySelector('chatham-notice')?.getAttribute('variant')).to.equal('badge');
    expect(parts(el, 'format')[0]?.textContent).to.contain('Lean Coffee');
    await expect(el).to.be.accessible();
  });

  for (const [zone, times] of [
    // en-GB writes hours with two digits ("HH:mm"), in every engine.
    ['America/New_York', [enGB('Tue 16 Feb, 05:00'), enGB('Tue 16 Mar, 06:00'), enGB('Tue 20 Apr, 05:00')]],
    ['Asia/Kolkata', [enGB('Tue 16 Feb, 15:30'), enGB('Tue 16 Mar, 15:30'), enGB('Tue 20 Apr, 14:30')]],
    ['UTC', [enGB('Tue 16 Feb, 10:00'), enGB('Tue 16 Mar, 10:00'), enGB('Tue 20 Apr, 09:00')]],
  ] as const) {
    it(`next sessions across the DST changes, seen from ${zone}`, async () => {
      const { el, done } = mountCard(
        { ...EMEA, lang: 'en-GB', 'display-timezone': zone },
        Date.parse('2027-02-01T00:00:00Z'),
      );
      await done;
      await el.updateComplete;
      // 11:00 Berlin is 10:00Z in winter and 09:00Z from 28 March; New York changes on 14 March.
      expect(sessions(el).map((s) => s.start)).to.deep.equal([
        '2027-02-16T10:00:00Z',
        '2027-03-16T10:00:00Z',
        '2027-04-20T09:00:00Z',
      ]);
      expect(sessions(el).map((s) => s.text)).to.deep.equal(times);
      expect(parts(el, 'host-time')[0]?.textContent).to.contain('11:00');
    });
  }

  it("speaks the page's language (Spanish cadence and dates)", async () => {
    const wrapper = document.createElement('div');
    wrapper.dataset['test'] = '';
    wrapper.lang = 'es';
    document.body.append(wrapper);
    const { el, done } = mountCard({ ...EMEA, region: 'EMEA' }, Date.parse('2026-11-10T12:00:00Z'), wrapper);
    await done;
    await el.updateComplete;
    expect(parts(el, 'cadence')[0]?.textContent?.trim()).to.equal('cada tercer martes del mes a las 11:00 CET');
    expect(parts(el, 'session')[0]?.querySelector('time')?.textContent?.toLowerCase()).to.contain('mar');
    expect(parts(el, 'sessions')[0]?.textContent).to.contain('Próximas sesiones');
  });

  it("in the viewer's own zone the host time is not repeated", async () => {
    const { el, done } = mountCard({ ...EMEA, lang: 'en-GB' }, Date.parse('2027-02-01T00:00:00Z'));
    await done;
    await el.updateComplete;
    expect(sessions(el).map((s) => s.text)).to.deep.equal([
      enGB('Tue 16 Feb, 11:00'),
      enGB('Tue 16 Mar, 11:00'),
      enGB('Tue 20 Apr, 11:00'),
    ]);
    expect(parts(el, 'host-time')).to.have.length(0);
  });

  it('a calendar-matched schedule reflects moved and cancelled sessions', async () => {
    const { el, done } = mountCard(
      {
        src: '/tests/fixtures/discussion-groups.ics',
        match: 'EMEA',
        lang: 'en-GB',
        'display-timezone': 'UTC',
        count: '3',
      },
      Date.parse('2026-11-10T12:00:00Z'),
    );
    await done;
    await el.updateComplete;
    expect(sessions(el)).to.deep.equal([
      { start: '2026-11-17T10:00:00Z', text: enGB('Tue 17 Nov, 10:00'), next: true, cancelled: false },
      { start: '2026-12-15T10:00:00Z', text: enGB('Tue 15 Dec, 10:00'), next: false, cancelled: true },
      { start: '2027-01-26T13:00:00Z', text: enGB('Tue 26 Jan, 13:00'), next: false, cancelled: false },
      { start: '2027-02-16T10:00:00Z', text: enGB('Tue 16 Feb, 10:00'), next: false, cancelled: false },
    ]);
    expect(parts(el, 'cadence')[0]?.textContent?.trim()).to.equal('every third Tuesday of the month at 11:00 CET');
    expect(parts(el, 'join')[0]?.getAttribute('href')).to.equal('https://zoom.us/j/111');
    expect(parts(el, 'session')[1]?.textContent).to.contain('Cancelled');
    await expect(el).to.be.accessible();
  });

  it('adds the whole series to a calendar as an .ics with the rule and the local time', async () => {
    const { el, done } = mountCard(
      { ...EMEA, 'join-url': 'https://zoom.us/j/222' },
      Date.parse('2026-11-10T12:00:00Z'),
    );
    await done;
    await el.updateComplete;
    const blobs: Blob[] = [];
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource): string => {
      if (blob instanceof Blob) blobs.push(blob);
      return create(blob);
    };
    try {
      parts(el, 'add-to-calendar')[0]?.click();
      await waitUntil(() => blobs.length > 0, 'the download starts once the export module has loaded');
    } finally {
      URL.createObjectURL = create;
    }
    const text = await blobs[0]?.text();
    expect(text).to.contain('DTSTART;TZID=Europe/Berlin:20240116T110000');
    expect(text).to.contain('RRULE:FREQ=MONTHLY;BYDAY=3TU');
    expect(text).to.contain('URL:https://zoom.us/j/222');
  });

  it('recorded sessions say so instead of the Chatham House Rule', async () => {
    const { el, done } = mountCard({ ...EMEA, recorded: '' }, Date.parse('2026-11-10T12:00:00Z'));
    await done;
    await el.updateComplete;
    const notice = el.shadowRoot?.querySelector('chatham-notice');
    expect(notice?.hasAttribute('recorded')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('community links and the links slot', async () => {
    const { el, done } = mountCard(
      { ...EMEA, 'slack-url': 'https://cloud-native.slack.com/archives/C01', 'notes-url': 'javascript:alert(1)' },
      Date.parse('2026-11-10T12:00:00Z'),
    );
    const extra = document.createElement('a');
    extra.slot = 'links';
    extra.href = 'https://example.org/agenda';
    extra.textContent = 'Agenda';
    el.append(extra);
    el.requestUpdate();
    await done;
    await el.updateComplete;
    const links = parts(el, 'links')[0];
    expect(Array.from(links?.querySelectorAll('a') ?? []).map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://cloud-native.slack.com/archives/C01',
    ]);
    expect(links?.querySelector('slot')?.assignedElements()).to.have.length(1);
  });

  it('loading, error and empty states are clear and accessible', async () => {
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
      String(input).includes('/hang/')
        ? new Promise<Response>((_r, reject) =>
            init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))),
          )
        : realFetch(input, init)) as typeof fetch;
    const loading = mountCard({ src: '/hang/groups.ics', match: 'EMEA' }, Date.parse('2026-11-10T12:00:00Z'));
    await loading.el.updateComplete;
    expect(loading.el.shadowRoot?.querySelector('[aria-busy="true"]')).not.to.equal(null);
    await expect(loading.el).to.be.accessible();

    const failed = mountCard({ src: '/tests/fixtures/missing.ics', match: 'EMEA' }, Date.parse('2026-11-10T12:00:00Z'));
    expect((await failed.done).type).to.equal('otel-error');
    await failed.el.updateComplete;
    expect(parts(failed.el, 'error')[0]?.textContent).to.contain('not found');
    expect(parts(failed.el, 'retry')).to.have.length(1);
    await expect(failed.el).to.be.accessible();

    const ended = mountCard(
      { ...EMEA, rrule: 'FREQ=MONTHLY;BYDAY=3TU;UNTIL=20250101T000000Z' },
      Date.parse('2026-11-10T12:00:00Z'),
    );
    await ended.done;
    await ended.el.updateComplete;
    expect(parts(ended.el, 'sessions')[0]?.textContent).to.contain('No upcoming sessions');
    await expect(ended.el).to.be.accessible();

    const invalid = mountCard({ ...EMEA, rrule: 'FREQ=FORTNIGHTLY' }, Date.parse('2026-11-10T12:00:00Z'));
    expect((await invalid.done).type).to.equal('otel-error');
    await invalid.el.updateComplete;
    expect(parts(invalid.el, 'error')[0]?.textContent).to.contain('FREQ');
  });

  it('without a heading: named after its sessions, else its region, else "Discussion group" (never an empty heading)', async () => {
    const now = Date.parse('2026-11-10T12:00:00Z');
    const title = (el: HTMLElement): string => parts(el, 'title')[0]?.textContent?.trim() ?? '';
    const fromFeed = mountCard(
      { src: '/tests/fixtures/discussion-groups.ics', match: 'EMEA', lang: 'en', heading: '' },
      now,
    );
    const fromRegion = mountCard({ ...EMEA, region: 'APAC', lang: 'en', heading: '' }, now);
    const bare = mountCard({ ...EMEA, lang: 'es', heading: '' }, now);
    await Promise.all([fromFeed.done, fromRegion.done, bare.done]);
    await Promise.all([fromFeed.el.updateComplete, fromRegion.el.updateComplete, bare.el.updateComplete]);
    expect(title(fromFeed.el)).to.equal('End User Discussion Group — EMEA');
    expect(title(fromRegion.el)).to.equal('Asia-Pacific');
    expect(title(bare.el)).to.equal('Grupo de debate');
    // The Join link's label names the group the same way.
    const join = parts(fromFeed.el, 'join')[0];
    if (join) expect(join.getAttribute('aria-label')).to.equal('Join: End User Discussion Group — EMEA');
  });

  it('cache="none": nothing of its calendar is written to localStorage; the default saves it', async () => {
    const { persistedWritesSettled } = await import('../../../src/elements/data/load.js');
    const { CACHE_PREFIX } = await import('../../../src/elements/data/persisted-cache.js');
    // This file's feeds only: other test files share the origin's storage and run at the same time.
    const entries = (): string[] =>
      Object.keys(localStorage).filter((k) => k.startsWith(CACHE_PREFIX) && k.includes('discussion-groups.ics?'));
    // What earlier cards of this file saved (in idle time) is written and cleared first.
    await persistedWritesSettled();
    for (const key of entries()) localStorage.removeItem(key);
    const now = Date.parse('2026-11-10T12:00:00Z');
    const none = mountCard({ src: '/tests/fixtures/discussion-groups.ics?none', match: 'EMEA', cache: 'none' }, now);
    await none.done;
    await persistedWritesSettled();
    expect(entries(), 'entries after a card with cache="none"').to.deep.equal([]);
    const saved = mountCard({ src: '/tests/fixtures/discussion-groups.ics?local', match: 'EMEA' }, now);
    await saved.done;
    await persistedWritesSettled();
    expect(entries().length).to.equal(1);
    expect(entries()[0]).to.contain('discussion-groups.ics?local');
    for (const key of entries()) localStorage.removeItem(key);
  });
});
