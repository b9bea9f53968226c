/**
 * The data a prerendered calendar element carries for its first render in the browser (read back
 * by src/elements/data/embedded.ts): the occurrences it shows, as a calendar snapshot, when they
 * were true, and the series they belong to, so a card's cadence is in that first render too.
 */
import { createSnapshot } from '../../calendar/json-write.js';
import { formatInstant, formatWall } from '../../calendar/time.js';
import { WEEKDAYS } from '../../calendar/rrule/parse-rrule.js';
import type { CalendarEvent, Occurrence, RecurrenceRule } from '../../calendar/types.js';
import type { EmbeddedSeries } from '../../elements/data/embedded.js';
import type { Loaded } from '../../elements/data/types.js';

/** A rule as RRULE text (what the inline schedule reader reads back). */
export function ruleText(rule: RecurrenceRule): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.count !== undefined) parts.push(`COUNT=${rule.count}`);
  const until = rule.until;
  if (until) {
    const instant = typeof until.zone === 'object' ? until.zone.toInstant(until.wall) : until.wall;
    parts.push(
      `UNTIL=${until.isDate ? formatWall(until.wall).slice(0, 10).replace(/-/g, '') : formatInstant(instant).replace(/[-:]/g, '')}`,
    );
  }
  const lists: ReadonlyArray<readonly [string, readonly (number | string)[] | undefined]> = [
    ['BYMONTH', rule.byMonth],
    ['BYWEEKNO', rule.byWeekNo],
    ['BYYEARDAY', rule.byYearDay],
    ['BYMONTHDAY', rule.byMonthDay],
    ['BYDAY', rule.byDay?.map((d) => `${d.ordinal || ''}${WEEKDAYS[d.weekday] ?? 'MO'}`)],
    ['BYHOUR', rule.byHour],
    ['BYMINUTE', rule.byMinute],
    ['BYSECOND', rule.bySecond],
    ['BYSETPOS', rule.bySetPos],
  ];
  for (const [name, values] of lists) if (values && values.length > 0) parts.push(`${name}=${values.join(',')}`);
  if (rule.wkst !== 1) parts.push(`WKST=${WEEKDAYS[rule.wkst] ?? 'MO'}`);
  return parts.join(';');
}

/** A recurring series with a zoned start as the inline schedule describes one; undefined otherwise. */
function seriesOf(event: CalendarEvent): EmbeddedSeries | undefined {
  const rule = event.rrules[0];
  const zone = event.start.zone;
  if (!rule || event.start.isDate || typeof zone !== 'object' || !zone.iana) return undefined;
  return {
    uid: event.uid,
    title: event.summary,
    rrule: ruleText(rule),
    dtstart: formatWall(event.start.wall),
    timeZone: zone.iana,
  };
}

/**
 * The embedded data of an element that shows `shown` of `loaded` at `asOf`: those occurrences (and
 * the next one after them, for an empty window), and the series with a rule among them.
 */
export function embeddedData(loaded: Loaded, shown: readonly Occurrence[], asOf: number): string {
  const uids = new Set(shown.map((o) => o.uid));
  const series: EmbeddedSeries[] = [];
  for (const d of loaded.data) {
    for (const event of d.calendar?.events ?? []) {
      if (event.recurrenceId || !uids.has(event.uid)) continue;
      const described = seriesOf(event);
      if (described) series.push(described);
    }
  }
  const window = loaded.data[0]?.window;
  const snapshot = createSnapshot(shown, { generated: asOf, from: window?.from ?? asOf, to: window?.to ?? asOf });
  // `<` escaped: the JSON sits in an HTML <script> element, which no text of it may close.
  return JSON.stringify({ asOf: formatInstant(asOf), snapshot, series }).replace(/</g, '\\u003c');
}
