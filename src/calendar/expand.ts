import { yieldToEventLoop } from './event-loop.js';
import { CalendarError } from './errors.js';
import { findJoinUrl } from './join-url.js';
import { compareOccurrences, filterNeedle, matchesNeedle, spanOverlaps } from './occurrences.js';
import { DEFAULT_MAX_PERIODS, expandRule } from './rrule/expand-rrule.js';
import { DAY, HOUR, MINUTE, SECOND, dayOf, formatDate, formatInstant } from './time.js';
import type {
  Calendar,
  CalendarEvent,
  CalendarWarning,
  DateValue,
  Occurrence,
  OccurrenceSource,
  RecurrenceRule,
  Zone,
} from './types.js';
import { intlZone, localZoneName } from './zones/intl-zone.js';
import { UTC_ZONE } from './zones/zone.js';

export interface ExpandOptions {
  /** Window start (inclusive). Occurrences that overlap `[from, to)` are returned. */
  readonly from: Date | number;
  /** Window end (exclusive). */
  readonly to: Date | number;
  /**
   * The viewer's IANA zone: all-day dates are days in this zone, and floating times are read in
   * it unless the calendar sets X-WR-TIMEZONE. Defaults to the runtime's zone.
   */
  readonly timeZone?: string | undefined;
  /** Keep cancelled instances (marked `cancelled: true`). Default false. */
  readonly includeCancelled?: boolean | undefined;
  /** Case-insensitive text matched against titles and categories. */
  readonly filter?: string | undefined;
  /** At most this many occurrences (the earliest). */
  readonly limit?: number | undefined;
  /** Safety bound on periods one rule may visit per call (hostile rules). */
  readonly maxPeriods?: number | undefined;
}

export interface Expansion {
  /** Sorted by start, then end, then title. */
  readonly occurrences: Occurrence[];
  /** Problems met while expanding (parse warnings are on the calendar). */
  readonly warnings: CalendarWarning[];
}

interface Context {
  readonly from: number;
  readonly to: number;
  readonly viewer: Zone;
  readonly floating: Zone;
  readonly maxPeriods: number;
  readonly warnings: CalendarWarning[];
  readonly out: Occurrence[];
}

/** Nominal days (kept in wall-clock time) plus exact milliseconds. */
interface Span {
  readonly days: number;
  readonly ms: number;
}

function zoneFor(value: DateValue, ctx: Context): Zone {
  if (value.isDate) return ctx.viewer;
  if (value.zone === 'utc') return UTC_ZONE;
  if (value.zone === 'floating') return ctx.floating;
  return value.zone;
}

function instantOf(value: DateValue, ctx: Context): number {
  return zoneFor(value, ctx).toInstant(value.wall);
}

function spanOfMs(ms: number, isDate: boolean): Span {
  // Whole days are nominal (RFC 5545 §3.3.6): P1D keeps the wall-clock time across DST.
  if (isDate || ms % DAY === 0) return { days: Math.floor(ms / DAY), ms: ms - Math.floor(ms / DAY) * DAY };
  return { days: 0, ms };
}

function spanOf(event: CalendarEvent, ctx: Context): Span | undefined {
  const { start, end } = event;
  if (end) {
    if (start.isDate && end.isDate) return { days: Math.round((end.wall - start.wall) / DAY), ms: 0 };
    // A floating or DATE end on a zoned start is read in the start's zone.
    const endZone = end.isDate || end.zone === 'floating' ? zoneFor(start, ctx) : zoneFor(end, ctx);
    return { days: 0, ms: Math.max(0, endZone.toInstant(end.wall) - instantOf(start, ctx)) };
  }
  if (event.duration !== undefined) return spanOfMs(event.duration, start.isDate);
  return undefined;
}

function defaultSpan(isDate: boolean): Span {
  return isDate ? { days: 1, ms: 0 } : { days: 0, ms: 0 };
}

function displayZone(value: DateValue): string | undefined {
  if (value.isDate || value.zone === 'floating') return undefined;
  if (value.zone === 'utc') return 'UTC';
  return value.zone.iana;
}

