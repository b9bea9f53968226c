import { parseDateTime } from '../calendar/time.js';
import { intlZone } from '../calendar/zones/intl-zone.js';
import { UsageError } from './args.js';

const WITH_OFFSET = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)([+-]\d{2}:\d{2})$/;

/**
 * Reads a CLI date: `2026-11-22` (midnight in `timeZone`), `2026-11-22T10:00` / `…:00` (local
 * time in `timeZone`), or an instant with `Z` or an offset. Undefined text gives `fallback`.
 */
export function parseWhen(text: string | undefined, timeZone: string, fallback: number, option: string): number {
  if (text === undefined) return fallback;
  const trimmed = text.trim();
  const offset = WITH_OFFSET.exec(trimmed);
  if (offset) {
    const ms = Date.parse(trimmed);
    if (Number.isFinite(ms)) return ms;
  }
  // Seconds are optional: 2026-11-22T10:00 and 2026-11-22T10:00Z.
  const normalized = trimmed.replace(/(T\d{2}:\d{2})(?=Z?$)/i, '$1:00');
  const parsed = parseDateTime(normalized);
  if (!parsed) throw new UsageError(`${option} "${text}" is not a date (use e.g. 2026-11-22 or 2026-11-22T10:00:00Z)`);
  if (parsed.utc) return parsed.wall;
  const zone = intlZone(timeZone);
  if (!zone) throw new UsageError(`unknown time zone: ${timeZone}`);
  return zone.toInstant(parsed.wall);
}
