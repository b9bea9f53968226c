/**
 * Views of loaded data: the occurrences of a window, from every source, merged in one order, each
 * instance once, filtered and limited. Sources hold their load window already expanded (see
 * types.ts), so a view only selects; the controller keeps every view inside the loaded window.
 * When a window is empty, the view also names the next occurrence after it.
 */
import { filterNeedle, matchesNeedle, mergeOccurrences, selectOccurrences } from '../../calendar/occurrences.js';
import type { CalendarWarning, Occurrence } from '../../calendar/types.js';
import type { SourceData, View, ViewOptions } from './types.js';

/** The occurrences of every source in a window, merged, sorted, de-duplicated and limited. */
export function viewOf(data: readonly SourceData[], options: ViewOptions): View {
  const { limit } = options;
  const merged = mergeOccurrences(data.map((d) => selectOccurrences(d.occurrences, options)));
  const occurrences = limit !== undefined && limit >= 0 ? merged.slice(0, limit) : merged;
  const warnings: CalendarWarning[] = data.flatMap((d) => d.warnings);
  const next = occurrences.length === 0 ? nextAfter(data, options.to, options.filter) : undefined;
  return { occurrences, warnings, next };
}

/**
 * The first occurrence (not cancelled) starting at or after `after` in any source: from what the
 * source loaded past the view, else from the source itself when it can look further.
 */
export function nextAfter(
  data: readonly SourceData[],
  after: number,
  filter: string | undefined,
): Occurrence | undefined {
  const needle = filterNeedle(filter);
  let next: Occurrence | undefined;
  for (const d of data) {
    const candidate =
      d.occurrences.find((o) => o.start >= after && !o.cancelled && matchesNeedle(o, needle)) ??
      (d.window.to > after ? d.nextAfter?.(d.window.to, filter) : d.nextAfter?.(after, filter));
    if (candidate && (!next || candidate.start < next.start)) next = candidate;
  }
  return next;
}

/**
 * A fingerprint of what a reader sees of some occurrences (which, when, what, where, whether
 * cancelled): two loads with the same fingerprint show the same thing, so nothing is announced.
 */
export function fingerprint(occurrences: readonly Occurrence[]): string {
  return occurrences
    .map((o) => [o.uid, o.start, o.end, o.title, o.location ?? '', o.status ?? '', o.joinUrl ?? ''].join('\u001f'))
    .join('\u001e');
}