function pickLatest(events: readonly CalendarEvent[]): CalendarEvent | undefined {
  let best: CalendarEvent | undefined;
  for (const e of events) if (!best || e.sequence >= best.sequence) best = e;
  return best;
}

interface Instance {
  /** Start (wall, in the series' zone; midnight for all-day). */
  readonly wall: number;
  readonly span: Span;
  readonly isDate: boolean;
  readonly zone: Zone;
}

function emit(
  ctx: Context,
  instance: Instance,
  event: CalendarEvent,
  master: CalendarEvent | undefined,
  source: OccurrenceSource,
  /** The RECURRENCE-ID text, or the instance's key (written only for occurrences in the window). */
  recurrenceId: string | null | number,
): void {
  const { wall, span, isDate, zone } = instance;
  const start = zone.toInstant(wall);
  const end = span.days === 0 ? start + span.ms : zone.toInstant(wall + span.days * DAY) + span.ms;
  if (!spanOverlaps(start, end, ctx.from, ctx.to)) return;
  const status = event.status ?? master?.status;
  const title = event.summary || master?.summary || '';
  ctx.out.push({
    uid: event.uid,
    title,
    start,
    end,
    allDay: isDate,
    startDate: isDate ? formatDate(wall) : undefined,
    endDate: isDate ? formatDate(wall + (span.days + Math.ceil(span.ms / DAY)) * DAY) : undefined,
    status,
    cancelled: status === 'CANCELLED',
    recurrenceId: typeof recurrenceId === 'number' ? formatKey(recurrenceId, isDate) : recurrenceId,
    location: event.location ?? master?.location,
    url: event.url ?? master?.url,
    joinUrl: joinUrlOf(event) ?? (master ? joinUrlOf(master) : undefined),
    description: event.description ?? master?.description,
    categories: event.categories.length > 0 ? event.categories : (master?.categories ?? []),
    timeZone: displayZone(event.start),
    source,
    event,
  });
}

const joinUrls = new WeakMap<CalendarEvent, string | null>();

/** The event's join link, looked for once per event (a series' instances share it). */
function joinUrlOf(event: CalendarEvent): string | undefined {
  let url = joinUrls.get(event);
  if (url === undefined) {
    url = findJoinUrl(event) ?? null;
    joinUrls.set(event, url);
  }
  return url ?? undefined;
}

const UNIT_MS: Readonly<Partial<Record<RecurrenceRule['freq'], number>>> = {
  HOURLY: HOUR,
  MINUTELY: MINUTE,
  SECONDLY: SECOND,
};

/**
 * An all-day (DATE) series repeats at most daily: a sub-daily FREQ (meaningless on dates, and
 * 86,400 identical dates a day for SECONDLY) is read as DAILY with the INTERVAL rounded up to
 * whole days. Other rules are returned unchanged.
 */
function dateRule(rule: RecurrenceRule): RecurrenceRule {
  const unit = UNIT_MS[rule.freq];
  if (unit === undefined) return rule;
  return {
    ...rule,
    freq: 'DAILY',
    interval: Math.max(1, Math.ceil((rule.interval * unit) / DAY)),
    byHour: undefined,
    byMinute: undefined,
    bySecond: undefined,
  };
}

/** The key an instance is matched by: its instant, or (all-day series) its date. */
function keyOf(value: DateValue, seriesIsDate: boolean, ctx: Context): number {
  if (seriesIsDate) return dayOf(value.wall) * DAY;
  return instantOf(value, ctx);
}

function formatKey(key: number, seriesIsDate: boolean): string {
  return seriesIsDate ? formatDate(key) : formatInstant(key);
}

function emitSingle(ctx: Context, event: CalendarEvent, source: OccurrenceSource, master?: CalendarEvent): void {
  const span = spanOf(event, ctx) ?? (master && spanOf(master, ctx)) ?? defaultSpan(event.start.isDate);
  const recurrenceId = event.recurrenceId
    ? formatKey(keyOf(event.recurrenceId, event.recurrenceId.isDate, ctx), event.recurrenceId.isDate)
    : null;
  emit(
    ctx,
    { wall: event.start.wall, span, isDate: event.start.isDate, zone: zoneFor(event.start, ctx) },
    event,
    master,
    source,
    recurrenceId,
  );
}

