/**
 * The Ukrainian and Bengali catalogs: cadence sentences (Ukrainian gender and case agreement,
 * plurals), plural forms of the announcements, and the elements rendered in both languages.
 */
import { expect } from '@open-wc/testing';
import { clearCalendarCache } from '../../../src/calendar/fetch.js';
import '../../../src/elements/discussion-card/define.js';
import '../../../src/elements/event-list/define.js';
import { describeCadence } from '../../../src/elements/i18n/cadence.js';
import { messages as bn } from '../../../src/elements/i18n/messages/bn.js';
import { en } from '../../../src/elements/i18n/messages/en.js';
import { message, registerMessages } from '../../../src/elements/i18n/messages/index.js';
import { messages as uk } from '../../../src/elements/i18n/messages/uk.js';
import { BERLIN, instant, intlTime, mount, type Mounted, parts, rule, wall } from '../harness.js';

registerMessages('uk', uk);
registerMessages('bn', bn);

/** The cadence of `rrule` with DTSTART `start` (Berlin), described at that first occurrence. */
function cadence(locale: string, rrule: string, start: string): string | undefined {
  return describeCadence(rule(rrule), wall(start), BERLIN, locale, instant(BERLIN, start));
}

/** Each case: rule, DTSTART (Berlin wall time), the sentence before the time. */
type Case = readonly [rrule: string, start: string, text: string];

function check(locale: string, cases: readonly Case[]): void {
  for (const [rrule, start, text] of cases) {
    it(`${rrule} from ${start}`, () => {
      const time = intlTime(locale, BERLIN, instant(BERLIN, start));
      expect(cadence(locale, rrule, start)).to.equal(`${text}${time}`);
    });
  }
}

/** Placeholder names of a template, as the Node catalog test reads them (`wd` is optional). */
function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{\s*(\w+)\s*(?:,|\})/g)].map((m) => m[1] ?? ''))]
    .filter((n) => n !== 'wd')
    .sort();
}

for (const [tag, catalog] of [
  ['uk', uk],
  ['bn', bn],
] as const) {
  describe(`${tag} catalog`, () => {
    it('has every English key, with the same placeholders', () => {
      expect(Object.keys(catalog).sort()).to.deep.equal(Object.keys(en).sort());
      const texts: Readonly<Record<string, string>> = catalog;
      for (const [key, english] of Object.entries(en)) {
        const text = texts[key] ?? '';
        expect(text, key).not.to.equal('');
        expect(placeholders(text), key).to.deep.equal(placeholders(english));
      }
    });

    it('labels that extend a visible text start with that text (WCAG 2.5.3)', () => {
      expect(catalog.joinLabel.startsWith(catalog.join)).to.equal(true);
      expect(catalog.detailsLabel.startsWith(catalog.details)).to.equal(true);
      expect(catalog.addToCalendarLabel.startsWith(catalog.addToCalendar)).to.equal(true);
      expect(message(tag, 'joinLabel', { title: 'SIG' })).to.equal(`${catalog.join}: SIG`);
    });
  });
}

