import { observeLocale, resolveLocale } from './locale.js';
import { hasCatalog, loadMessages } from './messages/lookup.js';

/**
 * Follows an element's language: loads the message catalog of its locale (and again when a
 * `lang` attribute on it or an ancestor changes), calling `onChange` when the texts may have
 * changed. Returns the function that stops following.
 */
export function watchLocale(element: Element, onChange: () => void): () => void {
  let current = '';
  let stopped = false;
  const update = (): void => {
    const locale = resolveLocale(element);
    if (locale === current) return;
    current = locale;
    onChange();
    // A catalog that arrives after the element stopped following (it was removed) changes nothing.
    if (!hasCatalog(locale)) void loadMessages(locale).then(() => !stopped && locale === current && onChange());
  };
  const unobserve = observeLocale(element, update);
  update();
  return () => {
    stopped = true;
    unobserve();
  };
}
