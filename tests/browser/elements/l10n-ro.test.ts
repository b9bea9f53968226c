/**
 * Romanian: the catalog (keys, spelling), the cadence sentences (feminine ordinals, "zi de luni"
 * where "luni" would read as "months"), the three plural forms (1 — 2…19, 101… — 20…100 with
 * "de"), and all three elements rendered in Romanian. Dates, times and relative hints come from
 * Intl, so the expected strings name what Intl writes and check it against the Romanian words.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { clearCalendarCache } from '../../../src/calendar/fetch.js';
import '../../../src/elements/chatham-notice/define.js';
import '../../../src/elements/discussion-card/define.js';
import '../../../src/elements/event-list/define.js';
import { describeCadence } from '../../../src/elements/i18n/cadence.js';
import { en } from '../../../src/elements/i18n/messages/en.js';
import { message, registerMessages } from '../../../src/elements/i18n/messages/index.js';
import { messages as ro } from '../../../src/elements/i18n/messages/ro.js';
import { BERLIN, instant, intlTime, mount, type Mounted, parts, rule, wall } from '../harness.js';

// Registered directly, so the elements render Romanian synchronously.
registerMessages('ro', ro);

/** The cadence of `rrule` with DTSTART `start` (Berlin), described at that first occurrence. */
function cadence(rrule: string, start: string, locale = 'ro'): string | undefined {
  return describeCadence(rule(rrule), wall(start), BERLIN, locale, instant(BERLIN, start));
}

/** Placeholder names of a template, as the Node catalog test reads them (`wd` is optional). */
function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{\s*(\w+)\s*(?:,|\})/g)].map((m) => m[1] ?? ''))]
    .filter((n) => n !== 'wd')
    .sort();
}

