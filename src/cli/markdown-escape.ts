/**
 * Untrusted feed text and URLs written into Markdown so that they render as exactly what the feed
 * said and nothing more: no link, image, HTML tag, heading, emphasis or code span of the feed's
 * making, in CommonMark, GitHub Flavored Markdown (GitHub, Hugo's Goldmark) and their common
 * extensions (math, Hugo shortcodes).
 */
import { isSafeUrl, stripBidiControls } from '../calendar/safe-url.js';

/**
 * ASCII punctuation that opens or closes an inline construct: `\` itself, code spans, emphasis
 * and strikethrough, link and image brackets, raw HTML and autolinks (`<`, `>`), table cells,
 * math (`$`), Hugo shortcodes and attribute lists (`{`, `}`), and `@` (e-mail autolinks and
 * mentions). CommonMark lets a backslash escape any ASCII punctuation; the escaped character
 * renders as itself.
 */
const INLINE_PUNCTUATION = /[\\`*_~[\]<>|$@{}]/g;

/** An entity or numeric character reference (`&lt;`, `&#106;`), which Markdown would decode. */
const CHARACTER_REFERENCE = /&(?=#?[0-9A-Za-z]+;)/g;

/** The starts of GFM's literal autolinks besides e-mail: `scheme://` and `www.`. */
const URL_LITERAL = /:(?=\/\/)|(?<=(?:^|[^0-9A-Za-z])www)\./gi;

/**
 * Spaces, line breaks (CommonMark's and Unicode's), tabs and other control characters. No-break
 * and other typographic spaces are text and stay.
 */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const BREAKS = /[ \u0000-\u001F\u007F-\u009F\u2028\u2029]+/g;

/**
 * Untrusted text as inline Markdown that renders as that text: bidirectional controls removed,
 * every run of whitespace and control characters (line breaks included, so nothing can start a
 * block such as a heading) made one space, and every character that could start markup escaped.
 *
 * @param text - Feed text (a title, a location).
 * @returns Markdown for a single line; empty when the text is only whitespace.
 */
export function markdownText(text: string): string {
  return stripBidiControls(text)
    .replace(BREAKS, ' ')
    .trim()
    .replace(INLINE_PUNCTUATION, '\\$&')
    .replace(CHARACTER_REFERENCE, '\\&')
    .replace(URL_LITERAL, '\\$&');
}

/**
 * Characters a link destination must not carry as they are: whitespace and `<` `>` end or wrap
 * it, `(` `)` could close it, `\` escapes, `{` `}` and `` ` `` open other syntax in extensions
 * (Hugo shortcodes), `"` and `'` start a link title.
 */
// eslint-disable-next-line no-control-regex -- a normalised URL has none, but the check is cheap
const DESTINATION_UNSAFE = /[\u0000-\u0020\u007F()<>\\{}`"']/g;

/**
 * A URL as a Markdown link destination, when it is safe to link to: `http:` / `https:` (and
 * `mailto:` when `allowMailto`), normalised by the URL parser, with the characters that could end
 * or change the destination percent-encoded and character references kept literal.
 *
 * @param url - A URL from the feed.
 * @param allowMailto - Accept `mailto:` URLs too (a meeting's Join link is http(s) only).
 * @returns The destination to put between `(` and `)`, or undefined when the URL is not safe.
 */
export function markdownUrl(url: string, allowMailto = true): string | undefined {
  const safe = isSafeUrl(url);
  if (!safe || (!allowMailto && !/^https?:/i.test(safe))) return undefined;
  return safe
    .replace(DESTINATION_UNSAFE, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
    .replace(CHARACTER_REFERENCE, '\\&');
}

/**
 * A Markdown link with untrusted text and URL, or the escaped text alone when the URL is not safe.
 *
 * @param text - The link text (escaped here).
 * @param url - The destination (checked and encoded here), if any.
 * @param allowMailto - As for {@link markdownUrl}.
 */
export function markdownLink(text: string, url: string | undefined, allowMailto = true): string {
  const label = markdownText(text);
  const destination = url === undefined ? undefined : markdownUrl(url, allowMailto);
  return destination && label ? `[${label}](${destination})` : label;
}
