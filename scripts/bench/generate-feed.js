#!/usr/bin/env node
// Deterministic generator of realistic Google-style iCalendar feeds for the benchmark:
// VTIMEZONEs, weekly / biweekly / monthly-by-weekday series started years ago with EXDATEs and
// moved or cancelled overrides, HTML descriptions with Zoom links, one-off past events, folded
// lines. Same seed, size and anchor → byte-identical output.
//
// Usage: node scripts/bench/generate-feed.js --events 1000 --seed 1 [--anchor 2026-06-01] > x.ics
import { pathToFileURL } from 'node:url';
import { VTIMEZONES, dateStamp, escapeText, foldLine, localStamp, utcStamp, wallToInstant } from './ics-text.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** The calendar's own zone (X-WR-TIMEZONE) and the zone most events are written in. */
export const FEED_ZONE = 'Europe/Berlin';
const OTHER_ZONE = 'America/New_York';
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const TOPICS = [
  'Collector',
  'Semantic Conventions',
  'Java SIG',
  'JavaScript SIG',
  'Go SIG',
  'Python SIG',
  'Specification',
  'Demo',
  'End-User',
  'Profiling',
  'Logs',
  'Rust SIG',
  '.NET SIG',
  'Kubernetes Operator',
  'eBPF',
  'Security',
  'Communications',
  'Contributor Experience',
  'Browser',
  'Android',
];
const KINDS = ['Weekly', 'Bi-weekly', 'Monthly', 'APAC', 'EMEA', 'AMER', 'Triage', 'Review', 'Sync', 'Office Hours'];

/**
 * Mulberry32: a small, fast, seeded PRNG (deterministic across Node versions).
 * @param {number} seed
 * @returns {() => number} numbers in [0, 1)
 */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @typedef {object} Series
 * @property {string} uid
 * @property {string} zone
 * @property {number} startWall  first instance (wall clock, UTC-based number)
 * @property {number} duration   ms
 * @property {string} rrule
 * @property {number[]} instances wall-clock starts, up to the end of the rule or the horizon
 * @property {boolean} ongoing
 * @property {string} title
 */

/**
 * The wall-clock date of the `nth` weekday (`nth` may be -1 for the last) of a month.
 * @param {number} year
 * @param {number} month 0-11
 * @param {number} weekday 0 = Sunday
 * @param {number} nth
 * @returns {number | undefined} wall-clock midnight
 */
function nthWeekday(year, month, weekday, nth) {
  if (nth > 0) {
    const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
    const day = 1 + ((weekday - first + 7) % 7) + (nth - 1) * 7;
    const result = Date.UTC(year, month, day);
    return new Date(result).getUTCMonth() === month ? result : undefined;
  }
  const lastDate = new Date(Date.UTC(year, month + 1, 0));
  const day = lastDate.getUTCDate() - ((lastDate.getUTCDay() - weekday + 7) % 7);
  return Date.UTC(year, month, day);
}

/**
 * Generates an iCalendar feed.
 * @param {{ events: number, seed: number, anchor?: string }} options anchor: the date the feed is
 *   "downloaded" (YYYY-MM-DD, default 2026-06-01); ongoing series and upcoming events surround it.
 * @returns {string} the feed, CRLF line endings
 */
