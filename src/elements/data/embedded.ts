/**
 * The data `otel-calendar prerender` embeds in an element's declarative shadow root, for the first
 * render in the browser: `<script type="application/json" data-otel-prerender>` holding
 * `{ "asOf": instant, "snapshot": calendar snapshot, "series": [{ uid, title, rrule, dtstart,
 * timeZone }] }` (the recurring series of those occurrences: a card reads its cadence from them). Untrusted like any snapshot: read with
 * the snapshot reader, and ignored when it is not one.
 */
import { readSnapshot, type CalendarSnapshot } from '../../calendar/json.js';

/** A series the build described (for a card's cadence). */
export interface EmbeddedSeries {
  readonly uid: string;
  readonly title: string;
  readonly rrule: string;
  readonly dtstart: string;
  readonly timeZone: string;
}

export interface Embedded {
  /** When the build rendered it: the data counts as fetched then. */
  readonly asOf: number;
  readonly snapshot: CalendarSnapshot;
  readonly series: readonly EmbeddedSeries[];
}

/** Marks the script that holds the embedded data. */
export const EMBEDDED_SELECTOR = 'script[data-otel-prerender]';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function seriesOf(value: unknown): EmbeddedSeries | undefined {
  if (!isRecord(value)) return undefined;
  const text = (name: string): string => (typeof value[name] === 'string' ? value[name] : '');
  const series = {
    uid: text('uid'),
    title: text('title'),
    rrule: text('rrule'),
    dtstart: text('dtstart'),
    timeZone: text('timeZone'),
  };
  return series.uid && series.rrule && series.dtstart && series.timeZone ? series : undefined;
}

/** The embedded data in `root`, or undefined when there is none or it cannot be read. */
export function readEmbedded(root: ParentNode): Embedded | undefined {
  try {
    const json: unknown = JSON.parse(root.querySelector(EMBEDDED_SELECTOR)?.textContent ?? '');
    if (!isRecord(json)) return undefined;
    const asOf = Date.parse(String(json['asOf']));
    const series = Array.isArray(json['series']) ? json['series'].map(seriesOf) : [];
    return {
      asOf: asOf || Date.now(),
      snapshot: readSnapshot(json['snapshot']),
      series: series.filter((s): s is EmbeddedSeries => s !== undefined),
    };
  } catch {
    return undefined;
  }
}
