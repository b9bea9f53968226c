/**
 * Importing this module makes Windows zone names resolvable everywhere in the engine (the
 * synchronous `parseCalendar` cannot load the table when it meets one). The engine's entry point
 * and the CLI import it; the elements do not, and load the table only for feeds that need it.
 */
import { registerWindowsZones } from './resolve-zone.js';
import { WINDOWS_ZONES } from './windows-zones.js';

registerWindowsZones(WINDOWS_ZONES);
