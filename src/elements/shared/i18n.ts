import { observeLocale, resolveLocale } from './locale.js';
import { hasCatalog, loadMessages } from './messages/lookup.js';

/**
 * Follows an element's language: loads the message catalog of its locale (and again when a
 * `lang` attribute on it or an ancestor changes), calling `onChange` when the texts may have
 * changed. Returns the function that stops following.
 */
export function watchLocale(element: Element, onChange: () => void): () => void {
  let current = '';
  const update = (): void => {
    const locale = resolveLocale(element);
    if (locale === current) return;
    current = locale;
    onChange();
    if (!hasCatalog(locale)) void loadMessages(locale).then(() => locale === current && onChange());
  };
  const stop = observeLocale(element, update);
  update();
  return stop;
}
