/**
 * French and Portuguese: the catalogs' cadence sentences (with Portuguese gender agreement),
 * plural forms, and the elements rendering them. Times, dates and weekday names come from Intl in
 * the browser, so the expected strings compute them the same way instead of guessing them.
 */
import { expect } from '@open-wc/testing';
import { clearCalendarCache } from '../../../src/calendar/fetch.js';
import '../../../src/elements/discussion-card/define.js';
import type { OtelDiscussionCard } from '../../../src/elements/discussion-card/discussion-card.js';
import '../../../src/elements/event-list/define.js';
import type { OtelEventList } from '../../../src/elements/event-list/event-list.js';
import { describeCadence } from '../../../src/elements/i18n/cadence.js';
import { en, type MessageKey } from '../../../src/elements/i18n/messages/en.js';
import { messages as fr } from '../../../src/elements/i18n/messages/fr.js';
import { message, registerMessages } from '../../../src/elements/i18n/messages/index.js';
import { messages as pt } from '../../../src/elements/i18n/messages/pt.js';
import { BERLIN, instant, intlTime, mount, type Mounted, openDetails, parts, rule, wall } from '../harness.js';

// Registered directly, so the elements render these languages synchronously.
registerMessages('fr', fr);
registerMessages('pt', pt);

/** U+202F, the narrow no-break space of French typography. */
const NNBSP = '\u202f';

/** The cadence of `rrule` with DTSTART `start` (Berlin), `at` = that first occurrence. */
function cadence(rrule: string, start: string, locale: string): string | undefined {
  return describeCadence(rule(rrule), wall(start), BERLIN, locale, instant(BERLIN, start));
}

interface Case {
  readonly rrule: string;
  readonly start: string;
  /** The sentence, given the time Intl writes for `start` in Berlin. */
  readonly text: (time: string) => string;
}

function check(locale: string, cases: readonly Case[]): void {
  for (const c of cases) {
    it(`${c.rrule} from ${c.start}`, () => {
      const time = intlTime(locale, BERLIN, instant(BERLIN, c.start));
      expect(cadence(c.rrule, c.start, locale)).to.equal(c.text(time));
    });
  }
}

