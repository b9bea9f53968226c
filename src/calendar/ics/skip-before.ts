/**
 * The pre-scan of `parseCalendarAsync`'s `notBefore` option: which VEVENTs can be left unparsed
 * because no window starting at or after `notBefore` can contain them or change what it contains.
 * It reads the component's text (from `split.ts`) with a few line searches, before ical.js parses
 * it: a feed's past one-off events, and the overrides of past instances that Google keeps forever,
 * are then never parsed at all.
 *
 * A VEVENT is skipped only when all of these hold:
 * - it has no RRULE, RDATE or EXRULE line (it is one occurrence, not a series);
 * - when it has a RECURRENCE-ID (an override), that is readable, not `RANGE=THISANDFUTURE`, and
 *   ends (one day for a DATE) before the same bound as below: the instance it replaces is over
 *   too. When it has none, no other VEVENT of the file overrides its UID (`overriddenUids`), so
 *   it is not the master of an override;
 * - its DTSTART is readable, and every end it may be given is known: DTEND, DTSTART + DURATION,
 *   and the defaults (one day for a DATE, zero for a DATE-TIME) — the latest of them counts, so a
 *   DTEND the parser would reject (before DTSTART) cannot make it look earlier;
 * - that latest end, read as UTC wall time, is more than {@link ZONE_SLACK_MS} (2 days) before
 *   `notBefore`. No zone is more than a day from UTC, so the slack covers TZID, floating and
 *   X-WR-TIMEZONE times without resolving any zone.
 * Anything unreadable is kept (and then parsed, and reported, as usual).
 */
import { DAY, durationToMs, parseDateTime, parseDuration } from '../time.js';
import { uidInText } from './split.js';

/** Margin for zone offsets between a wall time read as UTC and its real instant. */
export const ZONE_SLACK_MS = 2 * DAY;

const SERIES_LINE = /^(?:RRULE|RDATE|EXRULE)[;:]/im;
const OVERRIDE_LINE = /^RECURRENCE-ID[;:]/im;
/** A property's line with its folded continuation lines. */
const lineOf = (name: string): RegExp => new RegExp(`^${name}[;:][^\\r\\n]*(?:\\r?\\n[ \\t][^\\r\\n]*)*`, 'im');
const DTSTART = lineOf('DTSTART');
const DTEND = lineOf('DTEND');
const DURATION = lineOf('DURATION');
const RECURRENCE_ID = lineOf('RECURRENCE-ID');

/** The first such property line, unfolded. */
function lineIn(text: string, line: RegExp): string | undefined {
  return line.exec(text)?.[0].replace(/\r?\n[ \t]/g, '');
}

/** The value of the first such property line: after its last colon (dates and durations have none). */
function valueOf(text: string, line: RegExp): string | undefined {
  const found = lineIn(text, line);
  return found === undefined ? undefined : found.slice(found.lastIndexOf(':') + 1);
}

/**
 * True when the VEVENT's text is a one-off, or an override of a past instance, that ends (in any
 * zone) before `notBefore` (ms).
 */
export function endsBefore(text: string, notBefore: number, overriddenUids: ReadonlySet<string>): boolean {
  if (SERIES_LINE.test(text)) return false;
  const bound = notBefore - ZONE_SLACK_MS;
  const override = lineIn(text, RECURRENCE_ID);
  if (override !== undefined) {
    const replaced = parseDateTime(override.slice(override.lastIndexOf(':') + 1));
    if (!replaced || /RANGE=THISANDFUTURE/i.test(override) || replaced.wall + (replaced.isDate ? DAY : 0) >= bound) {
      return false;
    }
  }
  const startText = valueOf(text, DTSTART);
  const start = startText === undefined ? undefined : parseDateTime(startText);
  if (!start) return false;
  let latest = start.wall + (start.isDate ? DAY : 0);
  const endText = valueOf(text, DTEND);
  if (endText !== undefined) {
    const end = parseDateTime(endText);
    if (!end) return false;
    latest = Math.max(latest, end.wall + (end.isDate && !start.isDate ? DAY : 0));
  }
  const durationText = valueOf(text, DURATION);
  if (durationText !== undefined) {
    const duration = parseDuration(durationText);
    if (!duration) return false;
    latest = Math.max(latest, start.wall + Math.abs(durationToMs(duration)));
  }
  if (latest >= bound) return false;
  if (override !== undefined) return true;
  const uid = uidInText(text);
  return uid === undefined || !overriddenUids.has(uid);
}

/** UIDs that have an override (a VEVENT with RECURRENCE-ID) somewhere in the file. */
export function uidsWithOverrides(vevents: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const text of vevents) {
    if (!OVERRIDE_LINE.test(text)) continue;
    const uid = uidInText(text);
    if (uid !== undefined) out.add(uid);
  }
  return out;
}
