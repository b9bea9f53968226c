/**
 * The source kinds the calendar elements read, and how an element's settings become sources.
 * A new kind of calendar (CalDAV, a meeting platform's API) is one module in this folder that
 * exports a {@link SourceKind}, and one line in {@link calendarKinds}.
 */
import type { CalendarSource, ReadSetting, SourceKind } from '../types.js';
import { googleKind } from './google.js';
import { icsKind } from './ics.js';
import { jsonKind } from './json.js';
import { webcalKind } from './webcal.js';

/**
 * The kinds behind `src` and the elements' source attributes, in the order they claim a URL:
 * JSON snapshots by their extension, webcal: links by their scheme, then iCalendar for every other URL.
 */
export const calendarKinds: readonly SourceKind[] = [jsonKind, webcalKind, googleKind, icsKind];

/** `url` made absolute against `base` (the page), or as written when it cannot be. */
function absolute(url: string, base: string | undefined): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/**
 * The sources an element's settings name: each URL of `src` (space-separated) read by the first
 * kind that claims it, then the sources of kinds named by other attributes.
 */
export function sourcesFrom(
  kinds: readonly SourceKind[],
  read: ReadSetting,
  base: string | undefined,
): CalendarSource[] {
  const sources: CalendarSource[] = [];
  for (const url of read('src').split(/\s+/).filter(Boolean)) {
    const href = absolute(url, base);
    for (const kind of kinds) {
      const source = kind.fromUrl?.(href);
      if (source) {
        sources.push(source);
        break;
      }
    }
  }
  for (const kind of kinds) sources.push(...(kind.fromSettings?.(read) ?? []));
  return sources;
}

/** A stable key for a list of sources (what a persisted copy belongs to). */
export function sourcesKey(sources: readonly CalendarSource[]): string {
  return sources.map((s) => s.key).join(' ');
}
