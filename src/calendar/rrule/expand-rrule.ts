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
    : cross(rule.byHour ?? [h], rule.byMinute ?? [mi], (rule.bySecond ?? [s]).map((x) => Math.min(x, 59)));
  const ordinalsApply = rule.freq === 'MONTHLY' || (rule.freq === 'YEARLY' && !rule.byWeekNo);
  return {
    rule,
    byMonth,
    byMonthDay,
    byDay,
    ordinalsInMonth: rule.freq === 'MONTHLY' || (rule.freq === 'YEARLY' && byMonth !== undefined),
    ordinalsApply,
    times,
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

function dayMatches(
  p: Plan,
  dayNum: number,
  year: number,
  month: number,
  day: number,
  weekday: number,
): boolean {
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

function applySetPos(candidates: number[], setPos: readonly number[] | undefined): number[] {
  if (!setPos || candidates.length === 0) return candidates;
  const picked = new Set<number>();
  for (const pos of setPos) {
    const value = pos > 0 ? candidates[pos - 1] : candidates[candidates.length + pos];
    if (value !== undefined) picked.add(value);
  }
  return [...picked].sort((a, b) => a - b);
}

/** Candidates (wall ms, ascending) of period `index` (0 = the period containing DTSTART). */
function periodCandidates(p: Plan, dtstart: number, index: number): { start: number; candidates: number[] } {
  const { rule } = p;
  const days: number[] = [];
  let start: number;
  switch (rule.freq) {
    case 'YEARLY': {
      const year = civilFromDays(dayOf(dtstart)).year + index;
      start = daysFromCivil(year, 1, 1) * DAY;
      if (p.byMonth && !rule.byWeekNo && !rule.byYearDay) {
        for (const month of p.byMonth) collectDays(p, daysFromCivil(year, month, 1), daysInMonth(year, month), days);
      } else {
        collectDays(p, daysFromCivil(year, 1, 1), daysInYear(year), days);
      }
      break;
    }
    case 'MONTHLY': {
      const first = civilFromDays(dayOf(dtstart));
      const monthIndex = first.year * 12 + (first.month - 1) + index;
      const year = Math.floor(monthIndex / 12);
      const month = (monthIndex % 12) + 1;
      start = daysFromCivil(year, month, 1) * DAY;
      collectDays(p, daysFromCivil(year, month, 1), daysInMonth(year, month), days);
      break;
    }
    case 'WEEKLY': {
      const startDay = dayOf(dtstart);
      const weekStart = startDay - ((weekdayOfDays(startDay) - rule.wkst + 7) % 7) + index * 7;
      start = weekStart * DAY;
      collectDays(p, weekStart, 7, days);
      break;
    }
    case 'DAILY': {
      const dayNum = dayOf(dtstart) + index;
      start = dayNum * DAY;
      collectDays(p, dayNum, 1, days);
      break;
    }
    default: {
      // HOURLY, MINUTELY, SECONDLY: the period's hour/minute/second, limited by every BY part
      // (BYMINUTE and BYSECOND expand an hour, BYSECOND a minute).
      const unit = rule.freq === 'HOURLY' ? HOUR : rule.freq === 'MINUTELY' ? MINUTE : SECOND;
      start = (Math.floor(dtstart / unit) + index) * unit;
      collectDays(p, dayOf(start), 1, days);
      if (days.length === 0) return { start, candidates: [] };
      const t = timeOfDay(start);
      const h = Math.floor(t / HOUR);
      const mi = Math.floor((t % HOUR) / MINUTE);
      const s = Math.floor((t % MINUTE) / SECOND);
      if (rule.byHour && !rule.byHour.includes(h)) return { start, candidates: [] };
      if (rule.freq !== 'HOURLY' && rule.byMinute && !rule.byMinute.includes(mi)) return { start, candidates: [] };
      if (rule.freq === 'SECONDLY' && rule.bySecond && !rule.bySecond.includes(s)) return { start, candidates: [] };
      const dt = timeOfDay(dtstart);
      const minutes = rule.freq === 'HOURLY' ? (rule.byMinute ?? [Math.floor((dt % HOUR) / MINUTE)]) : [mi];
      const seconds = rule.freq === 'SECONDLY' ? [s] : (rule.bySecond ?? [Math.floor((dt % MINUTE) / SECOND)]);
      const base = dayOf(start) * DAY + h * HOUR;
      const candidates: number[] = [];
      for (const m of minutes) for (const sec of seconds) candidates.push(base + m * MINUTE + Math.min(sec, 59) * SECOND);
      candidates.sort((a, b) => a - b);
      return { start, candidates: applySetPos(candidates, rule.bySetPos) };
    }
  }
  const candidates: number[] = [];
  for (const d of days) for (const t of p.times) candidates.push(d * DAY + t);
  return { start, candidates: applySetPos(candidates, rule.bySetPos) };
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
  // DTSTART is an instance when the rule produces it. A DTSTART the rule does not produce is
  // "undefined" in RFC 5545; like libical and dateutil it is left out and not counted.
  let produced = 0;

  let index = 0;
  if (rule.count === undefined && from > dtstart) {
    const periods = periodIndexOf(rule, dtstart, from);
    // Start one interval early: a period's instances may begin before the period containing `from`.
    index = Math.max(0, (Math.floor(periods / rule.interval) - 1) * rule.interval);
  }
  for (let visited = 0; ; visited++) {
    if (visited >= maxPeriods) return { instances, truncated: true };
    const { start, candidates } = periodCandidates(p, dtstart, index);
    if (start >= to || (until !== undefined && start > until) || !Number.isFinite(start)) break;
    for (const c of candidates) {
      if (c < dtstart) continue;
      if (until !== undefined && c > until) return { instances, truncated: false };
      produced++;
      if (rule.count !== undefined && produced > rule.count) return { instances, truncated: false };
      if (c >= to) return { instances, truncated: false };
      if (c >= from) {
        if (instances.length >= maxInstances) return { instances, truncated: true };
        instances.push(c);
      }
    }
    index += rule.interval;
  }
  return { instances, truncated: false };
}