function text(el: Node | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('Romanian catalog', () => {
  it('has every English key, with the same placeholders', () => {
    expect(Object.keys(ro).sort()).to.deep.equal(Object.keys(en).sort());
    const texts: Readonly<Record<string, string>> = ro;
    for (const [key, english] of Object.entries(en)) {
      const value = texts[key] ?? '';
      expect(value, key).not.to.equal('');
      expect(placeholders(value), key).to.deep.equal(placeholders(english));
    }
  });

  it('labels that extend a visible text start with that text (WCAG 2.5.3)', () => {
    expect(ro.joinLabel.startsWith(ro.join)).to.equal(true);
    expect(ro.detailsLabel.startsWith(ro.details)).to.equal(true);
    expect(ro.addToCalendarLabel.startsWith(ro.addToCalendar)).to.equal(true);
    expect(message('ro', 'joinLabel', { title: 'SIG A' })).to.equal('Participați: SIG A');
  });

  it('writes ș and ț with the comma below, as Intl does, never the cedilla forms', () => {
    const all = Object.values(ro).join(' ');
    expect(all).not.to.match(/[şţŞŢ]/);
    expect(all).to.contain('ș').and.to.contain('ț');
    // Intl's own weekday name, which the cadence sentences put next to the catalog's words.
    expect(new Intl.DateTimeFormat('ro', { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 16))).to.equal(
      'marți',
    );
  });

  it('regional tags (ro-RO, ro-MD) use it', () => {
    expect(message('ro-RO', 'retry')).to.equal('Reîncercați');
    expect(message('ro-MD', 'chathamTitle')).to.equal('Regula Chatham House');
  });
});

describe('Romanian cadence', () => {
  /** Each case: rule, DTSTART (Berlin wall time), the sentence before the time. */
  type Case = readonly [rrule: string, start: string, text: string];

  function check(cases: readonly Case[]): void {
    for (const [rrule, start, words] of cases) {
      it(`${rrule} from ${start}`, () => {
        const time = intlTime('ro', BERLIN, instant(BERLIN, start));
        expect(cadence(rrule, start)).to.equal(`${words}${time}`);
      });
    }
  }

  describe('monthly on the nth weekday: feminine ordinals, "zi de luni" for Monday', () => {
    check([
      ['FREQ=MONTHLY;BYDAY=3TU', '2024-01-16T11:00', 'în a treia marți a fiecărei luni, la ora '],
      ['FREQ=MONTHLY;BYDAY=TU;BYSETPOS=3', '2024-01-16T11:00', 'în a treia marți a fiecărei luni, la ora '],
      ['FREQ=MONTHLY;BYDAY=1MO', '2024-01-01T11:00', 'în prima zi de luni a fiecărei luni, la ora '],
      ['FREQ=MONTHLY;BYDAY=2WE', '2024-01-10T11:00', 'în a doua miercuri a fiecărei luni, la ora '],
      ['FREQ=MONTHLY;BYDAY=4TH', '2024-01-25T11:00', 'în a patra joi a fiecărei luni, la ora '],
      ['FREQ=MONTHLY;BYDAY=5SA', '2024-03-30T11:00', 'în a cincea sâmbătă a fiecărei luni, la ora '],
      ['FREQ=MONTHLY;BYDAY=-1FR', '2024-01-26T11:00', 'în ultima vineri a fiecărei luni, la ora '],
      ['FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1', '2024-01-26T11:00', 'în ultima vineri a fiecărei luni, la ora '],
      ['FREQ=MONTHLY;BYDAY=-2SU', '2024-01-21T11:00', 'în penultima duminică a fiecărei luni, la ora '],
      ['FREQ=MONTHLY;INTERVAL=2;BYDAY=3TU', '2024-01-16T11:00', 'o dată la 2 luni, în a treia marți a lunii, la ora '],
      [
        'FREQ=MONTHLY;INTERVAL=20;BYDAY=1MO',
        '2024-01-01T11:00',
        'o dată la 20 de luni, în prima zi de luni a lunii, la ora ',
      ],
    ]);
  });

  describe('weekly and daily', () => {
    check([
      ['FREQ=WEEKLY;BYDAY=TU,TH', '2024-01-16T11:00', 'în fiecare marți și joi, la ora '],
      ['FREQ=WEEKLY;BYDAY=FR,MO,WE', '2024-01-15T11:00', 'în fiecare luni, miercuri și vineri, la ora '],
      ['FREQ=WEEKLY', '2024-01-14T11:00', 'în fiecare duminică, la ora '],
      ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', '2024-01-16T11:00', 'o dată la 2 săptămâni, marți, la ora '],
      ['FREQ=WEEKLY;INTERVAL=21;BYDAY=SA', '2024-01-13T11:00', 'o dată la 21 de săptămâni, sâmbătă, la ora '],
      ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', '2024-01-15T11:00', 'de luni până vineri, la ora '],
      ['FREQ=DAILY', '2024-01-15T11:00', 'în fiecare zi, la ora '],
    ]);
  });

  describe('monthly on a day, yearly', () => {
    check([
      ['FREQ=MONTHLY;BYMONTHDAY=21', '2024-01-21T11:00', 'în data de 21 a fiecărei luni, la ora '],
      ['FREQ=MONTHLY;BYMONTHDAY=1', '2024-01-01T11:00', 'în data de 1 a fiecărei luni, la ora '],
      ['FREQ=MONTHLY;BYMONTHDAY=-1', '2024-01-31T11:00', 'în ultima zi a fiecărei luni, la ora '],
      ['FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=26', '2024-01-16T11:00', 'în fiecare an, pe 26 iunie, la ora '],
    ]);
  });

  it('the time is Intl’s Romanian time (24-hour) with the zone in effect that day', () => {
    expect(intlTime('ro', BERLIN, instant(BERLIN, '2024-01-16T11:00'))).to.equal('11:00 CET');
    expect(intlTime('ro', BERLIN, instant(BERLIN, '2024-07-16T11:00'))).to.equal('11:00 CEST');
    // Summer: the same series at the same wall time, named CEST.
    const at = instant(BERLIN, '2024-07-16T11:00');
    expect(describeCadence(rule('FREQ=MONTHLY;BYDAY=3TU'), wall('2024-01-16T11:00'), BERLIN, 'ro', at)).to.equal(
      'în a treia marți a fiecărei luni, la ora 11:00 CEST',
    );
    expect(cadence('FREQ=DAILY', '2024-01-15T09:00')).to.equal('în fiecare zi, la ora 09:00 CET');
  });

  it('regional Romanian locales use the Romanian sentences', () => {
    expect(cadence('FREQ=MONTHLY;BYDAY=3TU', '2024-01-16T11:00', 'ro-RO')).to.equal(
      cadence('FREQ=MONTHLY;BYDAY=3TU', '2024-01-16T11:00', 'ro'),
    );
  });
});

describe('Romanian plurals (CLDR one / few / other)', () => {
  // 1 is `one`; 0, 2–19 and 101–119 are `few`; 20–100 and 120… are `other`, which puts "de"
  // between the number and the noun.
  const counts = [1, 2, 19, 20, 100, 101, 120] as const;

  it('the forms Intl.PluralRules gives these numbers', () => {
    const rules = new Intl.PluralRules('ro');
    expect(counts.map((n) => rules.select(n))).to.deep.equal(['one', 'few', 'few', 'other', 'other', 'few', 'other']);
    expect(rules.select(0)).to.equal('few');
  });

  it('loaded, shown', () => {
    expect(counts.map((count) => message('ro', 'loaded', { count }))).to.deep.equal([
      '1 eveniment viitor încărcat.',
      '2 evenimente viitoare încărcate.',
      '19 evenimente viitoare încărcate.',
      '20 de evenimente viitoare încărcate.',
      '100 de evenimente viitoare încărcate.',
      '101 evenimente viitoare încărcate.',
      '120 de evenimente viitoare încărcate.',
    ]);
    expect(counts.map((count) => message('ro', 'shown', { count }))).to.deep.equal([
      '1 eveniment afișat.',
      '2 evenimente afișate.',
      '19 evenimente afișate.',
      '20 de evenimente afișate.',
      '100 de evenimente afișate.',
      '101 evenimente afișate.',
      '120 de evenimente afișate.',
    ]);
    expect(message('ro', 'shown', { count: 0 })).to.equal('0 evenimente afișate.');
    // Romanian groups thousands with a dot.
    expect(message('ro', 'shown', { count: 1000 })).to.equal('1.000 de evenimente afișate.');
  });

  it('the empty state, the feed warnings and the retry delay', () => {
    expect([1, 2, 20, 101].map((days) => message('ro', 'empty', { days }))).to.deep.equal([
      'Nu sunt evenimente programate în următoarele 24 de ore.',
      'Nu sunt evenimente programate în următoarele 2 zile.',
      'Nu sunt evenimente programate în următoarele 20 de zile.',
      'Nu sunt evenimente programate în următoarele 101 zile.',
    ]);
    expect(message('ro', 'emptyFiltered', { days: 30, filter: 'SIG' })).to.equal(
      'Nu sunt evenimente care să corespundă căutării „SIG” în următoarele 30 de zile.',
    );
    expect([1, 2, 20, 101].map((count) => message('ro', 'feedWarnings', { count }))).to.deep.equal([
      'Acest calendar are 1 problemă; se afișează tot ce a putut fi citit.',
      'Acest calendar are 2 probleme; se afișează tot ce a putut fi citit.',
      'Acest calendar are 20 de probleme; se afișează tot ce a putut fi citit.',
      'Acest calendar are 101 probleme; se afișează tot ce a putut fi citit.',
    ]);
    expect([1, 2, 20].map((minutes) => message('ro', 'errorRateLimited', { minutes, status: 429 }))).to.deep.equal([
      'Serverul calendarului este ocupat (HTTP 429). Încercați din nou peste 1 minut.',
      'Serverul calendarului este ocupat (HTTP 429). Încercați din nou peste 2 minute.',
      'Serverul calendarului este ocupat (HTTP 429). Încercați din nou peste 20 de minute.',
    ]);
  });
});

describe('rendered in Romanian', () => {
  const NOW = Date.parse('2026-11-16T12:00:00Z');

  function mountList(attributes: Record<string, string>, now = NOW): Mounted<HTMLElementTagNameMap['otel-event-list']> {
    return mount('otel-event-list', { lang: 'ro', ...attributes }, now);
  }

  afterEach(() => {
    clearCalendarCache();
    for (const el of document.querySelectorAll('otel-event-list, otel-discussion-card, chatham-notice')) el.remove();
  });

  it('<otel-event-list lang="ro">: day headings, relative hints, actions and the announcement', async () => {
    const { el, done } = mountList({ src: '/tests/fixtures/overrides.ics', timezone: 'UTC' });
    expect((await done).type).to.equal('otel-load');
    await el.updateComplete;
    const heading = new Intl.DateTimeFormat('ro', {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
    }).format(Date.UTC(2026, 10, 18));
    expect(heading).to.equal('miercuri, 18 noiembrie');
    expect(text(parts(el, 'group-heading')[0])).to.equal(heading);
    // Wednesday 18 November seen from Monday 16 November: "the day after tomorrow".
    expect(text(parts(el, 'relative')[0])).to.equal('poimâine');
    const hints = parts(el, 'relative').map(text);
    // SIG B on 25 November: nine days ahead.
    expect(hints).to.include('peste 9 zile');
    const summary = parts(el, 'add-to-calendar')[0]?.querySelector('summary');
    expect(text(summary)).to.equal('Adăugați în calendar');
    expect(summary?.getAttribute('aria-label')).to.equal('Adăugați în calendar: SIG A');
    expect(text(parts(el, 'footer')[0])).to.contain('Abonați-vă la acest calendar');
    expect(text(el.shadowRoot?.querySelector('[role="status"]'))).to.equal('10 evenimente viitoare încărcate.');
    expect(text(parts(el, 'base')[0])).not.to.match(/Add to calendar|Subscribe|upcoming/);
    await expect(el).to.be.accessible();
  });

  it('<otel-event-list lang="ro">: 20 or more events take "de", cancelled ones are marked', async () => {
    const { el, done } = mountList({
      src: '/tests/fixtures/overrides.ics',
      timezone: 'UTC',
      days: '90',
      limit: '100',
      'show-cancelled': '',
    });
    await done;
    // Long lists render in steps: count the rows once all of them are there.
    await waitUntil(() => el.shadowRoot?.querySelector('[part~="list"][aria-busy]') === null, 'every row rendered');
    const count = parts(el, 'event').length;
    expect(count).to.be.within(20, 100);
    expect(text(el.shadowRoot?.querySelector('[role="status"]'))).to.equal(
      `${count} de evenimente viitoare încărcate.`,
    );
    expect(parts(el, 'cancelled-badge').map(text)).to.include('Anulat');
    await expect(el).to.be.accessible();
  });

  it('<otel-event-list lang="ro">: the empty and error states', async () => {
    const empty = mountList(
      { src: '/tests/fixtures/dates.ics', timezone: 'UTC', days: '5' },
      Date.parse('2027-02-02T00:00:00Z'),
    );
    await empty.done;
    await empty.el.updateComplete;
    const emptyText = text(parts(empty.el, 'empty')[0]);
    expect(emptyText).to.contain('Nu sunt evenimente programate în următoarele 5 zile.');
    expect(emptyText).to.contain('Următorul eveniment:');
    await expect(empty.el).to.be.accessible();

    const failed = mountList({ src: '/tests/fixtures/missing.ics' });
    expect((await failed.done).type).to.equal('otel-error');
    await failed.el.updateComplete;
    const error = parts(failed.el, 'error')[0];
    expect(text(error?.querySelector('.title'))).to.equal('Calendarul nu a putut fi încărcat');
    expect(text(error)).to.contain('Calendarul nu a fost găsit (HTTP 404).');
    expect(text(parts(failed.el, 'retry')[0])).to.equal('Reîncercați');
    await expect(failed.el).to.be.accessible();
  });

  it('<otel-discussion-card lang="ro">: the cadence, region, sessions and the Chatham House badge', async () => {
    const { el, done } = mount(
      'otel-discussion-card',
      {
        lang: 'ro',
        rrule: 'FREQ=MONTHLY;BYDAY=3TU',
        dtstart: '2024-01-16T11:00',
        timezone: BERLIN,
        heading: 'End User Discussion Group — EMEA',
        region: 'EMEA',
        chatham: '',
      },
      Date.parse('2026-11-10T12:00:00Z'),
    );
    expect((await done).type).to.equal('otel-load');
    await el.updateComplete;
    // The next session, 17 November 2026, is in winter time.
    expect(text(parts(el, 'cadence')[0])).to.equal('în a treia marți a fiecărei luni, la ora 11:00 CET');
    expect(text(parts(el, 'region')[0])).to.contain('Europa, Orientul Mijlociu și Africa');
    expect(text(parts(el, 'sessions-heading')[0])).to.equal('Următoarele sesiuni');
    expect(text(parts(el, 'next-badge')[0])).to.equal('Următoarea sesiune');
    // From Tuesday 10 to Tuesday 17 November.
    expect(text(parts(el, 'relative')[0])).to.equal('peste 7 zile');
    expect(text(el.shadowRoot)).to.contain('Când');
    const badge = el.shadowRoot?.querySelector('chatham-notice');
    await (badge as (Element & { updateComplete?: Promise<unknown> }) | null | undefined)?.updateComplete;
    expect(text(badge?.shadowRoot?.querySelector('[part~="badge"]'))).to.equal('Regula Chatham House');
    await expect(el).to.be.accessible();
  });

  it('<chatham-notice lang="ro">: the rule, its optional lines, the source link and Dismiss', async () => {
    const inline = document.createElement('chatham-notice');
    inline.setAttribute('lang', 'ro');
    inline.setAttribute('variant', 'inline');
    inline.setAttribute('no-recording', '');
    inline.setAttribute('no-leads', '');
    document.body.append(inline);
    await inline.updateComplete;
    const root = inline.shadowRoot;
    expect(text(root?.querySelector('[part~="title"]'))).to.equal('Regula Chatham House');
    expect(text(root?.querySelector('[part~="text"]'))).to.equal(ro.chathamRule);
    expect([...(root?.querySelectorAll('[part~="lines"] li') ?? [])].map(text)).to.deep.equal([
      'Această sesiune nu este înregistrată.',
      ro.chathamNoLeads,
    ]);
    expect(text(root?.querySelector('[part~="source"]'))).to.equal('Despre Regula Chatham House');
    // Every text is Romanian: nothing is marked as an English fallback.
    expect(root?.querySelector('[lang="en"]')).to.equal(null);
    await expect(inline).to.be.accessible();

    const banner = document.createElement('chatham-notice');
    banner.setAttribute('lang', 'ro');
    banner.setAttribute('variant', 'banner');
    banner.setAttribute('recorded', '');
    banner.setAttribute('storage-key', `ro-test-${Date.now()}`);
    document.body.append(banner);
    await banner.updateComplete;
    expect(text(banner.shadowRoot?.querySelector('[part~="title"]'))).to.equal('Sesiune înregistrată');
    expect(text(banner.shadowRoot?.querySelector('[part~="text"]'))).to.equal(ro.recordedText);
    expect(banner.shadowRoot?.querySelector('[part~="dismiss"]')?.getAttribute('aria-label')).to.equal('Închideți');
    await expect(banner).to.be.accessible();
  });
});
