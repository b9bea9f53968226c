/**
 * iCalendar feeds as a source: every URL of `src` that no other kind claims. The feed downloads
 * while the ICS reader (ics-reader.ts: the parser and the recurrence expander, one lazy chunk) is
 * imported, so a page reading only JSON snapshots never downloads the parser.
 */
import { yieldToEventLoop } from '../../../calendar/event-loop.js';
import { clearCalendarCache, fetchCalendarText } from '../../../calendar/fetch.js';
import { isSafeUrl } from '../../../calendar/safe-url.js';
import type { CalendarSource, SourceKind } from '../types.js';
import { readSnapshotText } from './json.js';

type IcsReader = typeof import('./ics-reader.js');

let icsReader: Promise<IcsReader> | undefined;

/** The ICS reader, imported once; a failed import is tried again by the next load. */
function loadIcsReader(): Promise<IcsReader> {
  icsReader ??= import('./ics-reader.js');
  icsReader.catch(() => {
    icsReader = undefined;
  });
  return icsReader;
}

/** Forgets the calendars parsed on this page (a new page view; see `forgetLoadedCalendars`). */
export function forgetParsedFeeds(): void {
  void icsReader?.then(
    (reader) => reader.forgetParsedCalendars(),
    () => undefined,
  );
}

function icsSource(url: string): CalendarSource & { readonly url: string } {
  const link = isSafeUrl(url);
  return {
    kind: 'ics',
    key: `ics:${url}`,
    url,
    remote: true,
    calendarLink: link,
    subscribeLink: link,
    async load(request) {
      // The reader loads while the feed downloads; its failure surfaces below.
      loadIcsReader().catch(() => undefined);
      const text = await fetchCalendarText(url, request);
      // A snapshot served under another name is read as one.
      if (text.trimStart().startsWith('{')) return readSnapshotText(this, text, request);
      // The text was decoded in the task that received it; parse from the next one.
      await yieldToEventLoop();
      const { readIcsSource } = await loadIcsReader();
      return readIcsSource(this, url, text, request);
    },
    forget: (proxy) => clearCalendarCache(url, proxy),
  };
}

/** iCalendar feeds: any URL of `src` (this kind comes last and claims what the others did not). */
export const icsKind: SourceKind = {
  kind: 'ics',
  fromUrl: icsSource,
};
