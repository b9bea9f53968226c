/**
 * The two checks every rendered feed string goes through, kept apart from the description
 * tokenizer (`html.ts`) so that pages which never open a description do not download it.
 */

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * Removes the bidirectional override and isolate controls (U+202A–U+202E, U+2066–U+2069), so
 * untrusted text (an event title or description) cannot visually reorder the UI around it. Right-to-left
 * text itself, and the implicit marks (U+200E, U+200F), are kept.
 *
 * @param text - Any text.
 * @returns The text without those control characters.
 */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * The URL when it is safe to link to: `http:`, `https:` or `mailto:`. ASCII control characters
 * are removed and the ends trimmed; whitespace inside the scheme is ignored (so `java\tscript:` and
 * ` JaVaScRiPt:` are recognised and rejected, like `data:`, `vbscript:` and any other scheme);
 * relative and protocol-relative (`//host`) URLs are rejected. The URL is not HTML: decode entities
 * first when it comes from an attribute.
 *
 * @param url - A URL from untrusted input.
 * @returns The URL as normalised by `new URL()`, or undefined when it is not a safe absolute
 *   http(s) or mailto URL (or does not parse).
 */
export function isSafeUrl(url: string): string | undefined {
  // A list checks the same few links (a series' Zoom room) once per row: remember the answers.
  if (checkedUrls.has(url)) return checkedUrls.get(url);
  const safe = checkUrl(url);
  if (checkedUrls.size >= MAX_CHECKED_URLS) checkedUrls.clear();
  checkedUrls.set(url, safe);
  return safe;
}

const MAX_CHECKED_URLS = 500;
const checkedUrls = new Map<string, string | undefined>();

/**
 * {@link isSafeUrl} for links that must be web pages (a meeting, an event page): `http:` or
 * `https:` only (`httpsOnly`: `https:` only), never `mailto:`. Not remembered: for links checked once.
 *
 * @param url - A URL from untrusted input.
 * @returns The normalised URL, or undefined.
 */
export function isHttpUrl(url: string, options: { readonly httpsOnly?: boolean } = {}): string | undefined {
  const safe = checkUrl(url);
  if (safe === undefined) return undefined;
  return safe.startsWith('https:') || (!options.httpsOnly && safe.startsWith('http:')) ? safe : undefined;
}

function checkUrl(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = url.replace(/[\u0000-\u001F\u007F]/g, '').trim();
  const colon = clean.indexOf(':');
  if (colon < 0 || colon === clean.length - 1) return undefined;
  const scheme = clean.slice(0, colon).replace(/\s/g, '').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https' && scheme !== 'mailto') return undefined;
  try {
    const parsed = new URL(`${scheme}${clean.slice(colon)}`);
    return parsed.protocol === `${scheme}:` ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
