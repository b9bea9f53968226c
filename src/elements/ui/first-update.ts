/**
 * The first update of a calendar element, when the page's HTML already holds its content (see
 * prerendered.ts): the code that reads the data the build embedded is a chunk of its own
 * (prerender/take-over.ts), loaded only then.
 */
import type { LitElement } from 'lit';
import { resolveLocale } from '../i18n/locale.js';
import type { Calendar } from '../../calendar/types.js';
import type { EmbeddedSeries } from '../data/embedded.js';
import type { Seed } from './prerendered.js';

/**
 * The first update of a calendar element: with prerendered content, the code that reads the data
 * the build embedded is loaded first (a chunk of its own, loaded only then; offline, the content
 * stays as it is).
 */
export function firstUpdate(
  host: LitElement,
  update: () => void,
  seed: Seed,
  seriesCalendar?: (series: readonly EmbeddedSeries[]) => Calendar | undefined,
): void | Promise<void> {
  if (!host.renderRoot.firstChild) return update();
  return import('../prerender/take-over.js').then(
    ({ takeOver }) => takeOver(host, resolveLocale(host), update, seed, seriesCalendar),
    () => undefined,
  );
}
