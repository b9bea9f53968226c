import type { ByDay, DateValue, Frequency, RecurrenceRule, Weekday } from '../types.js';

const FREQUENCIES: readonly Frequency[] = ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
/** RFC 5545's weekday codes, by `Weekday` number (0 = Sunday). */
export const WEEKDAYS: readonly string[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** A rule that cannot be used; the event it belongs to is skipped with a warning. */
export class InvalidRuleError extends Error {
  override name = 'InvalidRuleError';
}

/**
 * The parts of an RRULE by lower-case name (`{freq: 'WEEKLY', byday: 'TU,TH'}`), as ical.js reads
 * them (jCal: lists as arrays, numbers as numbers, WKST as 1 = Sunday … 7 = Saturday) or
 * {@link recurPartsFromText} does (text).
 */
export type RecurParts = Readonly<Record<string, unknown>>;

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return value.split(',');
  return [value];
}

function integers(
  name: string,
  value: unknown,
  min: number,
  max: number,
  allowNegative: boolean,
): number[] | undefined {
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
  for (const piece of text
    .trim()
    .replace(/^RRULE:/i, '')
    .split(';')) {
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
 * Told about a part of an RRULE that was ignored or repaired: `part` is its upper-case name
 * (`UNTL`, `COUNT`, `INTERVAL`), `detail` a sentence saying what was done with it.
 */
export type IgnoredPartHandler = (part: string, detail: string) => void;

/** A whole number written as digits (an optional sign allowed), or a number already read. */
function wholeNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  const text = String(value).trim();
  return /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}

/**
 * INTERVAL: a whole number of 1 or more, else 1 (the default), reported to `onIgnoredPart`.
 * RFC 5545 gives no meaning to 0, a negative or a non-number; repeating with the default is
 * what libical, ical.js and dateutil do with 0 and what the author most plausibly meant.
 */
function readInterval(raw: unknown, onIgnoredPart: IgnoredPartHandler | undefined): number {
  if (raw === undefined) return 1;
  const interval = wholeNumber(raw);
  if (interval !== undefined && interval >= 1) return interval;
  onIgnoredPart?.(
    'INTERVAL',
    `Read RRULE INTERVAL=${String(raw)} as INTERVAL=1 (it must be a whole number of 1 or more)`,
  );
  return 1;
}

/**
 * COUNT: a whole number of 1 or more, else ignored, reported to `onIgnoredPart`: the series is
 * then bounded by its UNTIL when it has one, and unbounded otherwise (docs/correctness.md,
 * "Deliberate choices": Atlassian Confluence writes COUNT=-1 next to the real UNTIL).
 */
function readCount(raw: unknown, hasUntil: boolean, onIgnoredPart: IgnoredPartHandler | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const count = wholeNumber(raw);
  if (count !== undefined && count >= 1) return count;
  const what = count === undefined ? 'is not a whole number' : 'is below 1';
  const then = hasUntil ? 'the series ends at its UNTIL' : 'the series has no end';
  onIgnoredPart?.('COUNT', `Ignored RRULE COUNT=${String(raw)}: it ${what}; ${then}`);
  return undefined;
}

/**
 * Validates RRULE parts into a {@link RecurrenceRule}. Lenient where the intent is clear, and
 * says so to `onIgnoredPart`: an unreadable or non-positive INTERVAL is read as 1, an unreadable
 * or non-positive COUNT is ignored, an unknown part is ignored (without `onIgnoredPart`, an
 * unknown part throws; the COUNT and INTERVAL repairs are then silent). Strict where guessing
 * would invent events (unknown FREQ, out-of-range BY values, unreadable UNTIL): those throw
 * {@link InvalidRuleError}.
 *
 * @param onIgnoredPart told of each part ignored or repaired (the caller turns it into a warning).
 * @param readUntil turns the UNTIL text into a value (the caller knows the series' zone).
 */
export function validateRule(
  parts: RecurParts,
  onIgnoredPart: IgnoredPartHandler | undefined,
  readUntil: (text: string) => DateValue | undefined,
): RecurrenceRule {
  for (const key of Object.keys(parts)) {
    // An empty key is what a trailing `;` leaves in ical.js's reading.
    if (!key || KNOWN_PARTS.has(key) || key.startsWith('x-')) continue;
    // An unknown part cannot change which instances the known parts give: ignore it, loudly.
    if (!onIgnoredPart) throw new InvalidRuleError(`unknown RRULE part ${key.toUpperCase()}`);
    onIgnoredPart(key.toUpperCase(), `Ignored unknown RRULE part ${key.toUpperCase()}`);
  }
  const freq = String(parts['freq'] ?? '').toUpperCase() as Frequency;
  if (!FREQUENCIES.includes(freq))
    throw new InvalidRuleError(`FREQ ${String(parts['freq'] ?? '(missing)')} is not valid`);

  let until: DateValue | undefined;
  if (parts['until'] !== undefined) {
    until = readUntil(String(parts['until']));
    if (!until) throw new InvalidRuleError(`UNTIL ${String(parts['until'])} is not a date`);
  }
  const checked = {
    freq,
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
  if (checked.byWeekNo && freq !== 'YEARLY') throw new InvalidRuleError('BYWEEKNO is only valid with FREQ=YEARLY');
  if (checked.byYearDay && (freq === 'DAILY' || freq === 'WEEKLY' || freq === 'MONTHLY')) {
    throw new InvalidRuleError(`BYYEARDAY is not valid with FREQ=${freq}`);
  }
  if (checked.byMonthDay && freq === 'WEEKLY') throw new InvalidRuleError('BYMONTHDAY is not valid with FREQ=WEEKLY');
  // Repairs are reported only for a rule that is used (a rejected rule is reported once, by the caller).
  return {
    ...checked,
    interval: readInterval(parts['interval'], onIgnoredPart),
    count: readCount(parts['count'], until !== undefined, onIgnoredPart),
  };
}
