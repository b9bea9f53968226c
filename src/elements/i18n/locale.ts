/**
 * The language an element speaks: its own `lang`, else the closest ancestor's `[lang]` (crossing
 * shadow roots, so an element inside another component's shadow DOM still follows the page), else
 * the document's, else the browser's.
 */
export function resolveLocale(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return canonical(lang);
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return canonical(navigator.language || 'en');
}

/** Canonical tags by what was written (a list asks once per row; the answer never changes). */
const canonicalTags = new Map<string, string>();

function canonical(tag: string): string {
  let known = canonicalTags.get(tag);
  if (known === undefined) {
    try {
      known = Intl.getCanonicalLocales(tag.trim())[0] ?? 'en';
    } catch {
      known = 'en';
    }
    if (canonicalTags.size > 100) canonicalTags.clear();
    canonicalTags.set(tag, known);
  }
  return known;
}

/**
 * Calls `onChange` when a `lang` attribute changes on the element or any ancestor (a site's
 * language switcher may change `<html lang>` without reloading). Returns the disconnect function.
 */
export function observeLocale(element: Element, onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) observer.observe(node, { attributes: true, attributeFilter: ['lang'] });
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return () => observer.disconnect();
}
