import { CalendarError } from './errors.js';
import { charsetOf } from './charset.js';
import { yieldToEventLoop } from './event-loop.js';
import { DEFAULT_MAX_BYTES } from './limits.js';

/** Bytes read between two turns given to the page while a body arrives. */
const YIELD_EVERY_BYTES = 2 * 1024 * 1024;

export interface FetchCalendarOptions {
  /** Cancels this caller's wait; the shared request is aborted when no caller is left. */
  readonly signal?: AbortSignal | undefined;
  /** Milliseconds before the request fails with a `timeout` error. Default 15 000. */
  readonly timeout?: number | undefined;
  /**
   * A proxy URL template for hosts that do not send CORS headers, with `{url}` replaced by the
   * encoded calendar URL, e.g. `https://proxy.example/ics?url={url}`. A template without `{url}`
   * gets the encoded URL appended.
   */
  readonly proxy?: string | undefined;
  /** Largest accepted response. Default 20 MiB. */
  readonly maxBytes?: number | undefined;
  /** Reuse a completed response younger than this many ms. Default 60 000; 0 disables. */
  readonly maxAge?: number | undefined;
  /** The `fetch` to use (tests, Node without global fetch). */
  readonly fetch?: typeof fetch | undefined;
}

export const DEFAULT_TIMEOUT = 15_000;
const DEFAULT_MAX_AGE = 60_000;

/** The URL actually requested for `url` through an optional proxy template. */
export function proxiedUrl(url: string, proxy: string | undefined): string {
  if (!proxy) return url;
  const encoded = encodeURIComponent(url);
  return proxy.includes('{url}') ? proxy.replaceAll('{url}', encoded) : proxy + encoded;
}

interface Entry {
  readonly promise: Promise<string>;
  readonly controller: AbortController;
  waiting: number;
  settledAt: number | undefined;
}

const entries = new Map<string, Entry>();

/** URLs whose server asked for a pause (429/503 with Retry-After): until when, and its answer. */
const backoffs = new Map<string, { readonly until: number; readonly error: CalendarError }>();

/** The server's last answer again, while its Retry-After lasts (with the time left). */
function backoffError(target: string, url: string): CalendarError | undefined {
  const backoff = backoffs.get(target);
  if (!backoff) return undefined;
  const left = Math.ceil((backoff.until - Date.now()) / 1000);
  if (left <= 0) {
    backoffs.delete(target);
    return undefined;
  }
  const status = backoff.error.status ?? 429;
  return new CalendarError('http', describeStatus(status, left), { url, status, retryAfter: left });
}

/**
 * The common case without the decoding module: no byte-order mark but UTF-8's, no charset or
 * UTF-8 declared, and bytes that are valid UTF-8 (then {@link decodeCalendarText} would give the
 * same text: a fold can only split a character in invalid UTF-8). Undefined otherwise.
 */
function decodeValidUtf8(bytes: Uint8Array, charset: string | undefined): string | undefined {
  if (charset !== undefined && !/^\s*utf-?8\s*$/i.test(charset)) return undefined;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Bytes to text: valid UTF-8 at once, anything else through the decoding module (loaded then). */
async function decodeBody(bytes: Uint8Array, charset: string | undefined): Promise<string> {
  return decodeValidUtf8(bytes, charset) ?? (await import('./text-decoding.js')).decodeCalendarText(bytes, charset);
}

/** All of `chunks` in one array of `length` bytes. */
function concatenate(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]?.byteLength === length) return chunks[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * The response body as text: its bytes are collected (at most `maxBytes`, else `too-large`) and
 * decoded once at the end (`decodeCalendarText` in text-decoding.ts), so a character split between two network
 * chunks, or by a fold, survives. A body that breaks off rejects (the caller says it is incomplete).
 */
async function readLimited(response: Response, maxBytes: number, url: string): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  const tooLarge = (): CalendarError =>
    new CalendarError('too-large', `The calendar is larger than ${(maxBytes / 1048576).toFixed(1)} MB`, { url });
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const charset = charsetOf(response.headers.get('content-type'));
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > maxBytes) throw tooLarge();
    return decodeBody(bytes, charset);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  // Chunks already received resolve one after the other without a task in between: give the
  // page a turn every few megabytes, and before decoding, so a large feed is no long task.
  let sinceYield = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
    sinceYield += value.byteLength;
    if (sinceYield >= YIELD_EVERY_BYTES) {
      sinceYield = 0;
      await yieldToEventLoop();
    }
  }
  if (received >= YIELD_EVERY_BYTES) await yieldToEventLoop();
  return decodeBody(concatenate(chunks, received), charset);
}