describe('Ukrainian cadence', () => {
  // 17:00 rather than 11:00: Ukrainian reads 11:00 as "об одинадцятій", which needs a hook in
  // cadence.ts (see the report); every other hour takes "о".
  describe('monthly on the nth weekday: the ordinal and the weekday in the accusative, by gender', () => {
    check('uk', [
      ['FREQ=MONTHLY;BYDAY=3TU', '2024-01-16T17:00', 'щомісяця в третій вівторок о '],
      ['FREQ=MONTHLY;BYDAY=TU;BYSETPOS=3', '2024-01-16T17:00', 'щомісяця в третій вівторок о '],
      ['FREQ=MONTHLY;BYDAY=3WE', '2024-01-17T17:00', 'щомісяця в третю середу о '],
      ['FREQ=MONTHLY;BYDAY=-1FR', '2024-01-26T17:00', 'щомісяця в останню пʼятницю о '],
      ['FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1', '2024-01-26T17:00', 'щомісяця в останню пʼятницю о '],
      ['FREQ=MONTHLY;BYDAY=1MO', '2024-01-01T17:00', 'щомісяця в перший понеділок о '],
      ['FREQ=MONTHLY;BYDAY=2WE', '2024-01-10T17:00', 'щомісяця в другу середу о '],
      ['FREQ=MONTHLY;BYDAY=4TH', '2024-01-25T17:00', 'щомісяця в четвертий четвер о '],
      ['FREQ=MONTHLY;BYDAY=5SA', '2024-03-30T17:00', 'щомісяця в пʼяту суботу о '],
      ['FREQ=MONTHLY;BYDAY=1SU', '2024-01-07T17:00', 'щомісяця в першу неділю о '],
      ['FREQ=MONTHLY;BYDAY=-2SU', '2024-01-21T17:00', 'щомісяця в передостанню неділю о '],
      ['FREQ=MONTHLY;BYDAY=-2TH', '2024-01-18T17:00', 'щомісяця в передостанній четвер о '],
      ['FREQ=MONTHLY;BYDAY=-1MO', '2024-01-29T17:00', 'щомісяця в останній понеділок о '],
      ['FREQ=MONTHLY;INTERVAL=2;BYDAY=3WE', '2024-01-17T17:00', 'кожні 2 місяці в третю середу о '],
      ['FREQ=MONTHLY;INTERVAL=5;BYDAY=3TU', '2024-01-16T17:00', 'кожні 5 місяців у третій вівторок о '],
    ]);
  });

  describe('weekly', () => {
    check('uk', [
      ['FREQ=WEEKLY;BYDAY=TU,TH', '2024-01-16T17:00', 'щотижня: вівторок і четвер, о '],
      ['FREQ=WEEKLY;BYDAY=FR,MO,WE', '2024-01-15T17:00', 'щотижня: понеділок, середа і пʼятниця, о '],
      ['FREQ=WEEKLY', '2024-01-17T17:00', 'щотижня: середа, о '],
      ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', '2024-01-16T17:00', 'кожні 2 тижні: вівторок, о '],
      ['FREQ=WEEKLY;INTERVAL=5;BYDAY=TU,TH', '2024-01-16T17:00', 'кожні 5 тижнів: вівторок і четвер, о '],
      ['FREQ=WEEKLY;INTERVAL=21;BYDAY=SA', '2024-01-13T17:00', 'кожні 21 тиждень: субота, о '],
      ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', '2024-01-15T17:00', 'з понеділка по пʼятницю о '],
      ['FREQ=DAILY', '2024-01-15T17:00', 'щодня о '],
    ]);
  });

  describe('monthly on a day, yearly', () => {
    check('uk', [
      ['FREQ=MONTHLY;BYMONTHDAY=21', '2024-01-21T17:00', 'щомісяця 21 числа о '],
      ['FREQ=MONTHLY;BYMONTHDAY=-1', '2024-01-31T17:00', 'в останній день кожного місяця о '],
      ['FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=26', '2024-01-16T17:00', 'щороку 26 червня о '],
    ]);
  });

  it('the time is the one Intl writes, with the zone in effect', () => {
    const at = instant(BERLIN, '2024-07-16T17:00');
    const text = describeCadence(rule('FREQ=MONTHLY;BYDAY=3TU'), wall('2024-01-16T17:00'), BERLIN, 'uk', at);
    expect(text).to.equal(`щомісяця в третій вівторок о ${intlTime('uk', BERLIN, at)}`);
    expect(intlTime('uk', BERLIN, at)).to.match(/^17:00 /);
  });
});

