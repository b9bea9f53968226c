/**
 * English messages — the reference catalog. Labels that extend a visible text (`joinLabel`…)
 * must start with that text (WCAG 2.5.3, label in name). Every other locale provides the same keys
 * (a missing key falls back to English). `{name}` placeholders are filled by `format()`.
 */
export const en = {
  loading: 'Loading events…',
  loaded: '{count} upcoming events loaded.',
  loadedOne: '1 upcoming event loaded.',
  shown: '{count} events shown.',
  shownOne: '1 event shown.',
  empty: 'No upcoming events in the next {days} days.',
  emptyFiltered: 'No upcoming events matching “{filter}” in the next {days} days.',
  nextBeyond: 'Next:',
  errorTitle: 'The calendar could not be loaded',
  errorNetwork: 'The calendar could not be reached (network problem, or the server does not allow this site to read it).',
  errorOffline: 'You appear to be offline.',
  errorTimeout: 'The calendar took too long to answer.',
  errorHttp: 'The calendar server answered with an error (HTTP {status}).',
  errorNotFound: 'The calendar was not found (HTTP 404).',
  errorForbidden: 'Access to the calendar was refused (HTTP {status}).',
  errorNotCalendar: 'The address does not point to a calendar.',
  errorTooLarge: 'The calendar is too large to show here.',
  errorNoSource: 'No calendar is configured for this list.',
  partialError: 'One of the calendars could not be loaded: {message}',
  retry: 'Retry',
  openCalendar: 'Open the calendar',
  stale: 'Showing events saved at {time}; the calendar could not be refreshed.',
  happeningNow: 'Happening now',
  cancelled: 'Cancelled',
  allDay: 'All day',
  yourTime: 'your time',
  join: 'Join',
  joinLabel: 'Join: {title}',
  details: 'Details',
  detailsLabel: 'Details: {title}',
  addToCalendar: 'Add to calendar',
  addToCalendarLabel: 'Add to calendar: {title}',
  downloadEvent: 'This event (.ics)',
  downloadSeries: 'All sessions (.ics)',
  googleCalendar: 'Google Calendar',
  outlookCalendar: 'Outlook',
  subscribe: 'Subscribe to this calendar',
  moreInfo: 'More information',
  untitled: '(untitled event)',
  eventsList: 'Upcoming events',
};

export type Messages = typeof en;
export type MessageKey = keyof Messages;
