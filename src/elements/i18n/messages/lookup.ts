/**
 * Finding a message in the loaded catalogs, without formatting it: the part of the messages
 * module every element needs. `<chatham-notice>` uses it directly with its own English texts, so
 * on its own it bundles neither the other elements' English nor the ICU formatter in `index.ts`.
 * See `index.ts` for the catalog rules and docs/localization.md.
 */
import { CATALOGS } from './catalogs.js';
import type { MessageKey, Messages } from './en.js';

/** Loaded and registered catalogs. English is built into each element; `en` here holds a site's own wording. */
const catalogs = new Map<string, Partial<Messages>>();
const loading = new Map<string, Promise<void>>();

/** Adds (or extends) the messages of a locale, e.g. a site's own wording. */
export function registerMessages(locale: string, messages: Partial<Messages>): void {
  const key = locale.toLowerCase();
  catalogs.set(key, { ...catalogs.get(key), ...messages });
}

/** Chinese catalogs are by script: Simplified (`zh-cn`) for Hans, whatever the region. */
function chineseScriptCatalog(locale: string): string | undefined {
  try {
    const script = new Intl.Locale(locale).maximize().script;
    return script === 'Hans' ? 'zh-cn' : undefined;
  } catch {
    return undefined;
  }
}

const chains = new Map<string, readonly string[]>();

/**
 * `pt-BR` → [`pt-br`, `pt`, `en`]: the catalogs to look in, most specific first. Chinese goes
 * by script: `zh-Hans-CN`, `zh-SG` → `zh-cn`; `zh-TW` (Traditional) never gets Simplified.
 * Remembered per locale (every message asks).
 */
function chain(locale: string): readonly string[] {
  let known = chains.get(locale);
  if (!known) {
    known = computeChain(locale);
    if (chains.size > 100) chains.clear();
    chains.set(locale, known);
  }
  return known;
}

function computeChain(locale: string): string[] {
  const parts = locale.toLowerCase().split('-');
  const out: string[] = [];
  for (let i = parts.length; i > 0; i--) out.push(parts.slice(0, i).join('-'));
  if (parts[0] === 'zh') {
    const simplified = chineseScriptCatalog(locale);
    if (simplified && !out.includes(simplified)) out.splice(out.length - 1, 0, simplified);
  }
  if (!out.includes('en')) out.push('en');
  return out;
}

function isCatalog(value: unknown): value is Partial<Messages> {
  return typeof value === 'object' && value !== null;
}

/**
 * Loads the catalogs `locale` falls back through (once per page; missing ones are remembered
 * as missing). Resolves when lookups for `locale` are as good as they will get.
 */
export function loadMessages(locale: string): Promise<void> {
  const names = chain(locale).filter((name) => Object.hasOwn(CATALOGS, name));
  return Promise.all(
    names.map((name) => {
      let pending = loading.get(name);
      if (!pending) {
        const load = CATALOGS[name];
        pending = (load ? load() : Promise.resolve({})).then(
          (module: { messages?: unknown }) => {
            if (isCatalog(module.messages)) registerMessages(name, { ...module.messages, ...catalogs.get(name) });
          },
          () => undefined,
        );
        loading.set(name, pending);
      }
      return pending;
    }),
  ).then(() => undefined);
}

/** True when a catalog other than English answers for `locale` (loaded or registered). */
export function hasCatalog(locale: string): boolean {
  return chain(locale).some((name) => name !== 'en' && catalogs.has(name));
}

/**
 * The text for `key` in the most specific catalog of `locale` that has it, and which catalog that
 * was (`en` only for a site's registered English wording); undefined when only the built-in
 * English applies.
 */
export function lookup(locale: string, key: MessageKey): { readonly text: string; readonly found: string } | undefined {
  for (const name of chain(locale)) {
    const text = catalogs.get(name)?.[key];
    if (text !== undefined) return { text, found: name };
  }
  return undefined;
}