/**
 * Seconds to wait from an HTTP `Retry-After` value (delta-seconds or an HTTP date, RFC 9110
 * §10.2.3), or undefined when absent or unreadable. A date in the past means 0.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  // HTTP-date forms all start with a day name ("Sun, 06 Nov 1994 08:49:37 GMT"); Date.parse
  // alone would read "-5" as a year.
  if (!/^[A-Za-z]{3}/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, Math.ceil((at - now) / 1000)) : undefined;
}

/** "30 seconds", "2 minutes", "1 hour" — an English wait, rounded up to the unit. */
export function describeWait(seconds: number): string {
  const unit = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (seconds < 60) return unit(Math.max(1, Math.ceil(seconds)), 'second');
  if (seconds < 3600) return unit(Math.ceil(seconds / 60), 'minute');
  return unit(Math.ceil(seconds / 3600), 'hour');
}

function describeStatus(status: number, retryAfter: number | undefined): string {
  const wait = retryAfter === undefined ? 'later' : `in ${describeWait(retryAfter)}`;
  if (status === 404) return 'The calendar was not found (HTTP 404)';
  if (status === 401 || status === 403) return `The calendar is private or access was refused (HTTP ${status})`;
  if (status === 429) return `The calendar server is rate-limiting requests (HTTP 429); try again ${wait}`;
  if (status === 503 && retryAfter !== undefined)
    return `The calendar server is unavailable (HTTP 503); try again ${wait}`;
  if (status >= 500) return `The calendar server failed (HTTP ${status})`;
  return `The calendar server answered HTTP ${status}`;
}

/** The system error code under a failed fetch (Node's fetch: `cause.code`, e.g. ECONNRESET). */
function socketErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = (e as Error & { code?: unknown }).code;
    if (typeof code === 'string' && code) return code;
  }
  return undefined;
}

/**
 * Why a request failed before any response. A browser (or worker) cannot tell a CORS refusal from a network
 * failure (both are a bare TypeError), so it says both; Node has no CORS and names the error.
 */
function describeNetworkFailure(cause: unknown): string {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return 'You appear to be offline';
  const node = (globalThis as { process?: { versions?: { node?: unknown } } }).process?.versions?.node;
  if (typeof node !== 'string') {
    return 'Could not reach the calendar (network error, or the server does not allow this site to read it: CORS)';
  }
  const code = socketErrorCode(cause);
  return `Could not reach the calendar (${code ?? (cause instanceof Error ? cause.message : 'network error')})`;
}

function request(url: string, target: string, options: FetchCalendarOptions): Entry {
  const controller = new AbortController();
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const promise = (async (): Promise<string> => {
    try {
      let response: Response;
      try {
        response = await doFetch(target, {
          signal: controller.signal,
          headers: { accept: 'text/calendar, application/json;q=0.9, */*;q=0.5' },
        });
      } catch (cause) {
        if (timedOut)
          throw new CalendarError(
            'timeout',
            `The calendar did not answer within ${Number((timeout / 1000).toFixed(1))} s`,
            { url, cause },
          );
        if (controller.signal.aborted) throw new CalendarError('aborted', 'The request was cancelled', { url, cause });
        throw new CalendarError('network', describeNetworkFailure(cause), { url, cause });
      }
      if (!response.ok) {
        const { status } = response;
        const retryAfter =
          status === 429 || status === 503 ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
        // Nothing of an error body is needed; let the connection go.
        void response.body?.cancel().catch(() => undefined);
        throw new CalendarError('http', describeStatus(status, retryAfter), { url, status, retryAfter });
      }
      try {
        return await readLimited(response, maxBytes, url);
      } catch (cause) {
        if (cause instanceof CalendarError) throw cause;
        if (timedOut)
          throw new CalendarError(
            'timeout',
            `The calendar did not finish loading within ${Number((timeout / 1000).toFixed(1))} s`,
            { url, cause, incomplete: true },
          );
        if (controller.signal.aborted) throw new CalendarError('aborted', 'The request was cancelled', { url, cause });
        const code = socketErrorCode(cause);
        throw new CalendarError(
          'network',
          `The connection was lost while loading the calendar (the download is incomplete${code ? `: ${code}` : ''})`,
          {
            url,
            cause,
            incomplete: true,
          },
        );
      }
    } finally {
      clearTimeout(timer);
    }
  })();
  return { promise, controller, waiting: 0, settledAt: undefined };
}

