/**
 * The message catalogs besides English, by lower-case BCP 47 tag, each loaded on first use.
 * Adding a language: write `<tag>.ts` (see es.ts) and add its line here; a Node test checks that
 * every catalog file in this folder is listed.
 */
export const CATALOGS: Readonly<Record<string, () => Promise<{ readonly messages: unknown }>>> = {
  bn: () => import('./bn.js'),
  es: () => import('./es.js'),
  fr: () => import('./fr.js'),
  ja: () => import('./ja.js'),
  pt: () => import('./pt.js'),
  ro: () => import('./ro.js'),
  uk: () => import('./uk.js'),
  'zh-cn': () => import('./zh-cn.js'),
};
