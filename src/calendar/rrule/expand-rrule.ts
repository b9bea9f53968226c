import {
  DAY,
  HOUR,
  MINUTE,
  SECOND,
  civilFromDays,
  dayOf,
  daysFromCivil,
  daysInMonth,
  daysInYear,
  timeOfDay,
  weekdayOfDays,
} from '../time.js';
import type { RecurrenceRule } from '../types.js';

/**
 * RRULE expansion over wall times (RFC 5545 §3.3.10), period by period.
 *
 * Each period (a year, month, week, day, hour, minute or second, by FREQ) yields the set of
 * candidates its BYxxx parts allow: day-level parts filter the period's days (which is both
 * "expand" and "limit" of the RFC's table, as the result is their intersection), time parts
 * expand each day, BYSETPOS picks from the period's sorted set.
 *
 * Without COUNT the iteration starts at the period just before the requested range instead of
 * at DTSTART, so a daily series from 2012 costs the same as one from last week. With COUNT the
 * instances must be counted from DTSTART; COUNT itself bounds that work.
 */

export interface RuleRange {
  /** Series start (wall): the first instance when the rule produces it; nothing before it counts. */
  readonly dtstart: number;
  /** True for DATE series: only dates matter, times are ignored. */
  readonly isDate: boolean;
  /** Inclusive lower bound (wall) of the instances wanted. */
  readonly from: number;
  /** Exclusive upper bound (wall). */
  readonly to: number;
  /** UNTIL as a wall time in the series' zone (inclusive), if any. */
  readonly until: number | undefined;
  /** Safety bound on periods visited (hostile rules); reaching it is reported. */
  readonly maxPeriods?: number;
  /** Safety bound on instances returned (FREQ=SECONDLY over a year…); reaching it is reported. */
  readonly maxInstances?: number;
}

export interface RuleExpansion {
  readonly instances: number[];
  /** True when the safety bound stopped the expansion before the range was covered. */
  readonly truncated: boolean;
}

export const DEFAULT_MAX_PERIODS = 100_000;
export const DEFAULT_MAX_INSTANCES = 10_000;

interface Plan {
  readonly rule: RecurrenceRule;
  readonly byMonth: readonly number[] | undefined;
  readonly byMonthDay: readonly number[] | undefined;
  readonly byDay: RecurrenceRule['byDay'];
  /** BYDAY ordinals count within the month (true) or the year (false). */
  readonly ordinalsInMonth: boolean;
  readonly ordinalsApply: boolean;
  /** Sorted times of day (ms) each matching day expands to, for DAILY and coarser. */
  readonly times: readonly number[];
  /** Sub-daily rules visit each day thousands of times: the last day tested and its answer. */
  readonly lastDay: { day: number; matches: boolean };
}

function cross(hours: readonly number[], minutes: readonly number[], seconds: readonly number[]): number[] {
  const out: number[] = [];
  for (const h of hours) for (const m of minutes) for (const s of seconds) out.push(h * HOUR + m * MINUTE + s * SECOND);
  return out.sort((a, b) => a - b);
}

