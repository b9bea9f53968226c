/** Feeds larger than this are refused (a `too-large` CalendarError), when fetched and when parsed. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
