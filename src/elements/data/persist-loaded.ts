/**
 * Saving an element's last good data (see docs/caching.md): the occurrences of the load's window,
 * expanded in idle steps, cut to fit one entry, written with persisted-cache.ts. A chunk of its
 * own: calendar-data.ts imports it after a good load has painted.
 */
import { createSnapshot } from '../../calendar/json-write.js';
import type { CalendarEvent, Occurrence } from '../../calendar/types.js';
import { listOccurrences, overlaps, type LoadOptions, type SourceData } from './calendar-data.js';
import { runWhenIdle } from './idle-steps.js';
import { MAX_ENTRY_CHARS, writeCached } from './persisted-cache.js';

/** Events in groups of about `size`, a UID's master and overrides always in the same group. */
function eventGroups(events: readonly CalendarEvent[], size: number): CalendarEvent[][] {
  const byUid = new Map<string, CalendarEvent[]>();
  for (const event of events) {
    const group = byUid.get(event.uid);
    if (group) group.push(event);
    else byUid.set(event.uid, [event]);
  }
  const chunks: CalendarEvent[][] = [];
  let chunk: CalendarEvent[] = [];
  for (const group of byUid.values()) {
    chunk.push(...group);
    if (chunk.length >= size) {
      chunks.push(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** Series expanded per idle step: a few milliseconds each, even on a 10,000-event feed. */
const EVENTS_PER_STEP = 50;

/**
 * The earliest occurrences whose snapshot fits in `budget` characters, and the end of the time
 * they cover completely (the start of the first one left out, else `to`).
 */
function fitting(occurrences: readonly Occurrence[], budget: number, to: number): { kept: Occurrence[]; to: number } {
  let used = 0;
  for (let i = 0; i < occurrences.length; i++) {
    const o = occurrences[i] as Occurrence;
    used += JSON.stringify(createSnapshot([o], { generated: 0, from: 0, to: 0 }).events[0]).length + 1;
    if (used > budget) return { kept: occurrences.slice(0, i), to: Math.min(to, o.start) };
  }
  return { kept: [...occurrences], to };
}

/**
 * Persists good data as the occurrences of the load's window, already expanded (small, and read
 * without a parser). Runs in idle steps after the load has painted: the window the load expanded
 * is reused; otherwise ICS series are expanded about fifty at a time, then the earliest occurrences that fit in one entry are written with
 * the window shortened to what they cover completely. Never rejects.
 */
export function persistLoaded(
  key: string,
  data: readonly SourceData[],
  options: LoadOptions,
  savedAt: number,
): Promise<void> {
  const { from, to, timeZone } = options;
  const all: Occurrence[] = [];
  const steps: Array<() => void> = [];
  for (const d of data) {
    const expanded = d.kind === 'calendar' ? d.expanded : undefined;
    if (expanded && expanded.timeZone === timeZone && expanded.from <= from && expanded.to >= to) {
      // The load already expanded this window (in slices): save that, do not expand again.
      steps.push(() => {
        all.push(...expanded.occurrences.filter((o) => overlaps(o, from, to)));
      });
    } else if (d.kind === 'calendar') {
      for (const events of eventGroups(d.calendar.events, EVENTS_PER_STEP)) {
        steps.push(() => {
          all.push(
            ...d.expander.expandCalendar({ ...d.calendar, events }, { from, to, timeZone, includeCancelled: true })
              .occurrences,
          );
        });
      }
    } else {
      steps.push(() => {
        all.push(...listOccurrences(d, timeZone).filter((o) => overlaps(o, from, to)));
      });
    }
  }
  let sorted: Occurrence[] = [];
  let fit: { kept: Occurrence[]; to: number } = { kept: [], to };
  steps.push(() => {
    // By instant only (the view sorts ties again); the same event from two feeds once.
    const seen = new Set<string>();
    sorted = all
      .sort((a, b) => a.start - b.start || a.end - b.end)
      .filter((o) => {
        const id = `${o.uid}|${o.start}`;
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      });
  });
  steps.push(() => {
    const envelope = JSON.stringify(createSnapshot([], { generated: savedAt, from, to })).length;
    fit = fitting(sorted, MAX_ENTRY_CHARS - envelope - key.length - 200, to);
  });
  steps.push(() => {
    writeCached(key, createSnapshot(fit.kept, { generated: savedAt, from, to: fit.to }), savedAt, fit.to);
  });
  return runWhenIdle(steps);
}
