/**
 * Messages in the reader's language.
 *
 * English (`en.ts`) is built in and is the fallback for every key. Other languages are one file
 * each, `<tag>.ts` named by lower-case BCP 47 tag (`es.ts`, `pt.ts`, `pt-br.ts`, `zh-cn.ts`),
 * exporting `messages`, listed in `catalogs.ts`; a catalog is loaded on first use, so a page
 * downloads only the languages it shows. Lookup falls back from the most specific tag: `pt-BR`
 * → `pt-br` → `pt` → `en`. See docs/localization.md.
 *
 * Templates fill `{name}` placeholders, and choose plural forms with a small subset of ICU
 * MessageFormat: `{count, plural, one {# event} few {# події} other {# events}}` (`#` is the
 * number, formatted for the locale; `=0 {…}` matches exactly; categories from Intl.PluralRules),
 * and `{wd, select, tu {terceira} other {terceiro}}` (a form by value, e.g. a word's gender).
 */
import { en, type MessageKey } from './en.js';
import { lookup } from './lookup.js';

export type { MessageKey, Messages } from './en.js';
export { hasCatalog, loadMessages, lookup, registerMessages } from './lookup.js';

type Values = Readonly<Record<string, string | number>>;

const pluralRules = new Map<string, Intl.PluralRules>();

function pluralCategory(locale: string, n: number): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(n);
}

/** Index of the `}` closing the `{` at `open`. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return text.length;
}

function format(text: string, locale: string, values: Values): string {
  let out = '';
  for (let i = 0; i < text.length;) {
    const open = text.indexOf('{', i);
    if (open < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, open);
    const close = closing(text, open);
    const body = text.slice(open + 1, close);
    const plural = /^\s*(\w+)\s*,\s*(plural|select)\s*,/.exec(body);
    if (plural) {
      const name = plural[1] ?? '';
      const isSelect = plural[2] === 'select';
      const n = Number(values[name] ?? 0);
      const forms = new Map<string, string>();
      const rest = body.slice(plural[0].length);
      for (let j = 0; j < rest.length;) {
        const m = /\s*(=\d+|\w+)\s*\{/y;
        m.lastIndex = j;
        const head = m.exec(rest);
        if (!head) break;
        const start = m.lastIndex - 1;
        const end = closing(rest, start);
        forms.set(head[1] ?? '', rest.slice(start + 1, end));
        j = end + 1;
      }
      if (isSelect) {
        out += format(forms.get(String(values[name] ?? '')) ?? forms.get('other') ?? '', locale, values);
      } else {
        const chosen = forms.get(`=${n}`) ?? forms.get(pluralCategory(locale, n)) ?? forms.get('other') ?? '';
        out += format(chosen.replace(/#/g, new Intl.NumberFormat(locale).format(n)), locale, values);
      }
    } else {
      const name = body.trim();
      out += name in values ? String(values[name]) : `{${body}}`;
    }
    i = close + 1;
  }
  return out;
}

/**
 * A message function whose English fallback is `english`: each element passes only the English it
 * shows (`enCalendar`, `enCard`…), so a page with one element does not bundle the others' wording.
 * The text comes from the most specific catalog of `locale` that has `key`, else from `english`.
 */
export function translator<K extends MessageKey>(
  english: Readonly<Record<K, string>>,
): (locale: string, key: K, values?: Values) => string {
  return (locale, key, values = {}) => {
    const hit = lookup(locale, key);
    // Plural categories follow the language the text is in (English fallback: English rules).
    return hit ? format(hit.text, hit.found === 'en' ? 'en' : locale, values) : format(english[key], 'en', values);
  };
}

/** The message for `key` in `locale` (falling back to less specific locales, then English). */
export const message: (locale: string, key: MessageKey, values?: Values) => string = /* @__PURE__ */ translator(en);
