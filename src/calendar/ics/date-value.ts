/**
 * DATE and DATE-TIME values in the basic form feeds use (`20261124`, `20261124T100000`,
 * `20261124T100000Z`), read with char codes instead of a regular expression: they are the most
 * frequent values of a feed (DTSTART, DTEND, every EXDATE). Any other spelling goes to
 * `parseDateTime`, which this matches exactly for these forms.
 */
import { daysInMonth, type ParsedDateTime, parseDateTime, wallOf } from '../time.js';

/** Digits at [from, from + count) as a number, or -1 when any is not a digit. */
function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Reads a DATE or DATE-TIME value (see module doc); undefined when it is not one. */
export function readDateTimeValue(text: string): ParsedDateTime | undefined {
  const length = text.length;
  if (length !== 8 && length !== 15 && length !== 16) return parseDateTime(text);
  const year = digits(text, 0, 4);
  const month = digits(text, 4, 2);
  const day = digits(text, 6, 2);
  if (year < 0 || month < 0 || day < 0) return parseDateTime(text);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (length === 8) return { wall: wallOf(year, month, day), isDate: true, utc: false };
  const t = text.charCodeAt(8);
  const z = length === 16 ? text.charCodeAt(15) : 0;
  const hour = digits(text, 9, 2);
  const minute = digits(text, 11, 2);
  const second = digits(text, 13, 2);
  if (
    (t !== 0x54 && t !== 0x74) ||
    hour < 0 ||
    minute < 0 ||
    second < 0 ||
    (length === 16 && z !== 0x5a && z !== 0x7a)
  ) {
    return parseDateTime(text);
  }
  // As parseDateTime: a leap second is the last second of the minute; 24:00:00 is allowed.
  const s = Math.min(59, second);
  if (hour > 24 || minute > 59 || (hour === 24 && (minute > 0 || s > 0))) return undefined;
  return { wall: wallOf(year, month, day, hour, minute, s), isDate: false, utc: length === 16 };
}
