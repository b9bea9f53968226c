/**
 * Content rendered into an element at build time (`otel-calendar prerender`, docs/prerender.md):
 * the element's declarative shadow root holds it before the element's first update. That update
 * takes it over: it goes after the prerendered nodes, which are removed with it, in the same task,
 * so every frame shows one or the other, never a blank or a skeleton; and it waits for the reader's
 * messages, so no first frame is in English on another language's page.
 */
import type { LitElement } from 'lit';
import type { LoadWindow, CalendarSource, SourceData } from '../data/types.js';
import { loadMessages } from '../i18n/messages/lookup.js';

/**
 * Gives a calendar element data it already has: a builder for its first source and load window,
 * when it was fetched, and how many rows its first render should keep of those prerendered.
 */
export type Seed = (
  make: (source: CalendarSource, window: LoadWindow) => readonly SourceData[],
  at: number,
  rows: number,
) => void;

/** The first update of an element without data (`<chatham-notice>`), taking over prerendered content if there is some. */
export function firstPlainUpdate(host: LitElement, locale: string, update: () => void): void | Promise<void> {
  const stale = Array.from(host.renderRoot.childNodes);
  if (stale.length === 0) return update();
  return loadMessages(locale).then(() => {
    // Lit renders before the first node it found in the root: render after them, then remove them.
    host.renderOptions.renderBefore = null;
    update();
    for (const node of stale) node.remove();
  });
}