const placeholders = (text: string): string[] =>
  [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();

function catalogChecks(name: string, catalog: Readonly<Record<MessageKey, string>>): void {
  it(`${name}: every English key, each English {placeholder} kept`, () => {
    expect(Object.keys(catalog).sort()).to.deep.equal(Object.keys(en).sort());
    for (const key of Object.keys(en) as MessageKey[]) {
      const text = catalog[key];
      expect(text, key).to.be.a('string').and.not.equal('');
      // Every placeholder English fills is filled here too (select branches add plain words).
      for (const p of placeholders(en[key]))
        expect(new RegExp(`\\{\\s*${p}\\s*[,}]`).test(text), `${key}: {${p}}`).to.equal(true);
    }
  });

  it(`${name}: labels that extend a visible text start with that text (WCAG 2.5.3)`, () => {
    expect(catalog.joinLabel.startsWith(catalog.join)).to.equal(true);
    expect(catalog.detailsLabel.startsWith(catalog.details)).to.equal(true);
    expect(catalog.addToCalendarLabel.startsWith(catalog.addToCalendar)).to.equal(true);
  });
}

function mountList(attributes: Record<string, string>, now: number): Mounted<OtelEventList> {
  return mount('otel-event-list', attributes, now);
}

function mountCard(attributes: Record<string, string>, now: number): Mounted<OtelDiscussionCard> {
  return mount('otel-discussion-card', { heading: 'End User Discussion Group — EMEA', ...attributes }, now);
}

afterEach(() => {
  clearCalendarCache();
  for (const el of document.querySelectorAll('otel-event-list, otel-discussion-card')) el.remove();
});

const NOW = Date.parse('2026-11-16T12:00:00Z');
const EMEA = { rrule: 'FREQ=MONTHLY;BYDAY=3TU', dtstart: '2024-01-16T11:00', timezone: BERLIN };
/** Long weekday, day and month, as the day headings write them. */
const dayHeading = (locale: string, date: number): string =>
  new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(date);

describe('French catalog', () => {
  catalogChecks('fr', fr);

  describe('cadence', () => {
    check('fr', [
      {
        rrule: 'FREQ=MONTHLY;BYDAY=3TU',
        start: '2024-01-16T11:00',
        text: (t) => `chaque troisième mardi du mois à ${t}`,
      },
      {
        rrule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=3',
        start: '2024-01-16T11:00',
        text: (t) => `chaque troisième mardi du mois à ${t}`,
      },
      {
        rrule: 'FREQ=MONTHLY;BYDAY=-1FR',
        start: '2024-01-26T11:00',
        text: (t) => `chaque dernier vendredi du mois à ${t}`,
      },
      {
        rrule: 'FREQ=MONTHLY;BYDAY=1SA',
        start: '2024-01-06T11:00',
        text: (t) => `chaque premier samedi du mois à ${t}`,
      },
      {
        rrule: 'FREQ=MONTHLY;BYDAY=-2SU',
        start: '2024-01-21T11:00',
        text: (t) => `chaque avant-dernier dimanche du mois à ${t}`,
      },
      {
        rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=2WE',
        start: '2024-01-10T11:00',
        text: (t) => `tous les 2 mois, le deuxième mercredi du mois à ${t}`,
      },
      { rrule: 'FREQ=WEEKLY;BYDAY=TU,TH', start: '2024-01-16T11:00', text: (t) => `chaque mardi et jeudi à ${t}` },
      {
        rrule: 'FREQ=WEEKLY;BYDAY=FR,MO,WE',
        start: '2024-01-15T11:00',
        text: (t) => `chaque lundi, mercredi et vendredi à ${t}`,
      },
      {
        rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
        start: '2024-01-16T11:00',
        text: (t) => `toutes les 2 semaines, le mardi à ${t}`,
      },
      {
        rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
        start: '2024-01-15T11:00',
        text: (t) => `du lundi au vendredi à ${t}`,
      },
      { rrule: 'FREQ=DAILY', start: '2024-01-15T11:00', text: (t) => `tous les jours à ${t}` },
      { rrule: 'FREQ=MONTHLY;BYMONTHDAY=21', start: '2024-01-21T11:00', text: (t) => `le 21 de chaque mois à ${t}` },
      { rrule: 'FREQ=MONTHLY;BYMONTHDAY=1', start: '2024-01-01T11:00', text: (t) => `le 1er de chaque mois à ${t}` },
      { rrule: 'FREQ=MONTHLY;BYMONTHDAY=11', start: '2024-01-11T11:00', text: (t) => `le 11 de chaque mois à ${t}` },
      {
        rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1',
        start: '2024-01-31T11:00',
        text: (t) => `le dernier jour de chaque mois à ${t}`,
      },
      {
        rrule: 'FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=26',
        start: '2024-01-16T11:00',
        text: (t) => `chaque année le 26 juin à ${t}`,
      },
    ]);

    it('the time is Intl’s French time with its zone name', () => {
      expect(intlTime('fr', BERLIN, instant(BERLIN, '2024-01-16T11:00'))).to.match(/^11:00 /);
    });

    it('regional French locales use the French catalog', () => {
      const time = intlTime('fr-CA', BERLIN, instant(BERLIN, '2024-01-16T11:00'));
      expect(cadence('FREQ=MONTHLY;BYDAY=3TU', '2024-01-16T11:00', 'fr-CA')).to.equal(
        `chaque troisième mardi du mois à ${time}`,
      );
    });
  });

  describe('plurals (CLDR: 0 and 1 are "one")', () => {
    for (const [count, loaded, shown] of [
      [0, '0 événement à venir chargé.', '0 événement affiché.'],
      [1, '1 événement à venir chargé.', '1 événement affiché.'],
      [2, '2 événements à venir chargés.', '2 événements affichés.'],
      [5, '5 événements à venir chargés.', '5 événements affichés.'],
    ] as const) {
      it(`${count}`, () => {
        expect(message('fr', 'loaded', { count })).to.equal(loaded);
        expect(message('fr', 'shown', { count })).to.equal(shown);
      });
    }

    it('large round numbers ("many"), formatted the French way', () => {
      const million = new Intl.NumberFormat('fr').format(1_000_000);
      expect(message('fr', 'shown', { count: 1_000_000 })).to.equal(`${million} événements affichés.`);
    });

    it('the empty state for one day and for several', () => {
      expect(message('fr', 'empty', { days: 1 })).to.equal('Aucun événement à venir dans les prochaines 24 heures.');
      expect(message('fr', 'empty', { days: 30 })).to.equal('Aucun événement à venir dans les 30 prochains jours.');
      expect(message('fr', 'emptyFiltered', { days: 7, filter: 'SIG' })).to.equal(
        `Aucun événement à venir correspondant à «${NNBSP}SIG${NNBSP}» dans les 7 prochains jours.`,
      );
    });
  });

  describe('<otel-event-list lang="fr">', () => {
    it('French day headings and texts', async () => {
      const { el, done } = mountList({ src: '/tests/fixtures/overrides.ics', timezone: 'UTC', lang: 'fr' }, NOW);
      const event = await done;
      await el.updateComplete;
      expect(event.type).to.equal('otel-load');
      const headings = parts(el, 'group-heading').map((h) => h.textContent?.trim());
      expect(headings[0]).to.equal(dayHeading('fr', Date.UTC(2026, 10, 18)));
      expect(headings[0]).to.equal('mercredi 18 novembre');
      const summary = parts(el, 'add-to-calendar')[0]?.querySelector('summary');
      const title = parts(el, 'title')[0]?.textContent?.trim() ?? '';
      expect(summary?.textContent?.trim()).to.equal('Ajouter au calendrier');
      expect(summary?.getAttribute('aria-label')).to.equal(`Ajouter au calendrier${NNBSP}: ${title}`);
      await openDetails(el, 'add-to-calendar');
      expect(parts(el, 'add-to-calendar')[0]?.textContent).to.contain('Google Agenda');
      expect(parts(el, 'footer')[0]?.textContent).to.contain('S’abonner à ce calendrier');
      expect(el.shadowRoot?.querySelector('[role="status"]')?.textContent).to.equal(
        message('fr', 'loaded', { count: parts(el, 'event').length }),
      );
      await expect(el).to.be.accessible();
    });

    it('the empty state', async () => {
      // A Thursday noon: the weekly Wednesday series is six days away.
      const { el, done } = mountList(
        { src: '/tests/fixtures/overrides.ics', timezone: 'UTC', lang: 'fr', days: '1' },
        Date.parse('2027-03-04T12:00:00Z'),
      );
      await done;
      await el.updateComplete;
      const empty = parts(el, 'empty')[0];
      expect(empty?.textContent).to.contain('Aucun événement à venir dans les prochaines 24 heures.');
      expect(empty?.textContent).to.contain(`Prochain${NNBSP}:`);
    });

    it('the error state', async () => {
      const { el, done } = mountList({ src: '/tests/fixtures/missing.ics', lang: 'fr' }, NOW);
      const event = await done;
      await el.updateComplete;
      expect(event.type).to.equal('otel-error');
      const error = parts(el, 'error')[0];
      expect(error?.querySelector('.title')?.textContent).to.equal('Impossible de charger le calendrier');
      expect(error?.textContent).to.contain('Le calendrier est introuvable (HTTP 404).');
      expect(parts(el, 'retry')[0]?.textContent).to.equal('Réessayer');
    });
  });

  it('<otel-discussion-card lang="fr"> shows the French cadence', async () => {
    const { el, done } = mountCard({ ...EMEA, lang: 'fr' }, Date.parse('2026-11-10T12:00:00Z'));
    await done;
    await el.updateComplete;
    const time = intlTime('fr', BERLIN, Date.parse('2026-11-17T10:00:00Z'));
    expect(parts(el, 'cadence')[0]?.textContent?.trim()).to.equal(`chaque troisième mardi du mois à ${time}`);
    expect(parts(el, 'sessions')[0]?.textContent).to.contain('Prochaines sessions');
  });
});

describe('Portuguese catalog', () => {
  catalogChecks('pt', pt);

  describe('cadence (ordinals and "todo/toda", "no/na" agree with the weekday)', () => {
    check('pt', [
      {
        rrule: 'FREQ=MONTHLY;BYDAY=3TU',
        start: '2024-01-16T11:00',
        text: (t) => `toda terceira terça-feira do mês às ${t}`,
      },
      {
        rrule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=3',
        start: '2024-01-16T11:00',
        text: (t) => `toda terceira terça-feira do mês às ${t}`,
      },
      {
        rrule: 'FREQ=MONTHLY;BYDAY=-1FR',
        start: '2024-01-26T11:00',
        text: (t) => `toda última sexta-feira do mês às ${t}`,
      },
      {
        rrule: 'FREQ=MONTHLY;BYDAY=1SA',
        start: '2024-01-06T11:00',
        text: (t) => `todo primeiro sábado do mês às ${t}`,
      },
      {
        rrule: 'FREQ=MONTHLY;BYDAY=-2SU',
        start: '2024-01-21T11:00',
        text: (t) => `todo penúltimo domingo do mês às ${t}`,
      },
      {
        rrule: 'FREQ=MONTHLY;BYDAY=2MO',
        start: '2024-01-08T11:00',
        text: (t) => `toda segunda segunda-feira do mês às ${t}`,
      },
      { rrule: 'FREQ=MONTHLY;BYDAY=4SU', start: '2024-01-28T11:00', text: (t) => `todo quarto domingo do mês às ${t}` },
      {
        rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=1SA',
        start: '2024-01-06T11:00',
        text: (t) => `a cada 2 meses, no primeiro sábado do mês às ${t}`,
      },
      {
        rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=5TH',
        start: '2024-02-29T11:00',
        text: (t) => `a cada 3 meses, na quinta quinta-feira do mês às ${t}`,
      },
      {
        rrule: 'FREQ=WEEKLY;BYDAY=TU,TH',
        start: '2024-01-16T11:00',
        text: (t) => `toda terça-feira e quinta-feira às ${t}`,
      },
      {
        rrule: 'FREQ=WEEKLY;BYDAY=FR,MO,WE',
        start: '2024-01-15T11:00',
        text: (t) => `toda segunda-feira, quarta-feira e sexta-feira às ${t}`,
      },
      {
        rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
        start: '2024-01-16T11:00',
        text: (t) => `a cada 2 semanas, na terça-feira às ${t}`,
      },
      {
        rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
        start: '2024-01-15T11:00',
        text: (t) => `de segunda a sexta-feira às ${t}`,
      },
      { rrule: 'FREQ=DAILY', start: '2024-01-15T11:00', text: (t) => `todos os dias às ${t}` },
      { rrule: 'FREQ=MONTHLY;BYMONTHDAY=21', start: '2024-01-21T11:00', text: (t) => `todo dia 21 do mês às ${t}` },
      { rrule: 'FREQ=MONTHLY;BYMONTHDAY=1', start: '2024-01-01T11:00', text: (t) => `todo dia 1º do mês às ${t}` },
      {
        rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1',
        start: '2024-01-31T11:00',
        text: (t) => `no último dia de cada mês às ${t}`,
      },
      {
        rrule: 'FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=26',
        start: '2024-01-16T11:00',
        text: (t) => `todo ano em 26 de junho às ${t}`,
      },
    ]);

    it('regional Portuguese locales use the Portuguese catalog', () => {
      for (const locale of ['pt-BR', 'pt-PT']) {
        const time = intlTime(locale, BERLIN, instant(BERLIN, '2024-01-06T11:00'));
        expect(cadence('FREQ=MONTHLY;BYDAY=1SA', '2024-01-06T11:00', locale), locale).to.equal(
          `todo primeiro sábado do mês às ${time}`,
        );
      }
    });

    it('the weekly sentences agree with the weekday when given `wd`', () => {
      // describeCadence does not pass `wd` to the weekly sentences (yet): without it they take the
      // feminine form, right for Monday to Friday. With it, Saturday and Sunday read "todo"/"no".
      expect(message('pt', 'cadenceWeekly', { wd: 'sa', weekdays: 'sábado e domingo', time: '11:00' })).to.equal(
        'todo sábado e domingo às 11:00',
      );
      expect(message('pt', 'cadenceWeekly', { wd: 'we', weekdays: 'quarta-feira', time: '11:00' })).to.equal(
        'toda quarta-feira às 11:00',
      );
      expect(message('pt', 'cadenceEveryNWeeks', { wd: 'su', n: 2, weekdays: 'domingo', time: '11:00' })).to.equal(
        'a cada 2 semanas, no domingo às 11:00',
      );
    });
  });

  describe('plurals (0 reads "Nenhum")', () => {
    for (const [count, loaded, shown] of [
      [0, 'Nenhum próximo evento carregado.', 'Nenhum evento exibido.'],
      [1, '1 próximo evento carregado.', '1 evento exibido.'],
      [2, '2 próximos eventos carregados.', '2 eventos exibidos.'],
      [5, '5 próximos eventos carregados.', '5 eventos exibidos.'],
    ] as const) {
      it(`${count}`, () => {
        expect(message('pt', 'loaded', { count })).to.equal(loaded);
        expect(message('pt', 'shown', { count })).to.equal(shown);
        expect(message('pt-BR', 'shown', { count })).to.equal(shown);
      });
    }

    it('the empty state for one day and for several', () => {
      expect(message('pt', 'empty', { days: 1 })).to.equal('Nenhum evento nas próximas 24 horas.');
      expect(message('pt', 'empty', { days: 30 })).to.equal('Nenhum evento nos próximos 30 dias.');
    });
  });

  it('<otel-discussion-card lang="pt"> shows the Portuguese cadence', async () => {
    const { el, done } = mountCard(
      { ...EMEA, region: 'EMEA', lang: 'pt', chatham: '' },
      Date.parse('2026-11-10T12:00:00Z'),
    );
    const event = await done;
    await el.updateComplete;
    expect(event.type).to.equal('otel-load');
    // The next session, 17 November 2026, is in winter time.
    const time = intlTime('pt', BERLIN, Date.parse('2026-11-17T10:00:00Z'));
    expect(parts(el, 'cadence')[0]?.textContent?.trim()).to.equal(`toda terceira terça-feira do mês às ${time}`);
    expect(parts(el, 'region')[0]?.textContent).to.contain('Europa, Oriente Médio e África');
    expect(parts(el, 'sessions')[0]?.textContent).to.contain('Próximas sessões');
    await expect(el).to.be.accessible();
  });

  it('<otel-event-list lang="pt-BR"> Portuguese day headings and texts', async () => {
    const { el, done } = mountList({ src: '/tests/fixtures/overrides.ics', timezone: 'UTC', lang: 'pt-BR' }, NOW);
    await done;
    await el.updateComplete;
    expect(parts(el, 'group-heading')[0]?.textContent?.trim()).to.equal(dayHeading('pt-BR', Date.UTC(2026, 10, 18)));
    const summary = parts(el, 'add-to-calendar')[0]?.querySelector('summary');
    expect(summary?.textContent?.trim()).to.equal('Adicionar ao calendário');
    expect(summary?.getAttribute('aria-label')).to.equal(
      `Adicionar ao calendário: ${parts(el, 'title')[0]?.textContent?.trim() ?? ''}`,
    );
  });
});

describe("first of the month and 1 o'clock", () => {
  it('fr "le 1er juin", pt "1º de junho" and "à 1:00", pt weekly agreement on Saturday', () => {
    const at = (text: string): number => instant(BERLIN, text);
    const yearly = rule('FREQ=YEARLY');
    expect(describeCadence(yearly, wall('2024-06-01T11:00'), BERLIN, 'fr', at('2024-06-01T11:00'))).to.contain(
      'le 1er juin',
    );
    expect(describeCadence(yearly, wall('2024-06-01T11:00'), BERLIN, 'pt', at('2024-06-01T11:00'))).to.contain(
      '1º de junho',
    );
    expect(
      describeCadence(rule('FREQ=MONTHLY;BYDAY=3TU'), wall('2024-01-16T01:00'), BERLIN, 'pt', at('2024-01-16T01:00')),
    ).to.match(/ à \S*1:00/);
    expect(
      describeCadence(rule('FREQ=WEEKLY;BYDAY=SA'), wall('2024-01-20T11:00'), BERLIN, 'pt', at('2024-01-20T11:00')),
    ).to.match(/^todo sábado às /);
  });
});
