/**
 * The cadence of a recurring series in words ("every third Tuesday of the month at 11:00 CET"),
 * for discussion groups and other regular meetings.
 *
 * Sentence structure and word order live in the message catalogs (`cadence*`, `ordinal*` keys);
 * weekday and month names, lists, dates and times come from `Intl`. The code stays
 * language-neutral apart from two small, documented hooks for word forms a template cannot express
 * (English ordinal day suffixes, Spanish "a la 1:00").
 */
import {
  DAY,
  HOUR,
  MINUTE,
  SECOND,
  civilFromDays,
  dayOf,
  daysInMonth,
  timeOfDay,
  weekdayOfDays,
} from '../../calendar/time.js';
import type { ByDay, RecurrenceRule, Weekday } from '../../calendar/types.js';
import { intlZone } from '../../calendar/zones/intl-zone.js';
import { dateTimeFormat } from './date-time-format.js';
import { enCard } from './messages/en.js';
import { translator, type MessageKey } from './messages/index.js';

/** Messages in the reader's language; English from the card's table. */
const message = /* @__PURE__ */ translator(enCard);

type CadenceKey = Extract<MessageKey, `cadence${string}`>;
type OrdinalKey = Extract<MessageKey, `ordinal${string}`>;

/** Ordinals the catalogs name (`ordinal1`…`ordinal5`, `ordinal-1`, `ordinal-2`). */
const ORDINALS = new Set([1, 2, 3, 4, 5, -1, -2]);

/** Monday to Friday, as `Weekday` numbers. */
const WORKING_DAYS: readonly Weekday[] = [1, 2, 3, 4, 5];

/** 2024-01-07 was a Sunday: `SUNDAY + weekday * DAY` is a date with that weekday. */
const SUNDAY = Date.UTC(2024, 0, 7);

/**
 * Per-language hook: English writes a day of the month as an ordinal ("21st"); the suffix follows
 * `Intl.PluralRules({ type: 'ordinal' })`. Languages without an entry get the plain number
 * (`Intl.NumberFormat`), which their catalog puts in context ("el día 21").
 */
const ORDINAL_DAY_SUFFIXES: Readonly<Record<string, Readonly<Partial<Record<Intl.LDMLPluralRule, string>>>>> = {
  en: { one: 'st', two: 'nd', few: 'rd', other: 'th' },
};

/**
 * Per-language hook on the finished sentence, for forms that depend on the time itself.
 * Spanish: "a las 11:00" but "a la 1:00" (and "a la 1:00 p. m.").
 */
const SENTENCE_HOOKS: Readonly<Record<string, (text: string, time: string, hour: number) => string>> = {
  // "a la 1:00", "a las 2:00".
  es: (text, time, hour) => (hour === 1 ? text.replace(`a las ${time}`, `a la ${time}`) : text),
  // "à 1:00" (and "à 0:00"), "às 2:00"; "1º de junho".
  pt: (text, time, hour) =>
    (hour <= 1 ? text.replace(`às ${time}`, `à ${time}`) : text).replace(/(^|\s)1 de (?=\p{L})/u, '$11º de '),
  // "le 1er juin".
  fr: (text) => text.replace(/(\sle )1 (?=\p{L})/u, '$11er '),
  // "об 11:00" before a vowel (Ukrainian times are 24-hour: only 11 starts with one).
  uk: (text, time, hour) => (hour === 11 ? text.replace(`о ${time}`, `об ${time}`) : text),
};

function language(locale: string): string {
  return locale.toLowerCase().split('-')[0] ?? 'en';
}

/**
 * The locale to name things in: `locale` when its catalog has a translation of `key`, else `en`
 * (the catalogs fall back to English, and an English sentence should not carry e.g. French weekday
 * names). A translation identical to the English text counts as English.
 */
function textLocale(locale: string, key: CadenceKey): string {
  return language(locale) === 'en' || message(locale, key) !== enCard[key] ? locale : 'en';
}

function weekdayName(locale: string, weekday: Weekday): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(SUNDAY + weekday * DAY);
}

/** Weekday names as a list ("Tuesday and Thursday"), Monday first (ISO 8601). */
interface WeekInfoLocale {
  getWeekInfo?: () => { firstDay?: number };
  weekInfo?: { firstDay?: number };
}

/** The first day of the week in `locale` (0 = Sunday … 6 = Saturday), from Intl; Monday if unknown. */
export function firstDayOfWeek(locale: string): number {
  try {
    const intlLocale = new Intl.Locale(locale) as Intl.Locale & WeekInfoLocale;
    const firstDay = intlLocale.getWeekInfo?.().firstDay ?? intlLocale.weekInfo?.firstDay;
    return firstDay === undefined ? 1 : firstDay % 7;
  } catch {
    return 1;
  }
}

/** Weekdays in the order of the locale's week ("Sunday and Tuesday" in the US, Monday-first in Europe). */
function inWeekOrder(locale: string, weekdays: readonly Weekday[]): Weekday[] {
  const first = firstDayOfWeek(locale);
  return [...new Set(weekdays)].sort((a, b) => ((a - first + 7) % 7) - ((b - first + 7) % 7));
}

