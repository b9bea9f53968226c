/**
 * Defines a custom element once. A second copy of the library on the same page (two script
 * tags, or a bundle and a CDN file) warns instead of throwing "already defined".
 */
export function defineElement(name: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(name);
  if (existing) {
    if (existing !== constructor) console.warn(`otel-community-widgets: <${name}> is already defined by another copy of the library; keeping the first.`);
    return;
  }
  customElements.define(name, constructor);
}
