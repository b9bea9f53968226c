import { en, type MessageKey, type Messages } from './en.js';
import { es } from './es.js';

export type { MessageKey, Messages } from './en.js';

const catalogs = new Map<string, Partial<Messages>>([
  ['en', en],
  ['es', es],
]);

/** Adds (or extends) the messages of a locale, e.g. `registerMessages('es', es)`. */
export function registerMessages(locale: string, messages: Partial<Messages>): void {
  const key = locale.toLowerCase();
  catalogs.set(key, { ...catalogs.get(key), ...messages });
}

/** `pt-BR` → [`pt-br`, `pt`, `en`]: the catalogs to look in, most specific first. */
function chain(locale: string): string[] {
  const parts = locale.toLowerCase().split('-');
  const out: string[] = [];
  for (let i = parts.length; i > 0; i--) out.push(parts.slice(0, i).join('-'));
  if (!out.includes('en')) out.push('en');
  return out;
}

/** The message for `key` in `locale` (falling back to less specific locales, then English). */
export function message(locale: string, key: MessageKey, values: Readonly<Record<string, string | number>> = {}): string {
  let text: string = en[key];
  for (const name of chain(locale)) {
    const found = catalogs.get(name)?.[key];
    if (found !== undefined) {
      text = found;
      break;
    }
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
