/**
 * The demo page, until the web components exist: loads the bundled calendar, expands the next
 * 30 days with the calendar engine and lists the occurrences by day in the chosen time zone.
 *
 * Everything taken from the feed is written with `textContent` or as a validated `href`, never as HTML.
 */
import {
  type Calendar,
  type Occurrence,
  expandCalendar,
  fetchCalendarText,
  findNextOccurrence,
  intlZone,
  isCalendarError,
  localZoneName,
  parseCalendar,
} from '../src/calendar/index.js';

const CALENDAR_URL = './calendar/community.ics';
const DAY_MS = 24 * 60 * 60 * 1000;
const WINDOW_DAYS = 30;
/** Offered after the viewer's own zone. */
const ZONES = ['UTC', 'Europe/Berlin', 'Asia/Kolkata', 'America/Los_Angeles', 'Asia/Tokyo', 'Australia/Sydney'];

interface State {
  calendar: Calendar;
  timeZone: string;
  showCancelled: boolean;
}

// ---------------------------------------------------------------------------------------------
// DOM helpers

function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`The page lacks #${id}`);
  return element;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.append(...children);
  return element;
}

function timeEl(datetime: string, text: string): HTMLTimeElement {
  const time = el('time', undefined, text);
  time.dateTime = datetime;
  return time;
}

/** Only http(s) URLs become links. */
function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function externalLink(href: string, text: string, label: string, className: string): HTMLAnchorElement {
  const link = el('a', className, text);
  link.href = href;
  link.rel = 'noopener noreferrer';
  link.setAttribute('aria-label', label);
  return link;
}

// ---------------------------------------------------------------------------------------------
// Time formatting (Intl, in the viewer's locale)

