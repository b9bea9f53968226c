import type { ByDay, DateValue, Frequency, RecurrenceRule, Weekday } from '../types.js';

const FREQUENCIES: readonly Frequency[] = ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** A rule that cannot be used; the event it belongs to is skipped with a warning. */
export class InvalidRuleError extends Error {
  override name = 'InvalidRuleError';
}

/**
 * The parts of an RRULE by lower-case name (`{freq: 'WEEKLY', byday: 'TU,TH'}`), as the lexer reads
 * them (`ics/values.ts`) or {@link recurPartsFromText} does; lists may also be arrays, numbers numbers.
 */
export type RecurParts = Readonly<Record<string, unknown>>;

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return value.split(',');
  return [value];
}

function integers(name: string, value: unknown, min: number, max: number, allowNegative: boolean): number[] | undefined {
  const items = list(value);
  if (items.length === 0) return undefined;
  const out: number[] = [];
  for (const item of items) {
    const n = typeof item === 'number' ? item : Number(String(item).trim());
    const abs = Math.abs(n);
    if (!Number.isInteger(n) || abs < min || abs > max || (n < 0 && !allowNegative) || (n === 0 && min > 0)) {
      throw new InvalidRuleError(`${name} value ${String(item)} is out of range`);
    }
    out.push(n);
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

function weekday(value: unknown): Weekday {
  // jCal (RFC 7265) writes WKST as a number (1 = Sunday … 7 = Saturday).
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 7) return (value - 1) as Weekday;
  const index = WEEKDAYS.indexOf(String(value).trim().toUpperCase());
  if (index < 0) throw new InvalidRuleError(`WKST ${String(value)} is not a weekday`);
  return index as Weekday;
}

function byDay(value: unknown): ByDay[] | undefined {
  const items = list(value);
  if (items.length === 0) return undefined;
  return items.map((item) => {
    const m = /^([+-]?\d{1,2})?(SU|MO|TU|WE|TH|FR|SA)$/i.exec(String(item).trim());
    if (!m) throw new InvalidRuleError(`BYDAY value ${String(item)} is not a weekday`);
    const ordinal = m[1] === undefined ? 0 : Number(m[1]);
    if (Math.abs(ordinal) > 53) throw new InvalidRuleError(`BYDAY ordinal ${ordinal} is out of range`);
    return { weekday: WEEKDAYS.indexOf((m[2] ?? '').toUpperCase()) as Weekday, ordinal };
  });
}

/** Reads `FREQ=WEEKLY;BYDAY=TU` text into parts (keys lower-case, as in jCal). */
export function recurPartsFromText(text: string): RecurParts {
  const parts: Record<string, unknown> = {};
  for (const piece of text.trim().replace(/^RRULE:/i, '').split(';')) {
    if (!piece) continue;
    const eq = piece.indexOf('=');
    if (eq <= 0) throw new InvalidRuleError(`RRULE part "${piece}" has no value`);
    parts[piece.slice(0, eq).trim().toLowerCase()] = piece.slice(eq + 1).trim();
  }
  return parts;
}

const KNOWN_PARTS = new Set([
  'freq',
  'interval',
  'count',
  'until',
  'wkst',
  'bysecond',
  'byminute',
  'byhour',
  'byday',
  'bymonthday',
  'byyearday',
  'byweekno',
  'bymonth',
  'bysetpos',
]);

/**
 * Validates RRULE parts into a {@link RecurrenceRule}. Lenient where the intent is clear
 * (a non-positive COUNT or INTERVAL is ignored; unknown parts are reported to `onIgnoredPart`,
 * or throw without it), strict where guessing would invent events (unknown FREQ, out-of-range
 * BY values, unreadable UNTIL): those throw {@link InvalidRuleError}.
 *
 * @param readUntil turns the UNTIL text into a value (the caller knows the series' zone).
 */
export function validateRule(
  parts: RecurParts,
  onIgnoredPart: ((part: string) => void) | undefined,
  readUntil: (text: string) => DateValue | undefined,
): RecurrenceRule {
  for (const key of Object.keys(parts)) {
    if (KNOWN_PARTS.has(key) || key.startsWith('x-')) continue;
    // An unknown part cannot change which instances the known parts give: ignore it, loudly.
    if (!onIgnoredPart) throw new InvalidRuleError(`unknown RRULE part ${key.toUpperCase()}`);
    onIgnoredPart(key.toUpperCase());
  }
  const freq = String(parts['freq'] ?? '').toUpperCase() as Frequency;
  if (!FREQUENCIES.includes(freq)) throw new InvalidRuleError(`FREQ ${String(parts['freq'] ?? '(missing)')} is not valid`);

  const intervalRaw = Number(parts['interval'] ?? 1);
  const interval = Number.isInteger(intervalRaw) && intervalRaw >= 1 ? intervalRaw : 1;

  const countRaw = parts['count'] === undefined ? undefined : Number(parts['count']);
  // A COUNT below 1 cannot be meant; it is ignored (as recent recurring-ical-events does).
  const count = countRaw !== undefined && Number.isInteger(countRaw) && countRaw >= 1 ? countRaw : undefined;

  let until: DateValue | undefined;
  if (parts['until'] !== undefined) {
    until = readUntil(String(parts['until']));
    if (!until) throw new InvalidRuleError(`UNTIL ${String(parts['until'])} is not a date`);
  }

  const rule: RecurrenceRule = {
    freq,
    interval,
    count,
    until,
    wkst: parts['wkst'] === undefined ? 1 : weekday(parts['wkst']),
    bySecond: integers('BYSECOND', parts['bysecond'], 0, 60, false),
    byMinute: integers('BYMINUTE', parts['byminute'], 0, 59, false),
    byHour: integers('BYHOUR', parts['byhour'], 0, 23, false),
    byDay: byDay(parts['byday']),
    byMonthDay: integers('BYMONTHDAY', parts['bymonthday'], 1, 31, true),
    byYearDay: integers('BYYEARDAY', parts['byyearday'], 1, 366, true),
    byWeekNo: integers('BYWEEKNO', parts['byweekno'], 1, 53, true),
    byMonth: integers('BYMONTH', parts['bymonth'], 1, 12, false),
    bySetPos: integers('BYSETPOS', parts['bysetpos'], 1, 366, true),
  };
  if (rule.byWeekNo && freq !== 'YEARLY') throw new InvalidRuleError('BYWEEKNO is only valid with FREQ=YEARLY');
  if (rule.byYearDay && (freq === 'DAILY' || freq === 'WEEKLY' || freq === 'MONTHLY')) {
    throw new InvalidRuleError(`BYYEARDAY is not valid with FREQ=${freq}`);
  }
  if (rule.byMonthDay && freq === 'WEEKLY') throw new InvalidRuleError('BYMONTHDAY is not valid with FREQ=WEEKLY');
  return rule;
}