function plan(rule: RecurrenceRule, dtstart: number, isDate: boolean): Plan {
  const startDay = dayOf(dtstart);
  const { month, day } = civilFromDays(startDay);
  const startWeekday = weekdayOfDays(startDay);
  let { byMonth, byMonthDay, byDay } = rule;
  const noDayParts = !rule.byWeekNo && !rule.byYearDay && !byMonthDay && !byDay;
  // Parts RFC 5545 takes from DTSTART when the rule leaves them out.
  if (rule.freq === 'YEARLY') {
    if (noDayParts) {
      byMonthDay = [day];
      byMonth ??= [month];
    } else if (rule.byWeekNo && !rule.byYearDay && !byMonthDay && !byDay) {
      byDay = [{ weekday: startWeekday as 0, ordinal: 0 }];
    }
  } else if (rule.freq === 'MONTHLY') {
    if (noDayParts) byMonthDay = [day];
  } else if (rule.freq === 'WEEKLY') {
    if (!byDay) byDay = [{ weekday: startWeekday as 0, ordinal: 0 }];
  }
  const t = timeOfDay(dtstart);
  const h = Math.floor(t / HOUR);
  const mi = Math.floor((t % HOUR) / MINUTE);
  const s = Math.floor((t % MINUTE) / SECOND);
  const times = isDate
    ? [0]
    : cross(
        rule.byHour ?? [h],
        rule.byMinute ?? [mi],
        (rule.bySecond ?? [s]).map((x) => Math.min(x, 59)),
      );
  const ordinalsApply = rule.freq === 'MONTHLY' || (rule.freq === 'YEARLY' && !rule.byWeekNo);
  return {
    rule,
    byMonth,
    byMonthDay,
    byDay,
    ordinalsInMonth: rule.freq === 'MONTHLY' || (rule.freq === 'YEARLY' && byMonth !== undefined),
    ordinalsApply,
    times,
    lastDay: { day: Number.NaN, matches: false },
  };
}

/** First day (day number) of week 1 of `year` for week-numbering with weeks starting on `wkst`. */
function weekOneStart(year: number, wkst: number): number {
  const jan1 = daysFromCivil(year, 1, 1);
  const offset = (weekdayOfDays(jan1) - wkst + 7) % 7;
  return offset <= 3 ? jan1 - offset : jan1 - offset + 7;
}

function weekNumberMatches(dayNum: number, year: number, byWeekNo: readonly number[], wkst: number): boolean {
  const start = weekOneStart(year, wkst);
  const next = weekOneStart(year + 1, wkst);
  const weeks = (next - start) / 7;
  let week: number;
  let weeksInItsYear = weeks;
  if (dayNum < start) {
    // Belongs to the last week of the previous year.
    const prev = weekOneStart(year - 1, wkst);
    weeksInItsYear = (start - prev) / 7;
    week = weeksInItsYear;
  } else if (dayNum >= next) {
    week = 1;
    weeksInItsYear = (weekOneStart(year + 2, wkst) - next) / 7;
  } else {
    week = Math.floor((dayNum - start) / 7) + 1;
  }
  return byWeekNo.some((n) => n === week || n === week - weeksInItsYear - 1);
}

function dayMatches(p: Plan, dayNum: number, year: number, month: number, day: number, weekday: number): boolean {
  const { rule } = p;
  if (p.byMonth && !p.byMonth.includes(month)) return false;
  const dim = daysInMonth(year, month);
  if (p.byMonthDay && !p.byMonthDay.some((n) => n === day || n === day - dim - 1)) return false;
  let doy = -1;
  let diy = 0;
  if (rule.byYearDay || (p.byDay && p.ordinalsApply && !p.ordinalsInMonth)) {
    doy = dayNum - daysFromCivil(year, 1, 1) + 1;
    diy = daysInYear(year);
  }
  if (rule.byYearDay && !rule.byYearDay.some((n) => n === doy || n === doy - diy - 1)) return false;
  if (rule.byWeekNo && !weekNumberMatches(dayNum, year, rule.byWeekNo, rule.wkst)) return false;
  if (p.byDay) {
    let matched = false;
    for (const entry of p.byDay) {
      if (entry.weekday !== weekday) continue;
      if (entry.ordinal === 0 || !p.ordinalsApply) {
        matched = true;
        break;
      }
      const index = p.ordinalsInMonth ? day : doy;
      const length = p.ordinalsInMonth ? dim : diy;
      const nth = Math.floor((index - 1) / 7) + 1;
      const nthFromEnd = -(Math.floor((length - index) / 7) + 1);
      if (entry.ordinal === nth || entry.ordinal === nthFromEnd) {
        matched = true;
        break;
      }
    }
    if (!matched) return false;
  }
  return true;
}

