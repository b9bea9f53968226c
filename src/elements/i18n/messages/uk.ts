import type { Messages } from './en.js';

/**
 * Ukrainian messages (the polite "ви" where a form of address is needed; buttons in the infinitive,
 * as Ukrainian interfaces usually have them). Every key of the English catalog, with the same
 * `{name}` placeholders (`satisfies Messages` makes a missing or extra key a type error). Labels
 * that extend a visible text start with that text (WCAG 2.5.3). The apostrophe is ʼ (U+02BC), as
 * in Intl's "пʼятниця".
 *
 * Plurals have four forms (CLDR: one — 1, 21, 31…; few — 2–4, 22–24…; many — 0, 5–20, 25–30…;
 * other — fractions). Intl writes weekday names in the nominative ("середа"); the cadence
 * sentences need the accusative after "в" ("в третю середу"). Masculine weekdays (понеділок,
 * вівторок, четвер) have the same form in both, so the templates use Intl's `{weekday}` for them
 * and write the four feminine ones (середу, пʼятницю, суботу, неділю) themselves, chosen by `wd`.
 * For the same reason the `ordinal*` words are accusative forms agreeing with the weekday:
 * "третій вівторок", "третю середу". Lists of weekdays (`{weekdays}`, from Intl.ListFormat) stay
 * in the nominative, after a colon: "щотижня: вівторок і четвер, о 17:00".
 */
