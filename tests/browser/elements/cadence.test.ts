import { expect } from '@open-wc/testing';
import { describeCadence } from '../../../src/elements/i18n/cadence.js';
import { en } from '../../../src/elements/i18n/messages/en.js';
import { es } from '../../../src/elements/i18n/messages/es.js';
import { message, type MessageKey } from '../../../src/elements/i18n/messages/index.js';
import { loadMessages } from '../../../src/elements/i18n/messages/index.js';
import { BERLIN, instant, intlTime, rule, wall } from '../harness.js';

// Catalogs load on first use; these tests read Spanish texts synchronously.
await loadMessages('es');

const KOLKATA = 'Asia/Kolkata';
const LOS_ANGELES = 'America/Los_Angeles';

interface Case {
  readonly rrule: string;
  readonly start: string;
  readonly en: string;
  readonly es: string;
}

/** Describes `rrule` with DTSTART `start` (Berlin), `at` = that first occurrence, in en-GB and es. */
function both(rrule: string, start: string): { en: string | undefined; es: string | undefined } {
  const at = instant(BERLIN, start);
  return {
    en: describeCadence(rule(rrule), wall(start), BERLIN, 'en-GB', at),
    es: describeCadence(rule(rrule), wall(start), BERLIN, 'es', at),
  };
}

function check(cases: readonly Case[]): void {
  for (const c of cases) {
    it(`${c.rrule} from ${c.start}`, () => {
      const text = both(c.rrule, c.start);
      expect(text.en, 'en-GB').to.equal(c.en);
      expect(text.es, 'es').to.equal(c.es);
    });
  }
}