/** Appends the matching days of [firstDay, firstDay + count) to `out`. */
function collectDays(p: Plan, firstDay: number, count: number, out: number[]): void {
  let { year, month, day } = civilFromDays(firstDay);
  let weekday = weekdayOfDays(firstDay);
  let dim = daysInMonth(year, month);
  for (let i = 0; i < count; i++) {
    const dayNum = firstDay + i;
    if (dayMatches(p, dayNum, year, month, day, weekday)) out.push(dayNum);
    weekday = (weekday + 1) % 7;
    day++;
    if (day > dim) {
      day = 1;
      month++;
      if (month > 12) {
        month = 1;
        year++;
      }
      dim = daysInMonth(year, month);
    }
  }
}

/**
 * The candidates of one period, kept virtual: every time of `times` on every day of `days`
 * (ascending), or, after BYSETPOS, the explicit `picked` list. A dense rule (every second of
 * every day of a year) is 31 million candidates; they are never put in an array.
 */
interface Period {
  /** Wall time the period starts at. */
  readonly start: number;
  /** Matching days (day numbers, ascending). */
  readonly days: readonly number[];
  /** Times of day (ms, ascending) each matching day has. */
  readonly times: readonly number[];
  /** The candidates BYSETPOS selected (wall ms, ascending), when the rule has BYSETPOS. */
  readonly picked: readonly number[] | undefined;
  /**
   * For sub-daily rules whose period cannot produce anything because its day, hour or minute
   * is excluded: the wall time of the next day / hour / minute, where the next chance lies.
   */
  readonly skipTo: number | undefined;
}

/** BYSETPOS over the virtual list `days × times`, without materializing it. */
function pickSetPos(days: readonly number[], times: readonly number[], setPos: readonly number[]): number[] {
  const size = days.length * times.length;
  const picked = new Set<number>();
  for (const pos of setPos) {
    const i = pos > 0 ? pos - 1 : size + pos;
    if (i < 0 || i >= size) continue;
    const day = days[Math.floor(i / times.length)];
    const time = times[i % times.length];
    if (day !== undefined && time !== undefined) picked.add(day * DAY + time);
  }
  return [...picked].sort((a, b) => a - b);
}

function period(
  start: number,
  days: readonly number[],
  times: readonly number[],
  setPos: readonly number[] | undefined,
): Period {
  return { start, days, times, picked: setPos ? pickSetPos(days, times, setPos) : undefined, skipTo: undefined };
}

function emptyPeriod(start: number, skipTo: number): Period {
  return { start, days: [], times: [], picked: undefined, skipTo };
}

