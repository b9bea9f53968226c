/**
 * English messages — the reference catalog. Labels that extend a visible text (`joinLabel`…)
 * must start with that text (WCAG 2.5.3, label in name). Every other locale provides the same keys
 * (a missing key falls back to English). `{name}` placeholders are filled by `format()`.
 */
/** `<chatham-notice>`'s messages: a separate object so the notice alone bundles only these. */
export const enNotice = {
  chathamTitle: 'Chatham House Rule',
  chathamRule:
    'When a meeting, or part thereof, is held under the Chatham House Rule, participants are free to use the information received, but neither the identity nor the affiliation of the speaker(s), nor that of any other participant, may be revealed.',
  chathamSource: 'About the Chatham House Rule',
  chathamNoRecording: 'This session is not recorded.',
  chathamNoLeads: 'No lead collection: contact details shared here may not be used for sales or marketing.',
  recordedTitle: 'Recorded session',
  recordedText: 'This session is recorded and the recording may be published. Please speak only on the record.',
  dismiss: 'Dismiss',
};

/**
 * What `<otel-event-list>` says, and the loading, error and saved-copy texts the calendar elements
 * share: a separate object so a page with only the event list bundles none of the card's wording.
 */
export const enCalendar = {
  loading: 'Loading events…',
  loaded: '{count, plural, one {# upcoming event loaded.} other {# upcoming events loaded.}}',
  shown: '{count, plural, one {# event shown.} other {# events shown.}}',
  empty: 'No upcoming events in the next {days} days.',
  emptyFiltered: 'No upcoming events matching “{filter}” in the next {days} days.',
  nextBeyond: 'Next:',
  errorTitle: 'The calendar could not be loaded',
  errorNetwork:
    'The calendar could not be reached (network problem, or the server does not allow this site to read it).',
  errorOffline: 'You appear to be offline.',
  errorTimeout: 'The calendar took too long to answer.',
  errorHttp: 'The calendar server answered with an error (HTTP {status}).',
  errorNotFound: 'The calendar was not found (HTTP 404).',
  errorRateLimited:
    '{minutes, plural, one {The calendar server is busy (HTTP {status}). Try again in # minute.} other {The calendar server is busy (HTTP {status}). Try again in # minutes.}}',
  errorRateLimitedLater: 'The calendar server is busy (HTTP {status}). Try again later.',
  errorConnectionLost: 'The connection broke while the calendar was loading; nothing partial is shown.',
  errorForbidden: 'Access to the calendar was refused (HTTP {status}).',
  errorNotCalendar: 'The address does not point to a calendar.',
  errorTooLarge: 'The calendar is too large to show here.',
  errorNoSource: 'No calendar is configured for this list.',
  partialError: 'One of the calendars could not be loaded: {message}',
  feedWarnings:
    '{count, plural, one {This calendar has # problem; everything that could be read is shown.} other {This calendar has # problems; everything that could be read is shown.}}',
  retry: 'Retry',
  openCalendar: 'Open the calendar',
  /** A saved copy shown while the calendar refreshes; `ago` is Intl.RelativeTimeFormat's "3 hours ago". */
  savedAgo: 'Showing events saved {ago}.',
  /** A saved copy shown because the refresh failed; `ago` as in savedAgo. */
  staleAgo: 'Showing events saved {ago}; the calendar could not be refreshed.',
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

/** `<otel-discussion-card>`'s own messages (it also uses {@link enCalendar}). */
export const enCard = {
  regionAMER: 'Americas',
  regionEMEA: 'Europe, Middle East and Africa',
  regionAPAC: 'Asia-Pacific',
  /** A card's name when it has no heading, no matching sessions and no region. */
  discussionGroup: 'Discussion group',
  region: 'Region',
  format: 'Format',
  formatLeanCoffee: 'Lean Coffee',
  leanCoffeeExplained:
    'Participants set the agenda together at the start, vote on topics, and discuss them in order, a few minutes each.',
  learnMore: 'Learn more',
  schedule: 'When',
  nextSessions: 'Next sessions',
  nextSession: 'Next session',
  noSessions: 'No upcoming sessions are scheduled.',
  communityLinks: 'Community',
  slack: 'Slack channel',
  notes: 'Meeting notes',
  addSeries: 'Add all sessions to your calendar',
  cadenceDaily: 'every day at {time}',
  cadenceWeekdays: 'every weekday at {time}',
  cadenceWeekly: 'every {weekdays} at {time}',
  cadenceEveryNWeeks: 'every {n} weeks on {weekdays} at {time}',
  cadenceMonthlyNth: 'every {ordinal} {weekday} of the month at {time}',
  cadenceEveryNMonthsNth: 'every {n} months on the {ordinal} {weekday} at {time}',
  cadenceMonthlyDay: 'every month on the {day} at {time}',
  cadenceMonthlyLastDay: 'every month on the last day at {time}',
  cadenceYearly: 'every year on {date} at {time}',
  ordinal1: 'first',
  ordinal2: 'second',
  ordinal3: 'third',
  ordinal4: 'fourth',
  ordinal5: 'fifth',
  'ordinal-1': 'last',
  'ordinal-2': 'second-to-last',
};

/**
 * What the CLI's Markdown agenda (`otel-calendar list --format markdown`) says besides the event
 * list's words (`allDay`, `cancelled`, `join`, `untitled`). `{from}`, `{to}` and `{date}` are
 * dates written by Intl ("22 November 2026").
 */
export const enAgenda = {
  agendaEmpty: 'No events from {from} to {to}.',
  agendaEmptyDay: 'No events on {date}.',
};

/** What a calendar element rendered at build time says about its times (`otel-calendar prerender`). */
export const enPrerender = {
  /** `date`: the build's date and time, with its zone. */
  asOf: 'As of {date}.',
};

/** Every English message: the reference catalog (`Messages`), and the public `message()`'s fallback. */
export const en = { ...enCalendar, ...enCard, ...enNotice, ...enAgenda, ...enPrerender };

export type Messages = typeof en;
export type MessageKey = keyof Messages;