export const messages = {
  loading: 'Завантаження подій…',
  loaded:
    '{count, plural, one {Завантажено # найближчу подію.} few {Завантажено # найближчі події.} many {Завантажено # найближчих подій.} other {Завантажено # найближчої події.}}',
  shown:
    '{count, plural, one {Показано # подію.} few {Показано # події.} many {Показано # подій.} other {Показано # події.}}',
  empty:
    'Протягом {days, plural, =1 {наступного дня} one {наступного # дня} few {наступних # днів} many {наступних # днів} other {наступних # дня}} подій немає.',
  emptyFiltered:
    'Протягом {days, plural, =1 {наступного дня} one {наступного # дня} few {наступних # днів} many {наступних # днів} other {наступних # дня}} немає подій, що відповідають «{filter}».',
  nextBeyond: 'Наступна:',
  errorTitle: 'Не вдалося завантажити календар',
  errorNetwork:
    'Не вдалося звʼязатися з календарем (проблема з мережею, або сервер не дозволяє цьому сайту його читати).',
  errorOffline: 'Схоже, немає зʼєднання з інтернетом.',
  errorTimeout: 'Календар надто довго не відповідав.',
  errorHttp: 'Сервер календаря повернув помилку (HTTP {status}).',
  errorNotFound: 'Календар не знайдено (HTTP 404).',
  errorRateLimited:
    '{minutes, plural, one {Сервер календаря перевантажений (HTTP {status}). Спробуйте ще раз через # хвилину.} few {Сервер календаря перевантажений (HTTP {status}). Спробуйте ще раз через # хвилини.} many {Сервер календаря перевантажений (HTTP {status}). Спробуйте ще раз через # хвилин.} other {Сервер календаря перевантажений (HTTP {status}). Спробуйте ще раз через # хвилини.}}',
  errorRateLimitedLater: 'Сервер календаря перевантажений (HTTP {status}). Спробуйте ще раз пізніше.',
  errorConnectionLost: 'З’єднання обірвалося під час завантаження календаря; неповні дані не показано.',
  errorForbidden: 'У доступі до календаря відмовлено (HTTP {status}).',
  errorNotCalendar: 'Ця адреса не веде до календаря.',
  errorTooLarge: 'Календар завеликий, щоб показати його тут.',
  errorNoSource: 'Для цього списку не налаштовано жодного календаря.',
  partialError: 'Не вдалося завантажити один із календарів: {message}',
  feedWarnings:
    '{count, plural, one {У цьому календарі # проблема; показано все, що вдалося прочитати.} few {У цьому календарі # проблеми; показано все, що вдалося прочитати.} many {У цьому календарі # проблем; показано все, що вдалося прочитати.} other {У цьому календарі # проблеми; показано все, що вдалося прочитати.}}',
  retry: 'Повторити',
  openCalendar: 'Відкрити календар',
  savedAgo: 'Показано події, збережені {ago}.',
  staleAgo: 'Показано події, збережені {ago}; не вдалося оновити календар.',
  happeningNow: 'Триває зараз',
  cancelled: 'Скасовано',
  allDay: 'Увесь день',
  yourTime: 'ваш час',
  join: 'Приєднатися',
  joinLabel: 'Приєднатися: {title}',
  details: 'Подробиці',
  detailsLabel: 'Подробиці: {title}',
  addToCalendar: 'Додати до календаря',
  addToCalendarLabel: 'Додати до календаря: {title}',
  downloadEvent: 'Ця подія (.ics)',
  downloadSeries: 'Усі зустрічі (.ics)',
  googleCalendar: 'Google Календар',
  outlookCalendar: 'Outlook',
  subscribe: 'Підписатися на цей календар',
  moreInfo: 'Докладніше',
  untitled: '(подія без назви)',
  eventsList: 'Найближчі події',

  // <otel-discussion-card>
  regionAMER: 'Америка',
  regionEMEA: 'Європа, Близький Схід і Африка',
  regionAPAC: 'Азійсько-Тихоокеанський регіон',
  discussionGroup: 'Дискусійна група',
  region: 'Регіон',
  format: 'Формат',
  formatLeanCoffee: 'Lean Coffee',
  leanCoffeeExplained:
    'На початку учасники разом складають порядок денний, голосують за теми й обговорюють їх по черзі, по кілька хвилин кожну.',
  learnMore: 'Дізнатися більше',
  schedule: 'Коли',
  nextSessions: 'Наступні зустрічі',
  nextSession: 'Наступна зустріч',
  noSessions: 'Наступних зустрічей не заплановано.',
  communityLinks: 'Спільнота',
  slack: 'Канал у Slack',
  notes: 'Нотатки зустрічі',
  addSeries: 'Додати всі зустрічі до свого календаря',
  cadenceDaily: 'щодня о {time}',
  cadenceWeekdays: 'з понеділка по пʼятницю о {time}',
  // Intl lists weekdays in the nominative ("середа"), which cannot follow "у": a colon instead.
  cadenceWeekly: 'щотижня: {weekdays}, о {time}',
  cadenceEveryNWeeks:
    'кожні {n, plural, one {# тиждень} few {# тижні} many {# тижнів} other {# тижня}}: {weekdays}, о {time}',
  // Accusative after "в": Intl's name for masculine weekdays (the same form), the feminine ones here.
  cadenceMonthlyNth:
    'щомісяця в {ordinal} {wd, select, we {середу} fr {пʼятницю} sa {суботу} su {неділю} other {{weekday}}} о {time}',
  // "в" after a vowel, "у" after a consonant: "кожні 2 місяці в…", "кожні 5 місяців у…".
  cadenceEveryNMonthsNth:
    'кожні {n, plural, one {# місяць у} few {# місяці в} many {# місяців у} other {# місяця в}} {ordinal} {wd, select, we {середу} fr {пʼятницю} sa {суботу} su {неділю} other {{weekday}}} о {time}',
  cadenceMonthlyDay: 'щомісяця {day} числа о {time}',
  cadenceMonthlyLastDay: 'в останній день кожного місяця о {time}',
  cadenceYearly: 'щороку {date} о {time}',
  // Accusative, agreeing with the weekday: masculine понеділок, вівторок, четвер; the rest feminine.
  ordinal1: '{wd, select, mo {перший} tu {перший} th {перший} other {першу}}',
  ordinal2: '{wd, select, mo {другий} tu {другий} th {другий} other {другу}}',
  ordinal3: '{wd, select, mo {третій} tu {третій} th {третій} other {третю}}',
  ordinal4: '{wd, select, mo {четвертий} tu {четвертий} th {четвертий} other {четверту}}',
  ordinal5: '{wd, select, mo {пʼятий} tu {пʼятий} th {пʼятий} other {пʼяту}}',
  'ordinal-1': '{wd, select, mo {останній} tu {останній} th {останній} other {останню}}',
  'ordinal-2': '{wd, select, mo {передостанній} tu {передостанній} th {передостанній} other {передостанню}}',

  // <chatham-notice>
  chathamTitle: 'Правило Chatham House',
  chathamRule:
    'Коли зустріч або її частина проводиться за правилом Chatham House, учасники можуть вільно використовувати отриману інформацію, але не можна розкривати ні особу, ні належність до організації як промовця (промовців), так і будь-кого з інших учасників.',
  chathamSource: 'Про правило Chatham House',
  chathamNoRecording: 'Ця зустріч не записується.',
  chathamNoLeads:
    'Без збору контактів: контактні дані, якими тут діляться, не можна використовувати для продажів чи маркетингу.',
  recordedTitle: 'Зустріч із записом',
  recordedText:
    'Ця зустріч записується, і запис може бути опубліковано. Будь ласка, кажіть лише те, що можна оприлюднити.',
  dismiss: 'Закрити',

  // otel-calendar list --format markdown
  agendaEmpty: 'З {from} по {to} подій немає.',
  agendaEmptyDay: '{date} подій немає.',
  asOf: 'Станом на {date}.',
} satisfies Messages;

/** The Ukrainian catalog under its own name, for tests and for `registerMessages`. */
export const uk = messages;