/** The candidates of period `index` (0 = the period containing DTSTART). */
function periodCandidates(p: Plan, dtstart: number, index: number): Period {
  const { rule } = p;
  const days: number[] = [];
  switch (rule.freq) {
    case 'YEARLY': {
      const year = civilFromDays(dayOf(dtstart)).year + index;
      if (p.byMonth && !rule.byWeekNo && !rule.byYearDay) {
        for (const month of p.byMonth) collectDays(p, daysFromCivil(year, month, 1), daysInMonth(year, month), days);
      } else {
        collectDays(p, daysFromCivil(year, 1, 1), daysInYear(year), days);
      }
      return period(daysFromCivil(year, 1, 1) * DAY, days, p.times, rule.bySetPos);
    }
    case 'MONTHLY': {
      const first = civilFromDays(dayOf(dtstart));
      const monthIndex = first.year * 12 + (first.month - 1) + index;
      const year = Math.floor(monthIndex / 12);
      const month = (monthIndex % 12) + 1;
      collectDays(p, daysFromCivil(year, month, 1), daysInMonth(year, month), days);
      return period(daysFromCivil(year, month, 1) * DAY, days, p.times, rule.bySetPos);
    }
    case 'WEEKLY': {
      const startDay = dayOf(dtstart);
      const weekStart = startDay - ((weekdayOfDays(startDay) - rule.wkst + 7) % 7) + index * 7;
      collectDays(p, weekStart, 7, days);
      return period(weekStart * DAY, days, p.times, rule.bySetPos);
    }
    case 'DAILY': {
      const dayNum = dayOf(dtstart) + index;
      collectDays(p, dayNum, 1, days);
      return period(dayNum * DAY, days, p.times, rule.bySetPos);
    }
    default: {
      // HOURLY, MINUTELY, SECONDLY: the period's hour/minute/second, limited by every BY part
      // (BYMINUTE and BYSECOND expand an hour, BYSECOND a minute).
      const unit = rule.freq === 'HOURLY' ? HOUR : rule.freq === 'MINUTELY' ? MINUTE : SECOND;
      const start = (Math.floor(dtstart / unit) + index) * unit;
      const day = dayOf(start);
      if (p.lastDay.day !== day) {
        collectDays(p, day, 1, days);
        p.lastDay.day = day;
        p.lastDay.matches = days.length > 0;
      }
      if (!p.lastDay.matches) return emptyPeriod(start, (day + 1) * DAY);
      const t = timeOfDay(start);
      const h = Math.floor(t / HOUR);
      const mi = Math.floor((t % HOUR) / MINUTE);
      const s = Math.floor((t % MINUTE) / SECOND);
      if (rule.byHour && !rule.byHour.includes(h)) return emptyPeriod(start, day * DAY + (h + 1) * HOUR);
      if (rule.freq !== 'HOURLY' && rule.byMinute && !rule.byMinute.includes(mi)) {
        return emptyPeriod(start, day * DAY + h * HOUR + (mi + 1) * MINUTE);
      }
      if (rule.freq === 'SECONDLY' && rule.bySecond && !rule.bySecond.includes(s))
        return emptyPeriod(start, start + SECOND);
      const dt = timeOfDay(dtstart);
      const minutes = rule.freq === 'HOURLY' ? (rule.byMinute ?? [Math.floor((dt % HOUR) / MINUTE)]) : [mi];
      const seconds = rule.freq === 'SECONDLY' ? [s] : (rule.bySecond ?? [Math.floor((dt % MINUTE) / SECOND)]);
      const times: number[] = [];
      for (const m of minutes)
        for (const sec of seconds) times.push(h * HOUR + m * MINUTE + Math.min(sec, 59) * SECOND);
      // Already ascending (BY lists are sorted); a leap second (60) read as 59 may repeat one.
      const unique = times.length === 1 ? times : times.filter((v, i) => i === 0 || v !== times[i - 1]);
      return period(start, [day], unique, rule.bySetPos);
    }
  }
}

/** The most candidates one period of the rule can have (to see a BYSETPOS that never selects). */
function maxCandidatesPerPeriod(p: Plan): number {
  const { rule } = p;
  switch (rule.freq) {
    case 'YEARLY':
      return 366 * p.times.length;
    case 'MONTHLY':
      return 31 * p.times.length;
    case 'WEEKLY':
      return 7 * p.times.length;
    case 'DAILY':
      return p.times.length;
    case 'HOURLY':
      return (rule.byMinute?.length ?? 1) * (rule.bySecond?.length ?? 1);
    case 'MINUTELY':
      return rule.bySecond?.length ?? 1;
    default:
      return 1;
  }
}