function expandSeries(ctx: Context, masters: CalendarEvent[], overrides: CalendarEvent[]): void {
  const master = pickLatest(masters);
  if (!master) {
    // Overrides whose series is not in the file are shown as single events.
    for (const o of overrides) emitSingle(ctx, o, 'override');
    return;
  }
  const isDate = master.start.isDate;
  const zone = zoneFor(master.start, ctx);
  const span = spanOf(master, ctx) ?? defaultSpan(isDate);
  const recurring = master.rrules.length > 0 || master.rdates.length > 0;

  // EXDATEs: by instant, or by date when written as a DATE on a timed series.
  const exKeys = new Set<number>();
  const exDays = new Set<number>();
  for (const ex of master.exdates) {
    if (ex.isDate && !isDate) exDays.add(dayOf(ex.wall));
    else exKeys.add(keyOf(ex, isDate, ctx));
  }
  const isExcluded = (key: number, wall: number): boolean => exKeys.has(key) || exDays.has(dayOf(wall));

  // Overrides by RECURRENCE-ID (the latest SEQUENCE wins among duplicates).
  const byKey = new Map<number, CalendarEvent>();
  const byDay = new Map<number, CalendarEvent>();
  const thisAndFuture: { key: number; event: CalendarEvent }[] = [];
  for (const o of overrides) {
    const rid = o.recurrenceId;
    if (!rid) continue;
    const dateOnTimed = rid.isDate && !isDate;
    const key = dateOnTimed ? dayOf(rid.wall) : keyOf(rid, isDate, ctx);
    const map = dateOnTimed ? byDay : byKey;
    const previous = map.get(key);
    if (!previous || o.sequence >= previous.sequence) map.set(key, o);
  }
  for (const [key, o] of byKey) if (o.thisAndFuture) thisAndFuture.push({ key, event: o });
  thisAndFuture.sort((a, b) => a.key - b.key);

  // Instances in a wall-time range wide enough for zone offsets, durations and moves.
  const slack = 2 * DAY + span.days * DAY + span.ms;
  let shift = 0;
  for (const t of thisAndFuture) {
    if (t.event.recurrenceId)
      shift = Math.max(shift, Math.abs(instantOf(t.event.start, ctx) - instantOf(t.event.recurrenceId, ctx)));
  }
  const fromWall = ctx.from + zone.offsetAt(ctx.from) - slack - shift;
  const toWall = ctx.to + zone.offsetAt(ctx.to) + 2 * DAY + shift;

  const walls = new Map<number, Span>();
  if (!recurring || master.rrules.length === 0) {
    if (master.start.wall >= fromWall && master.start.wall < toWall) walls.set(master.start.wall, span);
  }
  for (const written of master.rrules) {
    const rule = isDate ? dateRule(written) : written;
    if (rule !== written) {
      ctx.warnings.push({
        code: 'invalid-rrule',
        message: `"${master.summary || master.uid}" is an all-day series with FREQ=${written.freq}; read as repeating every ${rule.interval} day(s)`,
        uid: master.uid,
        ...(master.line === undefined ? {} : { line: master.line }),
      });
    }
    let until: number | undefined;
    if (rule.until) {
      if (isDate) until = rule.until.isDate ? rule.until.wall : dayOf(rule.until.wall) * DAY;
      else if (rule.until.isDate) until = rule.until.wall + DAY - 1;
      else until = rule.until.zone === 'utc' ? rule.until.wall + zone.offsetAt(rule.until.wall) : rule.until.wall;
    }
    if (until !== undefined && until < master.start.wall) {
      // Policy (docs/correctness.md): such a rule yields nothing, DTSTART included. Say so.
      ctx.warnings.push({
        code: 'invalid-rrule',
        message: `"${master.summary || master.uid}" has an RRULE whose UNTIL is before its DTSTART; the rule gives no occurrences`,
        uid: master.uid,
        ...(master.line === undefined ? {} : { line: master.line }),
      });
      continue;
    }
    const result = expandRule(rule, {
      dtstart: master.start.wall,
      isDate,
      from: fromWall,
      to: toWall,
      until,
      maxPeriods: ctx.maxPeriods,
    });
    if (result.truncated) {
      ctx.warnings.push({
        code: 'expansion-limit',
        message: `Stopped expanding "${master.summary || master.uid}" (FREQ=${rule.freq}) at the safety limit; some of its occurrences are missing`,
        uid: master.uid,
      });
    }
    for (const w of result.instances) if (!walls.has(w)) walls.set(w, span);
  }
  for (const rdate of master.rdates) {
    const value = rdate.start;
    let wall: number;
    if (isDate) wall = dayOf(value.wall) * DAY;
    else if (value.isDate) wall = value.wall + (master.start.wall - dayOf(master.start.wall) * DAY);
    else {
      const instant = instantOf(value, ctx);
      wall = instant + zone.offsetAt(instant);
    }
    if (wall >= fromWall && wall < toWall)
      walls.set(wall, rdate.duration === undefined ? span : spanOfMs(rdate.duration, isDate));
  }

  const source: OccurrenceSource = recurring ? 'series' : 'single';
  for (const [wall, instanceSpan] of walls) {
    const key = isDate ? wall : zone.toInstant(wall);
    if (isExcluded(key, wall)) continue;
    if (byKey.has(key) || byDay.has(dayOf(wall))) continue;
    const recurrenceId = recurring ? key : null;
    let future: CalendarEvent | undefined;
    for (const t of thisAndFuture) if (t.key <= key) future = t.event;
    if (future?.recurrenceId) {
      // RANGE=THISANDFUTURE: later instances take the override's properties and time shift.
      const delta = isDate
        ? future.start.wall - dayOf(future.recurrenceId.wall) * DAY
        : instantOf(future.start, ctx) - instantOf(future.recurrenceId, ctx);
      const futureSpan = spanOf(future, ctx) ?? instanceSpan;
      emit(ctx, { wall: wall + delta, span: futureSpan, isDate, zone }, future, master, 'override', recurrenceId);
      continue;
    }
    emit(ctx, { wall, span: instanceSpan, isDate, zone }, master, undefined, source, recurrenceId);
  }

  // Overrides stand on their own: they may move an instance into or out of the window.
  for (const [key, o] of byKey) {
    if (exKeys.has(key) || (!isDate && exDays.has(dayOf(o.recurrenceId?.wall ?? 0)))) continue;
    const oSpan = spanOf(o, ctx) ?? span;
    emit(
      ctx,
      { wall: o.start.wall, span: oSpan, isDate: o.start.isDate, zone: zoneFor(o.start, ctx) },
      o,
      master,
      'override',
      formatKey(key, isDate),
    );
  }
  for (const [day, o] of byDay) {
    if (exDays.has(day)) continue;
    const oSpan = spanOf(o, ctx) ?? span;
    emit(
      ctx,
      { wall: o.start.wall, span: oSpan, isDate: o.start.isDate, zone: zoneFor(o.start, ctx) },
      o,
      master,
      'override',
      formatDate(day * DAY),
    );
  }
}