describe('Bengali cadence', () => {
  check('bn', [
    ['FREQ=MONTHLY;BYDAY=3TU', '2024-01-16T11:00', 'প্রতি মাসের তৃতীয় মঙ্গলবার '],
    ['FREQ=MONTHLY;BYDAY=3WE', '2024-01-17T11:00', 'প্রতি মাসের তৃতীয় বুধবার '],
    ['FREQ=MONTHLY;BYDAY=-1FR', '2024-01-26T11:00', 'প্রতি মাসের শেষ শুক্রবার '],
    ['FREQ=MONTHLY;BYDAY=-2SU', '2024-01-21T11:00', 'প্রতি মাসের শেষের আগের রবিবার '],
    ['FREQ=MONTHLY;BYDAY=1MO', '2024-01-01T11:00', 'প্রতি মাসের প্রথম সোমবার '],
    ['FREQ=MONTHLY;INTERVAL=2;BYDAY=3TU', '2024-01-16T11:00', 'প্রতি ২ মাস অন্তর মাসের তৃতীয় মঙ্গলবার '],
    ['FREQ=WEEKLY;BYDAY=TU,TH', '2024-01-16T11:00', 'প্রতি মঙ্গলবার এবং বৃহস্পতিবার '],
    ['FREQ=WEEKLY', '2024-01-16T11:00', 'প্রতি মঙ্গলবার '],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', '2024-01-16T11:00', 'প্রতি ২ সপ্তাহে মঙ্গলবার '],
    ['FREQ=WEEKLY;INTERVAL=5;BYDAY=TU,TH', '2024-01-16T11:00', 'প্রতি ৫ সপ্তাহে মঙ্গলবার এবং বৃহস্পতিবার '],
    ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', '2024-01-15T11:00', 'সোমবার থেকে শুক্রবার প্রতিদিন '],
    ['FREQ=DAILY', '2024-01-15T11:00', 'প্রতিদিন '],
    ['FREQ=MONTHLY;BYMONTHDAY=21', '2024-01-21T11:00', 'প্রতি মাসের ২১ তারিখে '],
    ['FREQ=MONTHLY;BYMONTHDAY=-1', '2024-01-31T11:00', 'প্রতি মাসের শেষ দিনে '],
    ['FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=26', '2024-01-16T11:00', 'প্রতি বছর ২৬ জুন '],
  ]);

  it('takes the time from Intl, in Bengali digits', () => {
    expect(intlTime('bn', BERLIN, instant(BERLIN, '2024-01-16T11:00'))).to.match(/^১১:০০/);
  });
});

describe('plural forms', () => {
  const counts = [1, 2, 5, 21, 22] as const;

  it('uk: one / few / many (1, 21 — 2, 22 — 5)', () => {
    expect(counts.map((count) => message('uk', 'loaded', { count }))).to.deep.equal([
      'Завантажено 1 найближчу подію.',
      'Завантажено 2 найближчі події.',
      'Завантажено 5 найближчих подій.',
      'Завантажено 21 найближчу подію.',
      'Завантажено 22 найближчі події.',
    ]);
    expect(counts.map((count) => message('uk', 'shown', { count }))).to.deep.equal([
      'Показано 1 подію.',
      'Показано 2 події.',
      'Показано 5 подій.',
      'Показано 21 подію.',
      'Показано 22 події.',
    ]);
    expect([1, 2, 5, 21, 30].map((days) => message('uk', 'empty', { days }))).to.deep.equal([
      'Протягом наступного дня подій немає.',
      'Протягом наступних 2 днів подій немає.',
      'Протягом наступних 5 днів подій немає.',
      'Протягом наступного 21 дня подій немає.',
      'Протягом наступних 30 днів подій немає.',
    ]);
  });

  it('bn: one / other, Bengali digits', () => {
    expect(counts.map((count) => message('bn', 'loaded', { count }))).to.deep.equal([
      '১টি আসন্ন ইভেন্ট লোড হয়েছে।',
      '২টি আসন্ন ইভেন্ট লোড হয়েছে।',
      '৫টি আসন্ন ইভেন্ট লোড হয়েছে।',
      '২১টি আসন্ন ইভেন্ট লোড হয়েছে।',
      '২২টি আসন্ন ইভেন্ট লোড হয়েছে।',
    ]);
    expect(counts.map((count) => message('bn', 'shown', { count }))).to.deep.equal([
      '১টি ইভেন্ট দেখানো হচ্ছে।',
      '২টি ইভেন্ট দেখানো হচ্ছে।',
      '৫টি ইভেন্ট দেখানো হচ্ছে।',
      '২১টি ইভেন্ট দেখানো হচ্ছে।',
      '২২টি ইভেন্ট দেখানো হচ্ছে।',
    ]);
    expect(message('bn', 'empty', { days: 30 })).to.equal('আগামী ৩০ দিনে কোনো আসন্ন ইভেন্ট নেই।');
  });
});

