/** Helpers shared by the cadence and localization tests. */
import { recurPartsFromText, validateRule } from '../../../src/calendar/rrule/parse-rrule.js';
import { parseDateTime } from '../../../src/calendar/time.js';
import type { RecurrenceRule } from '../../../src/calendar/types.js';
import { intlZone } from '../../../src/calendar/zones/intl-zone.js';

export const BERLIN = 'Europe/Berlin';

/** A validated RRULE (UNTIL read as UTC). */
export function rule(text: string): RecurrenceRule {
  return validateRule(recurPartsFromText(text), undefined, (until) => {
    const parsed = parseDateTime(until);
    return parsed && { wall: parsed.wall, isDate: parsed.isDate, zone: 'utc' };
  });
}

/** Wall time of `YYYY-MM-DDTHH:MM`. */
export function wall(text: string): number {
  return Date.parse(`${text}:00Z`);
}

/** The instant of a wall time in a zone. */
export function instant(timeZone: string, text: string): number {
  const zone = intlZone(timeZone);
  if (!zone) throw new Error(`no zone ${timeZone}`);
  return zone.toInstant(wall(text));
}

/** The time as Intl writes it in that zone (what a cadence sentence must contain). */
export function intlTime(locale: string, timeZone: string, at: number): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(at);
}

/** The elements of a shadow root with a given part. */
export function parts(el: HTMLElement, part: string): HTMLElement[] {
  return Array.from(el.shadowRoot?.querySelectorAll<HTMLElement>(`[part~="${part}"]`) ?? []);
}