function weekdayList(locale: string, weekdays: readonly Weekday[]): string {
  const ordered = inWeekOrder(locale, weekdays);
  return new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' }).format(
    ordered.map((d) => weekdayName(locale, d)),
  );
}

function ordinalDay(locale: string, day: number): string {
  const number = new Intl.NumberFormat(locale).format(day);
  const suffixes = ORDINAL_DAY_SUFFIXES[language(locale)];
  if (!suffixes) return number;
  const rule = new Intl.PluralRules(locale, { type: 'ordinal' }).select(day);
  return `${number}${suffixes[rule] ?? suffixes.other ?? ''}`;
}

function sameSet(a: readonly Weekday[], b: readonly Weekday[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((d) => set.has(d));
}

/** A BY part with at most one value: that value, `undefined` when absent, `null` for a list. */
function single(values: readonly number[] | undefined): number | undefined | null {
  if (!values || values.length === 0) return undefined;
  return values.length === 1 ? (values[0] ?? null) : null;
}

interface Phrase {
  readonly key: CadenceKey;
  /** Placeholder values other than `{time}`, in the locale the sentence is written in. */
  readonly values: (locale: string) => Readonly<Record<string, string | number>>;
}

/** Plain weekdays only (no ordinals); undefined otherwise. */
function plainWeekdays(byDay: readonly ByDay[]): Weekday[] | undefined {
  return byDay.every((d) => d.ordinal === 0) ? byDay.map((d) => d.weekday) : undefined;
}

const WEEKDAY_CODES = ['su', 'mo', 'tu', 'we', 'th', 'fr', 'sa'] as const;

/** The first weekday of a list in Monday-first order, as a `wd` code (for gender agreement). */
function firstWeekdayCode(weekdays: readonly Weekday[]): string {
  const first = [...weekdays].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7))[0];
  return first === undefined ? 'other' : WEEKDAY_CODES[first];
}

function weeklyPhrase(weekdays: readonly Weekday[], interval: number): Phrase {
  const wd = firstWeekdayCode(weekdays);
  if (interval > 1) {
    return { key: 'cadenceEveryNWeeks', values: (l) => ({ n: interval, wd, weekdays: weekdayList(l, weekdays) }) };
  }
  if (sameSet(weekdays, WORKING_DAYS)) return { key: 'cadenceWeekdays', values: () => ({}) };
  if (new Set(weekdays).size === 7) return { key: 'cadenceDaily', values: () => ({}) };
  return { key: 'cadenceWeekly', values: (l) => ({ wd, weekdays: weekdayList(l, weekdays) }) };
}

function monthDayPhrase(day: number, interval: number): Phrase | undefined {
  if (interval !== 1) return undefined;
  if (day === -1) return { key: 'cadenceMonthlyLastDay', values: () => ({}) };
  if (day < 1) return undefined;
  return { key: 'cadenceMonthlyDay', values: (l) => ({ day: ordinalDay(l, day) }) };
}

