/**
 * What the browser tests of the elements share: mounting an element with a pinned or a fake clock,
 * reading its parts, opening its disclosures, waiting for it, driving the page's visibility, the
 * fault server's feeds (tests/browser/hardening/fault-server.js) for real HTTP, and the times and
 * rules the cadence and language tests are written with.
 *
 * Time zone: every test page runs in the zone the runner pins (web-test-runner.config.js); an
 * element's own `timezone` (or a card's `display-timezone`) names the zone it shows.
 */
import sinon from 'sinon';
import { recurPartsFromText, validateRule } from '../../src/calendar/rrule/parse-rrule.js';
import { parseDateTime } from '../../src/calendar/time.js';
import type { RecurrenceRule } from '../../src/calendar/types.js';
import { intlZone } from '../../src/calendar/zones/intl-zone.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

type CalendarTag = 'otel-event-list' | 'otel-discussion-card';

/** The elements of a shadow root with a given part. */
export function parts(el: Element, part: string): HTMLElement[] {
  return Array.from(el.shadowRoot?.querySelectorAll<HTMLElement>(`[part~="${part}"]`) ?? []);
}

/** Rendered occurrences (not loading placeholders) of a list, as their titles. */
export function titles(el: Element): string[] {
  return parts(el, 'event')
    .filter((li) => !li.matches('[part~="skeleton"]'))
    .map((li) => li.querySelector('[part~="title"]')?.textContent?.trim() ?? '');
}

export interface Mounted<T> {
  readonly el: T;
  /** Resolves with the first `otel-load` or `otel-error`. */
  readonly done: Promise<Event>;
}

/**
 * Creates a calendar element, pins its `now` (unless `now` is undefined: the element then runs on
 * the page's clock, real or fake), sets its attributes, appends it to `parent`, and resolves
 * `done` on its first `otel-load` or `otel-error`.
 */
export function mount<K extends CalendarTag>(
  tag: K,
  attributes: Readonly<Record<string, string>>,
  now: number | undefined,
  parent: HTMLElement = document.body,
): Mounted<HTMLElementTagNameMap[K]> {
  const el = document.createElement(tag);
  el.now = now;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const done = new Promise<Event>((resolve) => {
    el.addEventListener('otel-load', resolve, { once: true });
    el.addEventListener('otel-error', resolve, { once: true });
  });
  parent.append(el);
  return { el, done };
}

/**
 * Opens the `<details>` of an element (all of them, or those with `part`) the way a click does, and
 * waits until the content they load on opening (the add-to-calendar links, the sanitized
 * description) has rendered: the same modules, imported here, are then loaded, and the element has
 * re-rendered.
 */
export async function openDetails(el: Element, part?: string): Promise<HTMLDetailsElement[]> {
  const selector = part ? `details[part~="${part}"]` : 'details';
  const list = Array.from(el.shadowRoot?.querySelectorAll<HTMLDetailsElement>(selector) ?? []);
  for (const details of list) details.open = true;
  if (list.length === 0) return list;
  // `toggle` fires in a task after `open` changes; the element then starts the import.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await Promise.all([import('../../src/elements/ui/sanitize.js'), import('../../src/elements/ui/add-to-calendar.js')]);
  await new Promise((resolve) => setTimeout(resolve, 0));
  await (el as Element & { updateComplete?: Promise<unknown> }).updateComplete;
  return list;
}

