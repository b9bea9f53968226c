/**
 * What every view of occurrences agrees on, whatever produced them (the expander, a JSON
 * snapshot, the Google Calendar API): when an occurrence is inside a window, whether it matches
 * a text filter, the order they are listed in, and that the same instance from two feeds is
 * listed once.
 *
 * Windows are half-open, `[from, to)`, and an occurrence belongs to a window when it overlaps it
 * (`start < to && end > from`), so an event in progress at `from` is included; a zero-length one
 * belongs when `from <= start < to`.
 */
import type { Occurrence } from './types.js';

/** Whether `[start, end)` overlaps `[from, to)` (a zero-length span: starts in it). */
export function spanOverlaps(start: number, end: number, from: number, to: number): boolean {
  return end > start ? start < to && end > from : start >= from && start < to;
}

/** Whether an occurrence overlaps `[from, to)` (a zero-length one: starts in it). */
export function overlaps(o: Occurrence, from: number, to: number): boolean {
  return spanOverlaps(o.start, o.end, from, to);
}

/** A text filter as views apply it: trimmed and lower-cased, or undefined when it filters nothing. */
export function filterNeedle(filter: string | undefined): string | undefined {
  return filter?.trim().toLocaleLowerCase() || undefined;
}

/** Whether the title or a category contains `needle` (from {@link filterNeedle}; undefined matches all). */
export function matchesNeedle(o: Occurrence, needle: string | undefined): boolean {
  if (!needle) return true;
  return (
    o.title.toLocaleLowerCase().includes(needle) || o.categories.some((c) => c.toLocaleLowerCase().includes(needle))
  );
}

/** The order occurrences are listed in: by start, then end, then title, then UID. */
export function compareOccurrences(a: Occurrence, b: Occurrence): number {
  return a.start - b.start || a.end - b.end || a.title.localeCompare(b.title) || a.uid.localeCompare(b.uid);
}

/** What to keep of a list of occurrences. */
export interface Selection {
  readonly from: number;
  readonly to: number;
  /** Case-insensitive text matched against titles and categories. */
  readonly filter?: string | undefined;
  /** Keep cancelled instances. Default false. */
  readonly includeCancelled?: boolean | undefined;
}

/** The occurrences of `list` inside the selection's window that match it, in their original order. */
export function selectOccurrences(list: readonly Occurrence[], selection: Selection): Occurrence[] {
  const { from, to } = selection;
  const needle = filterNeedle(selection.filter);
  const includeCancelled = selection.includeCancelled ?? false;
  return list.filter((o) => (includeCancelled || !o.cancelled) && overlaps(o, from, to) && matchesNeedle(o, needle));
}

/**
 * Lists of occurrences as one, sorted ({@link compareOccurrences}), each instance (UID and start)
 * once: the same calendar merged twice, or shared by two feeds, does not list its events twice.
 */
export function mergeOccurrences(lists: readonly (readonly Occurrence[])[]): Occurrence[] {
  const all = lists.length === 1 ? [...(lists[0] ?? [])] : lists.flat();
  all.sort(compareOccurrences);
  const seen = new Set<string>();
  return all.filter((o) => {
    const key = `${o.uid}|${o.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