/** "Berlin" for "Europe/Berlin", "Los Angeles" for "America/Los_Angeles". */
function cityOf(zone: string): string {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 'UTC';
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

class Formats {
  readonly time: Intl.DateTimeFormat;
  readonly timeWithZone: Intl.DateTimeFormat;
  readonly dayKey: Intl.DateTimeFormat;
  readonly heading: Intl.DateTimeFormat;
  readonly headingWithYear: Intl.DateTimeFormat;
  readonly shortDate: Intl.DateTimeFormat;

  constructor(readonly zone: string) {
    this.time = new Intl.DateTimeFormat(undefined, { timeZone: zone, hour: 'numeric', minute: '2-digit' });
    this.timeWithZone = new Intl.DateTimeFormat(undefined, { timeZone: zone, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
    // en-CA writes dates as YYYY-MM-DD: a sortable key for the day an instant falls on in `zone`.
    this.dayKey = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    this.heading = new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric' });
    this.headingWithYear = new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });
    this.shortDate = new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' });
  }

  /** `YYYY-MM-DD` of an instant in this zone. */
  dayOf(instant: number): string {
    return this.dayKey.format(instant);
  }

  /** The zone's short name at an instant ("CET", "GMT+1", "PST"…, depending on the locale). */
  zoneName(instant: number): string {
    return this.timeWithZone.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? this.zone;
  }
}

const formatsByZone = new Map<string, Formats>();

function formatsFor(zone: string): Formats {
  let formats = formatsByZone.get(zone);
  if (!formats) {
    formats = new Formats(zone);
    formatsByZone.set(zone, formats);
  }
  return formats;
}

/** Midnight UTC of a `YYYY-MM-DD` date: how dates are handed to the UTC-zoned date formats. */
function dateToUtc(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function addDays(date: string, days: number): string {
  return new Date(dateToUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

function isoInstant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

// ---------------------------------------------------------------------------------------------
// Rendering

/** The start–end range of a timed occurrence in one zone, as two <time> elements. */
function timeRange(o: Occurrence, formats: Formats): (Node | string)[] {
  const parts: (Node | string)[] = [timeEl(isoInstant(o.start), formats.time.format(o.start))];
  if (o.end > o.start) {
    let endText = formats.time.format(o.end);
    const days = Math.round((dateToUtc(formats.dayOf(o.end)) - dateToUtc(formats.dayOf(o.start))) / DAY_MS);
    if (days > 0) endText += days === 1 ? ' (next day)' : ` (${formats.shortDate.format(dateToUtc(formats.dayOf(o.end)))})`;
    parts.push('–', timeEl(isoInstant(o.end), endText));
  }
  return parts;
}

function whenLine(o: Occurrence, state: State, viewerZone: string): HTMLElement {
  const when = el('p', 'event-when');
  if (o.allDay && o.startDate && o.endDate) {
    const formats = formatsFor(state.timeZone);
    const last = addDays(o.endDate, -1);
    when.append(el('span', 'all-day', 'All day'));
    if (last > o.startDate) {
      when.append(
        ' · ',
        timeEl(o.startDate, formats.shortDate.format(dateToUtc(o.startDate))),
        '–',
        timeEl(last, formats.shortDate.format(dateToUtc(last))),
      );
    }
    return when;
  }

  const chosen = formatsFor(state.timeZone);
  const label = state.timeZone === viewerZone ? 'your time' : chosen.zoneName(o.start);
  when.append(el('span', 'time-main', ...timeRange(o, chosen), ' ', el('span', 'zone-label', label)));

  // The organiser's wall-clock time, when it differs from the chosen zone's.
  const host = o.timeZone;
  const hostZone = host ? intlZone(host) : undefined;
  const chosenZone = intlZone(state.timeZone);
  if (host && hostZone && chosenZone && hostZone.offsetAt(o.start) !== chosenZone.offsetAt(o.start)) {
    const hostFormats = formatsFor(host);
    const hostName = hostFormats.zoneName(o.start);
    const city = cityOf(host);
    const hostLabel = hostName === city ? hostName : `${hostName}, ${city}`;
    const hostTime = el('span', 'time-host', ...timeRange(o, hostFormats), ' ', el('span', 'zone-label', hostLabel));
    hostTime.title = `Time in the organiser's time zone (${host})`;
    when.append(el('span', 'separator', ' · '), hostTime);
  }
  return when;
}

function eventItem(o: Occurrence, state: State, viewerZone: string): HTMLLIElement {
  const item = el('li', o.cancelled ? 'event is-cancelled' : 'event');
  item.append(whenLine(o, state, viewerZone));

  const title = el('h4', 'event-title', el('span', 'event-title-text', o.title || '(untitled event)'));
  if (o.cancelled) title.append(' ', el('span', 'badge badge-cancelled', 'Cancelled'));
  item.append(title);

  const details = el('div', 'event-details');
  const joinHref = safeHref(o.joinUrl);
  if (o.location && o.location.trim() !== '' && safeHref(o.location.trim()) !== joinHref) {
    details.append(el('p', 'event-location', el('span', 'detail-label', 'Location: '), o.location));
  }
  if (o.categories.length > 0) {
    details.append(el('p', 'event-categories', o.categories.join(' · ')));
  }
  const links = el('p', 'event-links');
  if (joinHref && !o.cancelled) links.append(externalLink(joinHref, 'Join', `Join ${o.title}`, 'button-link join'));
  const infoHref = safeHref(o.url);
  if (infoHref && infoHref !== joinHref) links.append(externalLink(infoHref, 'Details', `Details: ${o.title}`, 'details'));
  if (links.childNodes.length > 0) details.append(links);
  if (details.childNodes.length > 0) item.append(details);
  return item;
}

function dayHeading(date: string, today: string, formats: Formats): string {
  const thisYear = today.slice(0, 4) === date.slice(0, 4);
  const text = (thisYear ? formats.heading : formats.headingWithYear).format(dateToUtc(date));
  if (date === today) return `Today — ${text}`;
  if (date === addDays(today, 1)) return `Tomorrow — ${text}`;
  return text;
}

/** The day an occurrence is listed under: its start day, or today for one already in progress. */
function listDay(o: Occurrence, today: string, formats: Formats): string {
  const day = o.allDay && o.startDate ? o.startDate : formats.dayOf(o.start);
  return day < today ? today : day;
}

function render(state: State, agenda: HTMLElement, status: HTMLElement, viewerZone: string): void {
  const now = Date.now();
  const to = now + WINDOW_DAYS * DAY_MS;
  const options = { timeZone: state.timeZone, includeCancelled: state.showCancelled };
  const { occurrences } = expandCalendar(state.calendar, { ...options, from: now, to });
  const formats = formatsFor(state.timeZone);
  const today = formats.dayOf(now);

  const groups = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    const day = listDay(o, today, formats);
    const group = groups.get(day) ?? [];
    group.push(o);
    groups.set(day, group);
  }

  const days: HTMLElement[] = [];
  for (const [day, list] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const headingId = `day-${day}`;
    const heading = el('h3', 'day-heading', timeEl(day, dayHeading(day, today, formats)));
    heading.id = headingId;
    const section = el('section', 'day', heading, el('ul', 'events', ...list.map((o) => eventItem(o, state, viewerZone))));
    section.setAttribute('aria-labelledby', headingId);
    days.push(section);
  }

  if (days.length === 0) {
    const empty = el('p', 'empty', `Nothing in the next ${WINDOW_DAYS} days.`);
    const next = findNextOccurrence(state.calendar, to, options);
    if (next) {
      const date = next.allDay && next.startDate ? next.startDate : formats.dayOf(next.start);
      empty.append(' Next: ', el('strong', undefined, next.title), ' on ', timeEl(date, formats.headingWithYear.format(dateToUtc(date))), '.');
    }
    days.push(empty);
  }
  agenda.replaceChildren(...days);

  const count = occurrences.length;
  const cancelled = occurrences.filter((o) => o.cancelled).length;
  const zoneText = state.timeZone === viewerZone ? `your time zone (${state.timeZone})` : state.timeZone;
  status.textContent =
    `${state.calendar.name ?? 'Calendar'}: ${count} ${count === 1 ? 'event' : 'events'} in the next ${WINDOW_DAYS} days` +
    (cancelled > 0 ? ` (${cancelled} cancelled)` : '') +
    `, times in ${zoneText}.`;
}

// ---------------------------------------------------------------------------------------------
// Controls

function fillZonePicker(select: HTMLSelectElement, viewerZone: string, initial: string): void {
  const zones = [viewerZone, ...ZONES.filter((z) => z !== viewerZone)];
  if (!zones.includes(initial)) zones.push(initial);
  select.replaceChildren(
    ...zones.map((zone) => {
      const option = el('option', undefined, zone === viewerZone ? `${zone} (your time zone)` : zone);
      option.value = zone;
      option.selected = zone === initial;
      return option;
    }),
  );
}

/** `?tz=Asia/Tokyo` preselects a zone and `?cancelled=1` shows cancelled events (links, screenshots). */
function zoneFromUrl(): string | undefined {
  const requested = new URLSearchParams(location.search).get('tz');
  return requested && intlZone(requested) ? requested : undefined;
}

function cancelledFromUrl(): boolean {
  return new URLSearchParams(location.search).get('cancelled') === '1';
}

/** Keeps the address in step with the controls, so a view can be shared. */
function saveToUrl(state: State, viewerZone: string): void {
  const url = new URL(location.href);
  if (state.timeZone === viewerZone) url.searchParams.delete('tz');
  else url.searchParams.set('tz', state.timeZone);
  if (state.showCancelled) url.searchParams.set('cancelled', '1');
  else url.searchParams.delete('cancelled');
  history.replaceState(null, '', url);
}

function describeError(error: unknown): string {
  if (isCalendarError(error)) {
    const where = error.url ? ` (${error.url})` : '';
    return `Could not load the calendar${where}: ${error.message}.`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `Could not show the calendar: ${message}`;
}

async function main(): Promise<void> {
  const status = byId('status', HTMLParagraphElement);
  const errorBox = byId('error', HTMLDivElement);
  const agenda = byId('agenda', HTMLDivElement);
  const zoneSelect = byId('time-zone', HTMLSelectElement);
  const cancelledToggle = byId('show-cancelled', HTMLInputElement);
  byId('controls', HTMLFormElement).addEventListener('submit', (event) => event.preventDefault());

  const viewerZone = localZoneName();
  const initialZone = zoneFromUrl() ?? viewerZone;
  fillZonePicker(zoneSelect, viewerZone, initialZone);
  cancelledToggle.checked = cancelledFromUrl();

  try {
    const text = await fetchCalendarText(CALENDAR_URL);
    const calendar = parseCalendar(text);
    if (calendar.warnings.length > 0) console.warn('Calendar warnings:', calendar.warnings);
    const state: State = { calendar, timeZone: initialZone, showCancelled: cancelledToggle.checked };
    const update = (): void => {
      try {
        errorBox.hidden = true;
        render(state, agenda, status, viewerZone);
      } catch (error) {
        errorBox.textContent = describeError(error);
        errorBox.hidden = false;
      }
    };
    zoneSelect.addEventListener('change', () => {
      state.timeZone = zoneSelect.value;
      saveToUrl(state, viewerZone);
      update();
    });
    cancelledToggle.addEventListener('change', () => {
      state.showCancelled = cancelledToggle.checked;
      saveToUrl(state, viewerZone);
      update();
    });
    update();
  } catch (error) {
    status.textContent = '';
    status.hidden = true;
    errorBox.textContent = describeError(error);
    errorBox.hidden = false;
  }
}

void main();
