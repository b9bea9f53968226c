/**
 * Why a calendar could not be loaded, in a form a UI can explain:
 * - `network`: the request failed before a response (offline, DNS, connection reset, or — in a
 *   browser, indistinguishable — a CORS refusal);
 * - `timeout`: no complete response in time;
 * - `http`: the server answered with an error status (`status` holds it);
 * - `too-large`: the response exceeded the size limit;
 * - `not-calendar`: the response is not iCalendar / the JSON snapshot (e.g. an HTML error page);
 * - `aborted`: the caller cancelled (an element removed mid-fetch); not an error to show.
 */
export type CalendarErrorCode = 'network' | 'timeout' | 'http' | 'too-large' | 'not-calendar' | 'aborted';

export interface CalendarErrorDetails {
  readonly url?: string | undefined;
  readonly status?: number | undefined;
  readonly cause?: unknown;
}

export class CalendarError extends Error {
  override name = 'CalendarError';
  readonly code: CalendarErrorCode;
  readonly url: string | undefined;
  /** HTTP status for `http` errors. */
  readonly status: number | undefined;

  constructor(code: CalendarErrorCode, message: string, details: CalendarErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.url = details.url;
    this.status = details.status;
  }
}

export function isCalendarError(error: unknown): error is CalendarError {
  return error instanceof CalendarError;
}
