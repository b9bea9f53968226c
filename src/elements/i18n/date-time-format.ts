/**
 * `Intl.DateTimeFormat`, created once per locale and options (creating one is the expensive part),
 * with one difference between browser engines removed. Asked for `hour: 'numeric'`, engines write
 * the hour of a locale whose own pattern has two digits ("HH:mm": en-GB, German, French,
 * Portuguese, Ukrainian, Chinese…) sometimes with two and sometimes with one: Firefox always writes
 * "09:00"; Chromium and WebKit write "09:00 CET" and "09:00–10:00" but a plain "9:00". Here the hour
 * follows the locale's pattern in every engine and every kind of text.
 */

/** What the elements use of a formatter. */
export interface DateTimeFormatter {
  format(instant: number): string;
  formatRange(start: number, end: number): string;
  formatToParts(instant: number): Intl.DateTimeFormatPart[];
}

const formatters = new Map<string, DateTimeFormatter>();

/**
 * The digit the locale's own pattern pads single-digit hours with ("0", or "০" in Bengali digits),
 * or undefined when it writes them with one digit: 05:00 UTC written with a zone name, which every
 * engine writes with the locale's pattern.
 */
function hourPadding(locale: string, options: Intl.DateTimeFormatOptions): string | undefined {
  if (options.hour !== 'numeric') return undefined;
  const probe = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC', timeZoneName: 'short' });
  const hour = probe.formatToParts(Date.UTC(2000, 0, 1, 5)).find((part) => part.type === 'hour')?.value;
  return hour?.length === 2 ? hour.charAt(0) : undefined;
}

/**
 * A cached formatter for `locale` and `options`; with `hour: 'numeric'`, the hour has as many
 * digits as the locale's own pattern gives it, in every engine.
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): DateTimeFormatter {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const intl = new Intl.DateTimeFormat(locale, options);
    const zero = hourPadding(locale, options);
    if (zero === undefined) {
      formatter = intl;
    } else {
      const pad = <P extends { type: string; value: string }>(parts: P[]): P[] =>
        parts.map((part) =>
          part.type === 'hour' && part.value.length === 1 ? { ...part, value: zero + part.value } : part,
        );
      const text = (parts: { value: string }[]): string => parts.map((part) => part.value).join('');
      formatter = {
        format: (instant) => text(pad(intl.formatToParts(instant))),
        formatRange: (start, end) => text(pad(intl.formatRangeToParts(start, end))),
        formatToParts: (instant) => pad(intl.formatToParts(instant)),
      };
    }
    formatters.set(key, formatter);
  }
  return formatter;
}