export function generateFeed({ events, seed, anchor = '2026-06-01' }) {
  const random = seededRandom(seed);
  /** @param {number} n */
  const int = (n) => Math.floor(random() * n);
  /** @template T @param {readonly T[]} items @returns {T} */
  const pick = (items) => /** @type {T} */ (items[int(items.length)]);
  const anchorWall = Date.parse(`${anchor}T00:00:00Z`);
  const horizon = anchorWall + 62 * DAY;
  const stamp = utcStamp(anchorWall - 3 * DAY + 7 * HOUR);
  let uidCounter = 0;
  const newUid = () =>
    `${(seed * 1_000_003 + ++uidCounter).toString(36).padStart(8, '0')}${int(1e9).toString(36)}@google.com`;

  const masterCount = Math.max(1, Math.round(events * 0.35));
  const overrideCount = Math.round(events * 0.35);
  const singleCount = events - masterCount - overrideCount;

  /** @type {string[][]} */
  const vevents = [];

  /** @param {number} wall @param {string} zone */
  const zoned = (wall, zone) => `;TZID=${zone}:${localStamp(wall)}`;
  const zoomUrl = () =>
    `https://zoom.us/j/${9_000_000_000 + int(999_999_999)}?pwd=${int(1e12).toString(36)}${int(1e12).toString(36)}`;
  /** @param {string} title @param {string} url */
  const description = (title, url) =>
    `<p>${title}: agenda and notes in <a href="https://docs.google.com/document/d/${int(1e12).toString(36)}${int(1e12).toString(36)}/edit">the meeting doc</a>. Everyone is welcome; the meeting follows the <b>Chatham House Rule</b> unless said otherwise.</p>` +
    `<p>Join Zoom Meeting<br><a href="${url}" target="_blank">${url}</a></p><p>Meeting ID: ${int(1e3)} ${int(1e4)} ${int(1e4)}<br>Passcode: ${int(1e6)}</p>` +
    (random() < 0.3 ? `<p>Dial by your location<br>+1 646 558 8656 US (New York)<br>+49 69 3807 9883 Germany</p>` : '');
  /**
   * Common Google properties after DTSTART/DTEND/RRULE/EXDATE.
   * @param {string} uid @param {string} title @param {string} status @param {number} sequence
   */
  const tail = (uid, title, status, sequence) => {
    const url = zoomUrl();
    const created = utcStamp(anchorWall - (400 + int(4000)) * DAY + int(DAY));
    return [
      `DTSTAMP:${stamp}`,
      `UID:${uid}`,
      `CREATED:${created}`,
      `DESCRIPTION:${escapeText(description(title, url))}`,
      `LAST-MODIFIED:${utcStamp(anchorWall - int(300) * DAY - int(DAY))}`,
      `LOCATION:${random() < 0.5 ? escapeText(url) : ''}`,
      `SEQUENCE:${sequence}`,
      `STATUS:${status}`,
      `SUMMARY:${escapeText(title)}`,
      'TRANSP:OPAQUE',
    ];
  };

  /** @type {Series[]} */
  const series = [];
  for (let i = 0; i < masterCount; i++) {
    const zone = random() < 0.75 ? FEED_ZONE : OTHER_ZONE;
    const kind = random();
    const ongoing = random() < 0.1;
    const yearsAgo = 1 + random() * 11; // from ~1 to 12 years ago: under FullCalendar's 1000-step cap
    const hour = zone === FEED_ZONE ? 9 + int(9) : 8 + int(6);
    const minute = pick([0, 0, 0, 30, 15, 45]);
    const duration = pick([30, 45, 60, 60, 60, 90]) * MINUTE;
    const firstDay = anchorWall - Math.floor(yearsAgo * 365.25) * DAY;
    const endWall = ongoing ? horizon : anchorWall - (40 + int(Math.max(1, Math.floor(yearsAgo * 365) - 80))) * DAY;
    /** @type {number[]} */
    const instances = [];
    let rrule;
    if (kind < 0.75) {
      const interval = kind < 0.5 ? 1 : 2;
      const start = firstDay + hour * HOUR + minute * MINUTE;
      for (let t = start; t <= endWall; t += interval * 7 * DAY) instances.push(t);
      const weekday = WEEKDAYS[new Date(start).getUTCDay()];
      rrule = `FREQ=WEEKLY${interval > 1 ? `;INTERVAL=${interval}` : ''};BYDAY=${weekday}`;
    } else {
      const weekday = 1 + int(5);
      const nth = pick([1, 2, 3, 4, -1]);
      const first = new Date(firstDay);
      for (let y = first.getUTCFullYear(), m = first.getUTCMonth(); ; m++) {
        const day = nthWeekday(y + Math.floor(m / 12), m % 12, weekday, nth);
        if (day === undefined) continue;
        const t = day + hour * HOUR + minute * MINUTE;
        if (t > endWall) break;
        if (t >= firstDay) instances.push(t);
      }
      rrule = `FREQ=MONTHLY;BYDAY=${nth}${WEEKDAYS[weekday]}`;
    }
    const startWall = instances[0];
    if (startWall === undefined) continue;
    const last = instances.at(-1) ?? startWall;
    if (!ongoing) rrule += `;UNTIL=${utcStamp(wallToInstant(zone, last) + HOUR)}`;
    const title = `${pick(TOPICS)} ${pick(KINDS)}${zone === OTHER_ZONE ? ' (Americas)' : ''}`;
    series.push({ uid: newUid(), zone, startWall, duration, rrule, instances, ongoing, title });
  }

  // Overrides: moved (same day, later hour, sometimes renamed) or cancelled; mostly in the past,
  // and one in the next 30 days for a third of the ongoing series.
  /** @type {Map<Series, Set<number>>} */
  const overridden = new Map();
  /** @type {Map<Series, number[]>} */
  const exdates = new Map();
  const ongoingSeries = series.filter((s) => s.ongoing);
  const overrideTargets = [];
  for (const s of ongoingSeries) if (random() < 0.35) overrideTargets.push({ s, upcoming: true });
  while (overrideTargets.length < overrideCount && series.length > 0)
    overrideTargets.push({ s: pick(series), upcoming: false });
  const overrides = [];
  for (const { s, upcoming } of overrideTargets.slice(0, overrideCount)) {
    const candidates = upcoming
      ? s.instances.filter((t) => t >= anchorWall && t < anchorWall + 30 * DAY)
      : s.instances.filter((t) => t < anchorWall - DAY);
    const taken = overridden.get(s) ?? new Set();
    const free = candidates.filter((t) => !taken.has(t));
    if (free.length === 0) continue;
    const original = pick(free);
    taken.add(original);
    overridden.set(s, taken);
    const cancelled = random() < 0.3;
    const hourOfDay = new Date(original).getUTCHours();
    const shift = cancelled ? 0 : Math.min(1 + int(3), 19 - hourOfDay) * HOUR;
    const title = !cancelled && random() < 0.3 ? `${s.title} (moved)` : s.title;
    overrides.push([
      'BEGIN:VEVENT',
      `DTSTART${zoned(original + shift, s.zone)}`,
      `DTEND${zoned(original + shift + s.duration, s.zone)}`,
      ...tail(s.uid, title, cancelled ? 'CANCELLED' : 'CONFIRMED', 1 + int(3)).flatMap((line) =>
        line.startsWith('UID:') ? [line, `RECURRENCE-ID${zoned(original, s.zone)}`] : [line],
      ),
      'END:VEVENT',
    ]);
  }

  for (const s of series) {
    const taken = overridden.get(s) ?? new Set();
    /** @type {number[]} */
    const excluded = [];
    const count = int(4);
    for (let i = 0; i < count; i++) {
      const t = pick(s.instances);
      if (!taken.has(t) && !excluded.includes(t)) excluded.push(t);
    }
    if (s.ongoing && random() < 0.25) {
      const upcoming = s.instances.filter(
        (t) => t >= anchorWall && t < anchorWall + 30 * DAY && !taken.has(t) && !excluded.includes(t),
      );
      if (upcoming.length > 0) excluded.push(pick(upcoming));
    }
    excluded.sort((a, b) => a - b);
    exdates.set(s, excluded);
    vevents.push([
      'BEGIN:VEVENT',
      `DTSTART${zoned(s.startWall, s.zone)}`,
      `DTEND${zoned(s.startWall + s.duration, s.zone)}`,
      `RRULE:${s.rrule}`,
      ...excluded.map((t) => `EXDATE${zoned(t, s.zone)}`),
      ...tail(s.uid, s.title, 'CONFIRMED', int(3)),
      'END:VEVENT',
    ]);
  }
  vevents.push(...overrides);

  // One-off events: most of them in the past, some upcoming; some all-day, some in UTC.
  const singles = Math.max(singleCount, events - vevents.length);
  for (let i = 0; i < singles; i++) {
    const upcoming = random() < 0.1;
    const day = upcoming ? anchorWall + int(45) * DAY : anchorWall - (2 + int(365 * 8)) * DAY;
    const title = `${pick(['Community Day', 'Workshop', 'Release party', 'Meetup', 'KubeCon sync', 'Maintainer summit', 'Onboarding'])}: ${pick(TOPICS)}`;
    const form = random();
    let dates;
    if (form < 0.15) {
      dates = [`DTSTART;VALUE=DATE:${dateStamp(day)}`, `DTEND;VALUE=DATE:${dateStamp(day + DAY)}`]; // one day: FullCalendar's list repeats a multi-day event on every day it spans
    } else if (form < 0.55) {
      const start = day + (7 + int(10)) * HOUR + pick([0, 30]) * MINUTE;
      dates = [`DTSTART:${utcStamp(start)}`, `DTEND:${utcStamp(start + pick([60, 90, 120]) * MINUTE)}`];
    } else {
      const zone = form < 0.85 ? FEED_ZONE : OTHER_ZONE;
      const start = day + (zone === FEED_ZONE ? 9 + int(9) : 8 + int(6)) * HOUR;
      dates = [`DTSTART${zoned(start, zone)}`, `DTEND${zoned(start + pick([60, 120]) * MINUTE, zone)}`];
    }
    vevents.push(['BEGIN:VEVENT', ...dates, ...tail(newUid(), title, 'CONFIRMED', 0), 'END:VEVENT']);
  }

  // Google does not group masters and overrides; shuffle deterministically.
  for (let i = vevents.length - 1; i > 0; i--) {
    const j = int(i + 1);
    const a = /** @type {string[]} */ (vevents[i]);
    vevents[i] = /** @type {string[]} */ (vevents[j]);
    vevents[j] = a;
  }

  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:OpenTelemetry Community (benchmark)',
    `X-WR-TIMEZONE:${FEED_ZONE}`,
    'X-WR-CALDESC:Generated by scripts/bench/generate-feed.js',
    ...VTIMEZONES[FEED_ZONE],
    ...VTIMEZONES[OTHER_ZONE],
    ...vevents.flat(),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/**
 * @param {string[]} argv
 * @returns {{ events: number, seed: number, anchor: string }}
 */
function parseArgs(argv) {
  const options = { events: 1000, seed: 1, anchor: '2026-06-01' };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1] ?? '';
    if (flag === '--events') options.events = Number(value);
    else if (flag === '--seed') options.seed = Number(value);
    else if (flag === '--anchor') options.anchor = value;
    else throw new Error(`Unknown option ${flag}. Usage: generate-feed.js --events N --seed S [--anchor YYYY-MM-DD]`);
    i++;
  }
  if (!Number.isInteger(options.events) || options.events < 1) throw new Error('--events must be a positive integer');
  if (!Number.isInteger(options.seed)) throw new Error('--seed must be an integer');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.anchor)) throw new Error('--anchor must be YYYY-MM-DD');
  return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    process.stdout.write(generateFeed(parseArgs(process.argv.slice(2))));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
}
