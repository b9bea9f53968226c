import { isHttpUrl } from './safe-url.js';
import type { CalendarEvent } from './types.js';

/** Video-meeting services whose links become a "Join" button. */
const MEETING_HOSTS: readonly RegExp[] = [
  /^(?:[\w-]+\.)*zoom\.us$/i, // Zoom (incl. vanity subdomains)
  /^(?:[\w-]+\.)*zoomgov\.com$/i,
  /^meet\.google\.com$/i, // Google Meet
  /^teams\.microsoft\.com$/i, // Microsoft Teams
  /^teams\.live\.com$/i,
  /^meet\.jit\.si$/i, // Jitsi
  /^(?:[\w-]+\.)*webex\.com$/i, // Webex
];

/** Zoom / Teams landing paths that are not meetings (sign-in, downloads…). */
const NOT_A_MEETING = /^\/(?:$|signin|signup|download|support|pricing|test)\b/i;

const URL_IN_TEXT = /https?:\/\/[^\s"'<>()[\]{}]+/gi;

function meetingUrl(candidate: string): string | undefined {
  const trimmed = candidate.replace(/[.,;:!?]+$/, '').replace(/&amp;/g, '&');
  const href = isHttpUrl(trimmed);
  if (href === undefined) return undefined;
  const url = new URL(href);
  if (!MEETING_HOSTS.some((host) => host.test(url.hostname))) return undefined;
  if (NOT_A_MEETING.test(url.pathname)) return undefined;
  return url.href;
}

/** Meeting links found in a text (plain or HTML), in order. */
export function meetingUrlsIn(text: string | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const url = meetingUrl(match[0]);
    if (url && !out.includes(url)) out.push(url);
  }
  return out;
}

const cache = new WeakMap<CalendarEvent, string | null>();

/**
 * The link to join an event's video meeting (Zoom, Google Meet, Teams, Jitsi, Webex), looked for
 * in conference properties first, then LOCATION, URL and DESCRIPTION. Undefined when none.
 */
export function findJoinUrl(event: CalendarEvent): string | undefined {
  const cached = cache.get(event);
  if (cached !== undefined) return cached ?? undefined;
  const found =
    event.conferenceUrls.map(meetingUrl).find((u) => u !== undefined) ??
    meetingUrlsIn(event.location)[0] ??
    meetingUrlsIn(event.url)[0] ??
    meetingUrlsIn(event.description)[0];
  cache.set(event, found ?? null);
  return found;
}