function resolveViewerZone(name: string | undefined): Zone {
  const zoneName = name ?? localZoneName();
  const zone = intlZone(zoneName);
  if (!zone) throw new RangeError(`Unknown time zone "${zoneName}"`);
  return zone;
}

function createContext(calendar: Calendar, options: ExpandOptions): Context {
  const from = Number(options.from);
  const to = Number(options.to);
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new RangeError('The window needs a valid start and end');
  const viewer = resolveViewerZone(options.timeZone);
  return {
    from,
    to,
    viewer,
    floating: calendar.timezone ?? viewer,
    maxPeriods: options.maxPeriods ?? DEFAULT_MAX_PERIODS,
    warnings: [],
    out: [],
  };
}

interface Series {
  readonly masters: CalendarEvent[];
  readonly overrides: CalendarEvent[];
}

/** Events by UID: a series is its masters and its overrides (RECURRENCE-ID), and only its own. */
function seriesOf(events: readonly CalendarEvent[]): Map<string, Series> {
  const groups = new Map<string, Series>();
  for (const event of events) {
    let group = groups.get(event.uid);
    if (!group) {
      group = { masters: [], overrides: [] };
      groups.set(event.uid, group);
    }
    (event.recurrenceId ? group.overrides : group.masters).push(event);
  }
  return groups;
}

