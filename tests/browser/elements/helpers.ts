/** Helpers shared by the element tests: RRULE and time helpers for cadence and localization, and mounting. */
import { recurPartsFromText, validateRule } from '../../../src/calendar/rrule/parse-rrule.js';
import { parseDateTime } from '../../../src/calendar/time.js';
import type { RecurrenceRule } from '../../../src/calendar/types.js';
import { intlZone } from '../../../src/calendar/zones/intl-zone.js';

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

/** The elements of a shadow root with a given part. */
export function parts(el: HTMLElement, part: string): HTMLElement[] {
  return Array.from(el.shadowRoot?.querySelectorAll<HTMLElement>(`[part~="${part}"]`) ?? []);
}

export interface Mounted<T> {
  readonly el: T;
  /** Resolves with the first `otel-load` or `otel-error`. */
  readonly done: Promise<Event>;
}

/**
 * Creates a calendar element with `now` pinned before it connects, sets its attributes, appends
 * it to `parent`, and resolves `done` on its first `otel-load` or `otel-error`.
 */
export function mount<K extends 'otel-event-list' | 'otel-discussion-card'>(
  tag: K,
  attributes: Readonly<Record<string, string>>,
  now: number,
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
  await Promise.all([import('../../../src/elements/ui/sanitize.js'), import('../../../src/calendar/export-links.js')]);
  await new Promise((resolve) => setTimeout(resolve, 0));
  await (el as Element & { updateComplete?: Promise<unknown> }).updateComplete;
  return list;
}
