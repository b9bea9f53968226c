/** Reading the charset a server declares for a download (fetch.ts, text-decoding.ts). */

/** The `charset` parameter of a Content-Type header (`text/calendar; charset="utf-8"`), or undefined. */
export function charsetOf(contentType: string | null | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '');
  const label = (match?.[1] ?? match?.[2] ?? '').trim();
  return label || undefined;
}
