/**
 * otel-community-widgets/calendar — the framework-free calendar engine (browser and Node).
 *
 * ```ts
 * import { parseCalendar, expandCalendar } from 'otel-community-widgets/calendar';
 * const calendar = parseCalendar(icsText);
 * const { occurrences } = expandCalendar(calendar, { from: new Date(), to: Date.now() + 30 * 864e5 });
 * ```
 */
import './zones/windows-zones-registered.js';

export type * from './types.js';
export { CalendarError, isCalendarError, type CalendarErrorCode } from './errors.js';
export {
  parseCalendar,
  parseCalendarAsync,
  DEFAULT_MAX_BYTES,
  type ParseOptions,
  type AsyncParseOptions,
} from './parse.js';
export { decodeCalendarBytes } from './ics/decode.js';
export {
  expandCalendar,
  expandCalendarAsync,
  findNextOccurrence,
  type AsyncExpandOptions,
  type ExpandOptions,
  type Expansion,
} from './expand.js';
export {
  fetchCalendarText,
  clearCalendarCache,
  proxiedUrl,
  DEFAULT_TIMEOUT,
  type FetchCalendarOptions,
} from './fetch.js';
export { charsetOf, decodeCalendarText } from './text-decoding.js';
export { findJoinUrl, meetingUrlsIn } from './join-url.js';
export { toOccurrenceJson, createSnapshot } from './json-write.js';
export {
  readSnapshot,
  snapshotOccurrences,
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  type OccurrenceJson,
  type SnapshotEvent,
  type CalendarSnapshot,
  type SnapshotInfo,
} from './json.js';
export { zoneByName } from './zones/resolve-zone.js';
export { intlZone, localZoneName } from './zones/intl-zone.js';
export { formatInstant, formatDate } from './time.js';
export { expandRule, type RuleRange, type RuleExpansion } from './rrule/expand-rrule.js';
export {
  fetchGoogleCalendar,
  type GoogleCalendarSource,
  type GoogleCalendarOptions,
  type GoogleCalendarResult,
} from './google.js';
export { validateRule, recurPartsFromText, InvalidRuleError } from './rrule/parse-rrule.js';