/** What the rule says, without the time; undefined for rules this module does not put in words. */
function phrase(rule: RecurrenceRule, dtstartWall: number): Phrase | undefined {
  if (rule.byYearDay || rule.byWeekNo) return undefined;
  const start = civilFromDays(dayOf(dtstartWall));
  const startWeekday = weekdayOfDays(dayOf(dtstartWall)) as Weekday;
  switch (rule.freq) {
    case 'DAILY': {
      if (rule.byMonth || rule.byMonthDay || rule.bySetPos || rule.interval !== 1) return undefined;
      if (!rule.byDay) return { key: 'cadenceDaily', values: () => ({}) };
      // FREQ=DAILY;BYDAY=… is the same series as FREQ=WEEKLY;BYDAY=….
      const weekdays = plainWeekdays(rule.byDay);
      return weekdays ? weeklyPhrase(weekdays, 1) : undefined;
    }
    case 'WEEKLY': {
      if (rule.byMonth || rule.bySetPos) return undefined;
      const weekdays = rule.byDay ? plainWeekdays(rule.byDay) : [startWeekday];
      return weekdays ? weeklyPhrase(weekdays, rule.interval) : undefined;
    }
    case 'MONTHLY': {
      if (rule.byMonth) return undefined;
      if (rule.byDay) {
        if (rule.byMonthDay || rule.byDay.length !== 1) return undefined;
        const [only] = rule.byDay;
        if (!only) return undefined;
        const setPos = single(rule.bySetPos);
        let ordinal: number;
        if (setPos === undefined) ordinal = only.ordinal;
        else if (setPos !== null && only.ordinal === 0) ordinal = setPos;
        else return undefined;
        if (!ORDINALS.has(ordinal)) return undefined;
        const interval = rule.interval;
        const ordinalKey = `ordinal${ordinal}` as OrdinalKey;
        // `wd` (su, mo … sa) lets a catalog agree the ordinal with the weekday's gender:
        // `{wd, select, tu {terceira} we {terceira} other {terceiro}}`.
        const wd = WEEKDAY_CODES[only.weekday];
        const values = (l: string): Record<string, string | number> => ({
          n: interval,
          wd,
          ordinal: message(l, ordinalKey, { wd }),
          weekday: weekdayName(l, only.weekday),
        });
        return { key: interval === 1 ? 'cadenceMonthlyNth' : 'cadenceEveryNMonthsNth', values };
      }
      if (rule.bySetPos) return undefined;
      const day = single(rule.byMonthDay);
      if (day === null) return undefined;
      return monthDayPhrase(day ?? start.day, rule.interval);
    }
    case 'YEARLY': {
      if (rule.byDay || rule.bySetPos || rule.interval !== 1) return undefined;
      const month = single(rule.byMonth);
      const day = single(rule.byMonthDay);
      if (month === null || day === null) return undefined;
      // FREQ=YEARLY;BYMONTHDAY=d without BYMONTH is day d of every month.
      if (month === undefined && day !== undefined) return monthDayPhrase(day, 1);
      const m = month ?? start.month;
      const d = day ?? start.day;
      // 2000 is a leap year, so 29 February is a date.
      if (d < 1 || d > daysInMonth(2000, m)) return undefined;
      const date = Date.UTC(2000, m - 1, d);
      return {
        key: 'cadenceYearly',
        values: (l) => ({
          date: new Intl.DateTimeFormat(l, { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date),
        }),
      };
    }
    default:
      return undefined;
  }
}

/**
 * The cadence of a recurring series in words, in `locale`: "every third Tuesday of the month at
 * 11:00 CET" (en-GB), "cada tercer martes del mes a las 11:00 CET" (es).
 *
 * The time is the series' wall-clock time (DTSTART's, or a single BYHOUR/BYMINUTE/BYSECOND value)
 * on the calendar date of `at` in the host zone `timeZone`, formatted in that zone with its short
 * name — so the zone name is the one in effect on that day (PDT in July, PST in January). Passing
 * an occurrence's start as `at` therefore shows exactly that occurrence's time; passing "now"
 * shows today's. When that wall time does not exist on that date (a DST gap), the next day's is used.
 *
 * COUNT and UNTIL do not change the cadence and are ignored. All-day series have no time: do not
 * describe them with this function.
 *
 * Supported: DAILY (interval 1, optionally with plain BYDAY); WEEKLY (any interval, BYDAY or
 * DTSTART's weekday; Monday–Friday reads "every weekday"); MONTHLY with one BYDAY `nXX` or `XX` +
 * one BYSETPOS, n in 1…5, −1, −2 (any interval); MONTHLY on one BYMONTHDAY (1…31, or −1 for the
 * last day) or DTSTART's day (interval 1); YEARLY on one BYMONTH + one BYMONTHDAY or DTSTART's
 * (interval 1). Anything else — other frequencies, lists in BY parts, BYYEARDAY, BYWEEKNO, other
 * BYSETPOS combinations, an unknown `timeZone` — returns undefined.
 *
 * @param dtstartWall DTSTART as a wall time in `timeZone` (`Date.UTC`-style ms).
 * @param timeZone the host's IANA zone.
 * @param at an instant whose date (in `timeZone`) picks the zone name shown.
 */
export function describeCadence(
  rule: RecurrenceRule,
  dtstartWall: number,
  timeZone: string,
  locale: string,
  at: number,
): string | undefined {
  const hour = single(rule.byHour);
  const minute = single(rule.byMinute);
  const second = single(rule.bySecond);
  if (hour === null || minute === null || second === null) return undefined;
  const what = phrase(rule, dtstartWall);
  const zone = intlZone(timeZone);
  if (!what || !zone || !Number.isFinite(at)) return undefined;

  const startTime = timeOfDay(dtstartWall);
  const time =
    (hour ?? Math.floor(startTime / HOUR)) * HOUR +
    (minute ?? Math.floor((startTime % HOUR) / MINUTE)) * MINUTE +
    (second ?? Math.floor((startTime % MINUTE) / SECOND)) * SECOND;
  let instant = 0;
  const atDay = dayOf(at + zone.offsetAt(at));
  for (let day = atDay; day <= atDay + 1; day++) {
    const wall = day * DAY + time;
    instant = zone.toInstant(wall);
    if (instant + zone.offsetAt(instant) === wall) break;
  }

  const writeIn = textLocale(locale, what.key);
  const format = dateTimeFormat(writeIn, {
    timeZone,
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  const parts = format.formatToParts(instant);
  const text = parts.map((p) => p.value).join('');
  const shownHour = Number(parts.find((p) => p.type === 'hour')?.value);
  const sentence = message(writeIn, what.key, { ...what.values(writeIn), time: text });
  const hook = SENTENCE_HOOKS[language(writeIn)];
  return hook ? hook(sentence, text, shownHour) : sentence;
}
