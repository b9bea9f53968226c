import { DAY } from '../time.js';
import type { Zone } from '../types.js';

/**
 * The instant of a wall time in a zone described by its offsets, per RFC 5545 §3.3.5:
 * a wall time in a gap (spring forward) is read with the offset before the gap; a wall time
 * that occurs twice (fall back) takes the first, earlier instant.
 * Assumes at most one transition within a day of the wall time, true of every real zone.
 */
export function wallToInstant(offsetAt: (instant: number) => number, wall: number): number {
  const before = offsetAt(wall - DAY);
  const after = offsetAt(wall + DAY);
  if (before === after) {
    // Common case; still verify (a transition closer than a day on both sides is rare).
    const guess = wall - before;
    if (offsetAt(guess) === before) return guess;
  }
  const t1 = wall - before;
  const t2 = wall - after;
  const t1Valid = offsetAt(t1) === before;
  const t2Valid = offsetAt(t2) === after;
  if (t1Valid && t2Valid) return Math.min(t1, t2);
  if (t1Valid) return t1;
  if (t2Valid) return t2;
  // In a gap: the offset in force before it.
  return t1;
}

/** A zone with a constant offset. */
export function fixedOffsetZone(offset: number, id: string): Zone {
  return {
    id,
    iana: offset === 0 ? 'UTC' : undefined,
    offsetAt: () => offset,
    toInstant: (wall) => wall - offset,
  };
}

export const UTC_ZONE: Zone = fixedOffsetZone(0, 'UTC');
