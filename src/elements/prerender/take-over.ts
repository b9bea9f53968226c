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
import { localZoneName } from '../../calendar/zones/intl-zone.js';
import type { Calendar } from '../../calendar/types.js';
import { readEmbedded, type EmbeddedSeries } from '../data/embedded.js';
import { snapshotData } from '../data/sources/json.js';
import type { Seed } from '../ui/prerendered.js';
import { firstPlainUpdate } from '../ui/prerendered.js';

/**
 * The fewest prerendered rows the first render keeps (a screenful): that render also pays for the
 * page's first use of every template and date format, so on a long list it stays small, and the
 * element's steps add the rest.
 */
const TAKE_OVER_ROWS = 10;

/**
 * How many of the prerendered `rows` (in document order) start above the bottom of the viewport:
 * what the first render must keep so that nothing the reader sees, or has scrolled past, goes
 * away (read before it, on a page already laid out).
 */
function rowsInView(rows: Iterable<Element>): number {
  const bottom = globalThis.innerHeight;
  let count = 0;
  for (const row of rows) {
    if (row.getBoundingClientRect().top >= bottom) break;
    count += 1;
  }
  return count;
}

/**
 * Seeds `host` with the data embedded in its shadow root, when it holds any that can be read (and
 * `seriesCalendar` turns the series among it into a calendar: a card reads its cadence from it),
 * then runs its first update in place of the prerendered content. Three tasks, so that none
 * blocks the page for long on a big list: the page's first date format (the browser loads its
 * zone and locale data then, 20-50 ms), reading the data, rendering it.
 */
export async function takeOver(
  host: LitElement,
  locale: string,
  update: () => void,
  seed: Seed,
  seriesCalendar: ((series: readonly EmbeddedSeries[]) => Calendar | undefined) | undefined,
): Promise<void> {
  localZoneName();
  await yieldToEventLoop();
  const embedded = readEmbedded(host.renderRoot);
  if (embedded) {
    const calendar = embedded.series.length > 0 ? seriesCalendar?.(embedded.series) : undefined;
    seed(
      (source, window) => [{ ...snapshotData(source, embedded.snapshot, window), calendar }],
      embedded.asOf,
      Math.max(TAKE_OVER_ROWS, rowsInView(host.renderRoot.querySelectorAll('[part~="event"]'))),
    );
  }
  await yieldToEventLoop();
  return firstPlainUpdate(host, locale, update);
}
