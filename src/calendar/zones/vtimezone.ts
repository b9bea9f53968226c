import { type JCalComponent, properties, property, text, values } from '../jcal.js';
import { expandRule } from '../rrule/expand-rrule.js';
import { InvalidRuleError, type RecurParts, validateRule } from '../rrule/parse-rrule.js';
import { DAY, civilFromDays, dayOf, parseDateTime, parseUtcOffset, wallOf } from '../time.js';
import type { RecurrenceRule, Zone } from '../types.js';
import { wallToInstant } from './zone.js';

/** A VTIMEZONE that cannot be used (no observances, unreadable offsets or onsets). */
export class InvalidTimezoneError extends Error {
  override name = 'InvalidTimezoneError';
}

interface Observance {
  /** Local onset (wall, in the offset before the change). */
  readonly start: number;
  readonly offsetFrom: number;
  readonly offsetTo: number;
  readonly rules: readonly RecurrenceRule[];
  readonly rdates: readonly number[];
}

interface Transition {
  readonly at: number;
  readonly offset: number;
}

/** How far past the latest year asked for the transitions are computed at once. */
const YEARS_AHEAD = 20;

function readObservance(component: JCalComponent): Observance {
  const start = parseDateTime(text(component, 'dtstart') ?? '');
  const offsetFrom = parseUtcOffset(text(component, 'tzoffsetfrom') ?? '');
  const offsetTo = parseUtcOffset(text(component, 'tzoffsetto') ?? '');
  if (!start || offsetTo === undefined) {
    throw new InvalidTimezoneError(`${component[0].toUpperCase()} lacks DTSTART or TZOFFSETTO`);
  }
  const from = offsetFrom ?? offsetTo;
  const rules: RecurrenceRule[] = [];
  for (const prop of properties(component, 'rrule')) {
    const value = prop[3];
    if (typeof value !== 'object' || value === null) continue;
    try {
      rules.push(
        validateRule(
          value as RecurParts,
          () => undefined,
          (untilText) => {
            const until = parseDateTime(untilText);
            // UNTIL of an observance is in UTC: bring it to local time in the offset before the change.
            return until
              ? { wall: until.utc ? until.wall + from : until.wall, isDate: false, zone: 'floating' }
              : undefined;
          },
        ),
      );
    } catch (error) {
      if (!(error instanceof InvalidRuleError)) throw error;
      throw new InvalidTimezoneError(error.message);
    }
  }
  const rdates: number[] = [];
  for (const prop of properties(component, 'rdate')) {
    for (const v of values(prop)) {
      const raw = Array.isArray(v) ? v[0] : v;
      const parsed = parseDateTime(String(raw));
      if (parsed) rdates.push(parsed.utc ? parsed.wall + from : parsed.wall);
    }
  }
  return { start: start.wall, offsetFrom: from, offsetTo, rules, rdates };
}

/**
 * A zone defined by a VTIMEZONE component in the feed (its STANDARD and DAYLIGHT observances,
 * their onsets expanded with the engine's own RRULE expander). Transitions are computed up to
 * {@link YEARS_AHEAD} years past the latest year asked for, and extended on demand.
 */
export function vtimezoneZone(component: JCalComponent, iana: string | undefined): Zone {
  const id = text(component, 'tzid');
  if (!id) throw new InvalidTimezoneError('VTIMEZONE without TZID');
  const observances = component[2].filter((c) => c[0] === 'standard' || c[0] === 'daylight').map(readObservance);
  if (observances.length === 0) throw new InvalidTimezoneError(`VTIMEZONE ${id} has no STANDARD or DAYLIGHT`);
  const first = observances.reduce((a, b) => (b.start < a.start ? b : a));
  const initialOffset = first.offsetFrom;

  let transitions: Transition[] = [];
  let computedUntil = Number.NEGATIVE_INFINITY;

  const compute = (untilYear: number): void => {
    const to = wallOf(untilYear + 1, 1, 1);
    const list: Transition[] = [];
    for (const o of observances) {
      const onsets = new Set<number>([o.start, ...o.rdates]);
      for (const rule of o.rules) {
        const until = rule.until?.wall;
        for (const w of expandRule(rule, { dtstart: o.start, isDate: false, from: o.start, to, until }).instances) {
          onsets.add(w);
        }
      }
      for (const w of onsets) if (w < to) list.push({ at: w - o.offsetFrom, offset: o.offsetTo });
    }
    list.sort((a, b) => a.at - b.at);
    transitions = list;
    computedUntil = untilYear;
  };

  const offsetAt = (instant: number): number => {
    const year = civilFromDays(dayOf(instant + DAY)).year;
    if (year > computedUntil) compute(year + YEARS_AHEAD);
    let lo = 0;
    let hi = transitions.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = transitions[mid];
      if (t !== undefined && t.at <= instant) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found < 0 ? initialOffset : (transitions[found]?.offset ?? initialOffset);
  };

  // Fail early on a definition that cannot produce offsets.
  compute(new Date().getUTCFullYear() + YEARS_AHEAD);
  return { id, iana, offsetAt, toInstant: (wall) => wallToInstant(offsetAt, wall) };
}

/** TZID of a VTIMEZONE component, if any. */
export function vtimezoneId(component: JCalComponent): string | undefined {
  return property(component, 'tzid') ? text(component, 'tzid') : undefined;
}
