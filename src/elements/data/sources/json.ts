/**
 * The project's JSON snapshot (written by `otel-calendar snapshot -o x.json` at build time) as a
 * source: recognised by a `.json` URL in `src`, fetched, read without the ICS parser. Its
 * occurrences are already expanded; loading only places all-day dates in the window's zone.
 */
import { CalendarError } from '../../../calendar/errors.js';
import { yieldToEventLoop } from '../../../calendar/event-loop.js';
import { clearCalendarCache, fetchCalendarText } from '../../../calendar/fetch.js';
import { readSnapshot, snapshotOccurrences, type CalendarSnapshot } from '../../../calendar/json.js';
import { filterNeedle, matchesNeedle, selectOccurrences } from '../../../calendar/occurrences.js';
import { isSafeUrl } from '../../../calendar/safe-url.js';
import type { CalendarSource, LoadWindow, SourceData, SourceKind } from '../types.js';

/** A snapshot's text as a snapshot; `not-calendar` when it is not one. */
export function parseSnapshot(text: string): CalendarSnapshot {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    throw new CalendarError('not-calendar', 'The file is not valid JSON');
  }
  return readSnapshot(json);
}

/** What a snapshot holds for a window (its events are occurrences already). */
export function snapshotData(source: CalendarSource, snapshot: CalendarSnapshot, window: LoadWindow): SourceData {
  const { from, to, timeZone } = window;
  const all = snapshotOccurrences(snapshot, timeZone);
  return {
    source,
    name: snapshot.name ?? undefined,
    window: { from, to, timeZone },
    occurrences: selectOccurrences(all, { from, to, includeCancelled: true }),
    warnings: [],
    eventCount: snapshot.events.length,
    nextAfter: (after, filter) => {
      const needle = filterNeedle(filter);
      return all.find((o) => o.start >= after && !o.cancelled && matchesNeedle(o, needle));
    },
  };
}

/**
 * Text that came back from a calendar URL and is a snapshot (starts with `{`), read in tasks of
 * its own: a large snapshot is not parsed in the task that received its last bytes.
 */
export async function readSnapshotText(source: CalendarSource, text: string, window: LoadWindow): Promise<SourceData> {
  await yieldToEventLoop();
  const snapshot = parseSnapshot(text);
  await yieldToEventLoop();
  return snapshotData(source, snapshot, window);
}

function jsonSource(url: string): CalendarSource {
  return {
    kind: 'json',
    key: `json:${url}`,
    remote: true,
    calendarLink: isSafeUrl(url),
    async load(request) {
      const text = await fetchCalendarText(url, request);
      return readSnapshotText(this, text, request);
    },
    forget: (proxy) => clearCalendarCache(url, proxy),
  };
}

/** JSON snapshots: URLs of `src` ending in `.json` (before any query or fragment). */
export const jsonKind: SourceKind = {
  kind: 'json',
  fromUrl: (url) => (/\.json(?:[?#]|$)/i.test(url) ? jsonSource(url) : undefined),
};