describe('rendered in Ukrainian and Bengali', () => {
  const NOW = Date.parse('2026-11-16T12:00:00Z');

  /** An <otel-event-list>, `now` set before it connects; resolves on otel-load or otel-error. */
  function mountList(attributes: Record<string, string>, now = NOW): Mounted<HTMLElementTagNameMap['otel-event-list']> {
    return mount('otel-event-list', attributes, now);
  }

  afterEach(() => {
    clearCalendarCache();
    for (const el of document.querySelectorAll('otel-event-list, otel-discussion-card')) el.remove();
  });

  it('<otel-event-list lang="uk">: headings, announcement, actions and footer in Ukrainian', async () => {
    const { el, done } = mountList({ src: '/tests/fixtures/overrides.ics', timezone: 'UTC', lang: 'uk' });
    const event = await done;
    await el.updateComplete;
    expect(event.type).to.equal('otel-load');
    const heading = new Intl.DateTimeFormat('uk', {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
    }).format(Date.UTC(2026, 10, 18));
    expect(heading).to.contain('листопада');
    expect(parts(el, 'group-heading')[0]?.textContent?.trim()).to.equal(heading);
    expect(el.shadowRoot?.querySelector('[role="status"]')?.textContent).to.equal('Завантажено 10 найближчих подій.');
    const summary = parts(el, 'add-to-calendar')[0]?.querySelector('summary');
    expect(summary?.textContent?.trim()).to.equal('Додати до календаря');
    expect(summary?.getAttribute('aria-label')).to.equal('Додати до календаря: SIG A');
    expect(parts(el, 'footer')[0]?.textContent).to.contain('Підписатися на цей календар');
    expect(parts(el, 'base')[0]?.textContent).not.to.match(/Add to calendar|Subscribe|upcoming/);
    await expect(el).to.be.accessible();
  });

  it('<otel-event-list lang="uk">: the empty state', async () => {
    const { el, done } = mountList(
      { src: '/tests/fixtures/dates.ics', timezone: 'UTC', days: '5', lang: 'uk' },
      Date.parse('2027-02-02T00:00:00Z'),
    );
    await done;
    await el.updateComplete;
    const empty = parts(el, 'empty')[0];
    expect(empty?.textContent).to.contain('Протягом наступних 5 днів подій немає.');
    expect(empty?.textContent).to.contain('Наступна:');
    expect(empty?.textContent).to.contain('Monday all-day');
  });

  it('<otel-event-list lang="uk">: the error state', async () => {
    const { el, done } = mountList({ src: '/tests/fixtures/missing.ics', lang: 'uk' });
    const event = await done;
    await el.updateComplete;
    expect(event.type).to.equal('otel-error');
    const error = parts(el, 'error')[0];
    expect(error?.querySelector('.title')?.textContent).to.equal('Не вдалося завантажити календар');
    expect(error?.textContent).to.contain('Календар не знайдено (HTTP 404).');
    expect(parts(el, 'retry')[0]?.textContent).to.equal('Повторити');
    expect(el.shadowRoot?.querySelector('[role="status"]')?.textContent).to.equal('Не вдалося завантажити календар');
  });

  it('<otel-discussion-card lang="bn">: the cadence in Bengali', async () => {
    const { el, done } = mount(
      'otel-discussion-card',
      {
        lang: 'bn',
        rrule: 'FREQ=MONTHLY;BYDAY=3TU',
        dtstart: '2024-01-16T11:00',
        timezone: BERLIN,
        heading: 'End User Discussion Group — EMEA',
      },
      Date.parse('2026-11-10T12:00:00Z'),
    );
    expect((await done).type).to.equal('otel-load');
    await el.updateComplete;
    // The next session, 17 November 2026, is in winter time.
    const time = intlTime('bn', BERLIN, Date.parse('2026-11-17T10:00:00Z'));
    expect(time).to.match(/^১১:০০/);
    expect(parts(el, 'cadence')[0]?.textContent?.trim()).to.equal(`প্রতি মাসের তৃতীয় মঙ্গলবার ${time}`);
    expect(el.shadowRoot?.textContent).to.contain('কখন');
    expect(parts(el, 'sessions-heading')[0]?.textContent?.trim()).to.equal('পরবর্তী সেশনগুলো');
    await expect(el).to.be.accessible();
  });
});

describe('Ukrainian "об" before 11:00', () => {
  it('says "об 11:00" and "о 17:00"', () => {
    const monthly = rule('FREQ=MONTHLY;BYDAY=3TU');
    expect(
      describeCadence(monthly, wall('2024-01-16T11:00'), BERLIN, 'uk', instant(BERLIN, '2024-01-16T11:00')),
    ).to.contain('об 11:00');
    expect(
      describeCadence(monthly, wall('2024-01-16T17:00'), BERLIN, 'uk', instant(BERLIN, '2024-01-16T17:00')),
    ).to.contain('о 17:00');
  });
});
