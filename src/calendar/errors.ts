/**
 * Why a calendar could not be loaded, in a form a UI can explain:
 * - `network`: the request failed before a response (offline, DNS, connection reset, or — in a
 *   browser, indistinguishable — a CORS refusal), or the connection broke mid-download
 *   (`incomplete` is then true);
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
  /** Seconds the server asked the client to wait (`Retry-After` on 429 / 503). */
  readonly retryAfter?: number | undefined;
  /** The response started but did not arrive whole (connection reset or closed mid-body). */
  readonly incomplete?: boolean | undefined;
  readonly cause?: unknown;
}

export class CalendarError extends Error {
  override name = 'CalendarError';
  readonly code: CalendarErrorCode;
  readonly url: string | undefined;
  /** HTTP status for `http` errors. */
  readonly status: number | undefined;
  /** Seconds to wait before asking again, when the server said so (`Retry-After`). */
  readonly retryAfter: number | undefined;
  /** True when a response started but was cut off (a partial download, never used). */
  readonly incomplete: boolean;

  constructor(code: CalendarErrorCode, message: string, details: CalendarErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.url = details.url;
    this.status = details.status;
    this.retryAfter = details.retryAfter;
    this.incomplete = details.incomplete ?? false;
  }
}

/** Whether `error` is a {@link CalendarError}. */
export function isCalendarError(error: unknown): error is CalendarError {
  return error instanceof CalendarError;
}

/** Any failure as a {@link CalendarError}: one is kept as it is, anything else counts as a network failure. */
export function asCalendarError(error: unknown): CalendarError {
  if (error instanceof CalendarError) return error;
  return new CalendarError('network', error instanceof Error ? error.message : String(error), { cause: error });
}
