/**
 * Tags already warned about, shared by every copy of the library on the page (a module-level set
 * would be per copy), so a third copy does not repeat the warning.
 */
const WARNED_KEY = Symbol.for('otel-community-widgets.define.warned');

function warnedTags(): Set<string> {
  const holder = globalThis as typeof globalThis & { [WARNED_KEY]?: Set<string> };
  holder[WARNED_KEY] ??= new Set<string>();
  return holder[WARNED_KEY];
}

/**
 * Defines a custom element once. When the tag is already defined by another class — two copies
 * of the library on one page (two script tags, or a bundle and a CDN file) — it warns once per tag
 * and keeps the first definition instead of throwing "already defined". Defining the same class
 * again is silent.
 */
export function defineElement(name: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(name);
  if (!existing) {
    customElements.define(name, constructor);
    return;
  }
  if (existing === constructor) return;
  const warned = warnedTags();
  if (warned.has(name)) return;
  warned.add(name);
  console.warn(
    `otel-community-widgets: <${name}> is already defined: two copies of the library are on this page; keeping the first.`,
  );
}