describe('describeCadence', () => {
  describe('monthly on the nth weekday', () => {
    check([
      {
        rrule: 'FREQ=MONTHLY;BYDAY=3TU',
        start: '2024-01-16T11:00',
        en: 'every third Tuesday of the month at 11:00 CET',
        es: 'cada tercer martes del mes a las 11:00 CET',
      },
      {
        rrule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=3',
        start: '2024-01-16T11:00',
        en: 'every third Tuesday of the month at 11:00 CET',
        es: 'cada tercer martes del mes a las 11:00 CET',
      },
      {
        rrule: 'FREQ=MONTHLY;BYDAY=+1MO',
        start: '2024-01-01T11:00',
        en: 'every first Monday of the month at 11:00 CET',
        es: 'cada primer lunes del mes a las 11:00 CET',
      },
      {
        rrule: 'FREQ=MONTHLY;BYDAY=2WE',
        start: '2024-01-10T11:00',
        en: 'every second Wednesday of the month at 11:00 CET',
        es: 'cada segundo miércoles del mes a las 11:00 CET',
      },
      {
        rrule: 'FREQ=MONTHLY;BYDAY=4TH',
        start: '2024-01-25T11:00',
        en: 'every fourth Thursday of the month at 11:00 CET',
        es: 'cada cuarto jueves del mes a las 11:00 CET',
      },
      {
        rrule: 'FREQ=MONTHLY;BYDAY=5SA',
        start: '2024-03-30T11:00',
        en: 'every fifth Saturday of the month at 11:00 CET',
        es: 'cada quinto sábado del mes a las 11:00 CET',
      },
      {
        rrule: 'FREQ=MONTHLY;BYDAY=-1FR',
        start: '2024-01-26T11:00',
        en: 'every last Friday of the month at 11:00 CET',
        es: 'cada último viernes del mes a las 11:00 CET',
      },
      {
        rrule: 'FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1',
        start: '2024-01-26T11:00',
        en: 'every last Friday of the month at 11:00 CET',
        es: 'cada último viernes del mes a las 11:00 CET',
      },
      {
        rrule: 'FREQ=MONTHLY;BYDAY=-2SU',
        start: '2024-01-21T11:00',
        en: 'every second-to-last Sunday of the month at 11:00 CET',
        es: 'cada penúltimo domingo del mes a las 11:00 CET',
      },
      {
        rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=3TU',
        start: '2024-01-16T11:00',
        en: 'every 2 months on the third Tuesday at 11:00 CET',
        es: 'cada 2 meses, el tercer martes del mes a las 11:00 CET',
      },
      {
        rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=MO;BYSETPOS=-1;COUNT=4',
        start: '2024-01-29T11:00',
        en: 'every 3 months on the last Monday at 11:00 CET',
        es: 'cada 3 meses, el último lunes del mes a las 11:00 CET',
      },
    ]);

    it('APAC: third Wednesday at 11:00 Asia/Kolkata, with the zone name Intl gives', () => {
      const at = instant(KOLKATA, '2024-01-17T11:00');
      const r = rule('FREQ=MONTHLY;BYDAY=3WE');
      const enTime = intlTime('en-GB', KOLKATA, at);
      const esTime = intlTime('es', KOLKATA, at);
      expect(enTime).to.match(/^11:00 /);
      expect(describeCadence(r, wall('2024-01-17T11:00'), KOLKATA, 'en-GB', at)).to.equal(
        `every third Wednesday of the month at ${enTime}`,
      );
      expect(describeCadence(r, wall('2024-01-17T11:00'), KOLKATA, 'es', at)).to.equal(
        `cada tercer miércoles del mes a las ${esTime}`,
      );
    });

    it('AMER: third Thursday at 09:00 America/Los_Angeles names the summer zone in July, the winter one in January', () => {
      const r = rule('FREQ=MONTHLY;BYDAY=3TH');
      const start = wall('2024-01-18T09:00');
      const july = instant(LOS_ANGELES, '2024-07-18T09:00');
      const january = instant(LOS_ANGELES, '2025-01-16T09:00');
      const summer = intlTime('en-GB', LOS_ANGELES, july);
      const winter = intlTime('en-GB', LOS_ANGELES, january);
      expect(summer).to.match(/^09:00 /);
      expect(winter).to.match(/^09:00 /);
      expect(summer).not.to.equal(winter);
      expect(describeCadence(r, start, LOS_ANGELES, 'en-GB', july)).to.equal(
        `every third Thursday of the month at ${summer}`,
      );
      expect(describeCadence(r, start, LOS_ANGELES, 'en-GB', january)).to.equal(
        `every third Thursday of the month at ${winter}`,
      );
      expect(describeCadence(r, start, LOS_ANGELES, 'es', july)).to.equal(
        `cada tercer jueves del mes a las ${intlTime('es', LOS_ANGELES, july)}`,
      );
      // en-US names them PDT / PST.
      expect(describeCadence(r, start, LOS_ANGELES, 'en-US', july)).to.equal(
        `every third Thursday of the month at ${intlTime('en-US', LOS_ANGELES, july)}`,
      );
      expect(intlTime('en-US', LOS_ANGELES, july)).to.equal('9:00 AM PDT');
      expect(intlTime('en-US', LOS_ANGELES, january)).to.equal('9:00 AM PST');
    });

    it('shows the series time on the date of `at` even when `at` is not an occurrence', () => {
      const r = rule('FREQ=MONTHLY;BYDAY=3TH');
      const at = Date.UTC(2024, 6, 1, 20, 0); // 1 July, 13:00 in Los Angeles
      const expected = intlTime('en-GB', LOS_ANGELES, instant(LOS_ANGELES, '2024-07-01T09:00'));
      expect(describeCadence(r, wall('2024-01-18T09:00'), LOS_ANGELES, 'en-GB', at)).to.equal(
        `every third Thursday of the month at ${expected}`,
      );
    });

    it('names the zone in effect in summer for a Berlin series', () => {
      const at = instant(BERLIN, '2024-07-16T11:00');
      const r = rule('FREQ=MONTHLY;BYDAY=3TU');
      expect(describeCadence(r, wall('2024-01-16T11:00'), BERLIN, 'en-GB', at)).to.equal(
        `every third Tuesday of the month at ${intlTime('en-GB', BERLIN, at)}`,
      );
      expect(intlTime('en-GB', BERLIN, at)).to.equal('11:00 CEST');
    });
  });

  describe('weekly and daily', () => {
    check([
      {
        rrule: 'FREQ=WEEKLY;BYDAY=TU,TH',
        start: '2024-01-16T11:00',
        en: 'every Tuesday and Thursday at 11:00 CET',
        es: 'cada martes y jueves a las 11:00 CET',
      },
      {
        rrule: 'FREQ=WEEKLY;BYDAY=FR,MO,WE',
        start: '2024-01-15T11:00',
        en: 'every Monday, Wednesday and Friday at 11:00 CET',
        es: 'cada lunes, miércoles y viernes a las 11:00 CET',
      },
      {
        rrule: 'FREQ=WEEKLY',
        start: '2024-01-16T11:00',
        en: 'every Tuesday at 11:00 CET',
        es: 'cada martes a las 11:00 CET',
      },
      {
        rrule: 'FREQ=WEEKLY;BYDAY=SU,SA',
        start: '2024-01-13T11:00',
        en: 'every Saturday and Sunday at 11:00 CET',
        es: 'cada sábado y domingo a las 11:00 CET',
      },
      {
        rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
        start: '2024-01-16T11:00',
        en: 'every 2 weeks on Tuesday at 11:00 CET',
        es: 'cada 2 semanas, el martes a las 11:00 CET',
      },
      {
        rrule: 'FREQ=WEEKLY;INTERVAL=2',
        start: '2024-01-14T11:00',
        en: 'every 2 weeks on Sunday at 11:00 CET',
        es: 'cada 2 semanas, el domingo a las 11:00 CET',
      },
      {
        rrule: 'FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,TH;UNTIL=20241231T000000Z',
        start: '2024-01-16T11:00',
        en: 'every 3 weeks on Tuesday and Thursday at 11:00 CET',
        es: 'cada 3 semanas, el martes y jueves a las 11:00 CET',
      },
      {
        rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
        start: '2024-01-15T11:00',
        en: 'every weekday at 11:00 CET',
        es: 'de lunes a viernes a las 11:00 CET',
      },
      {
        rrule: 'FREQ=DAILY;BYDAY=FR,TH,WE,TU,MO',
        start: '2024-01-15T11:00',
        en: 'every weekday at 11:00 CET',
        es: 'de lunes a viernes a las 11:00 CET',
      },
      {
        rrule: 'FREQ=DAILY',
        start: '2024-01-15T11:00',
        en: 'every day at 11:00 CET',
        es: 'todos los días a las 11:00 CET',
      },
      {
        rrule: 'FREQ=DAILY;BYDAY=TU,TH',
        start: '2024-01-16T11:00',
        en: 'every Tuesday and Thursday at 11:00 CET',
        es: 'cada martes y jueves a las 11:00 CET',
      },
      {
        rrule: 'FREQ=WEEKLY;BYDAY=SU,MO,TU,WE,TH,FR,SA',
        start: '2024-01-15T11:00',
        en: 'every day at 11:00 CET',
        es: 'todos los días a las 11:00 CET',
      },
      {
        rrule: 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=17;BYMINUTE=30',
        start: '2024-01-16T11:00',
        en: 'every Tuesday at 17:30 CET',
        es: 'cada martes a las 17:30 CET',
      },
    ]);
  });

  describe('monthly on a day of the month', () => {
    const ordinals: ReadonlyArray<readonly [number, string]> = [
      [1, '1st'],
      [2, '2nd'],
      [3, '3rd'],
      [4, '4th'],
      [11, '11th'],
      [12, '12th'],
      [13, '13th'],
      [21, '21st'],
      [22, '22nd'],
      [23, '23rd'],
      [31, '31st'],
    ];
    check(
      ordinals.map(([day, english]) => ({
        rrule: `FREQ=MONTHLY;BYMONTHDAY=${day}`,
        start: `2024-01-${String(day).padStart(2, '0')}T11:00`,
        en: `every month on the ${english} at 11:00 CET`,
        es: `el día ${day} de cada mes a las 11:00 CET`,
      })),
    );
    check([
      {
        rrule: 'FREQ=MONTHLY',
        start: '2024-01-16T11:00',
        en: 'every month on the 16th at 11:00 CET',
        es: 'el día 16 de cada mes a las 11:00 CET',
      },
      {
        rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1',
        start: '2024-01-31T11:00',
        en: 'every month on the last day at 11:00 CET',
        es: 'el último día de cada mes a las 11:00 CET',
      },
      {
        // Day 5 of every month, written as a yearly rule.
        rrule: 'FREQ=YEARLY;BYMONTHDAY=5',
        start: '2024-01-05T11:00',
        en: 'every month on the 5th at 11:00 CET',
        es: 'el día 5 de cada mes a las 11:00 CET',
      },
    ]);
  });

  describe('yearly', () => {
    check([
      {
        rrule: 'FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=26',
        start: '2024-01-16T11:00',
        en: 'every year on 26 June at 11:00 CET',
        es: 'cada año el 26 de junio a las 11:00 CET',
      },
      {
        rrule: 'FREQ=YEARLY',
        start: '2024-02-29T11:00',
        en: 'every year on 29 February at 11:00 CET',
        es: 'cada año el 29 de febrero a las 11:00 CET',
      },
      {
        rrule: 'FREQ=YEARLY;BYMONTH=12',
        start: '2024-01-16T11:00',
        en: 'every year on 16 December at 11:00 CET',
        es: 'cada año el 16 de diciembre a las 11:00 CET',
      },
    ]);

    it('writes the date in the locale’s order', () => {
      const at = instant(BERLIN, '2024-06-26T11:00');
      const text = describeCadence(rule('FREQ=YEARLY'), wall('2024-06-26T11:00'), BERLIN, 'en-US', at);
      expect(text).to.equal(`every year on June 26 at ${intlTime('en-US', BERLIN, at)}`);
    });
  });

  describe('Spanish word forms', () => {
    it('says "a la 1:00" at one o’clock and "a las" otherwise', () => {
      const r = rule('FREQ=MONTHLY;BYDAY=3TU');
      const one = instant(BERLIN, '2024-01-16T01:00');
      expect(describeCadence(r, wall('2024-01-16T01:00'), BERLIN, 'es', one)).to.equal(
        `cada tercer martes del mes a la ${intlTime('es', BERLIN, one)}`,
      );
      expect(intlTime('es', BERLIN, one)).to.equal('1:00 CET');
      const thirteen = instant(BERLIN, '2024-01-16T13:00');
      expect(describeCadence(r, wall('2024-01-16T13:00'), BERLIN, 'es', thirteen)).to.equal(
        'cada tercer martes del mes a las 13:00 CET',
      );
      // 12-hour Spanish locales: 13:00 is "1:00 p. m.", so "a la".
      expect(describeCadence(r, wall('2024-01-16T13:00'), BERLIN, 'es-US', thirteen)).to.equal(
        `cada tercer martes del mes a la ${intlTime('es-US', BERLIN, thirteen)}`,
      );
    });

    it('regional Spanish locales use the Spanish catalog', () => {
      const at = instant(BERLIN, '2024-01-16T11:00');
      expect(describeCadence(rule('FREQ=WEEKLY;BYDAY=TU'), wall('2024-01-16T11:00'), BERLIN, 'es-ES', at)).to.equal(
        'cada martes a las 11:00 CET',
      );
    });
  });

  describe('other languages', () => {
    it('falls back to a wholly English sentence when the locale has no catalog', () => {
      const r = rule('FREQ=MONTHLY;BYDAY=3TU');
      const at = instant(BERLIN, '2024-01-16T11:00');
      // German has no catalog (yet): the sentence is English, not "every third Dienstag".
      const de = describeCadence(r, wall('2024-01-16T11:00'), BERLIN, 'de', at);
      expect(de).to.equal(describeCadence(r, wall('2024-01-16T11:00'), BERLIN, 'en', at));
      expect(de).to.match(/^every third Tuesday of the month at /);
    });
  });

  describe('edge cases', () => {
    it('uses the next day’s time when the series time falls in a DST gap on the date of `at`', () => {
      // 2024-03-10 02:30 does not exist in Los Angeles.
      const r = rule('FREQ=WEEKLY;BYDAY=SU');
      const at = Date.UTC(2024, 2, 10, 20, 0);
      const next = instant(LOS_ANGELES, '2024-03-11T02:30');
      expect(describeCadence(r, wall('2024-01-07T02:30'), LOS_ANGELES, 'en-GB', at)).to.equal(
        `every Sunday at ${intlTime('en-GB', LOS_ANGELES, next)}`,
      );
      expect(intlTime('en-GB', LOS_ANGELES, next)).to.match(/^02:30 /);
    });

    const unsupported = [
      'FREQ=SECONDLY',
      'FREQ=MINUTELY;INTERVAL=15',
      'FREQ=HOURLY',
      'FREQ=DAILY;INTERVAL=2',
      'FREQ=DAILY;BYMONTH=1',
      'FREQ=DAILY;BYDAY=1MO',
      'FREQ=WEEKLY;BYHOUR=9,17',
      'FREQ=WEEKLY;BYMINUTE=0,30',
      'FREQ=WEEKLY;BYMONTH=1,2',
      'FREQ=WEEKLY;BYDAY=TU;BYSETPOS=1',
      'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
      'FREQ=MONTHLY;BYDAY=3TU,1TH',
      'FREQ=MONTHLY;BYDAY=TU,TH',
      'FREQ=MONTHLY;BYDAY=TU',
      'FREQ=MONTHLY;BYDAY=-3FR',
      'FREQ=MONTHLY;BYDAY=6FR',
      'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1,3',
      'FREQ=MONTHLY;BYDAY=3TU;BYSETPOS=1',
      'FREQ=MONTHLY;BYDAY=TU;BYMONTHDAY=13',
      'FREQ=MONTHLY;BYMONTHDAY=1,15',
      'FREQ=MONTHLY;BYMONTHDAY=-2',
      'FREQ=MONTHLY;BYMONTHDAY=1;BYSETPOS=1',
      'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1',
      'FREQ=MONTHLY;INTERVAL=2',
      'FREQ=MONTHLY;BYMONTH=1,7;BYDAY=1MO',
      'FREQ=YEARLY;INTERVAL=2',
      'FREQ=YEARLY;BYYEARDAY=100',
      'FREQ=YEARLY;BYWEEKNO=1',
      'FREQ=YEARLY;BYMONTH=1,7',
      'FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=1,15',
      'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
      'FREQ=YEARLY;BYDAY=1MO;BYMONTH=1',
    ];
    for (const text of unsupported) {
      it(`${text} → undefined`, () => {
        const at = instant(BERLIN, '2024-01-16T11:00');
        expect(describeCadence(rule(text), wall('2024-01-16T11:00'), BERLIN, 'en-GB', at)).to.equal(undefined);
        expect(describeCadence(rule(text), wall('2024-01-16T11:00'), BERLIN, 'es', at)).to.equal(undefined);
      });
    }

    it('returns undefined for a zone Intl does not know', () => {
      expect(
        describeCadence(
          rule('FREQ=WEEKLY'),
          wall('2024-01-16T11:00'),
          'Mars/Olympus_Mons',
          'en-GB',
          Date.UTC(2024, 0, 16),
        ),
      ).to.equal(undefined);
    });
  });
});

