/**
 * `otel-calendar list --format markdown`: an agenda in Markdown, for sites that publish a Markdown
 * twin of their pages. Worded through the elements' message catalogs and written with the same
 * `Intl` formatting, so it reads like `<otel-event-list>` in the same language; feed text is
 * escaped so that it can add no markup (see markdown-escape.ts).
 */
import type { Occurrence } from '../calendar/types.js';
import { describeWhen, groupKey, localDate, zoneLabel } from '../elements/i18n/format.js';
import { message } from '../elements/i18n/messages/index.js';
import { markdownLink, markdownText } from './markdown-escape.js';

export interface MarkdownAgendaOptions {
  /** BCP 47 tag of the language to write in; its catalog must be loaded (`loadMessages`). */
  readonly locale: string;
  /** IANA zone the times and days are shown in (and named). */
  readonly timeZone: string;
  /** The window, `[from, to)`, for the empty-window sentence; occurrences in progress at `from` are listed under its day. */
  readonly from: number;
  readonly to: number;
}

/** Midnight UTC of a `YYYY-MM-DD` date, for formatting it with `timeZone: 'UTC'`. */
function dateOnly(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** The first letter upper-cased the language's way (a heading starts with the weekday). */
function capitalized(text: string, locale: string): string {
  return `${text.charAt(0).toLocaleUpperCase(locale)}${text.slice(1)}`;
}

/** Dates the agenda writes with Intl, each formatter made once per agenda (times come from format.ts). */
interface Formats {
  readonly heading: Intl.DateTimeFormat;
  readonly date: Intl.DateTimeFormat;
}

function formats(locale: string): Formats {
  return {
    heading: new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }),
    date: new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
  };
}

/**
 * When an occurrence is, as the event list writes it, in `timeZone` and with the zone named
 * ("10:00–11:00 CET"; dates too when it ends on a later day; each end named when the zone's
 * name changes in between, at a DST change), then the host's own time when its clock differs
 * ("(4:00 – 5:00 AM EST)"). All-day events say so, with the dates of a longer span.
 */
function when(o: Occurrence, locale: string, timeZone: string): string {
  const described = describeWhen(o, locale, timeZone);
  if (o.allDay) {
    const allDay = message(locale, 'allDay');
    return described.end ? `${described.start}–${described.end} · ${allDay}` : allDay;
  }
  const startZone = zoneLabel(timeZone, locale, o.start);
  const endZone = zoneLabel(timeZone, locale, o.end);
  let span: string;
  if (described.end === undefined) span = `${described.start} ${startZone}`;
  else if (startZone === endZone) span = `${described.start}–${described.end} ${endZone}`;
  else span = `${described.start} ${startZone}–${described.end} ${endZone}`;
  return described.host ? `${span} (${described.host})` : span;
}

/** One list item: when, Cancelled, the title (linked to the event's page), location, Join. */
function item(o: Occurrence, locale: string, timeZone: string): string {
  const parts = [when(o, locale, timeZone)];
  if (o.cancelled) parts.push(`**${message(locale, 'cancelled')}**`);
  const title = markdownText(o.title) ? o.title : message(locale, 'untitled');
  // A URL that is the Join link is shown as Join, not twice (as the event list does).
  parts.push(markdownLink(title, o.url && o.url !== o.joinUrl ? o.url : undefined));
  const location = o.location && o.location !== o.joinUrl ? markdownText(o.location) : '';
  if (location) parts.push(location);
  if (o.joinUrl && !o.cancelled) {
    const join = markdownLink(message(locale, 'join'), o.joinUrl, false);
    if (join.startsWith('[')) parts.push(join);
  }
  return `- ${parts.join(' · ')}`;
}

/**
 * An agenda in Markdown: a level-2 heading per day in `timeZone` ("## Tuesday, 24 November
 * 2026"), then one list item per occurrence, in the order given (the engine's, by start). An
 * occurrence in progress at `from` is listed under `from`'s day, as the event list does. With no
 * occurrence, one sentence naming the window's dates.
 *
 * Feed text (titles, locations) is escaped so that it renders as text; links are made only to
 * http(s) and mailto URLs (Join: http(s) only), with the characters that could end a link
 * destination encoded.
 *
 * @param occurrences - Sorted occurrences, e.g. `expandCalendar(…).occurrences`.
 * @returns Markdown ending with a newline.
 */
export function formatMarkdownAgenda(occurrences: readonly Occurrence[], options: MarkdownAgendaOptions): string {
  const { locale, timeZone, from, to } = options;
  const f = formats(locale);
  if (occurrences.length === 0) {
    const first = localDate(from, timeZone);
    const last = localDate(Math.max(from, to - 1), timeZone);
    const text =
      first === last
        ? message(locale, 'agendaEmptyDay', { date: f.date.format(dateOnly(first)) })
        : message(locale, 'agendaEmpty', { from: f.date.format(dateOnly(first)), to: f.date.format(dateOnly(last)) });
    return `${text}\n`;
  }
  const blocks: string[] = [];
  let day = '';
  let items: string[] = [];
  for (const o of occurrences) {
    const key = groupKey(o, 'day', from, timeZone);
    if (key !== day) {
      if (items.length > 0) blocks.push(items.join('\n'));
      blocks.push(`## ${capitalized(f.heading.format(dateOnly(key)), locale)}`);
      day = key;
      items = [];
    }
    items.push(item(o, locale, timeZone));
  }
  blocks.push(items.join('\n'));
  return `${blocks.join('\n\n')}\n`;
}
