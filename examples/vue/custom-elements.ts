/**
 * Tells Vue's template compiler which tags are custom elements (so it does not look for Vue
 * components of those names). Used by vite.config.ts; the recipe test compiles the example with it.
 */
export const OTEL_ELEMENTS: readonly string[] = ['otel-event-list', 'otel-discussion-card', 'chatham-notice'];

/** True for the otel-community-widgets elements. */
export function isOtelElement(tag: string): boolean {
  return OTEL_ELEMENTS.includes(tag);
}
