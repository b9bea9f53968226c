import { DAY, MINUTE, wallOf } from '../time.js';
import type { Zone } from '../types.js';
import { wallToInstant } from './zone.js';

/** Offsets are cached by UTC day, and on transition days in 15-minute buckets (every modern transition falls on one). */
const BUCKET = 15 * MINUTE;
const MAX_CACHED_BUCKETS = 100_000;

const zones = new Map<string, Zone | null>();

function readOffset(format: Intl.DateTimeFormat, instant: number): number {
  const second = Math.floor(instant / 1000) * 1000;
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let sec = 0;
  let bc = false;
  for (const part of format.formatToParts(second)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value) % 24;
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        sec = Number(part.value);
        break;
      case 'era':
        bc = part.value.startsWith('B');
        break;
      default:
        break;
    }
  }
  if (bc) year = 1 - year;
  return wallOf(year, month, day, hour, minute, sec) - second;
}

function createIntlZone(name: string): Zone | null {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return null;
  }
  // Keep the name as written: Intl canonicalizes to legacy names (Asia/Kolkata → Asia/Calcutta).
  const iana = name;
  const cache = new Map<number, number>();
  // Whole UTC days first: a feed of thousands of events at different times touches a few hundred
  // days but tens of thousands of 15-minute buckets (each a formatToParts call, ~10 µs).
  // A day whose start, middle and end agree has one offset (no zone changes twice and back
  // within a day); a day with a transition is `null` and read through the 15-minute buckets.
  const days = new Map<number, number | null>();
  const offsetInBucket = (instant: number): number => {
    const bucket = Math.floor(instant / BUCKET);
    const cached = cache.get(bucket);
    if (cached !== undefined) return cached;
    const atStart = readOffset(format, bucket * BUCKET);
    const atEnd = readOffset(format, bucket * BUCKET + BUCKET - 1000);
    if (atStart !== atEnd) return readOffset(format, instant);
    if (cache.size >= MAX_CACHED_BUCKETS) cache.clear();
    cache.set(bucket, atStart);
    return atStart;
  };
  const offsetAt = (instant: number): number => {
    const day = Math.floor(instant / DAY);
    let offset = days.get(day);
    if (offset === undefined) {
      const start = day * DAY;
      const atStart = readOffset(format, start);
      const steady =
        atStart === readOffset(format, start + DAY / 2) && atStart === readOffset(format, start + DAY - 1000);
      offset = steady ? atStart : null;
      if (days.size >= MAX_CACHED_BUCKETS) days.clear();
      days.set(day, offset);
    }
    return offset ?? offsetInBucket(instant);
  };
  return {
    id: name,
    iana,
    offsetAt,
    toInstant: (wall) => wallToInstant(offsetAt, wall),
  };
}

/**
 * The zone of an IANA name (or alias Intl knows, e.g. `US/Eastern`, `Europe/Kiev`) through
 * `Intl`, so no time zone database is shipped. Undefined when the runtime does not know it.
 */
export function intlZone(name: string): Zone | undefined {
  let zone = zones.get(name);
  if (zone === undefined) {
    zone = createIntlZone(name);
    zones.set(name, zone);
  }
  return zone ?? undefined;
}

let localZone: { readonly name: string; readonly at: number } | undefined;

/**
 * The runtime's own zone (the viewer's, in a browser; the process zone in Node). Read again at
 * most once a second: building a DateTimeFormat for it cost ~0.25 ms, and a list asks per row.
 */
export function localZoneName(): string {
  const now = Date.now();
  if (!localZone || Math.abs(now - localZone.at) > 1000)
    localZone = { name: new Intl.DateTimeFormat().resolvedOptions().timeZone, at: now };
  return localZone.name;
}

/**
 * Whether times written in `timeZone` at `at` are the viewer's own clock time: the runtime's zone,
 * or any zone on the same UTC offset then. Comparing names would not do: engines name the runtime's
 * zone differently (India's is "Asia/Calcutta" in Chromium, "Asia/Kolkata" in Firefox, and WebKit
 * keeps whichever alias it is given), and pages may write a zone with any alias or letter case.
 */
export function showsLocalTime(timeZone: string, at: number): boolean {
  const local = localZoneName();
  if (timeZone === local) return true;
  const zone = intlZone(timeZone);
  const own = intlZone(local);
  return zone !== undefined && own !== undefined && zone.offsetAt(at) === own.offsetAt(at);
}
