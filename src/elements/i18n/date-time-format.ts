/**
 * `Intl.DateTimeFormat`, created once per locale and options (creating one is the expensive part),
 * with one difference between browser engines removed. Asked for `hour: 'numeric'`, engines write
 * the hour of a locale whose own pattern has two digits ("HH:mm": en-GB, German, French,
 * Portuguese, Ukrainian, Chinese…) sometimes with two and sometimes with one: Firefox always writes
 * "09:00"; Chromium and WebKit write "09:00 CET" and "09:00–10:00" but a plain "9:00". Here the hour
 * follows the locale's pattern in every engine and every kind of text.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached formatter; with `hour: 'numeric'`, hours have the digits of the locale's own pattern. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    // With a zone name, every engine follows the locale's pattern: 05:00 UTC (18e6 ms) shows it.
    const pattern = options.hour === 'numeric' && { ...options, timeZone: 'UTC', timeZoneName: 'short' as const };
    const twoDigits =
      pattern &&
      new Intl.DateTimeFormat(locale, pattern).formatToParts(18e6).find((part) => part.type === 'hour')?.value
        .length === 2;
    format = new Intl.DateTimeFormat(locale, twoDigits ? { ...options, hour: '2-digit' } : options);
    formatters.set(key, format);
  }
  return format;
}