/** Filter, sort and limit what the series produced (all of it overlaps the window already). */
function finish(ctx: Context, options: ExpandOptions): Expansion {
  const needle = filterNeedle(options.filter);
  let occurrences = ctx.out.filter((o) => (options.includeCancelled || !o.cancelled) && matchesNeedle(o, needle));
  occurrences.sort(compareOccurrences);
  if (options.limit !== undefined && options.limit >= 0) occurrences = occurrences.slice(0, options.limit);
  return { occurrences, warnings: ctx.warnings };
}

/**
 * The occurrences of a calendar that overlap `[from, to)` (`start < to && end > from`; a
 * zero-length occurrence when `from <= start < to`), sorted by start.
 *
 * Overrides (RECURRENCE-ID) apply to the series with the same UID only, matched by instant;
 * an EXDATE wins over an override of the same instance; cancelled instances are dropped unless
 * `includeCancelled`.
 */
export function expandCalendar(calendar: Calendar, options: ExpandOptions): Expansion {
  const ctx = createContext(calendar, options);
  if (ctx.to <= ctx.from) return { occurrences: [], warnings: [] };
  for (const { masters, overrides } of seriesOf(calendar.events).values()) expandSeries(ctx, masters, overrides);
  return finish(ctx, options);
}

export interface AsyncExpandOptions extends ExpandOptions {
  /** Longest stretch of expansion (ms) before yielding to the event loop. Default 25. */
  readonly sliceMs?: number | undefined;
  /** Stops the work between slices (rejects with a CalendarError `aborted`). */
  readonly signal?: AbortSignal | undefined;
}

/**
 * {@link expandCalendar} in slices: series are expanded for at most `sliceMs` at a time, then the
 * main thread is given back (a 10 MB feed has ~20,000 occurrences in a four-month window, several
 * hundred milliseconds of work in one piece). Same result as `expandCalendar`.
 */
export async function expandCalendarAsync(calendar: Calendar, options: AsyncExpandOptions): Promise<Expansion> {
  const ctx = createContext(calendar, options);
  if (ctx.to <= ctx.from) return { occurrences: [], warnings: [] };
  const sliceMs = options.sliceMs ?? 25;
  const aborted = (): CalendarError => new CalendarError('aborted', 'The expansion was cancelled');
  if (options.signal?.aborted) throw aborted();
  let sliceStart = performance.now();
  for (const { masters, overrides } of seriesOf(calendar.events).values()) {
    expandSeries(ctx, masters, overrides);
    if (performance.now() - sliceStart >= sliceMs) {
      await yieldToEventLoop();
      if (options.signal?.aborted) throw aborted();
      sliceStart = performance.now();
    }
  }
  return finish(ctx, options);
}

/**
 * The first occurrence that starts at or after `after` (or is in progress then), looking up to
 * `years` ahead in growing windows. Used for "nothing in this period — next: …".
 */
export function findNextOccurrence(
  calendar: Calendar,
  after: Date | number,
  options: Omit<ExpandOptions, 'from' | 'to' | 'limit'> & { readonly years?: number } = {},
): Occurrence | undefined {
  const start = Number(after);
  const horizon = start + (options.years ?? 5) * 366 * DAY;
  for (let span = 31 * DAY, from = start; from < horizon; from += span, span *= 4) {
    const to = Math.min(horizon, from + span);
    const { occurrences } = expandCalendar(calendar, { ...options, from, to, limit: 1 });
    if (occurrences[0]) return occurrences[0];
  }
  return undefined;
}
