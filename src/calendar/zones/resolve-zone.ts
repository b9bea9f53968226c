import type { JCalComponent } from '../jcal.js';
import { HOUR, MINUTE } from '../time.js';
import type { CalendarWarning, Zone } from '../types.js';
import { intlZone } from './intl-zone.js';
import { InvalidTimezoneError, vtimezoneZone } from './vtimezone.js';
import { UTC_ZONE, fixedOffsetZone } from './zone.js';

/**
 * CLDR's Windows → IANA table (1.7 KB gzip), registered by whoever may meet Windows names: the
 * engine's entry point and the CLI at once (`windows-zones-registered.ts`), the elements' sliced
 * parse only when a feed has a TZID the runtime does not know (see `needsWindowsZones`).
 */
let windowsTable: Readonly<Record<string, string>> | undefined;
let windowsLower: Map<string, string> | undefined;

/** Makes Windows zone names ("W. Europe Standard Time") resolvable. */
export function registerWindowsZones(table: Readonly<Record<string, string>>): void {
  windowsTable = table;
  windowsLower = undefined;
}

/** Whether any of these TZIDs could need the Windows table (the runtime does not know it as is). */
export function needsWindowsZones(tzids: Iterable<string>): boolean {
  if (windowsTable) return false;
  for (const raw of tzids) {
    const name = raw
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim();
    if (name && !intlZone(name) && !/^(?:UTC|GMT|Z)$/i.test(name)) return true;
  }
  return false;
}

function windowsZone(name: string): string | undefined {
  if (!windowsTable) return undefined;
  const exact = windowsTable[name];
  if (exact) return exact;
  windowsLower ??= new Map(Object.entries(windowsTable).map(([k, v]) => [k.toLowerCase(), v]));
  return windowsLower.get(name.toLowerCase());
}

/**
 * CLDR's windowsZones keeps the first (often legacy) IANA name; show the current one where the
 * runtime knows it (an older ICU falls back to the legacy name).
 */
const RENAMED: Readonly<Record<string, string>> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Godthab': 'America/Nuuk',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
};

const OFFSET_NAME = /^\(?(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\)?/i;

/**
 * A zone for a TZID written without a usable VTIMEZONE: an IANA name or alias (through `Intl`),
 * a Windows name ("W. Europe Standard Time", through CLDR's windowsZones), a vendor-prefixed
 * IANA name ("/mozilla.org/20050126_1/America/New_York"), or an Outlook-style offset name
 * ("(GMT+01:00) Amsterdam, Berlin…", read as a fixed offset). Undefined when none applies.
 */
export function zoneByName(rawName: string): Zone | undefined {
  const name = rawName
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();
  if (!name) return undefined;
  if (/^(?:UTC|GMT|Z|Etc\/UTC|Etc\/GMT|Coordinated Universal Time)$/i.test(name)) return UTC_ZONE;
  const direct = intlZone(name);
  if (direct) return direct;
  const windows = windowsZone(name);
  if (windows) return intlZone(RENAMED[windows] ?? windows) ?? intlZone(windows);
  const suffix = /([A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)$/.exec(name)?.[1];
  if (suffix) {
    for (let parts = suffix.split('/'); parts.length >= 2; parts = parts.slice(1)) {
      const zone = intlZone(parts.join('/'));
      if (zone) return zone;
    }
  }
  const offset = OFFSET_NAME.exec(name);
  if (offset) {
    const value = Number(offset[2]) * HOUR + Number(offset[3] ?? 0) * MINUTE;
    if (value <= 14 * HOUR) {
      const signed = offset[1] === '-' ? -value : value;
      return (
        outlookDisplayZone(name.slice(offset[0].length), signed) ??
        (signed === 0 ? UTC_ZONE : fixedOffsetZone(signed, name))
      );
    }
  }
  return undefined;
}

/**
 * Outlook writes display names such as "(UTC-05:00) Eastern Time (US & Canada)": "Eastern Time"
 * is the Windows zone "Eastern Standard Time", which follows DST. Used only when the zone's
 * standard offset matches the one in the name; otherwise the caller falls back to a fixed offset.
 */
function outlookDisplayZone(label: string, standardOffset: number): Zone | undefined {
  const base = label.replace(/\([^)]*\)/g, '').trim();
  for (const candidate of [base.replace(/ Time$/i, ' Standard Time'), base]) {
    const iana = windowsZone(candidate);
    const zone = iana ? (intlZone(RENAMED[iana] ?? iana) ?? intlZone(iana)) : undefined;
    if (!zone) continue;
    const year = new Date().getUTCFullYear();
    const offsets = [Date.UTC(year, 0, 1), Date.UTC(year, 6, 1)].map((t) => zone.offsetAt(t));
    if (Math.min(...offsets) === standardOffset) return zone;
  }
  return undefined;
}

/**
 * Resolves the TZIDs of one file, once each: the file's VTIMEZONE first, then the name.
 * Unknown or broken zones are reported through `warnings`.
 */
export class ZoneResolver {
  readonly #definitions = new Map<string, JCalComponent>();
  readonly #cache = new Map<string, Zone | undefined>();
  readonly #warnings: CalendarWarning[];

  constructor(vtimezones: Iterable<[string, JCalComponent]>, warnings: CalendarWarning[]) {
    for (const [id, component] of vtimezones) this.#definitions.set(id, component);
    this.#warnings = warnings;
  }

  /** The zone for a TZID, or undefined (with a warning, once) when it cannot be resolved. */
  resolve(tzid: string): Zone | undefined {
    if (this.#cache.has(tzid)) return this.#cache.get(tzid);
    const zone = this.#compute(tzid);
    this.#cache.set(tzid, zone);
    return zone;
  }

  #compute(tzid: string): Zone | undefined {
    const byName = zoneByName(tzid);
    const definition = this.#definitions.get(tzid);
    if (definition) {
      try {
        return vtimezoneZone(definition, byName?.iana);
      } catch (error) {
        if (!(error instanceof InvalidTimezoneError)) throw error;
        this.#warnings.push({
          code: 'invalid-timezone',
          message: `VTIMEZONE ${tzid} is unusable (${error.message})${byName ? '; using the zone of that name' : ''}`,
        });
      }
    }
    if (!byName) {
      this.#warnings.push({
        code: 'unknown-timezone',
        message: `Unknown time zone "${tzid}": its times are read as floating (local) times`,
      });
    }
    return byName;
  }
}
