/**
 * The cheap pre-filter of `parseCalendarAsync`'s `notBefore` option: which one-off VEVENTs can
 * be left unread because no window starting at or after `notBefore` can contain them.
 *
 * A VEVENT is skipped only when all of these hold:
 * - it has no RRULE, RDATE, EXRULE or RECURRENCE-ID (it is one occurrence, not a series or an
 *   override), and no other VEVENT of the file overrides its UID (`overriddenUids`);
 * - its DTSTART is readable, and every end it may be given is known: DTEND, DTSTART + DURATION,
 *   and the defaults (one day for a DATE, zero for a DATE-TIME) — the latest of them counts, so a
 *   DTEND the parser would reject (before DTSTART) cannot make it look earlier;
 * - that latest end, read as UTC wall time, is more than {@link ZONE_SLACK_MS} (2 days) before
 *   `notBefore`. No zone is more than a day from UTC, so the slack covers TZID, floating and
 *   X-WR-TIMEZONE times without resolving any zone.
 * Anything unreadable is kept (and then read, and reported, as usual).
 */
import { DAY, durationToMs, parseDateTime, parseDuration } from '../time.js';
import type { IcsComponent } from './tree.js';

/** Margin for zone offsets between a wall time read as UTC and its real instant. */
export const ZONE_SLACK_MS = 2 * DAY;

const SERIES_PROPERTIES = new Set(['rrule', 'rdate', 'exrule', 'recurrence-id']);

function firstText(component: IcsComponent, name: string): string | undefined {
  const value = component.properties.find((p) => p.name === name)?.values[0];
  return typeof value === 'string' ? value : undefined;
}

/** True when the VEVENT is a one-off that ends (in any zone) before `notBefore` (ms). */
export function endsBefore(component: IcsComponent, notBefore: number, overriddenUids: ReadonlySet<string>): boolean {
  if (component.name !== 'vevent') return false;
  for (const p of component.properties) if (SERIES_PROPERTIES.has(p.name)) return false;
  const uid = firstText(component, 'uid')?.trim();
  if (uid !== undefined && overriddenUids.has(uid)) return false;
  const start = parseDateTime(firstText(component, 'dtstart') ?? '');
  if (!start) return false;
  let latest = start.wall + (start.isDate ? DAY : 0);
  const endText = firstText(component, 'dtend');
  if (endText !== undefined) {
    const end = parseDateTime(endText);
    if (!end) return false;
    latest = Math.max(latest, end.wall + (end.isDate && !start.isDate ? DAY : 0));
  }
  const durationText = firstText(component, 'duration');
  if (durationText !== undefined) {
    const duration = parseDuration(durationText);
    if (!duration) return false;
    latest = Math.max(latest, start.wall + Math.abs(durationToMs(duration)));
  }
  return latest < notBefore - ZONE_SLACK_MS;
}

/** UIDs that have an override (a VEVENT with RECURRENCE-ID) somewhere in the file. */
export function uidsWithOverrides(vevents: Iterable<IcsComponent>): Set<string> {
  const out = new Set<string>();
  for (const c of vevents) {
    if (!c.properties.some((p) => p.name === 'recurrence-id')) continue;
    const uid = firstText(c, 'uid')?.trim();
    if (uid !== undefined) out.add(uid);
  }
  return out;
}