/** Index of the period containing wall time `wall`, counted from the period of DTSTART. */
function periodIndexOf(rule: RecurrenceRule, dtstart: number, wall: number): number {
  switch (rule.freq) {
    case 'YEARLY':
      return civilFromDays(dayOf(wall)).year - civilFromDays(dayOf(dtstart)).year;
    case 'MONTHLY': {
      const a = civilFromDays(dayOf(dtstart));
      const b = civilFromDays(dayOf(wall));
      return b.year * 12 + b.month - (a.year * 12 + a.month);
    }
    case 'WEEKLY': {
      const weekStart = (d: number): number => d - ((weekdayOfDays(d) - rule.wkst + 7) % 7);
      return Math.floor((weekStart(dayOf(wall)) - weekStart(dayOf(dtstart))) / 7);
    }
    case 'DAILY':
      return dayOf(wall) - dayOf(dtstart);
    case 'HOURLY':
      return Math.floor(wall / HOUR) - Math.floor(dtstart / HOUR);
    case 'MINUTELY':
      return Math.floor(wall / MINUTE) - Math.floor(dtstart / MINUTE);
    default:
      return Math.floor(wall / SECOND) - Math.floor(dtstart / SECOND);
  }
}

/** The instances (wall ms, ascending) of one RRULE in `[range.from, range.to)`. */
export function expandRule(rule: RecurrenceRule, range: RuleRange): RuleExpansion {
  const { dtstart, from, to, until } = range;
  const maxPeriods = range.maxPeriods ?? DEFAULT_MAX_PERIODS;
  const maxInstances = range.maxInstances ?? DEFAULT_MAX_INSTANCES;
  const instances: number[] = [];
  const p = plan(rule, dtstart, range.isDate);
  // A BYSETPOS beyond the largest possible period selects nothing, ever: no need to look.
  if (rule.bySetPos && rule.bySetPos.every((pos) => Math.abs(pos) > maxCandidatesPerPeriod(p))) {
    return { instances, truncated: false };
  }
  // DTSTART is an instance when the rule produces it. A DTSTART the rule does not produce is
  // "undefined" in RFC 5545; like libical and dateutil it is left out and not counted.
  let produced = 0;
  const { count } = rule;
  const done: RuleExpansion = { instances, truncated: false };
  const cut: RuleExpansion = { instances, truncated: true };

  /** One candidate, in order: undefined to go on, else the result. */
  const take = (c: number): RuleExpansion | undefined => {
    if (c < dtstart) return undefined;
    if (until !== undefined && c > until) return done;
    produced++;
    if (count !== undefined && produced > count) return done;
    if (c >= to) return done;
    if (c >= from) {
      if (instances.length >= maxInstances) return cut;
      instances.push(c);
    }
    return undefined;
  };

  let index = 0;
  if (count === undefined && from > dtstart) {
    const periods = periodIndexOf(rule, dtstart, from);
    // Start one interval early: a period's instances may begin before the period containing `from`.
    index = Math.max(0, (Math.floor(periods / rule.interval) - 1) * rule.interval);
  }
  for (let visited = 0; ; visited++) {
    if (visited >= maxPeriods) return cut;
    const { start, days, times, picked, skipTo } = periodCandidates(p, dtstart, index);
    if (start >= to || (until !== undefined && start > until) || !Number.isFinite(start)) break;
    if (picked) {
      for (const c of picked) {
        const result = take(c);
        if (result) return result;
      }
    } else {
      const firstTime = times[0] ?? 0;
      const lastTime = times[times.length - 1] ?? 0;
      for (const day of days) {
        const first = day * DAY + firstTime;
        const last = day * DAY + lastTime;
        if (last < dtstart) continue;
        // A whole day before the range: nothing to return; with COUNT, count it in one step.
        if (last < from && (count === undefined || (first >= dtstart && (until === undefined || last <= until)))) {
          if (count !== undefined) {
            produced += times.length;
            if (produced > count) return done;
          }
          continue;
        }
        for (const t of times) {
          const result = take(day * DAY + t);
          if (result) return result;
        }
      }
    }
    index += rule.interval;
    if (skipTo !== undefined) {
      // Sub-daily rule in an excluded day/hour/minute: go on at the first period of the next
      // one that keeps to the INTERVAL (empty periods produce and count nothing).
      const target = periodIndexOf(rule, dtstart, skipTo);
      if (target > index) index += Math.ceil((target - index) / rule.interval) * rule.interval;
    }
  }
  return done;
}
