/**
 * Taking over what `otel-calendar prerender` rendered into a calendar element's declarative shadow
 * root (see docs/prerender.md). Imported by the element before its first update, and only on pages
 * that have such content; until it has run, the prerendered content stays on screen.
 *
 * The element is given the occurrences the build embedded (data/embedded.ts), so its first render
 * already shows them, in the reader's zone and "now", while the calendar reloads; then the
 * first render replaces the prerendered nodes as for an element without data (ui/prerendered.ts).
 * The series among the data are read by the element that needs them (the card), which has the
 * schedule reader already.
 */
import type { LitElement } from 'lit';
import { yieldToEventLoop } from '../../calendar/event-loop.js';
import type { Calendar } from '../../calendar/types.js';
import { readEmbedded, type EmbeddedSeries } from '../data/embedded.js';
import { snapshotData } from '../data/sources/json.js';
import type { Seed } from '../ui/prerendered.js';
import { firstPlainUpdate } from '../ui/prerendered.js';

/**
 * Seeds `host` with the data embedded in its shadow root, when it holds any that can be read (and
 * `seriesCalendar` turns the series among it into a calendar: a card reads its cadence from it),
 * then runs its first update in place of the prerendered content, in a task of its own: reading
 * the data and rendering it do not block the page together.
 */
export function takeOver(
  host: LitElement,
  locale: string,
  update: () => void,
  seed: Seed,
  seriesCalendar: ((series: readonly EmbeddedSeries[]) => Calendar | undefined) | undefined,
): void | Promise<void> {
  const embedded = readEmbedded(host.renderRoot);
  if (embedded) {
    const calendar = embedded.series.length > 0 ? seriesCalendar?.(embedded.series) : undefined;
    seed((source, window) => [{ ...snapshotData(source, embedded.snapshot, window), calendar }], embedded.asOf);
  }
  return yieldToEventLoop().then(() => firstPlainUpdate(host, locale, update));
}
