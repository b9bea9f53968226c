/**
 * Writing the JSON forms of occurrences (json.ts describes them): the CLI's list rows and the
 * snapshot. Apart from reading, so a page that only reads snapshots does not carry the writer.
 */
import type { CalendarSnapshot, OccurrenceJson, SnapshotInfo } from './json.js';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from './json.js';
import { formatInstant } from './time.js';
import type { Occurrence } from './types.js';

/** One row of `otel-calendar list --format json`. */
export function toOccurrenceJson(o: Occurrence): OccurrenceJson {
  return {
    uid: o.uid,
    title: o.title,
    start: o.allDay && o.startDate ? o.startDate : formatInstant(o.start),
    end: o.allDay && o.endDate ? o.endDate : formatInstant(o.end),
    allDay: o.allDay,
    status: o.status ?? null,
    recurrenceId: o.recurrenceId,
    location: o.location ?? null,
    url: o.url ?? null,
    joinUrl: o.joinUrl ?? null,
  };
}

/** A snapshot of `occurrences` (sorted, overlapping the window `info` names). */
export function createSnapshot(occurrences: readonly Occurrence[], info: SnapshotInfo): CalendarSnapshot {
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    generated: formatInstant(Number(info.generated)),
    source: info.source ?? null,
    name: info.name ?? null,
    from: formatInstant(Number(info.from)),
    to: formatInstant(Number(info.to)),
    events: occurrences.map((o) => ({
      ...toOccurrenceJson(o),
      description: o.description ?? null,
      categories: [...o.categories],
      timeZone: o.timeZone ?? null,
    })),
  };
}
