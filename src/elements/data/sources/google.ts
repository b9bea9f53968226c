/**
 * A Google calendar read through the Google Calendar API v3 (it sends CORS headers; Google's
 * public ICS URLs do not): named by `google-calendar-id` and `google-api-key`. The API expands
 * recurrences itself, for exactly the window asked; its client is imported with the first load.
 */
import type { CalendarSource, SourceKind } from '../types.js';

function googleSource(calendarId: string, apiKey: string): CalendarSource {
  const id = encodeURIComponent(calendarId);
  return {
    kind: 'google',
    key: `google:${calendarId}`,
    remote: true,
    calendarLink: `https://calendar.google.com/calendar/embed?src=${id}`,
    subscribeLink: `https://calendar.google.com/calendar/r?cid=${id}`,
    async load(request) {
      const { fetchGoogleCalendar } = await import('../../../calendar/google.js');
      const { from, to, timeZone } = request;
      const result = await fetchGoogleCalendar({ calendarId, apiKey }, { ...request });
      return {
        source: this,
        name: result.name,
        window: { from, to, timeZone },
        occurrences: result.occurrences,
        warnings: [],
        eventCount: undefined,
      };
    },
  };
}

/** Google calendars: `google-calendar-id` with `google-api-key`. */
export const googleKind: SourceKind = {
  kind: 'google',
  fromSettings(read) {
    const calendarId = read('google-calendar-id').trim();
    const apiKey = read('google-api-key').trim();
    return calendarId && apiKey ? [googleSource(calendarId, apiKey)] : [];
  },
};