describe('Spanish catalog', () => {
  // The names used, once each: a language may have more plural forms (Spanish `many`) and so repeat one.
  const placeholders = (text: string): string[] =>
    [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();

  it('has every English key, with the same placeholders', () => {
    const esMessages: Readonly<Record<string, string>> = es;
    for (const key of Object.keys(en) as MessageKey[]) {
      const text = esMessages[key];
      expect(text, key).to.be.a('string');
      expect(text, key).not.to.equal('');
      expect(placeholders(text ?? ''), key).to.deep.equal(placeholders(en[key]));
    }
    expect(Object.keys(es).sort()).to.deep.equal(Object.keys(en).sort());
  });

  it('is registered for es and its regional variants', () => {
    expect(message('es', 'eventsList')).to.equal('Próximos eventos');
    expect(message('es-ES', 'join')).to.equal('Unirse');
    expect(message('es-419', 'addToCalendarLabel', { title: 'SIG' })).to.equal('Añadir al calendario: SIG');
    expect(message('es', 'chathamTitle')).to.equal('Regla de Chatham House');
  });

  it('labels that extend a visible text start with that text (WCAG 2.5.3)', () => {
    expect(es.joinLabel.startsWith(es.join)).to.equal(true);
    expect(es.detailsLabel.startsWith(es.details)).to.equal(true);
    expect(es.addToCalendarLabel.startsWith(es.addToCalendar)).to.equal(true);
  });
});

describe('week start', () => {
  it("lists weekdays from the locale's first day of the week", () => {
    const weekend = rule('FREQ=WEEKLY;BYDAY=SU,TU');
    const at = instant(BERLIN, '2024-01-16T11:00');
    // The US week starts on Sunday, the British one on Monday (Intl.Locale week info).
    expect(describeCadence(weekend, wall('2024-01-14T11:00'), BERLIN, 'en-US', at)).to.match(
      /^every Sunday and Tuesday /,
    );
    expect(describeCadence(weekend, wall('2024-01-14T11:00'), BERLIN, 'en-GB', at)).to.match(
      /^every Tuesday and Sunday /,
    );
  });
});