/** Resolves on the next `count` events of `type` from `el`. */
export function nextEvents(el: EventTarget, type: 'otel-load' | 'otel-error', count = 1): Promise<Event[]> {
  return new Promise((resolve) => {
    const seen: Event[] = [];
    const on = (event: Event): void => {
      seen.push(event);
      if (seen.length < count) return;
      el.removeEventListener(type, on);
      resolve(seen);
    };
    el.addEventListener(type, on);
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds (polling in real time), failing with `what` after `within` ms. */
export async function until(check: () => boolean | Promise<boolean>, what: string, within = 5_000): Promise<void> {
  const end = performance.now() + within;
  while (!(await check())) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/**
 * A fake clock for the page: `Date` and the timers are sinon's, starting at `now` and moving with
 * real time too (so network answers and task turns still happen); `tickAsync` jumps ahead firing
 * the timers due, `setSystemTime` jumps without firing them (a laptop waking from sleep).
 * `restore()` gives the page its clock back.
 */
export function fakeClock(now: number): sinon.SinonFakeTimers {
  return sinon.useFakeTimers({
    now,
    toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
    shouldAdvanceTime: true,
  });
}

/**
 * Makes the page report itself visible or hidden (a test tab may be in the background, where the
 * browser reports it hidden), announcing the change like the browser does. Returns the undo.
 */
export function setPageVisibility(state: DocumentVisibilityState): () => void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
  document.dispatchEvent(new Event('visibilitychange'));
  return () => {
    delete (document as { visibilityState?: unknown }).visibilityState;
    delete (document as { hidden?: unknown }).hidden;
  };
}

// ---------------------------------------------------------------------------------------------
// The fault server's feeds: a weekly series on Mondays 10:00–11:00 UTC since 2026-01-05 whose
// title names the feed ("Feed <id> weekly meeting"), served as the test asks.

let feeds = 0;

/** A feed id no other test uses. */
export function feedId(label: string): string {
  return `${label}-${Date.now().toString(36)}-${++feeds}`;
}

/** The URL of feed `id` (answered after `delay` ms). */
export function feedUrl(id: string, delay = 0): string {
  return `/__faults/feed/${id}.ics${delay ? `?delay=${delay}` : ''}`;
}

/** How often feed `id` was requested, and how many requests the client abandoned. */
export async function feedStats(id: string): Promise<{ hits: number; abandoned: number }> {
  const body: unknown = await (await fetch(`/__faults/hits/${id}`, { cache: 'no-store' })).json();
  if (typeof body !== 'object' || body === null || !('hits' in body) || !('abandoned' in body))
    throw new Error('bad hits answer');
  return { hits: Number(body.hits), abandoned: Number(body.abandoned) };
}

/** Adds a one-off event to feed `id` (times as UTC instants). */
export async function addFeedEvent(
  id: string,
  event: { readonly uid: string; readonly summary: string; readonly start: number; readonly end: number },
): Promise<void> {
  const utc = (t: number): string => new Date(t).toISOString().replace(/[-:]|\.\d{3}/g, '');
  const query = new URLSearchParams({
    uid: event.uid,
    summary: event.summary,
    start: utc(event.start),
    end: utc(event.end),
  });
  const answer = await fetch(`/__faults/add/${id}?${query.toString()}`, { cache: 'no-store' });
  if (answer.status !== 204) throw new Error(`the fault server refused the event: ${answer.status}`);
}

/** How feed `id` is served from now on: `healthy`, `404`, `500`, `429`, `hang`, `reset`… (see fault-server.js). */
export async function setFeedMode(id: string, kind: string): Promise<void> {
  const answer = await fetch(`/__faults/mode/${id}/${kind}`, { cache: 'no-store' });
  if (answer.status !== 204) throw new Error(`the fault server refused mode ${kind}: ${answer.status}`);
}

// ---------------------------------------------------------------------------------------------
// Times and rules for the cadence and language tests.

export const BERLIN = 'Europe/Berlin';

/** A validated RRULE (UNTIL read as UTC). */
export function rule(text: string): RecurrenceRule {
  return validateRule(recurPartsFromText(text), undefined, (until) => {
    const parsed = parseDateTime(until);
    return parsed && { wall: parsed.wall, isDate: parsed.isDate, zone: 'utc' };
  });
}

/** Wall time of `YYYY-MM-DDTHH:MM`. */
export function wall(text: string): number {
  return Date.parse(`${text}:00Z`);
}

/** The instant of a wall time in a zone. */
export function instant(timeZone: string, text: string): number {
  const zone = intlZone(timeZone);
  if (!zone) throw new Error(`no zone ${timeZone}`);
  return zone.toInstant(wall(text));
}

/** The time as Intl writes it in that zone (what a cadence sentence must contain). */
export function intlTime(locale: string, timeZone: string, at: number): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}

/** Whether this browser's locale data puts a comma after an English (UK) weekday ("Thu, 1 Jan"). */
const WEEKDAY_COMMA_EN_GB = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
})
  .format(0)
  .includes(',');

/**
 * An English (UK) date as this browser's locale data writes it. CLDR 42 (the system ICU 72 that
 * WebKitGTK uses on Debian 12) puts a comma after the weekday ("Tue, 16 Feb", "Wednesday, 18
 * November"); CLDR 44 and later (Chromium, Firefox, current Safari) do not. Expectations are
 * written in the newer form; the elements show whatever the reader's browser writes.
 */
export function enGB(text: string): string {
  return WEEKDAY_COMMA_EN_GB ? text.replace(/\b((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*) (?=\d)/g, '$1, ') : text;
}