/**
 * Fetches calendar text, once per URL for all callers on the page: concurrent callers share the
 * in-flight request, and a completed one is reused for `maxAge` ms. Failures are not cached,
 * except that a server's `Retry-After` (429/503) is honoured: until it passes, callers get that
 * answer again without a request, unless {@link clearCalendarCache} is called (Retry).
 * Errors are {@link CalendarError}s (`network`, `timeout`, `http`, `too-large`, `aborted`).
 */
export function fetchCalendarText(url: string, options: FetchCalendarOptions = {}): Promise<string> {
  const target = proxiedUrl(url, options.proxy);
  const maxAge = options.maxAge ?? DEFAULT_MAX_AGE;
  // Retry-After is respected: nothing asks that server again before then, except a reader's
  // explicit Retry (which clears the cache, and this with it).
  const waiting = entries.has(target) ? undefined : backoffError(target, url);
  if (waiting) return Promise.reject(waiting);
  let entry = entries.get(target);
  if (entry && entry.settledAt !== undefined && (maxAge <= 0 || Date.now() - entry.settledAt > maxAge)) {
    entries.delete(target);
    entry = undefined;
  }
  if (!entry) {
    const created = request(url, target, options);
    entry = created;
    entries.set(target, created);
    created.promise.then(
      () => {
        created.settledAt = Date.now();
      },
      (error: unknown) => {
        if (entries.get(target) === created) entries.delete(target);
        if (error instanceof CalendarError && error.retryAfter !== undefined && error.retryAfter > 0) {
          backoffs.set(target, { until: Date.now() + error.retryAfter * 1000, error });
        }
      },
    );
  }
  const shared = entry;
  const { signal } = options;
  if (!signal) return shared.promise;
  if (signal.aborted) return Promise.reject(new CalendarError('aborted', 'The request was cancelled', { url }));
  shared.waiting++;
  return new Promise<string>((resolve, reject) => {
    const onAbort = (): void => {
      shared.waiting--;
      if (shared.waiting <= 0 && shared.settledAt === undefined) {
        shared.controller.abort();
        if (entries.get(target) === shared) entries.delete(target);
      }
      reject(new CalendarError('aborted', 'The request was cancelled', { url }));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    shared.promise.then(
      (text) => {
        signal.removeEventListener('abort', onAbort);
        shared.waiting--;
        resolve(text);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        shared.waiting--;
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Forgets cached responses (all, or one URL), e.g. before a user-requested retry; a server's
 * Retry-After pause is forgotten too (the reader asked to try now).
 */
export function clearCalendarCache(url?: string, proxy?: string): void {
  if (url === undefined) {
    entries.clear();
    backoffs.clear();
  } else {
    entries.delete(proxiedUrl(url, proxy));
    backoffs.delete(proxiedUrl(url, proxy));
  }
}

/**
 * Makes `text` the answer for `url` on this page (or process) until {@link clearCalendarCache}:
 * for a build step that read the calendar from a file and renders code that fetches it.
 */
export function primeCalendarText(url: string, text: string, proxy?: string): void {
  entries.set(proxiedUrl(url, proxy), {
    promise: Promise.resolve(text),
    controller: new AbortController(),
    waiting: 0,
    // Never too old: primed answers do not expire.
    settledAt: Number.POSITIVE_INFINITY,
  });
}
